#!/usr/bin/env python3
"""End-to-end test of .pre-commit-hooks.yaml with Debian's pre-commit, offline.

    python3 test_precommit.py path/to/awslint path/to/source-tree

A throwaway hooks repository holds this tree's .pre-commit-hooks.yaml (committed, so that the
manifest is tested exactly as a user's `repo:` would fetch it); a throwaway project uses it through
a local `repo:` path. The built awslint's directory comes first on PATH (language: system).
HOME, PRE_COMMIT_HOME and git's configuration live in a temporary directory, and proxies point at
a closed port, so neither pre-commit nor git can reach the network or the caller's setup.

Exit status 0 passed, 1 failed, 77 skipped (pre-commit or git missing; under CI that fails).
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

SKIP = 77

BAD_CONFIG = """[default]
region = eu-west-1
region = us-east-1
output = json
"""
GOOD_CONFIG = """[default]
region = eu-west-1
output = json
"""
CI_CONFIG = """[profile ci]
region = eu-west-1
credential_process = /usr/local/bin/ci-credentials
"""


class Failed(Exception):
    pass


def check(cond, what, proc=None):
    if not cond:
        detail = ""
        if proc is not None:
            detail = "\n  command: %s\n  exit: %d\n  output:\n%s" % (" ".join(proc.args), proc.returncode,
                                                                     proc.stdout)
        raise Failed(what + detail)


class Sandbox:
    def __init__(self, tmp, awslint):
        self.tmp = tmp
        self.home = tmp / "home"
        self.home.mkdir()
        closed = "http://127.0.0.1:9"
        self.env = {
            "PATH": "%s:/usr/bin:/bin" % os.path.dirname(awslint),
            "HOME": str(self.home),
            "PRE_COMMIT_HOME": str(tmp / "pre-commit-cache"),
            "XDG_CACHE_HOME": str(tmp / "xdg-cache"),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
            "LC_ALL": "C.UTF-8", "NO_COLOR": "1", "TERM": "dumb",
            "http_proxy": closed, "https_proxy": closed, "HTTP_PROXY": closed, "HTTPS_PROXY": closed,
            "ALL_PROXY": closed, "GIT_TERMINAL_PROMPT": "0", "PRE_COMMIT_COLOR": "never",
        }
        (self.home / ".gitconfig").write_text("[init]\n\tdefaultBranch = main\n[protocol]\n\tallow = never\n"
                                              "[protocol \"file\"]\n\tallow = always\n")

    def run(self, args, cwd, ok=None):
        p = subprocess.run(args, cwd=str(cwd), env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, timeout=300)
        if ok is not None:
            check((p.returncode == 0) == ok, "%s should %s" % (" ".join(args), "succeed" if ok else "fail"), p)
        return p


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test(tmp, awslint, source):
    sb = Sandbox(tmp, awslint)

    # The hooks repository: this tree's manifest, committed.
    hooks = tmp / "awslint-hooks"
    hooks.mkdir()
    shutil.copy(source / ".pre-commit-hooks.yaml", hooks / ".pre-commit-hooks.yaml")
    sb.run(["git", "init", "-q"], hooks, ok=True)
    sb.run(["git", "add", ".pre-commit-hooks.yaml"], hooks, ok=True)
    sb.run(["git", "commit", "-q", "-m", "hooks"], hooks, ok=True)
    rev = sb.run(["git", "rev-parse", "HEAD"], hooks, ok=True).stdout.strip()

    # The project that uses them, with a remote to push to.
    proj = tmp / "project"
    proj.mkdir()
    remote = tmp / "remote.git"
    sb.run(["git", "init", "-q", "--bare", str(remote)], tmp, ok=True)
    sb.run(["git", "init", "-q"], proj, ok=True)
    sb.run(["git", "remote", "add", "origin", str(remote)], proj, ok=True)
    write(proj / ".pre-commit-config.yaml",
          "repos:\n"
          "  - repo: %s\n"
          "    rev: %s\n"
          "    hooks:\n"
          "      - id: awslint\n"
          "      - id: awslint-home\n" % (hooks, rev))
    sb.run(["pre-commit", "install", "-t", "pre-commit", "-t", "pre-push"], proj, ok=True)
    sb.run(["git", "add", ".pre-commit-config.yaml"], proj, ok=True)
    p = sb.run(["git", "commit", "-q", "-m", "pre-commit"], proj, ok=True)
    check("(no files to check)Skipped" in p.stdout.replace(".", ""), "no AWS file staged: the hook is skipped", p)

    # A bad config among good files: the commit is refused, with awslint's finding.
    write(proj / ".aws" / "config", BAD_CONFIG)
    write(proj / "deploy" / "ci.aws-config", CI_CONFIG)
    write(proj / "README.md", "region = us-east-1\nregion = eu-west-1\n")  # not an AWS file: not linted
    sb.run(["git", "add", ".aws/config", "deploy/ci.aws-config", "README.md"], proj, ok=True)
    p = sb.run(["git", "commit", "-m", "aws config"], proj, ok=False)
    check("awslint (AWS config and credentials files)" in p.stdout and "Failed" in p.stdout,
          "the awslint hook ran and failed", p)
    check(".aws/config:3:1: error:" in p.stdout and "[AWS002 duplicate-key]" in p.stdout,
          "awslint's finding is shown at the file and line", p)
    check("README.md" not in p.stdout, "README.md is not linted", p)
    check(sb.run(["git", "rev-list", "--count", "HEAD"], proj).stdout.strip() == "1", "nothing was committed", p)

    # A bad *.aws-credentials file is linted as a credentials file.
    write(proj / ".aws" / "config", GOOD_CONFIG)
    write(proj / "deploy" / "ci.aws-credentials", "[ci]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                                                  "aws_access_key_id = AKIAI44QH8DHBEXAMPLE\n")
    sb.run(["git", "add", "-A"], proj, ok=True)
    p = sb.run(["git", "commit", "-m", "aws config"], proj, ok=False)
    check("deploy/ci.aws-credentials:3:1: error:" in p.stdout and "[AWS002 duplicate-key]" in p.stdout,
          "the credentials file's finding is shown", p)
    check("AKIAI44QH8DHBEXAMPLE" not in p.stdout and "AKIAIOSFODNN7EXAMPLE" not in p.stdout,
          "no key id in clear", p)

    # Fixed: the commit goes through.
    (proj / "deploy" / "ci.aws-credentials").unlink()
    sb.run(["git", "add", "-A"], proj, ok=True)
    p = sb.run(["git", "commit", "-m", "aws config"], proj, ok=True)
    check("awslint (AWS config and credentials files)" in p.stdout and "Passed" in p.stdout,
          "the awslint hook ran and passed", p)
    check(sb.run(["git", "rev-list", "--count", "HEAD"], proj).stdout.strip() == "2", "the commit is there", p)

    # awslint-home: no ~/.aws at all passes quietly, on demand and on push.
    p = sb.run(["pre-commit", "run", "awslint-home", "--hook-stage", "manual", "--verbose"], proj, ok=True)
    check("Passed" in p.stdout and "no findings" not in p.stdout, "no ~/.aws: awslint-home passes, says nothing", p)
    p = sb.run(["git", "push", "-q", "origin", "main"], proj, ok=True)
    check("awslint (~/.aws and the AWS environment)" in p.stdout, "the push ran awslint-home", p)
    # It does not run on commit.
    write(proj / "notes.txt", "x\n")
    sb.run(["git", "add", "notes.txt"], proj, ok=True)
    p = sb.run(["git", "commit", "-m", "notes"], proj, ok=True)
    check("~/.aws" not in p.stdout, "awslint-home does not run on commit", p)

    # A bad ~/.aws refuses the push, with the finding.
    write(sb.home / ".aws" / "config", BAD_CONFIG)
    p = sb.run(["git", "push", "origin", "main"], proj, ok=False)
    check("%s:3:1: error:" % (sb.home / ".aws" / "config") in p.stdout and "[AWS002 duplicate-key]" in p.stdout,
          "the push is refused with the finding in ~/.aws/config", p)
    p = sb.run(["pre-commit", "run", "awslint-home", "--hook-stage", "manual"], proj, ok=False)
    check("[AWS002 duplicate-key]" in p.stdout, "on demand too", p)

    # Offline: everything pre-commit keeps is local (no clone of anything but the local hooks repo).
    repos = list((tmp / "pre-commit-cache").glob("repo*"))
    check(len(repos) == 1, "pre-commit cached exactly the local hooks repository: %s" % repos)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    awslint = os.path.abspath(sys.argv[1])
    source = pathlib.Path(sys.argv[2]).resolve()
    missing = [t for t in ("pre-commit", "git") if shutil.which(t) is None]
    if missing:
        print("test_precommit: %s not installed (apt-get install %s)" % (", ".join(missing), " ".join(missing)))
        return 1 if os.environ.get("CI") else SKIP
    with tempfile.TemporaryDirectory(prefix="awslint-precommit-") as d:
        try:
            test(pathlib.Path(d), awslint, source)
        except Failed as e:
            print("FAIL: %s" % e)
            return 1
    print("PASS: the awslint and awslint-home hooks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
