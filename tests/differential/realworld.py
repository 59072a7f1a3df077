#!/usr/bin/python3
"""Real-world files: awslint reads the 201 files of shared/realworld exactly as the AWS CLI v2 does.

    realworld.py --awslint BIN [--dir DIR]

DIR (default: <repo>/../shared/realworld, i.e. shared/ beside the clone) holds one folder per file
with `config` or `credentials` and expected.botocore.json, what Debian awscli 2.9.19 reads from it:
load_config's result for a config file (its "profiles" and "sso_sessions" are compared with
awslint's config model), raw_config_parse's dict for a credentials file (compared with awslint's
credentials.profiles); an expected object with "error" means awslint must report an error too.
Runs `BIN dump --show-secrets --no-env --config F` (or `--credentials F`). Exit status: 0 all agree,
1 disagreements, 2 usage error, 77 (skip) when DIR does not exist.
"""
import argparse
import concurrent.futures
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import compare_model, run_dump, short  # noqa: E402

REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_DIR = os.path.normpath(os.path.join(REPO, "..", "shared", "realworld"))
SKIP = 77


def check_one(binary, folder):
    """(kind, expected rejects?, list of disagreement lines)."""
    expected = json.load(open(os.path.join(folder, "expected.botocore.json"), encoding="utf-8"))
    kind = "config" if os.path.exists(os.path.join(folder, "config")) else "credentials"
    path = os.path.join(folder, kind)
    actual, err = run_dump(binary, ["--" + kind, path])
    if err:
        return kind, "error" in expected, ["awslint failed: " + err]
    side = actual.get(kind) if isinstance(actual, dict) else None
    if kind == "config":
        want = expected if "error" in expected else \
            {"profiles": expected["profiles"], "sso_sessions": expected["sso_sessions"]}
        if isinstance(side, dict) and "error" not in side:
            side = {k: side.get(k) for k in ("profiles", "sso_sessions")}
        diff = compare_model(want, side, "$.config")
    else:
        want = expected if "error" in expected else {"profiles": expected}
        if isinstance(side, dict) and "error" not in side:
            side = {"profiles": side.get("profiles")}
        diff = compare_model(want, side, "$.credentials")
    if diff is None:
        return kind, "error" in expected, []
    p, e, a = diff
    return kind, "error" in expected, ["%s: CLI %s | awslint %s" % (p, short(e), short(a))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--awslint", required=True)
    ap.add_argument("--dir", default=DEFAULT_DIR)
    ap.add_argument("--jobs", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    a = ap.parse_args()
    if not os.path.isdir(a.dir):
        print("realworld: skipped, no real-world corpus at %s (pass --dir; CI keeps shared/ beside the clone)"
              % a.dir)
        return SKIP
    if not os.access(a.awslint, os.X_OK):
        print("realworld: not an executable: %s" % a.awslint, file=sys.stderr)
        return 2
    folders = sorted(os.path.join(a.dir, n) for n in os.listdir(a.dir)
                     if os.path.isfile(os.path.join(a.dir, n, "expected.botocore.json")))
    if not folders:
        print("realworld: no folder with expected.botocore.json in %s" % a.dir, file=sys.stderr)
        return 2
    counts = {"config": 0, "credentials": 0, "rejected": 0}
    bad = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        results = [(f, pool.submit(check_one, a.awslint, f)) for f in folders]
        for folder, fut in results:
            kind, rejected, lines = fut.result()
            counts[kind] += 1
            counts["rejected"] += rejected
            if lines:
                bad.append((folder, lines))
    print("compared %d real-world files (%d config, %d credentials; the CLI rejects %d), %d disagreements"
          % (len(folders), counts["config"], counts["credentials"], counts["rejected"], len(bad)))
    for folder, lines in bad:
        print("DISAGREE %s" % os.path.basename(folder))
        for line in lines:
            print("  " + line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
