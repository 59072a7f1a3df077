#!/usr/bin/env bash
# Validates SARIF files the way GitHub code scanning would see them:
#   1. the SARIF 2.1.0 JSON schema (ajv-cli, draft 2020-12, with ajv-formats; the schema file is
#      the one the multitool package ships), and
#   2. the SARIF multitool's rules for SARIF and for GitHub ingestion (--rule-kind "Gh;Sarif").
# Usage: tests/sarif/validate.sh FILE...
# Prints every problem; exits 1 when any file has a schema error or a multitool error-level
# result, 3 when the tools are not installed (npm ci --prefix tests/sarif), 2 on usage errors.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
nm="$here/node_modules"
multitool="$nm/@microsoft/sarif-multitool-linux/Sarif.Multitool"
schema="$nm/@microsoft/sarif-multitool-linux/sarif-2.1.0.json"
ajv="$nm/.bin/ajv"

if [ $# -eq 0 ]; then
  echo "usage: $0 FILE..." >&2
  exit 2
fi
for tool in "$multitool" "$schema" "$ajv"; do
  if [ ! -e "$tool" ]; then
    echo "validate.sh: $tool is missing: run 'npm ci --prefix tests/sarif'" >&2
    exit 3
  fi
done
# npm may skip the package's postinstall (chmod u+x) when install scripts are not allowed.
[ -x "$multitool" ] || chmod u+x "$multitool" 2>/dev/null || true

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The multitool is a .NET program: no ICU needed, no telemetry.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# AWSLINT_TEST_CACHE=DIR (scripts/test.sh sets it for one run of the suite): the verdict "valid" is
# remembered per file content (sha256) and validator version, so the sanitizer build's SARIF, which
# is byte for byte the release build's, is not validated twice. Only "valid" is remembered; a file
# with any problem is always validated and reported again.
cache=
if [ -n "${AWSLINT_TEST_CACHE:-}" ]; then
  cache="$AWSLINT_TEST_CACHE/sarif-valid/$(sha256sum "$here/package-lock.json" | cut -c1-16)"
  mkdir -p "$cache"
fi

# Copies named N.json (ajv-cli picks its parser by extension), and the map back to the names
# (NUL-separated pairs turned into map.json by one node process, not one per file).
status=0
ajv_args=()
copies=()
hashes=()
n=0
known=0
: >"$tmp/map.bin"
for file in "$@"; do
  if [ ! -f "$file" ]; then
    echo "$file: no such file"
    status=1
    continue
  fi
  if [ -n "$cache" ]; then
    h=$(sha256sum <"$file" | cut -d' ' -f1)
    if [ -e "$cache/$h" ]; then known=$((known + 1)); continue; fi
    hashes+=("$h")
  fi
  n=$((n + 1))
  cp "$file" "$tmp/$n.json"
  ajv_args+=(-d "$tmp/$n.json")
  copies+=("$tmp/$n.json")
  printf '%s\0%s\0' "$tmp/$n.json" "$file" >>"$tmp/map.bin"
done
if [ $n -eq 0 ]; then
  [ $known -gt 0 ] && [ $status -eq 0 ] && echo "validate.sh: $known SARIF file(s) valid (validated before, same content)"
  [ $known -gt 0 ] && exit $status
  exit 1
fi
node -e '
  const parts = require("fs").readFileSync(process.argv[1], "utf8").split("\0");
  const map = {};
  for (let i = 0; i + 1 < parts.length; i += 2) map[parts[i]] = parts[i + 1];
  require("fs").writeFileSync(process.argv[2], JSON.stringify(map) + "\n");
' "$tmp/map.bin" "$tmp/map.json"

"$ajv" validate --spec=draft2020 -c ajv-formats --strict=false --all-errors --errors=text \
  -s "$schema" "${ajv_args[@]}" >"$tmp/ajv.txt" 2>&1
ajv_code=$?

if ! "$multitool" validate --rule-kind "Gh;Sarif" --output "$tmp/multitool.sarif" "${copies[@]}" \
    >"$tmp/multitool.txt" 2>&1 || [ ! -s "$tmp/multitool.sarif" ]; then
  echo "validate.sh: the SARIF multitool failed:"
  cat "$tmp/multitool.txt"
  exit 1
fi

node "$here/report.js" "$tmp" "$ajv_code" || status=1
if [ $status -eq 0 ]; then
  if [ -n "$cache" ]; then for h in "${hashes[@]}"; do : >"$cache/$h"; done; fi
  if [ $known -gt 0 ]; then
    echo "validate.sh: $n SARIF file(s) valid, and $known validated before with the same content"
  else
    echo "validate.sh: $n SARIF file(s) valid"
  fi
fi
exit $status
