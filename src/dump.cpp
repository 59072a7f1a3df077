#include "dump.h"

#include <fmt/format.h>

#include <unordered_map>

#include "json.h"
#include "report.h"
#include "text.h"

namespace awslint {

std::string describe_issue(const Issue& is) {
  switch (is.kind) {
    case IssueKind::DuplicateSection:
      return fmt::format("section '{}' is defined again (first at line {})", is.detail, is.related_line);
    case IssueKind::DuplicateKey:
      return fmt::format("key '{}' is set again in the same section (first at line {})", is.detail, is.related_line);
    case IssueKind::MissingSectionHeader:
      return is.detail == "bom" ? std::string("the file starts with a UTF-8 byte order mark (BOM)")
                                : std::string("content before the first section header");
    case IssueKind::InvalidLine:
      if (is.detail == "empty-key") return "a key/value line with an empty key";
      if (is.detail == "empty-header") return "'[]' is not a section header";
      return "a line with neither '=' nor ':'";
    case IssueKind::InvalidEncoding:
      return fmt::format("byte {} is not valid UTF-8", is.detail);
    case IssueKind::InvalidNested:
      return fmt::format("a line of the nested block '{}' has no '='", is.detail);
  }
  return "unreadable";
}

namespace {

class Dumper {
 public:
  Dumper(std::string& out, bool show) : w_(out), show_(show) {}

  void value(const ParsedFile& pf, const Entry& e) {
    const std::string_view key = pf.str(e.key);
    if (e.nested) {
      // botocore's _parse_nested: later sub-keys replace earlier ones, keeping the first position.
      std::vector<std::pair<std::string_view, std::string_view>> kv;
      std::unordered_map<std::string_view, std::size_t> pos;
      for (const SubEntry& s : pf.subs_of(e)) {
        const std::string_view k = pf.str(s.key), v = pf.str(s.value);
        auto [it, inserted] = pos.emplace(k, kv.size());
        if (inserted) kv.emplace_back(k, v);
        else kv[it->second].second = v;
      }
      w_.begin_object();
      for (auto& [k, v] : kv) {
        w_.key(k);
        scalar(py_lower(k), v);
      }
      w_.end_object();
      return;
    }
    scalar(key, pf.str(e.value));
  }

  void scalar(std::string_view key, std::string_view v) {
    if (!show_ && is_secret_key(key)) {
      w_.value(v.empty() ? std::string_view() : std::string_view("<redacted>"));
    } else if (!show_ && is_key_id_key(key)) {
      w_.value(mask_key_id(v));
    } else if (!show_) {
      w_.value(redact_text(v));  // tokens and key ids in values of other keys (typos, processes)
    } else {
      w_.value(v);
    }
  }

  // The options of a section as cp.options() lists them: its own, then [DEFAULT]'s.
  void section(const ParsedFile& pf, const Section& s) {
    w_.begin_object();
    std::unordered_map<std::string_view, bool> own;
    for (const Entry* e = pf.begin(s); e != pf.end(s); ++e) {
      if (e->duplicate) continue;
      own[pf.str(e->key)] = true;
      w_.key(pf.str(e->key));
      value(pf, *e);
    }
    for (std::uint32_t di : pf.defaults_sections) {
      const Section& d = pf.sections[di];
      for (const Entry* e = pf.begin(d); e != pf.end(d); ++e) {
        if (e->duplicate || own.count(pf.str(e->key))) continue;
        own[pf.str(e->key)] = true;
        w_.key(pf.str(e->key));
        value(pf, *e);
      }
    }
    w_.end_object();
  }

  void error(const SourceFile& f) {
    const Issue& is = f.parsed->issues.front();
    w_.begin_object();
    w_.key("error").value(fmt::format("Unable to parse config file: {} (line {}: {})", f.display, is.line,
                                      describe_issue(is)));
    w_.end_object();
  }

  JsonWriter w_;
  bool show_;
};

}  // namespace

void dump_json(const Workspace& ws, bool show_secrets, std::string& out) {
  Dumper d(out, show_secrets);
  auto& w = d.w_;
  w.begin_object();
  w.key("config");
  if (ws.config.ok() && ws.config.parsed->rejected) {
    d.error(ws.config);
  } else {
    w.begin_object();
    w.key("profiles").begin_object();
    for (const Profile& p : ws.profiles()) {
      if (!p.config) continue;
      w.key(p.name);
      d.section(*ws.config.parsed, *p.config);
    }
    w.end_object();
    w.key("sso_sessions").begin_object();
    for (const SsoSession& s : ws.sso_sessions()) {
      w.key(s.name);
      d.section(*ws.config.parsed, *s.section);
    }
    w.end_object();
    w.key("services").begin_object();
    for (const SsoSession& s : ws.services()) {
      w.key(s.name);
      d.section(*ws.config.parsed, *s.section);
    }
    w.end_object();
    w.end_object();
  }
  w.key("credentials");
  if (ws.credentials.ok() && ws.credentials.parsed->rejected) {
    d.error(ws.credentials);
  } else {
    w.begin_object();
    w.key("profiles").begin_object();
    if (ws.credentials.ok()) {
      const ParsedFile& pf = *ws.credentials.parsed;
      for (const Section& s : pf.sections) {
        if (s.is_defaults || s.duplicate) continue;
        w.key(pf.str(s.name));
        d.section(pf, s);
      }
    }
    w.end_object();
    w.end_object();
  }
  w.end_object();
}

}  // namespace awslint
