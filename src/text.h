// Text helpers that reproduce Python's str semantics where the AWS CLI relies on them:
// strict UTF-8 decoding, str.isspace(), str.strip(), str.lower(), str.splitlines(), shlex.split().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace awslint {

// Decodes one UTF-8 code point at s[i]. Returns the number of bytes consumed (>=1) and sets cp,
// or 0 when the bytes at i are not valid UTF-8 as Python's strict decoder sees it (overlong forms,
// surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_decode(std::string_view s, std::size_t i, char32_t& cp);

// Offset of the first byte that is not valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view s);

void utf8_append(std::string& out, char32_t cp);

// Python's str.isspace() for one code point.
bool py_isspace(char32_t cp);

// Byte length of the leading/trailing run of Python whitespace (input must be valid UTF-8).
std::size_t py_lspace_bytes(std::string_view s);
std::size_t py_rspace_bytes(std::string_view s);

// Python's str.strip() (valid UTF-8 input).
std::string_view py_strip(std::string_view s);
std::string_view py_rstrip(std::string_view s);

// Number of code points in a valid UTF-8 string (Python's len()).
std::size_t code_points(std::string_view s);

// Python's str.lower(). Returns true and fills out only when the result differs from s.
bool py_lower(std::string_view s, std::string& out);
std::string py_lower(std::string_view s);

// True where Python's str.splitlines() would break inside the text (besides \n and \r).
bool py_is_line_break(char32_t cp);

// Python's str.splitlines() (without keepends).
std::vector<std::string_view> py_splitlines(std::string_view s);

// Python's shlex.split(s) (posix, whitespace_split, no comments). nullopt where shlex raises
// ValueError (unbalanced quote, trailing escape).
std::optional<std::vector<std::string>> shlex_split(std::string_view s);

// The first '=' or ':' (configparser's delimiters), or npos. A plain loop: string_view's
// find_first_of calls memchr once per character, which dominated the lexer's profile.
inline std::size_t find_delimiter(std::string_view s, std::size_t from = 0) {
  for (std::size_t i = from; i < s.size(); ++i)
    if (s[i] == '=' || s[i] == ':') return i;
  return std::string_view::npos;
}

// The first byte of s (from `from`) that is one of `set`, or npos: find_first_of without a memchr
// per character.
inline std::size_t find_any(std::string_view s, std::string_view set, std::size_t from = 0) {
  for (std::size_t i = from; i < s.size(); ++i)
    for (char c : set)
      if (s[i] == c) return i;
  return std::string_view::npos;
}

// ASCII case-insensitive comparison and lower-casing, for identifiers awslint defines itself.
bool iequals(std::string_view a, std::string_view b);
std::string ascii_lower(std::string_view s);

// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The same distance when it is at most `bound`, else bound + 1. When the shorter string has at most
// 64 bytes, Myers' bit-parallel algorithm (O(|a| + |b|) word operations), else a band of
// 2 * bound + 1 diagonals (O(max(|a|, |b|) * bound); no allocation up to 128 bytes); both stop as
// soon as the distance must exceed the bound.
std::size_t edit_distance_within(std::string_view a, std::string_view b, std::size_t bound);

// Escapes a string for display inside single quotes in a message: control and invisible characters
// become \xNN / \u{NNNN}, so a message never carries a raw control character.
std::string printable(std::string_view s);
// Whether printable(s) != s (without building it for the common case of printable ASCII).
bool needs_escape(std::string_view s);

}  // namespace awslint
