#!/usr/bin/env python3
"""The Debian package: cpack -G DEB builds it from the build tree; its contents, its control fields
and its dependencies are checked, and it is installed into a throwaway root (dpkg --root, with a
dpkg database of its own; dpkg-deb -x when that is not possible) and run from there.

    python3 test_package.py CPACK CPackConfig.cmake VERSION static|shared

(static: awslint was built with fmt, RE2, inih and libstdc++ linked in, AWSLINT_STATIC_DEPS.)

Exit status 0 passed, 1 failed, 77 skipped (no dpkg-deb; under CI that fails).
"""
import glob
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77

EXPECTED_FILES = [
    "./usr/bin/awslint",
    "./usr/share/man/man1/awslint.1.gz",
    "./usr/share/bash-completion/completions/awslint",
    "./usr/share/doc/awslint/README.md",
]
# Depends of a binary linked against the shared fmt, RE2, inih and libstdc++ (AWSLINT_STATIC_DEPS off);
# with them linked in (the default) only libc6 (the fifth argument says which build this is).
SHARED_DEPENDS = ["libfmt9", "libre2-9", "libinih1", "libstdc++6", "libc6"]
STATIC_DEPENDS = ["libc6"]


class Failed(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failed(what)


def run(args, **kw):
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600, **kw)
    if p.returncode != 0:
        raise Failed("%s exited with %d:\n%s" % (" ".join(args), p.returncode, p.stdout))
    return p.stdout


def installed_version(pkg):
    p = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                       text=True)
    return p.stdout.strip() if p.returncode == 0 else None


def test(tmp, cpack, config, version, linked):
    expected_depends = STATIC_DEPENDS if linked == "static" else SHARED_DEPENDS
    out = os.path.join(tmp, "out")
    run([cpack, "-G", "DEB", "--config", config, "-B", out])
    debs = glob.glob(os.path.join(out, "*.deb"))
    check(len(debs) == 1, "cpack made one .deb: %s" % debs)
    deb = debs[0]
    check(os.path.basename(deb).startswith("awslint_%s_" % version), "named awslint_VERSION_ARCH.deb: %s" % deb)

    # Contents.
    listing = run(["dpkg-deb", "-c", deb])
    paths = {line.split()[-1] for line in listing.splitlines() if line.strip()}
    for f in EXPECTED_FILES:
        check(f in paths, "%s is in the package:\n%s" % (f, listing))
    exe = [l for l in listing.splitlines() if l.split()[-1] == "./usr/bin/awslint"][0]
    check(exe.startswith("-rwxr-xr-x root/root"), "the binary is executable and owned by root: %s" % exe)
    check(not any("/tmp" in p or "build" in p for p in paths), "no build paths leak into the package")

    # Control fields: Depends from dpkg-shlibdeps (or the fallback list), each satisfiable here.
    fields = {k: run(["dpkg-deb", "-f", deb, k]).strip() for k in ("Package", "Version", "Depends", "Description")}
    check(fields["Package"] == "awslint" and fields["Version"] == version, "Package/Version: %s" % fields)
    depends = [d.strip() for d in fields["Depends"].split(",")]
    names = [d.split()[0] for d in depends]
    for lib in expected_depends:
        check(lib in names, "Depends names %s: %s" % (lib, fields["Depends"]))
    if linked == "static":
        check(names == ["libc6"], "a binary with its libraries linked in depends on libc6 alone: %s" % fields["Depends"])
    for d in depends:
        name = d.split()[0]
        have = installed_version(name)
        check(have is not None, "the dependency %s is installed on this machine" % name)
        if "(" in d:
            op, want = d[d.index("(") + 1:d.index(")")].split()
            ok = subprocess.run(["dpkg", "--compare-versions", have, {">=": "ge", "=": "eq", "<=": "le",
                                                                     ">>": "gt", "<<": "lt"}[op], want]).returncode
            check(ok == 0, "installed %s %s satisfies %s" % (name, have, d))

    # Install into a throwaway root and run it from there.
    root = os.path.join(tmp, "root")
    for d in ("var/lib/dpkg/updates", "var/lib/dpkg/info"):
        os.makedirs(os.path.join(root, d))
    open(os.path.join(root, "var/lib/dpkg/status"), "w").close()
    how = "dpkg --root"
    p = subprocess.run(["dpkg", "--root=" + root, "--force-depends", "--force-not-root", "--force-script-chrootless",
                        "--log=/dev/null", "-i", deb], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if p.returncode != 0:
        # Some dpkg versions refuse --root for a non-root user: unpack instead.
        how = "dpkg-deb -x (dpkg --root failed: %s)" % p.stdout.strip().splitlines()[-1:]
        shutil.rmtree(root)
        run(["dpkg-deb", "-x", deb, root])
    else:
        status = run(["dpkg", "--root=" + root, "-s", "awslint"])
        check("Status: install ok installed" in status, "dpkg says awslint is installed:\n" + status)
    binary = os.path.join(root, "usr/bin/awslint")
    got = run([binary, "--version"]).strip()
    check(got == "awslint %s" % version, "awslint --version from the installed root: %r" % got)
    rules = run([binary, "rules"])
    check("AWS001" in rules, "the installed binary lists its rules")
    if linked == "static" and shutil.which("readelf"):
        dyn = run(["readelf", "-d", binary])
        needed = sorted(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dyn))
        check(all(n.startswith(("libc.so", "libm.so", "ld-linux")) for n in needed),
              "fmt, RE2, inih and libstdc++ are linked in, only libc is loaded: NEEDED %s" % needed)

    # The installed man page is the generated one, with every rule.
    with gzip.open(os.path.join(root, "usr/share/man/man1/awslint.1.gz"), "rt") as fh:
        man = fh.read()
    check(man.startswith(".\\\" Generated by 'awslint rules --format man'"), "the man page is the generated one")
    for line in rules.splitlines():
        rule_id = line.split()[0]
        check("\\fB%s\\fR" % rule_id in man, "the man page lists %s" % rule_id)
    with open(os.path.join(root, "usr/share/bash-completion/completions/awslint")) as fh:
        check("complete -F _awslint awslint" in fh.read(), "the completion is installed")
    print("installed with %s" % how)


def main():
    if len(sys.argv) != 5 or sys.argv[4] not in ("static", "shared"):
        print(__doc__, file=sys.stderr)
        return 2
    cpack, config, version, linked = sys.argv[1:]
    missing = [t for t in ("dpkg-deb", "dpkg", "dpkg-query") if shutil.which(t) is None]
    if missing:
        print("test_package: %s not found (Debian's dpkg)" % ", ".join(missing))
        return 1 if os.environ.get("CI") else SKIP
    with tempfile.TemporaryDirectory(prefix="awslint-package-") as tmp:
        try:
            test(tmp, cpack, config, version, linked)
        except Failed as e:
            print("FAIL: %s" % e)
            return 1
    print("PASS: the Debian package")
    return 0


if __name__ == "__main__":
    sys.exit(main())
