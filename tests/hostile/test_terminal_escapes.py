#!/usr/bin/env python3
"""Terminal escapes and other control characters in section names, keys, values, comments and
file names: the text report (what a terminal shows) contains none of them raw, and the machine
formats stay valid."""
import os

from hostile_common import main

ESC = b"\x1b]0;pwned\x07\x1b[2J\x1b[31m"
CONFIG = (b"[default]\n"
          b"region = us-east-1" + ESC + b"\n"
          b"[profile " + ESC + b"]\n"
          b"output = json\n"
          b"output = text\n"              # a finding on a section whose name has escapes
          b"k" + ESC + b"\n"              # an invalid line with escapes
          b"[profile c1\xc2\x9b31m]\n"    # C1 CSI (U+009B)
          b"x\x08\x08\x08y\n"             # backspaces, invalid line
          b"[profile bidi\xe2\x80\xaeevil]\n"
          b"region = a\n"
          b"region = b\n")


def test(c):
    c.write("config", CONFIG)
    c.write("esc\x1b[31mname", CONFIG)
    def check(name):
        r = c.run("--config", name)
        c.expect_rc(r, 1)
        c.expect_clean_text(r)
        for fmt in ("json", "sarif", "gitlab", "junit", "checkstyle", "github"):
            r = c.run("--config", name, "--format", fmt)
            c.expect_rc(r, 1)
            c.expect_valid_utf8(r)
            c.expect(b"\x1b" not in r.out and b"\x07" not in r.out, f"{r.describe()}: a raw escape in the {fmt} report")
            if fmt in ("json", "sarif", "gitlab"):
                r.json()

    check("config")
    check("esc\x1b[31mname")  # a file name with an escape
    r = c.run("--config", "missing\x1b[2Jfile")
    c.expect_rc(r, 2)
    c.expect(b"\x1b" not in r.err, f"{r.describe()}: a raw escape in the error message: {r.err!r}")


main(test)
