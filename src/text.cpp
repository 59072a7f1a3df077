#include "text.h"

#include <algorithm>
#include <fmt/format.h>

namespace awslint {
namespace {
#include "unicode_tables.inc"

bool in_sorted(const char32_t* b, const char32_t* e, char32_t cp) { return std::binary_search(b, e, cp); }
}  // namespace

std::size_t utf8_decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto n = s.size();
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  auto cont = [&](std::size_t k) -> int {
    if (i + k >= n) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    const int c1 = cont(1);
    if (c1 < 0) return 0;
    cp = ((b0 & 0x1F) << 6) | c1;
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const int c1 = cont(1), c2 = c1 < 0 ? -1 : cont(2);
    if (c1 < 0 || c2 < 0) return 0;
    cp = ((b0 & 0x0F) << 12) | (c1 << 6) | c2;
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const int c1 = cont(1), c2 = c1 < 0 ? -1 : cont(2), c3 = c2 < 0 ? -1 : cont(3);
    if (c1 < 0 || c2 < 0 || c3 < 0) return 0;
    cp = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
    if (cp < 0x10000 || cp > 0x10FFFF) return 0;
    return 4;
  }
  return 0;
}

std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    // Fast path over ASCII, eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    const std::size_t k = utf8_decode(s, i, cp);
    if (k == 0) return i;
    i += k;
  }
  return std::string_view::npos;
}

void utf8_append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool py_isspace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
  return in_sorted(std::begin(kSpaceTable), std::end(kSpaceTable), cp);
}

bool py_is_line_break(char32_t cp) {
  return in_sorted(std::begin(kLineBreakTable), std::end(kLineBreakTable), cp);
}

std::size_t py_lspace_bytes(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp;
    std::size_t k = utf8_decode(s, i, cp);
    if (k == 0 || !py_isspace(cp)) break;
    i += k;
  }
  return i;
}

std::size_t py_rspace_bytes(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0) {
    const auto last = static_cast<unsigned char>(s[end - 1]);
    if (last < 0x80) {
      if (!py_isspace(last)) break;
      --end;
      continue;
    }
    // Walk back to the start of the code point.
    std::size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && end - start < 4) --start;
    char32_t cp;
    const std::size_t k = utf8_decode(s, start, cp);
    if (k != end - start || !py_isspace(cp)) break;
    end = start;
  }
  return s.size() - end;
}

std::string_view py_rstrip(std::string_view s) { return s.substr(0, s.size() - py_rspace_bytes(s)); }

std::string_view py_strip(std::string_view s) {
  s.remove_prefix(py_lspace_bytes(s));
  return py_rstrip(s);
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool py_lower(std::string_view s, std::string& out) {
  bool changed = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') { changed = true; break; }
    if (c >= 0x80) {
      char32_t cp;
      std::size_t k = utf8_decode(s, i, cp);
      if (k == 0) break;
      auto it = std::lower_bound(std::begin(kLowerTable), std::end(kLowerTable), cp,
                                 [](const LowerMapping& m, char32_t v) { return m.cp < v; });
      if (it != std::end(kLowerTable) && it->cp == cp) { changed = true; break; }
      i += k - 1;
    }
  }
  if (!changed) return false;
  out.clear();
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++i;
      continue;
    }
    char32_t cp;
    std::size_t k = utf8_decode(s, i, cp);
    if (k == 0) {  // not UTF-8: keep the byte (the CLI rejects such files anyway)
      out.push_back(s[i]);
      ++i;
      continue;
    }
    auto it = std::lower_bound(std::begin(kLowerTable), std::end(kLowerTable), cp,
                               [](const LowerMapping& m, char32_t v) { return m.cp < v; });
    if (it != std::end(kLowerTable) && it->cp == cp) {
      out.append(it->lower);
    } else {
      out.append(s.substr(i, k));
    }
    i += k;
  }
  return true;
}

std::string py_lower(std::string_view s) {
  std::string out;
  if (!py_lower(s, out)) return std::string(s);
  return out;
}

std::vector<std::string_view> py_splitlines(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t start = 0, i = 0;
  while (i < s.size()) {
    char32_t cp;
    std::size_t k = utf8_decode(s, i, cp);
    if (k == 0) k = 1, cp = 0xFFFD;
    if (py_is_line_break(cp)) {
      parts.push_back(s.substr(start, i - start));
      i += k;
      if (cp == '\r' && i < s.size() && s[i] == '\n') ++i;
      start = i;
      continue;
    }
    i += k;
  }
  if (start < s.size()) parts.push_back(s.substr(start));
  return parts;
}

std::optional<std::vector<std::string>> shlex_split(std::string_view s) {
  // A transcription of shlex.shlex.read_token for posix=True, whitespace_split=True, commenters=''.
  auto is_ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::vector<std::string> out;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (true) {
    std::string token;
    bool quoted = false;
    char state = ' ';
    char escapedstate = ' ';
    bool have = false;  // a token was produced
    while (true) {
      if (i >= n) {
        if (state == '\'' || state == '"') return std::nullopt;  // No closing quotation
        if (state == '\\') return std::nullopt;                  // No escaped character
        break;
      }
      const char ch = s[i++];
      if (state == ' ') {
        if (is_ws(ch)) {
          if (!token.empty() || quoted) break;
          continue;
        }
        if (ch == '\\') {
          escapedstate = 'a';
          state = '\\';
        } else if (ch == '\'' || ch == '"') {
          state = ch;
        } else {
          token.push_back(ch);
          state = 'a';
        }
      } else if (state == '\'' || state == '"') {
        quoted = true;
        if (ch == state) {
          state = 'a';
        } else if (ch == '\\' && state == '"') {
          escapedstate = state;
          state = '\\';
        } else {
          token.push_back(ch);
        }
      } else if (state == '\\') {
        if ((escapedstate == '\'' || escapedstate == '"') && ch != escapedstate && ch != '\\') token.push_back('\\');
        token.push_back(ch);
        state = escapedstate;
      } else {  // 'a'
        if (is_ws(ch)) {
          state = ' ';
          if (!token.empty() || quoted) break;
        } else if (ch == '\'' || ch == '"') {
          state = ch;
        } else if (ch == '\\') {
          escapedstate = 'a';
          state = '\\';
        } else {
          token.push_back(ch);
        }
      }
    }
    have = !token.empty() || quoted;
    if (!have) break;
    out.push_back(std::move(token));
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return false;
  }
  return true;
}

std::string ascii_lower(std::string_view s) {
  std::string r(s);
  for (auto& c : r)
    if (c >= 'A' && c <= 'Z') c += 32;
  return r;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    std::size_t k = utf8_decode(s, i, cp);
    if (k == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[i]));
      ++i;
      continue;
    }
    const bool invisible = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xA0 || cp == 0xAD ||
                           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
                           (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF || cp == 0x1680 ||
                           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x205F || cp == 0x3000 ||
                           (cp >= 0xFFF9 && cp <= 0xFFFB) || cp == 0x180E;
    if (!invisible) {
      out.append(s.substr(i, k));
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x100) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
    } else {
      out += fmt::format("\\u{{{:04X}}}", static_cast<unsigned>(cp));
    }
    i += k;
  }
  return out;
}

}  // namespace awslint
