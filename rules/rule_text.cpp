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

}  // namespace awslint
