// The credential provider chain: where the AWS CLI v2 would get credentials for a profile, offline.
//
// A model of botocore's `create_credential_resolver` (awscli 2.9.19, botocore/credentials.py), in
// its order; the first provider that finds something wins and a provider that raises stops the
// whole chain:
//
//   1. env                            AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY [+ AWS_SECURITY_TOKEN |
//                                     AWS_SESSION_TOKEN]; removed from the chain by an explicit --profile
//   2. assume-role                    role_arn (without web_identity_token_file) + source_profile or
//                                     credential_source, followed hop by hop down to the source
//   3. assume-role-with-web-identity  web_identity_token_file + role_arn, or AWS_WEB_IDENTITY_TOKEN_FILE
//                                     + AWS_ROLE_ARN (the variables only without --profile)
//   4. sso                            sso_account_id / sso_role_name, with sso_session or legacy sso_* keys
//   5. shared-credentials-file        the profile's section of the credentials file
//   6. custom-process                 credential_process (either file)
//   7. config-file                    static keys in the config file's profile
//   8. container-role                 AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI
//   9. iam-role                       instance metadata, unless AWS_EC2_METADATA_DISABLED=true
//
// Not modelled: botocore's ec2-credentials-file (AWS_CREDENTIAL_FILE) and boto-config (BOTO_CONFIG,
// ~/.boto, /etc/boto.cfg) providers, which sit between 7 and 8 and read files awslint does not lint;
// and whatever happens at run time (STS calls, the SSO token cache, running credential_process).
//
// Keys are looked up as the CLI looks them up: the assume-role, web-identity, SSO and process
// providers read botocore's `full_config` (the credentials file's section merged over the config
// profile: Profile::get), the shared-credentials-file provider only the credentials file
// (Profile::get_credentials) and the config-file provider only the config file (Profile::get_config).
// A key counts when it is present, even with an empty value, as in botocore's `key in profile`.
//
// Nothing here holds a secret: key ids are kept masked, and error messages name keys, not values.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace awslint {

// The provider that supplies the credentials, named as `aws configure list` shows it.
enum class CredentialType : std::uint8_t {
  None,                       // "none": nothing would answer (the CLI: "Unable to locate credentials")
  Env,                        // "env"
  AssumeRole,                 // "assume-role"
  AssumeRoleWithWebIdentity,  // "assume-role-with-web-identity"
  Sso,                        // "sso"
  SharedCredentialsFile,      // "shared-credentials-file"
  CustomProcess,              // "custom-process"
  ConfigFile,                 // "config-file"
  ContainerRole,              // "container-role"
  IamRole,                    // "iam-role"
};
std::string_view credential_type_name(CredentialType t);

// Where a setting comes from: a key of a profile (file, line, column) or an environment variable.
// The pointers point into the Workspace, which must outlive the result.
struct Origin {
  std::optional<Value> value;   // a key in the config or credentials file
  const EnvVar* var = nullptr;  // an environment variable
  bool empty() const { return !value && !var; }
};

// An exception the CLI would raise while resolving credentials.
struct ChainError {
  std::string exception;  // botocore's class name: ProfileNotFound, PartialCredentialsError,
                          // InvalidConfigError, InfiniteLoopConfigError, CredentialRetrievalError
  std::string message;    // the message the CLI prints (names keys and profiles, never a secret)
  std::string profile;    // the profile whose configuration is at fault ("" for the environment)
  Origin where;           // the key or variable at fault, when there is one
};

// One role in an assume-role chain: `profile` assumes `role_arn` with credentials from `source`.
struct RoleHop {
  std::string_view profile;
  Origin role_arn;
  Origin source;                        // its source_profile or credential_source
  bool via_credential_source = false;   // source is credential_source (else source_profile)
};

struct CredentialSource {
  // What `aws configure list` would show as the type. For a role chain it is assume-role whatever
  // the source; `source_type` tells where the first hop's credentials come from.
  CredentialType type = CredentialType::None;
  std::string profile;          // the profile resolved
  bool profile_defined = false;

  // The credentials at the bottom: for assume-role the source of the last hop, otherwise the same
  // as `type`. source_profile is the profile that holds them ("" for env, container, instance).
  CredentialType source_type = CredentialType::None;
  std::string_view source_profile;
  // The key or variable they come from: aws_access_key_id / AWS_ACCESS_KEY_ID for static keys,
  // credential_process, web_identity_token_file / AWS_WEB_IDENTITY_TOKEN_FILE, sso_session (else
  // sso_account_id), AWS_CONTAINER_CREDENTIALS_*_URI, credential_source for an instance role.
  Origin origin;
  std::string key_id;   // the access key id, masked (mask_key_id); empty when there is none
  Origin session_token; // aws_security_token / aws_session_token (or the variables), when present
  Origin expiration;    // AWS_CREDENTIAL_EXPIRATION with environment keys, when set

  std::vector<RoleHop> hops;  // assume-role: from the resolved profile down to the source

  std::optional<ChainError> error;  // set: the CLI fails; type and source describe where it failed

  // Nothing in the files or the environment: type is IamRole because the CLI would ask the
  // instance metadata service last (only an EC2 instance answers), or None when
  // AWS_EC2_METADATA_DISABLED=true turns that off too.
  bool instance_metadata_fallback = false;
  bool instance_metadata_disabled = false;

  bool ok() const { return !error.has_value(); }
  // Credentials configured in the files or the environment (not just the instance-metadata guess).
  bool located() const { return ok() && type != CredentialType::None && !instance_metadata_fallback; }
};

// The chain for `profile`. env_provider_enabled is false when the CLI runs with an explicit
// --profile (which removes the environment provider and the web-identity variables). A profile
// defined in neither file is ProfileNotFound, except "default", which the CLI uses implicitly
// (then only the environment, container and instance providers can answer).
CredentialSource resolve_credentials(const Workspace& ws, std::string_view profile, bool env_provider_enabled);

// The chain for a selection (Workspace::selected()): an explicit selection must exist, even when
// it names "default"; --profile disables the environment provider.
CredentialSource resolve_credentials(const Workspace& ws, const Selection& sel);

// What botocore does with a source_profile: the profile's own credentials (web identity, SSO,
// credentials file, credential_process, config-file keys; never the environment), or its role
// when it has role_arn and no static keys. The result's error says why it cannot be used
// ("The source profile "x" must have credentials." and the like).
CredentialSource resolve_source_profile(const Workspace& ws, std::string_view profile);
// The same for a profile of ws found already (no second look-up by name).
CredentialSource resolve_source_profile(const Workspace& ws, const Profile& profile);

// Whether a profile can serve as a source_profile: resolve_source_profile succeeds with
// credentials (keys, a working role chain, SSO, credential_process or web identity).
bool can_produce_credentials(const Workspace& ws, std::string_view profile);

// botocore's _has_static_credentials: aws_access_key_id or aws_secret_access_key present (merged).
bool has_static_keys(const Profile& p);
// botocore's _has_assume_role_config_vars: role_arn present and web_identity_token_file absent.
bool has_assume_role(const Profile& p);

// A name for a message: printable(), but a value that looks like an access key id (pasted where a
// profile name belongs: `source_profile = AKIA...`, AWS_PROFILE=AKIA...) is masked (mask_key_id).
std::string safe_name(std::string_view name);

// For messages about a profile name that is not defined (AWS101, AWS102, AWS103).
struct NearMiss {
  const SourceFile* file = nullptr;
  const Section* section = nullptr;
  std::string advice;  // "'[dev]' at line 3 of the config file is not a profile: write '[profile dev]'"
};
// Sections that look like profile `name` but are not read as it: '[name]', '[Profile name]' or
// '[ profile name]' in the config file, '[profile name]' in the credentials file, and spellings that
// differ only in case or surrounding spaces. File order, config first.
std::vector<NearMiss> near_miss_sections(const Workspace& ws, std::string_view name);
// The defined profile whose name is closest to `name` (same name in another case, or a small edit
// distance), or "" when none is close.
std::string_view closest_profile(const Workspace& ws, std::string_view name);

// The same two answers for many names, as a rule asks once per finding: the free functions above
// scan every section and compute an edit distance to every profile per name, O(names * profiles)
// with allocations per pair (2.5 s on 20,000 profiles with 1,000 dangling source_profile names).
// Nothing is built until it is needed (a clean config pays nothing, and a first near-miss question
// is a plain scan); the results are the free functions' own (same text, same order, same ties).
// - near_miss_sections: every match is an ASCII case-insensitive equality of `name` with a string
//   derived from a section (its profile name, its stripped header, the header after a 'profile'
//   word), so the sections are indexed by a hash of those strings lower-cased; a name looks up its
//   few candidates and each is tested exactly as near_miss_sections tests it.
// - closest_profile: the profile names lower-cased once (with the set of byte classes each holds),
//   an answer kept per name, and per candidate two lower bounds (the length difference, the byte
//   classes only one of the names has) before a bounded edit distance (edit_distance_within) that
//   stops once it must exceed the best distance so far or the limit. Still O(distinct names *
//   profiles) in the worst case, but most pairs cost a few bit operations, the others
//   O(length) word operations, instead of a full distance matrix and four allocations each.
// Not thread-safe: the index is built on first use. One per Rule::check() call (rules run on
// several threads at once).
class Suggestions {
 public:
  explicit Suggestions(const Workspace& ws);
  ~Suggestions();
  Suggestions(const Suggestions&) = delete;
  Suggestions& operator=(const Suggestions&) = delete;

  std::vector<NearMiss> near_miss_sections(std::string_view name);
  std::string_view closest_profile(std::string_view name);

 private:
  struct Index;
  const Workspace& ws_;
  std::unique_ptr<Index> index_;
};

}  // namespace awslint
