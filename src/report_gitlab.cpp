// GitLab Code Quality (a subset of the Code Climate issue format): a JSON array of
//
//   {"description", "check_name", "fingerprint", "severity", "location": {"path", "lines": {"begin"}}}
//
// severity: note → info, warning → minor, error → major, an error of a security rule → critical.
// The location is report::anchor(): environment findings go to the line they `affect`, or line 1
// of the config file, since GitLab needs a path. The fingerprint is report::fingerprints().
#include <fmt/format.h>

#include "report_internal.h"

namespace awslint::report {
namespace {

std::string_view gitlab_severity(const Finding& f, const ReportContext& ctx) {
  switch (f.severity) {
    case Severity::Note: return "info";
    case Severity::Warning: return "minor";
    case Severity::Error: return is_security(ctx, f) ? "critical" : "major";
  }
  return "minor";
}

class GitlabReporter final : public Reporter {
 public:
  void write(const std::vector<Finding>& findings, const ReportContext& ctx, std::string& out) override {
    const std::vector<std::string> fps = fingerprints(findings);
    JsonWriter w(out);
    w.begin_array();
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const Finding& f = findings[i];
      const Anchor a = anchor(f, ctx);
      w.begin_object();
      w.key("description").value(f.message);
      w.key("check_name").value(f.name.empty() ? f.rule : fmt::format("{} {}", f.rule, f.name));
      w.key("fingerprint").value(fps[i]);
      w.key("severity").value(gitlab_severity(f, ctx));
      w.key("location").begin_object();
      w.key("path").value(a.file);
      w.key("lines").begin_object().key("begin").value(a.line).end_object();
      w.end_object();
      w.end_object();
      maybe_spill(out, ctx);
    }
    w.end_array();
  }
};

}  // namespace

std::unique_ptr<Reporter> make_gitlab() { return std::make_unique<GitlabReporter>(); }

}  // namespace awslint::report
