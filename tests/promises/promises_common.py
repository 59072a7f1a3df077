"""What the promise tests (tests/promises/test_*.py) share: the fixtures, the fake HOME, and the list
of awslint command lines that covers every subcommand and output format over them.

A fixture is a folder under testdata/ or tests/differential/cases/ that holds a `config` or a
`credentials` file (and maybe an `env` file, given as --env-file).
"""
import os
import shutil
import sys

FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit", "checkstyle")
NOW = "2026-01-01T00:00:00Z"
SKIP = 77

HOME_CONFIG = b"""[default]
region = us-east-1
output = json

[profile dev]
role_arn = arn:aws:iam::123456789012:role/dev
source_profile = default
region = eu-west-1

[profile missing-source]
source_profile = nowhere

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
"""
HOME_CREDENTIALS = b"""[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[expired]
aws_access_key_id = ASIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
aws_session_token = token
aws_expiration = 2020-01-01T00:00:00Z
"""
ENV_FILE = b"AWS_PROFILE=dev\nAWS_REGION=us-west-2\nexport JUNK=1\n"


def args_or_exit():
    if len(sys.argv) < 3:
        print(f"usage: {sys.argv[0]} AWSLINT SOURCE_DIR", file=sys.stderr)
        sys.exit(2)
    return os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])


def fixture_dirs(root):
    """Fixture folders (relative to root), sorted."""
    out = []
    for base in ("testdata", os.path.join("tests", "differential", "cases")):
        top = os.path.join(root, base)
        for d, dirs, files in os.walk(top):
            dirs.sort()
            names = set(files) | set(dirs)
            if "config" in names or "credentials" in names:
                out.append(os.path.relpath(d, root))
    return sorted(out)


def copy_fixtures(src_root, dst_root):
    """Copies the fixtures (symlinks kept as symlinks) and makes a fake HOME with .aws. Returns the
    fixture folders relative to dst_root."""
    for base in ("testdata", os.path.join("tests", "differential", "cases")):
        if os.path.isdir(os.path.join(src_root, base)):
            shutil.copytree(os.path.join(src_root, base), os.path.join(dst_root, base), symlinks=True)
    home = os.path.join(dst_root, "home")
    os.makedirs(os.path.join(home, ".aws"))
    for name, data in (("config", HOME_CONFIG), ("credentials", HOME_CREDENTIALS)):
        with open(os.path.join(home, ".aws", name), "wb") as f:
            f.write(data)
    with open(os.path.join(dst_root, "aws.env"), "wb") as f:
        f.write(ENV_FILE)
    return fixture_dirs(dst_root)


def commands(fixtures, root):
    """(name, argv-after-awslint) for every subcommand and format, run with cwd = root and
    HOME = root/home. Relative paths, so the outputs do not depend on where root is."""
    cmds = []
    common = ["--now", NOW, "--no-config"]
    # What the CLI would read (HOME/.aws), every format, every subcommand.
    for fmt in FORMATS:
        cmds.append((f"home-{fmt}", ["check", "--format", fmt] + common))
    cmds.append(("home-default", common))
    cmds.append(("home-dump", ["dump"] + common))
    cmds.append(("home-dump-secrets", ["dump", "--show-secrets"] + common))
    for fmt in ("text", "json"):
        cmds.append((f"home-resolve-{fmt}", ["resolve", "--format", fmt] + common))
        cmds.append((f"home-resolve-{fmt}-profile", ["resolve", "--profile", "dev", "--format", fmt] + common))
    cmds.append(("home-env-file", ["check", "--env-file", "aws.env", "--format", "json"] + common))
    cmds.append(("home-profile", ["check", "--profile", "expired", "--format", "sarif"] + common))
    for fmt in ("text", "markdown", "json", "man"):
        cmds.append((f"rules-{fmt}", ["rules", "--format", fmt]))
    cmds.append(("explain", ["explain", "AWS001"]))
    cmds.append(("explain-name", ["explain", "missing-region"]))
    cmds.append(("help", ["--help"]))
    cmds.append(("version", ["--version"]))
    cmds.append(("usage-error", ["--bogus"]))
    cmds.append(("missing-input", ["--config", "does-not-exist"] + common))
    # Every fixture folder at once (one workspace each) in every format; then each fixture alone
    # through dump and resolve, and with its env file when it has one.
    for fmt in FORMATS:
        cmds.append((f"fixtures-{fmt}", ["check"] + list(fixtures) + ["--format", fmt] + common))
    for i, d in enumerate(fixtures):
        env = ["--env-file", os.path.join(d, "env")] if os.path.isfile(os.path.join(root, d, "env")) else []
        if env:
            cmds.append((f"fx{i}-env", ["check", d, "--format", "sarif"] + env + common))
        cmds.append((f"fx{i}-dump", ["dump", d] + env + common))
        cmds.append((f"fx{i}-resolve", ["resolve", d, "--format", "json"] + env + common))
    return cmds


def clean_env(home):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LC_ALL": "C.UTF-8"}
    for k, v in os.environ.items():
        if k.startswith(("ASAN_", "UBSAN_", "LSAN_")):
            env[k] = v
    return env
