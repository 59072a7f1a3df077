"""Shared helpers for the end-to-end tests: run the awslint binary in a controlled environment.

Each test script is run by ctest as `python3 test_x.py /path/to/awslint`. A test is a function
named test_* taking a fresh temporary directory (a pathlib.Path); it fails by raising
AssertionError. `main(globals())` runs them all and exits 1 when one fails.
"""

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import traceback

BIN = None  # set by main()

NOW = "2026-06-01T00:00:00Z"

# Documentation-style example credentials (never real).
KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
KEY_ID_2 = "AKIAI44QH8DHBEXAMPLE"
SECRET_2 = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"


class Result:
    def __init__(self, args, rc, out, err):
        self.args, self.rc, self.out, self.err = args, rc, out, err

    def __repr__(self):
        return (f"awslint {' '.join(self.args)}\n  exit {self.rc}\n  stdout: {self.out[:2000]!r}\n"
                f"  stderr: {self.err[:2000]!r}")

    def json(self):
        try:
            return json.loads(self.out)
        except ValueError as e:
            raise AssertionError(f"stdout is not JSON ({e}):\n{self!r}")


def clean_env(home, **extra):
    """An environment with no AWS_* variables from the caller: only what the test sets."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LC_ALL": "C.UTF-8"}
    env.update({k: str(v) for k, v in extra.items()})
    return env


def run(args, cwd, env=None, home=None, stdin=None, timeout=60):
    """Runs awslint with exactly `args` (no defaults added)."""
    if env is None:
        env = clean_env(home if home is not None else cwd)
    p = subprocess.run([BIN] + [str(a) for a in args], cwd=str(cwd), env=env, input=stdin,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    return Result([str(a) for a in args], p.returncode, p.stdout.decode("utf-8", "replace"),
                  p.stderr.decode("utf-8", "replace"))


def run_bytes(args, cwd, env=None):
    """Like run(), but returns (rc, stdout bytes, stderr bytes)."""
    if env is None:
        env = clean_env(cwd)
    p = subprocess.run([BIN] + [str(a) for a in args], cwd=str(cwd), env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    return p.returncode, p.stdout, p.stderr


def lint(args, cwd, env=None, **kw):
    """`awslint --no-config --now NOW ARGS`: no settings file, a fixed clock."""
    return run(["--no-config", "--now", NOW] + list(args), cwd, env=env, **kw)


def findings(args, cwd, env=None):
    """The findings of a JSON run, and the Result."""
    r = lint(list(args) + ["--format", "json"], cwd, env=env)
    assert r.rc in (0, 1), f"expected exit 0 or 1:\n{r!r}"
    return r.json()["findings"], r


def ids(fs):
    return [f["rule"] for f in fs]


def write(base, name, text):
    p = pathlib.Path(base) / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


def aws_dir(base, config=None, credentials=None, name=".aws"):
    """Writes a ~/.aws-style folder; None leaves a file out."""
    d = pathlib.Path(base) / name
    d.mkdir(parents=True, exist_ok=True)
    if config is not None:
        write(d, "config", config)
    if credentials is not None:
        write(d, "credentials", credentials)
    return d


GOOD_CONFIG = "[default]\nregion = eu-west-1\noutput = json\n"
GOOD_CREDENTIALS = f"[default]\naws_access_key_id = {KEY_ID}\naws_secret_access_key = {SECRET}\n"


def check(cond, msg, result=None):
    if not cond:
        raise AssertionError(msg + (f"\n{result!r}" if result is not None else ""))


def usage_error(r, what):
    """Exit 2, stdout empty, and on stderr one error line and a hint."""
    check(r.rc == 2, f"{what}: expected exit 2", r)
    check(r.out == "", f"{what}: expected nothing on stdout", r)
    lines = [l for l in r.err.splitlines() if l.strip()]
    hints = [l for l in lines if l.lower().startswith("hint")]
    errors = [l for l in lines if l not in hints]
    check(len(errors) == 1 and "error" in errors[0].lower(), f"{what}: expected exactly one error line on stderr", r)
    check(len(hints) >= 1, f"{what}: expected a hint on stderr", r)
    check(len(lines) <= 3, f"{what}: expected a short message (error + hint), got {len(lines)} lines", r)


def main(namespace):
    global BIN
    if len(sys.argv) < 2:
        print(f"usage: {sys.argv[0]} /path/to/awslint [test_name ...]", file=sys.stderr)
        return 2
    BIN = os.path.abspath(sys.argv[1])
    only = set(sys.argv[2:])
    tests = [(n, f) for n, f in namespace.items() if n.startswith("test_") and callable(f)]
    tests = [(n, f) for n, f in tests if not only or n in only]
    failed = []
    for name, fn in tests:
        with tempfile.TemporaryDirectory(prefix="awslint-e2e-") as tmp:
            try:
                fn(pathlib.Path(tmp))
                print(f"PASS {name}")
            except Exception:  # noqa: BLE001 - report every failure, go on
                failed.append(name)
                print(f"FAIL {name}")
                traceback.print_exc(file=sys.stdout)
    print(f"{len(tests) - len(failed)}/{len(tests)} passed" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0
