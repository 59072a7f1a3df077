// The reporter factory, safe source excerpts, and what the reporters share: counting, locations,
// fingerprints, escaping and a JSON writer.
#include "report.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <iterator>
#include <unordered_map>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model.h"
#include "report_internal.h"
#include "text.h"

namespace awslint {

// ---- Factory --------------------------------------------------------------------------------

const std::vector<std::string_view>& report_formats() {
  static const std::vector<std::string_view> kFormats{"text",   "json",  "sarif",     "github",
                                                      "gitlab", "junit", "checkstyle"};
  return kFormats;
}

std::unique_ptr<Reporter> make_reporter(std::string_view format) {
  if (format == "text") return report::make_text();
  if (format == "json") return report::make_json();
  if (format == "sarif") return report::make_sarif();
  if (format == "github") return report::make_github();
  if (format == "gitlab") return report::make_gitlab();
  if (format == "junit") return report::make_junit();
  if (format == "checkstyle") return report::make_checkstyle();
  return nullptr;
}

namespace report {

// ---- Counting -------------------------------------------------------------------------------

Counts count(const std::vector<Finding>& findings) {
  Counts c;
  for (const Finding& f : findings) {
    switch (f.severity) {
      case Severity::Error: ++c.errors; break;
      case Severity::Warning: ++c.warnings; break;
      case Severity::Note: ++c.notes; break;
    }
  }
  return c;
}

std::size_t files_read(const ReportContext& ctx) {
  return static_cast<std::size_t>(
      std::count_if(ctx.inputs.begin(), ctx.inputs.end(), [](const InputSummary& i) { return i.read; }));
}

namespace {
std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}
}  // namespace

std::string summary_line(const std::vector<Finding>& findings, const ReportContext& ctx) {
  const Counts c = count(findings);
  // Name the inputs when there are few (a folder's config and credentials, an env file), and say
  // which were not found; else count them.
  std::string where;
  std::vector<std::string> read, missing;
  for (const auto& in : ctx.inputs) (in.read ? read : missing).push_back(printable(in.path));
  if (ctx.inputs.size() <= 4) {
    where = read.empty() ? std::string("0 files") : fmt::format("{}", fmt::join(read, ", "));
    if (!missing.empty()) where += fmt::format(" ({} not found)", fmt::join(missing, ", "));
  } else {
    where = plural(files_read(ctx), "file", "files");
  }
  if (c.total() == 0) return fmt::format("no findings in {}", where);
  return fmt::format("{} ({}, {}, {}) in {}", plural(c.total(), "finding", "findings"),
                     plural(c.errors, "error", "errors"), plural(c.warnings, "warning", "warnings"),
                     plural(c.notes, "note", "notes"), where);
}

// ---- Rules ----------------------------------------------------------------------------------

const RuleInfo* rule_info(const ReportContext& ctx, std::string_view id) {
  for (const Rule* r : ctx.rules)
    if (r != nullptr && r->info().id == id) return &r->info();
  return nullptr;
}

bool is_security(const ReportContext& ctx, const Finding& f) {
  const RuleInfo* info = rule_info(ctx, f.rule);
  return info != nullptr && info->security;
}

// ---- Locations ------------------------------------------------------------------------------

std::string location_string(const Location& loc) {
  if (loc.file.empty()) return std::string(kEnvironmentLabel);
  if (loc.line == 0) return loc.file;
  if (loc.col == 0) return fmt::format("{}:{}", loc.file, loc.line);
  return fmt::format("{}:{}:{}", loc.file, loc.line, loc.col);
}

namespace {
const InputSummary* pick_input(const ReportContext& ctx) {
  // Read config file, then credentials, then env file; then whatever was to be read.
  for (std::string_view role : {"config", "credentials", "env-file"})
    for (const InputSummary& i : ctx.inputs)
      if (i.read && i.role == role && !i.path.empty()) return &i;
  for (const InputSummary& i : ctx.inputs)
    if (i.role == "config" && !i.path.empty()) return &i;
  for (const InputSummary& i : ctx.inputs)
    if (!i.path.empty()) return &i;
  return nullptr;
}
}  // namespace

Anchor anchor(const Finding& f, const ReportContext& ctx) {
  auto from = [](const Location& l) {
    return Anchor{l.file, std::max<std::uint32_t>(l.line, 1), std::max<std::uint32_t>(l.col, 1), l.line == 0,
                  l.line != 0 && l.col != 0};
  };
  if (!f.loc.file.empty()) return from(f.loc);
  if (f.affects && !f.affects->file.empty()) return from(*f.affects);
  const InputSummary* in = pick_input(ctx);
  return Anchor{in != nullptr ? in->path : std::string("config"), 1, 1, true, false};
}

// ---- Fingerprints ---------------------------------------------------------------------------

namespace {

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define AWSLINT_SHA_NI 1
// One SHA-256 block with the x86 SHA extensions (Intel's reference layout: the state as ABEF/CDGH).
__attribute__((target("sha,sse4.1,ssse3"))) void sha256_block_ni(std::uint32_t state[8], const unsigned char* data,
                                                                  const std::uint32_t* k) {
  const __m128i mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[0]));
  __m128i state1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[4]));
  tmp = _mm_shuffle_epi32(tmp, 0xB1);           // CDAB
  state1 = _mm_shuffle_epi32(state1, 0x1B);     // EFGH
  __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);  // ABEF
  state1 = _mm_blend_epi16(state1, tmp, 0xF0);  // CDGH
  const __m128i abef = state0, cdgh = state1;
  __m128i w[4];
  for (int i = 0; i < 4; ++i)
    w[i] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * i)), mask);
  for (int g = 0; g < 16; ++g) {
    __m128i m = _mm_add_epi32(w[g % 4], _mm_loadu_si128(reinterpret_cast<const __m128i*>(k + 4 * g)));
    state1 = _mm_sha256rnds2_epu32(state1, state0, m);
    m = _mm_shuffle_epi32(m, 0x0E);
    state0 = _mm_sha256rnds2_epu32(state0, state1, m);
    if (g + 4 < 16) {
      // W[g+4] = msg2(msg1(W[g], W[g+1]) + W[t-7..t-4], W[g+3])
      __m128i x = _mm_sha256msg1_epu32(w[g % 4], w[(g + 1) % 4]);
      x = _mm_add_epi32(x, _mm_alignr_epi8(w[(g + 3) % 4], w[(g + 2) % 4], 4));
      w[g % 4] = _mm_sha256msg2_epu32(x, w[(g + 3) % 4]);
    }
  }
  state0 = _mm_add_epi32(state0, abef);
  state1 = _mm_add_epi32(state1, cdgh);
  tmp = _mm_shuffle_epi32(state0, 0x1B);        // FEBA
  state1 = _mm_shuffle_epi32(state1, 0xB1);     // DCHG
  state0 = _mm_blend_epi16(tmp, state1, 0xF0);  // DCBA
  state1 = _mm_alignr_epi8(state1, tmp, 8);     // ABEF
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[0]), state0);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[4]), state1);
}

// CPUID directly: clang 14's __builtin_cpu_supports does not know "sha".
bool have_sha_ni() {
  static const bool yes = [] {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
    const bool sse41 = (c >> 19) & 1, ssse3 = (c >> 9) & 1;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
    return sse41 && ssse3 && ((b >> 29) & 1);  // leaf 7 EBX bit 29: SHA extensions
  }();
  return yes;
}
#else
bool have_sha_ni() { return false; }
#endif

class Sha256 {
 public:
  // hardware: use the SHA extensions when the CPU has them (else the portable code).
  explicit Sha256(bool hardware = true) : hw_(hardware && have_sha_ni()) {}
  void update(std::string_view data) {
    bits_ += static_cast<std::uint64_t>(data.size()) * 8;
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    std::size_t len = data.size();
    if (n_ != 0) {
      const std::size_t take = std::min(len, 64 - n_);
      std::memcpy(buf_.data() + n_, p, take);
      n_ += take;
      p += take;
      len -= take;
      if (n_ < 64) return;
      block(buf_.data());
      n_ = 0;
    }
    for (; len >= 64; p += 64, len -= 64) block(p);
    std::memcpy(buf_.data(), p, len);
    n_ = len;
  }
  // The digest as lower-case hex, its first `digits` digits (at most 64).
  std::string hex(std::size_t digits = 64) {
    const std::uint64_t bits = bits_;
    buf_[n_++] = 0x80;
    if (n_ > 56) {
      std::memset(buf_.data() + n_, 0, 64 - n_);
      block(buf_.data());
      n_ = 0;
    }
    std::memset(buf_.data() + n_, 0, 56 - n_);
    for (int i = 0; i < 8; ++i) buf_[56 + i] = static_cast<unsigned char>(bits >> ((7 - i) * 8));
    block(buf_.data());
    n_ = 0;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(std::min<std::size_t>(digits, 64), '\0');
    for (std::size_t d = 0; d < out.size(); ++d) out[d] = kHex[(h_[d / 8] >> (28 - 4 * (d % 8))) & 0xf];
    return out;
  }

 private:
  static constexpr std::array<std::uint32_t, 64> kK{
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
  static std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
  void block(const unsigned char* buf) {
#ifdef AWSLINT_SHA_NI
    if (hw_) {
      sha256_block_ni(h_.data(), buf, kK.data());
      return;
    }
#endif
    const auto& k = kK;
    std::array<std::uint32_t, 64> w;
    for (int i = 0; i < 16; ++i)
      w[i] = (std::uint32_t{buf[i * 4]} << 24) | (std::uint32_t{buf[i * 4 + 1]} << 16) |
             (std::uint32_t{buf[i * 4 + 2]} << 8) | std::uint32_t{buf[i * 4 + 3]};
    for (int i = 16; i < 64; ++i) {
      const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
    for (int i = 0; i < 64; ++i) {
      const std::uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
      const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h_[0] += a;
    h_[1] += b;
    h_[2] += c;
    h_[3] += d;
    h_[4] += e;
    h_[5] += f;
    h_[6] += g;
    h_[7] += h;
  }

  std::array<std::uint32_t, 8> h_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                  0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::array<unsigned char, 64> buf_{};
  std::size_t n_ = 0;
  std::uint64_t bits_ = 0;
  bool hw_;
};

}  // namespace

std::string sha256_hex(std::string_view data, bool hardware) {
  Sha256 h(hardware);
  h.update(data);
  return h.hex();
}

namespace {
// The identity hashed by fingerprint(), built into `id` (reused between findings).
void fingerprint_id(const Finding& f, std::string& id) {
  id.assign("awslint/v1");
  id += '\0';
  id += f.rule;
  id += '\0';
  id += f.loc.file;
  id += '\0';
  id += f.has_profile ? 'p' : '-';  // "no profile" differs from the profile named ""
  id += f.profile;
  id += '\0';
  id += f.key;
  id += '\0';
  id += f.variable;
}

std::string sha256_hex32(std::string_view data) {
  Sha256 h;
  h.update(data);
  return h.hex(32);
}
}  // namespace

std::string fingerprint(const Finding& f) {
  std::string id;
  fingerprint_id(f, id);
  return sha256_hex32(id);
}

std::vector<std::string> fingerprints(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  out.reserve(findings.size());
  // Occurrences so far of each plain fingerprint, keyed by views of the first occurrence's string
  // in `out` (reserved, so those strings stay where they are).
  std::unordered_map<std::string_view, std::size_t> seen;
  seen.reserve(findings.size());
  std::string id;
  for (const Finding& f : findings) {
    fingerprint_id(f, id);
    out.push_back(sha256_hex32(id));
    auto [it, added] = seen.try_emplace(std::string_view(out.back()), 1);
    if (added) continue;
    const std::size_t n = it->second++;
    id.assign(out.back());
    id += ':';
    id += std::to_string(n);
    out.back() = sha256_hex32(id);
  }
  return out;
}

// ---- Escaping -------------------------------------------------------------------------------

void append_number(std::string& out, std::uint64_t n) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
}

void append_printable(std::string& out, std::string_view s) {
  if (std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f; }))
    out.append(s);
  else
    out += printable(s);
}

namespace {
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Calls fn(code point, bytes) for each code point; invalid bytes come as U+FFFD, one by one.
template <class Fn>
void each_code_point(std::string_view s, Fn&& fn) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    std::size_t n = utf8_decode(s, i, cp);
    if (n == 0) {
      fn(char32_t{0xFFFD}, kReplacement);
      ++i;
      continue;
    }
    fn(cp, s.substr(i, n));
    i += n;
  }
}
}  // namespace

std::string valid_utf8(std::string_view s) {
  if (first_invalid_utf8(s) == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  each_code_point(s, [&](char32_t, std::string_view bytes) { out += bytes; });
  return out;
}

namespace {
void xml_escape_slow(std::string& out, std::string_view s, bool attribute);
}  // namespace

std::string xml_escape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size() + 16);
  xml_escape_into(out, s, attribute);
  return out;
}

void xml_escape_into(std::string& out, std::string_view s, bool attribute) {
  // Printable ASCII other than & < > " is copied in runs; the rest code point by code point.
  auto plain = [](char c) { return c >= 0x20 && c < 0x7f && c != '&' && c != '<' && c != '>' && c != '"'; };
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && plain(s[j])) ++j;
    out.append(s.data() + i, j - i);
    if (j == s.size()) return;
    i = j;
    // The next run of other bytes, up to the next plain one (a code point never holds a plain byte).
    while (j < s.size() && !plain(s[j])) ++j;
    xml_escape_slow(out, s.substr(i, j - i), attribute);
    i = j;
  }
}

namespace {
void xml_escape_slow(std::string& out, std::string_view s, bool attribute) {
  each_code_point(s, [&](char32_t cp, std::string_view bytes) {
    switch (cp) {
      case '&': out += "&amp;"; return;
      case '<': out += "&lt;"; return;
      case '>': out += "&gt;"; return;
      case '"':
        out += attribute ? "&quot;" : "\"";
        return;
      case '\t': out += attribute ? "&#9;" : "\t"; return;
      case '\n': out += attribute ? "&#10;" : "\n"; return;
      case '\r': out += "&#13;"; return;  // a raw CR would be normalised away, in text too
      default: break;
    }
    // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF)
      out += kReplacement;
    else
      out += bytes;
  });
}
}  // namespace

}  // namespace report

// ---- Safe excerpts --------------------------------------------------------------------------
//
// Two layers. The structural one knows, from the lexer, which key a line belongs to: the value of
// a secret key is replaced by a fixed run of '*' (its length is not shown either), a continuation
// line of a secret key is masked whole, an access key id is shown as mask_key_id() shows it, and
// the same holds for the sub-keys of a nested block. The heuristic one runs on every line after
// that, for what the lexer does not attach to a key: commented-out or invalid `secret = value`
// lines, secrets under misspelt keys, access key ids anywhere, and long base64-looking runs.

namespace {

constexpr std::string_view kMask = "********";

// Byte offset of 1-based code-point column `col` in `s` (invalid bytes count one column each).
std::size_t byte_of_col(std::string_view s, std::uint32_t col) {
  std::size_t i = 0;
  for (std::uint32_t c = 1; c < col && i < s.size(); ++c) {
    char32_t cp = 0;
    const std::size_t n = utf8_decode(s, i, cp);
    i += n == 0 ? 1 : n;
  }
  return std::min(i, s.size());
}

std::size_t rtrim_len(std::string_view s) {
  std::size_t n = s.size();
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\f' || s[n - 1] == '\v'))
    --n;
  return n;
}

std::size_t indent_len(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && (s[n] == ' ' || s[n] == '\t')) ++n;
  return n;
}

// Secret keys and names that look like one (misspelt or made-up keys still hold secrets).
bool looks_secret(std::string_view lower) {
  if (is_secret_key(lower)) return true;
  auto ends_with = [&](std::string_view suffix) {
    return lower.size() >= suffix.size() && lower.substr(lower.size() - suffix.size()) == suffix;
  };
  for (std::string_view suffix : {"_file", "_path", "_expires", "_expiration", "_url", "_arn"})
    if (ends_with(suffix)) return false;
  for (std::string_view word : {"secret", "token", "password", "passwd", "private_key"})
    if (lower.find(word) != std::string_view::npos) return true;
  return false;
}

// Replaces [pos, pos+len) of s by the masked form of the value there.
void mask_value(std::string& s, std::size_t pos, std::size_t len, bool key_id) {
  if (len == 0) return;
  const std::string repl = key_id ? mask_key_id(std::string_view(s).substr(pos, len)) : std::string(kMask);
  s.replace(pos, len, repl);
}

// `key = value` in s from byte `from`: masks the value by what the key is.
void mask_assignment(std::string& s, std::size_t from, std::string_view lower_key) {
  const bool secret = looks_secret(lower_key);
  const bool key_id = !secret && is_key_id_key(lower_key);
  if (!secret && !key_id) return;
  const std::size_t eq = s.find_first_of("=:", from);
  if (eq == std::string::npos) return;
  std::size_t v = eq + 1;
  while (v < s.size() && (s[v] == ' ' || s[v] == '\t')) ++v;
  const std::size_t end = rtrim_len(s);
  if (v < end) mask_value(s, v, end - v, key_id);
}

void mask_structured(const ParsedFile& pf, std::uint32_t line, std::string& s) {
  const LineKind kind = pf.kind_of(line);
  if (kind != LineKind::Key && kind != LineKind::Continuation) return;
  const Entry* e = pf.entry_at_line(line);
  if (e == nullptr) return;
  const std::string_view key = pf.str(e->key);
  const bool secret = looks_secret(key);
  if (kind == LineKind::Key) {
    const std::size_t v = byte_of_col(s, e->value_col);
    const std::size_t end = rtrim_len(s);
    if (v < end && (secret || is_key_id_key(key))) mask_value(s, v, end - v, !secret);
    return;
  }
  // A continuation line.
  if (secret) {
    const std::size_t v = indent_len(s);
    const std::size_t end = rtrim_len(s);
    if (v < end) s.replace(v, end - v, kMask);
    return;
  }
  for (const SubEntry& sub : pf.subs_of(*e)) {
    if (sub.line != line) continue;
    mask_assignment(s, byte_of_col(s, sub.col), ascii_lower(pf.str(sub.key)));
  }
}

// Makes the excerpt printable without changing its column count: invalid bytes and control
// characters other than TAB become U+FFFD.
bool printable_ascii_line(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 0x20 && c < 0x7f) || c == '\t'; });
}

std::string printable_line(std::string_view s) {
  std::string valid = report::valid_utf8(s);
  std::string out;
  out.reserve(valid.size());
  for (std::size_t i = 0; i < valid.size();) {
    char32_t cp = 0;
    std::size_t n = utf8_decode(valid, i, cp);
    if (n == 0) n = 1;  // cannot happen after valid_utf8
    if ((cp < 0x20 && cp != '\t') || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
      out += "\xEF\xBF\xBD";  // U+FFFD
    else
      out.append(valid, i, n);
    i += n;
  }
  return out;
}

// A cheap necessary condition for mask_heuristic to change a line: true unless no pattern of it
// can match. The assignment pattern needs, after `\s*[#;]*\s*`, a run of key characters that is
// followed by `\s*[=:]` (or is `export` and whitespace); key ids (20 characters of [A-Z0-9]) and
// token runs (30 of [A-Za-z0-9+/]) both need a run of 20 characters of [A-Za-z0-9+/]. Messages and
// excerpts almost never hold one, and the three regular expressions dominated a large report.
bool heuristic_may_mask(std::string_view s, bool key_line) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\v'; };
  auto key_char = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '-';
  };
  const std::size_t n = s.size();
  if (!key_line) {
    std::size_t i = 0;
    while (i < n && space(s[i])) ++i;
    while (i < n && (s[i] == '#' || s[i] == ';')) ++i;
    while (i < n && space(s[i])) ++i;
    const std::size_t key = i;
    while (i < n && key_char(s[i])) ++i;
    if (i > key) {
      if (i - key == 6 && s.substr(key, 6) == "export" && i < n && space(s[i])) return true;
      while (i < n && space(s[i])) ++i;
      if (i < n && (s[i] == '=' || s[i] == ':')) return true;
    }
  }
  static constexpr auto kRunChar = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c)
      t[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    return t;
  }();
  // A run of 20 holds one of the bytes at 19, 39, 59, ...: look only around those.
  for (std::size_t probe = 19; probe < n; probe += 20) {
    if (!kRunChar[static_cast<unsigned char>(s[probe])]) continue;
    std::size_t b = probe, e = probe + 1;
    while (b > 0 && kRunChar[static_cast<unsigned char>(s[b - 1])] && probe - b < 19) --b;
    while (e < n && kRunChar[static_cast<unsigned char>(s[e])] && e - b < 20) ++e;
    if (e - b >= 20) return true;
  }
  return false;
}

void mask_heuristic(std::string& s, bool key_line) {
  if (!heuristic_may_mask(s, key_line)) return;
  // `[#;] [export] key = value` with a secret-looking key (comments, invalid lines, continuation
  // lines). Not on key lines: their key is known and was dealt with.
  static const RE2 kAssign(R"(^\s*[#;]*\s*(?:export\s+)?([A-Za-z0-9_.\-]+)\s*[=:])");
  re2::StringPiece key;
  if (!key_line && RE2::PartialMatch(s, kAssign, &key)) {
    const std::size_t from = static_cast<std::size_t>(key.data() - s.data());
    mask_assignment(s, from, ascii_lower(std::string_view(key.data(), key.size())));
  }

  // Replaces every match of re for which accept(match) holds by make(match).
  auto replace_all = [&s](const RE2& re, auto accept, auto make) {
    std::string out;
    std::size_t pos = 0;
    re2::StringPiece m;
    re2::StringPiece input(s);
    while (pos <= s.size() && re.Match(input, pos, s.size(), RE2::UNANCHORED, &m, 1)) {
      const std::size_t start = static_cast<std::size_t>(m.data() - s.data());
      const std::string_view match(m.data(), m.size());
      out.append(s, pos, start - pos);
      if (accept(match))
        out += make(match);
      else
        out += match;
      pos = start + std::max<std::size_t>(m.size(), 1);
      if (m.empty() && start < s.size()) out += s[start];
    }
    if (pos < s.size()) out.append(s, pos, std::string::npos);
    s = std::move(out);
  };

  // Access key ids anywhere.
  static const RE2 kKeyId(R"(\b(?:AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|ABIA|ACCA|AGPA|ASCA)[A-Z0-9]{16}\b)");
  replace_all(kKeyId, [](std::string_view) { return true; }, [](std::string_view m) { return mask_key_id(m); });

  // Long base64-looking runs that mix at least two of upper case, lower case, digits and '+/':
  // secret keys, session tokens (a random 40-character key always does; words and numbers don't).
  static const RE2 kToken(R"([A-Za-z0-9+/]{30,}={0,2})");
  replace_all(
      kToken,
      [](std::string_view m) {
        bool upper = false, lower = false, digit = false, symbol = false;
        for (char c : m) {
          upper |= c >= 'A' && c <= 'Z';
          lower |= c >= 'a' && c <= 'z';
          digit |= c >= '0' && c <= '9';
          symbol |= c == '+' || c == '/';
        }
        return int{upper} + int{lower} + int{digit} + int{symbol} >= 2;
      },
      [](std::string_view) { return std::string(kMask); });
}

// True when some line of s may be changed by redact_text.
bool may_redact(std::string_view s) {
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) nl = s.size();
    if (heuristic_may_mask(s.substr(start, nl - start), false)) return true;
    if (nl == s.size()) break;
    start = nl + 1;
  }
  return false;
}

}  // namespace

void redact_in_place(std::string& s) {
  if (may_redact(s)) s = redact_text(s);
}

std::string redact_text(std::string_view s) {
  if (!may_redact(s)) return std::string(s);
  std::string out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) nl = s.size();
    std::string line(s.substr(start, nl - start));
    mask_heuristic(line, false);
    out += line;
    if (nl == s.size()) break;
    out.push_back('\n');
    start = nl + 1;
  }
  return out;
}

std::string safe_excerpt(const Workspace& ws, const std::string& file_display, std::uint32_t line) {
  const ParsedFile* pf = nullptr;
  for (const SourceFile* f : {&ws.config, &ws.credentials}) {
    if (f->ok() && f->display == file_display) {
      pf = f->parsed.get();
      break;
    }
  }
  // The env file is not kept as text: no excerpt for it (nor for the process environment).
  if (pf == nullptr || line == 0 || line > pf->lines.size()) return {};
  std::string_view raw = pf->line_text(line);
  while (!raw.empty() && (raw.back() == '\n' || raw.back() == '\r')) raw.remove_suffix(1);  // never a terminator
  std::string s(raw);
  mask_structured(*pf, line, s);
  if (!printable_ascii_line(s)) s = printable_line(s);
  mask_heuristic(s, pf->kind_of(line) == LineKind::Key);
  return s;
}

}  // namespace awslint
