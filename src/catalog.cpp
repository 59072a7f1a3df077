#include "catalog.h"

#include <fmt/format.h>

#include "json.h"

namespace awslint {

bool render_catalog(std::string_view format, std::string& out) {
  const auto& rules = all_rules();
  if (format == "text") {
    for (const auto& r : rules) {
      const RuleInfo& i = r->info();
      out += fmt::format("{:<7} {:<30} {:<8} {}\n", i.id, i.name, severity_name(i.severity), i.summary);
    }
    return true;
  }
  if (format == "markdown") {
    out += "| id | name | severity | reports |\n|---|---|---|---|\n";
    for (const auto& r : rules) {
      const RuleInfo& i = r->info();
      std::string summary(i.summary);
      std::string esc;
      for (char c : summary) {
        if (c == '|') esc += "\\|";
        else esc.push_back(c);
      }
      out += fmt::format("| {} | {} | {} | {} |\n", i.id, i.name, severity_name(i.severity), esc);
    }
    return true;
  }
  if (format == "json") {
    JsonWriter w(out);
    w.begin_array();
    for (const auto& r : rules) {
      const RuleInfo& i = r->info();
      w.begin_object();
      w.key("id").value(i.id);
      w.key("name").value(i.name);
      w.key("severity").value(severity_name(i.severity));
      w.key("summary").value(i.summary);
      w.key("security").value(i.security);
      w.key("doc").value(i.doc);
      w.end_object();
    }
    w.end_array();
    return true;
  }
  return false;
}

void render_explain(const Rule& r, std::string& out) {
  const RuleInfo& i = r.info();
  out += fmt::format("# {} {} ({})\n\n{}\n\n{}", i.id, i.name, severity_name(i.severity), i.summary, i.doc);
  if (!out.ends_with('\n')) out.push_back('\n');
}

}  // namespace awslint
