#!/usr/bin/python3
"""Differential test: awslint reads config/credentials files exactly as the AWS CLI v2 does.

    run_diff.py --awslint BIN [--seed S] [--count N] [--cases DIR] [--jobs J] [--keep DIR]

Generates N file pairs (gen_pairs.py, default 2000) and adds every hand-written case under
tests/differential/cases/<name>/. For each pair it compares what the CLI reads (oracle.py: Debian
awscli 2.9.19's bundled botocore, in-process) with
    BIN dump --show-secrets --no-env --config DIR/config --credentials DIR/credentials
as parsed JSON: the "config" and "credentials" objects must be equal, except that an error is only
compared as "is an error" (the messages differ). Prints "compared N pairs, D disagreements", how
many files the CLI rejects, and for each disagreement the pair, the first differing JSON path and
the two values there. Exit status 1 if D > 0 (2 on a usage or set-up error).

Must run with /usr/bin/python3 (the oracle imports the Debian botocore); the file decoding needs a
UTF-8 locale, so the script re-executes itself with LC_ALL=C.UTF-8 when the locale is not UTF-8.
"""
import argparse
import concurrent.futures
import locale
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def ensure_utf8_locale():
    if locale.getpreferredencoding(False).lower().replace("-", "") != "utf8" and \
            os.environ.get("AWSLINT_DIFF_REEXEC") != "1":
        env = dict(os.environ, LC_ALL="C.UTF-8", AWSLINT_DIFF_REEXEC="1")
        os.execve(sys.executable, [sys.executable] + sys.argv, env)


ensure_utf8_locale()
sys.path.insert(0, HERE)
import gen_pairs  # noqa: E402
from common import compare_model, run_dump, short  # noqa: E402
try:
    import oracle  # noqa: E402
except (ImportError, RuntimeError) as exc:
    sys.exit("run_diff: the oracle needs Debian's awscli 2.9.19 (apt-get install awscli) run by "
             "/usr/bin/python3 in a UTF-8 locale: %s" % exc)


class Tally:
    def __init__(self):
        self.compared = 0
        self.disagreements = []  # (label, dir, message lines)
        self.rejected = {"config": 0, "credentials": 0, "pair": 0}

    def check(self, label, d, expected, actual, err):
        self.compared += 1
        rej = [k for k in ("config", "credentials") if "error" in expected[k]]
        for k in rej:
            self.rejected[k] += 1
        self.rejected["pair"] += bool(rej)
        if err:
            self.disagreements.append((label, d, ["awslint failed: " + err]))
            return
        lines = []
        for side in ("config", "credentials"):
            diff = compare_model(expected[side], actual.get(side) if isinstance(actual, dict) else None,
                                 "$." + side)
            if diff:
                p, e, a = diff
                lines.append("%s: CLI %s | awslint %s" % (p, short(e), short(a)))
        if lines:
            self.disagreements.append((label, d, lines))


def pair_paths(d):
    return os.path.join(d, "config"), os.path.join(d, "credentials")


def run(binary, items, jobs):
    """items: (label, dir). Oracle in this process, awslint in a small thread pool."""
    tally = Tally()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = []
        for label, d in items:
            cfg, creds = pair_paths(d)
            futures.append((label, d, pool.submit(run_dump, binary, ["--config", cfg, "--credentials", creds])))
        for label, d, fut in futures:
            expected = oracle.read(*pair_paths(d))
            actual, err = fut.result()
            tally.check(label, d, expected, actual, err)
    return tally


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--awslint", required=True, help="the awslint executable")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=2000, help="generated pairs (0: hand-written cases only)")
    ap.add_argument("--cases", default=os.path.join(HERE, "cases"), help="hand-written cases (a dir of dirs)")
    ap.add_argument("--jobs", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    ap.add_argument("--keep", help="copy the pairs that disagree into this directory")
    ap.add_argument("--max-report", type=int, default=50, help="disagreements printed in full")
    a = ap.parse_args()
    if not os.access(a.awslint, os.X_OK):
        print("run_diff: not an executable: %s" % a.awslint, file=sys.stderr)
        return 2

    tmp = tempfile.mkdtemp(prefix="awslint-diff-")
    try:
        items = []
        if os.path.isdir(a.cases):
            for name in sorted(os.listdir(a.cases)):
                d = os.path.join(a.cases, name)
                if os.path.isdir(d):
                    items.append(("case " + name, d))
        ncases = len(items)
        for i, d in enumerate(gen_pairs.write_pairs(a.seed, a.count, tmp)):
            items.append(("pair %d-%d" % (a.seed, i), d))
        tally = run(a.awslint, items, a.jobs)

        print("compared %d pairs (%d hand-written cases, %d generated with seed %d), %d disagreements"
              % (tally.compared, ncases, tally.compared - ncases, a.seed, len(tally.disagreements)))
        print("the CLI rejects: %d config files, %d credentials files; %d pairs have a rejected file"
              % (tally.rejected["config"], tally.rejected["credentials"], tally.rejected["pair"]))
        for label, d, lines in tally.disagreements[:a.max_report]:
            print("DISAGREE %s (%s)" % (label, d if label.startswith("case") else
                                       "gen_pairs.py --seed %d --count %d" % (a.seed, int(label.split("-")[-1]) + 1)))
            for line in lines:
                print("  " + line)
        if len(tally.disagreements) > a.max_report:
            print("... and %d more" % (len(tally.disagreements) - a.max_report))
        if a.keep and tally.disagreements:
            os.makedirs(a.keep, exist_ok=True)
            for label, d, _ in tally.disagreements:
                dest = os.path.join(a.keep, label.split(" ", 1)[1])
                shutil.rmtree(dest, ignore_errors=True)
                shutil.copytree(d, dest, symlinks=True)
            print("disagreeing pairs copied to %s" % a.keep)
        return 1 if tally.disagreements else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
