// .awslint.ini, read with inih:
//
//   [awslint]
//   disable = AWS301, inline-comment     rules not to run (ids or names, comma-separated)
//   enable = ...                         run only these
//   fail-level = error                   error, warning, note, never
//   format = sarif                       a --format value
//   expiry-window = 1h                   a --expiry-window value
//   [severity]
//   AWS301 = error                       a rule's severity, by id or name
//
// Every mistake is an error naming the file and the line. inih reports the line of its own parse
// errors only; awslint's checks need the line too, so the file is fed to inih line by line through
// a reader that counts.
#include "settings.h"

#include <fmt/format.h>
#include <ini.h>

#include <cstring>
#include <string_view>

#include "engine.h"
#include "report.h"
#include "rule.h"
#include "source.h"
#include "text.h"
#include "timeutil.h"

namespace awslint {
namespace {

constexpr std::string_view kFileName = ".awslint.ini";
constexpr std::size_t kMaxSettingsSize = 1u << 20;

struct Reader {
  std::string_view text;
  std::size_t pos = 0;
  int line = 0;  // the line inih has last been given
  int long_line = 0;  // first line longer than inih's buffer
};

// fgets for inih, over the text: one whole line per call (a longer line is cut, and remembered).
char* read_line(char* buf, int size, void* stream) {
  auto& r = *static_cast<Reader*>(stream);
  if (r.pos >= r.text.size() || size < 2) return nullptr;
  std::size_t end = r.text.find('\n', r.pos);
  end = end == std::string_view::npos ? r.text.size() : end + 1;
  std::size_t n = end - r.pos;
  ++r.line;
  if (n > static_cast<std::size_t>(size - 1)) {
    if (!r.long_line) r.long_line = r.line;
    n = static_cast<std::size_t>(size - 1);
  }
  std::memcpy(buf, r.text.data() + r.pos, n);
  buf[n] = '\0';
  r.pos = end;
  return buf;
}

struct Parse {
  Settings* out;
  Reader* reader;
  std::string error;  // the first error of a check (inih's own are told by its return value)
  int error_line = 0;
  std::map<std::string, int> seen;  // section/key -> line, for repeats

  int fail(std::string msg) {
    if (error.empty()) {
      error_line = reader->line;
      error = std::move(msg);
    }
    return 0;
  }

  // A comma-separated list of rules, each of which must exist.
  int rules(std::string_view key, std::string_view value, std::vector<std::string>& into) {
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t c = value.find(',', start);
      if (c == std::string_view::npos) c = value.size();
      std::string part(py_strip(value.substr(start, c - start)));
      start = c + 1;
      if (part.empty()) continue;
      if (!find_rule(part)) return fail(unknown_rule(key, part));
      into.push_back(part);
    }
    return 1;
  }

  static std::string unknown_rule(std::string_view key, std::string_view name) {
    std::string best;
    std::size_t bestd = 99;
    for (const auto& r : all_rules()) {
      for (std::string_view cand : {r->info().id, r->info().name}) {
        const std::size_t d = edit_distance(ascii_lower(name), ascii_lower(cand));
        if (d < bestd) bestd = d, best = std::string(cand);
      }
    }
    std::string msg = fmt::format("{}: unknown rule '{}'", key, printable(name));
    if (bestd <= 3) msg += fmt::format(" (did you mean '{}'?)", best);
    return msg;
  }

  static int scalar(std::string_view value, std::optional<std::string>& into) {
    into = std::string(value);
    return 1;
  }

  int awslint_key(std::string_view key, std::string_view value) {
    const bool scalar_key = key == "fail-level" || key == "format" || key == "expiry-window";
    if (scalar_key && value.empty()) return fail(fmt::format("{}: no value", key));
    if (key == "disable") return rules(key, value, out->disable);
    if (key == "enable") return rules(key, value, out->enable);
    if (key == "fail-level") {
      if (!parse_fail_level(value))
        return fail(fmt::format("fail-level: '{}' is not a level (use error, warning, note or never)", printable(value)));
      return scalar(value, out->fail_level);
    }
    if (key == "format") {
      bool known = false;
      std::string all;
      for (auto f : report_formats()) {
        known |= f == value;
        all += all.empty() ? std::string(f) : fmt::format(", {}", f);
      }
      if (!known) return fail(fmt::format("format: unknown format '{}' (use {})", printable(value), all));
      return scalar(value, out->format);
    }
    if (key == "expiry-window") {
      if (!parse_duration(value))
        return fail(fmt::format("expiry-window: '{}' is not a duration (e.g. 15m, 1h, 90s)", printable(value)));
      return scalar(value, out->expiry_window);
    }
    std::string msg = fmt::format("unknown key '{}' in [awslint]", printable(key));
    for (std::string_view k : {"disable", "enable", "fail-level", "format", "expiry-window"})
      if (edit_distance(ascii_lower(key), k) <= 2) msg += fmt::format(" (did you mean '{}'?)", k);
    return fail(msg + " (keys: disable, enable, fail-level, format, expiry-window)");
  }

  int severity_key(std::string_view key, std::string_view value) {
    const Rule* r = find_rule(key);
    if (!r) return fail(unknown_rule("[severity]", key));
    auto sev = parse_severity(value);
    if (!sev)
      return fail(fmt::format("{}: '{}' is not a severity (use error, warning or note)", key, printable(value)));
    out->severity[std::string(r->info().id)] = *sev;
    return 1;
  }

  int entry(std::string_view section, std::string_view key, std::string_view value) {
    // inih calls again for each continuation line of a value: a repeat is a mistake either way.
    const std::string where = fmt::format("[{}] {}", section, key);
    if (auto it = seen.find(where); it != seen.end())
      return fail(fmt::format("'{}' in [{}] is set again (first at line {}): give it once, on one line", key,
                              section, it->second));
    seen[where] = reader->line;
    if (section == "awslint") return awslint_key(key, value);
    if (section == "severity") return severity_key(key, value);
    if (section.empty()) return fail(fmt::format("'{}' is outside a section: put it under [awslint]", key));
    return fail(fmt::format("unknown section [{}] (sections: [awslint], [severity])", printable(section)));
  }
};

int on_entry(void* user, const char* section, const char* name, const char* value) {
  return static_cast<Parse*>(user)->entry(section ? section : "", name ? name : "", value ? value : "");
}

std::string dir_of(const std::string& p) {
  const std::size_t s = p.find_last_of('/');
  if (s == std::string::npos) return "";
  return s == 0 ? "/" : p.substr(0, s);
}

// The first .awslint.ini in dir or its parents.
std::optional<std::string> discover(const FileSystem& fs, std::string dir) {
  while (!dir.empty()) {
    const std::string candidate = dir == "/" ? std::string("/") + std::string(kFileName)
                                             : fmt::format("{}/{}", dir, kFileName);
    if (fs.exists(candidate)) return candidate;
    if (dir == "/") break;
    dir = dir_of(dir);
  }
  return std::nullopt;
}

// Parses the text of a settings file; false with "file:line: message" at the first mistake.
bool parse_settings(std::string_view text, const std::string& display, Settings& out, std::string& error) {
  Reader reader{text};
  Parse parse{&out, &reader};
  const int rc = ini_parse_stream(read_line, &reader, on_entry, &parse);
  if (rc < 0) {
    error = fmt::format("{}: cannot be parsed", display);
    return false;
  }
  // The first of: a handler's error, a line cut short, inih's own (rc is the first error line of
  // any kind; a cut line is usually an error for inih too).
  int line = 0;
  std::string msg;
  auto consider = [&](int l, std::string m) {
    if (l > 0 && (line == 0 || l < line)) line = l, msg = std::move(m);
  };
  consider(parse.error_line, parse.error);
  consider(reader.long_line, "line too long for a settings file");
  if (rc != parse.error_line) consider(rc, "not a 'key = value' line or a [section] header");
  if (line == 0) return true;
  error = fmt::format("{}:{}: {}", display, line, msg);
  return false;
}

}  // namespace

bool load_settings(const std::optional<std::string>& explicit_path, const std::string& cwd, Settings& out,
                   std::string& error) {
  RealFileSystem fs;
  std::optional<std::string> path = explicit_path;
  if (!path) path = discover(fs, cwd);
  if (!path) return true;
  const std::string display = display_path(*path, cwd);
  FileData d = fs.read(*path, kMaxSettingsSize);
  if (d.status != ReadStatus::Ok) {
    error = fmt::format("cannot read settings file '{}': {}", display, d.error);
    return false;
  }
  out.path = *path;
  return parse_settings(d.bytes, display, out, error);
}

}  // namespace awslint
