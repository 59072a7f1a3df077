// Helpers shared by the rules, the misread rules (AWS010-AWS017) above all: which keys the CLI reads,
// and how a message quotes a name or a value.
#pragma once

#include <string>
#include <string_view>

#include "lexer.h"

namespace awslint {

// A key the CLI v2 reads from a profile, an sso-session or the credentials file (lower-cased).
inline bool is_cli_key(std::string_view lower_key) { return is_cli_key(key_id(lower_key)); }

// printable() of at most 64 code points, then "…" (messages quote values, they do not copy them).
std::string printable_excerpt(std::string_view s);

}  // namespace awslint
