// A big file is lexed in parts on several threads (src/lexer.cpp, lex()): the result must be the
// serial one, field by field, whatever the file holds and however many parts it is cut into.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "lexer.h"
#include "parallel.h"
#include "parse_compare.h"

using namespace awslint;

namespace {

// Lexes `text` serially and in `parts` parts; returns the first difference ("" when none).
std::string diff_in_parts(const std::string& text, unsigned parts) {
  auto serial = lex(text, 1);
  auto split = lex(text, parts);
  return test::parse_difference(*serial, *split);
}

// A config with most of what the lexer records, repeated n times (section names made unique
// unless `same_names`).
std::string busy_config(int n, bool same_names = false) {
  std::string s = "# generated\n";
  for (int i = 0; i < n; ++i) {
    const std::string id = same_names ? "dup" : std::to_string(i);
    s += "[profile p" + id + "]\n";
    s += "Region = us-east-1 # inline\n";        // lower-cased key (arena), inline comment
    s += "role_arn: arn:aws:iam::1:role/R\n";     // ':' delimiter
    s += "source_profile = \"base\"\n";           // quotes
    s += "s3 =\n  max_concurrent_requests = 10\n  bad line\n";  // nested block, a sub-line without '='
    s += "description = first\n  second\n\n  third\n";          // continuation with a blank line
    s += "region = eu-west-1\n";                   // duplicate key (Region above)
    s += "\tindented = tab\n";                     // continuation by tab
    s += "junk\n";                                 // no delimiter
    s += "caf\xC3\xA9 = cr\xC3\xA8me\r\n";         // non-ASCII, CRLF
    s += "[sso-session s" + id + "] trailing\n";   // text after ']'
    s += "sso_region = us-east-1\n\n";
  }
  return s;
}

}  // namespace

TEST_CASE("lexer parts: split points are section headers spread over the file", "[lexer][parts]") {
  auto pf = lex(busy_config(30), 1);
  const auto at = lex_split_points(*pf, 4);
  REQUIRE(at.size() == 3);
  for (std::uint32_t l : at) {
    CHECK(pf->kind_of(l) == LineKind::Section);
    CHECK(pf->line_text(l)[0] == '[');
  }
  CHECK(std::is_sorted(at.begin(), at.end()));
  // No header in a part's stretch: no split there (a file of one section is lexed serially).
  auto one = lex(std::string("[profile x]\n") + std::string(2000, 'a') + "=1\n" + "b = 2\n", 1);
  CHECK(lex_split_points(*one, 3).empty());
}

TEST_CASE("lexer parts: the same result as the serial lexer", "[lexer][parts]") {
  const std::string text = busy_config(40);
  for (unsigned parts : {2u, 3u, 5u, 8u, 64u}) {
    INFO("parts " << parts);
    CHECK(diff_in_parts(text, parts).empty());
  }
  // The parts path was taken (the comparison above compares something).
  CHECK(lex_split_points(*lex(text, 1), 3).size() == 2);
}

TEST_CASE("lexer parts: duplicate sections across parts point at the first definition", "[lexer][parts]") {
  const std::string text = busy_config(30, true);
  for (unsigned parts : {2u, 3u, 7u}) CHECK(diff_in_parts(text, parts).empty());
  auto pf = lex(text, 3);
  REQUIRE(lex_split_points(*lex(text, 1), 3).size() == 2);
  std::uint32_t first_profile = 0, first_sso = 0;
  for (const Section& s : pf->sections) {
    if (!first_profile && pf->str(s.name) == "profile pdup") first_profile = s.line;
    if (!first_sso && pf->str(s.name) == "sso-session sdup") first_sso = s.line;
  }
  std::size_t dups = 0;
  for (const Issue& is : pf->issues)
    if (is.kind == IssueKind::DuplicateSection) {
      ++dups;
      CHECK((is.detail == "profile pdup" ? is.related_line == first_profile : is.related_line == first_sso));
    }
  CHECK(first_profile == 2);
  CHECK(dups == 2 * 29);  // each name 30 times
}

TEST_CASE("lexer parts: [DEFAULT] in several parts is lexed serially, same result", "[lexer][parts]") {
  std::string text;
  for (int i = 0; i < 20; ++i) {
    text += "[DEFAULT]\nregion = r" + std::to_string(i) + "\n";  // DuplicateOptionError across [DEFAULT]s
    text += "[profile p" + std::to_string(i) + "]\noutput = json\n";
  }
  for (unsigned parts : {2u, 4u}) CHECK(diff_in_parts(text, parts).empty());
  // [DEFAULT] only in the first part: lexed in parts.
  std::string one = "[DEFAULT]\nregion = x\n" + busy_config(20);
  for (unsigned parts : {2u, 4u}) CHECK(diff_in_parts(one, parts).empty());
}

TEST_CASE("lexer parts: BOM, text before the first header, CR line ends, invalid UTF-8", "[lexer][parts]") {
  const std::string body = busy_config(20);
  CHECK(diff_in_parts("\xEF\xBB\xBF" + body, 3).empty());
  CHECK(diff_in_parts("key = before any header\n" + body, 3).empty());
  std::string cr = body;
  for (char& c : cr)
    if (c == '\n') c = '\r';
  CHECK(diff_in_parts(cr, 3).empty());
  CHECK(diff_in_parts(body + "bad = \xFF\n" + body, 3).empty());  // the decoder stops: serial
}

TEST_CASE("lexer parts: every fixture file lexes the same in parts", "[lexer][parts]") {
  namespace fs = std::filesystem;
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(AWSLINT_SOURCE_DIR) / "testdata")) {
    if (!e.is_regular_file()) continue;
    const std::string name = e.path().filename().string();
    if (name != "config" && name != "credentials") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    INFO(e.path().string());
    for (unsigned parts : {2u, 3u}) CHECK(diff_in_parts(ss.str(), parts).empty());
    ++files;
  }
  CHECK(files > 50);
}

TEST_CASE("lexer parts: the lines of a big file are split in chunks, the same as serially", "[lexer][parts]") {
  // split_lines() cuts a text of 1 MiB and more into jobs() stretches when it has no \r: the
  // lines, their kinds, the first non-ASCII byte and everything after must be the serial ones.
  std::string base;
  for (int i = 0; base.size() < (std::size_t{3} << 19); ++i) {
    base += "[profile p" + std::to_string(i) + "]\nregion = eu-west-1\n\n";
    if (i % 97 == 0) base += "\n\n\n";  // runs of empty lines, somewhere across a chunk boundary
    if (i % 1009 == 0) base += "note = caf\xC3\xA9\n";
  }
  std::string ascii_start = base;  // non-ASCII only in the second half
  for (std::size_t i = 0; i < ascii_start.size() / 2; ++i)
    if (static_cast<unsigned char>(ascii_start[i]) >= 0x80) ascii_start[i] = 'e';
  const std::string texts[] = {base, base + "last = line without a newline", base + "\n", ascii_start,
                               base + "bad = \xFF\n" + base};
  for (const std::string& text : texts) {
    REQUIRE(text.size() >= kParallelMinBytes);
    set_jobs(1);
    auto serial = lex(text, 1);
    for (unsigned jobs : {2u, 3u, 8u}) {
      INFO("jobs " << jobs << ", " << text.size() << " bytes");
      set_jobs(jobs);
      auto chunked = lex(text, 1);
      CHECK(chunked->invalid_utf8_offset == serial->invalid_utf8_offset);
      CHECK(test::parse_difference(*serial, *chunked).empty());
    }
    set_jobs(0);
    CHECK(serial->lines.size() == static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) +
                                      (text.back() == '\n' ? 0 : 1));
  }
  // A \r anywhere: the byte loop reads the whole text (universal newlines), same lines.
  const std::string cr = base + "x = 1\r\ny = 2\rz = 3\n";
  set_jobs(1);
  auto serial = lex(cr, 1);
  set_jobs(2);
  auto chunked = lex(cr, 1);
  set_jobs(0);
  CHECK(test::parse_difference(*serial, *chunked).empty());
}
