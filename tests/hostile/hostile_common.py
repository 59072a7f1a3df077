"""Shared helpers of the hostile-input tests (tests/hostile/test_*.py).

Each test is run by ctest as `python3 tests/hostile/test_X.py AWSLINT` (tests/hostile.cmake). It
makes its inputs in a fresh temporary directory, runs awslint there with a clean environment
(HOME is the temporary directory, no AWS_* variables, --no-config so no .awslint.ini is read), and
fails when a run takes LIMIT seconds of CPU time or more, or is still running after HARD_TIMEOUT
seconds (wall clock): a hang (a FIFO read, an endless device) fails the test instead of blocking
ctest. CPU time, not wall time, is held to LIMIT so that a loaded CI machine does not fail it.
AWSLINT_HOSTILE_TIME_SCALE multiplies both (tests/hostile.cmake sets 3 in the sanitizer build).
Exit status: 0 passed, 1 failed, 77 skipped (SKIP_RETURN_CODE).

Known bugs: a check wrapped in `case.known_bug(ID, WHERE, fn)` is a bug found in code these tests
do not own (src/, rules/). While it fails it prints `XFAIL ID: ...` and does not fail the test; once
it passes it prints `XPASS ID: remove the known_bug wrapper`. AWSLINT_HOSTILE_STRICT=1 makes known
bugs fail like any other check (to see what is still open: ctest -L hostile with it set).
"""
import json
import os
import resource
import re
import shutil
import subprocess
import sys
import tempfile
import time

SCALE = float(os.environ.get("AWSLINT_HOSTILE_TIME_SCALE", "1") or 1)
LIMIT = 2.0 * SCALE        # CPU seconds a run may take
HARD_TIMEOUT = 10 * SCALE  # wall-clock seconds after which a run is killed (reported as a hang)
SKIP = 77

# A credentials file and a config file that are read fine and each give one known finding, to show
# that the other input is still linted when one input fails.
GOOD_CREDENTIALS = b"[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\nregion = us-east-1\nregion = us-west-2\n"
GOOD_CREDENTIALS_RULE, GOOD_CREDENTIALS_LINE = "AWS002", 4   # duplicate key
GOOD_CONFIG = b"[default]\nregion = us-east-1\n\n[default]\noutput = json\n"
GOOD_CONFIG_RULE, GOOD_CONFIG_LINE = "AWS001", 4             # duplicate section


class Failure(Exception):
    pass


class Result:
    def __init__(self, args, rc, out, err, secs):
        self.args, self.rc, self.out, self.err, self.secs = args, rc, out, err, secs

    @property
    def stderr(self):
        return self.err.decode("utf-8", "replace")

    @property
    def stdout(self):
        return self.out.decode("utf-8", "replace")

    def json(self):
        try:
            return json.loads(self.out.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            raise Failure(f"{self.describe()}: stdout is not valid JSON ({e}): {self.out[:300]!r}")

    def describe(self):
        return "awslint " + " ".join(self.args)


class Case:
    """One test: a temporary directory and a way to run awslint in it."""

    def __init__(self):
        if len(sys.argv) < 2:
            print(f"usage: {sys.argv[0]} AWSLINT", file=sys.stderr)
            sys.exit(2)
        self.awslint = os.path.abspath(sys.argv[1])
        self.dir = tempfile.mkdtemp(prefix="awslint-hostile-")
        os.chmod(self.dir, 0o755)  # tests that drop privileges need to reach it
        self.checks = 0

    # -- inputs -------------------------------------------------------------------------------
    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, data, mode=None):
        p = self.path(name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        if mode is not None:
            os.chmod(p, mode)
        return name

    def good_pair(self):
        self.write("good-config", GOOD_CONFIG)
        self.write("good-credentials", GOOD_CREDENTIALS)

    # -- running ------------------------------------------------------------------------------
    def env(self):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.dir, "LC_ALL": "C.UTF-8"}
        for k, v in os.environ.items():  # keep the sanitizer settings of the sanitizer build
            if k.startswith(("ASAN_", "UBSAN_", "LSAN_")):
                env[k] = v
        return env

    def run(self, *args, cwd=None, prefix=(), limit=None, env=None):
        limit = LIMIT if limit is None else limit * SCALE
        args = [str(a) for a in args]
        argv = list(prefix) + [self.awslint, "--no-config"] + args
        t0 = time.monotonic()
        ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            p = subprocess.run(argv, cwd=cwd or self.dir, env=env or self.env(), stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=HARD_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Failure(f"awslint {' '.join(args)}: still running after {HARD_TIMEOUT} s (hangs)")
        wall = time.monotonic() - t0
        ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
        r = Result(args, p.returncode, p.stdout, p.stderr, cpu)
        r.wall = wall
        self.checks += 1
        self.slowest = max(getattr(self, "slowest", (0, "")), (cpu, r.describe()))
        if cpu >= limit:
            raise Failure(f"{r.describe()}: took {cpu:.2f} s of CPU ({wall:.2f} s wall; limit {limit} s)")
        if r.rc < 0:
            raise Failure(f"{r.describe()}: killed by signal {-r.rc}\n{r.stderr[-3000:]}")
        for marker in ("Sanitizer", "runtime error:", "terminate called", "Segmentation fault"):
            if marker in r.stderr:
                raise Failure(f"{r.describe()}: {marker} in stderr\n{r.stderr[-5000:]}")
        return r

    # -- known bugs ---------------------------------------------------------------------------
    def known_bug(self, bug_id, where, fn):
        try:
            fn()
        except Failure as e:
            if os.environ.get("AWSLINT_HOSTILE_STRICT") == "1":
                raise Failure(f"[known bug {bug_id}, {where}] {e}")
            print(f"XFAIL {bug_id} ({where}): {str(e)[:600]}")
            self.xfails = getattr(self, "xfails", 0) + 1
            return
        print(f"XPASS {bug_id}: fixed; remove the known_bug wrapper in {os.path.basename(sys.argv[0])}")

    # -- assertions ---------------------------------------------------------------------------
    @staticmethod
    def expect(cond, msg):
        if not cond:
            raise Failure(msg)

    def expect_rc(self, r, *codes):
        self.expect(r.rc in codes, f"{r.describe()}: exit {r.rc}, expected {' or '.join(map(str, codes))}\n"
                                   f"stdout: {r.stdout[:1500]}\nstderr: {r.stderr[:1500]}")

    def expect_error_naming(self, r, display, *reason):
        """stderr has an error line that names the file (quoted) and gives one of the reasons."""
        lines = [l for l in r.stderr.splitlines() if f"'{display}'" in l and "error" in l]
        self.expect(lines, f"{r.describe()}: no error line naming '{display}' on stderr: {r.stderr!r}")
        if reason:
            self.expect(any(any(w.lower() in l.lower() for w in reason) for l in lines),
                        f"{r.describe()}: the error does not say why ({' / '.join(reason)}): {lines}")

    def expect_resolve(self, r):
        """resolve ran: exit 0 or 1 (and JSON when asked). While `resolve` is the placeholder of
        src/resolve.cpp (exit 2, "resolve: unknown format" for any format), only the absence of a
        crash and the time are checked. Returns whether resolve is implemented."""
        if r.rc == 2 and ("not implemented" in r.stdout or re.search(r"resolve: unknown format '(text|json)'", r.stderr)):
            return False
        self.expect_rc(r, 0, 1)
        if "json" in r.args:
            r.json()
        return True

    def findings(self, r):
        return r.json()["findings"]

    def expect_finding(self, r, file, rule, line=None):
        fs = self.findings(r)
        ok = any(f["file"] == file and f["rule"] == rule and (line is None or f["line"] == line) for f in fs)
        self.expect(ok, f"{r.describe()}: no {rule} finding in {file}" + (f" at line {line}" if line else "")
                    + f"; findings: {[(f['rule'], f['file'], f['line']) for f in fs]}")

    def expect_clean_text(self, r):
        """The text report is UTF-8 with no control characters but newline and tab (no terminal
        escapes from the input reach the terminal), and holds no NUL."""
        try:
            text = r.out.decode("utf-8")
        except UnicodeDecodeError as e:
            raise Failure(f"{r.describe()}: the text report is not valid UTF-8: {e}")
        bad = [c for c in set(text) if (ord(c) < 0x20 and c not in "\n\t") or ord(c) == 0x7f or 0x80 <= ord(c) < 0xa0]
        self.expect(not bad, f"{r.describe()}: control characters {sorted(map(hex, map(ord, bad)))} in the text report")

    def expect_valid_utf8(self, r):
        try:
            r.out.decode("utf-8")
        except UnicodeDecodeError as e:
            raise Failure(f"{r.describe()}: output is not valid UTF-8: {e}")

    # -- common scenario ----------------------------------------------------------------------
    def refused_everywhere(self, name, *reason, positional=True, env_file=True):
        """`name` cannot be read: as --config, --credentials, a positional file and --env-file it is
        refused quickly with an error that names it (exit 2 when it is the only input), and the other
        input is still linted when there is one."""
        self.good_pair()
        # The only input: exit 2, a clear message.
        for opt in ("--config", "--credentials"):
            r = self.run(opt, name)
            self.expect_rc(r, 2)
            self.expect_error_naming(r, name, *reason)
        if positional:
            r = self.run(name)
            self.expect_rc(r, 2)
            self.expect_error_naming(r, name, *reason)
        # The other input still linted, in every report format that has a file list.
        r = self.run("--config", name, "--credentials", "good-credentials", "--format", "json")
        self.expect_rc(r, 1, 2)
        self.expect_error_naming(r, name, *reason)
        self.expect_finding(r, "good-credentials", GOOD_CREDENTIALS_RULE, GOOD_CREDENTIALS_LINE)
        r = self.run("--config", "good-config", "--credentials", name, "--format", "json")
        self.expect_rc(r, 1, 2)
        self.expect_error_naming(r, name, *reason)
        self.expect_finding(r, "good-config", GOOD_CONFIG_RULE, GOOD_CONFIG_LINE)
        r = self.run("--config", name, "--credentials", "good-credentials")
        self.expect_rc(r, 1, 2)
        self.expect("good-credentials:4:" in r.stdout, f"{r.describe()}: text report lacks good-credentials:4: {r.stdout!r}")
        self.expect_clean_text(r)
        if env_file:
            r = self.run("--env-file", name)
            self.expect_rc(r, 2)
            self.expect_error_naming(r, name, *reason)
            r = self.run("--env-file", name, "--config", "good-config", "--format", "json")
            self.expect_rc(r, 1, 2)
            self.expect_error_naming(r, name, *reason)
            self.expect_finding(r, "good-config", GOOD_CONFIG_RULE, GOOD_CONFIG_LINE)

    def done(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def main(test):
    """Runs test(case); prints one line and exits 0, 1 or 77."""
    name = os.path.splitext(os.path.basename(sys.argv[0]))[0]
    case = Case()
    try:
        skipped = test(case)
    except Failure as e:
        print(f"{name}: FAIL: {e}")
        print(f"(inputs kept in {case.dir})")
        sys.exit(1)
    if isinstance(skipped, str):
        print(f"{name}: SKIP: {skipped}")
        case.done()
        sys.exit(SKIP)
    cpu, what = getattr(case, "slowest", (0, ""))
    xf = getattr(case, "xfails", 0)
    print(f"{name}: ok ({case.checks} runs; slowest {cpu:.2f} s CPU: {what[:100]})"
          + (f"; {xf} known bug(s) still open (XFAIL above)" if xf else ""))
    case.done()
    sys.exit(0)
