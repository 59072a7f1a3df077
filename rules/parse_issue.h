// Shared by the rules that report why the CLI rejects a whole file (AWS001-AWS005): each one turns
// the lexer's issues of one kind into findings.
#pragma once

#include <functional>
#include <string>

#include "rule.h"

namespace awslint {

// Calls fn for every issue of `kind` in the config and the credentials file.
void for_each_issue(const Workspace& ws, IssueKind kind,
                    const std::function<void(const SourceFile&, const Issue&)>& fn);

// "the CLI rejects the whole file ("Unable to parse config file: PATH")"
std::string rejects(const SourceFile& f);

// The section an issue's line is in, as written, for messages ("" when none).
std::string section_at(const SourceFile& f, std::uint32_t line);

}  // namespace awslint
