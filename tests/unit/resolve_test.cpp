// `awslint resolve` (src/resolve.h) on in-memory workspaces. The expected answers were checked
// against Debian's awscli 2.9.19 (`aws configure list` and its botocore session) and botocore
// 1.43 for the boto3 view; tests/resolve/compare_cli.py does that on testdata/resolve/.
// GCC 12 warns that assigning a short literal to a std::string may overlap (-Wrestrict, a false
// positive: GCC bug 105651), here where the header-only fmt changes what gets inlined.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "resolve.h"
#include "workspace_fixture.h"

using namespace awslint;
using Catch::Matchers::Contains;

namespace {

using test::Env;

std::unique_ptr<Workspace> make_ws(const std::string& config, const std::string& credentials, const Env& env = {},
                                   std::optional<std::string> profile_flag = std::nullopt) {
  return test::make_workspace(config, credentials, env, std::move(profile_flag), 1780000000);  // 2026-05-28
}

const std::string kKeyId = "AKIAIOSFODNN7EXAMPLE";
const std::string kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const std::string kKeys = "aws_access_key_id = " + kKeyId + "\naws_secret_access_key = " + kSecret + "\n";
const std::string kEnvKeyId = "AKIAENVENVENVENV1234";
const std::string kEnvSecret = "envsecretenvsecretenvsecret";
const Env kEnvKeys = {{"AWS_ACCESS_KEY_ID", kEnvKeyId}, {"AWS_SECRET_ACCESS_KEY", kEnvSecret}};

Env with(Env e, const Env& more) {
  e.insert(e.end(), more.begin(), more.end());
  return e;
}

std::string type_of(const Resolution& r) { return std::string(credential_type_name(r.credentials.type)); }

int run(const Workspace& ws, const std::string& format, std::string& out, const std::vector<Finding>& fs = {}) {
  out.clear();
  return run_resolve(ws, fs, format, out);
}

}  // namespace

TEST_CASE("resolve: the profile and why (CLI v2 precedence)", "[resolve]") {
  const std::string cfg = "[profile a]\nregion = us-west-1\n[profile b]\nregion = us-east-1\n[default]\n";
  SECTION("default") {
    auto ws = make_ws(cfg, "");
    const Resolution r = resolve(*ws);
    CHECK(r.selection.name == "default");
    CHECK(r.selection.source == Selection::Source::Default);
  }
  SECTION("AWS_DEFAULT_PROFILE alone") {
    auto ws = make_ws(cfg, "", {{"AWS_DEFAULT_PROFILE", "b"}});
    CHECK(resolve(*ws).selection.source == Selection::Source::AwsDefaultProfile);
    CHECK(resolve(*ws).selection.name == "b");
  }
  SECTION("AWS_PROFILE beats AWS_DEFAULT_PROFILE; boto3 reads them the other way round") {
    auto ws = make_ws(cfg, "", {{"AWS_PROFILE", "a"}, {"AWS_DEFAULT_PROFILE", "b"}});
    const Resolution r = resolve(*ws);
    CHECK(r.selection.name == "a");
    CHECK(r.selection.source == Selection::Source::AwsProfile);
    REQUIRE(r.profile_overridden.size() == 1);
    CHECK(r.profile_overridden[0]->name == "AWS_DEFAULT_PROFILE");
    const Resolution v1 = resolve(*ws, true);
    CHECK(v1.selection.name == "b");
    CHECK(v1.region.value == "us-east-1");
  }
  SECTION("--profile beats both") {
    auto ws = make_ws(cfg, "", {{"AWS_PROFILE", "a"}, {"AWS_DEFAULT_PROFILE", "b"}}, "default");
    const Resolution r = resolve(*ws);
    CHECK(r.selection.source == Selection::Source::Flag);
    CHECK(r.profile_overridden.empty());
  }
}

TEST_CASE("resolve: the region and where it comes from", "[resolve]") {
  const std::string cfg = "[default]\nregion = eu-west-1\n";
  SECTION("AWS_REGION > AWS_DEFAULT_REGION > the profile") {
    auto ws = make_ws(cfg, "", {{"AWS_DEFAULT_REGION", "sa-east-1"}, {"AWS_REGION", "ca-central-1"}});
    const Resolution r = resolve(*ws);
    CHECK(r.region.source == RegionSource::AwsRegion);
    CHECK(r.region.value == "ca-central-1");
    CHECK(r.region.overridden.size() == 2);
    const Resolution v1 = resolve(*ws, true);
    CHECK(v1.region.source == RegionSource::AwsDefaultRegion);
    CHECK(v1.region.value == "sa-east-1");
  }
  SECTION("an empty AWS_REGION still wins") {
    auto ws = make_ws(cfg, "", {{"AWS_REGION", ""}});
    const Resolution r = resolve(*ws);
    CHECK(r.region.source == RegionSource::AwsRegion);
    CHECK(r.region.value.empty());
    CHECK(resolve(*ws, true).region.source == RegionSource::ConfigFile);
  }
  SECTION("the profile's region at file:line; the credentials file wins") {
    auto ws = make_ws("[default]\noutput = json\nregion = eu-west-1\n", "[default]\nregion = eu-west-3\n");
    const Resolution r = resolve(*ws);
    CHECK(r.region.source == RegionSource::CredentialsFile);
    CHECK(r.region.value == "eu-west-3");
    REQUIRE(r.region.key);
    CHECK(r.region.key->line == 2);
    REQUIRE(r.region.overridden.size() == 1);
    CHECK(r.region.overridden[0].value->line == 3);
  }
  SECTION("config file") {
    auto ws = make_ws("[default]\noutput = json\nregion = eu-west-1\n", "");
    const Resolution r = resolve(*ws);
    CHECK(r.region.source == RegionSource::ConfigFile);
    CHECK(r.region.key->line == 3);
  }
  SECTION("not from [default] or the source profile when another profile is selected") {
    auto ws = make_ws("[default]\nregion = eu-west-1\n[profile dev]\nrole_arn = arn:aws:iam::1:role/x\n"
                      "source_profile = default\n",
                      "", {{"AWS_PROFILE", "dev"}});
    CHECK(resolve(*ws).region.source == RegionSource::None);
  }
}

TEST_CASE("resolve: credential types in the CLI's provider order", "[resolve]") {
  SECTION("environment keys win over AWS_PROFILE, not over --profile") {
    auto ws = make_ws("[profile dev]\n", "[dev]\n" + kKeys, with(kEnvKeys, {{"AWS_PROFILE", "dev"}}));
    const Resolution r = resolve(*ws);
    CHECK(type_of(r) == "env");
    CHECK(r.credentials.key_id == mask_key_id(kEnvKeyId));
    auto ws2 = make_ws("[profile dev]\n", "[dev]\n" + kKeys, kEnvKeys, "dev");
    CHECK(type_of(resolve(*ws2)) == "shared-credentials-file");
  }
  SECTION("credentials file over config file") {
    auto ws = make_ws("[default]\n" + kKeys, "[default]\n" + kKeys);
    CHECK(type_of(resolve(*ws)) == "shared-credentials-file");
    auto ws2 = make_ws("[default]\n" + kKeys, "");
    CHECK(type_of(resolve(*ws2)) == "config-file");
  }
  SECTION("an assume-role chain, hop by hop") {
    auto ws = make_ws("[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/Dev\nsource_profile = mid\n"
                      "[profile mid]\nrole_arn = arn:aws:iam::123456789012:role/Mid\nsource_profile = base\n",
                      "[base]\n" + kKeys, {}, "dev");
    const Resolution r = resolve(*ws);
    REQUIRE(r.found());
    CHECK(type_of(r) == "assume-role");
    CHECK(r.credentials.source_type == CredentialType::SharedCredentialsFile);
    CHECK(r.credentials.source_profile == "base");
    REQUIRE(r.credentials.hops.size() == 2);
    CHECK(r.credentials.hops[0].profile == "dev");
    CHECK(r.credentials.hops[1].profile == "mid");
    std::string out;
    CHECK(run(*ws, "text", out) == 0);
    CHECK_THAT(out, Contains("1. profile 'dev' assumes arn:aws:iam::123456789012:role/Dev"));
    CHECK_THAT(out, Contains("2. profile 'mid' assumes arn:aws:iam::123456789012:role/Mid"));
    CHECK_THAT(out, Contains("3. shared-credentials-file: key AKIA…MPLE of profile 'base' in the credentials file"));
    CHECK(run(*ws, "json", out) == 0);
    CHECK_THAT(out, Contains("\"type\": \"assume-role\""));
    CHECK_THAT(out, Contains("\"source_type\": \"shared-credentials-file\""));
    CHECK_THAT(out, Contains("\"role_arn\": \"arn:aws:iam::123456789012:role/Mid\""));
  }
  SECTION("nothing: the instance metadata service is only a guess; disabled, nothing at all") {
    auto ws = make_ws("[default]\nregion = eu-west-1\n", "");
    Resolution r = resolve(*ws);
    CHECK(!r.found());
    CHECK(!r.error);
    CHECK(r.credentials.instance_metadata_fallback);
    std::string out;
    CHECK(run(*ws, "json", out) == 1);
    CHECK_THAT(out, Contains("\"credentials\": null"));
    CHECK_THAT(out, Contains("\"status\": \"no-credentials\""));
    CHECK_THAT(out, Contains("\"instance_metadata_fallback\": true"));
    auto ws2 = make_ws("[default]\nregion = eu-west-1\n", "", {{"AWS_EC2_METADATA_DISABLED", "true"}});
    CHECK(run(*ws2, "json", out) == 1);
    CHECK_THAT(out, Contains("\"instance_metadata_fallback\": false"));
  }
}

TEST_CASE("resolve: errors the CLI would raise", "[resolve]") {
  std::string out;
  SECTION("ProfileNotFound") {
    auto ws = make_ws("[default]\n", "", {}, "nope");
    const Resolution r = resolve(*ws);
    REQUIRE(r.error);
    CHECK(r.error->type == "ProfileNotFound");
    CHECK(r.error->message == "The config profile (nope) could not be found");
    CHECK(run(*ws, "json", out) == 1);
    CHECK_THAT(out, Contains("\"type\": \"ProfileNotFound\""));
    CHECK_THAT(out, Contains("\"message\": \"The config profile (nope) could not be found\""));
    CHECK_THAT(out, Contains("\"status\": \"error\""));
  }
  SECTION("AWS_PROFILE names nothing: ProfileNotFound even with environment keys") {
    auto ws = make_ws("[default]\n", "", with(kEnvKeys, {{"AWS_PROFILE", "nope"}}));
    CHECK(resolve(*ws).error->type == "ProfileNotFound");
  }
  SECTION("a rejected config file comes first, then the credentials file") {
    auto ws = make_ws("[default]\n[default]\n", "oops\n", kEnvKeys, "nope");
    Resolution r = resolve(*ws);
    REQUIRE(r.error);
    CHECK(r.error->type == "ConfigParseError");
    CHECK(r.error->message == "Unable to parse config file: config");
    auto ws2 = make_ws("[default]\n", "[default]\noops\n", kEnvKeys);
    r = resolve(*ws2);
    REQUIRE(r.error);
    CHECK(r.error->message == "Unable to parse config file: credentials");
    CHECK(run(*ws2, "json", out) == 1);
    CHECK_THAT(out, Contains("\"type\": \"ConfigParseError\""));
  }
  SECTION("partial credentials") {
    auto ws = make_ws("", "[default]\naws_access_key_id = " + kKeyId + "\n");
    CHECK(resolve(*ws).error->type == "PartialCredentialsError");
    auto ws2 = make_ws("", "", {{"AWS_ACCESS_KEY_ID", kEnvKeyId}});
    CHECK(resolve(*ws2).error->message == "Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY");
  }
  SECTION("invalid role configuration") {
    auto ws = make_ws("[default]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = b\ncredential_source = Environment\n",
                      "[b]\n" + kKeys);
    CHECK(resolve(*ws).error->type == "InvalidConfigError");
  }
  SECTION("AWS_CREDENTIAL_EXPIRATION as dateutil and RefreshableCredentials read it") {
    auto expiring = [&](const std::string& v) {
      auto ws = make_ws("", "", with(kEnvKeys, {{"AWS_CREDENTIAL_EXPIRATION", v}}));
      Resolution r = resolve(*ws);
      return r.error ? r.error->type : std::string("ok");
    };
    CHECK(expiring("2099-01-01T00:00:00Z") == "ok");
    CHECK(expiring("2099-01-01T00:00:00+02:00") == "ok");
    CHECK(expiring("2020-01-01T00:00:00Z") == "RuntimeError");
    CHECK(expiring("2099-01-01T00:00:00") == "TypeError");
    CHECK(expiring("soon") == "ParserError");
    CHECK(expiring("2099-01-01Z") == "ParserError");
    CHECK(expiring("2099-01-01 00:00:00 UTC") == "ok");  // dateutil reads it; awslint cannot tell
    CHECK(expiring("20990101T000000Z") == "ok");
    auto ws = make_ws("", "", with(kEnvKeys, {{"AWS_CREDENTIAL_EXPIRATION", "2099-01-01T00:00:00Z"}}));
    const Resolution r = resolve(*ws);
    REQUIRE(r.expiry);
    CHECK(r.expiry->read_by_cli);
    CHECK(run(*ws, "json", out) == 0);
    CHECK_THAT(out, Contains("\"value\": \"2099-01-01T00:00:00Z\""));
    CHECK_THAT(out, Contains("\"expired\": false"));
  }
  SECTION("the expiry a helper wrote beside file keys is shown, not enforced") {
    auto ws = make_ws("", "[default]\n" + kKeys + "aws_expiration = 2020-01-01T00:00:00Z\n");
    const Resolution r = resolve(*ws);
    CHECK(r.found());
    REQUIRE(r.expiry);
    CHECK(!r.expiry->read_by_cli);
    CHECK(run(*ws, "text", out) == 0);
    CHECK_THAT(out, Contains("the CLI does not read it"));
  }
}

TEST_CASE("resolve: boto3 / CLI v1 differences", "[resolve]") {
  std::string out;
  auto ws = make_ws("[profile a]\nregion = us-west-1\n", "[a]\n" + kKeys,
                    {{"AWS_PROFILE", "a"}, {"AWS_DEFAULT_PROFILE", "nope"}});
  CHECK(resolve(*ws).found());
  const Resolution v1 = resolve(*ws, true);
  REQUIRE(v1.error);
  CHECK(v1.error->type == "ProfileNotFound");
  CHECK(run(*ws, "json", out) == 0);
  CHECK_THAT(out, Contains("\"differs\": [\n      \"profile\""));
  CHECK(run(*ws, "text", out) == 0);
  CHECK_THAT(out, Contains("boto3/cli v1 differs in profile"));
  CHECK_THAT(out, Contains("error ProfileNotFound: The config profile (nope) could not be found"));
}

TEST_CASE("resolve: findings that concern the profile", "[resolve]") {
  auto ws = make_ws("[profile dev]\nregion = eu-west-1 # x\n[profile other]\nregion = y\n", "[dev]\n" + kKeys,
                    {{"AWS_PROFILE", "dev"}});
  auto finding = [](std::string rule, std::string file, std::uint32_t line, std::string profile, std::string var) {
    Finding f;
    f.rule = std::move(rule);
    f.name = "x";
    f.message = "m";
    f.loc = Location{std::move(file), line, 1};
    f.has_profile = !profile.empty();
    f.profile = std::move(profile);
    f.variable = std::move(var);
    return f;
  };
  const std::vector<Finding> fs = {
      finding("A1", "config", 2, "", ""),          // in [profile dev]: kept
      finding("A2", "config", 4, "", ""),          // in [profile other]: dropped
      finding("A3", "config", 3, "other", ""),     // about another profile: dropped
      finding("A4", "credentials", 1, "dev", ""),  // about dev: kept
      finding("A5", "env", 1, "", "AWS_PROFILE"),  // the environment: kept
      finding("A6", "credentials", 0, "", ""),     // the whole file: kept
  };
  std::vector<Finding> chain_fs = {finding("B1", "credentials", 1, "base", ""), finding("B2", "credentials", 1, "base", ""),
                                   finding("B3", "config", 1, "dev", "")};
  chain_fs[1].key = "region";  // the CLI never reads the source profile's region
  chain_fs[2].key = "region";
  auto role = make_ws("[profile dev]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = base\n", "[base]\n" + kKeys, {}, "dev");
  std::vector<std::string> chain_kept;
  for (const Finding* f : relevant_findings(*role, resolve(*role), chain_fs)) chain_kept.push_back(f->rule);
  CHECK(chain_kept == std::vector<std::string>{"B1", "B3"});
  const Resolution r = resolve(*ws);
  std::vector<std::string> kept;
  for (const Finding* f : relevant_findings(*ws, r, fs)) kept.push_back(f->rule);
  CHECK(kept == std::vector<std::string>{"A1", "A4", "A5", "A6"});
  std::string out;
  run(*ws, "text", out, fs);
  CHECK_THAT(out, Contains("findings     4 for this profile:"));
  CHECK_THAT(out, Contains("config:2 warning A1 x: m"));
}

TEST_CASE("resolve: no secret in any output", "[resolve]") {
  const std::string token = "IQoJb3JpZ2luX2VjEXAMPLETOKENEXAMPLETOKEN";
  const std::string proc_secret = "procsecretprocsecret";
  const std::vector<std::unique_ptr<Workspace>> all = [&] {
    std::vector<std::unique_ptr<Workspace>> v;
    v.push_back(make_ws("[default]\n" + kKeys + "aws_session_token = " + token + "\n", "[default]\n" + kKeys));
    v.push_back(make_ws("", "", with(kEnvKeys, {{"AWS_SESSION_TOKEN", token}})));
    v.push_back(make_ws("", "", {{"AWS_ACCESS_KEY_ID", kEnvKeyId}, {"AWS_SESSION_TOKEN", token}}));
    v.push_back(make_ws("[profile dev]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = base\n",
                        "[base]\n" + kKeys + "aws_security_token = " + token + "\n", {}, "dev"));
    v.push_back(make_ws("[default]\ncredential_process = tool --secret " + proc_secret + "\n", ""));
    v.push_back(make_ws("[default]\nsso_session = s\nsso_account_id = 1\nsso_role_name = r\n[sso-session s]\n"
                        "sso_start_url = https://x\nsso_region = eu-west-1\naws_secret_access_key = " + kSecret + "\n",
                        "[default]\naws_secret_access_key = " + kSecret + "\n"));
    return v;
  }();
  for (const auto& ws : all) {
    for (const char* format : {"text", "json"}) {
      std::string out;
      run(*ws, format, out);
      CHECK_THAT(out, !Contains(kSecret));
      CHECK_THAT(out, !Contains(kEnvSecret));
      CHECK_THAT(out, !Contains(token));
      CHECK_THAT(out, !Contains(kKeyId));
      CHECK_THAT(out, !Contains(kEnvKeyId));
      CHECK_THAT(out, !Contains(proc_secret));
    }
  }
}

TEST_CASE("resolve: formats", "[resolve]") {
  auto ws = make_ws("[default]\nregion = eu-west-1\n", "[default]\n" + kKeys);
  std::string out;
  CHECK(run(*ws, "sarif", out) == 2);
  CHECK(run(*ws, "json", out) == 0);
  CHECK_THAT(out, Contains("\"name\": \"default\""));
  CHECK_THAT(out, Contains("\"source\": \"default\""));
  CHECK_THAT(out, Contains("\"value\": \"eu-west-1\""));
  CHECK_THAT(out, Contains("\"source\": \"config-file\""));
  CHECK_THAT(out, Contains("\"type\": \"shared-credentials-file\""));
  CHECK_THAT(out, Contains("\"key_id\": \"AKIA…MPLE\""));
  CHECK_THAT(out, Contains("\"error\": null"));
  CHECK(run(*ws, "text", out) == 0);
  CHECK_THAT(out, Contains("profile      'default'"));
  CHECK_THAT(out, Contains("region       'eu-west-1'  (region at config:2)"));
  CHECK_THAT(out, Contains("credentials  shared-credentials-file"));
  CHECK_THAT(out, Contains("result       the CLI would find credentials (exit 0)"));
}
