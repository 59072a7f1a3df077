#!/usr/bin/env bash
# Where does awslint spend its time? Runs it once under callgrind on the generated
# 100,000-profile config and prints the top functions, self cost and inclusive cost.
#   tests/bench/profile.sh [--awslint BIN] [--profiles N] [--top N] [--build]
# --build configures and builds a RelWithDebInfo awslint in build-bench-prof/ and profiles that
# (function names and source lines survive; a plain Release build only has symbol names).
# The callgrind file is kept (path printed) for kcachegrind / callgrind_annotate --auto=yes.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${AWSLINT:-} profiles=100000 top=25 build=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --awslint) bin=$2; shift 2 ;;
    --profiles) profiles=$2; shift 2 ;;
    --top) top=$2; shift 2 ;;
    --build) build=1; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "profile.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v valgrind >/dev/null || { echo "profile.sh: needs valgrind (apt-get install -y valgrind)" >&2; exit 2; }
if [[ $build == 1 ]]; then
  cmake -S "$root" -B "$root/build-bench-prof" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAWSLINT_TESTS=OFF >/dev/null
  cmake --build "$root/build-bench-prof" -j2 --target awslint >/dev/null
  bin=$root/build-bench-prof/awslint
fi
if [[ -z $bin ]]; then
  for c in "$root/build/awslint" "$root/build-bench/awslint"; do
    [[ -x $c ]] && { bin=$c; break; }
  done
fi
[[ -n $bin && -x $bin ]] || { echo "profile.sh: no awslint binary (build it, or --awslint BIN, or --build)" >&2; exit 2; }

dir=$(python3 "$here/gen_config.py" --profiles "$profiles" --cache)
out=${TMPDIR:-/tmp}/awslint-callgrind.$profiles.$$.out
echo "profiling: $bin --no-env --now 2026-01-01T00:00:00Z --format text $dir" >&2
set +e
env -u AWS_PROFILE LC_ALL=C valgrind --tool=callgrind --callgrind-out-file="$out" \
  "$bin" --no-env --now 2026-01-01T00:00:00Z --format text "$dir" >/dev/null 2>"$out.log"
rc=$?
set -e
if [[ $rc -gt 1 ]]; then
  echo "profile.sh: awslint exited with $rc under valgrind:" >&2; tail -20 "$out.log" >&2; exit 2
fi
total=$(grep -m1 '^summary:' "$out" | awk '{print $2}')
echo "total instructions: $total   (callgrind file: $out)"
echo
# The function lines of callgrind_annotate's report ("1,234 (12.34%)  file:function [object]").
top_lines() { awk -v n="$top" '/PROGRAM TOTALS/ {next} /^ *[0-9,]+ +\( *[0-9.]+%\)/ && c < n {print; c++}'; }
echo "== top $top functions by self cost (exclusive) =="
callgrind_annotate --threshold=100 "$out" 2>/dev/null | top_lines
echo
echo "== top $top functions by inclusive cost =="
callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null | top_lines
