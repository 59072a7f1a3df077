#include "name_index.h"

namespace awslint {

void NameIndex::reserve(std::size_t n) {
  if (size_ != 0 || n * 2 <= slots_.size()) return;
  std::size_t k = 16;
  while (k < n * 2) k <<= 1;
  slots_.assign(k, 0);
}

}  // namespace awslint
