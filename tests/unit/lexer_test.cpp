// The lexer (src/lexer.h): configparser.RawConfigParser as botocore configures it, plus botocore's
// nested values. Expected values were checked with Python 3.11's configparser and the botocore of
// Debian's awscli 2.9.19.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lexer.h"

using namespace awslint;

namespace {

const Section* section(const ParsedFile& pf, std::string_view name) {
  for (const Section& s : pf.sections)
    if (pf.str(s.name) == name) return &s;
  return nullptr;
}

// The value of `key` in section `sect` as the CLI reads it ([DEFAULT] included), or "<none>".
std::string value(const ParsedFile& pf, std::string_view sect, std::string_view key) {
  const Section* s = section(pf, sect);
  if (!s) return "<no section>";
  const Entry* e = pf.find(*s, key);
  return e ? std::string(pf.str(e->value)) : std::string("<none>");
}

std::vector<IssueKind> kinds(const ParsedFile& pf) {
  std::vector<IssueKind> out;
  for (const Issue& i : pf.issues) out.push_back(i.kind);
  return out;
}

}  // namespace

TEST_CASE("lexer: positions of sections, keys and values", "[lexer]") {
  auto pf = lex("  [default]\nregion = us-east-1\n\n[profile dev]\n  output=json\nkey   :   v  \n");
  REQUIRE(pf->sections.size() == 2);
  const Section& d = pf->sections[0];
  CHECK(pf->str(d.name) == "default");
  CHECK(d.line == 1);
  CHECK(d.col == 3);
  CHECK(d.name_col() == 4);
  const Section& dev = pf->sections[1];
  CHECK(dev.line == 4);
  CHECK(dev.col == 1);
  CHECK(dev.name_col() == 2);
  REQUIRE(pf->entries.size() == 3);
  const Entry& region = pf->entries[0];
  CHECK(pf->str(region.key) == "region");
  CHECK(pf->str(region.value) == "us-east-1");
  CHECK(region.line == 2);
  CHECK(region.key_col == 1);
  CHECK(region.value_col == 10);
  const Entry& output = pf->entries[1];
  CHECK(output.key_col == 3);  // first line after a header: never a continuation
  CHECK(output.value_col == 10);
  const Entry& key = pf->entries[2];
  CHECK(pf->str(key.key) == "key");  // indented less than the key before: a new key
  CHECK(pf->str(key.value) == "v");
  CHECK(key.value_col == 11);
  CHECK(pf->issues.empty());
  CHECK_FALSE(pf->rejected);
  CHECK(pf->kind_of(1) == LineKind::Section);
  CHECK(pf->kind_of(3) == LineKind::Blank);
  CHECK(pf->entry_at_line(2) == &pf->entries[0]);
  CHECK(pf->entry_at_line(3) == nullptr);
}

TEST_CASE("lexer: Section::end_line is the last line before the next header", "[lexer]") {
  auto pf = lex("[default]\nregion = us-east-1\n\n[profile dev]\noutput = json\n# end\n");
  REQUIRE(pf->sections.size() == 2);
  CHECK(pf->sections[0].end_line == 3);
  CHECK(pf->sections[1].end_line == 6);
}

TEST_CASE("lexer: an indented header after a key, even after a blank line, is part of its value", "[lexer]") {
  auto pf = lex("[default]\nregion = us-east-1\n\n  [profile dev]\n");
  CHECK(pf->sections.size() == 1);
  CHECK(value(*pf, "default", "region") == "us-east-1\n\n[profile dev]");
}

TEST_CASE("lexer: columns count code points", "[lexer]") {
  auto pf = lex("[profile \xC3\xA9quipe]\nn\xC3\xA4me = v\xC3\xA4lue\n");
  REQUIRE(pf->entries.size() == 1);
  CHECK(pf->str(pf->entries[0].key) == "n\xC3\xA4me");
  CHECK(pf->entries[0].value_col == 8);
  CHECK(column_of("\xC3\xA9\xC3\xA9x", 4) == 3);
}

TEST_CASE("lexer: keys and values", "[lexer]") {
  auto pf = lex(
      "[s]\n"
      "a:b = c\n"                 // first delimiter wins
      "key = x = y\n"
      "Region = us-east-1 # prod\n"  // no inline comments
      "empty =\n"
      "my key = v\n"
      "q = \"quoted\"\n"
      "R\xC3\x89GION = x\n"       // str.lower on non-ASCII
      "w = x\t\n");
  CHECK(value(*pf, "s", "a") == "b = c");
  CHECK(value(*pf, "s", "key") == "x = y");
  CHECK(value(*pf, "s", "region") == "us-east-1 # prod");
  CHECK(value(*pf, "s", "empty") == "");
  CHECK(value(*pf, "s", "my key") == "v");
  CHECK(value(*pf, "s", "q") == "\"quoted\"");
  CHECK(value(*pf, "s", "r\xC3\xA9gion") == "x");
  CHECK(value(*pf, "s", "w") == "x");
  const Entry* e = pf->find(*section(*pf, "s"), "region");
  REQUIRE(e);
  CHECK(pf->raw_key(*e) == "Region");
}

TEST_CASE("lexer: Unicode whitespace", "[lexer]") {
  // A trailing no-break space is stripped; a zero-width space is not whitespace; a leading
  // no-break space is indentation, so the line continues the previous key.
  auto pf = lex("[s]\nj = x\xC2\xA0\nz = \xE2\x80\x8Bq\xE2\x80\x8B\nk = 1\n\xC2\xA0" "b\n");
  CHECK(value(*pf, "s", "j") == "x");
  CHECK(value(*pf, "s", "z") == "\xE2\x80\x8Bq\xE2\x80\x8B");
  CHECK(value(*pf, "s", "k") == "1\nb");
  // str.isspace() also holds for the separators U+001C..U+001F and for NEL (U+0085).
  auto seps = lex("[a]\nk = v\x1f\nj = \xC2\x85w\xC2\x85\nm = 1\n\x1cn\n");
  CHECK(value(*seps, "a", "k") == "v");
  CHECK(value(*seps, "a", "j") == "w");
  CHECK(value(*seps, "a", "m") == "1\nn");
}

TEST_CASE("lexer: continuation lines", "[lexer]") {
  SECTION("joined with newlines; blank lines kept inside, dropped at the end") {
    auto pf = lex("[s]\nu = 1\n\n  v\n\n\n[t]\n");
    CHECK(value(*pf, "s", "u") == "1\n\nv");
    const Entry* e = pf->find(*section(*pf, "s"), "u");
    CHECK(e->has_continuation);
    CHECK(e->end_line == 4);
    CHECK(pf->kind_of(4) == LineKind::Continuation);
    CHECK(pf->entry_at_line(4) == e);
  }
  SECTION("comment lines neither end nor join a value") {
    auto pf = lex("[s]\nt = a\n# c\n  b\n");
    CHECK(value(*pf, "s", "t") == "a\nb");
  }
  SECTION("an indented key or header is part of the value") {
    auto pf = lex("[s]\nregion = us-east-1\n  output = json\n  [profile x]\n");
    CHECK(value(*pf, "s", "region") == "us-east-1\noutput = json\n[profile x]");
    CHECK(value(*pf, "s", "output") == "<none>");
    CHECK(pf->sections.size() == 1);
  }
  SECTION("indentation is relative to the key line") {
    auto pf = lex("[s]\n  a = 1\n  b = 2\n   c\n\tb2 = 3\n");
    CHECK(value(*pf, "s", "a") == "1");
    CHECK(value(*pf, "s", "b") == "2\nc");
    CHECK(value(*pf, "s", "b2") == "3");  // one tab is one character: not deeper than two spaces
  }
  SECTION("a line without delimiter keeps the previous key open") {
    auto pf = lex("[s]\na = 1\nbad\n  more\n");
    CHECK(value(*pf, "s", "a") == "1\nmore");
    CHECK(kinds(*pf) == std::vector<IssueKind>{IssueKind::InvalidLine});
    CHECK(pf->kind_of(3) == LineKind::Invalid);
  }
  SECTION("an empty key closes it") {
    auto pf = lex("[s]\na = 1\n= x\n  y\n");
    CHECK(value(*pf, "s", "a") == "1");
    CHECK(kinds(*pf) == std::vector<IssueKind>{IssueKind::InvalidLine, IssueKind::InvalidLine});
  }
}

TEST_CASE("lexer: nested blocks", "[lexer]") {
  SECTION("sub-keys keep their case and their positions") {
    auto pf = lex("[default]\ns3 =\n  max_concurrent_requests = 20\n\n  Addressing_Style= path\n");
    const Entry* e = pf->find(*section(*pf, "default"), "s3");
    REQUIRE(e);
    CHECK(e->nested);
    REQUIRE(pf->subs_of(*e).size() == 2);
    const SubEntry& a = pf->subs_of(*e)[0];
    CHECK(pf->str(a.key) == "max_concurrent_requests");
    CHECK(pf->str(a.value) == "20");
    CHECK(a.line == 3);
    CHECK(a.col == 3);
    const SubEntry& b = pf->subs_of(*e)[1];
    CHECK(pf->str(b.key) == "Addressing_Style");
    CHECK(pf->str(b.value) == "path");
    CHECK(b.line == 5);
    CHECK_FALSE(pf->rejected);
  }
  SECTION("str.splitlines breaks at a vertical tab inside a line") {
    auto pf = lex("[default]\ns3 =\n  a = 1\x0b" "b = 2\n");
    const Entry* e = pf->find(*section(*pf, "default"), "s3");
    REQUIRE(pf->subs_of(*e).size() == 2);
    CHECK(pf->str(pf->subs_of(*e)[1].key) == "b");
  }
  SECTION("a value with continuation lines that does not start empty is a plain string") {
    auto pf = lex("[default]\nregion = a\n  b = c\n");
    const Entry* e = pf->find(*section(*pf, "default"), "region");
    CHECK_FALSE(e->nested);
    CHECK(pf->subs_of(*e).empty());
    CHECK(pf->str(e->value) == "a\nb = c");
  }
  SECTION("a sub-line without '=' rejects the file (':' is no delimiter there)") {
    auto pf = lex("[default]\ns3 =\n  a = 1\n  b: 2\n");
    const Entry* e = pf->find(*section(*pf, "default"), "s3");
    CHECK(e->nested_error);
    REQUIRE(pf->issues.size() == 1);
    CHECK(pf->issues[0].kind == IssueKind::InvalidNested);
    CHECK(pf->issues[0].line == 4);
    CHECK(pf->issues[0].col == 3);
    CHECK(pf->issues[0].related_line == 2);
    CHECK(pf->rejected);
  }
  SECTION("in [DEFAULT] only when a section inherits it") {
    auto inherited = lex("[DEFAULT]\ns3 =\n  bad\n[a]\nx = 1\n");
    CHECK(kinds(*inherited) == std::vector<IssueKind>{IssueKind::InvalidNested});
    auto overridden = lex("[DEFAULT]\ns3 =\n  bad\n[a]\ns3 = x\n");
    CHECK(overridden->issues.empty());
    auto alone = lex("[DEFAULT]\ns3 =\n  bad\n");
    CHECK(alone->issues.empty());
  }
}

TEST_CASE("lexer: [DEFAULT] is inherited by every section", "[lexer]") {
  auto pf = lex("[DEFAULT]\nregion = eu-west-1\noutput = json\n[a]\nregion = us-east-1\n[DEFAULT]\ncli_pager =\n[default]\n[Default]\n");
  CHECK(pf->defaults_sections.size() == 2);
  CHECK(pf->sections[0].is_defaults);
  CHECK(value(*pf, "a", "region") == "us-east-1");  // its own key wins
  CHECK(value(*pf, "a", "output") == "json");
  CHECK(value(*pf, "a", "cli_pager") == "");       // from the second [DEFAULT]
  CHECK(value(*pf, "default", "region") == "eu-west-1");  // [default] is an ordinary section here
  CHECK_FALSE(section(*pf, "default")->is_defaults);
  CHECK_FALSE(section(*pf, "Default")->is_defaults);
  CHECK(pf->find_default("output") != nullptr);
  CHECK(pf->find_default("nothing") == nullptr);
  CHECK(pf->issues.empty());  // two [DEFAULT] headers are no duplicate
}

TEST_CASE("lexer: duplicates", "[lexer]") {
  SECTION("sections") {
    auto pf = lex("[a]\nx = 1\n[b]\n[a] trailing\n");
    REQUIRE(pf->issues.size() == 1);
    const Issue& is = pf->issues[0];
    CHECK(is.kind == IssueKind::DuplicateSection);
    CHECK(is.line == 4);
    CHECK(is.related_line == 1);
    CHECK(is.detail == "a");
    CHECK(pf->sections[2].duplicate);
    CHECK(pf->sections[2].trailing_text);
    CHECK(pf->rejected);
  }
  SECTION("names are compared exactly") {
    auto pf = lex("[a]\n[A]\n[ a]\n[profile x]\n[profile  x]\n");
    CHECK(pf->issues.empty());
  }
  SECTION("keys, lower-cased") {
    auto pf = lex("[a]\nRegion = 1\nx = 2\n  region = 3\nregion = 4\n[b]\nregion = 5\n");
    // line 4 is a continuation of x
    REQUIRE(pf->issues.size() == 1);
    CHECK(pf->issues[0].kind == IssueKind::DuplicateKey);
    CHECK(pf->issues[0].line == 5);
    CHECK(pf->issues[0].related_line == 2);
    CHECK(pf->issues[0].detail == "region");
    CHECK(value(*pf, "a", "region") == "1");  // lookups see the first
    CHECK(value(*pf, "a", "x") == "2\nregion = 3");
  }
  SECTION("keys across [DEFAULT] headers") {
    auto pf = lex("[DEFAULT]\nk = 1\n[a]\n[DEFAULT]\nK = 2\n");
    REQUIRE(pf->issues.size() == 1);
    CHECK(pf->issues[0].kind == IssueKind::DuplicateKey);
    CHECK(pf->issues[0].line == 5);
    CHECK(pf->issues[0].related_line == 2);
  }
  SECTION("more keys than the linear scan handles") {
    std::string text = "[a]\n";
    for (int i = 0; i < 40; ++i) text += fmt::format("k{} = {}\n", i, i);
    text += "K7 = again\n";
    auto pf = lex(text);
    REQUIRE(pf->issues.size() == 1);
    CHECK(pf->issues[0].line == 42);
    CHECK(pf->issues[0].related_line == 9);
  }
}

TEST_CASE("lexer: section headers", "[lexer]") {
  auto pf = lex("[a]b]\n[default] junk\n[ ]\n[[x]]\n");
  REQUIRE(pf->sections.size() == 4);
  CHECK(pf->str(pf->sections[0].name) == "a]b");
  CHECK(pf->str(pf->sections[1].name) == "default");
  CHECK(pf->sections[1].trailing_text);
  CHECK(pf->str(pf->sections[2].name) == " ");
  CHECK(pf->str(pf->sections[3].name) == "[x]");
  auto bad = lex("[s]\n[]\n[open\n");
  REQUIRE(bad->issues.size() == 2);
  CHECK(bad->issues[0].detail == "empty-header");
  CHECK(bad->issues[1].detail == "bad-header");
}

TEST_CASE("lexer: content before the first header", "[lexer]") {
  auto pf = lex("# comment\n\n  ; indented comment\n  region = x\nmore = y\n[s]\nk = v\n");
  REQUIRE(pf->issues.size() == 1);
  CHECK(pf->issues[0].kind == IssueKind::MissingSectionHeader);
  CHECK(pf->issues[0].line == 4);
  CHECK(pf->issues[0].col == 3);
  CHECK(pf->kind_of(1) == LineKind::Comment);
  CHECK(pf->kind_of(3) == LineKind::Comment);
  CHECK(value(*pf, "s", "k") == "v");
}

TEST_CASE("lexer: a UTF-8 byte order mark is not stripped", "[lexer]") {
  auto pf = lex("\xEF\xBB\xBF[default]\nregion = x\n");
  CHECK(pf->has_bom);
  REQUIRE(pf->issues.size() == 1);
  CHECK(pf->issues[0].kind == IssueKind::MissingSectionHeader);
  CHECK(pf->issues[0].line == 1);
  CHECK(pf->issues[0].detail == "bom");
  CHECK(pf->rejected);
  auto comment = lex("\xEF\xBB\xBF# a comment?\n[default]\n");
  REQUIRE(comment->issues.size() == 1);
  CHECK(comment->issues[0].kind == IssueKind::MissingSectionHeader);
  auto blank = lex("\xEF\xBB\xBF\n[default]\n");
  CHECK(blank->issues.size() == 1);
}

TEST_CASE("lexer: line endings", "[lexer]") {
  SECTION("CRLF") {
    auto pf = lex("[a]\r\nk = v\r\n  w\r\n");
    CHECK(pf->lines.size() == 3);
    CHECK(value(*pf, "a", "k") == "v\nw");
  }
  SECTION("a lone CR ends a line") {
    auto pf = lex("[a]\rk = v\r[b]\rx = 1");
    CHECK(pf->lines.size() == 4);
    CHECK(value(*pf, "a", "k") == "v");
    CHECK(value(*pf, "b", "x") == "1");
    CHECK(section(*pf, "b")->line == 3);
  }
  SECTION("mixed, and CR CR LF") {
    auto pf = lex("[a]\r\r\nk = v\n\rj = w\r\n");
    REQUIRE(pf->lines.size() == 5);
    CHECK(pf->entries.at(0).line == 3);
    CHECK(pf->entries.at(1).line == 5);
  }
  SECTION("no final newline, form feed is not a line break") {
    auto pf = lex("[a]\nk = 1\x0c" "2");
    CHECK(pf->lines.size() == 2);
    CHECK(value(*pf, "a", "k") == "1\x0c" "2");
  }
  SECTION("empty input") {
    auto pf = lex("");
    CHECK(pf->lines.empty());
    CHECK(pf->sections.empty());
    CHECK(pf->issues.empty());
  }
}

TEST_CASE("lexer: invalid UTF-8 is reported at its line", "[lexer]") {
  SECTION("in a comment") {
    auto pf = lex("[a]\nk = v\n# caf\xE9\n");
    REQUIRE(pf->issues.size() == 1);
    CHECK(pf->issues[0].kind == IssueKind::InvalidEncoding);
    CHECK(pf->issues[0].line == 3);
    CHECK(pf->issues[0].col == 6);
    CHECK(pf->issues[0].detail == "\\xe9");
    CHECK(pf->kind_of(3) == LineKind::NotDecodable);
    CHECK(pf->invalid_utf8_offset == 15);
    CHECK(pf->rejected);
  }
  SECTION("after CR line endings, after non-ASCII on the same line") {
    auto pf = lex("[a]\rk = \xC3\xA9\xFF\r");
    REQUIRE(pf->issues.size() == 1);
    CHECK(pf->issues[0].line == 2);
    CHECK(pf->issues[0].col == 6);
  }
  SECTION("overlong forms, surrogates and code points above U+10FFFF") {
    for (std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
      auto pf = lex("[a]\nk = " + bad + "\n");
      INFO(bad.size());
      REQUIRE(pf->issues.size() == 1);
      CHECK(pf->issues[0].kind == IssueKind::InvalidEncoding);
      CHECK(pf->issues[0].line == 2);
      CHECK(pf->issues[0].col == 5);
    }
    auto ok = lex("[a]\nk = \xF0\x9F\x98\x80\n");  // U+1F600 is fine
    CHECK(ok->issues.empty());
  }
  SECTION("only the first bad byte is reported") {
    auto pf = lex("[a]\n\xFF\n\xFE\n");
    CHECK(kinds(*pf).front() == IssueKind::InvalidEncoding);
    CHECK(pf->issues.front().line == 2);
    const auto k = kinds(*pf);
    CHECK(std::count(k.begin(), k.end(), IssueKind::InvalidEncoding) == 1);
  }
}

TEST_CASE("lexer: a 5,000-character line", "[lexer]") {
  const std::string long_value(5000, 'x');
  auto pf = lex("[a]\nk = " + long_value + "\n# " + std::string(5000, 'c') + "\n[" + std::string(5000, 'n') +
                "]\nj = 1\n");
  CHECK(value(*pf, "a", "k") == long_value);
  CHECK(pf->entries[0].value_col == 5);
  CHECK(pf->kind_of(3) == LineKind::Comment);
  REQUIRE(pf->sections.size() == 2);
  CHECK(pf->sections[1].line == 4);
  CHECK(pf->str(pf->sections[1].name).size() == 5000);
  CHECK(pf->entries[1].line == 5);
  CHECK(pf->issues.empty());
}
