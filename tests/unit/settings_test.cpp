// .awslint.ini (src/settings.cpp): discovery, every key, and an error naming the file and the line
// for every kind of mistake. The files are written to a temporary directory.
#include <catch2/catch.hpp>

#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "settings.h"

using namespace awslint;

namespace {

struct TempDir {
  std::string path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "awslint-settings-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string write(const std::string& rel, const std::string& text) const {
    const std::filesystem::path p = std::filesystem::path(path) / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
};

// Loads `text` as dir/.awslint.ini, found from dir; returns the error ("" when fine).
std::string load(const std::string& text, Settings& s) {
  TempDir d;
  d.write(".awslint.ini", text);
  std::string error;
  const bool ok = load_settings(std::nullopt, d.path, s, error);
  CHECK(ok == error.empty());
  return error;
}

std::string error_of(const std::string& text) {
  Settings s;
  return load(text, s);
}

}  // namespace

TEST_CASE("settings: no file anywhere is fine") {
  TempDir d;
  Settings s;
  std::string error;
  // The temporary directory's parents may hold a .awslint.ini on a developer's machine; a
  // directory of its own below a fresh root cannot be guaranteed, so only check the result type.
  const bool ok = load_settings(std::nullopt, d.path, s, error);
  if (s.path.empty()) CHECK(ok);
}

TEST_CASE("settings: every key, severities by id and name") {
  Settings s;
  REQUIRE(load("; awslint's settings\n"
               "[awslint]\n"
               "disable = AWS301, inline-comment\n"
               "enable = AWS010\n"
               "fail-level = error ; only errors fail\n"
               "format = sarif\n"
               "expiry-window = 1h\n"
               "\n"
               "[severity]\n"
               "AWS012 = error\n"
               "missing-region = note\n"
               "aws010 = warning\n",
               s) == "");
  CHECK(s.path.ends_with("/.awslint.ini"));
  CHECK(s.disable == std::vector<std::string>{"AWS301", "inline-comment"});
  CHECK(s.enable == std::vector<std::string>{"AWS010"});
  CHECK(s.fail_level == "error");
  CHECK(s.format == "sarif");
  CHECK(s.expiry_window == "1h");
  CHECK(s.severity == std::map<std::string, Severity>{
                          {"AWS012", Severity::Error}, {"AWS301", Severity::Note}, {"AWS010", Severity::Warning}});
}

TEST_CASE("settings: found in a parent directory; --config-file names one") {
  TempDir d;
  d.write(".awslint.ini", "[awslint]\nfail-level = note\n");
  d.write("a/b/keep", "");
  Settings s;
  std::string error;
  REQUIRE(load_settings(std::nullopt, d.path + "/a/b", s, error));
  CHECK(s.path == d.path + "/.awslint.ini");
  CHECK(s.fail_level == "note");

  const std::string other = d.write("other.ini", "[awslint]\nfail-level = never\n");
  Settings s2;
  REQUIRE(load_settings(other, d.path, s2, error));
  CHECK(s2.fail_level == "never");

  Settings s3;
  CHECK_FALSE(load_settings(d.path + "/missing.ini", d.path, s3, error));
  CHECK(error == "cannot read settings file 'missing.ini': No such file or directory");
}

TEST_CASE("settings: mistakes name the file and the line") {
  CHECK(error_of("[awslint]\n\nfail_level = error\n") ==
        ".awslint.ini:3: unknown key 'fail_level' in [awslint] (did you mean 'fail-level'?) (keys: disable, enable, "
        "fail-level, format, expiry-window)");
  CHECK(error_of("[awslint]\ndisable = AWS301, missing-regoin\n") ==
        ".awslint.ini:2: disable: unknown rule 'missing-regoin' (did you mean 'missing-region'?)");
  CHECK(error_of("[awslint]\nenable = AWS9999\n").starts_with(".awslint.ini:2: enable: unknown rule 'AWS9999'"));
  CHECK(error_of("[severity]\nAWS301 = fatal\n") ==
        ".awslint.ini:2: AWS301: 'fatal' is not a severity (use error, warning or note)");
  CHECK(error_of("[severity]\n# a comment\nno-such-rule = error\n")
            .starts_with(".awslint.ini:3: [severity]: unknown rule 'no-such-rule'"));
  CHECK(error_of("[awslint]\nfail-level = high\n") ==
        ".awslint.ini:2: fail-level: 'high' is not a level (use error, warning, note or never)");
  CHECK(error_of("[awslint]\nformat = yaml\n").starts_with(".awslint.ini:2: format: unknown format 'yaml' (use text, "));
  CHECK(error_of("[awslint]\nexpiry-window = soon\n") ==
        ".awslint.ini:2: expiry-window: 'soon' is not a duration (e.g. 15m, 1h, 90s)");
  CHECK(error_of("[awslint]\nformat =\n") == ".awslint.ini:2: format: no value");
}

TEST_CASE("settings: inih's own parse errors, and the first mistake wins") {
  CHECK(error_of("[awslint]\nfail-level = error\njust words\n") ==
        ".awslint.ini:3: not a 'key = value' line or a [section] header");
  CHECK(error_of("[awslint\nfail-level = error\n") ==
        ".awslint.ini:1: not a 'key = value' line or a [section] header");
  CHECK(error_of("[awslint]\nbogus = 1\nalso bad\n").starts_with(".awslint.ini:2: unknown key 'bogus'"));
  CHECK(error_of("[awslint]\nalso bad\nbogus = 1\n") ==
        ".awslint.ini:2: not a 'key = value' line or a [section] header");
  CHECK(error_of("[awslint]\ndisable = AWS301\n" + std::string(300, 'x') + " = 1\n") ==
        ".awslint.ini:3: line too long for a settings file");
}

TEST_CASE("settings: sections, repeats and continuation lines") {
  CHECK(error_of("fail-level = error\n") == ".awslint.ini:1: 'fail-level' is outside a section: put it under [awslint]");
  CHECK(error_of("[tool]\nx = 1\n") == ".awslint.ini:2: unknown section [tool] (sections: [awslint], [severity])");
  CHECK(error_of("[awslint]\nfail-level = error\nfail-level = note\n") ==
        ".awslint.ini:3: 'fail-level' in [awslint] is set again (first at line 2): give it once, on one line");
  CHECK(error_of("[awslint]\ndisable = AWS301,\n  AWS010\n") ==
        ".awslint.ini:3: 'disable' in [awslint] is set again (first at line 2): give it once, on one line");
}
