#include "rule_text.h"

#include <algorithm>

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
