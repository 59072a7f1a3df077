// Reporters: golden output of every format (testdata/golden/report.*), escaping, fingerprints and
// safe excerpts. AWSLINT_UPDATE_GOLDEN=1 rewrites the golden files from the current output.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include <fmt/format.h>

#include "lexer.h"
#include "model.h"
#include "report.h"
#include "report_internal.h"
#include "rule.h"

using namespace awslint;

namespace {

constexpr std::string_view kDoc = R"(## What it does
Reports the thing, at the line
where it happens.

## Why is this bad?
Because.

## Example
```ini
[profile dev]
```

## Use instead
```ini
[profile dev]
region = eu-west-1
```
)";

class FakeRule final : public Rule {
 public:
  explicit FakeRule(RuleInfo info) : info_(info) {}
  const RuleInfo& info() const override { return info_; }
  void check(const Workspace&, Sink&) const override {}

 private:
  RuleInfo info_;
};

// A small catalog: the reporters only read RuleInfo.
const std::vector<const Rule*>& fake_rules() {
  static const FakeRule r1({"AWS001", "duplicate-section", Severity::Error,
                            "section header repeated in one file", kDoc, false});
  static const FakeRule r2({"AWS101", "undefined-profile", Severity::Error,
                            "the selected profile is defined in neither file", kDoc, false});
  static const FakeRule r3({"AWS201", "env-shadows-profile", Severity::Warning,
                            "an environment variable overrides the profile", kDoc, false});
  static const FakeRule r4({"AWS301", "missing-region", Severity::Warning, "profile has no region", kDoc, false});
  static const FakeRule r5({"AWS401", "secret-in-config", Severity::Warning,
                            "secret key in the config file", kDoc, true});
  static const FakeRule r6({"AWS402", "readable-credentials", Severity::Note,
                            "credentials file readable by others", kDoc, true});
  static const std::vector<const Rule*> rules{&r1, &r2, &r3, &r4, &r5, &r6};
  return rules;
}

constexpr std::string_view kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
constexpr std::string_view kKeyId = "AKIAIOSFODNN7EXAMPLE";

constexpr std::string_view kConfig =
    "[default]\n"                                                    // 1
    "region = us-east-1\n"                                           // 2
    "\n"                                                             // 3
    "[profile dev]\n"                                                // 4
    "output = json\n"                                                // 5
    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"  // 6
    "\n"                                                             // 7
    "[profile dev]\n"                                                // 8
    "\toutput = text\n";                                             // 9

constexpr std::string_view kCredentials =
    "[default]\n"                                        // 1
    "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"         // 2
    "aws_secret_access_key =\n"                          // 3
    "   wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"      // 4
    "aws_session_token = FwoGZXIvYXdzEJr//////////wEaDM1234567890abcdefghijKLMNOP\n"  // 5
    "# aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"           // 6
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"          // 7
    "s3 =\n"                                             // 8
    "  max_concurrent_requests = 10\n"                   // 9
    "  aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"  // 10
    "aws_secret_acess_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"     // 11
    "role_arn = arn:aws:iam::123456789012:role/deploy\n"  // 12
    "# mentions AKIAIOSFODNN7EXAMPLE in a comment\n";     // 13

std::unique_ptr<Workspace> make_workspace() {
  auto ws = std::make_unique<Workspace>();
  ws->config.kind = FileKind::Config;
  ws->config.path = ws->config.display = "config";
  ws->config.status = ReadStatus::Ok;
  ws->config.parsed = lex(std::string(kConfig));
  ws->credentials.kind = FileKind::Credentials;
  ws->credentials.path = ws->credentials.display = "credentials";
  ws->credentials.status = ReadStatus::Ok;
  ws->credentials.parsed = lex(std::string(kCredentials));
  ws->env.enabled = false;
  return ws;
}

Finding finding(std::string rule, std::string name, Severity s, std::string message, Location loc) {
  Finding f;
  f.rule = std::move(rule);
  f.name = std::move(name);
  f.severity = s;
  f.message = std::move(message);
  f.loc = std::move(loc);
  return f;
}

// Sorted as the engine sorts them: file, line, column, rule id (the environment first).
std::vector<Finding> sample_findings() {
  std::vector<Finding> v;
  {
    Finding f = finding("AWS101", "undefined-profile", Severity::Error,
                        "AWS_PROFILE names profile 'nope', which neither file defines", {});
    f.variable = "AWS_PROFILE";
    f.profile = "nope";
    f.has_profile = true;
    v.push_back(std::move(f));
  }
  {
    Finding f = finding("AWS201", "env-shadows-profile", Severity::Warning,
                        "AWS_REGION overrides the region of profile 'dev'", {});
    f.variable = "AWS_REGION";
    f.profile = "dev";
    f.has_profile = true;
    f.key = "region";
    f.affects = Location{"config", 4, 1};
    v.push_back(std::move(f));
  }
  {
    Finding f = finding("AWS301", "missing-region", Severity::Warning,
                        "profile 'dev' has no region; add \"region = <name>\" & try again", {"config", 4, 1});
    f.profile = "dev";
    f.has_profile = true;
    f.key = "region";
    v.push_back(std::move(f));
  }
  {
    Finding f = finding("AWS401", "secret-in-config", Severity::Warning,
                        "profile 'dev' has a secret key in the config file; move it to the credentials file",
                        {"config", 6, 25});
    f.profile = "dev";
    f.has_profile = true;
    f.key = "aws_secret_access_key";
    v.push_back(std::move(f));
  }
  {
    Finding f = finding("AWS001", "duplicate-section", Severity::Error,
                        "section '[profile dev]' is already defined at line 4", {"config", 8, 1});
    f.key = "profile dev";
    f.related.emplace_back();
    f.related.back().loc = Location{"config", 4, 1};
    f.related.back().message = "first defined here";
    v.push_back(std::move(f));
  }
  v.push_back(finding("AWS402", "readable-credentials", Severity::Note,
                      "the credentials file can be read by other users; chmod 600 it", {"credentials", 0, 0}));
  return v;
}

ReportContext sample_context(const Workspace* ws) {
  ReportContext ctx;
  ctx.rules = fake_rules();
  ctx.inputs = {{"config", "config", true, "read"}, {"credentials", "credentials", true, "read"}};
  ctx.working_dir = "/home/user/project";
  ctx.workspace = ws;
  if (ws != nullptr) ctx.workspaces.push_back(ws);
  return ctx;
}

std::string render(std::string_view format, const std::vector<Finding>& findings, const ReportContext& ctx) {
  auto r = make_reporter(format);
  REQUIRE(r != nullptr);
  std::string out;
  r->write(findings, ctx, out);
  return out;
}

std::string golden_path(std::string_view name) {
  return fmt::format("{}/testdata/golden/{}", AWSLINT_SOURCE_DIR, name);
}

// Compares with testdata/golden/NAME; AWSLINT_UPDATE_GOLDEN=1 writes it instead.
void check_golden(std::string_view name, const std::string& actual) {
  const std::string path = golden_path(name);
  if (const char* u = std::getenv("AWSLINT_UPDATE_GOLDEN"); u != nullptr && *u != '\0' && *u != '0') {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("updated " << path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  INFO("golden file " << path << " (AWSLINT_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(in.good());
  const std::string expected((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(actual == expected);
}

// The SARIF golden does not change with the project version (a placeholder that is still a version).
std::string without_version(std::string s) {
  const std::string v = fmt::format("\"{}\"", AWSLINT_VERSION);
  for (std::size_t p = 0; (p = s.find(v, p)) != std::string::npos;) s.replace(p, v.size(), "\"0.0.0-golden\"");
  return s;
}

}  // namespace

// ---- Golden output -------------------------------------------------------------------------

TEST_CASE("report: every format has a reporter", "[report]") {
  for (std::string_view f : report_formats()) CHECK(make_reporter(f) != nullptr);
  CHECK(report_formats().size() == 7);
  CHECK(make_reporter("xml") == nullptr);
  CHECK(make_reporter("") == nullptr);
}

TEST_CASE("report: golden output of every format", "[report][golden]") {
  const auto ws = make_workspace();
  const ReportContext ctx = sample_context(ws.get());
  const std::vector<Finding> findings = sample_findings();
  check_golden("report.txt", render("text", findings, ctx));
  check_golden("report.json", render("json", findings, ctx));
  check_golden("report.sarif", without_version(render("sarif", findings, ctx)));
  check_golden("report.github.txt", render("github", findings, ctx));
  check_golden("report.gitlab.json", render("gitlab", findings, ctx));
  check_golden("report.junit.xml", render("junit", findings, ctx));
  check_golden("report.checkstyle.xml", render("checkstyle", findings, ctx));

  ReportContext colour = ctx;
  colour.color = true;
  check_golden("report.color.txt", render("text", findings, colour));

  ReportContext plain = ctx;
  plain.excerpts = false;
  check_golden("report.noexcerpt.txt", render("text", findings, plain));
}

TEST_CASE("report: no findings", "[report][golden]") {
  const ReportContext ctx = sample_context(nullptr);
  const std::vector<Finding> none;
  CHECK(render("text", none, ctx) == "no findings in config, credentials\n");
  CHECK(render("github", none, ctx) == "awslint: no findings in config, credentials\n");
  CHECK(render("gitlab", none, ctx) == "[]\n");
  CHECK(render("checkstyle", none, ctx) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n</checkstyle>\n");
  CHECK(render("junit", none, ctx) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"awslint\" tests=\"2\" failures=\"0\" errors=\"0\">\n"
        "  <testsuite name=\"config\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
        "    <testcase name=\"no findings\" classname=\"config\"/>\n"
        "  </testsuite>\n"
        "  <testsuite name=\"credentials\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
        "    <testcase name=\"no findings\" classname=\"credentials\"/>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
  const std::string json = render("json", none, ctx);
  CHECK(json.find("\"findings\": [],") != std::string::npos);
  CHECK(json.find("\"total\": 0") != std::string::npos);
  check_golden("clean.sarif", without_version(render("sarif", none, ctx)));

  ReportContext nothing;
  CHECK(render("text", none, nothing) == "no findings in 0 files\n");
  CHECK(render("junit", none, nothing).find("<testsuite name=\"awslint\" tests=\"1\"") != std::string::npos);
}

TEST_CASE("report: summary line counts and plurals", "[report]") {
  ReportContext ctx;
  ctx.inputs = {{"config", "config", true, "read"}, {"credentials", "credentials", false, "missing"}};
  std::vector<Finding> one{finding("AWS301", "missing-region", Severity::Warning, "m", {"config", 1, 1})};
  CHECK(report::summary_line(one, ctx) == "1 finding (0 errors, 1 warning, 0 notes) in config (credentials not found)");
  one.push_back(finding("AWS001", "x", Severity::Error, "m", {"config", 2, 1}));
  one.push_back(finding("AWS002", "y", Severity::Note, "m", {"config", 3, 1}));
  CHECK(report::summary_line(one, ctx) == "3 findings (1 error, 1 warning, 1 note) in config (credentials not found)");
  for (int i = 0; i < 5; ++i) ctx.inputs.push_back({"x" + std::to_string(i), "config", true, "read"});
  CHECK(report::summary_line(one, ctx) == "3 findings (1 error, 1 warning, 1 note) in 6 files");
}

TEST_CASE("report: text locations", "[report]") {
  CHECK(report::location_string({"config", 3, 7}) == "config:3:7");
  CHECK(report::location_string({"config", 3, 0}) == "config:3");
  CHECK(report::location_string({"config", 0, 0}) == "config");
  CHECK(report::location_string({"", 0, 0}) == "<environment>");
  CHECK(report::location_string({".env", 2, 1}) == ".env:2:1");
}

// ---- SARIF specifics ------------------------------------------------------------------------

TEST_CASE("report: sarif locations", "[report][sarif]") {
  ReportContext ctx = sample_context(nullptr);
  std::vector<Finding> v;
  v.push_back(finding("AWS301", "missing-region", Severity::Warning, "relative", {"sub dir/config", 2, 3}));
  v.push_back(finding("AWS301", "missing-region", Severity::Warning, "inside", {"/home/user/project/a/config", 1, 1}));
  v.push_back(finding("AWS301", "missing-region", Severity::Warning, "outside", {"/home/other/.aws/config", 5, 0}));
  v.push_back(finding("AWS301", "missing-region", Severity::Warning, "parent", {"../x/config", 1, 1}));
  v.push_back(finding("AWS999", "unknown-rule", Severity::Note, "not in ctx.rules", {"config", 1, 1}));
  Finding env = finding("AWS101", "undefined-profile", Severity::Error, "env, no inputs read", {});
  env.variable = "AWS_PROFILE";
  v.push_back(env);
  ctx.inputs = {{"/home/user/.aws/config", "config", false, "missing"},
                {"creds", "credentials", true, "read"}};
  const std::string s = render("sarif", v, ctx);
  CHECK(s.find("\"uri\": \"sub%20dir/config\",\n                  \"uriBaseId\": \"%SRCROOT%\"") != std::string::npos);
  CHECK(s.find("\"uri\": \"a/config\"") != std::string::npos);
  CHECK(s.find("\"uri\": \"file:///home/other/.aws/config\"") != std::string::npos);
  CHECK(s.find("\"uri\": \"file:///home/user/x/config\"") != std::string::npos);
  CHECK(s.find("\"uri\": \"file:///home/user/project/\"") != std::string::npos);
  // The environment finding points at the file that was read (credentials), line 1.
  CHECK(s.find("\"uri\": \"creds\"") != std::string::npos);
  CHECK(s.find("\"locations\": []") == std::string::npos);
  CHECK(s.find("\"startLine\": 0") == std::string::npos);
  CHECK(s.find("\"startColumn\": 0") == std::string::npos);
  // A rule not among ctx.rules gets a descriptor, after them: index 6.
  CHECK(s.find("\"id\": \"AWS999\"") != std::string::npos);
  CHECK(s.find("\"ruleId\": \"AWS999\",\n          \"ruleIndex\": 6") != std::string::npos);
  CHECK(s.find("\"kind\": \"variable\"") != std::string::npos);
}

TEST_CASE("report: sarif invocation and automation id", "[report][sarif]") {
  ReportContext ctx = sample_context(nullptr);
  ctx.execution_successful = false;
  ctx.automation_id = "awslint/prod/";
  ctx.inputs.push_back({"extra/config", "config", false, "not a regular file"});
  const std::string s = render("sarif", {}, ctx);
  CHECK(s.find("\"executionSuccessful\": false") != std::string::npos);
  CHECK(s.find("\"id\": \"awslint/prod/\"") != std::string::npos);
  CHECK(s.find("config file 'extra/config' was not read: not a regular file") != std::string::npos);
  CHECK(s.find("\"results\": []") != std::string::npos);
}

// ---- Escaping -------------------------------------------------------------------------------

TEST_CASE("report: github escaping", "[report][escape]") {
  CHECK(report::github_escape_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b");
  CHECK(report::github_escape_property("a:b,c%d\re\nf") == "a%3Ab%2Cc%25d%0De%0Af");

  ReportContext ctx;
  std::vector<Finding> v{finding("AWS301", "missing-region", Severity::Warning, "50% of it:\nall, really",
                                 {"dir,x/a:b.cfg", 3, 2})};
  v.push_back(finding("AWS101", "undefined-profile", Severity::Note, "no file", {}));
  v.push_back(finding("AWS001", "", Severity::Error, "whole file", {"config", 0, 0}));
  CHECK(render("github", v, ctx) ==
        "::warning file=dir%2Cx/a%3Ab.cfg,line=3,col=2,title=AWS301 missing-region::50%25 of it:%0Aall, really\n"
        "::notice title=AWS101 undefined-profile::no file\n"
        "::error file=config,title=AWS001::whole file\n"
        "awslint: 3 findings (1 error, 1 warning, 1 note) in 0 files\n");
}

TEST_CASE("report: github summary mentions the annotation limit", "[report]") {
  ReportContext ctx;
  std::vector<Finding> v;
  for (std::uint32_t i = 1; i <= 11; ++i)
    v.push_back(finding("AWS301", "missing-region", Severity::Warning, "m", {"config", i, 1}));
  const std::string out = render("github", v, ctx);
  CHECK(out.find("GitHub shows only the first 10 annotations") != std::string::npos);
}

TEST_CASE("report: xml escaping", "[report][escape]") {
  CHECK(report::xml_escape("<a & \"b\" 'c'>", true) == "&lt;a &amp; &quot;b&quot; 'c'&gt;");
  CHECK(report::xml_escape("<a & \"b\">", false) == "&lt;a &amp; \"b\"&gt;");
  CHECK(report::xml_escape("a\tb\nc\rd", true) == "a&#9;b&#10;c&#13;d");
  CHECK(report::xml_escape("a\tb\nc", false) == "a\tb\nc");
  CHECK(report::xml_escape(std::string_view("x\x01y\0z", 5), false) == "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
  CHECK(report::xml_escape("bad \xff byte", false) == "bad \xEF\xBF\xBD byte");
  CHECK(report::xml_escape("caf\xC3\xA9", true) == "caf\xC3\xA9");

  ReportContext ctx;
  std::vector<Finding> v{finding("AWS301", "missing-region", Severity::Warning, "a <b> & \"c\"", {"d&<e>.cfg", 1, 1})};
  const std::string cs = render("checkstyle", v, ctx);
  CHECK(cs.find("<file name=\"d&amp;&lt;e&gt;.cfg\">") != std::string::npos);
  CHECK(cs.find("message=\"a &lt;b&gt; &amp; &quot;c&quot;\"") != std::string::npos);
  const std::string ju = render("junit", v, ctx);
  CHECK(ju.find("<failure message=\"a &lt;b&gt; &amp; &quot;c&quot;\" type=\"warning\">") != std::string::npos);
  CHECK(ju.find(">d&amp;&lt;e&gt;.cfg:1:1: warning: a &lt;b&gt; &amp; \"c\" [AWS301 missing-region]</failure>") !=
        std::string::npos);
}

TEST_CASE("report: json escaping keeps the output valid", "[report][escape]") {
  ReportContext ctx;
  std::vector<Finding> v{finding("AWS301", "missing-region", Severity::Warning, "q\"b\\s\n\x01 \xff", {"c", 1, 1})};
  const std::string j = render("json", v, ctx);
  CHECK(j.find(R"("message": "q\"b\\s\n\u0001 \ufffd")") != std::string::npos);
}

// ---- Fingerprints ---------------------------------------------------------------------------

TEST_CASE("report: sha256", "[report][fingerprint]") {
  CHECK(report::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(report::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(report::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(report::sha256_hex(std::string(1000, 'a')) ==
        "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST_CASE("report: fingerprints are stable", "[report][fingerprint]") {
  Finding a = finding("AWS301", "missing-region", Severity::Warning, "profile 'dev' has no region", {"config", 4, 1});
  a.profile = "dev";
  a.has_profile = true;
  a.key = "region";
  const std::string fp = report::fingerprint(a);
  CHECK(fp.size() == 32);
  CHECK(fp.find_first_not_of("0123456789abcdef") == std::string::npos);

  Finding moved = a;
  moved.loc.line = 40;
  moved.loc.col = 3;
  moved.message = "reworded";
  moved.severity = Severity::Error;
  CHECK(report::fingerprint(moved) == fp);

  Finding other = a;
  other.profile = "prod";
  CHECK(report::fingerprint(other) != fp);
  Finding no_profile = a;
  no_profile.profile.clear();
  Finding empty_profile = no_profile;
  no_profile.has_profile = false;
  CHECK(report::fingerprint(no_profile) != report::fingerprint(empty_profile));
  Finding other_file = a;
  other_file.loc.file = "other";
  CHECK(report::fingerprint(other_file) != fp);
  Finding other_rule = a;
  other_rule.rule = "AWS302";
  CHECK(report::fingerprint(other_rule) != fp);
  Finding other_var = a;
  other_var.variable = "AWS_REGION";
  CHECK(report::fingerprint(other_var) != fp);
  Finding other_key = a;
  other_key.key = "output";
  CHECK(report::fingerprint(other_key) != fp);

  // Same identity twice in one report: both fingerprints differ, the first is the plain one.
  const auto fps = report::fingerprints({a, moved, other});
  CHECK(fps[0] == fp);
  CHECK(fps[1] != fp);
  CHECK(fps[2] == report::fingerprint(other));

  // The formats carry them: SARIF and GitLab agree, and moving the line keeps them.
  ReportContext ctx = sample_context(nullptr);
  const std::string s1 = render("sarif", {a}, ctx);
  const std::string s2 = render("sarif", {moved}, ctx);
  CHECK(s1.find(fmt::format("\"awslint/v1\": \"{}\"", fp)) != std::string::npos);
  CHECK(s2.find(fmt::format("\"awslint/v1\": \"{}\"", fp)) != std::string::npos);
  CHECK(render("gitlab", {moved}, ctx).find(fmt::format("\"fingerprint\": \"{}\"", fp)) != std::string::npos);
}

TEST_CASE("report: gitlab severities", "[report]") {
  ReportContext ctx = sample_context(nullptr);
  std::vector<Finding> v{finding("AWS001", "a", Severity::Error, "m", {"config", 1, 1}),
                         finding("AWS401", "b", Severity::Error, "m", {"config", 2, 1}),
                         finding("AWS401", "b", Severity::Warning, "m", {"config", 3, 1}),
                         finding("AWS402", "c", Severity::Note, "m", {"config", 4, 1})};
  const std::string g = render("gitlab", v, ctx);
  const auto a = g.find("\"severity\": \"major\"");
  const auto b = g.find("\"severity\": \"critical\"");
  const auto c = g.find("\"severity\": \"minor\"");
  const auto d = g.find("\"severity\": \"info\"");
  CHECK(a != std::string::npos);
  CHECK(b != std::string::npos);
  CHECK(c != std::string::npos);
  CHECK(d != std::string::npos);
  CHECK((a < b && b < c && c < d));
}

// ---- Safe excerpts --------------------------------------------------------------------------

TEST_CASE("safe_excerpt masks secrets", "[report][excerpt]") {
  const auto ws = make_workspace();
  const std::string masked_id = mask_key_id(kKeyId);
  auto ex = [&](std::string_view file, std::uint32_t line) { return safe_excerpt(*ws, std::string(file), line); };

  CHECK(ex("config", 4) == "[profile dev]");
  CHECK(ex("config", 6) == "aws_secret_access_key = ********");
  CHECK(ex("config", 9) == "\toutput = text");
  CHECK(ex("credentials", 2) == "aws_access_key_id = " + masked_id);
  CHECK(ex("credentials", 3) == "aws_secret_access_key =");
  CHECK(ex("credentials", 4) == "   ********");  // a continuation line of a secret key
  CHECK(ex("credentials", 5) == "aws_session_token = ********");
  CHECK(ex("credentials", 6) == "# aws_secret_access_key = ********");  // commented out
  CHECK(ex("credentials", 7) == "********");                             // an invalid line
  CHECK(ex("credentials", 9) == "  max_concurrent_requests = 10");
  CHECK(ex("credentials", 10) == "  aws_secret_access_key = ********");  // nested sub-key
  CHECK(ex("credentials", 11) == "aws_secret_acess_key = ********");     // misspelt key
  CHECK(ex("credentials", 12) == "role_arn = arn:aws:iam::123456789012:role/deploy");
  CHECK(ex("credentials", 13) == "# mentions " + masked_id + " in a comment");

  CHECK(ex("config", 0).empty());
  CHECK(ex("config", 99).empty());
  CHECK(ex(".env", 1).empty());
  CHECK(ex("", 1).empty());
}

TEST_CASE("safe_excerpt masks token-looking runs anywhere", "[report][excerpt]") {
  Workspace ws;
  ws.config.display = "c";
  ws.config.status = ReadStatus::Ok;
  ws.config.parsed = lex(std::string(
      "# old key: wJalrXUtnFEMIKMDENGbPxRfiCYEXAMPLEKEYab\n"   // no digit, no '/', in a comment
      "[default]\n"
      "output = json\n"
      "sso_start_url = https://my-sso-portal.awsapps.com/start\n"
      "sso_account_id = 123456789012345678901234567890123\n"  // digits only: not a token
      "note = abcdefghijklmnopqrstuvwxyzabcdefghij\n"))    // lower case only: not a token
  ;
  CHECK(safe_excerpt(ws, "c", 1) == "# old key: ********");
  CHECK(safe_excerpt(ws, "c", 4) == "sso_start_url = https://my-sso-portal.awsapps.com/start");
  CHECK(safe_excerpt(ws, "c", 5) == "sso_account_id = 123456789012345678901234567890123");
  CHECK(safe_excerpt(ws, "c", 6) == "note = abcdefghijklmnopqrstuvwxyzabcdefghij");
}

TEST_CASE("safe_excerpt makes lines printable", "[report][excerpt]") {
  Workspace ws;
  ws.config.display = "c";
  ws.config.status = ReadStatus::Ok;
  ws.config.parsed = lex(std::string("[default]\nregion = a\x01" "b\n"));
  CHECK(safe_excerpt(ws, "c", 2) == "region = a\xEF\xBF\xBD" "b");
}

TEST_CASE("no reporter ever prints a secret", "[report][excerpt]") {
  const auto ws = make_workspace();
  const ReportContext ctx = sample_context(ws.get());
  std::vector<Finding> v;
  for (std::uint32_t line = 1; line <= 13; ++line) {
    v.push_back(finding("AWS401", "secret-in-config", Severity::Warning, "m", {"credentials", line, 1}));
    v.back().related.push_back(Related{{"config", 6, 1}, "related"});
  }
  for (std::string_view format : report_formats()) {
    for (bool color : {false, true}) {
      ReportContext c = ctx;
      c.color = color;
      const std::string out = render(format, v, c);
      INFO(format);
      CHECK(out.find(kSecret) == std::string::npos);
      CHECK(out.find(kKeyId) == std::string::npos);
      CHECK(out.find("FwoGZXIvYXdzEJr") == std::string::npos);
      CHECK(out.find("wJalrXUtnFEMI") == std::string::npos);
    }
  }
}

TEST_CASE("report: text caret under tabs and past the end", "[report][excerpt]") {
  const auto ws = make_workspace();
  ReportContext ctx = sample_context(ws.get());
  std::vector<Finding> v{finding("AWS301", "missing-region", Severity::Warning, "m", {"config", 9, 2}),
                         finding("AWS301", "missing-region", Severity::Warning, "m", {"config", 5, 15}),
                         finding("AWS301", "missing-region", Severity::Warning, "m", {"config", 5, 0}),
                         finding("AWS301", "missing-region", Severity::Warning, "m", {"config", 3, 1})};
  CHECK(render("text", v, ctx) ==
        "config:9:2: warning: m [AWS301 missing-region]\n"
        "    9 | \toutput = text\n"
        "      | \t^\n"
        "config:5:15: warning: m [AWS301 missing-region]\n"
        "    5 | output = json\n"
        "      |               ^\n"
        "config:5: warning: m [AWS301 missing-region]\n"
        "    5 | output = json\n"
        "config:3:1: warning: m [AWS301 missing-region]\n"  // a blank line has no excerpt
        "\n"
        "4 findings (0 errors, 4 warnings, 0 notes) in config, credentials\n");
}
