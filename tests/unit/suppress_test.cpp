// Suppression comments (src/suppress.cpp) and AWS008 unused-suppression, on in-memory workspaces
// and hand-made findings, so that they do not depend on what the other rules report.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "lexer.h"
#include "model.h"
#include "rule.h"
#include "suppress.h"
#include "workspace_fixture.h"

using namespace awslint;

namespace {

std::unique_ptr<Workspace> make_ws(const std::string& config, const std::string& credentials = "") {
  return test::make_workspace(config, credentials);
}

Finding finding(std::string rule, std::string file, std::uint32_t line, std::uint32_t col = 1) {
  Finding f;
  f.rule = std::move(rule);
  f.name = std::string(find_rule(f.rule)->info().name);
  f.loc = Location{std::move(file), line, col};
  return f;
}

std::vector<const Rule*> rules(std::initializer_list<const char*> ids) {
  std::vector<const Rule*> v;
  for (const char* id : ids) v.push_back(find_rule(id));
  return v;
}

// "rule file:line:col" of each finding, in order.
std::vector<std::string> summary(const std::vector<Finding>& v) {
  std::vector<std::string> out;
  for (const auto& f : v) out.push_back(f.rule + " " + f.loc.file + ":" + std::to_string(f.loc.line) + ":" +
                                        std::to_string(f.loc.col));
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("disable= suppresses the next line, by id or name") {
  auto ws = make_ws(
      "[profile dev]\n"               // 1
      "cli_pager =\n"                  // 2
      "# awslint: disable=AWS010\n"    // 3
      "region = eu-west-1 ; x\n"       // 4
      "output = json ; y\n"            // 5
      "# awslint: disable=inline-comment -- known\n"  // 6
      "cli_pager = ; z\n");            // 7
  std::vector<Finding> f{finding("AWS010", "config", 4, 20), finding("AWS010", "config", 5, 15),
                         finding("AWS010", "config", 7, 13)};
  apply_suppressions(*ws, rules({"AWS008", "AWS010"}), f);
  CHECK(summary(f) == V{"AWS010 config:5:15"});
}

TEST_CASE("disable= covers a key's continuation lines and skips comment lines") {
  auto ws = make_ws(
      "[profile dev]\n"               // 1
      "output = json\n"                // 2
      "# awslint: disable=AWS011\n"    // 3
      "# why: the value is read as one line\n"  // 4
      "s3 =\n"                         // 5
      "  max_concurrent_requests = 20\n"  // 6
      "region = x\n");                 // 7
  std::vector<Finding> f{finding("AWS011", "config", 6, 3), finding("AWS011", "config", 7, 1)};
  apply_suppressions(*ws, rules({"AWS008", "AWS011"}), f);
  CHECK(summary(f) == V{"AWS011 config:7:1"});
}

TEST_CASE("disable= just after a section header covers the section") {
  auto ws = make_ws(
      "[profile a]\n"                   // 1
      "# awslint: disable=AWS301,AWS010\n"  // 2
      "output = json ; x\n"            // 3
      "\n"                             // 4
      "[profile b]\n"                  // 5
      "output = json\n");              // 6
  std::vector<Finding> f{finding("AWS301", "config", 1, 1), finding("AWS010", "config", 3, 15),
                         finding("AWS301", "config", 5, 1)};
  apply_suppressions(*ws, rules({"AWS008", "AWS010", "AWS301"}), f);
  CHECK(summary(f) == V{"AWS301 config:5:1"});
}

TEST_CASE("disable= before a section header covers the header line only") {
  auto ws = make_ws(
      "# awslint: disable=AWS301\n"  // 1
      "[profile a]\n"                 // 2
      "output = json ; x\n");         // 3
  std::vector<Finding> f{finding("AWS301", "config", 2, 1), finding("AWS301", "config", 3, 1)};
  apply_suppressions(*ws, rules({"AWS008", "AWS301"}), f);
  CHECK(summary(f) == V{"AWS301 config:3:1"});
}

TEST_CASE("disable-file covers the file, line 0 and the environment findings that affect it") {
  auto ws = make_ws(
      "[profile a]\n"
      "region = x\n"
      "# awslint: disable-file=AWS101, AWS401\n",
      "[a]\naws_access_key_id = x\n");
  Finding env = finding("AWS401", "", 0);
  env.affects = Location{"config", 2, 1};
  Finding env_other = finding("AWS401", "", 0);
  env_other.affects = Location{"credentials", 2, 1};
  std::vector<Finding> f{finding("AWS101", "config", 0), finding("AWS101", "credentials", 0), env, env_other};
  apply_suppressions(*ws, rules({"AWS008", "AWS101", "AWS401"}), f);
  CHECK(summary(f) == V{"AWS101 credentials:0:1", "AWS401 :0:1"});
  CHECK(f[1].affects->file == "credentials");
}

TEST_CASE("line 0 and environment findings are not suppressed by disable=") {
  auto ws = make_ws(
      "# awslint: disable=AWS101,AWS401\n"
      "[profile a]\n"
      "region = x\n");
  Finding env = finding("AWS401", "env", 3);
  env.affects = Location{"config", 2, 1};
  std::vector<Finding> f{finding("AWS101", "config", 0), env};
  apply_suppressions(*ws, rules({"AWS101", "AWS401"}), f);
  CHECK(summary(f) == V{"AWS101 config:0:1", "AWS401 env:3:1"});
}

TEST_CASE("a suppression in one file does not reach the other") {
  auto ws = make_ws("[default]\n# awslint: disable-file=AWS012\n", "[default]\naws_access_key_id = \"x\"\n");
  std::vector<Finding> f{finding("AWS012", "credentials", 2, 21)};
  apply_suppressions(*ws, rules({"AWS012"}), f);
  CHECK(summary(f) == V{"AWS012 credentials:2:21"});
}

TEST_CASE("suppressions that match nothing are reported as AWS008, at the rule") {
  auto ws = make_ws(
      "[default]\n"                             // 1
      "# awslint: disable=AWS010, AWS012\n"      // 2: the section
      "region = x ; y\n"                         // 3
      "; awslint: disable-file=quoted-value\n"   // 4
      "# awslint: disable=AWS301\n");            // 5
  std::vector<Finding> f{finding("AWS010", "config", 3, 12)};
  apply_suppressions(*ws, rules({"AWS008", "AWS010", "AWS012", "AWS301"}), f);
  REQUIRE(summary(f) == V{"AWS008 config:2:28", "AWS008 config:4:25", "AWS008 config:5:20"});
  CHECK(f[0].message == "suppression of AWS012 matches no finding in section [default]: remove it from the comment");
  CHECK(f[0].severity == Severity::Note);
  CHECK(f[0].name == "unused-suppression");
  CHECK(f[1].message ==
        "suppression of quoted-value (AWS012) matches no finding in this file: remove it from the comment");
  CHECK(f[2].message == "suppression of AWS301 is followed by no line: remove it");

  auto ws2 = make_ws("[default]\nregion = x\n# awslint: disable=AWS010\noutput = json\n");
  f.clear();
  apply_suppressions(*ws2, rules({"AWS008", "AWS010"}), f);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "suppression of AWS010 matches no finding on line 4: remove it from the comment");
}

TEST_CASE("unused suppressions of rules that did not run, or without AWS008, are not reported") {
  auto ws = make_ws("[default]\n# awslint: disable=AWS010\nregion = x\n# awslint: disable=nope\n");
  std::vector<Finding> f;
  apply_suppressions(*ws, rules({"AWS008", "AWS301"}), f);
  CHECK(summary(f) == V{"AWS008 config:4:20"});  // only the unknown rule
  f.clear();
  apply_suppressions(*ws, rules({"AWS010"}), f);
  CHECK(f.empty());
}

TEST_CASE("unknown rules and malformed suppressions are reported") {
  auto ws = make_ws(
      "[default]\n"                         // 1
      "# awslint: disable=AWS999\n"          // 2
      "# awslint: disable AWS010\n"          // 3
      "# awslint: disabel=AWS010\n"          // 4
      "# awslint: checked in CI\n"           // 5: free text, fine
      "# AWSLINT: Disable-File=aws010\n"     // 6: case does not matter for ids
      "region = x\n");
  std::vector<Finding> f{finding("AWS010", "config", 7, 1)};
  apply_suppressions(*ws, rules({"AWS008", "AWS010"}), f);
  REQUIRE(summary(f) == V{"AWS008 config:2:20", "AWS008 config:3:12", "AWS008 config:4:12"});
  CHECK(f[0].message == "'AWS999' is not a rule: this suppression has no effect ('awslint rules' lists the ids and "
                        "names)");
  CHECK(f[1].message == "'# awslint: disable AWS010' is not a suppression: write '# awslint: disable=ID,...' (rule "
                        "ids or names, comma-separated)");
  CHECK(f[2].message.starts_with("'# awslint: disabel=AWS010' is not a suppression"));
}

TEST_CASE("AWS008 findings can be suppressed; an unused AWS008 suppression is reported") {
  auto ws = make_ws(
      "[default]\n"                          // 1
      "# awslint: disable-file=AWS008\n"      // 2
      "# awslint: disable=AWS010\n"           // 3
      "region = x\n");                        // 4
  std::vector<Finding> f;
  apply_suppressions(*ws, rules({"AWS008", "AWS010"}), f);
  CHECK(f.empty());

  auto ws2 = make_ws("[default]\n# awslint: disable-file=unused-suppression\nregion = x\n");
  apply_suppressions(*ws2, rules({"AWS008", "AWS010"}), f);
  REQUIRE(summary(f) == V{"AWS008 config:2:25"});
  CHECK(f[0].message == "suppression of unused-suppression (AWS008) matches no finding in this file: remove it from "
                        "the comment");
}

TEST_CASE("a suppression on the last line, without a newline") {
  auto ws = make_ws("[default]\nregion = x\n# awslint: disable-file=AWS301");
  std::vector<Finding> f{finding("AWS301", "config", 1, 1)};
  apply_suppressions(*ws, rules({"AWS008", "AWS301"}), f);
  CHECK(f.empty());
}

TEST_CASE("stacked suppressions of one rule are all used; a comment inside a value covers the entry") {
  auto ws = make_ws(
      "[default]\n"                     // 1
      "region = x\n"                     // 2
      "# awslint: disable=AWS010\n"      // 3
      "# awslint: disable=inline-comment\n"  // 4
      "output = json ; x\n"              // 5
      "s3 =\n"                           // 6
      "  # awslint: disable=AWS011\n"    // 7: inside the value
      "  max_concurrent_requests = 20\n");  // 8
  std::vector<Finding> f{finding("AWS010", "config", 5, 15), finding("AWS011", "config", 6, 1)};
  apply_suppressions(*ws, rules({"AWS008", "AWS010", "AWS011"}), f);
  CHECK(summary(f).empty());
}

TEST_CASE("a suppression before every line, a finding on every line: not quadratic") {
  std::string text = "[default]\nregion = x\n";
  std::vector<Finding> f;
  for (std::uint32_t i = 0; i < 50000; ++i) {
    text += "# awslint: disable=AWS010\nk = v ; x\n";
    f.push_back(finding("AWS010", "config", 4 + 2 * i, 7));
  }
  auto ws = make_ws(text);
  apply_suppressions(*ws, rules({"AWS008", "AWS010"}), f);  // seconds, not minutes
  CHECK(f.empty());
}
