"""Exit status: 0 nothing at or above --fail-level, 1 findings at or above it, 2 usage or I/O error
(with one error line and a hint on stderr, nothing on stdout)."""

import sys

from e2e_util import (GOOD_CONFIG, GOOD_CREDENTIALS, NOW, aws_dir, check, findings, lint, main, run, usage_error,
                      write)

# A file with exactly one warning (AWS012 quoted-value) and nothing else.
WARN_CONFIG = GOOD_CONFIG + '\n[profile q]\nregion = "eu-west-1"\n'
# And one with an error (AWS001 duplicate-section).
ERROR_CONFIG = GOOD_CONFIG + "\n[profile d]\nregion = eu-west-1\n\n[profile d]\noutput = json\n"


def test_clean_is_0(tmp):
    d = aws_dir(tmp, GOOD_CONFIG, GOOD_CREDENTIALS)
    r = lint(["--no-env", d], tmp)
    check(r.rc == 0, "a clean folder exits 0", r)
    check("no findings" in r.out, "the text summary says there is nothing", r)
    check(r.err == "", "nothing on stderr", r)


def test_findings_are_1(tmp):
    d = aws_dir(tmp, WARN_CONFIG, GOOD_CREDENTIALS)
    r = lint(["--no-env", "--enable", "AWS012", d], tmp)
    check(r.rc == 1, "a warning exits 1 (default --fail-level warning)", r)
    check("[AWS012 quoted-value]" in r.out, "the finding is shown", r)


def test_fail_level(tmp):
    warn = aws_dir(tmp, WARN_CONFIG, GOOD_CREDENTIALS, name="warn")
    err = aws_dir(tmp, ERROR_CONFIG, GOOD_CREDENTIALS, name="err")
    note_cfg = GOOD_CONFIG + "\n[profile n]\nregion = us-east-1\n"
    note_crd = GOOD_CREDENTIALS + "\n[n]\nregion = eu-west-1\n"
    note = aws_dir(tmp, note_cfg, note_crd, name="note")  # AWS015 (note): the credentials file wins
    fs, _ = findings(["--no-env", "--enable", "AWS015", note], tmp)
    check(fs and all(f["severity"] == "note" for f in fs), f"the note fixture gives notes only: {fs}")

    cases = [
        # (folder, rule, --fail-level, expected exit)
        (warn, "AWS012", "error", 0),
        (warn, "AWS012", "warning", 1),
        (warn, "AWS012", "note", 1),
        (warn, "AWS012", "never", 0),
        (err, "AWS001", "error", 1),
        (err, "AWS001", "never", 0),
        (note, "AWS015", "warning", 0),
        (note, "AWS015", "note", 1),
        (note, "AWS015", "error", 0),
    ]
    for d, rule, level, want in cases:
        r = lint(["--no-env", "--enable", rule, "--fail-level", level, d], tmp)
        check(r.rc == want, f"{rule} with --fail-level {level}: expected exit {want}", r)
        check(f"[{rule} " in r.out, f"{rule} with --fail-level {level}: the finding is still printed", r)


def test_usage_errors_are_2(tmp):
    d = aws_dir(tmp, GOOD_CONFIG, GOOD_CREDENTIALS)
    for args, what in [
        (["--bogus-flag", d], "unknown flag"),
        (["--enable", "AWS999", d], "unknown rule id"),
        (["--disable", "no-such-rule", d], "unknown rule name"),
        (["--now", "yesterday", d], "bad --now"),
        (["--now", "2026-13-01T00:00:00Z", d], "impossible --now"),
        (["--fail-level", "fatal", d], "bad --fail-level"),
        (["--format", "yaml", d], "bad --format"),
        (["--expiry-window", "soon", d], "bad --expiry-window"),
        (["explain", "AWS999"], "explain of an unknown rule"),
    ]:
        r = run(["--no-config"] + args, tmp)
        usage_error(r, what)


def test_unknown_rule_hint_names_the_rule(tmp):
    d = aws_dir(tmp, GOOD_CONFIG, GOOD_CREDENTIALS)
    r = run(["--no-config", "--enable", "AWS999", d], tmp)
    check("AWS999" in r.err, "the error names the unknown rule", r)
    r = run(["--no-config", "explain", "AWS10"], tmp)
    check("did you mean" in r.err, "explain suggests a close rule id", r)


def test_unreadable_named_input(tmp):
    # Nothing named can be read: an I/O error.
    r = lint(["--no-env", "--config", tmp / "nope" / "config"], tmp)
    check(r.rc == 2, "a named file that does not exist, and nothing else, exits 2", r)
    check("nope" in r.err, "stderr names the file", r)
    # One of two named files is missing: reported (AWS006) or an I/O error, never a clean exit.
    crd = write(tmp, "credentials", GOOD_CREDENTIALS)
    r = lint(["--no-env", "--config", tmp / "nope" / "config", "--credentials", crd], tmp)
    check(r.rc in (1, 2), "a missing --config beside a good --credentials does not exit 0", r)
    check("nope" in r.err + r.out, "the missing file is named", r)
    # The same for --env-file: linting without the environment the user named is not a clean run.
    r = lint(["--env-file", tmp / "missing.env", aws_dir(tmp, GOOD_CONFIG, GOOD_CREDENTIALS)], tmp)
    check(r.rc in (1, 2), "an --env-file that does not exist does not exit 0", r)
    check("missing.env" in r.err, "stderr names the env file", r)


def test_bad_settings_file_is_2(tmp):
    d = aws_dir(tmp, GOOD_CONFIG, GOOD_CREDENTIALS)
    write(tmp, ".awslint.ini", "[awslint]\nfail-level = sometimes\n")
    r = run(["--now", NOW, "--no-env", d], tmp)
    check(r.rc == 2, "an invalid .awslint.ini exits 2", r)


if __name__ == "__main__":
    sys.exit(main(globals()))
