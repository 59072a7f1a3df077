"""End-to-end: .awslint.ini (found here or above, --config-file, --no-config), command-line flags
over the file, clear errors for bad files (exit 2, file:line), and suppression comments in real
files, with the real rules. Uses tests/e2e/e2e_util.py: `python3 test_settings.py path/to/awslint`."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "e2e"))

from e2e_util import GOOD_CONFIG, GOOD_CREDENTIALS, NOW, aws_dir, check, ids, main, run, usage_error, write  # noqa: E402

# One warning (AWS012 quoted-value, line 6) and one error (AWS002 duplicate-key, line 8).
CONFIG = GOOD_CONFIG + '\n[profile q]\nregion = "eu-west-1"\noutput = json\noutput = text\n'


def lint(tmp, args=(), cwd=None, fmt="json"):
    """awslint --now NOW [args] .aws (settings file NOT ignored), in cwd (default tmp)."""
    a = ["--now", NOW, "--no-env"] + (["--format", fmt] if fmt else []) + list(args) + [tmp / ".aws"]
    return run(a, cwd or tmp, home=tmp)


def findings(r):
    check(r.rc in (0, 1), "expected exit 0 or 1", r)
    return r.json()["findings"]


def setup(tmp, settings=None, config=CONFIG):
    aws_dir(tmp, config, GOOD_CREDENTIALS)
    if settings is not None:
        write(tmp, ".awslint.ini", settings)


def test_without_settings(tmp):
    setup(tmp)
    fs = findings(lint(tmp))
    check(ids(fs) == ["AWS012", "AWS002"], f"the two findings of the sample: {ids(fs)}")


def test_disable_and_severity(tmp):
    setup(tmp, "[awslint]\ndisable = quoted-value\n[severity]\nduplicate-key = note\n")
    r = lint(tmp)
    fs = findings(r)
    check(ids(fs) == ["AWS002"] and fs[0]["severity"] == "note", f"AWS012 off, AWS002 a note: {fs}", r)
    check(r.rc == 0, "a note does not fail at the default fail-level", r)


def test_enable_fail_level_format_expiry(tmp):
    setup(tmp, "[awslint]\nenable = AWS012, AWS201\nfail-level = error\nformat = json\nexpiry-window = 2h\n")
    r = lint(tmp, fmt=None)
    fs = findings(r)  # JSON, from the settings file
    check(ids(fs) == ["AWS012"] and r.rc == 0, "only AWS012 runs; a warning does not fail at error", r)
    # expiry-window: credentials expiring in 90 minutes are reported with 2h, not with the default.
    creds = GOOD_CREDENTIALS + "aws_session_token = IQoJb3JpZ2luX2VjEXAMPLE\naws_expiration = 2026-06-01T01:30:00Z\n"
    write(tmp, ".aws/credentials", creds)
    fs = findings(lint(tmp, ["--enable", "AWS201"], fmt=None))
    check(ids(fs) == ["AWS201"], f"expiry-window = 2h is used: {fs}")
    fs = findings(lint(tmp, ["--enable", "AWS201", "--expiry-window", "15m"], fmt=None))
    check(ids(fs) == [], f"--expiry-window wins over the file: {fs}")


def test_flags_win(tmp):
    setup(tmp, "[awslint]\ndisable = AWS012\nfail-level = never\nformat = sarif\n")
    r = lint(tmp, ["--format", "text", "--fail-level", "error", "--enable", "AWS012,AWS002"], fmt=None)
    check(r.rc == 1, "--fail-level error over never: the AWS002 error fails", r)
    check("[AWS012 quoted-value]" in r.out and "[AWS002 duplicate-key]" in r.out,
          "--enable turns on what the file disables; --format text over sarif", r)


def test_found_in_a_parent(tmp):
    setup(tmp, "[awslint]\ndisable = AWS002, AWS012\n")
    sub = tmp / "a" / "b"
    sub.mkdir(parents=True)
    r = lint(tmp, cwd=sub)
    check(findings(r) == [] and r.rc == 0, "the parent's .awslint.ini applies", r)


def test_config_file_and_no_config(tmp):
    setup(tmp, "[awslint]\nthis is not a settings file\n")
    write(tmp, "team.ini", "[awslint]\ndisable = AWS002\n")
    r = lint(tmp, ["--config-file", tmp / "team.ini"])
    check(ids(findings(r)) == ["AWS012"], "--config-file is read instead of .awslint.ini", r)
    r = lint(tmp, ["--no-config"])
    check(ids(findings(r)) == ["AWS012", "AWS002"], "--no-config ignores the (bad) .awslint.ini", r)
    r = lint(tmp, ["--config-file", tmp / "missing.ini"])
    usage_error(r, "a missing --config-file")
    check("missing.ini" in r.err, "the error names the file", r)


def test_bad_settings_are_exit_2_with_file_and_line(tmp):
    cases = [
        ("[awslint]\nfail_level = error\n", ".awslint.ini:2: unknown key 'fail_level' in [awslint]"),
        ("[awslint]\ndisable = AWS301, nope\n", ".awslint.ini:2: disable: unknown rule 'nope'"),
        ("[severity]\nAWS301 = fatal\n", ".awslint.ini:2: AWS301: 'fatal' is not a severity"),
        ("[severity]\nnot-a-rule = error\n", ".awslint.ini:2: [severity]: unknown rule 'not-a-rule'"),
        ("[awslint]\nfail-level = high\n", ".awslint.ini:2: fail-level: 'high' is not a level"),
        ("[awslint]\nformat = yaml\n", ".awslint.ini:2: format: unknown format 'yaml'"),
        ("[awslint]\nexpiry-window = soon\n", ".awslint.ini:2: expiry-window: 'soon' is not a duration"),
        ("# settings\n[awslint\n", ".awslint.ini:2: not a 'key = value' line or a [section] header"),
        ("[awslint]\n\n\nno equals sign\n", ".awslint.ini:4: not a 'key = value' line or a [section] header"),
        ("[other]\nx = 1\n", ".awslint.ini:2: unknown section [other]"),
    ]
    setup(tmp)
    for text, expected in cases:
        write(tmp, ".awslint.ini", text)
        r = lint(tmp)
        usage_error(r, repr(text))
        check(expected in r.err, f"the error for {text!r} says {expected!r}", r)
    # Also for dump and resolve, which read the settings too; not for rules and explain.
    r = run(["dump", "--no-env", tmp / ".aws"], tmp, home=tmp)
    usage_error(r, "dump with a bad settings file")
    r = run(["rules"], tmp, home=tmp)
    check(r.rc == 0, "awslint rules does not read the settings", r)


def test_suppressions_in_real_files(tmp):
    config = (GOOD_CONFIG +
              "\n[profile q]\n"
              "# awslint: disable=quoted-value -- the helper wants the quotes\n"
              'region = "eu-west-1"\n'
              "# awslint: disable=AWS010\n"
              "output = json\n")
    setup(tmp, None, config)
    r = lint(tmp, fmt="text")
    check("[AWS012 quoted-value]" not in r.out, "the suppressed finding is gone", r)
    check(".aws/config:8:20: note: suppression of AWS010 matches no finding on line 9" in r.out
          and "[AWS008 unused-suppression]" in r.out, "the unused suppression is reported", r)
    check(r.rc == 0, "a note does not fail", r)
    # disable-file, and the settings file can make AWS008 fail the run.
    write(tmp, ".aws/config", config + "# awslint: disable-file=AWS002\n")
    write(tmp, ".awslint.ini", "[severity]\nAWS008 = error\n")
    r = lint(tmp)
    fs = findings(r)
    check(ids(fs) == ["AWS008", "AWS008"] and all(f["severity"] == "error" for f in fs) and r.rc == 1,
          "two unused suppressions, as errors", r)
    check(fs[1]["line"] == 10 and "matches no finding in this file" in fs[1]["message"], "disable-file unused", r)


def test_skip_missing(tmp):
    empty = tmp / "empty-home"
    empty.mkdir()
    r = run(["--skip-missing"], tmp, home=empty)
    check(r.rc == 0 and r.out == "" and r.err == "", "no ~/.aws: nothing printed, exit 0", r)
    r = run([], tmp, home=empty)
    check(r.out != "", "without --skip-missing awslint reports on what it finds (nothing)", r)
    aws_dir(empty, CONFIG, None)
    r = run(["--skip-missing", "--now", NOW], tmp, home=empty)
    check(r.rc == 1 and "[AWS002 duplicate-key]" in r.out, "with ~/.aws/config it lints as usual", r)


if __name__ == "__main__":
    sys.exit(main(globals()))
