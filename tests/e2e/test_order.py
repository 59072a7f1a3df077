"""Output order is (file, line, column, rule id), and two runs give byte-identical output in every
format, so that CI diffs are stable."""

import shutil
import sys

from e2e_util import KEY_ID, SECRET, check, clean_env, lint, main, run, write
from test_formats import DEMO, FORMATS

CONFIG = """[default]
region = "eu-west-1" # quoted and commented
output = json

[profile b]
region = us-east-1 ; comment
source_profile = nowhere
role_arn = arn:aws:iam::111122223333:role/B

[staging]
region = eu-central-1

[profile a]
region = "us-west-2"
"""
CREDENTIALS = f"""[default]
aws_access_key_id = {KEY_ID}
aws_secret_access_key = {SECRET}
x_security_token_expires = 2026-01-01T00:00:00Z

[a]
region = us-west-1
aws_expiration = garbage
"""
ENV = f"""AWS_PROFILE=a
export AWS_REGION=eu-west-1
AWS_ACCESS_KEY_ID={KEY_ID}
AWS_CREDENTIAL_EXPIRATION=2026-01-01T00:00:00Z
AWS_DEFAULT_REGION = x
AWS_SECRET_ACCESS_KEY={SECRET}
"""


def setup(tmp):
    write(tmp, "aws/config", CONFIG)
    write(tmp, "aws/credentials", CREDENTIALS)
    write(tmp, "app.env", ENV)
    shutil.copytree(DEMO, tmp / "demo")
    return ["--env-file", "app.env", "aws", "demo/.aws"]


def key(f):
    return (f["file"] or "", f["line"] or 0, f["column"] or 0, f["rule"])


def test_sorted(tmp):
    args = setup(tmp)
    r = lint(args + ["--format", "json"], tmp)
    check(r.rc == 1, "the inputs have findings", r)
    fs = r.json()["findings"]
    check(len(fs) >= 10, f"enough findings to check an order: {len(fs)}")
    check(len({f["file"] for f in fs}) >= 3, f"findings in several files: {sorted({f['file'] for f in fs})}")
    keys = [key(f) for f in fs]
    check(keys == sorted(keys), "findings are sorted by file, line, column, rule:\n" +
          "\n".join(map(str, keys)))
    # The text report follows the same order.
    t = lint(args, tmp)
    heads = [l for l in t.out.splitlines() if l.endswith("]") and ": " in l and not l.startswith((" ", "\t"))]
    check(len(heads) == len(fs), f"text shows every finding: {len(heads)} vs {len(fs)}", t)
    for h, f in zip(heads, fs):
        check(f"[{f['rule']} " in h, f"text order matches json order: {h!r} vs {f['rule']}")


def test_same_line_ordered_by_column(tmp):
    # AWS015 at the key (column 1) and AWS012 at the value (column 10) of one line: the higher rule id
    # comes first because its column is lower.
    write(tmp, "c/config", '[default]\nregion = "eu-west-1"\n')
    write(tmp, "c/credentials", "[default]\nregion = eu-west-1\n")
    r = lint(["--no-env", "--format", "json", "--enable", "AWS012,AWS015", "c"], tmp)
    fs = [f for f in r.json()["findings"] if f["file"] == "c/config"]
    check([(f["rule"], f["line"], f["column"]) for f in fs] == [("AWS015", 2, 1), ("AWS012", 2, 10)],
          f"same line: by column: {fs}", r)


def test_deterministic(tmp):
    args = setup(tmp)
    for fmt in FORMATS:
        a = lint(args + ["--format", fmt], tmp)
        b = lint(args + ["--format", fmt], tmp)
        check(a.rc == b.rc and a.out == b.out and a.err == b.err, f"--format {fmt}: two runs are identical", a)


def test_independent_of_argument_order_and_environment_order(tmp):
    write(tmp, "x/config", CONFIG)
    write(tmp, "x/credentials", CREDENTIALS)
    a = lint(["--no-env", "--format", "json", "x/config", "x/credentials"], tmp)
    b = lint(["--no-env", "--format", "json", "x/credentials", "x/config"], tmp)
    check(a.out == b.out, "the order of FILE arguments does not change the report", b)
    # The process environment: the same variables in another order give the same report.
    names = {"AWS_PROFILE": "a", "AWS_ACCESS_KEY_ID": KEY_ID, "AWS_CREDENTIAL_EXPIRATION": "2026-01-01T00:00:00Z",
             "AWS_SECRET_ACCESS_KEY": SECRET}
    e1 = clean_env(tmp, **names)
    e2 = clean_env(tmp, **dict(reversed(list(names.items()))))
    a = run(["--no-config", "--now", "2026-06-01T00:00:00Z", "--format", "json", "x"], tmp, env=e1)
    b = run(["--no-config", "--now", "2026-06-01T00:00:00Z", "--format", "json", "x"], tmp, env=e2)
    check(a.rc == b.rc and a.out == b.out, "the order of the process environment does not matter", b)


if __name__ == "__main__":
    sys.exit(main(globals()))
