#!/usr/bin/env python3
"""What awslint finds in the real-world corpus: per-rule counts and every finding, for the README.

    realworld_findings.py --awslint BIN [--dir DIR] [--rules ID,...] [--markdown] [--check]

DIR (default: <repo>/../shared/realworld, i.e. shared/ beside the clone) holds one folder per file,
each with a `config` or a `credentials` file. Each file is linted on its own, as the CLI would read
it with no environment: `BIN --format json --no-env --no-config --now 2026-06-01T00:00:00Z
--config F` (or `--credentials F`), from DIR, so findings name `NNN-repo/config`.

Prints a table of findings per rule (findings, files) and then every finding, grouped by rule;
with --markdown both as Markdown. --rules limits the output to some rules (ids or names).
--check also fails (exit 1) when awslint crashes or exits with 2 on a file, or when a message
carries a secret: the corpus masks secrets as runs of `X`, and no message may hold such a run.
Exit status: 0, 1 (--check failed), 2 usage error, 77 (skip) when DIR does not exist.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_DIR = os.path.normpath(os.path.join(REPO, "..", "shared", "realworld"))
NOW = "2026-06-01T00:00:00Z"
SKIP = 77
# The corpus replaces secrets by X's of the same length (and key ids by AKIAXXXXXXXXXXXXXXXX): a run
# this long in a message is a secret that got out. Masked key ids ("AKIA…XXXX") are fine.
SECRET_RUN = re.compile(r"X{12,}")


def lint(binary, root, folder):
    """(relative file path, findings or None, problem or None)."""
    kind = "config" if os.path.exists(os.path.join(root, folder, "config")) else "credentials"
    rel = os.path.join(folder, kind)
    cmd = [binary, "--format", "json", "--no-env", "--no-config", "--now", NOW, "--" + kind, rel]
    try:
        r = subprocess.run(cmd, cwd=root, capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return rel, None, "timed out"
    if r.returncode not in (0, 1):
        return rel, None, "exit %d: %s" % (r.returncode, r.stderr.decode("utf-8", "replace").strip()[:300])
    try:
        return rel, json.loads(r.stdout)["findings"], None
    except (ValueError, KeyError) as e:
        return rel, None, "bad JSON (%s)" % e


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--awslint", required=True)
    ap.add_argument("--dir", default=DEFAULT_DIR)
    ap.add_argument("--rules", default="", help="comma-separated rule ids or names (default: all)")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--jobs", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    a = ap.parse_args()
    if not os.path.isdir(a.dir):
        print("skipped: %s does not exist" % a.dir)
        return SKIP
    binary = os.path.abspath(a.awslint)
    wanted = {r.strip() for r in a.rules.split(",") if r.strip()}
    folders = sorted(d for d in os.listdir(a.dir) if os.path.isdir(os.path.join(a.dir, d)) and
                     any(os.path.exists(os.path.join(a.dir, d, k)) for k in ("config", "credentials")))
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        results = list(pool.map(lambda d: lint(binary, a.dir, d), folders))

    problems = []
    by_rule = collections.defaultdict(list)
    names = {}
    for rel, findings, problem in results:
        if problem:
            problems.append("%s: %s" % (rel, problem))
            continue
        for f in findings:
            if wanted and f["rule"] not in wanted and f["name"] not in wanted:
                continue
            names[f["rule"]] = f["name"]
            by_rule[f["rule"]].append(f)
            if SECRET_RUN.search(f.get("message", "")) or any(
                    SECRET_RUN.search(r.get("message", "")) for r in f.get("related", [])):
                problems.append("%s:%s: a message holds a secret [%s]" % (rel, f.get("line"), f["rule"]))

    total = sum(len(v) for v in by_rule.values())
    print("%d files, %d findings" % (len(folders), total))
    print()
    if a.markdown:
        print("| rule | name | findings | files |")
        print("|---|---|---:|---:|")
    for rule in sorted(by_rule):
        fs = by_rule[rule]
        nfiles = len({f.get("file") for f in fs})
        if a.markdown:
            print("| %s | %s | %d | %d |" % (rule, names[rule], len(fs), nfiles))
        else:
            print("%-7s %-32s %4d findings in %3d files" % (rule, names[rule], len(fs), nfiles))
    for rule in sorted(by_rule):
        print()
        print(("### %s %s" if a.markdown else "== %s %s") % (rule, names[rule]))
        if a.markdown:
            print()
        for f in by_rule[rule]:
            loc = "%s:%s:%s" % (f.get("file") or "<environment>", f.get("line") or 0, f.get("column") or 0)
            print(("- `%s`: %s: %s" if a.markdown else "%s: %s: %s") % (loc, f["severity"], f["message"]))
    if problems:
        print()
        print("problems:")
        for p in problems:
            print("  " + p)
    return 1 if a.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
