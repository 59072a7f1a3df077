#include "model.h"

#include <algorithm>
#include <iterator>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "parallel.h"
#include "text.h"

namespace awslint {

const EnvVar* Environment::get(std::string_view name) const {
  if (!enabled) return nullptr;
  for (auto it = vars.rbegin(); it != vars.rend(); ++it)
    if (it->name == name) return &*it;
  return nullptr;
}

namespace {
// For the shlex fast path: 0 a word character, 1 white space (shlex's ' \t\r\n'), 2 a quote or
// a backslash (shlex proper). kShlexSpecial lists the bytes that are not 0, white space first.
constexpr char kShlexSpecial[] = {' ', '\t', '\r', '\n', '\'', '"', '\\'};
constexpr std::size_t kShlexSpaces = 4;
struct ShlexClass {
  std::uint8_t cls[256] = {};
  constexpr ShlexClass() {
    for (std::size_t i = 0; i < std::size(kShlexSpecial); ++i)
      cls[static_cast<unsigned char>(kShlexSpecial[i])] = i < kShlexSpaces ? 1 : 2;
  }
};
constexpr ShlexClass kShlexClass;

// No byte of `w` is white space, a quote or a backslash for shlex (kShlexClass 0 throughout).
bool plain_word(std::string_view w) {
  std::size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= w.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(w.data() + i));
    __m128i hit = _mm_setzero_si128();
    for (const char c : kShlexSpecial) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
    if (_mm_movemask_epi8(hit)) return false;
  }
#endif
  for (; i < w.size(); ++i)
    if (kShlexClass.cls[static_cast<unsigned char>(w[i])] != 0) return false;
  return true;
}

std::optional<Value> value_of(const SourceFile* file, const Section* section, const Entry* e) {
  const ParsedFile& pf = *file->parsed;
  Value v;
  v.key = pf.str(e->key);
  v.text = pf.str(e->value);
  v.file = file;
  v.section = section;
  v.entry = e;
  v.line = e->line;
  v.col = e->key_col;
  v.value_col = e->value_col;
  v.from_defaults = !(e >= pf.begin(*section) && e < pf.end(*section));
  return v;
}

template <class K>
const Entry* find_in(const SourceFile* file, const Section* section, K key) {
  if (!file || !section || !file->parsed) return nullptr;
  return file->parsed->find(*section, key);
}

template <class K>
std::optional<Value> lookup(const SourceFile* file, const Section* section, K key) {
  const Entry* e = find_in(file, section, key);
  if (!e) return std::nullopt;
  return value_of(file, section, e);
}
}  // namespace

std::optional<Value> Profile::get_config(std::string_view key) const { return lookup(config_file, config, key); }
std::optional<Value> Profile::get_credentials(std::string_view key) const {
  return lookup(credentials_file, credentials, key);
}
std::optional<Value> Profile::get(std::string_view key) const {
  if (const Key k = key_id(key); k != Key::Other) return get(k);
  if (auto v = get_credentials(key)) return v;
  return get_config(key);
}

std::optional<Value> Profile::get_config(Key key) const { return lookup(config_file, config, key); }
std::optional<Value> Profile::get_credentials(Key key) const { return lookup(credentials_file, credentials, key); }
std::optional<Value> Profile::get(Key key) const {
  if (const Entry* e = find_in(credentials_file, credentials, key)) return value_of(credentials_file, credentials, e);
  if (const Entry* e = find_in(config_file, config, key)) return value_of(config_file, config, e);
  return std::nullopt;
}
const Entry* Profile::entry(Key key) const {
  if (const Entry* e = find_in(credentials_file, credentials, key)) return e;
  return find_in(config_file, config, key);
}

std::optional<Value> SsoSession::get(std::string_view key) const { return lookup(file, section, key); }
std::optional<Value> SsoSession::get(Key key) const { return lookup(file, section, key); }

std::string_view source_name(Selection::Source s) {
  switch (s) {
    case Selection::Source::Flag: return "--profile";
    case Selection::Source::AwsProfile: return "AWS_PROFILE";
    case Selection::Source::AwsDefaultProfile: return "AWS_DEFAULT_PROFILE";
    case Selection::Source::Default: return "default";
  }
  return "default";
}

namespace {
std::uint32_t n_sections_of(const ParsedFile& pf) { return static_cast<std::uint32_t>(pf.sections.size()); }

// Calls visit(i, h) for i = 0 .. n-1 in order; for an i with want(i), h is hash_of(i) (the
// NameIndex::hash of its name) and the index slot it probes was prefetched kAhead wanted names
// before (a profile index of 100,000 names is bigger than the caches, and each probe would stall
// on memory).
template <class Want, class HashOf, class Visit>
void in_order_prefetched(const NameIndex& index, std::uint32_t n, Want want, HashOf hash_of, Visit visit) {
  constexpr std::uint32_t kAhead = 8;
  std::uint32_t ring[kAhead] = {};
  std::uint32_t pushed = 0, popped = 0;  // hashes computed / handed out
  std::uint32_t next = 0;                // the next i to look ahead at
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!want(i)) {
      visit(i, 0);
      continue;
    }
    for (; next < n && pushed - popped < kAhead; ++next) {
      if (next < i || !want(next)) continue;
      const std::uint32_t h = hash_of(next);
      index.prefetch(h);
      ring[pushed++ % kAhead] = h;
    }
    visit(i, ring[popped++ % kAhead]);
  }
}
}  // namespace

std::size_t Workspace::input_bytes() const {
  std::size_t n = 0;
  for (const SourceFile* f : {&config, &credentials})
    if (f->ok()) n += f->parsed->text.size();
  return n;
}

std::string_view Workspace::keep(std::string s) {
  names_.push_back(std::move(s));
  return names_.back();
}

void Workspace::build() {
  config_sections_.clear();
  profiles_.clear();
  profile_index_.clear();
  sso_sessions_.clear();
  sso_index_.clear();
  services_.clear();

  auto profile_name = [&](std::uint32_t k) { return profiles_[k].name; };
  // A name from shlex: a slice of the header when shlex changed nothing, else a kept copy.
  auto name_from = [&](std::string_view header, const std::string& word) -> std::string_view {
    const std::size_t p = header.find(word);
    if (!word.empty() && p != std::string_view::npos) return header.substr(p, word.size());
    return keep(word);
  };

  if (config.ok()) {
    const ParsedFile& pf = *config.parsed;
    const auto n_sections = static_cast<std::uint32_t>(pf.sections.size());
    config_sections_.reserve(n_sections);
    big_hint(config_sections_.data(), std::size_t{n_sections} * sizeof(ConfigSection));
    std::size_t profiles_hint = 0;
    profiles_.reserve(pf.sections.size() + (credentials.ok() ? credentials.parsed->sections.size() : 0));
    profile_index_.reserve(profiles_.capacity());
    NameIndex services_index;
    std::vector<std::uint32_t> owner;  // profile index -> its config_sections_ index
    owner.reserve(pf.sections.size());
    // First what each section is (its role and name)... Written in place, config_sections_[i] for
    // sections[i]. A header with quotes or backslashes goes through shlex, whose name may need a
    // kept copy (keep(), one thread only): with `shlex_ok` false such a section is left for later
    // and classify() says so.
    ConfigSection* const out = config_sections_.data();
    std::vector<std::uint32_t> name_hashes(n_sections);  // of profile sections
    auto classify = [&](std::uint32_t i, bool shlex_ok) {
      const Section& s = pf.sections[i];
      ConfigSection cs;
      cs.index = i;
      const std::string_view name = pf.str(s.name);
      bool deferred = false;
      auto split2 = [&](std::size_t prefix, std::string_view& out) {
        // The usual header, `<prefix> <name>` with a name of plain characters: 16 bytes at a time.
        if (name.size() > prefix + 1 && name[prefix] == ' ' && plain_word(name.substr(prefix + 1))) {
          out = name.substr(prefix + 1);
          cs.canonical = true;
          return true;
        }
        // Fast path (no quotes or escapes): shlex only splits at white space, so the words are
        // slices of the header and nothing is allocated. One pass; a quote or a backslash sends
        // the name to shlex.
        {
          // The header starts with `prefix` (one word, nothing shlex treats specially).
          std::size_t starts[2] = {0, 0}, ends[2] = {prefix, 0};
          int n = 1;
          bool in_word = true, plain = true;
          for (std::size_t i = prefix; i < name.size(); ++i) {
            const std::uint8_t c = kShlexClass.cls[static_cast<unsigned char>(name[i])];
            if (c == 0) {
              if (!in_word) {
                // A third word before any quote: shlex cannot make two words of that.
                if (n == 2) return false;
                starts[n++] = i;
                in_word = true;
              }
            } else if (c == 1) {
              if (in_word) ends[n - 1] = i;
              in_word = false;
            } else {
              plain = false;
              break;
            }
          }
          if (plain) {
            if (in_word) ends[n - 1] = name.size();
            if (n != 2) return false;
            out = name.substr(starts[1], ends[1] - starts[1]);
            return true;
          }
        }
        if (!shlex_ok) {
          deferred = true;
          return false;
        }
        auto parts = shlex_split(name);
        if (!parts || parts->size() != 2) return false;
        out = name_from(name, (*parts)[1]);
        return true;
      };
      if (s.is_defaults) {
        cs.role = SectionRole::Defaults;
      } else if (s.duplicate) {
        cs.role = SectionRole::Ignored;  // the CLI rejects the file; the first one is modelled
      } else if (name.starts_with("profile")) {
        cs.role = split2(7, cs.name) ? SectionRole::Profile : SectionRole::Ignored;
      } else if (name.starts_with("sso-session")) {
        cs.role = split2(11, cs.name) ? SectionRole::SsoSession : SectionRole::Ignored;
      } else if (name == "default") {
        cs.role = SectionRole::Profile;
        cs.name = name;
      } else if (name.starts_with("services")) {
        cs.role = split2(8, cs.name) ? SectionRole::Services : SectionRole::Ignored;
      } else {
        cs.role = SectionRole::Ignored;
      }
      out[i] = cs;
      // Hashed here, on several threads, while the header is in the cache: the name index is
      // filled in order on one thread (below), which then reads no name unless two collide.
      if (cs.role == SectionRole::Profile) name_hashes[i] = NameIndex::hash(cs.name);
      return !deferred;
    };
    // A big file's sections are classified on several threads (each its own stretch; the reads
    // of the headers and the fresh memory written cost most), then those left for shlex, here.
    const unsigned parts = threads_for(pf.text.size());
    std::vector<std::vector<std::uint32_t>> later(parts);
    parallel_for(parts, parts, [&](std::size_t k) {
      const auto from = static_cast<std::uint32_t>(std::uint64_t{n_sections} * k / parts);
      const auto to = static_cast<std::uint32_t>(std::uint64_t{n_sections} * (k + 1) / parts);
      for (std::uint32_t i = from; i < to; ++i)
        if (!classify(i, parts == 1)) later[k].push_back(i);
    });
    for (const auto& l : later)
      for (std::uint32_t i : l) classify(i, true);
    config_sections_.set_size(n_sections);
    // ...then the names go into their indexes, in file order.
    in_order_prefetched(
        profile_index_, n_sections_of(pf),
        [&](std::uint32_t i) { return config_sections_[i].role == SectionRole::Profile; },
        [&](std::uint32_t i) { return name_hashes[i]; },
        [&](std::uint32_t i, std::uint32_t h) {
          const Section& s = pf.sections[i];
          const ConfigSection& cs = config_sections_[i];
          if (cs.role == SectionRole::Profile) {
            const auto fresh = static_cast<std::uint32_t>(profiles_.size());
            const std::uint32_t at = profile_index_.emplace_hashed(cs.name, h, fresh, profile_name);
            if (at == fresh) {
              Profile p;
              p.name = cs.name;
              big_hint_push(profiles_, [&] { return static_cast<double>(profiles_.size() + 1) * pf.sections.size() / (i + 1); },
                            profiles_hint);
              profiles_.push_back(p);
              owner.push_back(i);
            } else {
              // The later section replaces the earlier one entirely (a dict assignment).
              config_sections_[owner[at]].shadowed = true;
              owner[at] = i;
            }
            Profile& p = profiles_[at];
            p.config = &s;
            p.config_file = &config;
          } else if (cs.role == SectionRole::SsoSession || cs.role == SectionRole::Services) {
            auto& list = cs.role == SectionRole::SsoSession ? sso_sessions_ : services_;
            auto& index = cs.role == SectionRole::SsoSession ? sso_index_ : services_index;
            const auto fresh = static_cast<std::uint32_t>(list.size());
            const std::uint32_t at = index.emplace(cs.name, fresh, [&](std::uint32_t k) { return list[k].name; });
            if (at == fresh) list.push_back(SsoSession{cs.name, &s, &config});
            else list[at].section = &s;
          }
        });
  }
  if (credentials.ok()) {
    const ParsedFile& pf = *credentials.parsed;
    in_order_prefetched(
        profile_index_, n_sections_of(pf),
        [&](std::uint32_t i) { return !pf.sections[i].is_defaults && !pf.sections[i].duplicate; },
        [&](std::uint32_t i) { return NameIndex::hash(pf.str(pf.sections[i].name)); },
        [&](std::uint32_t i, std::uint32_t h) {
          const Section& s = pf.sections[i];
          if (s.is_defaults || s.duplicate) return;
          const std::string_view name = pf.str(s.name);
          const auto fresh = static_cast<std::uint32_t>(profiles_.size());
          const std::uint32_t at = profile_index_.emplace_hashed(name, h, fresh, profile_name);
          if (at == fresh) {
            Profile p;
            p.name = name;
            profiles_.push_back(p);
          }
          profiles_[at].credentials = &s;
          profiles_[at].credentials_file = &credentials;
        });
  }
  for (auto& p : profiles_) {
    if (!p.config_file && config.ok()) p.config_file = &config;
    if (!p.credentials_file && credentials.ok()) p.credentials_file = &credentials;
  }
}

const Profile* Workspace::profile(std::string_view name) const {
  const std::uint32_t i = profile_index_.find(name, [&](std::uint32_t k) { return profiles_[k].name; });
  return i == NameIndex::npos ? nullptr : &profiles_[i];
}

void Workspace::profiles_named(std::span<const std::string_view> names, std::span<const Profile*> out) const {
  // A pipeline over the names: at step i the slot of name i is prefetched, then (kSlot - kProfile
  // steps later) the profile that slot points at, then (kProfile - kName steps later) that
  // profile's name; name i - kSlot is looked up for real.
  constexpr std::size_t kSlot = 12, kProfile = 6, kName = 3;
  const std::size_t n = names.size();
  std::vector<std::uint32_t> hashes(n), cand(n, NameIndex::npos);
  auto name_of = [&](std::uint32_t k) { return profiles_[k].name; };
  for (std::size_t i = 0; i < n + kSlot; ++i) {
    if (i < n) {
      hashes[i] = NameIndex::hash(names[i]);
      profile_index_.prefetch(hashes[i]);
    }
    if (i >= kSlot - kProfile && i - (kSlot - kProfile) < n) {
      const std::size_t j = i - (kSlot - kProfile);
      cand[j] = profile_index_.candidate(hashes[j]);
      if (cand[j] != NameIndex::npos) __builtin_prefetch(&profiles_[cand[j]]);
    }
    if (i >= kSlot - kName && i - (kSlot - kName) < n) {
      const std::size_t j = i - (kSlot - kName);
      if (cand[j] != NameIndex::npos) __builtin_prefetch(profiles_[cand[j]].name.data());
    }
    if (i >= kSlot) {
      const std::size_t j = i - kSlot;
      const std::uint32_t k = profile_index_.find_hashed(names[j], hashes[j], name_of);
      out[j] = k == NameIndex::npos ? nullptr : &profiles_[k];
    }
  }
}

const SsoSession* Workspace::sso_session(std::string_view name) const {
  const std::uint32_t i = sso_index_.find(name, [&](std::uint32_t k) { return sso_sessions_[k].name; });
  return i == NameIndex::npos ? nullptr : &sso_sessions_[i];
}

const ConfigSection* Workspace::config_section(std::uint32_t index) const {
  if (index < config_sections_.size() && config_sections_[index].index == index) return &config_sections_[index];
  return nullptr;
}

Selection Workspace::selected() const {
  Selection s;
  if (ctx.profile_flag) {
    s.name = *ctx.profile_flag;
    s.source = Selection::Source::Flag;
  } else if (const EnvVar* v = env.get("AWS_PROFILE")) {
    s.name = v->value;
    s.source = Selection::Source::AwsProfile;
    s.var = v;
  } else if (const EnvVar* d = env.get("AWS_DEFAULT_PROFILE")) {
    s.name = d->value;
    s.source = Selection::Source::AwsDefaultProfile;
    s.var = d;
  } else {
    s.name = "default";
  }
  return s;
}

Selection Workspace::selected_v1() const {
  Selection s;
  if (ctx.profile_flag) {
    s.name = *ctx.profile_flag;
    s.source = Selection::Source::Flag;
  } else if (const EnvVar* d = env.get("AWS_DEFAULT_PROFILE")) {
    s.name = d->value;
    s.source = Selection::Source::AwsDefaultProfile;
    s.var = d;
  } else if (const EnvVar* v = env.get("AWS_PROFILE")) {
    s.name = v->value;
    s.source = Selection::Source::AwsProfile;
    s.var = v;
  } else {
    s.name = "default";
  }
  return s;
}

bool is_secret_key(std::string_view k) {
  if (k == "aws_secret_access_key" || k == "aws_session_token" || k == "aws_security_token" ||
      k == "aws_secret_key" || k == "secret_access_key" || k == "session_token" || k == "security_token")
    return true;
  if (k.ends_with("_file") || k.ends_with("_expires") || k.ends_with("_expiration") || k.ends_with("_url") ||
      k.ends_with("_arn"))
    return false;
  return k.find("secret") != std::string_view::npos || k.ends_with("_token") || k.find("password") != std::string_view::npos;
}

bool is_secret_var(std::string_view n) {
  if (n.ends_with("_FILE") || n.ends_with("_URI") || n.ends_with("_EXPIRATION")) return false;
  return n.find("SECRET") != std::string_view::npos || n.find("TOKEN") != std::string_view::npos ||
         n.find("PASSWORD") != std::string_view::npos;
}

bool is_key_id_key(std::string_view k) { return k == "aws_access_key_id" || k == "access_key_id"; }

std::string mask_key_id(std::string_view id) {
  // Only ASCII alphanumerics are shown; anything else would say more than it should.
  auto shown = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
  };
  if (id.size() >= 16 && shown(id.substr(0, 4)) && shown(id.substr(id.size() - 4)))
    return std::string(id.substr(0, 4)) + "\xE2\x80\xA6" + std::string(id.substr(id.size() - 4));
  return "\xE2\x80\xA6";
}

}  // namespace awslint
