#!/usr/bin/env python3
"""A directory where a file is expected (--config DIR, --credentials DIR, --env-file DIR), and a
~/.aws-style folder whose config or credentials is itself a directory."""
import os

from hostile_common import main


def test(c):
    os.mkdir(c.path("dir"))
    # Positional: a directory is a ~/.aws folder, not an error; so not in the positional check.
    c.refused_everywhere("dir", "directory", positional=False)
    # A folder whose config is a directory: the credentials still linted, the config named.
    os.makedirs(c.path("aws/config"))
    c.write("aws/credentials", open(c.path("good-credentials"), "rb").read())
    r = c.run("aws", "--format", "json")
    c.expect_rc(r, 1)
    c.expect_finding(r, "aws/credentials", "AWS002", 4)
    c.expect("aws/config" in r.stdout + r.stderr, f"{r.describe()}: aws/config is not mentioned: {r.stdout}")


main(test)
