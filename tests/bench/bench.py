#!/usr/bin/env python3
"""awslint performance benchmark (driver behind run.sh; see README.md).

For each size it times, with several repetitions (medians reported):
  awslint   BIN --no-env --now 2026-01-01T00:00:00Z --format text DIR   (exit 1 is fine)
  AWS CLI   /usr/bin/aws configure list-profiles (Debian's v2) on the same files
  wc -l     on the same files (the floor: process start + reading the bytes)
and peak RSS of awslint via /usr/bin/time -f %M. Then checks the targets and prints PASS/MISS.
Exit 0 unless something crashed (2), or with --check 1 on a missed target.
"""

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen_config  # noqa: E402

NOW = "2026-01-01T00:00:00Z"
AWS_CLI = "/usr/bin/aws"
TIME = "/usr/bin/time"
MiB = 1024 * 1024

# Targets.
SMALL_MS = 5.0          # 10-profile config, whole process
LARGE_MS = 100.0        # 100,000 profiles
RSS_FACTOR, RSS_EXTRA = 3, 10 * MiB  # peak RSS <= 3 x input + 10 MiB at 100,000 profiles
GROWTH_MAX = 11.0       # time(100k) / time(10k)


class Crash(Exception):
    pass


def clean_env(extra=None):
    """The environment without AWS_* (an AWS_PROFILE would change what the CLI does)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env["LC_ALL"] = "C"
    env.update(extra or {})
    return env


def run_once(argv, env, ok_codes=(0,)):
    """Wall time (s), peak RSS (bytes) and CPU time (s) of one run, output to /dev/null.

    posix_spawn + wait4 keeps the harness overhead well under a millisecond."""
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
    ]
    t0 = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
    _, status, ru = os.wait4(pid, 0)
    t1 = time.perf_counter()
    code = os.waitstatus_to_exitcode(status)
    if code not in ok_codes:
        raise Crash("%s exited with %d" % (" ".join(argv), code))
    return t1 - t0, ru.ru_maxrss * 1024, ru.ru_utime + ru.ru_stime


def check_run(argv, env, ok_codes=(0,)):
    """One untimed run (warm-up) that keeps the output: exit code, stdout line count."""
    p = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True)
    if p.returncode not in ok_codes:
        tail = p.stderr.decode(errors="replace").strip().splitlines()[-5:]
        raise Crash("%s exited with %d\n  %s" % (" ".join(argv), p.returncode, "\n  ".join(tail)))
    return p.returncode, p.stdout.count(b"\n"), p.stdout


def time_rss(argv, env, ok_codes=(0,)):
    """Peak RSS in bytes as /usr/bin/time reports it (None without /usr/bin/time)."""
    if not os.access(TIME, os.X_OK):
        return None
    p = subprocess.run([TIME, "-f", "@@RSS %M"] + argv, env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if p.returncode not in ok_codes:
        raise Crash("%s exited with %d" % (" ".join(argv), p.returncode))
    for line in p.stderr.decode(errors="replace").splitlines():
        if line.startswith("@@RSS "):
            return int(line.split()[1]) * 1024
    return None


def measure(argv, env, reps, ok_codes=(0,)):
    times, rss, cpu = [], [], []
    for _ in range(reps):
        t, r, c = run_once(argv, env, ok_codes)
        times.append(t)
        rss.append(r)
        cpu.append(c)
    return statistics.median(times), max(rss), statistics.median(cpu)


def default_awslint():
    for cand in (os.environ.get("AWSLINT"), os.path.join(ROOT, "build", "awslint"),
                 os.path.join(ROOT, "build-bench", "awslint")):
        if cand and os.access(cand, os.X_OK):
            return cand
    return None


def fmt_ms(s):
    return "-" if s is None else ("%.2f" % (s * 1e3) if s < 0.1 else "%.0f" % (s * 1e3))


def fmt_ratio(a, b):
    return "-" if a is None or b is None or b == 0 else "%.3g" % (a / b)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="run.sh", description="awslint performance benchmark")
    ap.add_argument("--awslint", metavar="BIN",
                    help="awslint binary (default: $AWSLINT, build/awslint, build-bench/awslint)")
    ap.add_argument("--reps", type=int, default=5, help="repetitions per measurement (default 5)")
    ap.add_argument("--cli-reps-large", type=int, default=3,
                    help="repetitions of the AWS CLI at >= 100,000 profiles (default 3, ~12 s each)")
    ap.add_argument("--sizes", default="10,1000,10000,100000",
                    help="comma-separated profile counts (default 10,1000,10000,100000)")
    ap.add_argument("--cache", metavar="DIR", default=gen_config.default_cache_root(),
                    help="where generated configs are kept between runs (default %(default)s)")
    ap.add_argument("--no-cli", action="store_true", help="skip the AWS CLI")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    reps = max(1, args.reps)

    awslint = args.awslint or default_awslint()
    if args.awslint and not os.access(args.awslint, os.X_OK):
        print("run.sh: %s: not an executable" % args.awslint, file=sys.stderr)
        return 2
    if awslint:
        awslint = os.path.abspath(awslint)
    else:
        print("run.sh: awslint not found (build/awslint, build-bench/awslint); measuring only the "
              "CLI and wc. Build it or pass --awslint BIN.", file=sys.stderr)
    use_cli = not args.no_cli and os.access(AWS_CLI, os.X_OK)
    if not args.no_cli and not use_cli:
        print("run.sh: %s missing (apt-get install awscli); skipping the CLI" % AWS_CLI,
              file=sys.stderr)
    if not os.access(TIME, os.X_OK):
        print("run.sh: %s missing (apt-get install -y time); peak RSS from wait4() instead"
              % TIME, file=sys.stderr)
    wc = shutil.which("wc")

    print("awslint benchmark: %s, %s, %d CPUs, python %s" % (
        awslint or "(no awslint)", platform.machine(), os.cpu_count() or 0,
        platform.python_version()))
    print("reps %d (AWS CLI at >= 100,000 profiles: %d); times are medians of whole-process "
          "wall time (CPU = user + sys)" % (reps, min(reps, args.cli_reps_large)))
    load = os.getloadavg()[0]
    if load > (os.cpu_count() or 1):
        print("WARNING: load average %.1f on %d CPUs: wall times are inflated, compare CPU ms"
              % (load, os.cpu_count() or 1))
    print()

    rows = []
    for n in sizes:
        d = gen_config.cached(n, args.cache)
        cfg, cred = os.path.join(d, "config"), os.path.join(d, "credentials")
        nbytes = os.path.getsize(cfg) + os.path.getsize(cred)
        row = {"n": n, "bytes": nbytes, "dir": d}
        env = clean_env()
        if awslint:
            cmd = [awslint, "--no-env", "--now", NOW, "--format", "text", d]
            code, lines, out = check_run(cmd, env, ok_codes=(0, 1))
            row["exit"], row["lines"] = code, lines
            row["first"] = out.decode(errors="replace").splitlines()[:3]
            row["lint_s"], rss_wait, row["lint_cpu"] = measure(cmd, env, reps, (0, 1))
            rss_time = time_rss(cmd, env, (0, 1))
            row["lint_rss"] = rss_time if rss_time is not None else rss_wait
        if use_cli:
            cenv = clean_env({"AWS_CONFIG_FILE": cfg, "AWS_SHARED_CREDENTIALS_FILE": cred,
                              "AWS_PAGER": ""})
            cmd = [AWS_CLI, "configure", "list-profiles"]
            large = n >= 100_000
            if not large:
                check_run(cmd, cenv)  # warm-up (.pyc, page cache)
            row["cli_reps"] = min(reps, args.cli_reps_large) if large else reps
            row["cli_s"], _, _ = measure(cmd, cenv, row["cli_reps"])
        if wc:
            cmd = [wc, "-l", cfg, cred]
            run_once(cmd, env)
            row["wc_s"], _, _ = measure(cmd, env, reps)
        rows.append(row)
        print("  %7d profiles: %s" % (n, ", ".join(
            "%s %s ms" % (k, fmt_ms(row.get(k + "_s")))
            for k in ("lint", "cli", "wc") if row.get(k + "_s") is not None)), flush=True)
    print()

    hdr = ["profiles", "input bytes", "awslint ms", "awslint CPU ms", "awslint RSS MiB", "out lines", "CLI ms",
           "wc ms", "awslint/CLI", "awslint/wc"]
    table = [hdr]
    for r in rows:
        table.append([
            "{:,}".format(r["n"]), "{:,}".format(r["bytes"]), fmt_ms(r.get("lint_s")),
            fmt_ms(r.get("lint_cpu")),
            "-" if r.get("lint_rss") is None else "%.1f" % (r["lint_rss"] / MiB),
            "-" if r.get("lines") is None else str(r["lines"]),
            fmt_ms(r.get("cli_s")) + ("" if r.get("cli_reps", reps) == reps or r.get("cli_s") is None
                                      else " (%d reps)" % r["cli_reps"]),
            fmt_ms(r.get("wc_s")), fmt_ratio(r.get("lint_s"), r.get("cli_s")),
            fmt_ratio(r.get("lint_s"), r.get("wc_s"))])
    widths = [max(len(row[i]) for row in table) for i in range(len(hdr))]
    for i, row in enumerate(table):
        print("  ".join(c.rjust(w) for c, w in zip(row, widths)))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print()

    by_n = {r["n"]: r for r in rows}
    results = []  # (name, ok or None, detail)

    def target(name, n, fn):
        r = by_n.get(n)
        if r is None or r.get("lint_s") is None:
            results.append((name, None, "not measured"))
        else:
            results.append((name,) + fn(r))

    target("10 profiles <= %.0f ms whole-process" % SMALL_MS, 10,
           lambda r: (r["lint_s"] * 1e3 <= SMALL_MS, "%s ms (CPU %s ms)"
                      % (fmt_ms(r["lint_s"]), fmt_ms(r["lint_cpu"]))))
    target("100,000 profiles <= %.0f ms" % LARGE_MS, 100_000,
           lambda r: (r["lint_s"] * 1e3 <= LARGE_MS, "%s ms (CPU %s ms)"
                      % (fmt_ms(r["lint_s"]), fmt_ms(r["lint_cpu"]))))

    def rss_fn(r):
        limit = RSS_FACTOR * r["bytes"] + RSS_EXTRA
        return (r["lint_rss"] <= limit,
                "%.1f MiB, limit %.1f MiB (3 x %.1f + 10)"
                % (r["lint_rss"] / MiB, limit / MiB, r["bytes"] / MiB))
    target("100,000 profiles peak RSS <= 3 x input + 10 MiB", 100_000, rss_fn)

    r10k, r100k = by_n.get(10_000), by_n.get(100_000)
    if r10k and r100k and r10k.get("lint_s") and r100k.get("lint_s"):
        g = r100k["lint_s"] / r10k["lint_s"]
        gc = r100k["lint_cpu"] / r10k["lint_cpu"] if r10k["lint_cpu"] else float("nan")
        print("awslint growth 10,000 -> 100,000 profiles: %.2fx wall, %.2fx CPU (input %.2fx)"
              % (g, gc, r100k["bytes"] / r10k["bytes"]))
        results.append(("10,000 -> 100,000 time growth <= %.0fx" % GROWTH_MAX, g <= GROWTH_MAX,
                        "%.2fx (CPU %.2fx)" % (g, gc)))
    else:
        results.append(("10,000 -> 100,000 time growth <= %.0fx" % GROWTH_MAX, None,
                        "not measured"))
    clean = [r for r in rows if r.get("lines") is not None]
    if clean:
        print("awslint output lines per size (a clean config should give few): %s" % ", ".join(
            "{:,}: {}".format(r["n"], r["lines"]) for r in clean))
    print()
    missed = 0
    for name, ok, detail in results:
        tag = "SKIP" if ok is None else ("PASS" if ok else "MISS")
        missed += ok is False
        print("%s  %-48s %s" % (tag, name, detail))
    if missed:
        print("\n%d target(s) missed; tests/bench/profile.sh shows where the time goes." % missed)
    return 1 if (args.check and missed) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Crash as e:
        print("run.sh: crashed: %s" % e, file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
