// SARIF 2.1.0, shaped for GitHub code scanning.
//
// - tool.driver.rules lists every rule that ran (plus, at the end, any rule a finding names that
//   is not among them), so that ruleIndex is always valid.
// - Every result has exactly one physicalLocation: its own; or, for an environment finding, the
//   file line it `affects`; or line 1 of the config file (report::anchor). Lines and columns are
//   at least 1. Paths under ctx.working_dir are relative to %SRCROOT% (originalUriBaseIds gives
//   its absolute file URI); others are absolute file URIs.
// - The environment variable and the profile are logicalLocations.
// - partialFingerprints["awslint/v1"] is report::fingerprints(): rule, file, profile, key and
//   variable, never lines, so moving a line keeps the alert.
#include <filesystem>
#include <iterator>

#include <fmt/format.h>

#include "report_internal.h"

#ifndef AWSLINT_VERSION
#define AWSLINT_VERSION "0.0.0"
#endif

namespace awslint::report {
namespace {

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/awslint/awslint";
constexpr std::string_view kSrcRoot = "%SRCROOT%";
constexpr std::string_view kFingerprintKey = "awslint/v1";

// Percent-encodes everything but RFC 3986 unreserved characters and '/'.
std::string uri_encode(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/';
    if (keep)
      out += static_cast<char>(c);
    else
      fmt::format_to(std::back_inserter(out), "%{:02X}", c);
  }
  return out;
}

struct ArtifactUri {
  std::string uri;
  bool relative = false;  // relative to %SRCROOT%
};

// The working directory as a normalised absolute path with a trailing '/', or "".
std::string root_dir(const ReportContext& ctx) {
  if (ctx.working_dir.empty() || ctx.working_dir[0] != '/') return {};
  std::string root = std::filesystem::path(ctx.working_dir).lexically_normal().generic_string();
  if (root.empty() || root.back() != '/') root += '/';
  return root;
}

ArtifactUri artifact_uri(const std::string& file, const std::string& root) {
  namespace fs = std::filesystem;
  const fs::path p(file);
  if (p.is_relative()) {
    const std::string norm = p.lexically_normal().generic_string();
    if (norm != ".." && norm.rfind("../", 0) != 0) return {uri_encode(norm), true};
    if (root.empty()) return {uri_encode(norm), true};
  }
  const std::string abs = (p.is_absolute() ? p : fs::path(root) / p).lexically_normal().generic_string();
  if (!root.empty() && abs.size() > root.size() && abs.compare(0, root.size(), root) == 0)
    return {uri_encode(abs.substr(root.size())), true};
  return {"file://" + uri_encode(abs), false};
}

// artifact_uri() of the file named last (findings come sorted by file; path arithmetic per
// finding was a large part of a big report).
struct UriCache {
  const std::string& root;
  std::string file;
  ArtifactUri uri;
  bool filled = false;
  const ArtifactUri& get(const std::string& f) {
    if (!filled || f != file) {
      uri = artifact_uri(f, root);
      file = f;
      filled = true;
    }
    return uri;
  }
};

std::string_view level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "warning";
}

std::string_view security_severity(Severity s) {
  switch (s) {
    case Severity::Error: return "8.0";
    case Severity::Warning: return "5.0";
    case Severity::Note: return "2.0";
  }
  return "5.0";
}

// The text under "## What it does" in a rule's doc, or "".
std::string what_it_does(std::string_view doc) {
  constexpr std::string_view kHeading = "## What it does";
  const std::size_t h = doc.find(kHeading);
  if (h == std::string_view::npos) return {};
  std::string_view rest = doc.substr(h + kHeading.size());
  const std::size_t next = rest.find("\n## ");
  if (next != std::string_view::npos) rest = rest.substr(0, next);
  // Join the paragraph's lines.
  std::string out;
  std::size_t i = 0;
  while (i < rest.size()) {
    std::size_t e = rest.find('\n', i);
    if (e == std::string_view::npos) e = rest.size();
    std::string_view l = rest.substr(i, e - i);
    while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t' || l.back() == '\r')) l.remove_suffix(1);
    if (!l.empty()) {
      if (!out.empty()) out += ' ';
      out += l;
    }
    i = e + 1;
  }
  return out;
}

struct Descriptor {
  std::string id, name, summary, full, doc;
  Severity severity = Severity::Warning;
  bool security = false;
};

class SarifReporter final : public Reporter {
 public:
  void write(const std::vector<Finding>& findings, const ReportContext& ctx, std::string& out) override {
    const std::string root = root_dir(ctx);
    std::vector<Descriptor> rules = descriptors(findings, ctx);
    // Findings come sorted by file and often share a rule: remember the last answers.
    std::string_view last_id;
    std::int64_t last_index = -1;
    auto rule_index = [&](std::string_view id) -> std::int64_t {
      if (last_index >= 0 && id == last_id) return last_index;
      for (std::size_t i = 0; i < rules.size(); ++i)
        if (rules[i].id == id) {
          last_id = rules[i].id;
          return last_index = static_cast<std::int64_t>(i);
        }
      return -1;  // not reached: descriptors() covers every finding
    };
    UriCache uris{root};
    const std::vector<std::string> fps = fingerprints(findings);

    JsonWriter w(out);
    w.begin_object();
    w.key("$schema").value(kSchema);
    w.key("version").value("2.1.0");
    w.key("runs").begin_array().begin_object();

    w.key("tool").begin_object().key("driver").begin_object();
    w.key("name").value("awslint");
    w.key("version").value(AWSLINT_VERSION);
    w.key("semanticVersion").value(AWSLINT_VERSION);
    w.key("informationUri").value(kInformationUri);
    w.key("rules").begin_array();
    for (const Descriptor& d : rules) rule(w, d);
    w.end_array();
    w.end_object().end_object();  // driver, tool

    w.key("automationDetails").begin_object().key("id").value(ctx.automation_id).end_object();

    w.key("invocations").begin_array().begin_object();
    w.key("executionSuccessful").value(ctx.execution_successful);
    if (!ctx.execution_successful) notifications(w, ctx);
    w.end_object().end_array();

    w.key("columnKind").value("unicodeCodePoints");
    if (!root.empty()) {
      w.key("originalUriBaseIds").begin_object();
      w.key(kSrcRoot).begin_object().key("uri").value("file://" + uri_encode(root)).end_object();
      w.end_object();
    }

    w.key("results").begin_array();
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const Finding& f = findings[i];
      w.begin_object();
      w.key("ruleId").value(f.rule);
      w.key("ruleIndex").value(rule_index(f.rule));
      w.key("level").value(level(f.severity));
      w.key("message").begin_object().key("text").value(f.message).end_object();

      w.key("locations").begin_array().begin_object();
      const Anchor a = anchor(f, ctx);
      physical_location(w, a.file, a.line, a.col, uris);
      logical_locations(w, f);
      w.end_object().end_array();

      if (!f.related.empty()) {
        w.key("relatedLocations").begin_array();
        for (std::size_t r = 0; r < f.related.size(); ++r) {
          const Related& rel = f.related[r];
          w.begin_object();
          w.key("id").value(static_cast<std::int64_t>(r + 1));
          if (!rel.loc.file.empty())
            physical_location(w, rel.loc.file, std::max<std::uint32_t>(rel.loc.line, 1),
                              std::max<std::uint32_t>(rel.loc.col, 1), uris);
          w.key("message").begin_object().key("text").value(rel.message).end_object();
          w.end_object();
        }
        w.end_array();
      }

      w.key("partialFingerprints").begin_object().key(kFingerprintKey).value(fps[i]).end_object();
      w.end_object();
      maybe_spill(out, ctx);
    }
    w.end_array();

    w.end_object().end_array();  // run, runs
    w.end_object();
  }

 private:
  static std::vector<Descriptor> descriptors(const std::vector<Finding>& findings, const ReportContext& ctx) {
    std::vector<Descriptor> rules;
    auto known = [&](std::string_view id) {
      for (const Descriptor& d : rules)
        if (d.id == id) return true;
      return false;
    };
    for (const Rule* r : ctx.rules) {
      if (r == nullptr || known(r->info().id)) continue;
      const RuleInfo& info = r->info();
      Descriptor d{std::string(info.id), std::string(info.name), std::string(info.summary),
                   what_it_does(info.doc), std::string(info.doc), info.severity, info.security};
      rules.push_back(std::move(d));
    }
    for (const Finding& f : findings) {
      if (known(f.rule)) continue;
      rules.push_back(Descriptor{f.rule, f.name, {}, {}, {}, f.severity, false});
    }
    for (Descriptor& d : rules) {
      if (d.summary.empty()) d.summary = d.name.empty() ? d.id : d.name;
      if (d.full.empty()) d.full = d.summary;
      if (d.doc.empty()) d.doc = d.full;
    }
    return rules;
  }

  static void rule(JsonWriter& w, const Descriptor& d) {
    w.begin_object();
    w.key("id").value(d.id);
    if (!d.name.empty()) w.key("name").value(d.name);
    w.key("shortDescription").begin_object().key("text").value(d.summary).end_object();
    w.key("fullDescription").begin_object().key("text").value(d.full).end_object();
    w.key("help").begin_object().key("text").value(d.doc).key("markdown").value(d.doc).end_object();
    w.key("defaultConfiguration").begin_object().key("level").value(level(d.severity)).end_object();
    w.key("properties").begin_object();
    w.key("tags").begin_array();
    if (d.security) w.value("security").value("credentials");
    else w.value("correctness");
    w.end_array();
    if (d.security) w.key("security-severity").value(security_severity(d.severity));
    w.end_object();
    w.end_object();
  }

  static void physical_location(JsonWriter& w, const std::string& file, std::uint32_t line, std::uint32_t col,
                                UriCache& uris) {
    const ArtifactUri& u = uris.get(file);
    w.key("physicalLocation").begin_object();
    w.key("artifactLocation").begin_object();
    w.key("uri").value(u.uri);
    if (u.relative) w.key("uriBaseId").value(kSrcRoot);
    w.end_object();
    w.key("region").begin_object().key("startLine").value(line).key("startColumn").value(col).end_object();
    w.end_object();
  }

  static void logical_locations(JsonWriter& w, const Finding& f) {
    if (f.variable.empty() && !f.has_profile) return;
    w.key("logicalLocations").begin_array();
    if (!f.variable.empty())
      w.begin_object().key("name").value(f.variable).key("kind").value("variable").end_object();
    if (f.has_profile)
      w.begin_object()
          .key("name").value(f.profile)
          .key("fullyQualifiedName").value(fmt::format("profile {}", f.profile))
          .key("kind").value("object")
          .end_object();
    w.end_array();
  }

  static void notifications(JsonWriter& w, const ReportContext& ctx) {
    bool any = false;
    for (const InputSummary& in : ctx.inputs) {
      if (in.read) continue;
      if (!any) w.key("toolExecutionNotifications").begin_array();
      any = true;
      w.begin_object();
      w.key("level").value(in.status == "missing" ? "warning" : "error");
      w.key("message")
          .begin_object()
          .key("text").value(fmt::format("{} file '{}' was not read: {}", in.role, in.path, in.status))
          .end_object();
      w.end_object();
    }
    if (any) w.end_array();
  }
};

}  // namespace

std::unique_ptr<Reporter> make_sarif() { return std::make_unique<SarifReporter>(); }

}  // namespace awslint::report
