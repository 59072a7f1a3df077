// AWS012 quoted-value
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "rule.h"
#include "text.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS012",
    .name = "quoted-value",
    .severity = Severity::Warning,
    .summary = "value wrapped in quotes, which the CLI keeps",
    .doc = R"(## What it does
Reports a value wrapped in quotes (`"..."` or `'...'`, possibly followed by a stray `;` or `,`) for a
key the CLI reads: profile and sso-session keys, credentials and the sub-keys of nested blocks.
Keys whose values the CLI splits like a shell command (`credential_process`, `cli_pager`) are not
reported: quotes there group words and are removed. Keys of other tools are left alone.

## Why is this bad?
configparser keeps quotes as part of the value. `region = "us-east-1"` makes the region
`"us-east-1"` (with the quotes), so every request goes to an endpoint that does not exist; a quoted
access key id is rejected (`InvalidClientTokenId`) and a quoted secret makes every signature wrong
(`SignatureDoesNotMatch`). Shell and `.env` habits make this an easy mistake.

## Example
```ini
[profile dev]
region = "eu-west-1"
output = 'json'
```

## Use instead
```ini
[profile dev]
region = eu-west-1
output = json
```
)",
    .security = false,
};

// Keys the CLI v2 reads from a profile, an sso-session or the credentials file (botocore 2.9.19's
// session variables and credential providers, the CLI's own settings and a few newer ones), sorted.
constexpr std::string_view kCliKeys[] = {
    "account_id_endpoint_mode", "api_versions", "auth_scheme_preference", "aws_access_key_id", "aws_account_id",
    "aws_secret_access_key", "aws_security_token", "aws_session_token", "ca_bundle", "cli_auto_prompt",
    "cli_binary_format", "cli_follow_urlparam", "cli_history", "cli_pager", "cli_timestamp_format",
    "credential_process", "credential_source", "csm_client_id", "csm_enabled", "csm_host", "csm_port",
    "defaults_mode", "disable_request_compression", "duration_seconds", "ec2_metadata_service_endpoint",
    "ec2_metadata_service_endpoint_mode", "endpoint_discovery_enabled", "endpoint_url", "external_id",
    "ignore_configured_endpoint_urls", "imds_use_ipv6", "max_attempts", "metadata_service_num_attempts",
    "metadata_service_timeout", "mfa_serial", "output", "parameter_validation", "region",
    "request_checksum_calculation", "request_min_compression_size_bytes", "response_checksum_validation",
    "retry_mode", "role_arn", "role_session_name", "s3", "s3api", "sdk_ua_app_id", "services",
    "sigv4a_signing_region_set", "source_profile", "sso_account_id", "sso_region", "sso_registration_scopes",
    "sso_role_name", "sso_session", "sso_start_url", "sts_regional_endpoints", "tcp_keepalive",
    "use_dualstack_endpoint", "use_fips_endpoint", "web_identity_token_file",
};
static_assert(std::is_sorted(std::begin(kCliKeys), std::end(kCliKeys)));

// What a quoted value does, for the keys where it is worth saying.
std::string_view consequence(std::string_view key) {
  if (key == "region" || key == "sso_region") return ", so requests go to an endpoint that does not exist";
  if (is_key_id_key(key)) return ", which AWS rejects (InvalidClientTokenId)";
  if (key == "aws_session_token" || key == "aws_security_token")
    return ", which AWS rejects (\"The security token included in the request is invalid\")";
  if (is_secret_key(key)) return ", so every signature is wrong (SignatureDoesNotMatch)";
  return "";
}

}  // namespace

// Shared by the misread rules (AWS010-AWS017), which declare what they use.
bool is_cli_key(std::string_view lower_key) {
  return std::binary_search(std::begin(kCliKeys), std::end(kCliKeys), lower_key);
}

std::string printable_excerpt(std::string_view s) {
  constexpr std::size_t kMax = 64;  // code points: a message quotes a value, it does not copy a 1 MB one
  std::size_t i = 0;
  for (std::size_t n = 0; i < s.size() && n < kMax; ++n) {
    char32_t cp;
    i += std::max<std::size_t>(1, utf8_decode(s, i, cp));
  }
  return i < s.size() ? printable(s.substr(0, i)) + "\xE2\x80\xA6" : printable(s);
}

namespace {

class QuotedValue final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    for (const SourceFile* f : {&ws.config, &ws.credentials}) {
      if (!f->ok()) continue;
      const ParsedFile& pf = *f->parsed;
      for (const Section& s : pf.sections) {
        auto where = [&] { return printable_excerpt(pf.str(s.name)); };  // for messages only
        for (const Entry* e = pf.begin(s); e != pf.end(s); ++e) {
          const std::string_view key = pf.str(e->key);
          if (e->nested) {
            for (std::uint32_t i = 0; i < e->n_subs; ++i) {
              const SubEntry& sub = pf.subs[e->first_sub + i];
              const std::string_view sub_key = pf.str(sub.key);
              check_value(out, *f, sub.line, sub_key, sub.value, pf, [&] {
                return fmt::format("'{}' of the nested block '{}' in section '[{}]'", printable_excerpt(sub_key),
                                   printable_excerpt(key), where());
              });
            }
          } else if (!e->has_continuation && is_cli_key(key) && key != "credential_process" && key != "cli_pager") {
            check_value(out, *f, e->line, key, e->value, pf,
                        [&] { return fmt::format("'{}' in section '[{}]'", key, where()); });  // a known key
          }
        }
      }
    }
  }

 private:
  template <typename What>
  static void check_value(Sink& out, const SourceFile& f, std::uint32_t line, std::string_view key, Str value,
                          const ParsedFile& pf, What what) {
    // The whole value in one kind of quotes, maybe followed by a stray ';' or ',' (shell and code habits).
    static const RE2 re(R"re(^(?:"([^"]*)"|'([^']*)')\s*([;,]?)$)re");
    const std::string_view v = pf.str(value);
    re2::StringPiece dq, sq, tail;
    if (v.size() < 2 || !RE2::FullMatch(re2::StringPiece(v.data(), v.size()), re, &dq, &sq, &tail)) return;
    const std::string_view inner = dq.data() ? std::string_view(dq.data(), dq.size()) : std::string_view(sq.data(), sq.size());
    const std::string_view trailer(tail.data(), tail.size());
    const std::string_view l = pf.line_text(line);
    std::uint32_t col = 1;
    if (!(value.off & Str::kArena))
      col = column_of(l, value.off - pf.lines[line - 1].off);
    const std::string quoted = trailer.empty() ? std::string("wrapped in quotes")
                                               : fmt::format("wrapped in quotes and followed by '{}'", trailer);
    std::string msg;
    if (is_secret_key(key)) {
      msg = fmt::format("{} is {}, which the CLI keeps as part of the secret{}; remove the quotes", what(), quoted,
                        consequence(key));
    } else {
      const std::string shown = is_key_id_key(key) ? mask_key_id(inner) : printable_excerpt(inner);
      const std::string_view q = v.substr(0, 1);
      msg = fmt::format("{} is {}, which the CLI keeps: it reads '{}{}{}{}'{}; write '{} = {}'", what(), quoted, q, shown,
                        q, trailer, consequence(key), printable_excerpt(key), shown);
    }
    Finding& x = out.report(at(f, line, col), std::move(msg));
    x.key = std::string(key);
  }
};

}  // namespace

std::unique_ptr<Rule> make_quoted_value() { return std::make_unique<QuotedValue>(); }

}  // namespace awslint
