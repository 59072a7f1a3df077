// JUnit XML, as CI systems (GitLab, Jenkins, Azure) read it:
//
//   <testsuites name="awslint" tests="2" failures="1" errors="0">
//     <testsuite name="config" tests="1" failures="1" errors="0" skipped="0">
//       <testcase name="AWS301 missing-region at config:3:1" classname="config">
//         <failure message="profile 'dev' has no region" type="warning">config:3:1: warning: …</failure>
//       </testcase>
//     </testsuite>
//     <testsuite name="credentials" tests="1" failures="0" errors="0" skipped="0">
//       <testcase name="no findings" classname="credentials"/>
//     </testsuite>
//   </testsuites>
//
// One suite per file: the inputs that were read (in ctx.inputs order), then any other file a
// finding names, then "environment" for the process environment's findings. One testcase per
// finding, failing, with the severity as failure type and the text-format lines as its body; a
// suite without findings has one passing testcase.
#include <iterator>

#include <fmt/format.h>

#include "report_internal.h"

namespace awslint::report {
namespace {

constexpr std::string_view kEnvSuite = "environment";

struct Suite {
  std::string name;
  std::vector<const Finding*> findings;
};

std::string tag(const Finding& f) { return f.name.empty() ? f.rule : fmt::format("{} {}", f.rule, f.name); }

std::string case_name(const Finding& f) {
  if (!f.loc.file.empty()) return fmt::format("{} at {}", tag(f), location_string(f.loc));
  if (!f.variable.empty()) return fmt::format("{} at {}", tag(f), f.variable);
  return tag(f);
}

std::string body(const Finding& f) {
  std::string b = fmt::format("{}: {}: {} [{}]", location_string(f.loc), severity_name(f.severity), f.message, tag(f));
  for (const Related& r : f.related) b += fmt::format("\n{}: note: {}", location_string(r.loc), r.message);
  return b;
}

class JunitReporter final : public Reporter {
 public:
  void write(const std::vector<Finding>& findings, const ReportContext& ctx, std::string& out) override {
    std::vector<Suite> suites;
    auto suite = [&](std::string_view name) -> Suite& {
      for (Suite& s : suites)
        if (s.name == name) return s;
      suites.push_back(Suite{std::string(name), {}});
      return suites.back();
    };
    for (const InputSummary& in : ctx.inputs)
      if (in.read && !in.path.empty()) suite(in.path);
    // Findings come sorted by file: look the suite up only when the file changes.
    std::size_t last = suites.size();
    for (const Finding& f : findings) {
      if (f.loc.file.empty()) continue;
      if (last == suites.size() || suites[last].name != f.loc.file) {
        suite(f.loc.file);
        for (last = 0; suites[last].name != f.loc.file; ++last) {}
      }
      suites[last].findings.push_back(&f);
    }
    for (const Finding& f : findings)
      if (f.loc.file.empty()) suite(kEnvSuite).findings.push_back(&f);
    if (suites.empty()) suites.push_back(Suite{"awslint", {}});

    std::size_t tests = 0;
    for (const Suite& s : suites) tests += s.findings.empty() ? 1 : s.findings.size();

    auto o = std::back_inserter(out);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    fmt::format_to(o, "<testsuites name=\"awslint\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n", tests,
                   findings.size());
    for (const Suite& s : suites) {
      const std::string name = xml_escape(s.name, true);
      fmt::format_to(o, "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n", name,
                     s.findings.empty() ? 1 : s.findings.size(), s.findings.size());
      if (s.findings.empty())
        fmt::format_to(o, "    <testcase name=\"no findings\" classname=\"{}\"/>\n", name);
      for (const Finding* f : s.findings) {
        out += "    <testcase name=\"";
        xml_escape_into(out, case_name(*f), true);
        out += "\" classname=\"";
        out += name;
        out += "\">\n      <failure message=\"";
        xml_escape_into(out, f->message, true);
        out += "\" type=\"";
        out += severity_name(f->severity);
        out += "\">";
        xml_escape_into(out, body(*f), false);
        out += "</failure>\n    </testcase>\n";
        maybe_spill(out, ctx);
      }
      out += "  </testsuite>\n";
    }
    out += "</testsuites>\n";
  }
};

}  // namespace

std::unique_ptr<Reporter> make_junit() { return std::make_unique<JunitReporter>(); }

}  // namespace awslint::report
