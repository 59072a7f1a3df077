// Field-by-field comparison of two lexer results: a file lexed in parts on several threads must
// be exactly the file lexed serially (tests/unit/lexer_parts_test.cpp and the lexer fuzzer).
#pragma once

#include <fmt/format.h>

#include <string>

#include "lexer.h"

namespace awslint::test {

// The first difference between a and b, or "" when they are the same.
inline std::string parse_difference(const ParsedFile& a, const ParsedFile& b) {
  if (a.text.view() != b.text.view()) return "text";
  if (a.lines.size() != b.lines.size()) return fmt::format("{} vs {} lines", a.lines.size(), b.lines.size());
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    if (a.lines[i].off != b.lines[i].off) return fmt::format("line {} offset", i + 1);
    if (a.line_kinds[i] != b.line_kinds[i]) return fmt::format("line {} kind/traits", i + 1);
  }
  if (a.sections.size() != b.sections.size()) return fmt::format("{} vs {} sections", a.sections.size(), b.sections.size());
  for (std::size_t i = 0; i < a.sections.size(); ++i) {
    const Section &x = a.sections[i], &y = b.sections[i];
    if (a.str(x.name) != b.str(y.name) || x.line != y.line || x.col != y.col ||
        x.end_line != y.end_line || x.first_entry != y.first_entry || x.n_entries != y.n_entries ||
        x.is_defaults != y.is_defaults || x.duplicate != y.duplicate || x.trailing_text != y.trailing_text)
      return fmt::format("section {} (line {})", i, x.line);
  }
  if (a.entries.size() != b.entries.size()) return fmt::format("{} vs {} entries", a.entries.size(), b.entries.size());
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    const Entry &x = a.entries[i], &y = b.entries[i];
    if (a.str(x.key) != b.str(y.key) || a.str(x.value) != b.str(y.value) || x.key.off != y.key.off ||
        x.value.off != y.value.off || x.line != y.line || x.end_line != y.end_line || x.value_col != y.value_col ||
        a.subs_of(x).size() != b.subs_of(y).size() ||
        (!a.subs_of(x).empty() && a.subs_of(x).data() - a.subs.data() != b.subs_of(y).data() - b.subs.data()) ||
        x.key_col != y.key_col || x.key_id != y.key_id ||
        x.nested != y.nested || x.has_continuation != y.has_continuation || x.nested_error != y.nested_error ||
        x.duplicate != y.duplicate)
      return fmt::format("entry {} (line {})", i, x.line);
  }
  if (a.subs.size() != b.subs.size()) return fmt::format("{} vs {} sub-entries", a.subs.size(), b.subs.size());
  for (std::size_t i = 0; i < a.subs.size(); ++i) {
    const SubEntry &x = a.subs[i], &y = b.subs[i];
    if (a.str(x.key) != b.str(y.key) || a.str(x.value) != b.str(y.value) || x.line != y.line || x.col != y.col)
      return fmt::format("sub-entry {} (line {})", i, x.line);
  }
  if (a.issues.size() != b.issues.size()) return fmt::format("{} vs {} issues", a.issues.size(), b.issues.size());
  for (std::size_t i = 0; i < a.issues.size(); ++i) {
    const Issue &x = a.issues[i], &y = b.issues[i];
    if (x.kind != y.kind || x.line != y.line || x.col != y.col || x.related_line != y.related_line ||
        x.related_col != y.related_col || x.detail != y.detail)
      return fmt::format("issue {} (line {})", i, x.line);
  }
  if (a.defaults_sections != b.defaults_sections) return "defaults_sections";
  if (a.rejected != b.rejected || a.has_bom != b.has_bom || a.invalid_utf8_offset != b.invalid_utf8_offset)
    return "file flags";
  for (unsigned k = 0; k < static_cast<unsigned>(Key::kCount_); ++k)
    if (a.has_key(static_cast<Key>(k)) != b.has_key(static_cast<Key>(k))) return fmt::format("key mask bit {}", k);
  return "";
}

}  // namespace awslint::test
