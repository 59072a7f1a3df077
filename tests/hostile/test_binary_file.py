#!/usr/bin/env python3
"""A binary file as config or credentials: an executable (the awslint binary itself, cut to 4 MiB)
and seeded random bytes. Read and linted quickly: the CLI rejects it (invalid UTF-8 / no header), the
report says so in every format, stays valid (UTF-8, JSON), and passes no control bytes to a terminal."""
import random

from hostile_common import main

FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit", "checkstyle")


def test(c):
    with open(c.awslint, "rb") as f:
        c.write("elf", f.read(4 << 20))
    c.write("random", random.Random(7).randbytes(256 << 10))
    c.write("random-ascii", bytes(random.Random(8).randrange(0, 128) for _ in range(256 << 10)))
    for name in ("elf", "random", "random-ascii"):
        for opt in ("--config", "--credentials"):
            r = c.run(opt, name, "--format", "json")
            c.expect_rc(r, 1)
            rules = {f["rule"] for f in c.findings(r) if f["file"] == name}
            c.expect(rules & {"AWS003", "AWS004", "AWS005"},
                     f"{r.describe()}: the binary file is not reported as unreadable by the CLI: {rules}")
        for fmt in FORMATS:
            r = c.run(name, "--format", fmt)
            c.expect_rc(r, 1)
            c.expect(name in r.stdout, f"{r.describe()}: the report does not name {name}")
            if fmt == "text":
                c.expect_clean_text(r)
            else:
                c.expect_valid_utf8(r)
                c.expect(b"\x00" not in r.out, f"{r.describe()}: NUL in the {fmt} report")
        r = c.run("dump", "--config", name)
        c.expect_rc(r, 0, 1)
        r.json()
    # As an env file too.
    r = c.run("--env-file", "random", "--format", "json")
    c.expect_rc(r, 0, 1)
    r.json()


main(test)
