// Checkstyle XML (version 4.3), as reviewdog, Jenkins' warnings-ng and others read it:
//
//   <checkstyle version="4.3">
//     <file name="config">
//       <error line="3" column="1" severity="warning" message="…" source="awslint.AWS301"/>
//     </file>
//   </checkstyle>
//
// One <file> per file in the order findings come (they are sorted by file), its errors by line;
// severity error, warning or info (for notes). The location is report::anchor(), so an environment finding sits at
// the line it `affects`, or line 1 of the config file; `column` is left out when there is none.
#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "report_internal.h"

namespace awslint::report {
namespace {

std::string_view checkstyle_severity(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "info";
  }
  return "warning";
}

class CheckstyleReporter final : public Reporter {
 public:
  void write(const std::vector<Finding>& findings, const ReportContext& ctx, std::string& out) override {
    struct Item {
      const Finding* f;
      Anchor a;
    };
    std::vector<std::pair<std::string, std::vector<Item>>> files;
    std::size_t last = 0;  // findings come sorted by file: try the previous one first
    for (const Finding& f : findings) {
      Anchor a = anchor(f, ctx);
      if (last >= files.size() || files[last].first != a.file) {
        auto it = std::find_if(files.begin(), files.end(), [&](const auto& p) { return p.first == a.file; });
        if (it == files.end()) {
          files.emplace_back(a.file, std::vector<Item>{});
          it = files.end() - 1;
        }
        last = static_cast<std::size_t>(it - files.begin());
      }
      files[last].second.push_back(Item{&f, std::move(a)});
    }
    // Within a file by line (environment findings were anchored to lines out of order); stable.
    for (auto& [name, items] : files)
      std::stable_sort(items.begin(), items.end(), [](const Item& x, const Item& y) { return x.a.line < y.a.line; });
    auto o = std::back_inserter(out);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<checkstyle version=\"4.3\">\n";
    for (const auto& [name, items] : files) {
      fmt::format_to(o, "  <file name=\"{}\">\n", xml_escape(name, true));
      for (const Item& i : items) {
        out += "    <error line=\"";
        append_number(out, i.a.line);
        out += '"';
        if (i.a.has_col) {
          out += " column=\"";
          append_number(out, i.a.col);
          out += '"';
        }
        out += " severity=\"";
        out += checkstyle_severity(i.f->severity);
        out += "\" message=\"";
        xml_escape_into(out, i.f->message, true);
        out += "\" source=\"awslint.";
        xml_escape_into(out, i.f->rule, true);
        out += "\"/>\n";
        maybe_spill(out, ctx);
      }
      out += "  </file>\n";
    }
    out += "</checkstyle>\n";
  }
};

}  // namespace

std::unique_ptr<Reporter> make_checkstyle() { return std::make_unique<CheckstyleReporter>(); }

}  // namespace awslint::report
