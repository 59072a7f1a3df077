// Storage for the large arrays of the model (file text, lines, entries, sections, profiles).
//
// A 100,000-profile config touches about 50 MB; in 4 KiB pages that is 13,000 page faults, which
// cost more CPU than reading the files. Allocations of 2 MiB and more are therefore mapped on
// their own, 2 MiB aligned, and big_hint() marks the part that will certainly be filled with
// madvise(MADV_HUGEPAGE): where the kernel offers transparent huge pages (the "madvise" setting
// most distributions ship) that part faults in 2 MiB at a time. Only whole 2 MiB blocks that will
// be filled are marked, so huge pages never add to the peak RSS; the rest (and capacity that is
// never touched) stays in 4 KiB pages, also where the kernel would give every mapping huge pages
// (the "always" setting: the blocks are mapped MADV_NOHUGEPAGE until marked; measured on the
// 100,000-profile benchmark: 58.9 MiB peak without it, 52.6 with, as with "madvise").
// Allocations under 2 MiB come from malloc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <type_traits>
#include <string_view>
#include <utility>
#include <vector>

namespace awslint {

void* big_alloc(std::size_t bytes);
void big_free(void* p, std::size_t bytes) noexcept;
// The pages wholly inside [p, p + bytes) of a big_alloc block of `block_bytes` will not be read
// again: their memory goes back to the system now (the block stays mapped; a page read later would
// be zero). Nothing happens for blocks under 2 MiB (they come from malloc).
void big_discard(const void* p, std::size_t bytes, std::size_t block_bytes) noexcept;
// [p, p + bytes) will be written: its whole 2 MiB blocks may use huge pages. Call before writing.
void big_hint(const void* p, std::size_t bytes) noexcept;
// The same for the first `bytes` of a big_alloc block that will all be written, and also the last,
// partial 2 MiB block when they fill three quarters of it or more: at most half a MiB more memory,
// for a few hundred fewer faults.
void big_hint_mostly(const void* p, std::size_t bytes) noexcept;
template <class T, class A>
void big_hint(const std::vector<T, A>& v, std::size_t n) noexcept {
  big_hint(v.data(), std::min(n, v.capacity()) * sizeof(T));
}
// For a vector filled by push_back within its reserved capacity: call before each push_back with
// the number of elements it is expected to hold in the end. When the new element reaches a new
// 2 MiB block that the expected size fills, the block is marked. Blocks are 2 MiB aligned in the
// address space, not from the array's start: a BigArray view (a later part of a lexed file) starts
// anywhere in its owner's allocation, and its whole blocks are marked as well. `next` (start at 0)
// tracks, from data(), the end of the block reached last.
// (A std::vector or a BigArray.)
// `expected` is a callable (it is asked only when a new block is reached, not at every push).
template <class V, class Expected>
void big_hint_push(const V& v, Expected expected, std::size_t& next) noexcept {
  using T = typename V::value_type;
  constexpr std::uintptr_t kBlock = std::uintptr_t{2} << 20;
  const std::size_t bytes = (v.size() + 1) * sizeof(T);
  if (bytes <= next) return;
  const auto base = reinterpret_cast<std::uintptr_t>(v.data());
  const std::uintptr_t block = (base + bytes - 1) & ~(kBlock - 1);  // the block the new element reaches
  next = block + kBlock - base;
  if (block >= base && v.capacity() * sizeof(T) >= next && expected() * sizeof(T) >= static_cast<double>(next))
    big_hint(reinterpret_cast<const void*>(block), kBlock);
}

template <class T>
struct BigAllocator {
  using value_type = T;
  BigAllocator() = default;
  template <class U>
  BigAllocator(const BigAllocator<U>&) {}
  T* allocate(std::size_t n) { return static_cast<T*>(big_alloc(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { big_free(p, n * sizeof(T)); }
  template <class U>
  bool operator==(const BigAllocator<U>&) const {
    return true;
  }
};

template <class T>
using BigVector = std::vector<T, BigAllocator<T>>;

// A growable array of a trivially copyable T in big_alloc storage (the vector interface the lexer
// and the rules use), which can also be a view: a stretch of another array's spare capacity that
// it fills without owning it. A part of a file lexed on another thread writes its entries and
// sections straight into the whole file's arrays that way (see lex()), so nothing is copied to
// join the parts. A view never grows beyond the capacity it was given (its caller sized it from
// the line count): it aborts rather than write past it.
template <class T>
class BigArray {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

 public:
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;

  BigArray() = default;
  BigArray(BigArray&& o) noexcept
      : data_(std::exchange(o.data_, nullptr)),
        size_(std::exchange(o.size_, 0)),
        cap_(std::exchange(o.cap_, 0)),
        owned_(std::exchange(o.owned_, true)) {}
  BigArray& operator=(BigArray&& o) noexcept {
    if (this != &o) {
      release();
      data_ = std::exchange(o.data_, nullptr);
      size_ = std::exchange(o.size_, 0);
      cap_ = std::exchange(o.cap_, 0);
      owned_ = std::exchange(o.owned_, true);
    }
    return *this;
  }
  BigArray(const BigArray&) = delete;
  BigArray& operator=(const BigArray&) = delete;
  ~BigArray() { release(); }

  // The `capacity` elements at `at`, empty, to be filled by push_back; they stay owned by the
  // array they belong to.
  static BigArray view(T* at, std::size_t capacity) {
    BigArray a;
    a.data_ = at;
    a.cap_ = capacity;
    a.owned_ = false;
    return a;
  }

  std::size_t size() const { return size_; }
  std::size_t capacity() const { return cap_; }
  bool empty() const { return size_ == 0; }
  T* data() { return data_; }
  const T* data() const { return data_; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  const T& at(std::size_t i) const {
    if (i >= size_) throw std::out_of_range("BigArray::at");
    return data_[i];
  }
  T& back() { return data_[size_ - 1]; }
  const T& back() const { return data_[size_ - 1]; }

  void reserve(std::size_t n) {
    if (n <= cap_) return;
    if (!owned_) std::abort();  // a view never grows
    T* p = static_cast<T*>(big_alloc(n * sizeof(T)));
    if (size_) std::memcpy(static_cast<void*>(p), data_, size_ * sizeof(T));
    const std::size_t keep = size_;
    release();
    data_ = p;
    size_ = keep;
    cap_ = n;
  }
  void push_back(const T& v) {
    if (size_ == cap_) reserve(cap_ ? cap_ * 2 : 16);
    std::memcpy(static_cast<void*>(data_ + size_), &v, sizeof(T));
    ++size_;
  }
  void pop_back() { --size_; }
  void clear() { size_ = 0; }
  // Elements [size(), n) have been written in place (n <= capacity()).
  void set_size(std::size_t n) {
    if (n > cap_) std::abort();
    size_ = n;
  }

 private:
  void release() noexcept {
    if (data_ && owned_) big_free(data_, cap_ * sizeof(T));
    data_ = nullptr;
    size_ = cap_ = 0;
    owned_ = true;
  }
  T* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t cap_ = 0;
  bool owned_ = true;
};

// The bytes of a file: an owning buffer that grows without zero-filling (the bytes are read into
// it). A BigArray of bytes that reads as a string_view.
class BigText {
 public:
  BigText() = default;
  explicit BigText(std::string_view s) {
    resize_uninitialized(s.size());
    if (!s.empty()) std::memcpy(bytes_.data(), s.data(), s.size());
  }

  const char* data() const { return bytes_.data() ? bytes_.data() : ""; }
  char* data() { return bytes_.data(); }
  std::size_t size() const { return bytes_.size(); }
  bool empty() const { return bytes_.empty(); }
  char operator[](std::size_t i) const { return bytes_[i]; }
  operator std::string_view() const { return view(); }
  std::string_view view() const { return std::string_view(data(), size()); }

  // New bytes are left as they are: the caller writes them.
  void resize_uninitialized(std::size_t n) {
    bytes_.reserve(n);
    bytes_.set_size(n);
  }
  void reserve(std::size_t n) { bytes_.reserve(n); }
  void append(const char* s, std::size_t n) {
    if (n == 0) return;
    const std::size_t size = bytes_.size();
    if (size + n > bytes_.capacity()) bytes_.reserve(std::max(size + n, bytes_.capacity() + bytes_.capacity() / 2));
    std::memcpy(bytes_.data() + size, s, n);
    bytes_.set_size(size + n);
  }
  void clear() { bytes_.clear(); }

 private:
  BigArray<char> bytes_;
};

}  // namespace awslint
