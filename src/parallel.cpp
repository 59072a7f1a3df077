#include "parallel.h"

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace awslint {
namespace {

std::atomic<unsigned> g_jobs{0};

unsigned available_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    const int n = CPU_COUNT(&set);
    if (n > 0) return static_cast<unsigned>(n);
  }
  const unsigned hw = std::thread::hardware_concurrency();
  return hw ? hw : 1;
}

}  // namespace

void set_jobs(unsigned n) { g_jobs.store(n > kMaxJobs ? kMaxJobs : n, std::memory_order_relaxed); }

unsigned jobs() {
  const unsigned n = g_jobs.load(std::memory_order_relaxed);
  if (n) return n;
  static const unsigned cpus = std::min(available_cpus(), kMaxJobs);
  return cpus;
}

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& work) {
  if (threads > n) threads = static_cast<unsigned>(n);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) work(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto run = [&] {
    for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        next.store(n, std::memory_order_relaxed);  // skip what is left
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  try {
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(run);
  } catch (const std::system_error&) {
    // No thread could be started (a tight RLIMIT_NPROC, say): the calling thread does it all.
  }
  run();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace awslint
