// GitHub Actions workflow commands, one annotation per finding:
//
//   ::warning file=config,line=3,col=1,title=AWS301 missing-region::profile 'dev' has no region
//
// error / warning / notice by severity. An environment finding is shown at the file line it
// `affects` when it has one, else without a file (a job-level annotation). Related locations are
// added to the message as further lines. Escaping is @actions/core's: in the message '%', CR and
// LF become %25, %0D and %0A; in properties ':' and ',' also become %3A and %2C. A plain summary
// line ends the output; GitHub shows only the first 10 annotations of each kind per step, so it
// says so when there are more.
#include <iterator>

#include <fmt/format.h>

#include "report_internal.h"
#include "text.h"

namespace awslint::report {

std::string github_escape_data(std::string_view s) {
  if (s.find_first_of("%\r\n") == std::string_view::npos) return std::string(s);
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string github_escape_property(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// Control characters (NUL, ESC ...) never reach the log; line breaks stay (escaped as %0A).
std::string printable_keep_newlines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = s.find('\n', start);
    append_printable(out, s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (nl == std::string_view::npos) break;
    out.push_back('\n');
    start = nl + 1;
  }
  return out;
}


constexpr std::size_t kShownPerKind = 10;

std::string_view command(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "notice";
  }
  return "warning";
}

class GithubReporter final : public Reporter {
 public:
  void write(const std::vector<Finding>& findings, const ReportContext& ctx, std::string& out) override {
    auto o = std::back_inserter(out);
    for (const Finding& f : findings) {
      const Location* at = &f.loc;
      if (f.loc.file.empty() && f.affects && !f.affects->file.empty()) at = &*f.affects;
      std::string props;
      if (!at->file.empty()) {
        props += "file=" + github_escape_property(printable(at->file));
        if (at->line != 0) {
          props += fmt::format(",line={}", at->line);
          if (at->col != 0) props += fmt::format(",col={}", at->col);
        }
        props += ',';
      }
      props += "title=" + github_escape_property(f.name.empty() ? f.rule : fmt::format("{} {}", f.rule, f.name));
      std::string message = f.message;
      for (const Related& r : f.related)
        message += fmt::format("\n{}: note: {}", location_string(r.loc), r.message);
      fmt::format_to(o, "::{} {}::{}\n", command(f.severity), props, github_escape_data(printable_keep_newlines(message)));
      maybe_spill(out, ctx);
    }
    const Counts c = count(findings);
    std::string line = fmt::format("awslint: {}", printable(summary_line(findings, ctx)));
    if (c.errors > kShownPerKind || c.warnings > kShownPerKind || c.notes > kShownPerKind)
      line += fmt::format(" (GitHub shows only the first {} annotations of each kind per step; all are listed above)",
                          kShownPerKind);
    fmt::format_to(o, "{}\n", line);
  }
};

}  // namespace

std::unique_ptr<Reporter> make_github() { return std::make_unique<GithubReporter>(); }

}  // namespace awslint::report
