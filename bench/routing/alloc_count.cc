// Counts live heap bytes allocated through operator new in this binary, so
// the benchmark can report engine memory per agent and per waiting contact.
// The benchmark is single-threaded; the counter is a plain integer. Aligned
// forms are counted too (memory from aligned_alloc is freed with free).
#include <malloc.h>

#include <cstdlib>
#include <new>

namespace tamas::bench {
long long g_live_bytes = 0;
}

void* operator new(std::size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  tamas::bench::g_live_bytes += static_cast<long long>(malloc_usable_size(p));
  return p;
}
void* operator new[](std::size_t n) {
  return operator new(n);
}
void operator delete(void* p) noexcept {
  if (!p) return;
  tamas::bench::g_live_bytes -= static_cast<long long>(malloc_usable_size(p));
  std::free(p);
}
void operator delete[](void* p) noexcept {
  operator delete(p);
}
void operator delete(void* p, std::size_t) noexcept {
  operator delete(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  operator delete(p);
}
// Over-aligned types (the engine's cache-line-aligned contact table).
void* operator new(std::size_t n, std::align_val_t al) {
  void* p =
      std::aligned_alloc(static_cast<std::size_t>(al), (n + static_cast<std::size_t>(al) - 1) &
                                                           ~(static_cast<std::size_t>(al) - 1));
  if (!p) throw std::bad_alloc();
  tamas::bench::g_live_bytes += static_cast<long long>(malloc_usable_size(p));
  return p;
}
void* operator new[](std::size_t n, std::align_val_t al) {
  return operator new(n, al);
}
void operator delete(void* p, std::align_val_t) noexcept {
  operator delete(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
  operator delete(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  operator delete(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
  operator delete(p);
}
