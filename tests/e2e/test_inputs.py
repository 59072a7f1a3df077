"""Inputs: --env-file (findings at its lines), --now and --expiry-window, --profile, a folder with one
of its two files, the default locations (HOME, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE) and
files named on the command line, classified by name and by content."""

import sys

from e2e_util import (GOOD_CONFIG, GOOD_CREDENTIALS, KEY_ID, KEY_ID_2, SECRET, SECRET_2, aws_dir, check, clean_env,
                      findings, ids, lint, main, run, write)


def by_rule(fs, rule):
    return [f for f in fs if f["rule"] == rule]


def test_env_file_line_numbers(tmp):
    d = aws_dir(tmp, GOOD_CONFIG, GOOD_CREDENTIALS)
    write(tmp, "app.env", "# app\n\nAWS_REGION=eu-west-1\nexport AWS_PAGER=\nAWS_ACCESS_KEY_ID=" + KEY_ID + "\n")
    fs, r = findings(["--env-file", "app.env", "--enable", "AWS007,AWS402", d], tmp)
    e7 = by_rule(fs, "AWS007")
    check(len(e7) == 1 and e7[0]["file"] == "app.env" and e7[0]["line"] == 4, f"AWS007 at app.env:4: {fs}", r)
    e402 = by_rule(fs, "AWS402")
    check(len(e402) == 1 and e402[0]["file"] == "app.env" and e402[0]["line"] == 5, f"AWS402 at app.env:5: {fs}", r)
    check(e402[0]["variable"] == "AWS_ACCESS_KEY_ID", f"AWS402 names the variable: {e402}")
    t = lint(["--env-file", "app.env", "--enable", "AWS007,AWS402", d], tmp)
    check("app.env:4:1: warning:" in t.out and "app.env:5:1: error:" in t.out, "text shows env-file lines", t)


def test_env_file_replaces_process_env(tmp):
    d = aws_dir(tmp, GOOD_CONFIG, GOOD_CREDENTIALS)
    write(tmp, "empty.env", "# nothing\n")
    env = clean_env(tmp, AWS_ACCESS_KEY_ID=KEY_ID)  # would be AWS402 from the process environment
    fs, r = findings(["--env-file", "empty.env", "--enable", "AWS402", d], tmp, env=env)
    check(fs == [], f"with --env-file the process environment is not read: {fs}", r)
    fs, r = findings(["--enable", "AWS402", d], tmp, env=env)
    check(ids(fs) == ["AWS402"], f"without it, the process environment is read: {fs}", r)
    check(fs[0]["file"] in ("", None) and fs[0]["line"] in (0, None), f"process env findings have no file: {fs}")
    t = lint(["--enable", "AWS402", d], tmp, env=env)
    check("AWS402" in t.out and "environment" in t.out.lower(), "text names the environment as the place", t)
    fs, r = findings(["--no-env", "--enable", "AWS402", d], tmp, env=env)
    check(fs == [], f"--no-env ignores the process environment: {fs}", r)


EXPIRING = f"""[temp]
aws_access_key_id = ASIAIOSFODNN7EXAMPLE
aws_secret_access_key = {SECRET}
aws_session_token = IQoJb3JpZ2luX2VjEXAMPLETOKEN
aws_expiration = 2026-06-01T12:00:00Z
"""


def test_now_changes_expiry(tmp):
    d = aws_dir(tmp, GOOD_CONFIG, GOOD_CREDENTIALS + "\n" + EXPIRING)

    def expiry(*args):
        r = run(["--no-config", "--no-env", "--enable", "AWS201", "--format", "json"] + list(args) + [d], tmp)
        check(r.rc in (0, 1), "expected a lint run", r)
        return [(f["severity"], f["line"]) for f in r.json()["findings"]]

    check(expiry("--now", "2026-06-01T00:00:00Z") == [], "12 hours left: nothing")
    check(expiry("--now", "2026-06-01T11:50:00Z") == [("warning", 9)], "10 minutes left: a warning")
    check(expiry("--now", "2026-06-01T12:00:01Z") == [("error", 9)], "past: an error")
    check(expiry("--now", "2026-06-02T00:00:00+02:00") == [("error", 9)], "--now with an offset")
    check(expiry("--now", "2026-06-01T00:00:00Z", "--expiry-window", "1d") == [("warning", 9)],
          "--expiry-window 1d: 12 hours left is a warning")
    check(expiry("--now", "2026-06-01T11:50:00Z", "--expiry-window", "5m") == [], "--expiry-window 5m: 10 minutes is fine")
    # Without --now the real clock is used: 2026-06-01 is either ahead or behind, never unreadable.
    r = run(["--no-config", "--no-env", "--enable", "AWS201", "--format", "json", d], tmp)
    check(r.rc in (0, 1), "the system clock works", r)


SHADOW_CONFIG = "[default]\nregion = eu-west-1\n\n[profile prod]\nregion = us-east-1\n"
SHADOW_CREDENTIALS = (f"[default]\naws_access_key_id = {KEY_ID}\naws_secret_access_key = {SECRET}\n\n"
                      f"[prod]\naws_access_key_id = {KEY_ID_2}\naws_secret_access_key = {SECRET_2}\n")


def test_profile_flag(tmp):
    d = aws_dir(tmp, SHADOW_CONFIG, SHADOW_CREDENTIALS)
    write(tmp, "ci.env", f"AWS_PROFILE=prod\nAWS_ACCESS_KEY_ID={KEY_ID}\nAWS_SECRET_ACCESS_KEY={SECRET}\n")
    fs, r = findings(["--env-file", "ci.env", "--enable", "AWS401", d], tmp)
    check(ids(fs) == ["AWS401"], f"environment keys shadow profile prod: {fs}", r)
    check(fs[0]["profile"] == "prod" and fs[0]["line"] == 2, f"AWS401 at ci.env:2, about prod: {fs}")
    fs, r = findings(["--env-file", "ci.env", "--enable", "AWS401", "--profile", "prod", d], tmp)
    check(fs == [], f"--profile removes the environment provider: no AWS401: {fs}", r)
    # An undefined --profile is AWS102.
    fs, r = findings(["--no-env", "--profile", "nope", d], tmp)
    e102 = by_rule(fs, "AWS102")
    check(len(e102) == 1 and e102[0]["severity"] == "error", f"--profile nope: AWS102 undefined-profile: {fs}", r)
    check("nope" in e102[0]["message"], f"AWS102 names the profile: {e102}")
    fs, r = findings(["--no-env", "--profile", "prod", "--enable", "AWS102", d], tmp)
    check(fs == [], f"--profile prod is defined: {fs}", r)


def test_folder_with_one_file(tmp):
    only_config = aws_dir(tmp, GOOD_CONFIG, None, name="a")
    only_credentials = aws_dir(tmp, None, GOOD_CREDENTIALS, name="b")
    for d, present, absent in [(only_config, "a/config", "a/credentials"),
                               (only_credentials, "b/credentials", "b/config")]:
        r = lint(["--no-env", "--disable", "AWS101,AWS104,AWS301", d.name], tmp)
        check(r.rc == 0, f"{d.name}: a folder with one file is fine (the CLI treats the other as empty)", r)
        check(r.err == "", f"{d.name}: a missing file in a folder is not an error", r)
        inputs = lint(["--no-env", "--disable", "AWS101,AWS104,AWS301", "--format", "json", d.name], tmp).json()["summary"]["inputs"]
        got = {i["path"]: i["status"] for i in inputs}
        check(got.get(present) == "read" and got.get(absent) == "missing", f"json inputs: {inputs}")


def test_folder_with_one_file_text_summary(tmp):
    only_config = aws_dir(tmp, GOOD_CONFIG, None, name="a")
    only_credentials = aws_dir(tmp, None, GOOD_CREDENTIALS, name="b")
    for d, present, absent in [(only_config, "a/config", "a/credentials"),
                               (only_credentials, "b/credentials", "b/config")]:
        r = lint(["--no-env", "--disable", "AWS101,AWS104,AWS301", d.name], tmp)
        # The text summary says which of the two files were found.
        summary = r.out.strip().splitlines()[-1]
        check(present in r.out, f"{d.name}: the text output names the file it read ({present}): {summary!r}", r)
        check(absent in r.out or "not found" in r.out or "missing" in r.out,
              f"{d.name}: the text output says the other file was not found: {summary!r}", r)


def test_default_locations(tmp):
    home = tmp / "home"
    aws_dir(home, GOOD_CONFIG + '\n[profile q]\nregion = "eu-west-1"\n', GOOD_CREDENTIALS)
    work = tmp / "work"
    work.mkdir()
    env = clean_env(home)
    fs, r = findings(["--enable", "AWS012"], work, env=env)
    check(ids(fs) == ["AWS012"], f"no arguments: ~/.aws/config is read: {fs}", r)
    check(fs[0]["file"].endswith("home/.aws/config"), f"the finding is in $HOME/.aws/config: {fs}")

    # AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE move the files, as for the CLI.
    other = write(tmp, "elsewhere/cfg", '[profile z]\nregion = "us-east-1"\n')
    crd = write(tmp, "elsewhere/crd", f"[z]\naws_access_key_id = {KEY_ID}\naws_secret_access_key = {SECRET}\n")
    env2 = clean_env(home, AWS_CONFIG_FILE=other, AWS_SHARED_CREDENTIALS_FILE=crd)
    fs, r = findings(["--enable", "AWS012"], work, env=env2)
    check(len(fs) == 1 and fs[0]["file"].endswith("elsewhere/cfg"), f"AWS_CONFIG_FILE is read instead: {fs}", r)
    inputs = {i["role"]: i for i in r.json()["summary"]["inputs"]}
    check(inputs["credentials"]["path"].endswith("elsewhere/crd") and inputs["credentials"]["status"] == "read",
          f"AWS_SHARED_CREDENTIALS_FILE is read instead: {inputs}")

    # '~' in AWS_CONFIG_FILE is the home directory (os.path.expanduser).
    write(home, "custom/config", '[profile t]\nregion = "ap-south-1"\n')
    env3 = clean_env(home, AWS_CONFIG_FILE="~/custom/config")
    fs, r = findings(["--enable", "AWS012"], work, env=env3)
    check(len(fs) == 1 and fs[0]["file"].endswith("home/custom/config"), f"~ expands to HOME: {fs}", r)

    # --no-env ignores the variables, the files included.
    fs, r = findings(["--no-env", "--enable", "AWS012"], work, env=env2)
    check(len(fs) == 1 and fs[0]["file"].endswith("home/.aws/config"), f"--no-env: back to ~/.aws: {fs}", r)

    # No ~/.aws at all: nothing to read is not an error.
    empty_home = tmp / "empty"
    empty_home.mkdir()
    r = lint(["--disable", "AWS101,AWS104,AWS301"], work, env=clean_env(empty_home))
    check(r.rc == 0, "no ~/.aws is fine", r)


def test_files_classified(tmp):
    # By name: 'config' / 'credentials' whatever the order on the command line.
    d = aws_dir(tmp, GOOD_CONFIG, GOOD_CREDENTIALS, name="x")
    r = lint(["--no-env", "--format", "json", "x/credentials", "x/config"], tmp)
    roles = {i["path"]: i["role"] for i in r.json()["summary"]["inputs"]}
    check(roles.get("x/config") == "config" and roles.get("x/credentials") == "credentials",
          f"classified by name: {roles}", r)
    check(r.rc == 0, "the pair is linted together (no missing-credentials findings)", r)
    # By content: profile headers make a config file, keys without them a credentials file.
    write(tmp, "y/team.ini", "[profile team]\nregion = eu-west-1\n")
    write(tmp, "y/keys.ini", f"[team]\naws_access_key_id = {KEY_ID}\naws_secret_access_key = {SECRET}\n")
    r = lint(["--no-env", "--format", "json", "y/keys.ini", "y/team.ini"], tmp)
    roles = {i["path"]: i["role"] for i in r.json()["summary"]["inputs"]}
    check(roles.get("y/team.ini") == "config" and roles.get("y/keys.ini") == "credentials",
          f"classified by content: {roles}", r)
    # A credentials-style file read as config would give AWS013 ([team] is no profile there).
    check("AWS013" not in [f["rule"] for f in r.json()["findings"]], "keys.ini was not read as a config file", r)


if __name__ == "__main__":
    sys.exit(main(globals()))
