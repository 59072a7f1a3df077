#!/usr/bin/env bash
# One command for a first look: installs what is missing, builds awslint and runs it on the bundled
# demo ~/.aws (testdata/demo) with the demo image's environment file.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh" --build-only
cmake -S "$here" -B "$here/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DAWSLINT_TESTS=OFF >/dev/null
cmake --build "$here/build" --target awslint -j"$(nproc)"
echo
echo "\$ awslint --env-file testdata/demo/image.env testdata/demo/.aws"
cd "$here"
set +e
./build/awslint --env-file testdata/demo/image.env --now 2026-06-01T00:00:00Z testdata/demo/.aws
rc=$?
set -e
echo "(exit status $rc: 0 clean, 1 findings, 2 usage or I/O error)"
[ "$rc" -le 1 ]
