// Suppression comments in config and credentials files.
//
//   # awslint: disable=AWS301,inline-comment     the next line that is not a comment (a key and its
//                                                continuation lines, or a section header)
//   [profile dev]
//   # awslint: disable=missing-region            just after a section header: the whole section
//   # awslint: disable-file=AWS101               anywhere: the whole file
//
// Both '#' and ';' start a comment; a reason may follow the list after ' -- ' or ' # '. A finding
// is matched where it is reported; a finding without a line (line 0) or about the environment is
// matched only by a disable-file in the file it names, or in the file its `affects` names.
// Suppressions that match nothing, name no rule or do not parse are reported as AWS008
// unused-suppression (when that rule runs); those findings can be suppressed in turn by a
// suppression of AWS008, which is reported when it matches nothing but cannot be suppressed itself.
#include "suppress.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <string>
#include <string_view>

#include "lexer.h"
#include "text.h"

namespace awslint {
namespace {

constexpr std::string_view kUnusedId = "AWS008";

enum class Scope : std::uint8_t { Line, Section, File };

// One rule named by one suppression comment.
struct Directive {
  const SourceFile* file = nullptr;
  std::uint32_t line = 0;  // the comment's line
  std::uint32_t col = 1;   // the rule's column in it
  Scope scope = Scope::Line;
  std::uint32_t from = 0, to = 0;  // lines covered (Line and Section scope)
  const Rule* rule = nullptr;
  std::string written;  // the rule as written
  std::string comment;  // the comment, for messages
  std::string section;  // Section scope: the header, for messages
  bool used = false;
};

// A comment that starts like a suppression but is not one, or names no rule.
struct Problem {
  const SourceFile* file = nullptr;
  std::uint32_t line = 0, col = 1;
  std::string message;
};

// The patterns, compiled once.
struct Patterns {
  // `# awslint: WORD ...`: the word says whether the comment means to be a directive.
  RE2 head{R"(^\s*[#;]\s*(?i:awslint)\s*:\s*([A-Za-z_-]+)(.*)$)"};
  // After the word: `= list` and an optional reason.
  RE2 body{R"(^\s*=\s*([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)\s*(?:(?:--|#)\s*.*)?$)"};
  RE2 item{R"(([A-Za-z0-9_-]+))"};
};

const Patterns& patterns() {
  static const Patterns p;
  return p;
}

// Lines a `disable=` comment at `line` covers.
void line_scope(const ParsedFile& pf, Directive& d) {
  const auto n = static_cast<std::uint32_t>(pf.lines.size());
  // Just after a section header (comments between allowed): the whole section.
  std::uint32_t prev = d.line - 1;
  while (prev >= 1 && pf.kind_of(prev) == LineKind::Comment) --prev;
  if (prev >= 1 && pf.kind_of(prev) == LineKind::Section) {
    // The section runs to the line before the next header.
    std::uint32_t last = d.line;
    while (last < n && pf.kind_of(last + 1) != LineKind::Section) ++last;
    d.scope = Scope::Section;
    d.section = printable(py_strip(pf.line_text(prev)));
    d.from = prev;
    d.to = last;
    return;
  }
  // Else the next line that is not a comment: a key with all its lines, or one line.
  std::uint32_t next = d.line + 1;
  while (next <= n && pf.kind_of(next) == LineKind::Comment) ++next;
  d.scope = Scope::Line;
  if (next > n) {
    d.from = d.to = 0;  // nothing follows: covers nothing
    return;
  }
  d.from = d.to = next;
  // A line of a key's value (its key line, a continuation, a blank line inside it): the whole entry.
  if (const Entry* e = pf.entry_at_line(next)) {
    d.from = e->line;
    d.to = std::max(e->end_line, e->line);
  }
}

// The first comment line at or after line `ln` (0: none). Eight line kinds at a time: a file of
// 650,000 lines has few comments, and the loop over every line's kind was most of this file's time.
std::uint32_t next_comment(const ParsedFile& pf, std::uint32_t ln) {
  const auto n = static_cast<std::uint32_t>(pf.lines.size());
  const auto* k = reinterpret_cast<const std::uint8_t*>(pf.line_kinds.data());
  static_assert(sizeof(LineKind) == 1);
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  constexpr std::uint64_t kComment = kOnes * static_cast<std::uint8_t>(LineKind::Comment);
  for (; ln + 7 <= n; ln += 8) {
    std::uint64_t x;
    std::memcpy(&x, k + ln - 1, 8);
    const std::uint64_t y = (x & (kOnes * 7)) ^ kComment;  // a zero byte: a comment line
    if ((y - kOnes) & ~y & kHigh) break;                    // some byte of y is zero
  }
  for (; ln <= n; ++ln)
    if (pf.kind_of(ln) == LineKind::Comment) return ln;
  return 0;
}

void parse_file(const SourceFile& f, std::vector<Directive>& out, std::vector<Problem>& problems) {
  if (!f.ok()) return;
  const ParsedFile& pf = *f.parsed;
  const Patterns& p = patterns();
  for (std::uint32_t ln = next_comment(pf, 1); ln != 0; ln = next_comment(pf, ln + 1)) {
    const std::string_view text = pf.line_text(ln);
    if (text.find(':') == std::string_view::npos) continue;  // cheap pre-check
    re2::StringPiece word, rest;
    if (!RE2::FullMatch(text, p.head, &word, &rest)) continue;
    const std::string lower = ascii_lower(std::string_view(word.data(), word.size()));
    const std::string comment(py_strip(text));
    const auto col_of = [&](const char* ptr) { return column_of(text, static_cast<std::size_t>(ptr - text.data())); };
    Scope scope;
    if (lower == "disable") {
      scope = Scope::Line;
    } else if (lower == "disable-file") {
      scope = Scope::File;
    } else {
      // Free text after "awslint:" is a comment, unless it looks like a misspelt directive.
      if (lower.find("able") != std::string::npos || edit_distance(lower, "disable") <= 2 ||
          edit_distance(lower, "disable-file") <= 3)
        problems.push_back({&f, ln, col_of(word.data()),
                            fmt::format("'{}' is not a suppression: write '# awslint: disable=ID,...' or "
                                        "'# awslint: disable-file=ID,...'",
                                        printable(comment))});
      continue;
    }
    re2::StringPiece list;
    if (!RE2::FullMatch(rest, p.body, &list)) {
      problems.push_back({&f, ln, col_of(word.data()),
                          fmt::format("'{}' is not a suppression: write '# awslint: {}=ID,...' (rule ids or "
                                      "names, comma-separated)",
                                      printable(comment), lower)});
      continue;
    }
    Directive base;
    base.file = &f;
    base.line = ln;
    base.scope = scope;
    base.comment = comment;
    if (scope == Scope::Line) line_scope(pf, base);
    re2::StringPiece input = list, item;
    while (RE2::FindAndConsume(&input, p.item, &item)) {
      Directive d = base;
      d.written = std::string(item.data(), item.size());
      d.col = col_of(item.data());
      d.rule = find_rule(d.written);
      if (!d.rule) {
        problems.push_back({&f, ln, d.col,
                            fmt::format("'{}' is not a rule: this suppression has no effect ('awslint rules' "
                                        "lists the ids and names)",
                                        printable(d.written))});
        continue;
      }
      out.push_back(std::move(d));
    }
  }
}

// The directives of one rule in one file, for lookups in O(log n): a file with a suppression
// before every line and a finding on every line must not take quadratic time. Line ranges are
// entries or single lines and section ranges are sections, so within each list two ranges are
// either the same or disjoint: the ranges that hold a line are those with the greatest start
// at or before it.
struct Scopes {
  std::vector<Directive*> file, lines, sections;  // lines and sections sorted by start
};

class Index {
 public:
  explicit Index(std::vector<Directive>& directives) {
    for (Directive& d : directives) {
      Scopes& s = by_[{d.file->display, d.rule->info().id}];
      if (d.scope == Scope::File) s.file.push_back(&d);
      else if (d.from != 0) (d.scope == Scope::Section ? s.sections : s.lines).push_back(&d);
    }
    for (auto& [key, s] : by_) {
      for (auto* v : {&s.lines, &s.sections})
        std::stable_sort(v->begin(), v->end(), [](const Directive* a, const Directive* b) { return a->from < b->from; });
    }
  }

  // Marks every directive that matches the finding used; true when there is one.
  bool match(const Finding& f) {
    bool hit = false;
    if (!f.loc.file.empty()) {
      if (Scopes* s = find(f.loc.file, f.rule)) {
        hit |= mark_all(s->file);
        if (f.loc.line != 0) {
          hit |= mark_at(s->lines, f.loc.line);
          hit |= mark_at(s->sections, f.loc.line);
        }
      }
    }
    // Environment findings and whole-file findings elsewhere: only a disable-file in the file affected.
    if (f.affects && !f.affects->file.empty() && f.affects->file != f.loc.file)
      if (Scopes* s = find(f.affects->file, f.rule)) hit |= mark_all(s->file);
    return hit;
  }

 private:
  std::map<std::pair<std::string_view, std::string_view>, Scopes> by_;

  Scopes* find(std::string_view file, std::string_view rule) {
    auto it = by_.find({file, rule});
    return it == by_.end() ? nullptr : &it->second;
  }
  static bool mark_all(std::vector<Directive*>& v) {
    for (Directive* d : v) d->used = true;
    return !v.empty();
  }
  static bool mark_at(std::vector<Directive*>& v, std::uint32_t line) {
    auto it = std::upper_bound(v.begin(), v.end(), line, [](std::uint32_t l, const Directive* d) { return l < d->from; });
    if (it == v.begin()) return false;
    const std::uint32_t from = (*(it - 1))->from;
    bool hit = false;
    for (; it != v.begin() && (*(it - 1))->from == from; --it) {
      Directive* d = *(it - 1);
      if (line <= d->to) d->used = hit = true;
    }
    return hit;
  }
};

// Removes the findings some directive matches, marking the directives used.
void filter(std::vector<Directive>& directives, std::vector<Finding>& findings) {
  if (directives.empty()) return;
  Index index(directives);
  std::erase_if(findings, [&](const Finding& f) { return index.match(f); });
}

std::string unused_message(const Directive& d) {
  const RuleInfo& i = d.rule->info();
  const std::string what = iequals(d.written, i.id) ? fmt::format("{}", i.id) : fmt::format("{} ({})", d.written, i.id);
  switch (d.scope) {
    case Scope::File:
      return fmt::format("suppression of {} matches no finding in this file: remove it from the comment", what);
    case Scope::Section:
      return fmt::format("suppression of {} matches no finding in section {}: remove it from the comment", what,
                         d.section);
    case Scope::Line:
      if (d.from == 0) return fmt::format("suppression of {} is followed by no line: remove it", what);
      return fmt::format("suppression of {} matches no finding on line {}: remove it from the comment", what, d.from);
  }
  return {};
}

}  // namespace

void apply_suppressions(const Workspace& ws, const std::vector<const Rule*>& rules, std::vector<Finding>& findings) {
  std::vector<Directive> directives;
  std::vector<Problem> problems;
  parse_file(ws.config, directives, problems);
  parse_file(ws.credentials, directives, problems);
  if (directives.empty() && problems.empty()) return;

  const Rule* unused_rule = nullptr;
  for (const Rule* r : rules)
    if (r->info().id == kUnusedId) unused_rule = r;

  // Directives about AWS008 apply to the AWS008 findings made below, not to the rules' findings.
  std::vector<Directive> about_unused, about_rules;
  for (auto& d : directives) (d.rule->info().id == kUnusedId ? about_unused : about_rules).push_back(std::move(d));
  filter(about_rules, findings);
  if (!unused_rule) return;

  Sink sink(&unused_rule->info());
  for (const Problem& p : problems) sink.report(at(*p.file, p.line, p.col), p.message);
  for (const Directive& d : about_rules) {
    // Only a rule that ran can say a suppression is unused.
    if (d.used || std::find(rules.begin(), rules.end(), d.rule) == rules.end()) continue;
    sink.report(at(*d.file, d.line, d.col), unused_message(d)).key = d.written;
  }
  std::vector<Finding> reported = std::move(sink.findings());
  filter(about_unused, reported);
  Sink late(&unused_rule->info());
  for (const Directive& d : about_unused)
    if (!d.used) late.report(at(*d.file, d.line, d.col), unused_message(d)).key = d.written;
  for (auto* v : {&reported, &late.findings()})
    findings.insert(findings.end(), std::make_move_iterator(v->begin()), std::make_move_iterator(v->end()));
}

}  // namespace awslint
