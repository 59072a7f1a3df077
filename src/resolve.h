// `awslint resolve`: which profile, region and credentials the AWS CLI v2 would use, offline, and
// what boto3 / AWS CLI v1 would do differently.
//
//   profile      --profile > AWS_PROFILE > AWS_DEFAULT_PROFILE > default (boto3 / CLI v1:
//                AWS_DEFAULT_PROFILE before AWS_PROFILE)
//   region       AWS_REGION > AWS_DEFAULT_REGION > the profile's region (the credentials file's
//                section wins over the config file's) > none (boto3 / CLI v1 ignore AWS_REGION)
//   credentials  the credential provider chain (chain.h), after the checks the CLI makes first: a
//                rejected config or credentials file is ConfigParseError (the config file is read
//                first); then, with environment keys, AWS_CREDENTIAL_EXPIRATION as botocore reads it
//                (dateutil): unparsable -> ParserError, no time zone -> TypeError, in the past ->
//                RuntimeError ("Credentials were refreshed, but the refreshed credentials are still
//                expired.").
//
// Exit code: 0 when the CLI would find credentials, 1 when it would fail or find none (nothing in
// the files or the environment: the CLI would then only ask the instance metadata service, which
// answers on EC2 alone), 2 for an unknown format.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "chain.h"
#include "diagnostic.h"
#include "model.h"

namespace awslint {

// Where the region comes from.
enum class RegionSource : std::uint8_t { AwsRegion, AwsDefaultRegion, ConfigFile, CredentialsFile, None };
std::string_view region_source_name(RegionSource s);  // "AWS_REGION", ..., "config-file",
                                                      // "shared-credentials-file", "none"

struct RegionResult {
  RegionSource source = RegionSource::None;
  std::string_view value;          // valid unless source is None (may be empty: AWS_REGION="")
  const EnvVar* var = nullptr;     // AwsRegion / AwsDefaultRegion
  std::optional<Value> key;        // ConfigFile / CredentialsFile
  std::vector<Origin> overridden;  // lower-precedence settings that lose to it
};

// An exception the CLI would raise (botocore's class name and message; never a secret).
struct ResolveError {
  std::string type;
  std::string message;
  std::string profile;                // the profile at fault ("" for a file or the environment)
  Origin where;                       // the key or variable at fault, when there is one
  const SourceFile* file = nullptr;   // ConfigParseError: the rejected file
};

// An expiry timestamp for the credentials: AWS_CREDENTIAL_EXPIRATION (read by the CLI), or a key a
// helper tool wrote next to static keys (aws_expiration, x_security_token_expires, ...; the CLI
// never reads those).
struct Expiry {
  Origin where;
  std::optional<std::int64_t> at;  // seconds since the epoch, when readable
  bool read_by_cli = false;
};

struct Resolution {
  bool v1 = false;  // computed as boto3 / AWS CLI v1 would
  Selection selection;
  bool profile_defined = false;
  std::vector<const EnvVar*> profile_overridden;  // selectors that lose (AWS_DEFAULT_PROFILE, ...)
  RegionResult region;
  CredentialSource credentials;          // the chain's answer (see error)
  std::optional<ResolveError> error;     // set: the CLI fails
  std::optional<Expiry> expiry;
  // Credentials found (no error, something configured; not just the instance-metadata guess).
  bool found() const { return !error && credentials.located(); }
};

// The CLI v2's answer (v1 = false) or boto3 / CLI v1's (v1 = true) for the workspace's selection.
Resolution resolve(const Workspace& ws, bool v1 = false);

// The findings that concern a resolution: those about its profile or the profiles of its role
// chain (not about their region or output, which the CLI does not read from them), about an
// environment variable, about the whole of the config or credentials file, or at a line of one of
// the sections the resolution reads; and, when a file is rejected, its errors.
std::vector<const Finding*> relevant_findings(const Workspace& ws, const Resolution& r,
                                              const std::vector<Finding>& findings);

// format: "text" or "json". Returns the exit code (0 credentials found, 1 the CLI would fail or
// find none, 2 unknown format).
int run_resolve(const Workspace& ws, const std::vector<Finding>& findings, const std::string& format, std::string& out);

}  // namespace awslint
