#!/usr/bin/env bash
# One command for the whole test suite: installs what is missing, builds awslint and its tests, runs
# them through ctest (release build), then builds them again with clang under AddressSanitizer +
# UndefinedBehaviorSanitizer (+ libstdc++ assertions) and runs the same suite there, then runs each
# libFuzzer harness, built in that same sanitizer build, for a bounded time. .ci/run calls this.
#   scripts/test.sh            everything
#   scripts/test.sh --quick    the release build's ctest only
#   FUZZ_SECONDS=60            fuzzing time (the harnesses run side by side; default 60)
# Each step prints how long it took, and the end prints the total.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
quick=0
[ "${1:-}" = "--quick" ] && quick=1
jobs=$(nproc)
start=$SECONDS
last=$SECONDS
step() {
  printf '\n==> %s  [previous step %ds, total %ds]\n' "$*" $((SECONDS - last)) $((SECONDS - start))
  last=$SECONDS
}

step "set-up (scripts/setup.sh)"
"$here/scripts/setup.sh"

# The references (the real CLI, botocore, the SARIF validators) give the same answer to the same
# question in both builds' runs: tests remember them here for this run of the suite only.
export AWSLINT_TEST_CACHE="$here/build/test-cache"
rm -rf "$AWSLINT_TEST_CACHE"

step "release build"
cmake -S "$here" -B "$here/build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$here/build" -j"$jobs"
step "release ctest"
(cd "$here/build" && ctest --output-on-failure -j"$jobs")
if [ "$quick" = 1 ]; then step "done (--quick)"; exit 0; fi

# One clang build serves both the sanitizer test run and the fuzzers (-DAWSLINT_FUZZ=ON adds the
# libFuzzer harnesses and coverage instrumentation; the tests do not notice it).
step "sanitizer build (clang; ASan + UBSan; libFuzzer harnesses)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# -O1 and line tables only: the sanitizers' reports keep file:line, the build takes half the time.
CC=clang CXX=clang++ cmake -S "$here" -B "$here/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" -DAWSLINT_SANITIZE=ON -DAWSLINT_FUZZ=ON >/dev/null
cmake --build "$here/build-asan" -j"$jobs"
step "sanitizer ctest"
(cd "$here/build-asan" && ctest --output-on-failure -j"$jobs" -LE no-sanitizer)

step "fuzzing (${FUZZ_SECONDS:-60} s, harnesses side by side)"
unset ASAN_OPTIONS UBSAN_OPTIONS  # run.sh sets its own (stack-use-after-return too)
"$here/tests/fuzz/run.sh" "${FUZZ_SECONDS:-60}" "$here/build-asan"
step "all tests passed"
