// The AWS CLI's dialect of INI (Python's configparser.RawConfigParser as botocore configures it,
// plus botocore's nested-value parsing), read line by line. Every section, key and value keeps its
// line and column. The lexer never throws on bad input: what would make the CLI reject the file is
// recorded as an Issue at its line, and reading goes on so that the rest can be linted.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "big_alloc.h"

namespace awslint {

// Keys awslint knows by name get a small id, so that lookups compare one byte instead of strings.
// AWSLINT_CLI_KEYS are the keys the CLI v2 reads from a profile, an sso-session or the credentials
// file (sorted); AWSLINT_OTHER_KEYS are further keys rules look up (helper-tool expirations, the
// spellings is_secret_key() and is_key_id_key() know).
#define AWSLINT_CLI_KEYS(X) \
  X(account_id_endpoint_mode) \
  X(api_versions) \
  X(auth_scheme_preference) \
  X(aws_access_key_id) \
  X(aws_account_id) \
  X(aws_secret_access_key) \
  X(aws_security_token) \
  X(aws_session_token) \
  X(ca_bundle) \
  X(cli_auto_prompt) \
  X(cli_binary_format) \
  X(cli_follow_urlparam) \
  X(cli_history) \
  X(cli_pager) \
  X(cli_timestamp_format) \
  X(credential_process) \
  X(credential_source) \
  X(csm_client_id) \
  X(csm_enabled) \
  X(csm_host) \
  X(csm_port) \
  X(defaults_mode) \
  X(disable_request_compression) \
  X(duration_seconds) \
  X(ec2_metadata_service_endpoint) \
  X(ec2_metadata_service_endpoint_mode) \
  X(endpoint_discovery_enabled) \
  X(endpoint_url) \
  X(external_id) \
  X(ignore_configured_endpoint_urls) \
  X(imds_use_ipv6) \
  X(max_attempts) \
  X(metadata_service_num_attempts) \
  X(metadata_service_timeout) \
  X(mfa_serial) \
  X(output) \
  X(parameter_validation) \
  X(region) \
  X(request_checksum_calculation) \
  X(request_min_compression_size_bytes) \
  X(response_checksum_validation) \
  X(retry_mode) \
  X(role_arn) \
  X(role_session_name) \
  X(s3) \
  X(s3api) \
  X(sdk_ua_app_id) \
  X(services) \
  X(sigv4a_signing_region_set) \
  X(source_profile) \
  X(sso_account_id) \
  X(sso_region) \
  X(sso_registration_scopes) \
  X(sso_role_name) \
  X(sso_session) \
  X(sso_start_url) \
  X(sts_regional_endpoints) \
  X(tcp_keepalive) \
  X(use_dualstack_endpoint) \
  X(use_fips_endpoint) \
  X(web_identity_token_file)
#define AWSLINT_OTHER_KEYS(X) \
  X(aws_expiration) \
  X(x_security_token_expires) \
  X(aws_session_expiration) \
  X(aws_credential_expiration) \
  X(expiration) \
  X(aws_secret_key) \
  X(secret_access_key) \
  X(session_token) \
  X(security_token) \
  X(access_key_id)

enum class Key : std::uint8_t {
  Other = 0,  // any key not listed above
#define AWSLINT_KEY_ENUM(k) k,
  AWSLINT_CLI_KEYS(AWSLINT_KEY_ENUM) kFirstOther_,
  AWSLINT_OTHER_KEYS(AWSLINT_KEY_ENUM)
#undef AWSLINT_KEY_ENUM
  kCount_
};
// The id of a lower-cased key (Key::Other when it has none) and the name of an id.
Key key_id(std::string_view lower_key);
std::string_view key_name(Key k);
// A key the CLI reads (one of AWSLINT_CLI_KEYS).
inline bool is_cli_key(Key k) { return k != Key::Other && k < Key::kFirstOther_; }

// A set of key ids, a bit each (Key::Other is bit 0: callers that want known keys only leave it
// out or clear it).
struct KeySet {
  static_assert(static_cast<unsigned>(Key::kCount_) <= 128, "two words of bits");
  std::uint64_t bits[2] = {0, 0};
  void add(Key k) {
    const auto i = static_cast<unsigned>(k);
    bits[i >> 6] |= std::uint64_t{1} << (i & 63);
  }
  bool has(Key k) const {
    const auto i = static_cast<unsigned>(k);
    return (bits[i >> 6] >> (i & 63)) & 1;
  }
  KeySet& operator|=(const KeySet& o) {
    bits[0] |= o.bits[0];
    bits[1] |= o.bits[1];
    return *this;
  }
};

// A string stored in a ParsedFile: either a slice of the file text or of its arena.
// Compact on purpose: a 100,000-profile config has half a million entries.
struct Str {
  static constexpr std::uint32_t kArena = 0x80000000u;
  std::uint32_t off = 0;  // high bit set: offset into the arena
  std::uint32_t len = 0;
};

enum class IssueKind : std::uint8_t {
  DuplicateSection,      // DuplicateSectionError
  DuplicateKey,          // DuplicateOptionError
  MissingSectionHeader,  // MissingSectionHeaderError (a BOM included)
  InvalidLine,           // ParsingError: no delimiter, empty key, `[]`
  InvalidEncoding,       // UnicodeDecodeError
  InvalidNested,         // botocore _parse_nested: a sub-line without '='
};

struct Issue {
  IssueKind kind;
  std::uint32_t line = 0;  // 1-based
  std::uint32_t col = 1;   // 1-based, in code points
  std::uint32_t related_line = 0;  // first definition, for duplicates (0: none)
  std::uint32_t related_col = 1;
  std::string detail;  // section or key name, or what is wrong (printable, never a value)
};

// A sub-key of a nested block (`s3 =` followed by indented `key = value` lines).
struct SubEntry {
  Str key;  // stripped, not lower-cased (botocore keeps the case)
  Str value;
  std::uint32_t line = 0;
  std::uint32_t col = 1;
};

struct Entry {
  Str key;    // lower-cased, as the CLI stores it
  Str value;  // the value as configparser returns it (continuations joined with '\n')
  std::uint32_t line = 0;      // line of the key
  std::uint32_t end_line = 0;  // last continuation line (== line when none)
  std::uint32_t value_col = 1;  // column of the first value character on the key line
  std::uint16_t key_col = 1;    // (indentation + 1, capped at 65535) — Entry is kept at 32 bytes
  Key key_id = Key::Other;      // key_id(key)
  bool nested : 1 = false;            // value starts with '\n': botocore parses it as sub-keys
  bool has_continuation : 1 = false;  // at least one continuation line was appended
  bool nested_error : 1 = false;      // a sub-line without '=' (the CLI rejects the file)
  bool duplicate : 1 = false;         // repeats a key of its section (the CLI rejects the file)
};
static_assert(sizeof(Entry) == 32, "a 100,000-profile config has half a million entries");

struct Section {
  Str name;          // exactly as configparser keeps it (between '[' and the last ']')
  std::uint32_t line = 0;
  std::uint32_t col = 1;          // column of '['
  std::uint32_t end_line = 0;     // last line that belongs to the section
  std::uint32_t first_entry = 0;  // index into ParsedFile::entries
  std::uint32_t n_entries = 0;
  bool is_defaults = false;   // configparser's [DEFAULT]
  bool duplicate = false;     // repeats an earlier section of the file (CLI rejects the file)
  bool trailing_text = false;  // text after the closing ']' that configparser ignores
  std::uint32_t name_col() const { return col + 1; }  // column of the first name character
};
static_assert(sizeof(Section) == 32, "a 100,000-profile config has 100,000 sections");

// One physical line of the file, classified as configparser sees it.
enum class LineKind : std::uint8_t {
  Blank,
  Comment,
  Section,
  Key,
  Continuation,
  Invalid,        // rejected by configparser (ParsingError / before header)
  NotDecodable,   // at or after the first invalid UTF-8 byte
};

struct Line {
  std::uint32_t off = 0;  // byte offset of the line start in text
};

// What a line holds, recorded by the lexer as it reads every byte once, so that rules looking for
// rare characters skip ordinary lines without scanning them again (ParsedFile::line_traits).
namespace trait {
constexpr std::uint8_t kCommentMark = 1;  // '#' or ';' anywhere on the line
constexpr std::uint8_t kQuote = 2;        // '"' or '\''
constexpr std::uint8_t kNonAscii = 4;     // a byte >= 0x80
constexpr std::uint8_t kControl = 8;      // a byte < 0x20 other than the tab, or 0x7F
constexpr std::uint8_t kTab = 16;         // a tab
}  // namespace trait

class ParsedFile {
 public:
  ParsedFile() = default;
  ParsedFile(const ParsedFile&) = delete;
  ParsedFile& operator=(const ParsedFile&) = delete;

  BigText text;  // the raw bytes of the file

  BigArray<Line> lines;
  // Parallel to lines: the LineKind in the low 3 bits, the line's trait:: bits above (read them
  // with kind_of() and traits_of()).
  BigVector<LineKind> line_kinds;
  BigArray<Section> sections;  // file order, [DEFAULT] and duplicates included
  BigArray<Entry> entries;
  std::vector<SubEntry> subs;  // read them with subs_of()
  std::vector<Issue> issues;      // in line order
  bool rejected = false;          // the CLI raises ConfigParseError for this file
  bool has_bom = false;
  std::vector<std::uint32_t> defaults_sections;  // indexes of the [DEFAULT] sections (they share one dict)
  std::size_t invalid_utf8_offset = std::string::npos;

  std::string_view str(Str s) const {
    if (s.off & Str::kArena) return std::string_view(arena_).substr(s.off & ~Str::kArena, s.len);
    return std::string_view(text).substr(s.off, s.len);
  }
  // A line's text without its terminator (1-based).
  std::string_view line_text(std::uint32_t line) const {
    const std::uint32_t off = lines[line - 1].off;
    std::size_t end = line < lines.size() ? lines[line].off : text.size();
    // Drop the terminator (\n, \r\n or \r; the last line may have none). A line holds no \n or
    // \r of its own, so one at its end is the terminator.
    if (end > off && (text[end - 1] == '\n' || text[end - 1] == '\r')) {
      --end;
      if (text[end] == '\n' && end > off && text[end - 1] == '\r') --end;
    }
    return std::string_view(text).substr(off, end - off);
  }
  Str intern(std::string_view s);  // copy into the arena

  // Entries of a section, own entries only (not the [DEFAULT] ones).
  const Entry* begin(const Section& s) const { return entries.data() + s.first_entry; }
  const Entry* end(const Section& s) const { return entries.data() + s.first_entry + s.n_entries; }
  const Entry* find(const Section& s, std::string_view key) const;  // own entries, then [DEFAULT]
  const Entry* find_default(std::string_view key) const;            // [DEFAULT] entries only
  // The same by id (Key::Other is not an id: use the string forms for such keys).
  const Entry* find(const Section& s, Key key) const {
    if (!has_key(key)) return nullptr;
    for (const Entry* e = begin(s); e != end(s); ++e)
      if (e->key_id == key && !e->duplicate) return e;
    if (s.is_defaults || defaults_sections.empty()) return nullptr;
    return find_default(key);
  }
  const Entry* find_default(Key key) const;
  // Whether some section of the file has the key (a fast no for the keys most files lack).
  bool has_key(Key k) const { return key_mask_.has(k); }
  std::uint8_t traits_of(std::uint32_t line) const { return static_cast<std::uint8_t>(line_kinds[line - 1]) >> 3; }
  // The OR of the traits of an entry's lines (key line and continuation lines).
  std::uint8_t traits_of(const Entry& e) const {
    std::uint8_t t = 0;
    for (std::uint32_t l = e.line; l <= e.end_line; ++l) t |= traits_of(l);
    return t;
  }
  const Entry* entry_at_line(std::uint32_t line) const;  // the entry a Key/Continuation line belongs to
  LineKind kind_of(std::uint32_t line) const {
    return static_cast<LineKind>(static_cast<std::uint8_t>(line_kinds[line - 1]) & 7);
  }
  // The key as written on its line (case kept, surrounding whitespace removed).
  std::string_view raw_key(const Entry& e) const;
  // The sub-keys of a nested entry, in file order (none for other entries). Kept apart from the
  // entries, which are many, while nested blocks are few.
  std::span<const SubEntry> subs_of(const Entry& e) const;

 private:
  friend class Lexer;
  std::string arena_;
  KeySet key_mask_;  // the keys of all entries
  struct NestedSubs {
    std::uint32_t entry, first, count;  // entries[entry] has subs[first, first + count)
  };
  std::vector<NestedSubs> nested_;  // by entry index
};

// Reads text in the CLI's dialect. Never throws on content. `parts`: 0 lexes a file of
// kParallelMinBytes and more in jobs() parts on as many threads (the result is the same as the
// serial one, field by field), a smaller one serially; n > 0 uses at most n parts (tests).
std::unique_ptr<ParsedFile> lex(BigText text, unsigned parts = 0);
std::unique_ptr<ParsedFile> lex(std::string_view text, unsigned parts = 0);  // copies the text

// Where lex(text, parts) starts its later parts in a file whose lines are split (the first line
// of each; empty: lexed serially). For tests.
std::vector<std::uint32_t> lex_split_points(const ParsedFile& f, unsigned parts);

// Column (1-based, in code points) of byte offset `byte` within a line.
std::uint32_t column_of(std::string_view line, std::size_t byte);

}  // namespace awslint
