// libFuzzer harness: one file through the lexer and the model.
//   the input -> lex() (serially, and in 2 and 3 parts: the same) -> every accessor of the ParsedFile -> Workspace (as the config file, then as
//   the credentials file) -> build() -> dump_json (masked and unmasked) and describe_issue.
// Built with AWSLINT_FUZZ=ON (clang, -fsanitize=fuzzer,address,undefined); in ordinary builds the
// same function is linked with replay_main.cpp so that tests/fuzz/regressions/ runs under ctest.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "dump.h"
#include "lexer.h"
#include "model.h"
#include "parse_compare.h"

namespace {

using namespace awslint;

// Touches every string and line the lexer recorded, so that a bad offset shows up here and not
// only in whichever rule happens to use it.
std::size_t walk(const ParsedFile& pf) {
  std::size_t sum = 0;
  if (pf.lines.size() != pf.line_kinds.size()) std::abort();
  for (std::uint32_t i = 1; i <= pf.lines.size(); ++i) {
    sum += pf.line_text(i).size();
    sum += static_cast<std::size_t>(pf.kind_of(i));
    if (const Entry* e = pf.entry_at_line(i)) sum += e->line;
  }
  for (const Section& s : pf.sections) {
    sum += pf.str(s.name).size();
    if (s.line == 0 || s.line > pf.lines.size()) std::abort();
    if (s.first_entry + s.n_entries > pf.entries.size()) std::abort();
    for (const Entry* e = pf.begin(s); e != pf.end(s); ++e) {
      sum += pf.raw_key(*e).size();
      sum += pf.find(s, pf.str(e->key)) != nullptr;
    }
    sum += pf.find(s, "region") != nullptr;
  }
  for (const Entry& e : pf.entries) {
    sum += pf.str(e.key).size() + pf.str(e.value).size();
    if (e.line == 0 || e.line > pf.lines.size() || e.end_line < e.line || e.end_line > pf.lines.size()) std::abort();
    for (const SubEntry& s : pf.subs_of(e))
      if (&s < pf.subs.data() || &s >= pf.subs.data() + pf.subs.size()) std::abort();
    sum += column_of(pf.line_text(e.line), 0);
  }
  for (const SubEntry& s : pf.subs) sum += pf.str(s.key).size() + pf.str(s.value).size();
  for (const Issue& is : pf.issues) sum += describe_issue(is).size();
  sum += pf.find_default("region") != nullptr;
  for (std::uint32_t d : pf.defaults_sections)
    if (d >= pf.sections.size()) std::abort();
  return sum;
}

void as_file(std::string_view data, FileKind kind) {
  Workspace ws;
  SourceFile& f = kind == FileKind::Config ? ws.config : ws.credentials;
  f.kind = kind;
  f.path = f.display = kind == FileKind::Config ? "config" : "credentials";
  f.explicit_path = true;
  f.status = ReadStatus::Ok;
  f.parsed = lex(std::string(data));
  ws.config.kind = FileKind::Config;
  ws.credentials.kind = FileKind::Credentials;
  ws.env.enabled = false;
  ws.ctx.now = 1767225600;  // 2026-01-01T00:00:00Z
  ws.build();
  for (const Profile& p : ws.profiles()) {
    (void)p.get("region");
    (void)p.get("aws_access_key_id");
    (void)p.get("s3");
  }
  for (const SsoSession& s : ws.sso_sessions()) (void)s.get("sso_region");
  (void)ws.selected();
  (void)ws.selected_v1();
  std::string out;
  dump_json(ws, false, out);
  dump_json(ws, true, out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  {
    auto pf = lex(std::string(in));
    if (pf->text != in) std::abort();  // the raw bytes are kept as they were
    volatile std::size_t sink = walk(*pf);
    (void)sink;
    // Lexed in parts (threads), the file must come out exactly as lexed serially.
    for (unsigned parts : {2u, 3u}) {
      auto pp = lex(std::string(in), parts);
      if (!test::parse_difference(*pf, *pp).empty()) std::abort();
    }
  }
  as_file(in, FileKind::Config);
  as_file(in, FileKind::Credentials);
  return 0;
}
