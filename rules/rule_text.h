// Helpers shared by the rules, the misread rules (AWS010-AWS017) above all: which keys the CLI reads,
// how a message quotes a name or a value, and which keys a profile has.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "lexer.h"
#include "model.h"

namespace awslint {

// A key the CLI v2 reads from a profile, an sso-session or the credentials file (lower-cased).
inline bool is_cli_key(std::string_view lower_key) { return is_cli_key(key_id(lower_key)); }

// printable() of at most 64 code points, then "…" (messages quote values, they do not copy them).
std::string printable_excerpt(std::string_view s);

// The OR of the traits (trait:: bits) of the lines entries may be read from: every line but
// comments and section headers. A rule looking for a rare character in keys and values skips a
// whole file without it.
std::uint8_t entry_line_traits(const ParsedFile& pf);

// The entry Profile::get(k) reads (the credentials file first) and its text, without building a
// Value: for loops over every profile that only look at the text.
struct KeyText {
  const Entry* entry = nullptr;
  std::string_view text;
};
inline KeyText key_text(const Profile& p, Key k) {
  for (auto [f, s] : {std::pair{p.credentials_file, p.credentials}, std::pair{p.config_file, p.config}}) {
    if (!f || !s || !f->parsed) continue;
    if (const Entry* e = f->parsed->find(*s, k)) return {e, f->parsed->str(e->value)};
  }
  return {};
}

static_assert(static_cast<unsigned>(Key::Other) == 0, "ProfileKeys clears bit 0 as Key::Other");

// The keys every profile has, as Profile::has(Key) answers, from one pass over each profile's
// entries: for rules that ask several keys of every profile (each Profile::has walks two sections).
// It follows ParsedFile::find(Section, Key): a section's own entries (duplicates aside), then the
// file's [DEFAULT] entries unless the section is [DEFAULT] itself.
class ProfileKeys {
 public:
  explicit ProfileKeys(const Workspace& ws);
  KeySet of(const Profile& p) const {
    KeySet k = section(p.credentials_file, p.credentials);
    k |= section(p.config_file, p.config);
    return k;
  }

 private:
  KeySet section(const SourceFile* f, const Section* s) const {
    if (!f || !s || !f->parsed) return {};
    KeySet k = own(*f->parsed, *s);
    if (!s->is_defaults) k |= f == config_ ? config_defaults_ : f == credentials_ ? credentials_defaults_ : defaults_of(*f);
    return k;
  }
  static KeySet own(const ParsedFile& pf, const Section& s) {
    // Bits in locals and the bounds read once: stores into the result could alias the entries as
    // far as the compiler knows, and would make it reload both on every entry.
    std::uint64_t lo = 0, hi = 0;
    const Entry* const end = pf.end(s);
    for (const Entry* e = pf.begin(s); e != end; ++e) {
      if (e->duplicate) continue;
      const auto i = static_cast<unsigned>(e->key_id);
      (i < 64 ? lo : hi) |= std::uint64_t{1} << (i & 63);
    }
    KeySet k;
    k.bits[0] = lo & ~std::uint64_t{1};  // Key::Other (0) is no key id
    k.bits[1] = hi;
    return k;
  }
  static KeySet defaults_of(const SourceFile& f);

  const SourceFile* config_;
  const SourceFile* credentials_;
  KeySet config_defaults_, credentials_defaults_;  // the keys of each file's [DEFAULT] sections
};

}  // namespace awslint
