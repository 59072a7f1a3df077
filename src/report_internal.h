// Shared by the reporters (report_*.cpp) and their tests; not part of the public interface.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "json.h"
#include "report.h"

namespace awslint::report {

// One constructor per format (report_<format>.cpp).
std::unique_ptr<Reporter> make_text();
std::unique_ptr<Reporter> make_json();
std::unique_ptr<Reporter> make_sarif();
std::unique_ptr<Reporter> make_github();
std::unique_ptr<Reporter> make_gitlab();
std::unique_ptr<Reporter> make_junit();
std::unique_ptr<Reporter> make_checkstyle();

// ---- Output ---------------------------------------------------------------------------------

// Hands `out` to ctx.spill once it holds a megabyte (reporters call it between findings).
inline void maybe_spill(std::string& out, const ReportContext& ctx) {
  constexpr std::size_t kSpillBytes = std::size_t{1} << 20;
  if (out.size() >= kSpillBytes && ctx.spill) {
    ctx.spill(out);
    out.clear();
  }
}

// ---- Counting -------------------------------------------------------------------------------

struct Counts {
  std::size_t errors = 0, warnings = 0, notes = 0;
  std::size_t total() const { return errors + warnings + notes; }
};
Counts count(const std::vector<Finding>& findings);
// Inputs that were read (the "in N files" of the summary).
std::size_t files_read(const ReportContext& ctx);
// "3 findings (1 error, 2 warnings, 0 notes) in 2 files" / "no findings in 2 files".
std::string summary_line(const std::vector<Finding>& findings, const ReportContext& ctx);

// ---- Rules ----------------------------------------------------------------------------------

// The rule of a finding among the rules that ran, or null.
const RuleInfo* rule_info(const ReportContext& ctx, std::string_view id);
bool is_security(const ReportContext& ctx, const Finding& f);

// ---- Locations ------------------------------------------------------------------------------

// What the human formats (text, junit) call a location with no file.
inline constexpr std::string_view kEnvironmentLabel = "<environment>";

// "file:line:col", "file:line", "file" or "<environment>", as the text format prints it.
std::string location_string(const Location& loc);

// A location in a file for the formats that need one (SARIF, GitLab, checkstyle): the finding's
// own when it has a file; else `affects`; else line 1 of the config file (through ctx.inputs:
// the config file if read, else the credentials file, else the env file, else the first input).
// Lines and columns are raised to at least 1; `synthetic` tells the line was made up (line 0 or
// no file), `has_col` that the column is real.
struct Anchor {
  std::string file;
  std::uint32_t line = 1;
  std::uint32_t col = 1;
  bool synthetic = false;
  bool has_col = false;
};
Anchor anchor(const Finding& f, const ReportContext& ctx);

// ---- Fingerprints ---------------------------------------------------------------------------

// SHA-256 of bytes, as 64 lower-case hex digits. The x86 SHA extensions are used when the CPU has
// them, unless `hardware` is false (tests compare both).
std::string sha256_hex(std::string_view data, bool hardware = true);

// Stable identity of a finding: rule id, file, profile, key and variable; never lines or the
// message, so moving a line or rewording a message keeps it. 32 hex digits.
std::string fingerprint(const Finding& f);

// Fingerprints for a whole report: findings with the same identity get an occurrence number mixed
// in (the first keeps the plain fingerprint), so that fingerprints are unique within a report.
std::vector<std::string> fingerprints(const std::vector<Finding>& findings);

// ---- Escaping -------------------------------------------------------------------------------

// out += printable(s) (text.h), without a copy when s is printable ASCII already.
void append_printable(std::string& out, std::string_view s);

// Valid UTF-8 for output: invalid bytes become U+FFFD.
std::string valid_utf8(std::string_view s);

// XML character data, or an attribute value in double quotes: & < > escaped, and " in attributes;
// characters XML 1.0 forbids become U+FFFD; CR, and in attributes TAB and LF, become character
// references so that they survive end-of-line and attribute-value normalisation.
std::string xml_escape(std::string_view s, bool attribute);
void xml_escape_into(std::string& out, std::string_view s, bool attribute);  // appends

// GitHub workflow commands (as @actions/core escapes them): the message, and a property value.
std::string github_escape_data(std::string_view s);
std::string github_escape_property(std::string_view s);

// Appends the decimal digits of n.
void append_number(std::string& out, std::uint64_t n);

// A key and its string value, or null when absent (json.h's writer).
inline void opt_field(JsonWriter& w, std::string_view k, std::string_view s, bool present) {
  w.key(k);
  if (present) w.value(s); else w.null();
}

}  // namespace awslint::report
