#include "name_index.h"

namespace awslint {

void NameIndex::reserve(std::size_t n) {
  if (n * 2 > slots_.size()) grow(n * 2);
}

void NameIndex::grow(std::size_t min_slots) {
  std::size_t n = 16;
  while (n < min_slots) n <<= 1;
  std::vector<std::uint32_t> old_slots(n, 0), old_hashes(n, 0);
  old_slots.swap(slots_);
  old_hashes.swap(hashes_);
  const std::size_t mask = n - 1;
  for (std::size_t k = 0; k < old_slots.size(); ++k) {
    if (old_slots[k] == 0) continue;
    std::size_t i = old_hashes[k] & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = old_slots[k];
    hashes_[i] = old_hashes[k];
  }
}

}  // namespace awslint
