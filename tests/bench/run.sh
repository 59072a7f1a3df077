#!/usr/bin/env bash
# awslint performance benchmark: awslint vs the AWS CLI v2 vs wc -l on generated configs of
# 10 to 100,000 profiles. A script, not a test: prints figures, exits 0 (1 with --check on a
# missed target, 2 if something crashed). Options: --awslint BIN, --reps N, --sizes LIST,
# --cache DIR, --no-cli, --cli-reps-large N, --check. See tests/bench/README.md.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exec python3 "$here/bench.py" "$@"
