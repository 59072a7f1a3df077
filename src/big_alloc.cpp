#include "big_alloc.h"

#include <sys/mman.h>

#include <cstdint>
#include <new>

namespace awslint {
namespace {
constexpr std::size_t kHuge = std::size_t{2} << 20;  // the x86-64 and arm64 (4 KiB granule) huge page
std::size_t round_up(std::size_t n) { return (n + kHuge - 1) & ~(kHuge - 1); }
}  // namespace

void* big_alloc(std::size_t bytes) {
  if (bytes < kHuge) {
    if (bytes == 0) bytes = 1;
    return ::operator new(bytes);
  }
  const std::size_t size = round_up(bytes);
  // Map one huge page more than needed and trim, so that the block starts at a 2 MiB boundary.
  void* raw = ::mmap(nullptr, size + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = (start + kHuge - 1) & ~(kHuge - 1);
  if (aligned > start) ::munmap(raw, aligned - start);
  const std::uintptr_t end = start + size + kHuge;
  if (end > aligned + size) ::munmap(reinterpret_cast<void*>(aligned + size), end - (aligned + size));
#ifdef MADV_NOHUGEPAGE
  // Where the kernel gives huge pages to every mapping (the "always" setting), a block would fault
  // in 2 MiB at a time wherever it is touched: only the blocks big_hint() marks may use them.
  ::madvise(reinterpret_cast<void*>(aligned), size, MADV_NOHUGEPAGE);  // advice only
#endif
  return reinterpret_cast<void*>(aligned);
}

void big_hint(const void* p, std::size_t bytes) noexcept {
#ifdef MADV_HUGEPAGE
  const auto start = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t from = (start + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t to = (start + bytes) & ~(kHuge - 1);
  if (p && to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);  // advice only
#else
  (void)p;
  (void)bytes;
#endif
}

void big_hint_mostly(const void* p, std::size_t bytes) noexcept {
  if (bytes < kHuge) return;  // from malloc: not a big_alloc block
  const std::size_t tail = bytes & (kHuge - 1);
  big_hint(p, tail >= kHuge / 4 * 3 ? round_up(bytes) : bytes);
}

void big_discard(const void* p, std::size_t bytes, std::size_t block_bytes) noexcept {
  if (!p || block_bytes < kHuge) return;
  constexpr std::uintptr_t kPage = 4096;
  const auto start = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t from = (start + kPage - 1) & ~(kPage - 1);
  const std::uintptr_t to = (start + bytes) & ~(kPage - 1);
  if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
}

void big_free(void* p, std::size_t bytes) noexcept {
  if (!p) return;
  if (bytes < kHuge) {
    ::operator delete(p);
    return;
  }
  ::munmap(p, round_up(bytes));
}

}  // namespace awslint
