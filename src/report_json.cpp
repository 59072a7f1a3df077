// The json format: one object, pretty-printed, keys in a fixed order.
//
// {
//   "findings": [
//     {
//       "rule": "AWS301", "name": "missing-region", "severity": "warning",
//       "message": "...",
//       "file": "config",            null for the process environment
//       "line": 3, "column": 1,      null when 0 (whole file / environment; no column)
//       "profile": "dev",            or null
//       "variable": null,            the environment variable, or null
//       "key": "region",             or null
//       "affects": null,             {"file", "line", "column"}: where an environment finding bites
//       "fingerprint": "…",          stable identity (see report_internal.h)
//       "related": [{"file", "line", "column", "message"}]
//     }
//   ],
//   "summary": {"errors", "warnings", "notes", "total",
//               "inputs": [{"path", "role", "read", "status"}]}
// }
#include "report_internal.h"

namespace awslint::report {
namespace {

void location_fields(JsonWriter& w, const Location& loc) {
  opt_field(w, "file", loc.file, !loc.file.empty());
  w.key("line");
  if (loc.line != 0) w.value(loc.line); else w.null();
  w.key("column");
  if (loc.line != 0 && loc.col != 0) w.value(loc.col); else w.null();
}

class JsonReporter final : public Reporter {
 public:
  void write(const std::vector<Finding>& findings, const ReportContext& ctx, std::string& out) override {
    const std::vector<std::string> fps = fingerprints(findings);
    JsonWriter w(out);
    w.begin_object();
    w.key("findings").begin_array();
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const Finding& f = findings[i];
      w.begin_object();
      w.key("rule").value(f.rule);
      w.key("name").value(f.name);
      w.key("severity").value(severity_name(f.severity));
      w.key("message").value(f.message);
      location_fields(w, f.loc);
      opt_field(w, "profile", f.profile, f.has_profile);
      opt_field(w, "variable", f.variable, !f.variable.empty());
      opt_field(w, "key", f.key, !f.key.empty());
      w.key("affects");
      if (f.affects) {
        w.begin_object();
        location_fields(w, *f.affects);
        w.end_object();
      } else {
        w.null();
      }
      w.key("fingerprint").value(fps[i]);
      w.key("related").begin_array();
      for (const Related& r : f.related) {
        w.begin_object();
        location_fields(w, r.loc);
        w.key("message").value(r.message);
        w.end_object();
      }
      w.end_array();
      w.end_object();
      maybe_spill(out, ctx);
    }
    w.end_array();

    const Counts c = count(findings);
    w.key("summary").begin_object();
    w.key("errors").value(static_cast<std::int64_t>(c.errors));
    w.key("warnings").value(static_cast<std::int64_t>(c.warnings));
    w.key("notes").value(static_cast<std::int64_t>(c.notes));
    w.key("total").value(static_cast<std::int64_t>(c.total()));
    w.key("inputs").begin_array();
    for (const InputSummary& in : ctx.inputs) {
      w.begin_object();
      w.key("path").value(in.path);
      w.key("role").value(in.role);
      w.key("read").value(in.read);
      w.key("status").value(in.status);
      w.end_object();
    }
    w.end_array();
    w.end_object();
    w.end_object();
  }
};

}  // namespace

std::unique_ptr<Reporter> make_json() { return std::make_unique<JsonReporter>(); }

}  // namespace awslint::report
