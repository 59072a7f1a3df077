// The text format, after clang and ruff:
//
//   config:3:1: warning: profile 'dev' has no region [AWS301 missing-region]
//       3 | [profile dev]
//         | ^
//   credentials:7:1: note: also defined here
//
//   1 finding (0 errors, 1 warning, 0 notes) in 2 files
//
// Locations: `file:line:col`; `file:line` when the finding has no column; `file` alone when it
// concerns the whole file (line 0); `<environment>` for the process environment (no file; a
// variable from --env-file has the env file and its line instead). Related locations follow as
// `note:` lines. The excerpt (with secrets masked by safe_excerpt) is shown when ctx.excerpts is
// set, the workspace has the line and it is not blank; the caret marks the column. ANSI colours
// only with ctx.color. The summary line comes last, after a blank line when anything precedes it.
#include <fmt/format.h>

#include <charconv>
#include <iterator>

#include "model.h"
#include "report_internal.h"
#include "text.h"

namespace awslint::report {
namespace {

struct Style {
  bool on;
  std::string_view operator()(std::string_view code) const { return on ? code : std::string_view(); }
};

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kMagenta = "\x1b[1;35m";
constexpr std::string_view kCyan = "\x1b[1;36m";
constexpr std::string_view kGreen = "\x1b[1;32m";
constexpr std::string_view kBlue = "\x1b[34m";
constexpr std::string_view kDim = "\x1b[2m";

std::string_view severity_colour(Severity s) {
  switch (s) {
    case Severity::Error: return kRed;
    case Severity::Warning: return kMagenta;
    case Severity::Note: return kCyan;
  }
  return kBold;
}

// location_string(loc), into a reused buffer.
void location_into(std::string& out, const Location& loc) {
  out.clear();
  if (loc.file.empty()) {
    out += kEnvironmentLabel;
    return;
  }
  out += loc.file;
  char buf[16];
  if (loc.line == 0) return;
  out += ':';
  out.append(buf, std::to_chars(buf, buf + sizeof buf, loc.line).ptr);
  if (loc.col == 0) return;
  out += ':';
  out.append(buf, std::to_chars(buf, buf + sizeof buf, loc.col).ptr);
}

// fmt's "{:>5}" of a number.
void append_right5(std::string& out, std::uint32_t n) {
  char buf[16];
  const auto len = static_cast<std::size_t>(std::to_chars(buf, buf + sizeof buf, n).ptr - buf);
  if (len < 5) out.append(5 - len, ' ');
  out.append(buf, len);
}

class TextReporter final : public Reporter {
 public:
  void write(const std::vector<Finding>& findings, const ReportContext& ctx, std::string& out) override {
    const Style c{ctx.color};
    std::string loc;
    // "{bold}{location}:{reset} {colour}{label}:{reset} {message}"
    auto head = [&](const Location& where, std::string_view colour, std::string_view label, std::string_view message) {
      out += c(kBold);
      location_into(loc, where);
      append_printable(out, loc);
      out += ':';
      out += c(kReset);
      out += ' ';
      out += colour;
      out += label;
      out += ':';
      out += c(kReset);
      out += ' ';
      append_printable(out, message);
    };
    for (const Finding& f : findings) {
      // ... then " {dim}[{rule} {name}]{reset}"
      head(f.loc, c(severity_colour(f.severity)), severity_name(f.severity), f.message);
      out += ' ';
      out += c(kDim);
      out += '[';
      out += f.rule;
      if (!f.name.empty()) {
        out += ' ';
        out += f.name;
      }
      out += ']';
      out += c(kReset);
      out += '\n';
      excerpt(out, ctx, f.loc);
      for (const Related& r : f.related) {
        head(r.loc, c(kCyan), "note", r.message);
        out += '\n';
        excerpt(out, ctx, r.loc);
      }
      maybe_spill(out, ctx);
    }
    if (!findings.empty()) out += '\n';
    fmt::format_to(std::back_inserter(out), "{}{}{}\n", c(kBold), summary_line(findings, ctx), c(kReset));
  }

 private:
  static constexpr std::uint32_t kMaxExcerpt = 160;  // code points of a line shown at most
  static void excerpt(std::string& out, const ReportContext& ctx, const Location& loc) {
    if (!ctx.excerpts || loc.file.empty() || loc.line == 0) return;
    std::string text;
    for (const Workspace* ws : ctx.workspaces)
      if (ws != nullptr && text.empty()) text = safe_excerpt(*ws, loc.file, loc.line);
    if (text.empty() && ctx.workspace != nullptr) text = safe_excerpt(*ctx.workspace, loc.file, loc.line);
    if (text.find_first_not_of(" \t") == std::string::npos) return;
    // A long line (a token, a generated one-liner) is shown as a window around the column.
    std::uint32_t col_in = loc.col;
    const std::size_t width = code_points(text);
    if (width > kMaxExcerpt) {
      const std::uint32_t first = loc.col > kMaxExcerpt / 2 ? loc.col - kMaxExcerpt / 2 : 1;
      std::size_t b = 0, e = 0;
      std::uint32_t cp_i = 1;
      for (std::size_t i = 0; i <= text.size(); ++cp_i) {
        if (cp_i == first) b = i;
        if (cp_i == first + kMaxExcerpt) { e = i; break; }
        if (i == text.size()) { e = i; break; }
        char32_t cp = 0;
        std::size_t n = utf8_decode(text, i, cp);
        i += n == 0 ? 1 : n;
      }
      const bool head = first > 1, tail = e < text.size();
      text = std::string(head ? "\xE2\x80\xA6" : "") + text.substr(b, e - b) + (tail ? "\xE2\x80\xA6" : "");
      if (col_in) col_in = col_in - first + 1 + (head ? 1 : 0);
    }
    const Style c{ctx.color};
    // "{blue}{line:>5} |{reset} {text}"
    out += c(kBlue);
    append_right5(out, loc.line);
    out += " |";
    out += c(kReset);
    out += ' ';
    out += text;
    out += '\n';
    if (col_in == 0) return;
    // "{blue}      |{reset} {pad}{green}^{reset}": the caret under column `col` (code points; a TAB
    // in the line stays a TAB under it).
    out += c(kBlue);
    out += "      |";
    out += c(kReset);
    out += ' ';
    std::uint32_t col = 1;
    for (std::size_t i = 0; i < text.size() && col < col_in; ++col) {
      const auto b = static_cast<unsigned char>(text[i]);
      if (b < 0x80) {  // ASCII: one byte, one column
        out += b == '\t' ? '\t' : ' ';
        ++i;
        continue;
      }
      char32_t cp = 0;
      std::size_t n = utf8_decode(text, i, cp);
      if (n == 0) n = 1;
      out += ' ';
      i += n;
    }
    if (col < col_in) out.append(col_in - col, ' ');
    out += c(kGreen);
    out += '^';
    out += c(kReset);
    out += '\n';
  }
};

}  // namespace

std::unique_ptr<Reporter> make_text() { return std::make_unique<TextReporter>(); }

}  // namespace awslint::report
