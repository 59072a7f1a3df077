#!/usr/bin/env python3
"""Invalid UTF-8 (a Latin-1 byte, a truncated sequence, an overlong form, a surrogate, a byte above
U+10FFFF, 0xFF): the CLI rejects the file; awslint says where (line of the first bad byte), the
report stays valid UTF-8 in every format, and the other file is still linted."""
from hostile_common import main, GOOD_CREDENTIALS

CASES = {
    "latin1": (b"[default]\nregion = us-east-1\n# caf\xe9\n", 3),
    "truncated": (b"[default]\nregion = \xe2\x82\n", 2),
    "overlong": (b"[default]\n\xc0\xaf = x\n", 2),
    "surrogate": (b"[default]\nregion = \xed\xa0\x80\n", 2),
    "too-high": (b"[default]\nregion = \xf4\x90\x80\x80\n", 2),
    "ff-first": (b"\xff\xfe[\x00d\x00e\x00f\x00]\x00\n\x00", 1),  # UTF-16 with a BOM
    "in-header": (b"[profile caf\xe9]\nregion = x\n", 1),
}


def test(c):
    c.write("good-credentials", GOOD_CREDENTIALS)
    for name, (data, line) in CASES.items():
        c.write(name, data)
        r = c.run("--config", name, "--credentials", "good-credentials", "--format", "json")
        c.expect_rc(r, 1)
        c.expect_finding(r, name, "AWS005", line)
        c.expect_finding(r, "good-credentials", "AWS002", 4)
        for fmt in ("text", "sarif", "github", "gitlab", "junit", "checkstyle"):
            r = c.run("--config", name, "--format", fmt)
            c.expect_rc(r, 1)
            if fmt == "text":
                c.expect_clean_text(r)
            else:
                c.expect_valid_utf8(r)
        r = c.run("dump", "--config", name)
        c.expect_rc(r, 0, 1)
        r.json()
        c.expect_resolve(c.run("resolve", "--config", name, "--format", "json"))


main(test)
