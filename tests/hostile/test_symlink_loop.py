#!/usr/bin/env python3
"""A symlink loop (and a dangling symlink) as a file: refused at once, named, the other input linted."""
import os

from hostile_common import main


def test(c):
    os.symlink("loop-b", c.path("loop-a"))
    os.symlink("loop-a", c.path("loop-b"))
    os.symlink("self", c.path("self"))
    os.symlink("nothing-here", c.path("dangling"))
    c.refused_everywhere("loop-a", "symbolic links", "loop")
    c.refused_everywhere("self", "symbolic links", "loop")
    c.refused_everywhere("dangling", "no such file", "does not exist")
    # A loop as ~/.aws itself (the default location).
    os.symlink(".aws", c.path(".aws"))
    r = c.run("--format", "json")
    c.expect_rc(r, 0, 1, 2)


main(test)
