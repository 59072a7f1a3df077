#!/usr/bin/env python3
"""Promise: awslint never uses the network.

Every subcommand and output format (promises_common.commands) over a copy of the fixtures and a
fake HOME with .aws is run three ways, each time as one batch from a shell script:
  1. plainly;
  2. under `strace -f -e trace=%network,socket,connect,%process`: no network system call at all
     (not even an AF_UNIX socket) may appear in the trace of awslint or anything it starts;
  3. inside a new network namespace (`unshare -n`, or `unshare -rn` when not root), where only a
     down loopback exists: the output (stdout, stderr, exit status) must be byte-identical to 1.
Each of 2 and 3 first proves that it works here (strace sees python open a socket; the namespace
has no interface but lo). When one cannot work in this sandbox, the test says exactly why and runs
the other; when neither can, it skips (exit 77) with the reasons.

    python3 tests/promises/test_offline.py AWSLINT SOURCE_DIR
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

from promises_common import SKIP, args_or_exit, clean_env, commands, copy_fixtures

NETWORK_CALLS = {
    "socket", "socketpair", "bind", "listen", "accept", "accept4", "connect", "getsockname", "getpeername",
    "sendto", "recvfrom", "sendmsg", "recvmsg", "sendmmsg", "recvmmsg", "shutdown", "setsockopt", "getsockopt",
}


def write_batch(path, awslint, cmds):
    lines = ["#!/bin/bash", 'out="$1"', f"A={shlex.quote(awslint)}"]
    for name, argv in cmds:
        q = " ".join(shlex.quote(a) for a in argv)
        lines.append(f'"$A" {q} </dev/null >"$out/{name}.out" 2>"$out/{name}.err"; echo $? >"$out/{name}.rc"')
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def run_batch(prefix, batch, outdir, root, env, timeout=1200):
    os.makedirs(outdir)
    p = subprocess.run(list(prefix) + ["bash", batch, outdir], cwd=root, env=env, capture_output=True,
                       stdin=subprocess.DEVNULL, timeout=timeout)
    return p


def compare(a, b, cmds):
    diffs = []
    for name, argv in cmds:
        for ext in (".out", ".err", ".rc"):
            pa, pb = os.path.join(a, name + ext), os.path.join(b, name + ext)
            da = open(pa, "rb").read() if os.path.exists(pa) else None
            db = open(pb, "rb").read() if os.path.exists(pb) else None
            if da != db:
                diffs.append(f"awslint {' '.join(argv)}: {ext[1:]} differs:\n  plain: {da[:300]!r}\n  other: {db[:300]!r}")
    return diffs


def network_calls(log, awslint):
    """The network system calls of awslint and of whatever it starts. The batch's own bash (and the
    forks it makes before they exec awslint) is not under test: glibc's user lookups in bash talk
    to nscd over an AF_UNIX socket. A process is awslint's once it execs awslint, or when its
    parent was awslint's when it was made."""
    prog = {}  # pid -> "awslint" or "other"
    calls = []
    execs = 0
    for line in open(log, errors="replace"):
        m = re.match(r"^(\d+)\s+(?:<\.\.\. )?([a-z0-9_]+)[( ]", line)
        if not m:
            continue
        pid, call = int(m.group(1)), m.group(2)
        if call == "execve" and "resumed" not in line and "= -1" not in line:
            path = re.match(r'^\d+\s+execve\("([^"]*)"', line)
            is_awslint = bool(path) and os.path.basename(path.group(1)) == os.path.basename(awslint)
            execs += is_awslint
            prog[pid] = "awslint" if is_awslint or prog.get(pid) == "awslint" else "other"
        elif call in ("clone", "clone3", "fork", "vfork"):
            child = re.search(r"= (\d+)\s*$", line)
            if child:
                prog[int(child.group(1))] = prog.get(pid, "other")
        elif call in NETWORK_CALLS and prog.get(pid) == "awslint":
            calls.append(line.strip())
    return calls, execs


def strace_probe(tmp, env):
    """None when strace works, else why not."""
    if not shutil.which("strace"):
        return "strace is not installed (Debian package strace)"
    log = os.path.join(tmp, "probe.strace")
    p = subprocess.run(["strace", "-f", "--seccomp-bpf", "-qq", "-e", "trace=%network,socket,connect,%process", "-o", log, sys.executable, "-c",
                        "import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()"],
                       capture_output=True, env=env, timeout=60)
    if p.returncode != 0:
        return f"strace cannot trace here (exit {p.returncode}): {p.stderr.decode(errors='replace').strip()[:300]}"
    if "socket(" not in open(log, errors="replace").read():
        return "strace ran but did not record the socket() call of a probe: tracing is not reliable here"
    return None


def unshare_probe(tmp):
    """(prefix, None) when a network namespace can be made, else (None, why)."""
    if not shutil.which("unshare"):
        return None, "unshare is not installed (Debian package util-linux)"
    reasons = []
    for prefix in (["unshare", "-n"], ["unshare", "-rn"]):
        p = subprocess.run(prefix + ["cat", "/proc/net/dev"], capture_output=True, timeout=60)
        if p.returncode != 0:
            reasons.append(f"`{' '.join(prefix)}` failed: {p.stderr.decode(errors='replace').strip()[:200]}")
            continue
        ifaces = [l.split(":")[0].strip() for l in p.stdout.decode().splitlines()[2:] if ":" in l]
        if ifaces != ["lo"]:
            reasons.append(f"`{' '.join(prefix)}` has interfaces {ifaces}, not only lo")
            continue
        return prefix, None
    return None, "; ".join(reasons)


def main():
    awslint, src = args_or_exit()
    tmp = tempfile.mkdtemp(prefix="awslint-offline-")
    root = os.path.join(tmp, "root")
    os.makedirs(root)
    fixtures = copy_fixtures(src, root)
    cmds = commands(fixtures, root)
    batch = os.path.join(tmp, "batch.sh")
    write_batch(batch, awslint, cmds)
    env = clean_env(os.path.join(root, "home"))
    failures, skipped = [], []

    plain = os.path.join(tmp, "plain")
    p = run_batch([], batch, plain, root, env)
    if p.returncode != 0:
        print(f"test_offline: FAIL: the batch did not run: {p.stderr.decode(errors='replace')[:500]}")
        return 1
    crashed = [n for n, _ in cmds if int(open(os.path.join(plain, n + ".rc")).read()) > 2]
    if crashed:
        failures.append(f"exit status above 2 (a crash?) for: {crashed[:10]}")

    why = strace_probe(tmp, env)
    if why:
        skipped.append(f"strace check skipped: {why}")
    else:
        log = os.path.join(tmp, "trace.strace")
        senv = dict(env)
        # LeakSanitizer cannot run under ptrace: in the sanitizer build, leaks are checked elsewhere.
        senv["ASAN_OPTIONS"] = (senv.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":")
        # One -e trace= only: a second one replaces the first. %network includes socket and connect.
        p = run_batch(["strace", "-f", "--seccomp-bpf", "-qq", "-e", "trace=%network,socket,connect,%process", "-o", log],
                      batch, os.path.join(tmp, "strace"), root, senv)
        if p.returncode != 0:
            failures.append(f"strace run failed: {p.stderr.decode(errors='replace')[:500]}")
        else:
            calls, execs = network_calls(log, awslint)
            if execs != len(cmds):
                failures.append(f"the trace shows {execs} execs of awslint for {len(cmds)} command lines: "
                                "it cannot be attributed reliably")
            if calls:
                failures.append(f"{len(calls)} network system calls under strace, e.g.:\n  " + "\n  ".join(calls[:10]))
            print(f"test_offline: strace: {execs} awslint runs, no network system call")
            # strace must not change what awslint prints either (apart from the leak check).
            diffs = compare(plain, os.path.join(tmp, "strace"), cmds)
            if diffs:
                failures.append("output under strace differs:\n" + "\n".join(diffs[:5]))

    prefix, why = unshare_probe(tmp)
    if why:
        skipped.append(f"network-namespace check skipped: {why}")
    else:
        p = run_batch(prefix, batch, os.path.join(tmp, "netns"), root, env)
        if p.returncode != 0:
            failures.append(f"{' '.join(prefix)} run failed: {p.stderr.decode(errors='replace')[:500]}")
        else:
            diffs = compare(plain, os.path.join(tmp, "netns"), cmds)
            if diffs:
                failures.append(f"output without a network ({' '.join(prefix)}) differs from the output with one:\n"
                                + "\n".join(diffs[:10]))
            else:
                print(f"test_offline: `{' '.join(prefix)}`: {len(cmds)} runs, output identical to the runs with a network")

    for s in skipped:
        print(f"test_offline: {s}")
    if failures:
        print("test_offline: FAIL:\n" + "\n".join(failures))
        print(f"(kept in {tmp})")
        return 1
    shutil.rmtree(tmp, ignore_errors=True)
    if len(skipped) == 2:
        print("test_offline: SKIP: neither strace nor a network namespace works here")
        return SKIP
    print(f"test_offline: ok ({len(cmds)} command lines over {len(fixtures)} fixtures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
