#!/usr/bin/env python3
"""A file over the 64 MiB size cap (a sparse file: nothing is written to disk): refused at once, the
message names the file and says it is over the cap; the other input linted."""
import os

from hostile_common import main

CAP = 64 << 20


def test(c):
    for name, size in (("big", CAP + 1), ("huge", 1 << 40)):
        with open(c.path(name), "wb") as f:
            f.truncate(size)
        c.refused_everywhere(name, "size cap", "too large", "larger than")
    # Exactly at the cap is not over it: a sparse 64 MiB file of NULs is read and linted (a single
    # line with no delimiter: the CLI rejects it). A generous time limit: 64 MiB are read and lexed.
    with open(c.path("at-cap"), "wb") as f:
        f.truncate(CAP)
    r = c.run("--config", "at-cap", "--format", "json", limit=20)
    c.expect_rc(r, 1)
    c.expect_finding(r, "at-cap", "AWS003", 1)
    c.expect(len(r.out) < (1 << 20), f"{r.describe()}: {len(r.out)} bytes of output for one finding")


main(test)
