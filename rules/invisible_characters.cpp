// AWS016 invisible-characters
#include <fmt/format.h>

#include <array>
#include <cstring>
#include <string>

#include "rule.h"
#include "rule_text.h"
#include "text.h"

namespace awslint {

namespace {

constexpr RuleInfo kInfo{
    .id = "AWS016",
    .name = "invisible-characters",
    .severity = Severity::Warning,
    .summary = "key, value or section name holding invisible or control characters that the CLI keeps",
    .doc = R"(## What it does
Reports a section name, key or value, in either file, that holds a character the CLI keeps but a
person cannot see or did not mean to type:

- zero-width and other invisible format characters (U+200B zero-width space, U+200D, U+2060,
  U+FEFF, U+00AD soft hyphen, bidirectional controls ...), anywhere;
- control characters (U+0000-U+001F except the tab, U+007F-U+009F);
- non-ASCII spaces (U+00A0 no-break space, U+2000-U+200A, U+202F, U+3000 ...) inside a name, key
  or value: the CLI strips them only at the ends of keys and values, never inside, and never in
  section names;
- any space or tab inside an access key id, a secret access key or a session token.

The message names the character and its column, never the value of a secret.

## Why is this bad?
configparser strips leading and trailing whitespace from keys and values (Python's
`str.strip()`, which includes the no-break space) and nothing else. Everything else is part of
the text: an access key id with a zero-width space pasted from a web page or a chat gives
`InvalidClientTokenId` ("The security token included in the request is invalid"), a secret with
one gives `SignatureDoesNotMatch`, a key `region` followed by a zero-width space is not the key
`region`, and `[profile dev]` with a no-break space after `profile` is not profile `dev`. The
file looks right in every editor, which makes these errors very hard to find.

## Example
```ini
[profile dev]
region = eu-west-1
aws_access_key_id = AKIAIOSFODNN7EXAMPLE<U+200B>
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG bPxRfiCYEXAMPLEKEY
```

## Use instead
```ini
[profile dev]
region = eu-west-1
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
```
)",
    .security = true,
    .weight = 2,  // measured on the 100,000-profile benchmark config
};

// Zero-width and other invisible format characters (Unicode Cf and the fillers that render as nothing).
bool invisible(char32_t cp) {
  return cp == 0xAD || cp == 0x34F || cp == 0x61C || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5 ||
         (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF ||
         cp == 0xFFA0 || (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0x1D173 && cp <= 0x1D17A) ||
         (cp >= 0xE0000 && cp <= 0xE0FFF);
}

bool control(char32_t cp) { return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0); }

// What is reported: in secrets any whitespace too.
bool unwanted(char32_t cp, bool secret) {
  if (invisible(cp) || control(cp)) return true;
  if (cp >= 0x80 && py_isspace(cp)) return true;  // no-break and other Unicode spaces
  return secret && (cp == ' ' || cp == '\t');
}

std::string describe(char32_t cp) {
  const auto u = static_cast<unsigned>(cp);
  std::string_view name;
  switch (cp) {
    case ' ': return "a space";
    case '\t': return "a tab";
    case 0xA0: name = "a no-break space"; break;
    case 0xAD: name = "a soft hyphen"; break;
    case 0x200B: name = "a zero-width space"; break;
    case 0x200C: name = "a zero-width non-joiner"; break;
    case 0x200D: name = "a zero-width joiner"; break;
    case 0x200E: name = "a left-to-right mark"; break;
    case 0x200F: name = "a right-to-left mark"; break;
    case 0x2028: name = "a line separator"; break;
    case 0x2029: name = "a paragraph separator"; break;
    case 0x202F: name = "a narrow no-break space"; break;
    case 0x2060: name = "a word joiner"; break;
    case 0x3000: name = "an ideographic space"; break;
    case 0xFEFF: name = "a zero-width no-break space (byte order mark)"; break;
    default:
      if (control(cp)) return fmt::format("a control character (U+{:04X})", u);
      if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
        return fmt::format("a bidirectional control character (U+{:04X})", u);
      if (cp >= 0x80 && py_isspace(cp)) return fmt::format("a Unicode space (U+{:04X})", u);
      return fmt::format("an invisible character (U+{:04X})", u);
  }
  return fmt::format("{} (U+{:04X})", name, u);
}

// The first unwanted character of a slice of a line, and how many there are.
struct Hit {
  std::size_t byte = 0;  // offset in the line
  char32_t cp = 0;
  std::size_t count = 0;
};

Hit scan(std::string_view line, std::string_view part, bool secret) {
  Hit h;
  for (std::size_t i = 0; i < part.size();) {
    const auto c = static_cast<unsigned char>(part[i]);
    if (c > 0x20 && c < 0x7F) {  // printable ASCII: the common case
      ++i;
      continue;
    }
    char32_t cp;
    const std::size_t k = utf8_decode(part, i, cp);
    if (k == 0) return Hit{};  // not decodable: AWS005's
    if (unwanted(cp, secret)) {
      if (h.count++ == 0) {
        h.byte = static_cast<std::size_t>(part.data() - line.data()) + i;
        h.cp = cp;
      }
    }
    i += k;
  }
  return h;
}

// The text as it was probably meant: Unicode spaces become spaces, the rest goes.
std::string cleaned(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    const std::size_t k = utf8_decode(s, i, cp);
    if (k == 0) return std::string(s);
    if (!unwanted(cp, false)) out.append(s.substr(i, k));
    else if (py_isspace(cp) && !control(cp)) out.push_back(' ');
    i += k;
  }
  return out;
}

// A value made of the characters of key ids, secrets and tokens (base64), spaces and tabs aside.
bool credential_like(std::string_view v) {
  for (char c : v)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '+' ||
          c == '=' || c == ' ' || c == '\t'))
      return false;
  return true;
}

std::string more(const Hit& h) { return h.count > 1 ? fmt::format(" (and {} more)", h.count - 1) : ""; }

// A look-alike of a space is replaced, anything else deleted.
std::string_view fix(const Hit& h) {
  return h.cp >= 0x80 && py_isspace(h.cp) && !control(h.cp) ? "replace it with a plain space" : "delete it";
}

// What the unwanted character does to a secret, a key id or a token.
std::string_view secret_effect(std::string_view key) {
  if (is_key_id_key(key))
    return "as part of the access key id: AWS answers \"The security token included in the request is invalid\" "
           "(InvalidClientTokenId)";
  if (key == "aws_session_token" || key == "aws_security_token")
    return "as part of the session token: AWS answers \"The security token included in the request is invalid\"";
  return "as part of the secret: every signature is wrong (SignatureDoesNotMatch)";
}

constexpr std::uint8_t kUnusual = trait::kNonAscii | trait::kControl;

// is_secret_key() || is_key_id_key() of every key id (built once, immutable afterwards).
using SecretIds = std::array<bool, static_cast<std::size_t>(Key::kCount_)>;
const SecretIds& secret_ids() {
  static const SecretIds table = [] {
    SecretIds t{};
    for (std::size_t i = 1; i < t.size(); ++i) {
      const std::string_view n = key_name(static_cast<Key>(i));
      t[i] = !n.empty() && (is_secret_key(n) || is_key_id_key(n));
    }
    return t;
  }();
  return table;
}

// is_secret_key() || is_key_id_key(), by id for the keys that have one.
bool secret_or_key_id(Key id, std::string_view key) {
  if (id != Key::Other) return secret_ids()[static_cast<std::size_t>(id)];
  return is_secret_key(key) || is_key_id_key(key);
}

class InvisibleCharacters final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    const SecretIds& secrets = secret_ids();
    for (const SourceFile* f : {&ws.config, &ws.credentials}) {
      if (!f->ok()) continue;
      const ParsedFile& pf = *f->parsed;
      // A file of printable ASCII and tabs without a secret or key id key (and without unknown
      // keys, which may be named like one) has nothing to find: most config files. Decided from
      // one pass over the line kinds instead of a visit to every section and entry.
      if (!(line_traits(pf) & kUnusual) && !may_hold_secrets(pf, secrets)) continue;
      for (const Section& s : pf.sections) {
        check_section(*f, s, out);
        for (const Entry* e = pf.begin(s); e != pf.end(s); ++e)
          if (may_hold_unwanted(pf, *e, secrets)) check_entry(*f, s, *e, out);
      }
    }
  }

 private:
  // The OR of the traits of all lines, headers and comments included.
  static std::uint8_t line_traits(const ParsedFile& pf) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(pf.line_kinds.data());
    const std::size_t n = pf.line_kinds.size();
    std::uint64_t acc = 0;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t x;
      std::memcpy(&x, p + i, 8);
      acc |= x;
    }
    std::uint8_t t = 0;
    for (int b = 0; b < 8; ++b) t |= static_cast<std::uint8_t>(acc >> (8 * b));
    for (; i < n; ++i) t |= p[i];
    return static_cast<std::uint8_t>(t >> 3);
  }

  static bool may_hold_secrets(const ParsedFile& pf, const SecretIds& secrets) {
    if (pf.has_key(Key::Other)) return true;
    for (std::size_t i = 1; i < secrets.size(); ++i)
      if (secrets[i] && pf.has_key(static_cast<Key>(i))) return true;
    return false;
  }

  static void check_section(const SourceFile& f, const Section& s, Sink& out) {
    const ParsedFile& pf = *f.parsed;
    if (!(pf.traits_of(s.line) & kUnusual)) return;  // printable ASCII and tabs: nothing to find
    const std::string_view line = pf.line_text(s.line);
    const std::string_view name = pf.str(s.name);
    const Hit h = scan(line, name, false);
    if (!h.count) return;
    Finding& x = out.report(at(f, s.line, column_of(line, h.byte)),
                            fmt::format("section name '[{}]' holds {} at column {}{}, which the CLI keeps in the name, "
                                        "so this is not section '[{}]'; {}",
                                        printable_excerpt(name), describe(h.cp), column_of(line, h.byte), more(h),
                                        printable_excerpt(cleaned(name)), fix(h)));
    x.key = printable_excerpt(name);
  }

  // The value on an entry's key line: after the delimiter, stripped as configparser strips it.
  static std::string_view value_on_key_line(std::string_view line) {
    std::string_view v = py_rstrip(line.substr(py_lspace_bytes(line)));
    v.remove_prefix(std::min(v.size(), find_delimiter(v) + 1));
    v.remove_prefix(py_lspace_bytes(v));
    return v;
  }

  // A cheap filter in front of check_entry, which finds nothing in an entry this says no to. Lines
  // of printable ASCII and tabs (the lexer's traits) hold nothing to report, except spaces and
  // tabs inside the value of a secret; for a one-line secret that is one look at its value instead
  // of scanning its key and value.
  static bool may_hold_unwanted(const ParsedFile& pf, const Entry& e, const SecretIds& secrets) {
    if (pf.traits_of(e) & kUnusual) return true;
    const bool secret = e.key_id != Key::Other ? secrets[static_cast<std::size_t>(e.key_id)]
                                               : secret_or_key_id(e.key_id, pf.str(e.key));
    if (!secret) return false;
    if (e.line != e.end_line || pf.kind_of(e.line) != LineKind::Key) return true;  // the whole check
    // A one-line value of printable ASCII is the entry's value (value_on_key_line of its line).
    const std::string_view v = pf.str(e.value);
    return std::memchr(v.data(), ' ', v.size()) || std::memchr(v.data(), '\t', v.size());
  }

  static void check_entry(const SourceFile& f, const Section& s, const Entry& e, Sink& out) {
    const ParsedFile& pf = *f.parsed;
    const std::string_view key = pf.str(e.key);
    const bool secret = secret_or_key_id(e.key_id, key);
    // Lines of printable ASCII and tabs hold nothing to report, except spaces and tabs in a secret.
    if (!secret && !(pf.traits_of(e) & kUnusual)) return;
    auto where = [&] { return fmt::format("section '[{}]'", printable_excerpt(pf.str(s.name))); };  // for messages only
    if (pf.kind_of(e.line) == LineKind::Key) {
      const std::string_view line = pf.line_text(e.line);
      const std::string_view raw_key = pf.raw_key(e);
      if (const Hit h = scan(line, raw_key, false); h.count) {
        const std::uint32_t col = column_of(line, h.byte);
        Finding& x = out.report(at(f, e.line, col),
                                fmt::format("the key '{}' in {} holds {} at column {}{}, which the CLI keeps in the "
                                            "key, so this is not '{}'; {}",
                                            printable_excerpt(key), where(), describe(h.cp), col, more(h),
                                            printable_excerpt(py_lower(cleaned(raw_key))), fix(h)));
        x.key = printable_excerpt(key);
      }
      report_value(f, e, e.line, line, value_on_key_line(line), secret, where, out);
    }
    for (std::uint32_t l = e.line + 1; l <= e.end_line; ++l) {
      if (pf.kind_of(l) != LineKind::Continuation) continue;
      const std::string_view line = pf.line_text(l);
      report_value(f, e, l, line, py_strip(line), secret && !e.nested, where, out);
    }
  }

  template <typename Where>
  static void report_value(const SourceFile& f, const Entry& e, std::uint32_t lineno, std::string_view line,
                           std::string_view v, bool secret, Where where, Sink& out) {
    // Spaces count in a credential, not in a placeholder such as `<key id>` or `your key here`.
    const Hit h = scan(line, v, secret && credential_like(v));
    if (!h.count) return;
    const ParsedFile& pf = *f.parsed;
    const std::string_view key = pf.str(e.key);
    const std::uint32_t col = column_of(line, h.byte);
    const std::string what = fmt::format("the value of '{}' in {}{} holds {} at column {}{}", printable_excerpt(key), where(),
                                         lineno == e.line ? "" : " (continued on this line)", describe(h.cp), col,
                                         more(h));
    std::string msg;
    if (secret) {
      // Never the value: the character and where it is.
      msg = fmt::format("{}, which the CLI keeps {}; delete it (retype or paste the value again)", what,
                        secret_effect(key));  // in a secret even a look-alike of a space is wrong
    } else {
      msg = fmt::format("{}, which the CLI keeps: it reads '{}' where '{}' was probably meant; {}", what,
                        printable_excerpt(v), printable_excerpt(cleaned(v)), fix(h));
    }
    Finding& x = out.report(at(f, lineno, col), std::move(msg));
    x.key = printable_excerpt(key);
  }
};

}  // namespace

std::unique_ptr<Rule> make_invisible_characters() { return std::make_unique<InvisibleCharacters>(); }

}  // namespace awslint
