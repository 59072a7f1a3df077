#!/usr/bin/env bash
# Runs each libFuzzer harness for SECONDS seconds (ASan + UBSan are built in).
#   tests/fuzz/run.sh SECONDS [BUILD_DIR]      BUILD_DIR defaults to build-fuzz beside tests/
# Build first:
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
#       -DAWSLINT_FUZZ=ON -DAWSLINT_TESTS=OFF && cmake --build build-fuzz
# The seed corpus (tests/fuzz/corpus/<harness>) is copied into BUILD_DIR/fuzz/corpus/<harness>,
# where new inputs accumulate (the repository's corpus is never written). A crash, leak, UB report,
# timeout (-timeout=2 s per input) or out-of-memory (-rss_limit_mb) leaves its input in
# BUILD_DIR/fuzz/artifacts/<harness>/ and makes this script exit 1; minimise it with
#   BUILD_DIR/fuzz_<harness> -minimize_crash=1 -runs=10000 -exact_artifact_path=min ARTIFACT
# and put it in tests/fuzz/regressions/<harness>/ (ctest replays that folder).
# FUZZ_HARNESSES="lexer pipeline" selects harnesses; FUZZ_JOBS=N runs N workers per harness.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:?usage: run.sh SECONDS [BUILD_DIR]}
build=${2:-$root/build-fuzz}
harnesses=${FUZZ_HARNESSES:-lexer pipeline}
jobs=${FUZZ_JOBS:-1}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

status=0
for h in $harnesses; do
  bin="$build/tests/fuzz/fuzz_$h"
  [ -x "$bin" ] || bin="$build/fuzz_$h"
  if [ ! -x "$bin" ]; then
    echo "run.sh: no fuzz_$h in $build (configure with -DAWSLINT_FUZZ=ON and CXX=clang++)" >&2
    exit 2
  fi
  work="$build/fuzz/corpus/$h"
  art="$build/fuzz/artifacts/$h"
  mkdir -p "$work" "$art"
  cp -n "$here/corpus/$h"/* "$work"/ 2>/dev/null || true
  log="$build/fuzz/$h.log"
  echo "==> fuzz_$h for ${seconds}s (corpus $work, log $log)"
  args=(-max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=2 -max_len=65536
        -dict="$here/ini.dict" -artifact_prefix="$art/" -print_final_stats=1 -use_value_profile=1)
  if [ "$jobs" -gt 1 ]; then args+=(-fork="$jobs" -ignore_crashes=0); fi
  # The regressions first, so that a fixed bug that came back fails at once.
  if compgen -G "$here/regressions/$h/*" >/dev/null; then
    if ! "$bin" -timeout=2 -rss_limit_mb=2048 "$here/regressions/$h"/* >"$build/fuzz/$h.regressions.log" 2>&1; then
      echo "run.sh: fuzz_$h fails on tests/fuzz/regressions/$h (see $build/fuzz/$h.regressions.log)" >&2
      tail -40 "$build/fuzz/$h.regressions.log" >&2
      status=1
      continue
    fi
  fi
  "$bin" "${args[@]}" "$work" >"$log" 2>&1
  rc=$?
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs)' "$log" | sed "s/^/  /"
  if [ $rc -ne 0 ]; then
    status=1
    echo "run.sh: fuzz_$h FAILED (exit $rc); artifacts in $art:" >&2
    ls -1 "$art" >&2
    grep -E -m1 -A40 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|==ERROR' "$log" >&2
  else
    echo "  fuzz_$h: no crash in ${seconds}s"
  fi
done
exit $status
