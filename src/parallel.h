// Threads for big inputs. A 100,000-profile config is lexed in parts and its rules run side by
// side; a small one (every typical ~/.aws) never starts a thread, so its cost and its output are
// exactly those of the serial code. The output never depends on the number of threads.
#pragma once

#include <cstddef>
#include <functional>

namespace awslint {

// How many threads a big input may use: `--jobs N` (1 = never start a thread); 0, the default,
// means the CPUs this process may run on (sched_getaffinity), at most kMaxJobs.
constexpr unsigned kMaxJobs = 8;
void set_jobs(unsigned n);
unsigned jobs();

// Inputs below this many bytes are handled on the calling thread alone: starting a thread costs
// more than it saves there.
constexpr std::size_t kParallelMinBytes = std::size_t{1} << 20;
// The threads for work on an input of `bytes` bytes: jobs() from kParallelMinBytes on, else 1.
inline unsigned threads_for(std::size_t bytes) { return bytes >= kParallelMinBytes ? jobs() : 1; }

// Runs work(i) for i in [0, n) on up to `threads` threads (the calling thread is one of them),
// taking items in order; returns when all are done. An exception from work is rethrown here (the
// first one; the remaining items are skipped).
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& work);

}  // namespace awslint
