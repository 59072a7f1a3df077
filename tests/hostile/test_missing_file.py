#!/usr/bin/env python3
"""A file that does not exist: refused with 'No such file', exit 2 alone, the other input linted."""
from hostile_common import main


def test(c):
    c.refused_everywhere("missing", "no such file", "does not exist")
    # A missing file in a folder that does not exist either.
    c.refused_everywhere("nowhere/config", "no such file", "does not exist", "not a directory")
    # A path through a regular file (ENOTDIR).
    c.write("plain", b"[default]\n")
    c.refused_everywhere("plain/config", "no such file", "does not exist", "not a directory")


main(test)
