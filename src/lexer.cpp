// A transcription of configparser.RawConfigParser._read (Python 3.11) with botocore's defaults,
// plus botocore's _parse_nested, over UTF-8 bytes. Comments refer to the Python names.
#include "lexer.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "name_index.h"
#include "parallel.h"
#include "text.h"

namespace awslint {

Str ParsedFile::intern(std::string_view s) {
  Str r{static_cast<std::uint32_t>(arena_.size()) | Str::kArena, static_cast<std::uint32_t>(s.size())};
  arena_.append(s);
  return r;
}

namespace {

constexpr std::string_view kKeyNames[] = {
    "",
#define AWSLINT_KEY_NAME(k) #k,
    AWSLINT_CLI_KEYS(AWSLINT_KEY_NAME) "",
    AWSLINT_OTHER_KEYS(AWSLINT_KEY_NAME)
#undef AWSLINT_KEY_NAME
};
static_assert(std::size(kKeyNames) == static_cast<std::size_t>(Key::kCount_));
static_assert(static_cast<std::size_t>(Key::kCount_) <= 256);

// Open addressing over 256 slots (ids are bytes); built once.
struct KeyTable {
  std::uint8_t slot[256] = {};
  // The length and five bytes (both ends and the middle) tell the known keys apart well enough
  // (at most three probes, 1.2 on average) without reading every byte. s.size() >= 2.
  static std::uint32_t hash(std::string_view s) {
    const auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i])); };
    const std::size_t n = s.size();
    const std::uint32_t h = (static_cast<std::uint32_t>(n) << 24) ^ (b(0) << 16) ^ (b(1) << 8) ^ b(n - 1) ^
                            (b(n - 2) << 4) ^ (b(n / 2) << 12);
    return (h * 0x9E3779B1u) >> 24;
  }
  KeyTable() {
    for (std::size_t k = 1; k < std::size(kKeyNames); ++k) {
      if (kKeyNames[k].empty()) continue;
      std::uint32_t i = hash(kKeyNames[k]) & 255;
      while (slot[i]) i = (i + 1) & 255;
      slot[i] = static_cast<std::uint8_t>(k);
    }
  }
  Key find(std::string_view s) const {
    if (s.size() < 2 || s.size() > 40) return Key::Other;
    for (std::uint32_t i = hash(s) & 255;; i = (i + 1) & 255) {
      const std::uint8_t k = slot[i];
      if (!k) return Key::Other;
      if (kKeyNames[k] == s) return static_cast<Key>(k);
    }
  }
};
const KeyTable kKeyTable;

}  // namespace

Key key_id(std::string_view lower_key) { return kKeyTable.find(lower_key); }
std::string_view key_name(Key k) {
  const auto i = static_cast<std::size_t>(k);
  return i < std::size(kKeyNames) ? kKeyNames[i] : std::string_view();
}

const Entry* ParsedFile::find_default(Key key) const {
  for (std::uint32_t si : defaults_sections) {
    const Section& d = sections[si];
    for (const Entry* e = begin(d); e != end(d); ++e)
      if (e->key_id == key && !e->duplicate) return e;
  }
  return nullptr;
}

const Entry* ParsedFile::find_default(std::string_view key) const {
  if (const Key k = key_id(key); k != Key::Other) return find_default(k);
  for (std::uint32_t si : defaults_sections) {
    const Section& d = sections[si];
    for (const Entry* e = begin(d); e != end(d); ++e)
      if (e->key_id == Key::Other && !e->duplicate && str(e->key) == key) return e;
  }
  return nullptr;
}

const Entry* ParsedFile::find(const Section& s, std::string_view key) const {
  if (const Key k = key_id(key); k != Key::Other) return find(s, k);
  for (const Entry* e = begin(s); e != end(s); ++e)
    if (e->key_id == Key::Other && !e->duplicate && str(e->key) == key) return e;
  if (s.is_defaults) return nullptr;
  return find_default(key);
}

const Entry* ParsedFile::entry_at_line(std::uint32_t line) const {
  // Entries are in line order; the owner is the last entry starting at or before the line.
  auto it = std::upper_bound(entries.begin(), entries.end(), line,
                             [](std::uint32_t l, const Entry& e) { return l < e.line; });
  if (it == entries.begin()) return nullptr;
  --it;
  return (line >= it->line && line <= it->end_line) ? &*it : nullptr;
}

std::span<const SubEntry> ParsedFile::subs_of(const Entry& e) const {
  if (!e.nested || entries.empty() || &e < entries.data() || &e >= entries.data() + entries.size()) return {};
  const auto idx = static_cast<std::uint32_t>(&e - entries.data());
  auto it = std::lower_bound(nested_.begin(), nested_.end(), idx,
                             [](const NestedSubs& n, std::uint32_t i) { return n.entry < i; });
  if (it == nested_.end() || it->entry != idx) return {};
  return {subs.data() + it->first, it->count};
}

std::string_view ParsedFile::raw_key(const Entry& e) const {
  std::string_view l = py_strip(line_text(e.line));
  const std::size_t p = find_delimiter(l);
  return py_rstrip(l.substr(0, p));
}

std::uint32_t column_of(std::string_view line, std::size_t byte) {
  return static_cast<std::uint32_t>(code_points(line.substr(0, std::min(byte, line.size()))) + 1);
}

namespace {

// Byte classes for the traits of a line (trait:: bits) and the ASCII fast path.
struct ByteClasses {
  std::uint8_t cls[256] = {};
  constexpr ByteClasses() {
    for (int c = 0; c < 256; ++c) {
      std::uint8_t t = 0;
      if (c == '#' || c == ';') t |= trait::kCommentMark;
      if (c == '"' || c == '\'') t |= trait::kQuote;
      if (c >= 0x80) t |= trait::kNonAscii;
      if ((c < 0x20 && c != '\t') || c == 0x7F) t |= trait::kControl;
      if (c == '\t') t |= trait::kTab;
      cls[c] = t;
    }
  }
};
constexpr ByteClasses kByteClasses;

inline std::uint8_t traits_of_bytes_slow(const char* p, std::size_t n) {
  std::uint8_t t = 0;
  for (std::size_t i = 0; i < n; ++i) t |= kByteClasses.cls[static_cast<unsigned char>(p[i])];
  return t;
}

// What one pass over a line's bytes finds: its traits, its first delimiter ('=' or ':') and whether
// an upper-case ASCII letter comes before that delimiter (the key needs lower-casing).
struct LineScan {
  std::uint8_t traits = 0;
  bool upper_in_key = false;
  std::size_t delim = std::string_view::npos;  // offset in the line
};

// `limit` is the end of the buffer: 16-byte blocks may read past the line (never past the
// buffer), the bytes beyond it are masked off. The delimiter and the upper-case flag are exact
// for ASCII lines only (others are read by the slow path, which looks again).
inline LineScan scan_line(std::string_view s, const char* limit) {
  LineScan r;
  const char* const begin = s.data();
  const char* p = begin;
  const char* const end = p + s.size();
#if defined(__SSE2__)
  bool delim_found = false;
  while (p < end && p + 16 <= limit) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed compare: bytes >= 0x80 are negative, so this finds controls and non-ASCII at once.
    const __m128i odd = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
    const __m128i mark = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('#')), _mm_cmpeq_epi8(v, _mm_set1_epi8(';')));
    const __m128i quote = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
    const __m128i delim = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('=')), _mm_cmpeq_epi8(v, _mm_set1_epi8(':')));
    // 'A'..'Z' shifted to -128..-103 (signed), the only bytes below -102 after the shift.
    const __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - 'A'))),
                                         _mm_set1_epi8(static_cast<char>(0x80 + 26)));
    const std::size_t n = static_cast<std::size_t>(end - p) < 16 ? static_cast<std::size_t>(end - p) : 16;
    const unsigned keep = n == 16 ? 0xFFFFu : (1u << n) - 1;
    if (static_cast<unsigned>(_mm_movemask_epi8(odd)) & keep) {
      r.traits |= traits_of_bytes_slow(p, n);  // tabs, controls, UTF-8: classify each byte
    } else {
      if (static_cast<unsigned>(_mm_movemask_epi8(mark)) & keep) r.traits |= trait::kCommentMark;
      if (static_cast<unsigned>(_mm_movemask_epi8(quote)) & keep) r.traits |= trait::kQuote;
    }
    if (!delim_found) {
      const unsigned d = static_cast<unsigned>(_mm_movemask_epi8(delim)) & keep;
      unsigned before = keep;  // the bytes of this block that come before the delimiter
      if (d) {
        delim_found = true;
        r.delim = static_cast<std::size_t>(p - begin) + static_cast<std::size_t>(__builtin_ctz(d));
        before = (d & -d) - 1;
      }
      if (static_cast<unsigned>(_mm_movemask_epi8(upper)) & before) r.upper_in_key = true;
    }
    p += n;
  }
  if (p == end) return r;
#endif
  (void)limit;
  for (; p < end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    r.traits |= kByteClasses.cls[c];
    if (r.delim == std::string_view::npos) {
      if (c == '=' || c == ':') r.delim = static_cast<std::size_t>(p - begin);
      else if (c >= 'A' && c <= 'Z') r.upper_in_key = true;
    }
  }
  return r;
}

inline bool ascii_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

// Reads the lines of f_ (its text, lines and line kinds) and writes what it finds to o_. The
// serial lexer has o_ == f_; a part of a file lexed on another thread writes to a scratch
// ParsedFile (o_) that absorb() then appends to the whole (see lex()).
class Lexer {
 public:
  explicit Lexer(ParsedFile& f) : f_(f), o_(f) {}
  Lexer(ParsedFile& f, ParsedFile& out, bool defer_section_index)
      : f_(f), o_(out), defer_section_index_(defer_section_index) {}

  // Splits the lines, finds the encoding problems, sizes the line kinds.
  void prepare() {
    const std::size_t first_high = split_lines();
    const std::string_view text = f_.text;
    if (first_high != std::string::npos) {
      const std::size_t k = first_invalid_utf8(text.substr(first_high));
      f_.invalid_utf8_offset = k == std::string::npos ? k : first_high + k;
    }
    f_.has_bom = text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0;
    if (f_.invalid_utf8_offset != std::string::npos) {
      auto it = std::upper_bound(f_.lines.begin(), f_.lines.end(), f_.invalid_utf8_offset,
                                 [](std::size_t off, const Line& l) { return off < l.off; });
      invalid_line_ = static_cast<std::uint32_t>(it - f_.lines.begin());
      Issue is{IssueKind::InvalidEncoding, invalid_line_,
               column_of(f_.line_text(invalid_line_), f_.invalid_utf8_offset - f_.lines[invalid_line_ - 1].off)};
      is.detail = fmt_byte(static_cast<unsigned char>(text[f_.invalid_utf8_offset]));
      issues_.push_back(std::move(is));
    }
    f_.line_kinds.reserve(f_.lines.size());
    big_hint(f_.line_kinds, f_.lines.size());
    f_.line_kinds.assign(f_.lines.size(), LineKind::Blank);
  }

  // Room for every line's entry and section (capacity only: untouched memory costs nothing): a
  // later part fills a stretch of it (a view, see lex()) that absorb() then moves down.
  void fills_for(std::uint32_t lines) { fills_for_lines_ = lines; }

  void reserve_whole() {
    o_.entries.reserve(f_.lines.size());
    o_.sections.reserve(f_.lines.size());
    section_index_.reserve(f_.lines.size() / 8 + 1);
  }

  // Lexes lines [first, last] (1-based) as if the lines before did not exist: the caller only
  // starts a part other than the first at a section header, where configparser's state is reset
  // (no open option, indentation 0, a new section).
  void lex_lines(std::uint32_t first, std::uint32_t last) {
    const std::uint32_t count = last + 1 - first;
    // Reserve from the line count: no vector ever grows by copying (untouched capacity costs no
    // memory), so the lexer does no per-line allocation.
    o_.entries.reserve(o_.entries.size() + count);
    o_.sections.reserve(o_.sections.size() + count / 2 + 1);
    if (!defer_section_index_) section_index_.reserve(count / 8 + 1);
    range_first_ = first;
    range_lines_ = count;
    for (std::uint32_t l = first; l <= last; ++l) {
      line(l);
      // The traits above the kind (ParsedFile::kind_of / traits_of).
      LineKind& k = f_.line_kinds[l - 1];
      k = static_cast<LineKind>(static_cast<std::uint8_t>(k) | static_cast<std::uint8_t>(traits_ << 3));
    }
    finish_entry();
    finish_section(last);
    flush_section_index();
  }

  // Appends a later part (lexed by `b` into `bo`, whose entries and sections are views of o_'s
  // arrays at or after their ends) to o_: moved down to close the gap, indexes shifted, its
  // section names checked against those before it (duplicate sections are found here, in file
  // order). The caller has made sure that [DEFAULT] sections are not in two parts.
  void absorb(Lexer& b, ParsedFile& bo) {
    const auto e0 = static_cast<std::uint32_t>(o_.entries.size());
    const auto s0 = static_cast<std::uint32_t>(o_.sections.size());
    const auto sub0 = static_cast<std::uint32_t>(o_.subs.size());
    const auto a0 = static_cast<std::uint32_t>(o_.arena_.size());
    o_.arena_.append(bo.arena_);
    const auto shift = [a0](Str& x) {
      if (x.off & Str::kArena) x.off += a0;
    };
    // Forward, element by element: the part lies at or above where it goes, so an element is read
    // before anything is written over it.
    Entry* const to = o_.entries.data() + e0;
    const Entry* const from = bo.entries.data();
    const std::size_t n = bo.entries.size();
    big_hint(to, n * sizeof(Entry));  // the stretch below the part is fresh memory, all written here
    for (std::size_t k = 0; k < n; ++k) {
      Entry e = from[k];
      shift(e.key);
      shift(e.value);
      to[k] = e;
    }
    o_.entries.set_size(e0 + n);
    // The stretch the part leaves behind is not read again: its memory goes back now.
    big_discard(to + n, static_cast<std::size_t>(from - to) * sizeof(Entry), o_.entries.capacity() * sizeof(Entry));
    o_.subs.insert(o_.subs.end(), bo.subs.begin(), bo.subs.end());
    for (ParsedFile::NestedSubs n : bo.nested_) o_.nested_.push_back({n.entry + e0, n.first + sub0, n.count});
    constexpr std::uint32_t kAhead = 16;  // index slots prefetched ahead
    const std::vector<std::uint32_t>& hashes = b.section_hashes_;  // one a section
    const auto n_sections = static_cast<std::uint32_t>(bo.sections.size());
    for (std::uint32_t i = 0; i < std::min(kAhead, n_sections); ++i) section_index_.prefetch(hashes[i]);
    // Moved down like the entries.
    const Section* const sfrom = bo.sections.data();
    for (std::uint32_t i = 0; i < n_sections; ++i) {
      if (i + kAhead < n_sections) section_index_.prefetch(hashes[i + kAhead]);
      const std::uint32_t h = hashes[i];
      Section s = sfrom[i];
      s.first_entry += e0;
      const std::uint32_t idx = s0 + i;
      o_.sections.push_back(s);
      if (s.is_defaults) o_.defaults_sections.push_back(idx);
      else index_section(idx, h);
    }
    big_discard(o_.sections.data() + s0 + n_sections, static_cast<std::size_t>(sfrom - (o_.sections.data() + s0)) * sizeof(Section),
                o_.sections.capacity() * sizeof(Section));
    o_.key_mask_ |= bo.key_mask_;
    issues_.insert(issues_.end(), std::make_move_iterator(b.issues_.begin()), std::make_move_iterator(b.issues_.end()));
    for (auto& [entry_index, issue] : b.nested_issues_) nested_issues_.push_back({entry_index + e0, std::move(issue)});
    rejected_ = rejected_ || b.rejected_;
  }

  // After the last line (of the last part): what needs the whole file.
  void finish() {
    check_nested_defaults();
    if (invalid_line_) {
      // The decoder fails at that line: mark it (the rest is still read, to lint what we can).
      LineKind& k = f_.line_kinds[invalid_line_ - 1];
      k = static_cast<LineKind>((static_cast<std::uint8_t>(k) & ~7u) | static_cast<std::uint8_t>(LineKind::NotDecodable));
    }
    std::stable_sort(issues_.begin(), issues_.end(),
                     [](const Issue& a, const Issue& b) { return a.line != b.line ? a.line < b.line : a.col < b.col; });
    f_.issues = std::move(issues_);
    f_.rejected = rejected_ || !f_.issues.empty();
  }

  void run() {
    prepare();
    if (!f_.lines.empty()) lex_lines(1, static_cast<std::uint32_t>(f_.lines.size()));
    finish();
  }

 private:
  static std::string fmt_byte(unsigned char b) {
    static const char* hex = "0123456789abcdef";
    std::string s = "\\x";
    s.push_back(hex[b >> 4]);
    s.push_back(hex[b & 15]);
    return s;
  }

  // Python's universal newlines: \n, \r\n and a lone \r end a line. One pass, 16 bytes at a
  // time, that also notes the first byte >= 0x80 (UTF-8 is checked from there on, not from the
  // start: before it every byte is ASCII) and falls back to a byte loop at the first \r.
  // Returns the offset of the first non-ASCII byte (npos: none).
  std::size_t split_lines() {
    const std::string_view t = f_.text;
    const std::size_t n = t.size();
    const char* const data = t.data();
    if (threads_for(n) > 1) {
      if (const std::size_t first_high = split_lines_in_chunks(); first_high != kHasCr) return first_high;
      f_.lines.clear();
    }
    std::size_t first_high = std::string::npos;
    // At most one line per byte: capacity that is never touched costs no memory, and no push_back
    // below ever moves the array.
    f_.lines.reserve(n + 1);
    f_.lines.push_back({0});
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    for (; i + 16 <= n; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      if (_mm_movemask_epi8(_mm_cmpeq_epi8(v, cr))) break;  // a \r: the byte loop takes over here
      if (first_high == std::string::npos) {
        if (const unsigned hi = static_cast<unsigned>(_mm_movemask_epi8(v)))
          first_high = i + static_cast<std::size_t>(__builtin_ctz(hi));
      }
      unsigned m = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl)));
      while (m) {
        f_.lines.push_back({static_cast<std::uint32_t>(i + static_cast<std::size_t>(__builtin_ctz(m)) + 1)});
        m &= m - 1;
      }
    }
#endif
    for (; i < n; ++i) {
      const char c = data[i];
      if (c == '\n') {
        f_.lines.push_back({static_cast<std::uint32_t>(i + 1)});
      } else if (c == '\r') {
        if (i + 1 < n && data[i + 1] == '\n') ++i;
        f_.lines.push_back({static_cast<std::uint32_t>(i + 1)});
      } else if (static_cast<unsigned char>(c) >= 0x80 && first_high == std::string::npos) {
        first_high = i;
      }
    }
    // A terminator at the very end starts no line.
    if (f_.lines.back().off == n) f_.lines.pop_back();
    return first_high;
  }

  static constexpr std::size_t kHasCr = std::string::npos - 1;

  // What one pass over a stretch of the text finds: its \n count, whether it has a \r, its first
  // byte >= 0x80 (npos: none).
  struct ChunkScan {
    std::size_t newlines = 0;
    bool cr = false;
    std::size_t first_high = std::string::npos;
  };
  static ChunkScan scan_chunk(const char* data, std::size_t from, std::size_t to) {
    ChunkScan c;
    std::size_t i = from;
#if defined(__SSE2__)
    // Per-byte counters (a match is -1, subtracted), folded into 64-bit sums every 255 blocks
    // (no popcount instruction in the baseline x86-64 this is built for).
    const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    __m128i any_cr = _mm_setzero_si128(), any_high = _mm_setzero_si128(), sums = _mm_setzero_si128();
    while (i + 16 <= to) {
      __m128i counts = _mm_setzero_si128();
      for (int b = 0; b < 255 && i + 16 <= to; ++b, i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        any_cr = _mm_or_si128(any_cr, _mm_cmpeq_epi8(v, cr));
        any_high = _mm_or_si128(any_high, v);
        counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(v, nl));
      }
      sums = _mm_add_epi64(sums, _mm_sad_epu8(counts, _mm_setzero_si128()));
    }
    c.newlines = static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) +
                 static_cast<std::size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
    c.cr = _mm_movemask_epi8(any_cr) != 0;
    // A byte >= 0x80 somewhere in the blocks: find the first one (rare; from the start).
    if (_mm_movemask_epi8(any_high)) {
      for (std::size_t k = from; k < i; ++k)
        if (static_cast<unsigned char>(data[k]) >= 0x80) {
          c.first_high = k;
          break;
        }
    }
#endif
    for (; i < to; ++i) {
      const char ch = data[i];
      c.newlines += ch == '\n';
      c.cr = c.cr || ch == '\r';
      if (static_cast<unsigned char>(ch) >= 0x80 && c.first_high == std::string::npos) c.first_high = i;
    }
    return c;
  }

  // split_lines() for a big file, on jobs() threads: each stretch of the text counts its \n, then
  // writes its line starts where the counts before it say. Only for text without \r (universal
  // newlines are left to the byte loop): returns kHasCr for such text, having written nothing.
  std::size_t split_lines_in_chunks() {
    const char* const data = f_.text.data();
    const std::size_t n = f_.text.size();
    const unsigned parts = std::min(jobs(), 8u);
    std::vector<std::size_t> from(parts + 1);
    for (unsigned k = 0; k <= parts; ++k) from[k] = n / parts * k;
    from[parts] = n;
    std::vector<ChunkScan> scans(parts);
    parallel_for(parts, parts, [&](std::size_t k) { scans[k] = scan_chunk(data, from[k], from[k + 1]); });
    std::size_t total = 0, first_high = std::string::npos;
    std::vector<std::size_t> base(parts);
    for (unsigned k = 0; k < parts; ++k) {
      if (scans[k].cr) return kHasCr;
      base[k] = 1 + total;
      total += scans[k].newlines;
      if (first_high == std::string::npos) first_high = scans[k].first_high;
    }
    // Line 1 starts at 0, and one more after each \n (but the last, when the text ends with one).
    f_.lines.reserve(1 + total);
    big_hint(f_.lines.data(), (1 + total) * sizeof(Line));
    Line* const out = f_.lines.data();
    out[0] = {0};
    parallel_for(parts, parts, [&](std::size_t k) {
      Line* w = out + base[k];
      std::size_t i = from[k];
      const std::size_t to = from[k + 1];
#if defined(__SSE2__)
      const __m128i nl = _mm_set1_epi8('\n');
      for (; i + 16 <= to; i += 16) {
        unsigned m = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i)), nl)));
        while (m) {
          *w++ = {static_cast<std::uint32_t>(i + static_cast<std::size_t>(__builtin_ctz(m)) + 1)};
          m &= m - 1;
        }
      }
#endif
      for (; i < to; ++i)
        if (data[i] == '\n') *w++ = {static_cast<std::uint32_t>(i + 1)};
    });
    f_.lines.set_size(1 + total - (data[n - 1] == '\n' ? 1 : 0));
    return first_high;
  }

  // Leading whitespace: byte length and code points (NONSPACECRE.search(line).start()).
  static void indent_of(std::string_view l, std::size_t& bytes, std::uint32_t& cps) {
    bytes = 0;
    cps = 0;
    while (bytes < l.size()) {
      const auto c = static_cast<unsigned char>(l[bytes]);
      if (c < 0x80) {
        if (!py_isspace(c)) break;
        ++bytes;
        ++cps;
        continue;
      }
      char32_t cp;
      const std::size_t k = utf8_decode(l, bytes, cp);
      if (k == 0 || !py_isspace(cp)) break;
      bytes += k;
      ++cps;
    }
  }

  void line(std::uint32_t lineno) {
    const std::string_view raw = f_.line_text(lineno);
    const LineScan scan = scan_line(raw, f_.text.data() + f_.text.size());
    const std::uint8_t traits = traits_ = scan.traits;
    // Printable ASCII and tabs only: Python's whitespace is ' ' and '\t' there, and a column is a
    // byte offset plus one.
    ascii_ = !(traits & (trait::kNonAscii | trait::kControl));
    std::size_t lead_bytes;
    std::uint32_t indent;
    std::string_view value;
    if (ascii_) {
      lead_bytes = 0;
      while (lead_bytes < raw.size() && ascii_blank(raw[lead_bytes])) ++lead_bytes;
      indent = static_cast<std::uint32_t>(lead_bytes);
      std::size_t end = raw.size();
      while (end > lead_bytes && ascii_blank(raw[end - 1])) --end;
      value = raw.substr(lead_bytes, end - lead_bytes);
    } else {
      indent_of(raw, lead_bytes, indent);
      value = py_rstrip(raw.substr(lead_bytes));
    }
    LineKind& kind = f_.line_kinds[lineno - 1];

    // Full-line comments: the stripped line starts with '#' or ';'.
    if (!value.empty() && (value[0] == '#' || value[0] == ';')) {
      kind = LineKind::Comment;
      return;
    }
    if (value.empty()) {
      kind = LineKind::Blank;
      // An empty line inside an open value adds an empty line to it (removed again at the end
      // when trailing).
      if (have_section_ && open_ != kNone) pieces_.push_back({lineno, 0, 0});
      return;
    }
    // Continuation line?
    if (have_section_ && open_ != kNone && indent > indent_level_) {
      kind = LineKind::Continuation;
      pieces_.push_back({lineno, static_cast<std::uint32_t>(value.data() - f_.text.data()),
                         static_cast<std::uint32_t>(value.size())});
      o_.entries[open_].end_line = lineno;
      o_.entries[open_].has_continuation = true;
      return;
    }
    indent_level_ = indent;
    // Section header: SECTCRE = \[(?P<header>.+)\] matched at the start, greedy.
    if (value[0] == '[') {
      const std::size_t close = value.rfind(']');
      if (close != std::string_view::npos && close >= 2) {
        kind = LineKind::Section;
        section(lineno, raw, value, close);
        return;
      }
    }
    if (!have_section_) {
      kind = LineKind::Invalid;
      if (!missing_header_reported_) {
        missing_header_reported_ = true;
        Issue is{IssueKind::MissingSectionHeader, lineno, indent + 1};
        if (lineno == 1 && f_.has_bom) is.detail = "bom";
        issues_.push_back(std::move(is));
      }
      return;
    }
    // Option line: OPTCRE splits at the first '=' or ':'.
    // The scan found it on the raw line (ASCII lines: the leading blanks are no delimiters).
    const std::size_t delim = ascii_ ? (scan.delim == std::string_view::npos ? scan.delim : scan.delim - lead_bytes)
                                     : find_delimiter(value);
    if (delim == std::string_view::npos) {
      kind = LineKind::Invalid;
      Issue is{IssueKind::InvalidLine, lineno, indent + 1};
      is.detail = value == "[]" ? "empty-header" : (value[0] == '[' ? "bad-header" : "no-delimiter");
      issues_.push_back(std::move(is));
      return;  // optname stays what it was (configparser keeps going)
    }
    std::string_view key = value.substr(0, delim);
    if (ascii_) {
      while (!key.empty() && ascii_blank(key.back())) key.remove_suffix(1);
    } else {
      key = py_rstrip(key);
    }
    if (key.empty()) {
      kind = LineKind::Invalid;
      Issue is{IssueKind::InvalidLine, lineno, indent + 1};
      is.detail = "empty-key";
      issues_.push_back(std::move(is));
      finish_entry();
      open_ = kNone;  // optname = '' is falsy: nothing continues it
      return;
    }
    kind = LineKind::Key;
    finish_entry();
    std::string_view val = value.substr(delim + 1);
    if (ascii_) {
      std::size_t k = 0;
      while (k < val.size() && ascii_blank(val[k])) ++k;
      val.remove_prefix(k);
    } else {
      val.remove_prefix(py_lspace_bytes(val));
    }

    Entry e;
    bool lowered;
    if (ascii_) {
      lowered = scan.upper_in_key;  // the key is the text before the delimiter, blanks aside
      if (lowered) {
        lower_buf_.assign(key);
        for (char& c : lower_buf_)
          if (c >= 'A' && c <= 'Z') c += 32;
      }
    } else {
      lowered = py_lower(key, lower_buf_);
    }
    std::string_view lk;
    if (lowered) {
      e.key = o_.intern(lower_buf_);
      lk = lower_buf_;
    } else {
      e.key = {static_cast<std::uint32_t>(key.data() - f_.text.data()), static_cast<std::uint32_t>(key.size())};
      lk = key;
    }
    e.key_id = key_id(lk);
    o_.key_mask_.add(e.key_id);
    e.value = {static_cast<std::uint32_t>(val.data() - f_.text.data()), static_cast<std::uint32_t>(val.size())};
    e.line = e.end_line = lineno;
    e.key_col = static_cast<std::uint16_t>(std::min<std::uint32_t>(indent + 1, 65535));
    e.value_col = ascii_ ? static_cast<std::uint32_t>(val.data() - raw.data()) + 1
                         : column_of(raw, static_cast<std::size_t>(val.data() - raw.data()));
    const std::uint32_t idx = static_cast<std::uint32_t>(o_.entries.size());
    // DuplicateOptionError: the same (section, lower-cased key) twice.
    if (const Entry* first = find_in_current(lk, e.key_id)) {
      e.duplicate = true;
      Issue is{IssueKind::DuplicateKey, lineno, indent + 1, first->line, first->key_col};
      is.detail = printable(lk);
      issues_.push_back(std::move(is));
    }
    big_hint_push(o_.entries, [&] { return expected(o_.entries.size() + 1, lineno); }, entries_hint_);
    o_.entries.push_back(e);
    remember_key(idx);
    open_ = idx;
    pieces_.clear();
    pieces_.push_back({lineno, e.value.off, e.value.len});
  }

  void section(std::uint32_t lineno, std::string_view raw, std::string_view value, std::size_t close) {
    finish_entry();
    finish_section(lineno - 1);
    open_ = kNone;  // sections can't start with a continuation line
    const std::string_view name = value.substr(1, close - 1);
    Section s;
    s.name = {static_cast<std::uint32_t>(name.data() - f_.text.data()), static_cast<std::uint32_t>(name.size())};
    s.line = s.end_line = lineno;
    s.col = ascii_ ? static_cast<std::uint32_t>(value.data() - raw.data()) + 1
                   : column_of(raw, static_cast<std::size_t>(value.data() - raw.data()));
    s.first_entry = static_cast<std::uint32_t>(o_.entries.size());
    s.trailing_text = close + 1 != value.size();
    const std::uint32_t idx = static_cast<std::uint32_t>(o_.sections.size());
    if (name == "DEFAULT") {
      s.is_defaults = true;
      o_.defaults_sections.push_back(idx);
    }
    big_hint_push(o_.sections, [&] { return expected(o_.sections.size() + 1, lineno); }, sections_hint_);
    o_.sections.push_back(s);
    if (defer_section_index_) {
      // A later part: absorb() indexes its sections, with the hashes taken here, while the name is
      // in the cache.
      section_hashes_.push_back(NameIndex::hash(name));
    } else if (!s.is_defaults) {
      // Indexed when the next header (or the end of the lines) comes: the slot is prefetched now,
      // so the probe of a big index does not stall on memory.
      flush_section_index();
      pending_index_ = idx;
      pending_hash_ = NameIndex::hash(name);
      section_index_.prefetch(pending_hash_);
    }
    have_section_ = true;
    cur_section_ = idx;
    key_set_.clear();
    key_set_active_ = false;
    seen_ = {};
  }

  void flush_section_index() {
    if (pending_index_ == kNone) return;
    index_section(pending_index_, pending_hash_);
    pending_index_ = kNone;
  }

  // DuplicateSectionError: a name seen before (sections of o_ before idx are in the index).
  // `h`: NameIndex::hash of the name.
  void index_section(std::uint32_t idx, std::uint32_t h) {
    Section& s = o_.sections[idx];
    const std::string_view name = f_.text.view().substr(s.name.off, s.name.len);
    const std::uint32_t at =
        section_index_.emplace_hashed(name, h, idx, [&](std::uint32_t k) { return str(o_.sections[k].name); });
    if (at == idx) return;
    s.duplicate = true;
    const Section& first = o_.sections[at];
    Issue is{IssueKind::DuplicateSection, s.line, s.col, first.line, first.col};
    is.detail = printable(name);
    issues_.push_back(std::move(is));
  }

  // A string of o_: the arena is o_'s, the text is f_'s.
  std::string_view str(Str x) const {
    if (x.off & Str::kArena) return std::string_view(o_.arena_).substr(x.off & ~Str::kArena, x.len);
    return f_.text.view().substr(x.off, x.len);
  }

  // How many elements a vector filled along the lines is expected to hold at the end of the range,
  // having `n` at line `lineno` (for big_hint_push).
  double expected(std::size_t n, std::uint32_t lineno) const {
    const std::uint32_t lines = fills_for_lines_ ? fills_for_lines_ : range_lines_;
    return static_cast<double>(n) * lines / (lineno + 1 - range_first_);
  }

  // Closes the current section; its last line is `last` (the line before the next header).
  void finish_section(std::uint32_t last) {
    if (!have_section_) return;
    Section& s = o_.sections[cur_section_];
    s.n_entries = static_cast<std::uint32_t>(o_.entries.size()) - s.first_entry;
    s.end_line = std::max(s.line, last);
  }

  // Keys seen in the current section (all [DEFAULT] sections share one).
  bool same_key(const Entry& e, std::string_view key, Key id) const {
    if (e.key_id != id) return false;
    return id != Key::Other || str(e.key) == key;
  }

  const Entry* find_in_current(std::string_view key, Key id) {
    const Section& s = o_.sections[cur_section_];
    if (s.is_defaults) {
      for (std::uint32_t di : o_.defaults_sections) {
        const Section& d = o_.sections[di];
        const std::uint32_t n = di == cur_section_ ? static_cast<std::uint32_t>(o_.entries.size()) - d.first_entry
                                                   : d.n_entries;
        for (std::uint32_t k = 0; k < n; ++k) {
          const Entry& e = o_.entries[d.first_entry + k];
          if (!e.duplicate && same_key(e, key, id)) return &e;
        }
      }
      return nullptr;
    }
    // A known key not seen in this section yet: no scan (the common case).
    if (id != Key::Other && !seen_.has(id))
      return nullptr;
    const std::uint32_t n = static_cast<std::uint32_t>(o_.entries.size()) - s.first_entry;
    if (n < kLinearLimit) {
      for (std::uint32_t k = 0; k < n; ++k) {
        const Entry& e = o_.entries[s.first_entry + k];
        if (!e.duplicate && same_key(e, key, id)) return &e;
      }
      return nullptr;
    }
    if (!key_set_active_) {
      key_set_active_ = true;
      for (std::uint32_t k = 0; k < n; ++k) {
        const Entry& e = o_.entries[s.first_entry + k];
        if (!e.duplicate) key_set_.emplace(std::string(str(e.key)), s.first_entry + k);
      }
    }
    auto it = key_set_.find(std::string(key));
    return it == key_set_.end() ? nullptr : &o_.entries[it->second];
  }

  void remember_key(std::uint32_t idx) {
    const Entry& e = o_.entries[idx];
    if (e.duplicate) return;
    seen_.add(e.key_id);
    if (key_set_active_) key_set_.emplace(std::string(str(e.key)), idx);
  }

  // _join_multiline_values, then botocore's _parse_nested for values that start with '\n'.
  void finish_entry() {
    if (open_ == kNone) return;
    Entry& e = o_.entries[open_];
    const std::uint32_t entry_index = open_;
    open_ = kNone;
    if (pieces_.size() <= 1) return;  // single line: the value is a slice of the text
    // Trailing empty pieces are removed by rstrip().
    std::size_t n = pieces_.size();
    while (n > 1 && pieces_[n - 1].len == 0) --n;
    if (n == 1) return;
    join_buf_.clear();
    for (std::size_t i = 0; i < n; ++i) {
      if (i) join_buf_.push_back('\n');
      join_buf_.append(std::string_view(f_.text).substr(pieces_[i].off, pieces_[i].len));
    }
    // rstrip() of the joined value: pieces are stripped lines, so only '\n's could trail; the
    // loop above already dropped them. A first piece that is empty makes a leading '\n'.
    e.value = o_.intern(join_buf_);
    if (pieces_[0].len != 0) return;
    // Nested block.
    e.nested = true;
    const auto first_sub = static_cast<std::uint32_t>(o_.subs.size());
    for (std::size_t i = 1; i < n; ++i) {
      const Piece& p = pieces_[i];
      if (p.len == 0) continue;
      const std::string_view piece = std::string_view(f_.text).substr(p.off, p.len);
      const std::string_view line_raw = f_.line_text(p.line);
      auto sub_line = [&](std::string_view part) {
        const std::string_view sp = py_strip(part);
        if (sp.empty()) return;
        const std::size_t eq = sp.find('=');
        if (eq == std::string_view::npos) {
          if (!e.nested_error) {
            e.nested_error = true;
            Issue is{IssueKind::InvalidNested, p.line,
                     column_of(line_raw, static_cast<std::size_t>(sp.data() - line_raw.data()))};
            is.detail = printable(str(e.key));
            is.related_line = e.line;
            is.related_col = e.key_col;
            nested_issues_.push_back({entry_index, std::move(is)});
          }
          return;
        }
        const std::string_view sk = py_strip(sp.substr(0, eq));
        const std::string_view sv = py_strip(sp.substr(eq + 1));
        SubEntry s;
        s.key = {static_cast<std::uint32_t>(sk.data() - f_.text.data()), static_cast<std::uint32_t>(sk.size())};
        s.value = {static_cast<std::uint32_t>(sv.data() - f_.text.data()), static_cast<std::uint32_t>(sv.size())};
        s.line = p.line;
        s.col = column_of(line_raw, static_cast<std::size_t>(sk.data() - line_raw.data()));
        o_.subs.push_back(s);
      };
      // str.splitlines() also breaks at \v, \f, \x1c-\x1e, \x85, U+2028 and U+2029: only a line
      // with control or non-ASCII bytes can hold one.
      if (f_.traits_of(p.line) & (trait::kControl | trait::kNonAscii)) {
        for (std::string_view part : py_splitlines(piece)) sub_line(part);
      } else {
        sub_line(piece);
      }
    }
    const auto n_subs = static_cast<std::uint32_t>(o_.subs.size()) - first_sub;
    if (n_subs) o_.nested_.push_back({entry_index, first_sub, n_subs});
  }

  // A nested value that botocore cannot parse rejects the file when botocore reads it: always in a
  // regular section; in [DEFAULT] only if some section inherits it (does not set the key itself).
  void check_nested_defaults() {
    for (auto& [entry_index, issue] : nested_issues_) {
      const Entry& e = o_.entries[entry_index];
      bool in_defaults = false;
      for (std::uint32_t di : o_.defaults_sections) {
        const Section& d = o_.sections[di];
        if (entry_index >= d.first_entry && entry_index < d.first_entry + d.n_entries) in_defaults = true;
      }
      if (!in_defaults) {
        if (!e.duplicate) issues_.push_back(std::move(issue));
        continue;
      }
      if (e.duplicate) continue;
      const std::string_view key = str(e.key);
      bool inherited = false;
      for (const Section& s : o_.sections) {
        if (s.is_defaults || s.duplicate) continue;
        bool own = false;
        for (const Entry* o = o_.begin(s); o != o_.end(s); ++o)
          if (!o->duplicate && str(o->key) == key) own = true;
        if (!own) inherited = true;
      }
      if (inherited) issues_.push_back(std::move(issue));
    }
  }

  struct Piece {
    std::uint32_t line, off, len;
  };
  static constexpr std::uint32_t kNone = UINT32_MAX;
  static constexpr std::uint32_t kLinearLimit = 16;

  ParsedFile& f_;  // the text, its lines and line kinds
  ParsedFile& o_;  // sections, entries, subs, arena, key mask (== f_ unless a later part)
  bool defer_section_index_ = false;  // a later part: absorb() indexes its sections
  std::uint32_t range_first_ = 1, range_lines_ = 1;  // the lines lex_lines() reads
  // Set for the first part of a file lexed in parts: the lines whose entries and sections its
  // arrays hold in the end (the later parts are moved down behind it), for expected().
  std::uint32_t fills_for_lines_ = 0;
  std::uint32_t invalid_line_ = 0;  // the line of the first invalid UTF-8 byte (0: none)
  std::vector<Issue> issues_;
  bool rejected_ = false;
  bool have_section_ = false;
  bool missing_header_reported_ = false;
  std::uint32_t cur_section_ = 0;
  std::uint32_t open_ = kNone;  // the open option (optname), an index into entries
  std::uint32_t indent_level_ = 0;
  std::vector<Piece> pieces_;  // value lines of the open option
  std::string join_buf_, lower_buf_;
  NameIndex section_index_;  // names of the non-[DEFAULT] sections seen
  std::uint32_t pending_index_ = kNone;  // the last header's section, not indexed yet
  std::vector<std::uint32_t> section_hashes_;  // a later part: NameIndex::hash of each section's name
  std::uint32_t pending_hash_ = 0;
  std::unordered_map<std::string, std::uint32_t> key_set_;  // owns its keys: the arena may move
  bool key_set_active_ = false;
  KeySet seen_;  // the key ids of the current section's entries (duplicates aside)
  bool ascii_ = false;  // the current line is printable ASCII and tabs
  std::uint8_t traits_ = 0;  // of the current line
  std::size_t entries_hint_ = 0, sections_hint_ = 0;  // big_hint_push
  std::vector<std::pair<std::uint32_t, Issue>> nested_issues_;
};

namespace {

// Where later parts may start: the first section header at or after each 1/parts of the lines.
// A line that starts with '[' and has a ']' at index 2 or later is a header whatever came before
// (no indentation, so never a continuation; SECTCRE matches), so configparser's state there is the
// same as at the start of a file that has seen a section. Returns the first line of each later part.
std::vector<std::uint32_t> split_points(const ParsedFile& f, unsigned parts) {
  std::vector<std::uint32_t> at;
  const auto n = static_cast<std::uint32_t>(f.lines.size());
  for (unsigned k = 1; k < parts; ++k) {
    std::uint32_t l = static_cast<std::uint32_t>(static_cast<std::uint64_t>(n) * k / parts) + 1;
    if (!at.empty() && l <= at.back()) l = at.back() + 1;
    const std::uint32_t stop = static_cast<std::uint32_t>(static_cast<std::uint64_t>(n) * (k + 1) / parts);
    for (; l <= stop; ++l) {
      const std::string_view t = f.line_text(l);
      if (t.size() >= 3 && t[0] == '[') {
        const std::size_t close = t.rfind(']');
        if (close != std::string_view::npos && close >= 2) break;
      }
    }
    if (l <= stop && l > 1) at.push_back(l);
  }
  return at;
}

}  // namespace

std::unique_ptr<ParsedFile> lex(BigText text, unsigned parts) {
  auto f = std::make_unique<ParsedFile>();
  f->text = std::move(text);
  if (parts == 0) parts = threads_for(f->text.size());
  Lexer whole(*f);
  whole.prepare();
  // A file the decoder rejects is read serially (the encoding issue and the lines after it).
  const std::vector<std::uint32_t> at = parts > 1 && f->invalid_utf8_offset == std::string::npos
                                            ? split_points(*f, parts)
                                            : std::vector<std::uint32_t>{};
  const auto n = static_cast<std::uint32_t>(f->lines.size());
  if (at.empty()) {
    if (n) whole.lex_lines(1, n);
    whole.finish();
    return f;
  }
  whole.reserve_whole();
  // The 2 MiB block the first part ends in is filled up by the parts after it: big_hint_push
  // marks it too, instead of leaving it to 512 faults of 4 KiB.
  whole.fills_for(n);
  // Part 0 goes straight into f. Part k writes its entries and sections into f's arrays too, from
  // the index of its first line on (the parts before it have at most one entry and one section a
  // line), through the views of scratch[k - 1]; absorb() then moves each part down to the end of
  // the one before, in order. Nothing is copied to a second array (that cost as much again as
  // lexing the part: its memory faulted in twice).
  std::vector<std::unique_ptr<ParsedFile>> scratch(at.size());
  std::vector<std::unique_ptr<Lexer>> lexers(at.size());
  for (std::size_t k = 0; k < at.size(); ++k) {
    const std::uint32_t first = at[k], last = k + 1 < at.size() ? at[k + 1] - 1 : n;
    scratch[k] = std::make_unique<ParsedFile>();
    scratch[k]->entries = BigArray<Entry>::view(f->entries.data() + (first - 1), last + 1 - first);
    scratch[k]->sections = BigArray<Section>::view(f->sections.data() + (first - 1), last + 1 - first);
    lexers[k] = std::make_unique<Lexer>(*f, *scratch[k], true);
  }
  parallel_for(at.size() + 1, static_cast<unsigned>(at.size() + 1), [&](std::size_t k) {
    if (k == 0) return whole.lex_lines(1, at[0] - 1);
    lexers[k - 1]->lex_lines(at[k - 1], k < at.size() ? at[k] - 1 : n);
  });
  // [DEFAULT] sections share one dict: a duplicate key is looked for in all of them, so a part
  // cannot be lexed without the [DEFAULT] sections before it. Rare: such a file is lexed again,
  // serially.
  unsigned parts_with_defaults = !f->defaults_sections.empty();
  for (const auto& sp : scratch) parts_with_defaults += !sp->defaults_sections.empty();
  if (parts_with_defaults > 1) {
    BigText t = std::move(f->text);
    lexers.clear();
    scratch.clear();
    auto g = std::make_unique<ParsedFile>();
    g->text = std::move(t);
    Lexer(*g).run();
    return g;
  }
  for (std::size_t k = 0; k < at.size(); ++k) {
    whole.absorb(*lexers[k], *scratch[k]);
    lexers[k].reset();
    scratch[k].reset();  // its memory goes before the next part is copied
  }
  whole.finish();
  return f;
}

std::unique_ptr<ParsedFile> lex(std::string_view text, unsigned parts) { return lex(BigText(text), parts); }

std::vector<std::uint32_t> lex_split_points(const ParsedFile& f, unsigned parts) { return split_points(f, parts); }

}  // namespace awslint
