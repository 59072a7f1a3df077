#!/usr/bin/env python3
"""Generate a large, realistic, clean AWS CLI config + credentials pair for benchmarking.

    gen_config.py --profiles N --out DIR [--seed S]

Writes DIR/config and DIR/credentials. N counts every profile, [default] included. The mix is
about 70 % SSO profiles (through one [sso-session corp]), 20 % assume-role profiles (chains of one
to three hops ending at a profile with static keys, mfa_serial on some) and 10 % static-key
profiles (keys in the credentials file, region in the config file). Every profile has a region
and everything it refers to exists, so awslint should find (almost) nothing. Some profiles carry
a nested `s3 =` block, some sections are preceded by comments. About 150 bytes per profile in
total (100,000 profiles ~ 15 MB). Output is a pure function of N and the seed.
"""

import argparse
import hashlib
import os
import random
import string
import sys

REGIONS = [
    "us-east-1", "us-east-1", "us-east-1", "us-east-2", "us-west-2", "us-west-2", "eu-west-1",
    "eu-west-1", "eu-central-1", "eu-north-1", "ap-southeast-2", "ap-northeast-1", "ca-central-1",
    "sa-east-1", "ap-south-1",
]
SSO_ROLES = [
    ("admin", "AdministratorAccess"),
    ("ro", "ReadOnlyAccess"),
    ("dev", "PowerUserAccess"),
    ("ops", "SystemAdministrator"),
    ("billing", "Billing"),
    ("audit", "SecurityAudit"),
    ("data", "DataScientist"),
    ("net", "NetworkAdministrator"),
]
ASSUME_ROLES = [
    "OrganizationAccountAccessRole", "DeployRole", "TerraformExecution", "CiReadOnly",
    "BreakGlass", "LogArchiveReader", "CostExplorer",
]
TEAMS = ["payments", "search", "platform", "data", "identity", "mobile", "ml", "security", "web"]
OUTPUTS = ["json", "json", "json", "yaml", "table", "text"]
KEY_ALPHABET = string.ascii_uppercase + string.digits
SECRET_ALPHABET = string.ascii_letters + string.digits + "+/"


def account(rng):
    return "".join(rng.choice(string.digits[1:]) if i == 0 else rng.choice(string.digits)
                   for i in range(12))


def access_key_id(rng):
    return "AKIA" + "".join(rng.choice(KEY_ALPHABET) for _ in range(16))


def secret_key(rng):
    return "".join(rng.choice(SECRET_ALPHABET) for _ in range(40))


def kind_of(i):
    """Fixed 10 % static / 20 % role / 70 % SSO pattern over the named profiles."""
    m = i % 10
    if m == 0:
        return "static"
    if m in (4, 8):
        return "role"
    return "sso"


def generate(n, seed):
    rng = random.Random(seed)
    cfg = []
    cred = []
    w = cfg.append
    c = cred.append

    w("# AWS CLI configuration for corp (generated for the awslint benchmark)\n")
    w("# Managed by the platform team; one profile per account and role.\n\n")
    w("[default]\nregion = us-east-1\noutput = json\n\n")
    c("# Long-term keys for the break-glass IAM users. Rotate every 90 days.\n\n")
    c("[default]\naws_access_key_id = %s\naws_secret_access_key = %s\n\n"
      % (access_key_id(rng), secret_key(rng)))

    w("[sso-session corp]\n")
    w("sso_start_url = https://corp-identity.awsapps.com/start\n")
    w("sso_region = us-east-1\n")
    w("sso_registration_scopes = sso:account:access\n\n")

    static_profiles = ["default"]  # profiles with credentials (source_profile targets)
    role_profiles = []             # (name, hops) for chaining
    for i in range(n - 1):
        kind = kind_of(i)
        region = rng.choice(REGIONS)
        if rng.random() < 0.04:
            w("# %s team, %s\n" % (rng.choice(TEAMS), region))
        if kind == "sso":
            short, role = rng.choice(SSO_ROLES)
            name = "acct-%d-%s" % (i, short)
            w("[profile %s]\nsso_session = corp\nsso_account_id = %s\nsso_role_name = %s\n"
              "region = %s\noutput = %s\n" % (name, account(rng), role, region, rng.choice(OUTPUTS)))
        elif kind == "static":
            name = "iam-%d-%s" % (i, rng.choice(TEAMS))
            w("[profile %s]\nregion = %s\noutput = json\n" % (name, region))
            c("[%s]\naws_access_key_id = %s\naws_secret_access_key = %s\n\n"
              % (name, access_key_id(rng), secret_key(rng)))
            static_profiles.append(name)
        else:
            role = rng.choice(ASSUME_ROLES)
            name = "role-%d-%s" % (i, role.lower())
            # A chain of 2-3 hops about a third of the time: source from an earlier role profile
            # that itself ends at static keys.
            chainable = [r for r in role_profiles[-8:] if r[1] < 3]
            if chainable and rng.random() < 0.35:
                src, hops = rng.choice(chainable)
                hops += 1
            else:
                src, hops = rng.choice(static_profiles[-5:]), 1
            acct = account(rng)
            w("[profile %s]\nrole_arn = arn:aws:iam::%s:role/%s\nsource_profile = %s\n"
              % (name, acct, role, src))
            if rng.random() < 0.15:
                w("mfa_serial = arn:aws:iam::%s:mfa/ops-%d\n" % (account(rng), rng.randrange(100)))
            if rng.random() < 0.2:
                w("role_session_name = bench-%d\n" % i)
            w("region = %s\n" % region)
            role_profiles.append((name, hops))
        if rng.random() < 0.05:
            w("s3 =\n  max_concurrent_requests = 20\n  addressing_style = path\n")
        w("\n")
    return "".join(cfg), "".join(cred)


DEFAULT_SEED = 20260101


def write(n, out, seed=DEFAULT_SEED, quiet=False):
    cfg, cred = generate(n, seed)
    os.makedirs(out, exist_ok=True)
    for fname, text in (("config", cfg), ("credentials", cred)):
        tmp = os.path.join(out, fname + ".tmp")
        with open(tmp, "w", encoding="ascii", newline="\n") as f:
            f.write(text)
        os.replace(tmp, os.path.join(out, fname))
    total = len(cfg) + len(cred)
    if not quiet:
        print("%s: %d profiles, %d bytes (%.0f bytes/profile)"
              % (out, n, total, total / n), file=sys.stderr)
    return out


def cached(n, root, seed=DEFAULT_SEED, quiet=False):
    """DIR under root for n profiles, generated on first use. The key includes this script's
    hash and the seed, so editing the generator invalidates the cache."""
    with open(os.path.abspath(__file__), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:12]
    out = os.path.join(root, "%s-s%d-n%d" % (digest, seed, n))
    if not (os.path.isfile(os.path.join(out, "config"))
            and os.path.isfile(os.path.join(out, "credentials"))):
        write(n, out, seed, quiet)
    return out


def default_cache_root():
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("TMPDIR") or "/tmp"
    return os.path.join(base, "awslint-bench")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profiles", type=int, required=True, help="number of profiles (>= 1)")
    dest = ap.add_mutually_exclusive_group(required=True)
    dest.add_argument("--out", help="output directory (created, files overwritten)")
    dest.add_argument("--cache", metavar="ROOT", nargs="?", const="",
                      help="generate under ROOT (default $XDG_CACHE_HOME or /tmp, /awslint-bench) "
                           "unless already there; print the directory")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args(argv)
    if args.profiles < 1:
        ap.error("--profiles must be >= 1")
    if args.out is not None:
        write(args.profiles, args.out, args.seed)
    else:
        print(cached(args.profiles, args.cache or default_cache_root(), args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
