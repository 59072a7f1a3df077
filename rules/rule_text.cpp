#include "rule_text.h"

#include <algorithm>
#include <cstring>

#include "text.h"

namespace awslint {

std::string printable_excerpt(std::string_view s) {
  constexpr std::size_t kMax = 64;  // code points: a message quotes a value, it does not copy a 1 MB one
  std::size_t i = 0;
  for (std::size_t n = 0; i < s.size() && n < kMax; ++n) {
    char32_t cp;
    i += std::max<std::size_t>(1, utf8_decode(s, i, cp));
  }
  return i < s.size() ? printable(s.substr(0, i)) + "\xE2\x80\xA6" : printable(s);
}

std::uint8_t entry_line_traits(const ParsedFile& pf) {
  // One byte a line (the LineKind in bits 0-2, the traits above: ParsedFile::line_kinds). Not
  // only Key and Continuation lines: the line where decoding fails is NotDecodable and may still
  // hold an entry (the rest of the file is read). Comments (kind 1) and headers (kind 2) hold none.
  static_assert(static_cast<int>(LineKind::Comment) == 1 && static_cast<int>(LineKind::Section) == 2);
  const auto* p = reinterpret_cast<const std::uint8_t*>(pf.line_kinds.data());
  const std::size_t n = pf.line_kinds.size();
  // Eight lines at a time: a kind of 1 or 2 is bit 2 clear and bits 0 and 1 different; such a
  // line's byte is masked out, the others are ORed.
  constexpr std::uint64_t kLow = 0x0101010101010101ull;
  std::uint64_t acc = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x;
    std::memcpy(&x, p + i, 8);
    const std::uint64_t skip = (x ^ (x >> 1)) & ~(x >> 2) & kLow;  // 1 in the low bit of such a byte
    acc |= x & ~(skip * 0xFF);
  }
  std::uint8_t t = 0;
  for (int b = 0; b < 8; ++b) t |= static_cast<std::uint8_t>(acc >> (8 * b));
  for (; i < n; ++i) {
    const std::uint8_t kind = p[i] & 7;
    if (kind != 1 && kind != 2) t |= p[i];
  }
  return static_cast<std::uint8_t>(t >> 3);
}

KeySet ProfileKeys::defaults_of(const SourceFile& f) {
  KeySet k;
  if (!f.parsed) return k;
  for (std::uint32_t si : f.parsed->defaults_sections) k |= own(*f.parsed, f.parsed->sections[si]);
  return k;
}

ProfileKeys::ProfileKeys(const Workspace& ws)
    : config_(&ws.config),
      credentials_(&ws.credentials),
      config_defaults_(defaults_of(ws.config)),
      credentials_defaults_(defaults_of(ws.credentials)) {}

}  // namespace awslint
