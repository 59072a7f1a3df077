#!/usr/bin/env python3
"""100,000 sections (and 100,000 keys in one section, 100,000 credentials profiles, a 100,000-deep
source_profile chain, 100,000 profiles named by AWS_PROFILE-like lookups): each run in well under
the limit, and a finding at the very end is still found at the right line."""
from hostile_common import main

N = 100_000


def test(c):
    cfg = b"".join(b"[profile p%d]\nregion = us-east-1\noutput = json\n" % i for i in range(N))
    # A duplicate key at the very end: the second region is line 3 * N + 3.
    cfg_end = cfg + b"[profile last]\nregion = a\nregion = b\n"
    c.write("config", cfg_end)
    crd = b"".join(b"[p%d]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n" % i for i in range(N))
    c.write("credentials", crd)
    c.write("one-section", b"[default]\n" + b"".join(b"key%d = v\n" % i for i in range(N)))
    chain = b"[profile p0]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = Environment\n" + b"".join(
        b"[profile p%d]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = p%d\n" % (i, i - 1)
        for i in range(1, N))
    c.write("chain", chain)
    # A loop through 100,000 profiles.
    c.write("loop", b"".join(b"[profile p%d]\nsource_profile = p%d\n" % (i, (i + 1) % N) for i in range(N)))
    c.write("dups", b"[a]\nk = v\n" * 1000)  # 999 duplicate sections: each is a finding

    r = c.run("--config", "config", "--credentials", "credentials", "--format", "json", "--fail-level", "never")
    c.expect_rc(r, 0)
    c.expect_finding(r, "config", "AWS002", 3 * N + 3)
    for fmt in ("text", "sarif"):
        r = c.run("--config", "config", "--credentials", "credentials", "--format", fmt, "--fail-level", "never")
        c.expect_rc(r, 0)
    for name in ("one-section", "dups"):
        r = c.run("--config", name, "--format", "json", "--fail-level", "never")
        c.expect_rc(r, 0)

    # A 100,000-long role chain and a 100,000-profile source_profile loop (~200,000 findings): the
    # chain walk is linear, and so is the reporting of the findings, in every format.
    for name in ("chain", "loop"):
        r = c.run("--config", name, "--format", "json", "--fail-level", "never")
        c.expect_rc(r, 0)
    for fmt in ("text", "sarif", "github", "gitlab", "junit", "checkstyle"):
        r = c.run("--config", "loop", "--format", fmt, "--fail-level", "never")
        c.expect_rc(r, 0)
    c.expect_resolve(c.run("resolve", "--config", "chain", "--profile", f"p{N - 1}", "--format", "json"))
    c.expect_resolve(c.run("resolve", "--config", "loop", "--profile", "p0", "--format", "json"))
    r = c.run("--config", "dups", "--format", "json")
    c.expect_finding(r, "dups", "AWS001", 2 * 999 + 1)
    r = c.run("dump", "--config", "config", "--credentials", "credentials", "--profile", "p99999")
    c.expect_rc(r, 0, 1)
    r.json()
    c.expect_resolve(c.run("resolve", "--config", "config", "--credentials", "credentials", "--profile", "p99999"))


main(test)
