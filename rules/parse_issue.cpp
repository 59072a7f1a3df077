#include "parse_issue.h"

#include <fmt/format.h>

#include <algorithm>

#include "text.h"

namespace awslint {

void for_each_issue(const Workspace& ws, IssueKind kind,
                    const std::function<void(const SourceFile&, const Issue&)>& fn) {
  for (const SourceFile* f : {&ws.config, &ws.credentials}) {
    if (!f->ok()) continue;
    for (const Issue& is : f->parsed->issues)
      if (is.kind == kind) fn(*f, is);
  }
}

std::string rejects(const SourceFile& f) {
  return fmt::format("the CLI rejects the whole {} file (\"Unable to parse config file: {}\")",
                     f.kind == FileKind::Config ? "config" : "credentials", f.display);
}

std::string section_at(const SourceFile& f, std::uint32_t line) {
  const ParsedFile& pf = *f.parsed;
  auto it = std::upper_bound(pf.sections.begin(), pf.sections.end(), line,
                             [](std::uint32_t l, const Section& s) { return l < s.line; });
  if (it == pf.sections.begin()) return {};
  return printable(pf.str((it - 1)->name));
}

}  // namespace awslint
