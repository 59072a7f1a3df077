#!/usr/bin/env bash
# The sarif_fixtures test: runs `awslint --format sarif --no-env --now 2026-01-01T00:00:00Z FIXTURE`
# over every fixture under testdata/ and validates each report with validate.sh, plus the golden
# SARIF files (testdata/golden/*.sarif) and runs over testdata/golden/inputs with a process
# environment (so that environment findings, which have no file, are covered).
#
# Fixtures, found when the test runs: every entry (file or directory) of testdata/rules/*/, and
# every other directory under testdata/ that holds a `config` or `credentials` file. Hidden files,
# *.md and *.sarif are not fixtures.
#
# Usage: run_fixtures.sh AWSLINT SOURCE_DIR
# Exit: 0 all valid; 1 an invalid report or a crash; 77 (skip) when tests/sarif/node_modules is
# missing and CI is unset (in CI a missing install fails).
set -u

awslint=$1
src=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [ ! -d "$here/node_modules" ]; then
  if [ -z "${CI:-}" ]; then
    echo "skipped: tests/sarif/node_modules is missing (npm ci --prefix tests/sarif)"
    exit 77
  fi
  echo "error: tests/sarif/node_modules is missing in CI: run 'npm ci --prefix tests/sarif'"
  exit 1
fi

cd "$src" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fixtures=()
if [ -d testdata/rules ]; then
  while IFS= read -r -d '' f; do
    case "$(basename "$f")" in .* | *.md | *.sarif) continue ;; esac
    fixtures+=("$f")
  done < <(find testdata/rules -mindepth 2 -maxdepth 2 -print0 | sort -z)
fi
if [ -d testdata ]; then
  while IFS= read -r -d '' d; do
    case "$d" in testdata/rules/*) continue ;; esac
    if [ -f "$d/config" ] || [ -f "$d/credentials" ]; then fixtures+=("$d"); fi
  done < <(find testdata -mindepth 1 -type d -print0 | sort -z)
fi

status=0
reports=()
run() {  # run LABEL ENV... -- ARGS...
  local label=$1
  shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  local out="$tmp/$(printf '%s' "$label" | tr '/ ' '__').sarif"
  env -i PATH="$PATH" HOME="$tmp/home" LC_ALL=C.UTF-8 "${envs[@]}" "$awslint" --format sarif --now 2026-01-01T00:00:00Z "$@" \
    >"$out" 2>"$tmp/stderr"
  local rc=$?
  if [ $rc -gt 2 ]; then
    echo "$label: awslint exited with $rc"
    cat "$tmp/stderr"
    status=1
  elif [ ! -s "$out" ]; then
    echo "$label: no SARIF (exit $rc): $(head -c 300 "$tmp/stderr")"
  else
    reports+=("$out")
  fi
}

for f in "${fixtures[@]}"; do run "$f" -- --no-env "$f"; done
if [ -d testdata/golden/inputs ]; then
  # The process environment: a selected profile that does not exist, partial static credentials.
  run "testdata/golden/inputs (environment)" AWS_PROFILE=no-such-profile AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE \
    AWS_REGION=us-east-1 -- testdata/golden/inputs
  run "testdata/golden/inputs (AWS_DEFAULT_PROFILE)" AWS_DEFAULT_PROFILE=dev -- testdata/golden/inputs
fi
for g in testdata/golden/*.sarif; do [ -f "$g" ] && reports+=("$g"); done

echo "sarif_fixtures: ${#fixtures[@]} fixture(s), ${#reports[@]} SARIF report(s) to validate"
if [ ${#reports[@]} -eq 0 ]; then
  echo "error: nothing to validate"
  exit 1
fi
# Label the reports by what produced them.
bash "$here/validate.sh" "${reports[@]}" 2>&1 | sed "s|$tmp/||g"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
exit $status
