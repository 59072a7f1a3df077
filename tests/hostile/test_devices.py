#!/usr/bin/env python3
"""/dev/zero and /dev/urandom given as a file: endless, so never read to the end; refused with a
message that names the file (not a regular file, or over the size cap), the other input linted.
Also a symlink to /dev/zero in the default location, and /dev/null (empty, also a device)."""
import os

from hostile_common import main


def test(c):
    for dev in ("/dev/zero", "/dev/urandom", "/dev/null"):
        if not os.path.exists(dev):
            return f"{dev} does not exist here"
        c.refused_everywhere(dev, "not a regular file", "character device", "size cap")
    os.makedirs(c.path(".aws"))
    os.symlink("/dev/zero", c.path(".aws/config"))
    os.symlink("/dev/urandom", c.path(".aws/credentials"))
    r = c.run("--format", "json")
    c.expect_rc(r, 1)
    files = {f["file"] for f in c.findings(r)}
    c.expect({".aws/config", ".aws/credentials"} <= files, f"{r.describe()}: devices not reported: {files}")


main(test)
