#!/usr/bin/env python3
"""An --env-file full of junk: shell syntax, spaces, quotes, no name, binary, NUL, invalid UTF-8, CRs,
a BOM, very long lines. Every junk line is reported at its line (AWS007) and named by the env file,
the valid lines still count, and the config is still linted."""
from hostile_common import main, GOOD_CONFIG

LINES = [
    b"\xef\xbb\xbfAWS_PROFILE=dev",        # 1 BOM: docker strips it; valid
    b"export AWS_REGION=eu-west-1",        # 2 junk (shell)
    b"AWS_REGION = eu-west-1",             # 3 junk (spaces around =)
    b"=value",                             # 4 junk (no name)
    b"'AWS_X'=1",                          # 5 junk (quoted name)
    b"AWS-REGION=x",                       # 6 junk (dash)
    b"\x00\x01\x02=\x03",                  # 7 junk (control bytes)
    b"\xff\xfe=x",                         # 8 junk (invalid UTF-8)
    b"# a comment",                        # 9 fine
    b"",                                   # 10 fine
    b"   ",                                # 11 fine
    b"AWS_ACCESS_KEY_ID",                  # 12 fine (docker takes it from the host)
    b"AWS_DEFAULT_REGION=us-east-1\r",     # 13 fine (CRLF)
    b"just some words",                    # 14 junk
    b"AWS_\x00NUL=1",                      # 15 junk
    b"\x1b[31mAWS_RED=1",                  # 16 junk (a terminal escape)
    b"AWS_SESSION_TOKEN=" + b"t" * 100000,  # 17 fine, long
    b"x" * 200000 + b" y",                 # 18 junk, long
]
JUNK = [2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 18]


def test(c):
    c.write("junk.env", b"\n".join(LINES) + b"\n")
    c.write("config", GOOD_CONFIG)
    r = c.run("--env-file", "junk.env", "--config", "config", "--format", "json")
    c.expect_rc(r, 1)
    found = sorted(f["line"] for f in c.findings(r) if f["file"] == "junk.env" and f["rule"] == "AWS007")
    c.expect(found == JUNK, f"{r.describe()}: AWS007 at lines {found}, expected {JUNK}")
    c.expect_finding(r, "config", "AWS001", 4)
    inputs = {i["path"]: i for i in r.json()["summary"]["inputs"]}
    c.expect(inputs.get("junk.env", {}).get("read") is True, f"{r.describe()}: the env file is not listed as read: {inputs}")
    for fmt in ("text", "sarif", "github", "gitlab", "junit", "checkstyle"):
        r = c.run("--env-file", "junk.env", "--config", "config", "--format", fmt)
        c.expect_rc(r, 1)
        if fmt == "text":
            c.expect_clean_text(r)
            c.expect("junk.env:2:" in r.stdout, f"{r.describe()}: junk.env:2: not in the text report")
        else:
            c.expect_valid_utf8(r)
    # The valid lines still count: AWS_PROFILE=dev (after the BOM) selects a profile no file defines.
    r = c.run("resolve", "--env-file", "junk.env", "--config", "config", "--format", "json")
    if c.expect_resolve(r):
        c.expect(b"dev" in r.out, f"{r.describe()}: AWS_PROFILE=dev from the env file is not used: {r.stdout[:500]}")
    # Only junk, and no final newline.
    c.write("only-junk.env", b"\x00" * 100 + b"\nnot a line")
    r = c.run("--env-file", "only-junk.env", "--format", "json")
    c.expect_rc(r, 1)
    found = sorted(f["line"] for f in c.findings(r) if f["file"] == "only-junk.env")
    c.expect(found == [1, 2], f"{r.describe()}: findings at {found}, expected [1, 2]")


main(test)
