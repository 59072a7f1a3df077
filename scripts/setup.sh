#!/usr/bin/env bash
# Installs what awslint's build and test suite need on a Debian machine, and nothing that is
# already there: the Debian packages in scripts/apt-packages.txt, and (for the test suite) the npm
# packages of tests/sarif. Usage: scripts/setup.sh [--build-only]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build_only=0
[ "${1:-}" = "--build-only" ] && build_only=1

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup: run as root or install sudo" >&2; exit 2; }
  sudo_cmd=(sudo)
fi

# The build needs these; the tests need the rest of the list too.
build_pkgs=(build-essential cmake ninja-build pkg-config libcli11-dev libfmt-dev libre2-dev catch2 libinih-dev python3)
mapfile -t all_pkgs < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$here/scripts/apt-packages.txt" | grep -v '^$')
if [ "$build_only" = 1 ]; then pkgs=("${build_pkgs[@]}"); else pkgs=("${all_pkgs[@]}"); fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "$build_only" = 0 ] && ! command -v npm >/dev/null 2>&1; then missing+=(nodejs npm); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: all Debian packages present"
fi

if [ "$build_only" = 0 ] && [ -f "$here/tests/sarif/package.json" ]; then
  if [ ! -d "$here/tests/sarif/node_modules" ] || [ "$here/tests/sarif/package-lock.json" -nt "$here/tests/sarif/node_modules" ]; then
    echo "setup: npm ci in tests/sarif"
    (cd "$here/tests/sarif" && npm ci --no-audit --no-fund --prefer-offline --loglevel=error)
    touch "$here/tests/sarif/node_modules"
  fi
fi
