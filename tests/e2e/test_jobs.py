"""Threads never change the output: a config of 1 MiB and more is lexed in parts and its rules run
side by side (`--jobs`, default: the CPUs available); every format, dump and resolve must give the
same bytes with --jobs 1 (no thread at all) as with 2, 3 or 8 threads."""

import random

from e2e_util import KEY_ID, SECRET, aws_dir, check, lint, main, run, usage_error

FORMATS = ["text", "json", "sarif", "junit"]


def messy_config(profiles, seed):
    """A big config with findings of many rules spread over the whole file (so over every part)."""
    rnd = random.Random(seed)
    out = ["# generated for test_jobs", "[default]", "region = eu-west-1", ""]
    for i in range(profiles):
        name = f"p{i}" if rnd.random() > 0.01 else f"p{i - 1}"  # now and then a duplicate section
        h = rnd.random()
        if h < 0.01:
            out.append(f"[profil {name}]")
        elif h < 0.02:  # names that go through shlex: quotes, a backslash, three words
            out.append(f'[profile "q {name}"]')
        elif h < 0.025:
            out.append(f"[profile back\\ slash{i}]")
        elif h < 0.03:
            out.append(f"[profile 'a b' c{i}]")
        else:
            out.append(f"[profile {name}]")
        kind = rnd.random()
        if kind < 0.5:
            out += ["sso_session = corp", f"sso_account_id = {100000000000 + i}", "sso_role_name = Admin"]
        elif kind < 0.8:
            src = f"p{rnd.randrange(max(1, i))}" if rnd.random() > 0.05 else f"missing-{i}"
            out += [f"role_arn = arn:aws:iam::{100000000000 + i}:role/R", f"source_profile = {src}"]
        else:
            out += ["region = us-east-1 # inline comment" if rnd.random() < 0.1 else "region = us-east-1"]
        r = rnd.random()
        if r < 0.02:
            out.append('output = "json"')
        elif r < 0.04:
            out.append("Region = us-west-2")  # upper case, then a duplicate key
            out.append("region = us-west-1")
        elif r < 0.05:
            out += ["s3 =", "  max_concurrent_requests = 10", "  not a pair"]
        elif r < 0.06:
            out.append("  indented = continuation")
        elif r < 0.07:
            out.append("junk without delimiter")
        elif r < 0.08:
            out.append("region = eu-west-1\u200b")
        out.append("")
    out += ["[sso-session corp]", "sso_start_url = https://corp.awsapps.com/start", "sso_region = us-east-1", ""]
    return "\n".join(out)


def credentials(n):
    lines = []
    for i in range(0, n, 7):
        lines += [f"[p{i}]", f"aws_access_key_id = {KEY_ID}", f"aws_secret_access_key = {SECRET}", "region = x", ""]
    return "\n".join(lines)


def test_same_output_with_any_number_of_threads(tmp):
    config = messy_config(20000, 7)
    check(len(config.encode()) > (1 << 20), "the config must be over 1 MiB (the threshold for threads)")
    d = aws_dir(tmp, config=config, credentials=credentials(20000))
    for fmt in FORMATS:
        base = lint(["--no-env", "--jobs", "1", "--format", fmt, d], tmp)
        check(base.rc == 1, f"{fmt}: expected findings", base)
        for jobs in ("2", "3", "8"):
            r = lint(["--no-env", "--jobs", jobs, "--format", fmt, d], tmp)
            check(r.rc == base.rc and r.out == base.out and r.err == base.err,
                  f"{fmt}: --jobs {jobs} differs from --jobs 1", r)
    # Not a vacuous comparison: the report holds findings of many rules, from the whole file.
    text = lint(["--no-env", "--jobs", "1", d], tmp).out
    rules = {w.strip("[]").split()[0] for w in text.split(" [AWS")[1:]}
    check(len(rules) >= 8, f"expected findings of many rules, got {sorted(rules)}")
    # Headers that go through shlex are classified after the others on a big file: their profiles exist.
    js = lint(["--no-env", "--jobs", "2", "--format", "json", d], tmp).out
    check('"profile": "q p' in js and '"profile": "back slash' in js, "profiles named by quoted headers are modelled")
    for sub in (["dump"], ["resolve", "--profile", "p3"]):
        base = run(sub + ["--no-env", "--jobs", "1", d], tmp)
        for jobs in ("2", "8"):
            r = run(sub + ["--no-env", "--jobs", jobs, d], tmp)
            check(r.rc == base.rc and r.out == base.out and r.err == base.err, f"{sub[0]}: --jobs {jobs} differs", r)


def test_file_read_in_halves(tmp):
    """A file of 4 MiB and more is read in two halves side by side: not a byte lost or moved."""
    out = ["[default]", "region = eu-west-1", ""]
    for i in range(70000):
        out += [f"[profile c{i}]", f"role_arn = arn:aws:iam::{100000000000 + i}:role/R", "source_profile = default",
                "region = us-east-1", ""]
    config = "\n".join(out + ["[profile the-very-last]", "region = eu-central-1", ""])
    data = config.encode()
    check(len(data) > (4 << 20), "the config must be over 4 MiB (the threshold for two reads)")
    d = aws_dir(tmp, config=config, credentials="[default]\naws_access_key_id = x\naws_secret_access_key = y\n")
    base = run(["dump", "--no-env", "--jobs", "1", d], tmp)
    r = run(["dump", "--no-env", "--jobs", "2", d], tmp)
    check(base.rc == 0 and r.rc == base.rc and r.out == base.out and r.err == base.err, "dump: --jobs 2 differs", r)
    # Profiles from the start, from around each 2 MiB boundary (where the halves may meet) and the end.
    near = [f"c{i}" for i in range(0, 70000, 25)
            if any(abs(data.find(f"\n[profile c{i}]\n".encode()) - (m << 20)) < 5000 for m in (2, 4))]
    check(len(near) >= 2, "profiles near the 2 MiB boundaries")
    for name in ["c0", "the-very-last"] + near:
        check(f'"{name}"' in r.out, f"dump shows profile {name}", r)
    j1 = lint(["--no-env", "--jobs", "1", "--format", "json", d], tmp)
    j2 = lint(["--no-env", "--jobs", "2", "--format", "json", d], tmp)
    check(j2.rc == j1.rc and j2.out == j1.out and j2.err == j1.err, "json: --jobs 2 differs", j2)


def test_credentials_read_beside_a_big_config(tmp):
    """The credentials file is read on its own thread while a big config is lexed: a credentials
    file that cannot be read is reported the same way, after the config, and the config is linted."""
    config = messy_config(20000, 3)
    d = aws_dir(tmp, config=config)
    missing = str(tmp / "nope" / "credentials")
    cfg = str(d / "config")
    for jobs in ("1", "2"):
        r = lint(["--no-env", "--jobs", jobs, "--format", "json", "--config", cfg, "--credentials", missing], tmp)
        check(r.rc == 1 and "cannot read credentials file" in r.err and "nope" in r.err,
              f"--jobs {jobs}: the unreadable credentials file is an error naming it", r)
        check('"AWS' in r.out, f"--jobs {jobs}: the config is still linted", r)
        if jobs == "1":
            base = r
        else:
            check(r.out == base.out and r.err == base.err, "--jobs 2 reports as --jobs 1", r)


def test_bad_jobs_is_a_usage_error(tmp):
    d = aws_dir(tmp, config="[default]\nregion = eu-west-1\n")
    for bad in ("0", "-1", "many"):
        usage_error(lint(["--jobs", bad, d], tmp), f"--jobs {bad}")


if __name__ == "__main__":
    raise SystemExit(main(globals()))
