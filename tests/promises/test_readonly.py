#!/usr/bin/env python3
"""Promise: awslint never writes (no file changed, none created, none removed, no mode or time
changed), whatever it reads and whatever it is asked, except the report file named with -o.

Every subcommand and output format (promises_common.commands) runs over a copy of the fixtures and
a fake HOME with .aws, with the working directory inside that copy, and the full tree (every file,
folder and symlink: type, mode, size, mtime, content hash, link target) is compared before and
after. Then `-o FILE` must create exactly FILE and nothing else. When strace works here, the same
runs are traced too: no system call that creates, writes, renames, removes or changes a file
(open for writing, mkdir, unlink, rename, chmod, utime, truncate, ...) may appear, bar the -o file.

    python3 tests/promises/test_readonly.py AWSLINT SOURCE_DIR
"""
import hashlib
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile

from promises_common import args_or_exit, clean_env, commands, copy_fixtures

WRITE_CALLS = {"creat", "mkdir", "mkdirat", "rmdir", "unlink", "unlinkat", "rename", "renameat", "renameat2",
               "link", "linkat", "symlink", "symlinkat", "truncate", "ftruncate", "chmod", "fchmod", "fchmodat",
               "chown", "fchown", "lchown", "fchownat", "utime", "utimes", "utimensat", "futimesat", "mknod",
               "mknodat", "setxattr", "lsetxattr", "fsetxattr", "removexattr", "lremovexattr", "fremovexattr",
               "fallocate"}


def snapshot(root):
    snap = {}
    for d, dirs, files in os.walk(root):
        for name in dirs + files:
            p = os.path.join(d, name)
            st = os.lstat(p)
            rec = (stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid, st.st_size,
                   st.st_mtime_ns, st.st_ctime_ns)
            if stat.S_ISLNK(st.st_mode):
                rec += (os.readlink(p),)
            elif stat.S_ISREG(st.st_mode):
                with open(p, "rb") as f:
                    rec += (hashlib.sha256(f.read()).hexdigest(),)
            snap[os.path.relpath(p, root)] = rec
    st = os.lstat(root)
    snap["."] = (st.st_mode, st.st_mtime_ns, st.st_ctime_ns)
    return snap


def diff(before, after):
    out = []
    for p in sorted(set(before) | set(after)):
        if p not in after:
            out.append(f"removed: {p}")
        elif p not in before:
            out.append(f"created: {p}")
        elif before[p] != after[p]:
            out.append(f"changed: {p}: {before[p]} -> {after[p]}")
    return out


def batch_script(awslint, cmds, outdir):
    lines = ["#!/bin/bash", f"A={shlex.quote(awslint)}"]
    for name, argv in cmds:
        q = " ".join(shlex.quote(a) for a in argv)
        lines.append(f'"$A" {q} </dev/null >{shlex.quote(os.path.join(outdir, name + ".out"))} 2>&1')
    lines.append("exit 0")
    return "\n".join(lines) + "\n"


def strace_works(tmp):
    if not shutil.which("strace"):
        return "strace is not installed"
    log = os.path.join(tmp, "probe.strace")
    p = subprocess.run(["strace", "-f", "--seccomp-bpf", "-qq", "-e", "trace=%file,%desc", "-o", log, "true"], capture_output=True)
    if p.returncode != 0:
        return f"strace cannot trace here: {p.stderr.decode(errors='replace').strip()[:300]}"
    return None


def write_calls(log, allowed):
    """System calls of the traced awslint runs that would change the file system."""
    bad = []
    for line in open(log, errors="replace"):
        m = re.match(r"^(\d+)\s+([a-z0-9_]+)\((.*)", line)
        if not m:
            continue
        call, rest = m.group(2), m.group(3)
        # A failed attempt counts too: awslint has no reason to try.
        if call in WRITE_CALLS:
            if not any(a in rest for a in allowed):
                bad.append(line.strip())
        elif call in ("open", "openat", "openat2"):
            flags = re.search(r"O_[A-Z_|]+", rest)
            f = flags.group(0) if flags else ""
            if any(x in f for x in ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND")):
                path = re.search(r'"([^"]*)"', rest)
                if not (path and any(path.group(1).endswith(a) for a in allowed)):
                    bad.append(line.strip())
    return bad


def main():
    awslint, src = args_or_exit()
    tmp = tempfile.mkdtemp(prefix="awslint-readonly-")
    root = os.path.join(tmp, "root")
    outdir = os.path.join(tmp, "out")
    os.makedirs(root)
    os.makedirs(outdir)
    fixtures = copy_fixtures(src, root)
    cmds = commands(fixtures, root)
    # Also run from inside ~/.aws and with the fixture paths absolute (nothing is written beside them).
    home_aws = os.path.join(root, "home", ".aws")
    extra_cwd = [(f"abs-{n}", [a if not os.path.exists(os.path.join(root, a)) else os.path.join(root, a) for a in argv])
                 for n, argv in cmds if n.startswith(("fixtures-", "home-dump", "home-resolve"))]
    env = clean_env(os.path.join(root, "home"))
    failures = []

    # Let any first-run effects (none expected) and the fixture copy settle, then snapshot.
    before = snapshot(root)
    script = os.path.join(tmp, "batch.sh")
    with open(script, "w") as f:
        f.write(batch_script(awslint, cmds, outdir))
    p = subprocess.run(["bash", script], cwd=root, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=1200)
    if p.returncode != 0:
        failures.append(f"the batch failed: {p.stderr[:500]!r}")
    with open(script, "w") as f:
        f.write(batch_script(awslint, extra_cwd, outdir))
    subprocess.run(["bash", script], cwd=home_aws, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=1200)
    after = snapshot(root)
    d = diff(before, after)
    if d:
        failures.append(f"{len(d)} changes in the tree after {len(cmds) + len(extra_cwd)} runs:\n  " + "\n  ".join(d[:20]))
    else:
        print(f"test_readonly: {len(cmds) + len(extra_cwd)} runs over {len(fixtures)} fixtures and a fake HOME: "
              "tree unchanged (content, mode, mtime, ctime; nothing created or removed)")

    # -o writes exactly the named file and nothing else, in every format.
    for fmt in ("text", "json", "sarif", "github", "gitlab", "junit", "checkstyle"):
        target = os.path.join(root, f"report.{fmt}")
        before = snapshot(root)
        p = subprocess.run([awslint, "--no-config", "--format", fmt, "-o", target, "home/.aws"], cwd=root, env=env,
                           capture_output=True)
        after = snapshot(root)
        d = diff(before, after)
        expected = {f"created: report.{fmt}"}
        got = {x for x in d if not x.startswith("changed: .:")}  # the folder's own mtime: a file was created in it
        if got != expected:
            failures.append(f"awslint -o report.{fmt}: expected only {expected}, got {d}")
        os.remove(target)

    why = strace_works(tmp)
    if why:
        print(f"test_readonly: strace check skipped: {why}")
    else:
        log = os.path.join(tmp, "trace.strace")
        with open(script, "w") as f:
            f.write(batch_script(awslint, cmds, outdir))
        senv = dict(env)
        senv["ASAN_OPTIONS"] = (senv.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":")
        # Only awslint is traced for writes: the shell's own redirections (the .out files) are not
        # awslint's. strace -f follows it; the batch runs each awslint under its own strace.
        lines = ["#!/bin/bash", f"A={shlex.quote(awslint)}"]
        for name, argv in cmds:
            q = " ".join(shlex.quote(a) for a in argv)
            lines.append(f'strace -f --seccomp-bpf -qq -e trace=%file,%desc -o {shlex.quote(log)}.{name} "$A" {q} </dev/null >/dev/null 2>&1')
        with open(script, "w") as f:
            f.write("\n".join(lines) + "\n")
        subprocess.run(["bash", script], cwd=root, env=senv, stdin=subprocess.DEVNULL, capture_output=True, timeout=2400)
        bad = []
        for name, _ in cmds:
            path = f"{log}.{name}"
            if not os.path.exists(path):
                failures.append(f"no strace log for {name}")
                continue
            bad += [f"{name}: {b}" for b in write_calls(path, allowed=("/dev/null", "/dev/tty"))]
        if bad:
            failures.append(f"{len(bad)} file-changing system calls under strace, e.g.:\n  " + "\n  ".join(bad[:15]))
        else:
            print(f"test_readonly: strace: {len(cmds)} runs, no system call that writes, creates or changes a file")

    if failures:
        print("test_readonly: FAIL:\n" + "\n".join(failures))
        print(f"(kept in {tmp})")
        return 1
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"test_readonly: ok ({len(cmds)} command lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
