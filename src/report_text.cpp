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

class TextReporter final : public Reporter {
 public:
  void write(const std::vector<Finding>& findings, const ReportContext& ctx, std::string& out) override {
    const Style c{ctx.color};
    auto o = std::back_inserter(out);
    for (const Finding& f : findings) {
      fmt::format_to(o, "{}{}:{} {}{}:{} {}", c(kBold), printable(location_string(f.loc)), c(kReset),
                     c(severity_colour(f.severity)), severity_name(f.severity), c(kReset), printable(f.message));
      if (f.name.empty())
        fmt::format_to(o, " {}[{}]{}\n", c(kDim), f.rule, c(kReset));
      else
        fmt::format_to(o, " {}[{} {}]{}\n", c(kDim), f.rule, f.name, c(kReset));
      excerpt(out, ctx, f.loc);
      for (const Related& r : f.related) {
        fmt::format_to(o, "{}{}:{} {}note:{} {}\n", c(kBold), printable(location_string(r.loc)), c(kReset),
                       c(kCyan), c(kReset), printable(r.message));
        excerpt(out, ctx, r.loc);
      }
    }
    if (!findings.empty()) out += '\n';
    fmt::format_to(o, "{}{}{}\n", c(kBold), summary_line(findings, ctx), c(kReset));
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
    auto o = std::back_inserter(out);
    fmt::format_to(o, "{}{:>5} |{} {}\n", c(kBlue), loc.line, c(kReset), text);
    if (col_in == 0) return;
    // The caret under column `col` (code points; a TAB in the line stays a TAB under it).
    std::string pad;
    std::uint32_t col = 1;
    for (std::size_t i = 0; i < text.size() && col < col_in; ++col) {
      char32_t cp = 0;
      std::size_t n = utf8_decode(text, i, cp);
      if (n == 0) n = 1;
      pad += cp == '\t' ? '\t' : ' ';
      i += n;
    }
    for (; col < col_in; ++col) pad += ' ';
    fmt::format_to(o, "{}{:>5} |{} {}{}^{}\n", c(kBlue), "", c(kReset), pad, c(kGreen), c(kReset));
  }
};

}  // namespace

std::unique_ptr<Reporter> make_text() { return std::make_unique<TextReporter>(); }

}  // namespace awslint::report
