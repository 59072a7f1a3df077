#!/usr/bin/env python3
"""Bad command-line use exits 2 with one error line on stderr ('awslint: error: ...') and a hint, and
prints nothing on stdout: an unknown flag, an unknown subcommand option, an unknown rule id (in
--enable, --disable and explain), a bad --now, a bad --fail-level, a bad --format, a bad
--expiry-window, an option without its value."""
from hostile_common import main

CASES = [
    (["--bogus"], "bogus"),
    (["check", "--bogus"], "bogus"),
    (["dump", "--no-such-flag"], "no-such-flag"),
    (["--enable", "AWS999"], "AWS999"),
    (["--disable", "AWS001,not-a-rule"], "not-a-rule"),
    (["--enable", ""], None),
    (["explain", "AWS999"], "AWS999"),
    (["explain", "duplicate-sectio"], "duplicate-sectio"),
    (["--now", "yesterday"], "yesterday"),
    (["--now", "2026-13-45T99:99:99Z"], "2026-13-45"),
    (["--now", ""], None),
    (["--fail-level", "fatal"], "fatal"),
    (["--fail-level", ""], None),
    (["--format", "xml"], "xml"),
    (["--expiry-window", "soon"], "soon"),
    (["--expiry-window", "-5m"], "-5m"),
    (["--now"], "--now"),
    (["--config"], "--config"),
    (["rules", "--format", "pdf"], "pdf"),
    (["resolve", "--format", "sarif"], "sarif"),
    (["--output"], "--output"),
    (["--config", "good-config", "--credentials"], "--credentials"),
]


def test(c):
    c.good_pair()
    for args, named in CASES:
        if args in (["--enable", ""], ["--now", ""], ["--fail-level", ""]):
            # Empty values: some are "no rule named" (nothing to enable: every rule runs); only insist
            # that nothing crashes and the exit code is a defined one.
            r = c.run("--config", "good-config", *args)
            c.expect_rc(r, 0, 1, 2)
            continue
        inputs = [] if args[0] in ("explain", "rules") else ["--config", "good-config"]
        r = c.run(*inputs, *args)  # inputs first: an option missing its value comes last
        c.expect_rc(r, 2)
        c.expect(r.out == b"", f"{r.describe()}: usage error but stdout has {r.stdout[:300]!r}")
        lines = r.stderr.splitlines()
        errors = [l for l in lines if l.startswith("awslint: error:")]
        c.expect(len(errors) == 1, f"{r.describe()}: expected one 'awslint: error:' line, stderr: {r.stderr!r}")
        c.expect(len(errors[0]) < 300, f"{r.describe()}: the error line is {len(errors[0])} characters long")
        c.expect(any(l.startswith("hint:") for l in lines), f"{r.describe()}: no 'hint:' line, stderr: {r.stderr!r}")
        c.expect(len(lines) <= 3, f"{r.describe()}: {len(lines)} lines on stderr (one error and a hint): {r.stderr!r}")
        if named:
            c.expect(named in errors[0], f"{r.describe()}: the error does not name '{named}': {errors[0]!r}")


main(test)
