#!/usr/bin/env python3
"""A FIFO as a file: refused at once (never waits for a writer), named, the other input linted; also
as ~/.aws/config in the default location, and a FIFO that has a writer holding it open."""
import os

from hostile_common import main


def test(c):
    os.mkfifo(c.path("fifo"))
    c.refused_everywhere("fifo", "fifo", "not a regular file")
    # Default location: HOME/.aws/config is a FIFO, HOME/.aws/credentials is good.
    os.makedirs(c.path(".aws"))
    os.mkfifo(c.path(".aws/config"))
    c.write(".aws/credentials", open(c.path("good-credentials"), "rb").read())
    r = c.run("--format", "json")
    c.expect_rc(r, 1)
    c.expect_finding(r, ".aws/credentials", "AWS002", 4)
    # A writer that holds the FIFO open and never writes: reading must not wait for data either.
    fd = os.open(c.path("fifo"), os.O_RDWR | os.O_NONBLOCK)
    try:
        r = c.run("--config", "fifo", "--credentials", "good-credentials", "--format", "json")
        c.expect_rc(r, 1, 2)
        c.expect_error_naming(r, "fifo", "fifo", "not a regular file")
        c.expect_finding(r, "good-credentials", "AWS002", 4)
    finally:
        os.close(fd)


main(test)
