#!/usr/bin/env bash
# Runs each libFuzzer harness for SECONDS seconds (ASan + UBSan are built in).
#   tests/fuzz/run.sh SECONDS [BUILD_DIR]      BUILD_DIR defaults to build-fuzz beside tests/
# Build first (scripts/test.sh builds this as build-asan, whose tests also run under the sanitizers):
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
#       -DAWSLINT_FUZZ=ON [-DAWSLINT_TESTS=OFF] && cmake --build build-fuzz
# The seed corpus (tests/fuzz/corpus/<harness>) is copied into BUILD_DIR/fuzz/corpus/<harness>,
# where new inputs accumulate (the repository's corpus is never written). A crash, leak, UB report,
# timeout (-timeout=2 s per input) or out-of-memory (-rss_limit_mb) leaves its input in
# BUILD_DIR/fuzz/artifacts/<harness>/ and makes this script exit 1; minimise it with
#   BUILD_DIR/fuzz_<harness> -minimize_crash=1 -runs=10000 -exact_artifact_path=min ARTIFACT
# and put it in tests/fuzz/regressions/<harness>/ (ctest replays that folder).
# FUZZ_HARNESSES="lexer pipeline" selects harnesses; FUZZ_JOBS=N runs N workers per harness;
# FUZZ_PARALLEL=1|0 runs the harnesses side by side or one after another (default: side by side
# when there is a core per harness).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:?usage: run.sh SECONDS [BUILD_DIR]}
build=${2:-$root/build-fuzz}
harnesses=${FUZZ_HARNESSES:-lexer pipeline}
jobs=${FUZZ_JOBS:-1}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

# One harness: its summary goes to $build/fuzz/$h.summary, its status to $build/fuzz/$h.status.
fuzz_one() {
  local h=$1 bin work art log rc
  bin="$build/tests/fuzz/fuzz_$h"
  [ -x "$bin" ] || bin="$build/fuzz_$h"
  work="$build/fuzz/corpus/$h"
  art="$build/fuzz/artifacts/$h"
  log="$build/fuzz/$h.log"
  mkdir -p "$work" "$art"
  cp -n "$here/corpus/$h"/* "$work"/ 2>/dev/null || true
  {
    echo "==> fuzz_$h for ${seconds}s (corpus $work, log $log)"
    local args=(-max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=2 -max_len=65536
                -dict="$here/ini.dict" -artifact_prefix="$art/" -print_final_stats=1 -use_value_profile=1)
    if [ "$jobs" -gt 1 ]; then args+=(-fork="$jobs" -ignore_crashes=0); fi
    # The regressions first, so that a fixed bug that came back fails at once.
    if compgen -G "$here/regressions/$h/*" >/dev/null; then
      if ! "$bin" -timeout=2 -rss_limit_mb=2048 "$here/regressions/$h"/* >"$build/fuzz/$h.regressions.log" 2>&1; then
        echo "run.sh: fuzz_$h fails on tests/fuzz/regressions/$h (see $build/fuzz/$h.regressions.log)"
        tail -40 "$build/fuzz/$h.regressions.log"
        echo 1 >"$build/fuzz/$h.status"
        return
      fi
    fi
    "$bin" "${args[@]}" "$work" >"$log" 2>&1
    rc=$?
    grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs)' "$log" | sed "s/^/  /"
    if [ $rc -ne 0 ]; then
      echo "run.sh: fuzz_$h FAILED (exit $rc); artifacts in $art:"
      ls -1 "$art"
      grep -E -m1 -A40 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|==ERROR' "$log"
      echo 1 >"$build/fuzz/$h.status"
    else
      echo "  fuzz_$h: no crash in ${seconds}s"
      echo 0 >"$build/fuzz/$h.status"
    fi
  } >"$build/fuzz/$h.summary" 2>&1
}

for h in $harnesses; do
  if [ ! -x "$build/tests/fuzz/fuzz_$h" ] && [ ! -x "$build/fuzz_$h" ]; then
    echo "run.sh: no fuzz_$h in $build (configure with -DAWSLINT_FUZZ=ON and CXX=clang++)" >&2
    exit 2
  fi
done
mkdir -p "$build/fuzz"
# The harnesses run side by side when there is a core for each (FUZZ_PARALLEL=0: one after another),
# so CI spends SECONDS on fuzzing, not SECONDS per harness.
parallel=${FUZZ_PARALLEL:-$([ "$(nproc)" -ge "$(echo $harnesses | wc -w)" ] && echo 1 || echo 0)}
for h in $harnesses; do
  rm -f "$build/fuzz/$h.status"
  if [ "$parallel" = 1 ]; then fuzz_one "$h" & else fuzz_one "$h"; fi
done
wait
status=0
for h in $harnesses; do
  cat "$build/fuzz/$h.summary"
  [ "$(cat "$build/fuzz/$h.status" 2>/dev/null)" = 0 ] || status=1
done
exit $status
