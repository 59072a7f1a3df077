// A compact name index used by the lexer (section names) and the model (profiles, sso-sessions).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "big_alloc.h"

namespace awslint {

// Name -> index into a vector of named things, open addressing over 32-bit slots: a fifth of the
// memory of an unordered_map for a 100,000-profile config.
class NameIndex {
 public:
  void clear() { slots_.clear(); size_ = 0; }
  void reserve(std::size_t n);  // on an empty index (a non-empty one grows as needed)
  // Returns the index stored for name, or inserts `index` and returns it.
  template <class NameOf>
  std::uint32_t emplace(std::string_view name, std::uint32_t index, NameOf name_of);
  template <class NameOf>
  std::uint32_t find(std::string_view name, NameOf name_of) const;  // UINT32_MAX when absent
  static constexpr std::uint32_t npos = UINT32_MAX;

 private:
  template <class NameOf>
  void grow(std::size_t min_slots, NameOf name_of);
  BigVector<std::uint32_t> slots_;  // index + 1; 0 = empty (names are compared: no stored hashes)
  std::size_t size_ = 0;
};

template <class NameOf>
std::uint32_t NameIndex::emplace(std::string_view name, std::uint32_t index, NameOf name_of) {
  if ((size_ + 1) * 2 > slots_.size()) grow((size_ + 1) * 2, name_of);
  const std::uint32_t h = static_cast<std::uint32_t>(std::hash<std::string_view>{}(name));
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    if (slots_[i] == 0) {
      slots_[i] = index + 1;
      ++size_;
      return index;
    }
    if (name_of(slots_[i] - 1) == name) return slots_[i] - 1;
  }
}

template <class NameOf>
void NameIndex::grow(std::size_t min_slots, NameOf name_of) {
  std::size_t n = 16;
  while (n < min_slots) n <<= 1;
  BigVector<std::uint32_t> old(n, 0);
  old.swap(slots_);
  const std::size_t mask = n - 1;
  for (const std::uint32_t slot : old) {
    if (slot == 0) continue;
    std::size_t i = static_cast<std::uint32_t>(std::hash<std::string_view>{}(name_of(slot - 1))) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

template <class NameOf>
std::uint32_t NameIndex::find(std::string_view name, NameOf name_of) const {
  if (slots_.empty()) return npos;
  const std::uint32_t h = static_cast<std::uint32_t>(std::hash<std::string_view>{}(name));
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    if (slots_[i] == 0) return npos;
    if (name_of(slots_[i] - 1) == name) return slots_[i] - 1;
  }
}

}  // namespace awslint
