#!/usr/bin/env python3
"""NUL bytes in headers, keys, values and comments (valid UTF-8: configparser keeps them). No crash, no
truncation at the NUL (what follows is still read), and no raw NUL in any report."""
from hostile_common import main

CONFIG = (b"[default]\n"
          b"region = us-\x00east-1\n"
          b"# a comment\x00 with a NUL\n"
          b"out\x00put = json\n"
          b"[profile a\x00b]\n"
          b"region = eu-west-1\n"
          b"\x00\n"                       # a line that is only NUL: no delimiter, the CLI rejects it
          b"[profile after]\n"
          b"region = us-east-1\n"
          b"region = us-east-2\n")       # a finding after the NULs: reading went on


def test(c):
    c.write("config", CONFIG)
    c.write("credentials", b"[default]\naws_access_key_id = AKIA\x00IOSFODNN7EXAMPLE\naws_secret_access_key = s\x00ecret\n")
    r = c.run("--config", "config", "--credentials", "credentials", "--format", "json")
    c.expect_rc(r, 1)
    c.expect_finding(r, "config", "AWS004", 7)
    c.expect_finding(r, "config", "AWS002", 10)
    for fmt in ("text", "json", "sarif", "github", "gitlab", "junit", "checkstyle"):
        r = c.run("--config", "config", "--credentials", "credentials", "--format", fmt)
        c.expect_rc(r, 1)
        c.expect(b"\x00" not in r.out, f"{r.describe()}: a raw NUL in the {fmt} report")
        if fmt == "text":
            c.expect_clean_text(r)
    r = c.run("dump", "--config", "config", "--credentials", "credentials")
    c.expect_rc(r, 0, 1)
    r.json()
    c.expect(b"s\\u0000ecret" not in r.out and b"s\x00ecret" not in r.out,
             f"{r.describe()}: the secret with a NUL is shown")
    # Only NULs, and a NUL-only env file.
    c.write("nuls", b"\x00" * 4096)
    r = c.run("--config", "nuls", "--env-file", "nuls", "--format", "json")
    c.expect_rc(r, 1)
    c.expect_finding(r, "nuls", "AWS003", 1)


main(test)
