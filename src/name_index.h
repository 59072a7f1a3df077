// A compact name index used by the lexer (section names) and the model (profiles, sso-sessions).
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string_view>
#include <vector>

#include "big_alloc.h"

namespace awslint {

// Name -> index into a vector of named things, open addressing over 32-bit slots: a tenth of the
// memory of an unordered_map for a 100,000-profile config. A slot holds index + 1 in its low 24
// bits and 8 bits of the name's hash above, so that a probe rarely reads a name it does not want
// (names live in the file text: each read is a cache miss). An index that does not fit in 24 bits
// turns the tags off (the whole index is rebuilt once, and slots hold index + 1 alone).
class NameIndex {
 public:
  void clear() { slots_.clear(); size_ = 0; tagged_ = true; }
  void reserve(std::size_t n);  // on an empty index (a non-empty one grows as needed)
  // Returns the index stored for name, or inserts `index` and returns it.
  template <class NameOf>
  std::uint32_t emplace(std::string_view name, std::uint32_t index, NameOf name_of) {
    return emplace_hashed(name, hash(name), index, name_of);
  }
  // The same with the name's hash() computed before: callers that insert many names ask for the
  // slot with prefetch(hash) some names ahead, so that the probe (a cache miss in a big index,
  // often a TLB miss too) overlaps other work instead of stalling.
  template <class NameOf>
  std::uint32_t emplace_hashed(std::string_view name, std::uint32_t h, std::uint32_t index, NameOf name_of);
  void prefetch(std::uint32_t h) const {
    if (!slots_.empty()) __builtin_prefetch(slots_.data() + (h & (slots_.size() - 1)), 1);
  }
  template <class NameOf>
  std::uint32_t find(std::string_view name, NameOf name_of) const {  // UINT32_MAX when absent
    return find_hashed(name, hash(name), name_of);
  }
  template <class NameOf>
  std::uint32_t find_hashed(std::string_view name, std::uint32_t h, NameOf name_of) const;
  // The index in the first slot of hash h's probe sequence whose tag matches (npos: none): what
  // find_hashed() will most likely compare the name with, for callers that prefetch it.
  std::uint32_t candidate(std::uint32_t h) const {
    if (slots_.empty()) return npos;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const std::uint32_t slot = slots_[i];
      if (slot == 0) return npos;
      if (!tag_differs(slot, h)) return index_of(slot);
    }
  }
  static constexpr std::uint32_t npos = UINT32_MAX;

 private:
  static constexpr std::uint32_t kIndexMask = 0xFFFFFF;

 public:
  // Section and profile names are short: 8 bytes at a time (the last word overlapping), then
  // murmur3's finaliser, so that both the low bits (the slot) and the top byte (the tag) are mixed.
  // std::hash (murmur over bytes, out of line) cost twice as much.
  static std::uint32_t hash(std::string_view s) {
    const char* p = s.data();
    const std::size_t n = s.size();
    auto load = [](const char* q, std::size_t k) {
      std::uint64_t w = 0;
      std::memcpy(&w, q, k);
      return w;
    };
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xFF51AFD7ED558CCDull);
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 < n; i += 8) h = (h ^ load(p + i, 8)) * 0xBF58476D1CE4E5B9ull, h ^= h >> 31;
      h ^= load(p + n - 8, 8);
    } else if (n >= 4) {
      h ^= load(p, 4) | (load(p + n - 4, 4) << 32);
    } else if (n > 0) {
      h ^= static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) |
           static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
           static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
    }
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return static_cast<std::uint32_t>(h);
  }

 private:
  std::uint32_t index_of(std::uint32_t slot) const { return (tagged_ ? slot & kIndexMask : slot) - 1; }
  std::uint32_t make_slot(std::uint32_t index, std::uint32_t h) const {
    return tagged_ ? ((h & 0xFF000000u) | (index + 1)) : index + 1;
  }
  bool tag_differs(std::uint32_t slot, std::uint32_t h) const { return tagged_ && ((slot ^ h) & 0xFF000000u); }
  template <class NameOf>
  void rebuild(std::size_t min_slots, bool tagged, NameOf name_of);
  BigVector<std::uint32_t> slots_;  // 0 = empty
  std::size_t size_ = 0;
  bool tagged_ = true;
};

template <class NameOf>
std::uint32_t NameIndex::emplace_hashed(std::string_view name, std::uint32_t h, std::uint32_t index, NameOf name_of) {
  if (tagged_ && index >= kIndexMask) rebuild(std::max<std::size_t>((size_ + 1) * 2, slots_.size()), false, name_of);
  if ((size_ + 1) * 2 > slots_.size()) rebuild((size_ + 1) * 2, tagged_, name_of);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const std::uint32_t slot = slots_[i];
    if (slot == 0) {
      slots_[i] = make_slot(index, h);
      ++size_;
      return index;
    }
    if (!tag_differs(slot, h) && name_of(index_of(slot)) == name) return index_of(slot);
  }
}

template <class NameOf>
void NameIndex::rebuild(std::size_t min_slots, bool tagged, NameOf name_of) {
  std::size_t n = 16;
  while (n < min_slots) n <<= 1;
  BigVector<std::uint32_t> old(n, 0);
  old.swap(slots_);
  const bool was_tagged = tagged_;
  const std::size_t mask = n - 1;
  for (const std::uint32_t slot : old) {
    if (slot == 0) continue;
    const std::uint32_t index = (was_tagged ? slot & kIndexMask : slot) - 1;
    const std::uint32_t h = hash(name_of(index));
    std::size_t i = h & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = tagged ? ((h & 0xFF000000u) | (index + 1)) : index + 1;
  }
  tagged_ = tagged;
}

template <class NameOf>
std::uint32_t NameIndex::find_hashed(std::string_view name, std::uint32_t h, NameOf name_of) const {
  if (slots_.empty()) return npos;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const std::uint32_t slot = slots_[i];
    if (slot == 0) return npos;
    if (!tag_differs(slot, h) && name_of(index_of(slot)) == name) return index_of(slot);
  }
}

}  // namespace awslint
