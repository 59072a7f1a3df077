#!/usr/bin/env python3
"""A file with mode 000: refused ('Permission denied'), named, the other input linted. root reads
any file, so as root awslint is run as an unprivileged user (setpriv, else runuser); the test skips,
saying why, when neither can drop privileges here."""
import os
import shutil
import subprocess

from hostile_common import main, Failure


def dropper(c):
    """A command prefix that runs as nobody, or None."""
    if os.geteuid() != 0:
        return ()
    candidates = []
    if shutil.which("setpriv"):
        candidates.append(("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"))
    if shutil.which("runuser"):
        candidates.append(("runuser", "-u", "nobody", "--"))
    for pre in candidates:
        try:
            p = subprocess.run(list(pre) + ["cat", c.path("secret")], capture_output=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if p.returncode != 0 and b"ermission denied" in p.stderr:
            # It can deny; can it also run awslint (binary and its folders reachable for nobody)?
            q = subprocess.run(list(pre) + [c.awslint, "--version"], capture_output=True, timeout=10)
            if q.returncode == 0:
                return pre
    return None


def test(c):
    c.write("secret", b"[default]\nregion = us-east-1\n", mode=0o000)
    pre = dropper(c)
    if pre is None:
        return ("running as root and neither setpriv nor runuser can drop to an unprivileged user "
                "that is denied a mode-000 file and can run awslint")
    orig = c.run

    def run(*args, **kw):
        kw.setdefault("prefix", pre)
        return orig(*args, **kw)

    c.run = run
    c.good_pair()
    c.refused_everywhere("secret", "permission denied")
    # An unreadable folder in the way: ~/.aws is mode 000.
    os.makedirs(c.path("locked"))
    c.write("locked/config", b"[default]\n")
    os.chmod(c.path("locked"), 0)
    try:
        r = c.run("--config", "locked/config", "--credentials", "good-credentials", "--format", "json")
        c.expect_rc(r, 1, 2)
        c.expect_error_naming(r, "locked/config", "permission denied")
        c.expect_finding(r, "good-credentials", "AWS002", 4)
    finally:
        os.chmod(c.path("locked"), 0o755)


main(test)
