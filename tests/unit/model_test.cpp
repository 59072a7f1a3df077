// The workspace model (src/model.h): botocore's build_profile_map, the credentials file's sections,
// the merge of the two, the profile selection and the environment. The profile maps expected here
// were checked with the differential oracle (tests/differential/oracle.py, awscli 2.9.19).
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <span>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model.h"
#include "source.h"

using namespace awslint;

namespace {

using Env = std::vector<std::pair<std::string, std::string>>;

std::unique_ptr<Workspace> make_ws(const std::optional<std::string>& config, const std::optional<std::string>& creds,
                                   const Env& env = {}, std::optional<std::string> flag = std::nullopt) {
  MemoryFileSystem fs;
  if (config) fs.files["/home/me/.aws/config"] = *config;
  if (creds) fs.files["/home/me/.aws/credentials"] = *creds;
  auto ws = std::make_unique<Workspace>();
  ws->config.kind = FileKind::Config;
  ws->config.path = "/home/me/.aws/config";
  ws->config.display = "config";
  load_source(fs, ws->config);
  ws->credentials.kind = FileKind::Credentials;
  ws->credentials.path = "/home/me/.aws/credentials";
  ws->credentials.display = "credentials";
  load_source(fs, ws->credentials);
  for (const auto& [k, v] : env) ws->env.vars.push_back(EnvVar{k, v, 0});
  ws->ctx.profile_flag = std::move(flag);
  ws->build();
  return ws;
}

std::vector<std::string> names(const Workspace& ws) {
  std::vector<std::string> out;
  for (const Profile& p : ws.profiles()) out.emplace_back(p.name);
  return out;
}

std::string get(const Workspace& ws, std::string_view profile, std::string_view key) {
  const Profile* p = ws.profile(profile);
  if (!p) return "<no profile>";
  auto v = p->get(key);
  return v ? std::string(v->text) : std::string("<none>");
}

}  // namespace

TEST_CASE("model: build_profile_map's reading of config section names", "[model]") {
  auto ws = make_ws(
      "[profile  x]\na=1\n"            // 1: two spaces: shlex gives two words
      "[profiles y]\na=2\n"            // 3: starts with 'profile'
      "[profile_x dev]\na=3\n"         // 5
      "[profile \"a b\"]\na=4\n"       // 7: quotes removed
      "[profile a b]\na=5\n"           // 9: three words: ignored
      "[profiledev]\na=6\n"            // 11: one word: ignored
      "[profile \"unbalanced]\na=7\n"  // 13: shlex fails: ignored
      "[ profile p1]\na=8\n"           // 15: does not start with 'profile'
      "[Profile p2]\na=9\n"            // 17: case-sensitive
      "[dev2]\na=10\n"                 // 19: not a profile in the config file
      "[sso-session \"my corp\"]\nr=1\n"
      "[services s1]\nx=1\n",
      std::nullopt);
  CHECK(names(*ws) == std::vector<std::string>{"x", "y", "dev", "a b"});
  CHECK(get(*ws, "a b", "a") == "4");
  CHECK(get(*ws, "dev", "a") == "3");
  for (const char* n : {"a", "profiledev", "p1", "p2", "dev2", "profile x", "unbalanced"}) {
    INFO(n);
    CHECK_FALSE(ws->defined(n));
  }
  REQUIRE(ws->sso_sessions().size() == 1);
  CHECK(ws->sso_sessions()[0].name == "my corp");
  CHECK(ws->sso_session("my corp") != nullptr);
  CHECK(ws->sso_session("my corp")->get("r")->text == "1");
  REQUIRE(ws->services().size() == 1);
  CHECK(ws->services()[0].name == "s1");

  const auto& cs = ws->config_sections();
  REQUIRE(cs.size() == 12);
  CHECK(cs[0].role == SectionRole::Profile);
  CHECK(cs[4].role == SectionRole::Ignored);
  CHECK(cs[6].role == SectionRole::Ignored);
  CHECK(cs[10].role == SectionRole::SsoSession);
  CHECK(cs[11].role == SectionRole::Services);
  CHECK(ws->config_section(3) == &cs[3]);
  CHECK(ws->config_section(99) == nullptr);
}

TEST_CASE("model: a header spelt exactly `<prefix> <name>` is canonical, any other spelling is not", "[model]") {
  const char* canonical[] = {"[profile a]", "[sso-session corp]", "[services s1]", "[profile a.b-c_d@e]"};
  const char* odd[] = {"[profile  a]", "[profile\ta]", "[profile \"a\"]", "[profile 'a']", "[profile a ]",
                       "[ profile a]", "[profilex a]", "[default]", "[profile a\\b]", "[sso-session  corp]",
                       "[services\ts1]", "[plain]"};
  for (const char* h : canonical) {
    INFO(h);
    auto ws = make_ws(std::string(h) + "\nregion = x\n", std::nullopt);
    REQUIRE(ws->config_sections().size() == 1);
    CHECK(ws->config_sections()[0].canonical);
  }
  for (const char* h : odd) {
    INFO(h);
    auto ws = make_ws(std::string(h) + "\nregion = x\n", std::nullopt);
    REQUIRE(ws->config_sections().size() == 1);
    CHECK_FALSE(ws->config_sections()[0].canonical);
  }
}

TEST_CASE("model: [profile default] and [default]: the later one wins, whole", "[model]") {
  SECTION("[default] first") {
    auto ws = make_ws("[default]\nregion = eu-west-1\noutput = json\n[profile default]\nregion = us-east-1\n", std::nullopt);
    CHECK(names(*ws) == std::vector<std::string>{"default"});
    CHECK(get(*ws, "default", "region") == "us-east-1");
    CHECK(get(*ws, "default", "output") == "<none>");  // no merge
    CHECK(ws->config_sections()[0].shadowed);
    CHECK_FALSE(ws->config_sections()[1].shadowed);
    CHECK(ws->profile("default")->config->line == 4);
  }
  SECTION("[profile default] first") {
    auto ws = make_ws("[profile default]\nregion = us-east-1\n[default]\nregion = eu-west-1\n", std::nullopt);
    CHECK(get(*ws, "default", "region") == "eu-west-1");
    CHECK(ws->config_sections()[0].shadowed);
  }
  SECTION("[profile x] and [profile  x] are two sections for one profile") {
    auto ws = make_ws("[profile x]\na = 1\n[profile  x]\nb = 2\n", std::nullopt);
    CHECK(names(*ws) == std::vector<std::string>{"x"});
    CHECK(get(*ws, "x", "a") == "<none>");
    CHECK(get(*ws, "x", "b") == "2");
  }
}

TEST_CASE("model: the credentials file's section names are profile names verbatim", "[model]") {
  auto ws = make_ws(std::nullopt, "[profile dev]\na = 1\n[ dev ]\nb = 2\n[default]\nc = 3\n[DEFAULT]\nd = 4\n");
  CHECK(names(*ws) == std::vector<std::string>{"profile dev", " dev ", "default"});
  CHECK_FALSE(ws->defined("dev"));
  CHECK(get(*ws, "profile dev", "a") == "1");
  CHECK(get(*ws, "default", "d") == "4");  // the credentials file's own [DEFAULT]
  CHECK_FALSE(ws->defined("DEFAULT"));
}

TEST_CASE("model: the credentials file wins over the config file", "[model]") {
  auto ws = make_ws(
      "[DEFAULT]\noutput = text\n[profile dev]\nregion = eu-west-1\noutput = json\nmfa_serial = arn:a\n[profile cfg]\nx = 1\n",
      "[dev]\nregion = us-east-1\n[only]\nregion =\n");
  const Profile* dev = ws->profile("dev");
  REQUIRE(dev);
  auto r = dev->get("region");
  REQUIRE(r);
  CHECK(r->text == "us-east-1");
  CHECK(r->file == &ws->credentials);
  CHECK(r->line == 2);
  CHECK(r->col == 1);
  CHECK(r->value_col == 10);
  CHECK(dev->get_config("region")->text == "eu-west-1");
  CHECK(dev->get_credentials("region")->text == "us-east-1");
  CHECK(dev->get("mfa_serial")->file == &ws->config);
  auto out = dev->get("output");
  CHECK(out->text == "json");
  CHECK_FALSE(out->from_defaults);
  auto inherited = ws->profile("cfg")->get("output");
  REQUIRE(inherited);
  CHECK(inherited->from_defaults);
  CHECK(inherited->line == 2);
  // Config profiles in file order, then the credentials-only ones.
  CHECK(names(*ws) == std::vector<std::string>{"dev", "cfg", "only"});
  const Profile* only = ws->profile("only");
  CHECK(only->config == nullptr);
  CHECK(only->credentials != nullptr);
  CHECK(only->get("region")->text.empty());  // present, empty
  CHECK(only->has("region"));
  CHECK_FALSE(only->has("output"));  // the config file's [DEFAULT] applies to config sections only
}

TEST_CASE("model: an empty value in the credentials file hides the config file's", "[model]") {
  auto ws = make_ws("[profile p]\nregion = eu-west-1\n", "[p]\nregion =\n");
  CHECK(get(*ws, "p", "region") == "");
}

TEST_CASE("model: a file the CLI rejects is still modelled", "[model]") {
  auto ws = make_ws("[profile a]\nregion = x\n[profile a]\nregion = y\n[profile b]\nk = 1\n", std::nullopt);
  CHECK(ws->config.parsed->rejected);
  CHECK(names(*ws) == std::vector<std::string>{"a", "b"});
  CHECK(get(*ws, "a", "region") == "x");  // the first; the repeat is ignored
  CHECK(ws->config_sections()[1].role == SectionRole::Ignored);
}

TEST_CASE("model: missing files", "[model]") {
  auto ws = make_ws(std::nullopt, std::nullopt);
  CHECK(ws->config.status == ReadStatus::Missing);
  CHECK_FALSE(ws->config.ok());
  CHECK(ws->profiles().empty());
  CHECK_FALSE(ws->defined("default"));
}

TEST_CASE("model: which profile the CLI uses", "[model]") {
  SECTION("default") {
    auto ws = make_ws("[default]\n", std::nullopt);
    auto s = ws->selected();
    CHECK(s.name == "default");
    CHECK(s.source == Selection::Source::Default);
    CHECK(s.var == nullptr);
    CHECK(source_name(s.source) == "default");
  }
  SECTION("CLI v2: --profile > AWS_PROFILE > AWS_DEFAULT_PROFILE; v1 reads AWS_DEFAULT_PROFILE first") {
    auto ws = make_ws("", "", {{"AWS_DEFAULT_PROFILE", "b"}, {"AWS_PROFILE", "a"}});
    CHECK(ws->selected().name == "a");
    CHECK(ws->selected().source == Selection::Source::AwsProfile);
    CHECK(ws->selected().var->name == "AWS_PROFILE");
    CHECK(ws->selected_v1().name == "b");
    auto flagged = make_ws("", "", {{"AWS_PROFILE", "a"}}, "f");
    CHECK(flagged->selected().name == "f");
    CHECK(flagged->selected().source == Selection::Source::Flag);
    CHECK(source_name(flagged->selected().source) == "--profile");
    CHECK(flagged->selected_v1().name == "f");
  }
  SECTION("an empty AWS_PROFILE selects the profile ''") {
    auto ws = make_ws("", "", {{"AWS_PROFILE", ""}, {"AWS_DEFAULT_PROFILE", "b"}});
    CHECK(ws->selected().name.empty());
    CHECK(ws->selected().source == Selection::Source::AwsProfile);
  }
  SECTION("the last definition of a variable wins; --no-env hides them all") {
    auto ws = make_ws("", "", {{"AWS_PROFILE", "a"}, {"AWS_PROFILE", "b"}});
    CHECK(ws->selected().name == "b");
    ws->env.enabled = false;
    CHECK(ws->env.get("AWS_PROFILE") == nullptr);
    CHECK(ws->selected().name == "default");
  }
}

TEST_CASE("model: secrets and key ids", "[model]") {
  CHECK(mask_key_id("AKIAIOSFODNN7EXAMPLE") == "AKIA\xE2\x80\xA6MPLE");
  CHECK(mask_key_id("AKIA") == "\xE2\x80\xA6");
  CHECK(mask_key_id("AKIA-IOSFODNN7-EXAM!") == "\xE2\x80\xA6");
  CHECK(is_secret_key("aws_secret_access_key"));
  CHECK(is_secret_key("aws_session_token"));
  CHECK(is_secret_key("aws_security_token"));
  CHECK_FALSE(is_secret_key("aws_access_key_id"));
  CHECK_FALSE(is_secret_key("web_identity_token_file"));
  CHECK_FALSE(is_secret_key("role_arn"));
  CHECK(is_key_id_key("aws_access_key_id"));
  CHECK(is_secret_var("AWS_SECRET_ACCESS_KEY"));
  CHECK(is_secret_var("AWS_SESSION_TOKEN"));
  CHECK_FALSE(is_secret_var("AWS_WEB_IDENTITY_TOKEN_FILE"));
  CHECK_FALSE(is_secret_var("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
}

TEST_CASE("model: profiles_named gives profile()'s answer for every name", "[model]") {
  // Enough profiles for a multi-level index, names that differ in one byte, names from both
  // files, absent names, an empty name and repeats; in both orders, and a few at a time (shorter
  // than the look-ahead of the pipeline).
  std::string config = "[default]\nregion = eu-west-1\n", creds;
  for (int i = 0; i < 3000; ++i) config += "[profile p" + std::to_string(i) + "]\nregion = eu-west-1\n";
  for (int i = 2500; i < 3500; ++i) creds += "[p" + std::to_string(i) + "]\naws_access_key_id = AKIAX\n";
  config += "[profile  spaced ]\n[profile \"quoted name\"]\n";
  const auto ws = make_ws(config, creds);
  std::vector<std::string> storage = {"default", "", "p", "p0", "p1", "p10", "p2999", "p3000", "p3499", "p3500",
                                      "spaced", "quoted name", "\"quoted name\"", "profile p1", "P1", "default"};
  for (int i = 0; i < 4000; i += 7) storage.push_back(fmt::format("p{}", i));
  std::vector<std::string_view> names(storage.begin(), storage.end());
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{5}, names.size()}) {
      std::vector<const Profile*> got(count, reinterpret_cast<const Profile*>(1));
      ws->profiles_named(std::span(names).first(count), got);
      for (std::size_t i = 0; i < count; ++i) {
        INFO("name '" << names[i] << "'");
        CHECK(got[i] == ws->profile(names[i]));
      }
    }
    std::reverse(names.begin(), names.end());
  }
  CHECK(ws->profile("p2999") != nullptr);
  CHECK(ws->profile("p3499") != nullptr);
  CHECK(ws->profile("p3500") == nullptr);
  CHECK(ws->profile("quoted name") != nullptr);
}
