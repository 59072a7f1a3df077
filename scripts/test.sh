#!/usr/bin/env bash
# One command for the whole test suite: installs what is missing, builds awslint and its tests, runs
# them through ctest, then again under AddressSanitizer + UndefinedBehaviorSanitizer, then runs each
# libFuzzer harness for a bounded time. .ci/run calls this.
#   scripts/test.sh            everything
#   scripts/test.sh --quick    the release build's ctest only
#   FUZZ_SECONDS=60            time per fuzzer (default 60)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
quick=0
[ "${1:-}" = "--quick" ] && quick=1
jobs=$(nproc)
"$here/scripts/setup.sh"

step() { printf '\n==> %s\n' "$*"; }

step "release build and ctest"
cmake -S "$here" -B "$here/build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$here/build" -j"$jobs"
(cd "$here/build" && ctest --output-on-failure -j"$jobs")
[ "$quick" = 1 ] && exit 0

step "sanitizer build (ASan + UBSan) and ctest"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
cmake -S "$here" -B "$here/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAWSLINT_SANITIZE=ON >/dev/null
cmake --build "$here/build-asan" -j"$jobs"
(cd "$here/build-asan" && ctest --output-on-failure -j"$jobs" -LE no-sanitizer)

if [ -x "$here/tests/fuzz/run.sh" ]; then
  step "fuzzing (${FUZZ_SECONDS:-60} s per harness)"
  CC=clang CXX=clang++ cmake -S "$here" -B "$here/build-fuzz" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DAWSLINT_FUZZ=ON -DAWSLINT_TESTS=OFF >/dev/null
  cmake --build "$here/build-fuzz" -j"$jobs"
  "$here/tests/fuzz/run.sh" "${FUZZ_SECONDS:-60}" "$here/build-fuzz"
fi
step "all tests passed"
