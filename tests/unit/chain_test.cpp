// The credential provider chain (src/chain.h) on in-memory workspaces. Expected messages and
// provider names were checked against `aws configure list` of Debian's awscli 2.9.19.
#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "chain.h"
#include "workspace_fixture.h"

using namespace awslint;

namespace {

using test::Env;

std::unique_ptr<Workspace> make_ws(const std::string& config, const std::string& credentials, const Env& env = {},
                                   std::optional<std::string> profile_flag = std::nullopt) {
  return test::make_workspace(config, credentials, env, std::move(profile_flag));
}

const char* kKeys = "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
const Env kEnvKeys = {{"AWS_ACCESS_KEY_ID", "AKIAENVENVENVENV1234"}, {"AWS_SECRET_ACCESS_KEY", "envsecretenvsecret"}};

std::string type_of(const CredentialSource& c) { return std::string(credential_type_name(c.type)); }

}  // namespace

TEST_CASE("chain: type names are the ones aws configure list prints", "[chain]") {
  CHECK(credential_type_name(CredentialType::None) == "none");
  CHECK(credential_type_name(CredentialType::Env) == "env");
  CHECK(credential_type_name(CredentialType::AssumeRole) == "assume-role");
  CHECK(credential_type_name(CredentialType::AssumeRoleWithWebIdentity) == "assume-role-with-web-identity");
  CHECK(credential_type_name(CredentialType::Sso) == "sso");
  CHECK(credential_type_name(CredentialType::SharedCredentialsFile) == "shared-credentials-file");
  CHECK(credential_type_name(CredentialType::CustomProcess) == "custom-process");
  CHECK(credential_type_name(CredentialType::ConfigFile) == "config-file");
  CHECK(credential_type_name(CredentialType::ContainerRole) == "container-role");
  CHECK(credential_type_name(CredentialType::IamRole) == "iam-role");
}

TEST_CASE("chain: environment keys", "[chain]") {
  auto ws = make_ws("", std::string("[default]\n") + kKeys + "[dev]\n" + kKeys, kEnvKeys);
  SECTION("they win over the files for the default profile") {
    auto c = resolve_credentials(*ws, "default", true);
    REQUIRE(c.ok());
    CHECK(type_of(c) == "env");
    REQUIRE(c.origin.var);
    CHECK(c.origin.var->name == "AWS_ACCESS_KEY_ID");
    CHECK(c.key_id == "AKIA\xE2\x80\xA6" "1234");
    CHECK(c.located());
  }
  SECTION("an explicit --profile removes the environment provider") {
    auto c = resolve_credentials(*ws, "dev", false);
    REQUIRE(c.ok());
    CHECK(type_of(c) == "shared-credentials-file");
    CHECK(c.source_profile == "dev");
    REQUIRE(c.origin.value);
    CHECK(c.origin.value->line == 5);
    CHECK(c.key_id == "AKIA\xE2\x80\xA6MPLE");
  }
  SECTION("AWS_PROFILE does not: the environment keys still win") {
    auto ws2 = make_ws("", std::string("[dev]\n") + kKeys,
                       {{"AWS_PROFILE", "dev"}, kEnvKeys[0], kEnvKeys[1]});
    auto sel = ws2->selected();
    CHECK(sel.source == Selection::Source::AwsProfile);
    CHECK(type_of(resolve_credentials(*ws2, sel)) == "env");
  }
  SECTION("--profile through the selection") {
    auto ws2 = make_ws("", std::string("[dev]\n") + kKeys, kEnvKeys, "dev");
    CHECK(type_of(resolve_credentials(*ws2, ws2->selected())) == "shared-credentials-file");
  }
}

TEST_CASE("chain: partial environment keys", "[chain]") {
  SECTION("a key id without the secret fails") {
    auto ws = make_ws("", std::string("[default]\n") + kKeys, {{"AWS_ACCESS_KEY_ID", "AKIAENVENVENVENV1234"}});
    auto c = resolve_credentials(*ws, "default", true);
    REQUIRE(c.error);
    CHECK(c.error->exception == "PartialCredentialsError");
    CHECK(c.error->message == "Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY");
    REQUIRE(c.error->where.var);
    CHECK(c.error->where.var->line == 1);
  }
  SECTION("an empty secret fails too") {
    auto ws = make_ws("", "", {{"AWS_ACCESS_KEY_ID", "AKIAENVENVENVENV1234"}, {"AWS_SECRET_ACCESS_KEY", ""}});
    CHECK(resolve_credentials(*ws, "default", true).error->exception == "PartialCredentialsError");
  }
  SECTION("a secret without a key id, or an empty key id, is ignored") {
    auto ws = make_ws("", std::string("[default]\n") + kKeys, {{"AWS_ACCESS_KEY_ID", ""}, {"AWS_SECRET_ACCESS_KEY", "x"}});
    auto c = resolve_credentials(*ws, "default", true);
    REQUIRE(c.ok());
    CHECK(type_of(c) == "shared-credentials-file");
  }
  SECTION("tokens: AWS_SECURITY_TOKEN wins, an empty one does not count") {
    Env e = kEnvKeys;
    e.push_back({"AWS_SECURITY_TOKEN", ""});
    e.push_back({"AWS_SESSION_TOKEN", "tok"});
    auto ws = make_ws("", "", e);
    auto c = resolve_credentials(*ws, "default", true);
    REQUIRE(c.session_token.var);
    CHECK(c.session_token.var->name == "AWS_SESSION_TOKEN");
  }
}

TEST_CASE("chain: assume-role chains", "[chain]") {
  const std::string config =
      "[profile admin]\n"                              // 1
      "role_arn = arn:aws:iam::111111111111:role/a\n"  // 2
      "source_profile = ops\n"                         // 3
      "[profile ops]\n"                                // 4
      "role_arn = arn:aws:iam::111111111111:role/o\n"  // 5
      "source_profile = base\n";                       // 6
  auto ws = make_ws(config, std::string("[base]\n") + kKeys);
  auto c = resolve_credentials(*ws, "admin", false);
  REQUIRE(c.ok());
  CHECK(type_of(c) == "assume-role");
  CHECK(c.source_type == CredentialType::SharedCredentialsFile);
  CHECK(c.source_profile == "base");
  CHECK(c.key_id == "AKIA\xE2\x80\xA6MPLE");
  REQUIRE(c.hops.size() == 2);
  CHECK(c.hops[0].profile == "admin");
  CHECK(c.hops[0].role_arn.value->line == 2);
  CHECK(c.hops[0].source.value->line == 3);
  CHECK(c.hops[1].profile == "ops");
  CHECK(c.hops[1].source.value->text == "base");
  CHECK_FALSE(c.hops[1].via_credential_source);
  CHECK(can_produce_credentials(*ws, "admin"));
  CHECK(can_produce_credentials(*ws, "base"));
}

TEST_CASE("chain: role with static keys assumes the role; static keys in the source win over its role", "[chain]") {
  const std::string config =
      "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n"
      "[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = nowhere\n";
  auto ws = make_ws(config, std::string("[a]\n") + kKeys + "[b]\n" + kKeys);
  auto c = resolve_credentials(*ws, "a", false);
  REQUIRE(c.ok());
  CHECK(type_of(c) == "assume-role");
  CHECK(c.hops.size() == 1);  // b's own role is not used: it has keys
  CHECK(c.source_profile == "b");
}

TEST_CASE("chain: assume-role errors", "[chain]") {
  SECTION("undefined source_profile") {
    auto ws = make_ws("[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = nope\n", "");
    auto c = resolve_credentials(*ws, "a", false);
    REQUIRE(c.error);
    CHECK(c.error->exception == "InvalidConfigError");
    CHECK(c.error->message == "The source_profile \"nope\" referenced in the profile \"a\" does not exist.");
    CHECK(c.error->where.value->line == 3);
    CHECK(type_of(c) == "assume-role");
    CHECK_FALSE(can_produce_credentials(*ws, "a"));
  }
  SECTION("a source without credentials") {
    auto ws = make_ws("[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n[profile b]\nregion = x\n", "");
    auto c = resolve_credentials(*ws, "a", false);
    REQUIRE(c.error);
    CHECK(c.error->message == "The source profile \"b\" must have credentials.");
    CHECK_FALSE(can_produce_credentials(*ws, "b"));
  }
  SECTION("a cycle") {
    auto ws = make_ws(
        "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n"
        "[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n",
        "");
    auto c = resolve_credentials(*ws, "a", false);
    REQUIRE(c.error);
    CHECK(c.error->exception == "InfiniteLoopConfigError");
    CHECK(c.error->message ==
          "Infinite loop in credential configuration detected. Attempting to load from profile a which has already "
          "been visited. Visited profiles: ['a', 'b']");
    CHECK(c.error->where.value->line == 6);
  }
  SECTION("a profile naming itself: fine with static keys, a loop without") {
    auto ok = make_ws("[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = a\n", std::string("[a]\n") + kKeys);
    auto c = resolve_credentials(*ok, "a", false);
    REQUIRE(c.ok());
    CHECK(type_of(c) == "assume-role");
    CHECK(c.source_type == CredentialType::SharedCredentialsFile);
    auto bad = make_ws("[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = a\n", "");
    CHECK(resolve_credentials(*bad, "a", false).error->exception == "InfiniteLoopConfigError");
  }
  SECTION("both source_profile and credential_source") {
    auto ws = make_ws("[profile a]\nrole_arn = r\nsource_profile = b\ncredential_source = Environment\n", "");
    auto c = resolve_credentials(*ws, "a", false);
    CHECK(c.error->exception == "InvalidConfigError");
    CHECK(c.error->message == "The profile \"a\" contains both source_profile and credential_source.");
  }
  SECTION("neither") {
    auto ws = make_ws("[profile a]\nrole_arn = r\n", std::string("[a]\n") + kKeys);
    auto c = resolve_credentials(*ws, "a", false);
    CHECK(c.error->exception == "PartialCredentialsError");
    CHECK(c.error->message == "Partial credentials found in assume-role, missing: source_profile or credential_source");
  }
}

TEST_CASE("chain: credential_source", "[chain]") {
  const std::string cfg = "[default]\nrole_arn = arn:aws:iam::1:role/a\ncredential_source = ";
  SECTION("Environment uses the variables, even with --profile") {
    auto ws = make_ws(cfg + "Environment\n", "", kEnvKeys);
    auto c = resolve_credentials(*ws, "default", false);
    REQUIRE(c.ok());
    CHECK(type_of(c) == "assume-role");
    CHECK(c.source_type == CredentialType::Env);
    CHECK(c.hops.at(0).via_credential_source);
  }
  SECTION("Environment without keys") {
    auto ws = make_ws(cfg + "Environment\n", "");
    auto c = resolve_credentials(*ws, "default", true);
    CHECK(c.error->exception == "CredentialRetrievalError");
    CHECK(c.error->message ==
          "Error when retrieving credentials from Environment: No credentials found in credential_source referenced "
          "in profile default");
  }
  SECTION("EcsContainer") {
    auto ws = make_ws(cfg + "EcsContainer\n", "", {{"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/x"}});
    CHECK(resolve_credentials(*ws, "default", true).source_type == CredentialType::ContainerRole);
    auto none = make_ws(cfg + "EcsContainer\n", "");
    CHECK(resolve_credentials(*none, "default", true).error->exception == "CredentialRetrievalError");
  }
  SECTION("Ec2InstanceMetadata, unless turned off") {
    auto ws = make_ws(cfg + "Ec2InstanceMetadata\n", "");
    auto c = resolve_credentials(*ws, "default", true);
    REQUIRE(c.ok());
    CHECK(c.source_type == CredentialType::IamRole);
    CHECK_FALSE(c.instance_metadata_fallback);
    auto off = make_ws(cfg + "Ec2InstanceMetadata\n", "", {{"AWS_EC2_METADATA_DISABLED", "true"}});
    CHECK(resolve_credentials(*off, "default", true).error->exception == "CredentialRetrievalError");
  }
  SECTION("names are case-sensitive") {
    auto ws = make_ws(cfg + "environment\n", "", kEnvKeys);
    auto c = resolve_credentials(*ws, "default", true);
    // The environment provider comes first in the chain.
    CHECK(type_of(c) == "env");
    c = resolve_credentials(*ws, "default", false);
    CHECK(c.error->exception == "InvalidConfigError");
    CHECK(c.error->message == "The credential source \"environment\" referenced in profile \"default\" is not valid.");
  }
}

TEST_CASE("chain: web identity", "[chain]") {
  SECTION("profile keys") {
    auto ws = make_ws("[profile w]\nrole_arn = arn:aws:iam::1:role/w\nweb_identity_token_file = /t\nsource_profile = x\n", "");
    auto c = resolve_credentials(*ws, "w", false);
    REQUIRE(c.ok());
    CHECK(type_of(c) == "assume-role-with-web-identity");  // source_profile is ignored
    CHECK(c.origin.value->key == "web_identity_token_file");
  }
  SECTION("the variables, not with --profile") {
    Env e = {{"AWS_ROLE_ARN", "arn:aws:iam::1:role/w"}, {"AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token"}};
    auto ws = make_ws("[profile p]\nregion = x\n", "", e);
    CHECK(type_of(resolve_credentials(*ws, "p", true)) == "assume-role-with-web-identity");
    CHECK(type_of(resolve_credentials(*ws, "default", true)) == "assume-role-with-web-identity");
    auto c = resolve_credentials(*ws, "p", false);
    CHECK(type_of(c) == "iam-role");
    CHECK(c.instance_metadata_fallback);
  }
  SECTION("without role_arn") {
    auto ws = make_ws("[profile w]\nweb_identity_token_file = /t\n", "");
    auto c = resolve_credentials(*ws, "w", false);
    CHECK(c.error->exception == "InvalidConfigError");
    CHECK(c.error->message.starts_with("The provided profile or the current environment is configured to assume role "
                                       "with web identity but has no role ARN configured."));
  }
}

TEST_CASE("chain: SSO", "[chain]") {
  const std::string session = "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n";
  SECTION("with an sso-session") {
    auto ws = make_ws("[profile s]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Admin\n" + session, "");
    auto c = resolve_credentials(*ws, "s", false);
    REQUIRE(c.ok());
    CHECK(type_of(c) == "sso");
    CHECK(c.origin.value->key == "sso_session");
    CHECK(can_produce_credentials(*ws, "s"));
  }
  SECTION("legacy keys") {
    auto ws = make_ws(
        "[profile s]\nsso_start_url = u\nsso_region = r\nsso_account_id = 1\nsso_role_name = Admin\n", "");
    CHECK(type_of(resolve_credentials(*ws, "s", false)) == "sso");
  }
  SECTION("a missing session") {
    auto ws = make_ws("[profile s]\nsso_session = nope\nsso_account_id = 1\nsso_role_name = Admin\n", "");
    auto c = resolve_credentials(*ws, "s", false);
    CHECK(c.error->message == "The specified sso-session does not exist: \"nope\"");
  }
  SECTION("missing configuration, in botocore's order") {
    auto ws = make_ws("[profile q]\nsso_account_id = 1\nsso_session = s\n[sso-session s]\nsso_region = eu-west-1\n", "");
    auto c = resolve_credentials(*ws, "q", false);
    CHECK(c.error->message ==
          "The profile \"q\" is configured to use SSO but is missing required configuration: sso_role_name, "
          "sso_start_url");
  }
  SECTION("a value that differs between profile and session") {
    auto ws = make_ws("[profile s]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = A\nsso_region = us-east-1\n" +
                          session,
                      "");
    auto c = resolve_credentials(*ws, "s", false);
    CHECK(c.error->message ==
          "The value for sso_region is inconsistent between profile (us-east-1) and sso-session (eu-west-1).");
  }
  SECTION("sso_session alone does not turn the provider on") {
    auto ws = make_ws("[profile s]\nsso_session = corp\n" + session, "");
    CHECK(type_of(resolve_credentials(*ws, "s", false)) == "iam-role");
  }
  SECTION("SSO wins over credential_process and the credentials file") {
    auto ws = make_ws("[profile s]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = A\ncredential_process = x\n" +
                          session,
                      std::string("[s]\n") + kKeys);
    CHECK(type_of(resolve_credentials(*ws, "s", false)) == "sso");
  }
}

TEST_CASE("chain: the file providers", "[chain]") {
  SECTION("the credentials file wins over credential_process") {
    auto ws = make_ws("[profile p]\ncredential_process = /bin/creds\n", std::string("[p]\n") + kKeys);
    CHECK(type_of(resolve_credentials(*ws, "p", false)) == "shared-credentials-file");
  }
  SECTION("credential_process in either file") {
    auto ws = make_ws("", "[p]\ncredential_process = /bin/creds --profile p\n");
    auto c = resolve_credentials(*ws, "p", false);
    CHECK(type_of(c) == "custom-process");
    CHECK(c.origin.value->file->display == "credentials");
  }
  SECTION("an empty credential_process") {
    auto ws = make_ws("[profile p]\ncredential_process =\n", "");
    auto c = resolve_credentials(*ws, "p", false);
    CHECK(c.error->exception == "IndexError");
  }
  SECTION("config-file keys") {
    auto ws = make_ws(std::string("[profile p]\n") + kKeys, "");
    auto c = resolve_credentials(*ws, "p", false);
    CHECK(type_of(c) == "config-file");
    CHECK(c.origin.value->line == 2);
  }
  SECTION("a key id without its secret") {
    auto ws = make_ws("", "[p]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n");
    auto c = resolve_credentials(*ws, "p", false);
    CHECK(c.error->exception == "PartialCredentialsError");
    CHECK(c.error->message == "Partial credentials found in shared-credentials-file, missing: aws_secret_access_key");
  }
  SECTION("the secret in the other file does not help") {
    auto ws = make_ws("[profile p]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n", "[p]\naws_secret_access_key = s\n");
    auto c = resolve_credentials(*ws, "p", false);
    CHECK(c.error->message == "Partial credentials found in config-file, missing: aws_secret_access_key");
  }
  SECTION("a secret without a key id is ignored") {
    auto ws = make_ws("", "[p]\naws_secret_access_key = s\n");
    auto c = resolve_credentials(*ws, "p", false);
    REQUIRE(c.ok());
    CHECK(c.instance_metadata_fallback);
    CHECK_FALSE(c.located());
  }
  SECTION("keys from the credentials file's [DEFAULT]") {
    auto ws = make_ws("", std::string("[DEFAULT]\n") + kKeys + "[p]\nregion = x\n");
    auto c = resolve_credentials(*ws, "p", false);
    CHECK(type_of(c) == "shared-credentials-file");
    CHECK(c.origin.value->from_defaults);
  }
  SECTION("the legacy token name wins") {
    auto ws = make_ws("", std::string("[p]\n") + kKeys + "aws_session_token = a\naws_security_token = b\n");
    auto c = resolve_credentials(*ws, "p", false);
    CHECK(c.session_token.value->key == "aws_security_token");
  }
}

TEST_CASE("chain: the machine providers and the end of the chain", "[chain]") {
  SECTION("container") {
    auto ws = make_ws("[default]\nregion = x\n", "", {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1"}});
    auto c = resolve_credentials(*ws, "default", true);
    CHECK(type_of(c) == "container-role");
    CHECK(c.located());
  }
  SECTION("instance metadata is the fallback") {
    auto ws = make_ws("[default]\nregion = x\n", "");
    auto c = resolve_credentials(*ws, "default", true);
    CHECK(type_of(c) == "iam-role");
    CHECK(c.instance_metadata_fallback);
    CHECK_FALSE(c.located());
  }
  SECTION("AWS_EC2_METADATA_DISABLED (any case) leaves nothing") {
    auto ws = make_ws("[default]\nregion = x\n", "", {{"AWS_EC2_METADATA_DISABLED", "TRUE"}});
    auto c = resolve_credentials(*ws, "default", true);
    CHECK(type_of(c) == "none");
    CHECK(c.instance_metadata_disabled);
    CHECK(c.ok());
    CHECK_FALSE(c.located());
  }
}

TEST_CASE("chain: profiles that do not exist", "[chain]") {
  auto ws = make_ws("[dev]\nregion = x\n", "[profile dev]\n" + std::string(kKeys));
  SECTION("ProfileNotFound") {
    auto c = resolve_credentials(*ws, "dev", false);
    REQUIRE(c.error);
    CHECK(c.error->exception == "ProfileNotFound");
    CHECK(c.error->message == "The config profile (dev) could not be found");
    CHECK_FALSE(c.profile_defined);
  }
  SECTION("the implicit default may be missing") {
    auto c = resolve_credentials(*ws, "default", true);
    CHECK(c.ok());
    CHECK(type_of(c) == "iam-role");
  }
  SECTION("an explicit default may not") {
    auto ws2 = make_ws("[dev]\nregion = x\n", "", {{"AWS_PROFILE", "default"}});
    auto c = resolve_credentials(*ws2, ws2->selected());
    REQUIRE(c.error);
    CHECK(c.error->exception == "ProfileNotFound");
    REQUIRE(c.error->where.var);
    CHECK(c.error->where.var->name == "AWS_PROFILE");
  }
  SECTION("the credentials file's [profile dev] is a profile literally named so") {
    CHECK(type_of(resolve_credentials(*ws, "profile dev", false)) == "shared-credentials-file");
  }
  SECTION("the result does not point into the caller's string") {
    std::string name = "profile dev";
    auto c = resolve_credentials(*ws, name, false);
    name.assign(name.size(), 'x');
    CHECK(c.profile == "profile dev");
    CHECK(c.source_profile == "profile dev");
  }
}

TEST_CASE("chain: can_produce_credentials", "[chain]") {
  auto ws = make_ws(
      "[profile keys]\n" + std::string(kKeys) +
          "[profile proc]\ncredential_process = /bin/x\n"
          "[profile web]\nrole_arn = r\nweb_identity_token_file = /t\n"
          "[profile role]\nrole_arn = r\nsource_profile = keys\n"
          "[profile broken-role]\nrole_arn = r\nsource_profile = nope\n"
          "[profile region-only]\nregion = eu-west-1\n"
          "[profile half]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n",
      "", kEnvKeys);
  CHECK(can_produce_credentials(*ws, "keys"));
  CHECK(can_produce_credentials(*ws, "proc"));
  CHECK(can_produce_credentials(*ws, "web"));
  CHECK(can_produce_credentials(*ws, "role"));
  CHECK_FALSE(can_produce_credentials(*ws, "broken-role"));
  CHECK_FALSE(can_produce_credentials(*ws, "region-only"));  // environment keys are not used for a source
  CHECK_FALSE(can_produce_credentials(*ws, "half"));
  CHECK_FALSE(can_produce_credentials(*ws, "undefined"));
  CHECK(resolve_source_profile(*ws, "region-only").error->message == "The source profile \"region-only\" must have credentials.");
}

TEST_CASE("chain: no secret in any message", "[chain]") {
  auto ws = make_ws(
      "[sso-session s]\nsso_start_url = u\nsso_region = r\naws_secret_access_key = SESSIONSECRET\n"
      "[profile s]\nsso_session = s\nsso_account_id = 1\nsso_role_name = A\nsso_start_url = u\nsso_region = r\n"
      "aws_secret_access_key = PROFILESECRET\n",
      "");
  auto c = resolve_credentials(*ws, "s", false);
  REQUIRE(c.error);
  CHECK(c.error->message.find("SECRET") == std::string::npos);
  CHECK(c.error->message.find("aws_secret_access_key") != std::string::npos);
}

TEST_CASE("chain: an access key id pasted as a profile name is masked in messages", "[chain]") {
  CHECK(safe_name("dev") == "dev");
  CHECK(safe_name("AKIAIOSFODNN7EXAMPLE") == "AKIA\xE2\x80\xA6MPLE");
  CHECK(safe_name("ASIAIOSFODNN7EXAMPLE") == "ASIA\xE2\x80\xA6MPLE");
  auto ws = make_ws("[profile a]\nrole_arn = r\nsource_profile = AKIAIOSFODNN7EXAMPLE\n", "");
  auto c = resolve_credentials(*ws, "a", false);
  REQUIRE(c.error);
  CHECK(c.error->message.find("AKIAIOSFODNN7EXAMPLE") == std::string::npos);
  auto sel = make_ws("", "", {{"AWS_PROFILE", "AKIAIOSFODNN7EXAMPLE"}});
  auto n = resolve_credentials(*sel, sel->selected());
  CHECK(n.error->message == "The config profile (AKIA\xE2\x80\xA6MPLE) could not be found");
}

TEST_CASE("chain: near misses and close names", "[chain]") {
  auto ws = make_ws("[dev]\n[Profile ops]\n[profile Stage]\n[profile production]\n", "[profile qa]\n");
  auto dev = near_miss_sections(*ws, "dev");
  REQUIRE(dev.size() == 1);
  CHECK(dev[0].section->line == 1);
  CHECK(dev[0].advice == "'[dev]' at line 1 of the config file is not a profile to the CLI: write '[profile dev]'");
  CHECK(near_miss_sections(*ws, "ops").size() == 1);
  auto stage = near_miss_sections(*ws, "stage");
  REQUIRE(stage.size() == 1);
  CHECK(stage[0].advice.find("case-sensitive") != std::string::npos);
  auto qa = near_miss_sections(*ws, "qa");
  REQUIRE(qa.size() == 1);
  CHECK(qa[0].file == &ws->credentials);
  CHECK(closest_profile(*ws, "prodution") == "production");
  CHECK(closest_profile(*ws, "stage") == "Stage");
  CHECK(closest_profile(*ws, "xyz").empty());
}
