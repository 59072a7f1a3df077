#!/usr/bin/env python3
"""1 MB on one line, in the shapes a lexer may handle slowly: a value, a key with no delimiter (the
CLI rejects it), a header, whitespace before a continuation, a comment, a line with no newline at
the end, 1 MB of lone CRs (a million lines for Python's universal newlines), and an env-file line.
Each is read in well under the limit and the report stays small (excerpts are not the whole line)."""
from hostile_common import main

MB = 1 << 20

CASES = {
    # name: (content, expected finding (rule, line) or None)
    "value": (b"[default]\nregion = " + b"a" * MB + b"\n", None),
    "no-delimiter": (b"[default]\n" + b"x" * MB, ("AWS004", 2)),
    "header": (b"[profile " + b"h" * MB + b"]\nregion = x\n", None),
    "spaces": (b"[default]\nregion = x\n" + b" " * MB + b"y\n", None),
    "tabs-and-nbsp": (b"[default]\nregion = x\n" + b"\t\xc2\xa0" * (MB // 3) + b"y = z\n", None),
    "comment": (b"[default]\n#" + b"c" * MB + b"\nregion = x\n", None),
    "equals": (b"[default]\nk = " + b"=" * MB + b"\n", None),
    "brackets": (b"[" * MB + b"\n", ("AWS003", 1)),
    "close-brackets": (b"[default]\n[" + b"]" * MB + b"\n", None),
    "lone-cr": (b"[default]\n" + b"\r" * MB + b"region = x\n", None),
    "multibyte": (b"[default]\nregion = " + "\u00e9".encode() * (MB // 2) + b"\n", None),
    "invisible": (b"[default]\nregion = " + "\u200b".encode() * (MB // 3) + b"\n", None),
    "nested": (b"[default]\ns3 =\n  " + b"k" * MB + b" = v\n", None),
}


def test(c):
    for name, (data, finding) in CASES.items():
        c.write(name, data)
        for fmt in ("json", "text", "sarif"):
            r = c.run("--config", name, "--format", fmt)
            c.expect_rc(r, 0, 1)
            c.expect(len(r.out) < 3 * MB, f"{r.describe()}: {len(r.out)} bytes of report for a {len(data)}-byte file")
            if fmt == "json" and finding:
                c.expect_finding(r, name, *finding)
            if fmt == "text":
                c.expect_clean_text(r)
        c.expect_rc(c.run("dump", "--config", name), 0, 1)
        c.expect_resolve(c.run("resolve", "--format", "json", "--config", name))
        # The same as the credentials file.
        r = c.run("--credentials", name, "--format", "json")
        c.expect_rc(r, 0, 1)
    c.write("long.env", b"AWS_REGION=" + b"r" * MB + b"\n" + b"J" * MB + b" junk\n")
    r = c.run("--env-file", "long.env", "--format", "json")
    c.expect_rc(r, 0, 1)
    c.expect_finding(r, "long.env", "AWS007", 2)


main(test)
