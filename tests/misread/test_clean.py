#!/usr/bin/env python3
"""testdata/clean must produce no finding at all, from any rule, in any output format.

    test_clean.py AWSLINT SOURCE_DIR

testdata/clean holds a realistic config and credentials file (SSO sessions, a role chain, static
keys, credential_process, nested s3 blocks, a URL with '#'). The model is checked first (so that a
file misread as empty cannot pass), then `awslint --no-env --no-config` must exit 0 with no finding,
also at --fail-level note, in text and JSON.
"""
import json
import os
import subprocess
import sys

NOW = "2026-06-01T00:00:00Z"


def run(awslint, *args):
    return subprocess.run([awslint, *args], capture_output=True, text=True, timeout=30)


def main():
    awslint, src = sys.argv[1], sys.argv[2]
    clean = os.path.join(src, "testdata", "clean")
    failures = []
    base = ["--no-env", "--no-config", "--now", NOW, "--config", os.path.join(clean, "config"),
            "--credentials", os.path.join(clean, "credentials")]

    r = run(awslint, "dump", *base)
    model = json.loads(r.stdout) if r.returncode == 0 else {}
    profiles = sorted((model.get("config") or {}).get("profiles") or {})
    sessions = sorted((model.get("config") or {}).get("sso_sessions") or {})
    creds = sorted((model.get("credentials") or {}).get("profiles") or {})
    want = (["ci", "default", "deploy", "deploy-audit", "dev", "minio", "prod-readonly"], ["acme"], ["ci", "default"])
    if (profiles, sessions, creds) != want:
        failures.append("dump: profiles %s, sso-sessions %s, credentials %s; expected %s" %
                        (profiles, sessions, creds, want))

    r = run(awslint, "--format", "json", "--fail-level", "note", *base)
    try:
        findings = json.loads(r.stdout)["findings"]
    except (ValueError, KeyError):
        findings = None
        failures.append("json: no report (exit %d): %s" % (r.returncode, r.stderr.strip()))
    if findings:
        for f in findings:
            failures.append("finding: %s:%s:%s: %s: %s [%s %s]" % (f.get("file"), f.get("line"), f.get("column"),
                                                                   f["severity"], f["message"], f["rule"], f["name"]))
    if r.returncode != 0:
        failures.append("json: exit %d at --fail-level note (expected 0)" % r.returncode)

    r = run(awslint, "--no-color", "--fail-level", "note", *base)
    if r.returncode != 0 or "no findings" not in r.stdout:
        failures.append("text: exit %d, output %r" % (r.returncode, r.stdout[-400:]))

    for line in failures:
        print("FAIL " + line)
    print("%s: %s" % (clean, "clean" if not failures else "%d problems" % len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
