// The workspace: the config file, the credentials file and the environment, read into one model,
// with the views the AWS CLI v2 builds from them (botocore's build_profile_map and the session's
// merge of the credentials file over the config profiles).
#pragma once

#include <cstdint>
#include <ctime>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexer.h"
#include "name_index.h"

namespace awslint {

enum class FileKind : std::uint8_t { Config, Credentials };

// Why a file was not read.
enum class ReadStatus : std::uint8_t {
  Ok,
  Missing,      // does not exist (normal in default locations)
  NotRegular,   // directory, FIFO, device ...
  Unreadable,   // permission or other OS error
  TooLarge,     // over the size cap
};

struct SourceFile {
  FileKind kind = FileKind::Config;
  std::string path;     // as opened
  std::string display;  // as reported (relative to the working directory when under it)
  bool explicit_path = false;  // named on the command line (--config, --credentials, FILE)
  ReadStatus status = ReadStatus::Missing;
  std::string error;    // OS error text when status is not Ok
  std::unique_ptr<ParsedFile> parsed;  // set when status == Ok

  bool ok() const { return status == ReadStatus::Ok && parsed != nullptr; }
};

// What a config section is to botocore's build_profile_map.
enum class SectionRole : std::uint8_t {
  Profile,     // [default], [profile x] (and the shlex quirks: [profiles x], [profile  x])
  SsoSession,  // [sso-session x]
  Services,    // [services x]
  Defaults,    // configparser's [DEFAULT]
  Ignored,     // anything else: never read as a profile
};

struct ConfigSection {
  std::string_view name;  // profile / sso-session / services name (empty for Ignored/Defaults)
  std::uint32_t index = 0;  // into ParsedFile::sections
  SectionRole role = SectionRole::Ignored;
  bool shadowed = false;  // a later section gives the same profile name (it replaces this one)
  // The header is exactly `<prefix> <name>` (one space, nothing around, no quotes): name is a
  // slice of it without white space. Most headers are; rules that look for odd spellings skip them
  // without reading the header again (a cache miss per section in a big file).
  bool canonical = false;
};


struct EnvVar {
  std::string name;
  std::string value;
  std::uint32_t line = 0;  // line in the env file (0: process environment)
};

struct Environment {
  bool enabled = true;            // false with --no-env
  std::string file;               // --env-file path as displayed, empty for the process environment
  std::vector<EnvVar> vars;       // AWS_* (and a few others the CLI reads), file order
  std::vector<std::uint32_t> bad_lines;  // env-file lines that are not KEY=VALUE
  std::string read_error;         // why the --env-file could not be read (empty: it was, or none)
  const EnvVar* get(std::string_view name) const;  // last definition wins, as with docker
};

// A value as the CLI would read it for a profile, with where it came from.
struct Value {
  std::string_view key;    // lower-cased
  std::string_view text;   // the value as the CLI reads it
  const SourceFile* file = nullptr;
  const Section* section = nullptr;
  const Entry* entry = nullptr;
  std::uint32_t line = 0;
  std::uint32_t col = 1;        // key column
  std::uint32_t value_col = 1;
  bool from_defaults = false;   // inherited from the file's [DEFAULT]
};

// A profile as the CLI sees it: its config section (profile map) and its credentials section.
struct Profile {
  std::string_view name;
  const Section* config = nullptr;       // winning config section, or null
  const Section* credentials = nullptr;  // credentials section, or null
  // A key of this profile: the credentials file wins over the config file (botocore merges the
  // credentials section over the config profile).
  std::optional<Value> get(std::string_view key) const;
  std::optional<Value> get_config(std::string_view key) const;
  std::optional<Value> get_credentials(std::string_view key) const;
  bool has(std::string_view key) const { return get(key).has_value(); }
  // The same by key id (no string comparisons): for the keys awslint knows (Key in lexer.h).
  std::optional<Value> get(Key key) const;
  std::optional<Value> get_config(Key key) const;
  std::optional<Value> get_credentials(Key key) const;
  bool has(Key key) const { return entry(key) != nullptr; }
  // The entry get(key) would read, without building a Value.
  const Entry* entry(Key key) const;

  const SourceFile* config_file = nullptr;
  const SourceFile* credentials_file = nullptr;
};

struct SsoSession {
  std::string_view name;
  const Section* section = nullptr;
  std::optional<Value> get(std::string_view key) const;
  std::optional<Value> get(Key key) const;
  const SourceFile* file = nullptr;
};

// The options that change what the CLI would do (not how awslint reports).
struct LintContext {
  std::optional<std::string> profile_flag;  // --profile
  std::time_t now = 0;                      // --now or the system clock
  std::int64_t expiry_window_seconds = 15 * 60;
};

// Which profile the CLI would use, and why.
struct Selection {
  std::string_view name;
  enum class Source : std::uint8_t { Flag, AwsProfile, AwsDefaultProfile, Default } source = Source::Default;
  const EnvVar* var = nullptr;  // the variable that selected it (AwsProfile / AwsDefaultProfile)
};
std::string_view source_name(Selection::Source s);  // "--profile", "AWS_PROFILE", ...

class Workspace {
 public:
  SourceFile config;
  SourceFile credentials;
  Environment env;
  LintContext ctx;

  // Builds the profile map and the merged view. Call after the files and env are read.
  void build();

  const BigArray<ConfigSection>& config_sections() const { return config_sections_; }
  const BigVector<Profile>& profiles() const { return profiles_; }  // config order, then credentials-only
  const Profile* profile(std::string_view name) const;
  const std::vector<SsoSession>& sso_sessions() const { return sso_sessions_; }
  const SsoSession* sso_session(std::string_view name) const;
  // profile(names[i]) for every i, into out[i]: the same answers, for many names at a time faster
  // (the index slots, the profiles and their names are prefetched some names ahead; each of them
  // is a cache miss when a config has 100,000 profiles).
  // The bytes of the config and credentials files read (what decides whether work is worth threads).
  std::size_t input_bytes() const;
  void profiles_named(std::span<const std::string_view> names, std::span<const Profile*> out) const;
  // [services x] sections (newer CLIs read them; same shape as an sso-session).
  const std::vector<SsoSession>& services() const { return services_; }

  // The role a config section plays, by section index.
  const ConfigSection* config_section(std::uint32_t index) const;

  // The profile the CLI v2 would use (--profile > AWS_PROFILE > AWS_DEFAULT_PROFILE > default).
  Selection selected() const;
  // The same for boto3 / CLI v1 (AWS_DEFAULT_PROFILE before AWS_PROFILE).
  Selection selected_v1() const;

  // A profile defined in neither file? (what "The config profile (x) could not be found" checks)
  bool defined(std::string_view name) const { return profile(name) != nullptr; }

  // Display path for a source file ("" for none).
  static std::string_view display(const SourceFile* f) { return f ? std::string_view(f->display) : ""; }

 private:
  BigArray<ConfigSection> config_sections_;
  BigVector<Profile> profiles_;
  NameIndex profile_index_;
  std::vector<SsoSession> sso_sessions_;
  NameIndex sso_index_;
  std::vector<SsoSession> services_;
  std::deque<std::string> names_;  // names that are not slices of a file (shlex removed quotes)
  std::string_view keep(std::string s);
};

// Keys whose values are secrets: never printed, in no format.
bool is_secret_key(std::string_view lower_key);
bool is_secret_var(std::string_view name);
// Access key ids are shown masked: "AKIA…MPLE" (first four, last four).
bool is_key_id_key(std::string_view lower_key);
std::string mask_key_id(std::string_view id);

}  // namespace awslint
