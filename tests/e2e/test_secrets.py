"""No secret ever leaves awslint: fixtures full of secret keys, session tokens (1000+ characters) and
access key ids, in the config file, the credentials file and the env file, in every shape that
reaches a message or an excerpt (continuation lines, nested blocks, duplicate keys, invalid lines,
quoted values, inline comments, invisible characters, values set in both files, [DEFAULT], a file
the CLI rejects), run through every subcommand and format. No secret value, no part of one of ten
characters or more, and no whole access key id may appear in stdout, stderr or an -o file.

A leak is reported with the input set, the command and the format, and the text around it."""

import html
import json
import random
import sys
import xml.etree.ElementTree as ET

from e2e_util import check, clean_env, main, run, write
from test_formats import FORMATS

GRAM = 10  # a run of this many characters of a secret counts as a leak

_rng = random.Random(20260601)
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

SECRETS = {}  # label -> value: everything that must never be printed
KEY_IDS = {}  # label -> access key id: printed masked at most (first four, last four)


def secret(label, n=40):
    # Random base64 with at least one '/' or '+', as AWS secret keys are.
    while True:
        s = "".join(_rng.choice(B64) for _ in range(n))
        if any(c in "+/" for c in s) and any(c.isdigit() for c in s):
            SECRETS[label] = s
            return s


def token(label, n=1200):
    s = "".join(_rng.choice(B64) for _ in range(n - 2)) + "=="
    SECRETS[label] = s
    return s


def key_id(label, prefix="AKIA"):
    k = prefix + "".join(_rng.choice(B32) for _ in range(16))
    KEY_IDS[label] = k
    return k


def split3(s):
    a, b = len(s) // 3, 2 * len(s) // 3
    return s[:a], s[a:b], s[b:]


# ---- the inputs ------------------------------------------------------------------------------

def valid_set():
    """Files the CLI reads without complaint, with secrets everywhere findings look."""
    t1 = token("continued-token")
    p1, p2, p3 = split3(t1)
    config = f"""# The config file holds keys too (config-file provider).
[DEFAULT]
aws_session_token = {token("defaults-token", 1100)}

[default]
region = eu-west-1
aws_access_key_id = {key_id("config-default-id")}
aws_secret_access_key = {secret("config-default-secret")}

[profile dev]
region = eu-west-1 # Dublin
aws_secret_access_key = {secret("overridden-secret-config")}
aws_access_key_id = {key_id("overridden-id-config")}
credential_process = /usr/local/bin/fake --secret {secret("process-arg-secret")} --key {key_id("process-arg-id")}

[profile quoted]
aws_access_key_id = "{key_id("quoted-id")}"
aws_secret_access_key = "{secret("quoted-secret")}"
aws_session_token = '{token("quoted-token", 1050)}'

[profile commented]
aws_access_key_id = {key_id("commented-id")} # ops key
aws_secret_access_key = {secret("commented-secret")} ; rotated 2024
aws_session_token = {token("commented-token", 1000)} # from saml2aws

[profile invisible]
aws_access_key_id = {key_id("invisible-id")}\u200b
aws_secret_access_key = \u200b{secret("invisible-secret")}\u00a0
aws_session_token = {token("invisible-token", 1001)}\u2060

[profile colon]
aws_access_key_id: {key_id("colon-id")}
Aws_Secret_Access_Key: {secret("colon-secret")}

[profile continued]
aws_access_key_id = {key_id("continued-id")}
aws_secret_access_key = {secret("continued-secret")}
aws_session_token = {p1}
    {p2}
        {p3}
  region = eu-west-1

[profile nested]
s3 =
    aws_secret_access_key = {secret("nested-secret")}
    session_token = {secret("nested-token")}
    max_concurrent_requests = 20
    access_key_id = {key_id("nested-id")}

[profile role]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = missing

[profile typos] # {secret("header-comment")}
aws_acess_key_id = {key_id("typo-id")}
aws_secret_acces_key = {secret("typo-secret-1")}
aws_sercet_access_key = {secret("typo-secret-2")}
aws_session_tokn = {token("typo-token", 1000)}
	aws_secret_access_key = {secret("tab-continuation")}

[staging]
aws_secret_access_key = {secret("ignored-section-secret")}
aws_access_key_id = {key_id("ignored-section-id")}

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = eu-west-1
client_secret = {secret("sso-client-secret")}

[services s]
s3 =
  secret_access_key = {secret("services-secret")}
"""
    # A suppression with a reason that quotes a secret.
    config += f"""
[profile suppressed]
# awslint: disable=AWS012 -- was {secret("suppression-reason")}
region = "eu-west-1"
# awslint: disable=AWS999 -- {secret("suppression-unknown-reason")}
output = json
"""
    credentials = f"""[default]
aws_access_key_id = {key_id("cred-default-id")}
aws_secret_access_key = {secret("cred-default-secret")}
aws_session_token = {token("cred-default-token", 1300)}
aws_expiration = 2020-01-01T00:00:00Z

[dev]
aws_access_key_id = {key_id("overridden-id-credentials", "ASIA")}
aws_secret_access_key = {secret("overridden-secret-credentials")}
aws_security_token = {token("security-token", 1024)}
x_security_token_expires = 2026-06-01T00:05:00Z

[partial]
aws_access_key_id = {key_id("partial-id")}

[secret-only]
aws_secret_access_key = {secret("secret-only")}

[expiring]
aws_access_key_id = {key_id("expiring-id", "ASIA")}
aws_secret_access_key = {secret("expiring-secret")}
aws_session_token = {token("expiring-token", 1010)}
aws_session_expiration = not-a-time
expiration = "2020-01-01T00:00:00Z"

[profile wrong]
aws_access_key_id = {key_id("wrong-header-id")}
aws_secret_access_key = {secret("wrong-header-secret")}
"""
    env = f"""# CI environment, with a few mistakes.
AWS_PROFILE=dev
AWS_ACCESS_KEY_ID={key_id("env-id")}
AWS_SECRET_ACCESS_KEY={secret("env-secret-first")}
AWS_SECRET_ACCESS_KEY={secret("env-secret")}
AWS_SESSION_TOKEN={token("env-token", 1500)}
AWS_SECURITY_TOKEN={token("env-security-token", 1000)}
AWS_CREDENTIAL_EXPIRATION=2020-01-01T00:00:00Z
# old: AWS_SECRET_ACCESS_KEY={secret("env-comment-secret")}
export AWS_SECRET_ACCESS_KEY={secret("env-export-secret")}
AWS_SESSION_TOKEN = {token("env-spaced-token", 1000)}
{secret("env-bare-secret")}
{key_id("env-bare-id")} {secret("env-bare-pair")}
"AWS_SECRET_ACCESS_KEY"={secret("env-quoted-name")}
=\u200b{secret("env-no-name")}
AWS_ROLE_SESSION_NAME=ci-{key_id("env-session-name-id")}
"""
    return config, credentials, env


def broken_set():
    """Files the CLI rejects: the lexer's issues carry line text into messages and excerpts."""
    config = f"""{secret("before-header")}
[default]
region = eu-west-1
aws_secret_access_key = {secret("dup-first")}
aws_secret_access_key = {secret("dup-second")}
AWS_SECRET_ACCESS_KEY = {secret("dup-third")}
{secret("bare-line")}
aws_secret_access_key {secret("no-delimiter")}
= {secret("empty-key")}
aws_access_key_id {key_id("no-delimiter-id")}

[default]
aws_session_token = {token("dup-section-token", 1200)}

[profile nested]
s3 =
    {secret("nested-no-equals")}
    aws_secret_access_key = {secret("nested-after-error")}
"""
    credentials = (
        f"\ufeff[default]\naws_access_key_id = {key_id('bom-id')}\naws_secret_access_key = {secret('bom-secret')}\n"
        f"[x]\naws_secret_access_key = {secret('crlf-secret')}\r\naws_session_token = {token('crlf-token', 1000)}\r\n"
    )
    bad_utf8 = (f"[default]\naws_access_key_id = {key_id('latin1-id')}\n"
                f"aws_secret_access_key = {secret('latin1-secret')}\xe9\n").encode("latin-1")
    env = f"AWS_ACCESS_KEY_ID={key_id('env-partial-id')}\nAWS_SESSION_TOKEN={token('env-partial-token', 1000)}\n"
    return config, credentials, env, bad_utf8


# ---- the check ---------------------------------------------------------------------------------

def texts_of(raw):
    """The output as written, and decoded the ways its consumers decode it (JSON, XML, HTML)."""
    out = [raw, raw.replace("\\/", "/"), html.unescape(raw)]
    strings = []

    def walk(x):
        if isinstance(x, str):
            strings.append(x)
        elif isinstance(x, dict):
            for k, v in x.items():
                strings.append(k)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    try:
        walk(json.loads(raw))
    except ValueError:
        pass
    try:
        for el in ET.fromstring(raw).iter():
            strings.extend([el.text or "", el.tail or ""] + list(el.attrib.values()))
    except ET.ParseError:
        pass
    if strings:
        out.append("\n".join(strings))
    return out


def grams(text):
    return {text[i:i + GRAM] for i in range(len(text) - GRAM + 1)}


class Scanner:
    def __init__(self):
        self.leaks = []
        self.runs = 0
        needles = {}
        for label, s in list(SECRETS.items()) + list(KEY_IDS.items()):
            for i in range(len(s) - GRAM + 1):
                needles.setdefault(s[i:i + GRAM], label)
        self.needles = needles

    def scan(self, where, raw):
        self.runs += 1
        for text in texts_of(raw):
            hit = grams(text) & self.needles.keys()
            if hit:
                by_label = {}
                for g in sorted(hit):
                    by_label.setdefault(self.needles[g], []).append(g)
                for label, gs in sorted(by_label.items()):
                    at = text.find(gs[0])
                    context = text[max(0, at - 80):at + 80]
                    self.leaks.append((label, where, f"{where}: '{label}' leaks ({len(gs)} runs of {GRAM}): "
                                                     f"...{context!r}..."))
                return


def run_all(tmp, scanner, label, args_before, inputs, env=None, cwd=None):
    """Every command over one input set; every output goes through the scanner."""
    cwd = cwd or tmp
    base = ["--no-config", "--now", "2026-06-01T00:00:00Z"]

    def go(what, args, out_file=None):
        r = run(base + args, cwd, env=env)
        scanner.scan(f"[{label}] {what}: stdout", r.out)
        scanner.scan(f"[{label}] {what}: stderr", r.err)
        if out_file is not None:
            if out_file.exists():
                scanner.scan(f"[{label}] {what}: -o file", out_file.read_text(encoding="utf-8", errors="replace"))
                out_file.unlink()
        check(r.rc in (0, 1, 2), f"[{label}] {what}: exits 0, 1 or 2", r)
        check("Traceback" not in r.err and "terminate called" not in r.err, f"[{label}] {what}: no crash", r)
        return r

    for fmt in FORMATS:
        r = go(f"check --format {fmt}", args_before + ["--format", fmt] + inputs)
        check(r.rc in (0, 1), f"[{label}] check --format {fmt}: a lint run", r)
        out = tmp / f"out.{fmt}"
        go(f"check --format {fmt} -o", args_before + ["--format", fmt, "-o", str(out)] + inputs, out)
    for extra in (["--profile", "dev"], ["--profile", "quoted"], ["--profile", "nope"], ["--expiry-window", "1d"]):
        go(f"check {' '.join(extra)}", args_before + extra + ["--format", "json"] + inputs)
    go("check --enable each", args_before + ["--enable", ",".join(rule_ids)] + inputs)
    out = tmp / "dump.json"
    go("dump", ["dump"] + args_before + inputs)
    go("dump -o", ["dump"] + args_before + ["-o", str(out)] + inputs, out)
    go("dump --profile dev", ["dump", "--profile", "dev"] + args_before + inputs)
    for fmt in ("text", "json"):
        go(f"resolve --format {fmt}", ["resolve"] + args_before + ["--format", fmt] + inputs)
        go(f"resolve --format {fmt} --profile dev", ["resolve", "--profile", "dev"] + args_before + ["--format", fmt] + inputs)


rule_ids = []


def setup_rule_ids(tmp):
    r = run(["rules", "--format", "json"], tmp)
    check(r.rc == 0, "rules --format json", r)
    rule_ids[:] = [x["id"] for x in r.json()]


def write_sets(tmp):
    config, credentials, env = valid_set()
    write(tmp, "valid/config", config)
    write(tmp, "valid/credentials", credentials)
    write(tmp, "valid.env", env)
    bconfig, bcredentials, benv, bad_utf8 = broken_set()
    write(tmp, "broken/config", bconfig)
    write(tmp, "broken/credentials", bcredentials.encode("utf-8"))
    write(tmp, "broken.env", benv)
    write(tmp, "latin1/config", "[default]\nregion = eu-west-1\n")
    write(tmp, "latin1/credentials", bad_utf8)
    return env


def finish(scanner):
    check(scanner.runs > 50, f"the scanner saw the outputs ({scanner.runs})")
    if scanner.leaks:
        # One line per leaked secret (with the outputs it reached), then the first example of each.
        by_label = {}
        for label, where, text in scanner.leaks:
            by_label.setdefault(label, []).append((where, text))
        lines = [f"{len(scanner.leaks)} leaks of {len(by_label)} secrets:"]
        for label, items in sorted(by_label.items()):
            lines.append(f"  {label}: {len(items)} outputs, e.g. {items[0][0]}")
        lines.append("examples:")
        lines += [items[0][1] for _, items in sorted(by_label.items())]
        raise AssertionError("\n".join(lines))


def test_no_secret_in_any_output(tmp):
    setup_rule_ids(tmp)
    write_sets(tmp)
    s = Scanner()
    run_all(tmp, s, "valid + env file", ["--env-file", "valid.env"], ["valid"])
    run_all(tmp, s, "broken + env file", ["--env-file", "broken.env"], ["broken"])
    run_all(tmp, s, "invalid UTF-8", ["--no-env"], ["latin1"])
    run_all(tmp, s, "files named one by one", ["--env-file", "valid.env"],
            ["valid/credentials", "valid/config", "broken/config", "latin1/credentials"])
    run_all(tmp, s, "--config/--credentials", ["--env-file", "broken.env"],
            ["--config", "valid/config", "--credentials", "broken/credentials"])
    finish(s)


def test_no_secret_from_process_environment(tmp):
    setup_rule_ids(tmp)
    env_text = write_sets(tmp)
    env = clean_env(tmp)
    for line in env_text.splitlines():
        name, eq, value = line.partition("=")
        if eq and name.startswith("AWS_") and " " not in name:
            env[name] = value
    env["AWS_CONFIG_FILE"] = str(tmp / "valid" / "config")
    env["AWS_SHARED_CREDENTIALS_FILE"] = str(tmp / "valid" / "credentials")
    s = Scanner()
    run_all(tmp, s, "default locations + process env", [], [], env=env)
    # HOME's ~/.aws, with secrets in the process environment beside it.
    home = tmp / "home"
    write(home, ".aws/config", (tmp / "broken" / "config").read_text())
    write(home, ".aws/credentials", (tmp / "valid" / "credentials").read_text())
    env2 = {k: v for k, v in env.items() if k not in ("AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE")}
    env2["HOME"] = str(home)
    run_all(tmp, s, "~/.aws + process env", [], [], env=env2, cwd=tmp)
    finish(s)


def test_no_secret_in_catalog(tmp):
    setup_rule_ids(tmp)
    s = Scanner()
    for args in (["rules"], ["rules", "--format", "json"], ["rules", "--format", "markdown"], ["--help"],
                 ["--version"]) + tuple(["explain", i] for i in rule_ids):
        r = run(args, tmp)
        s.scan(" ".join(args), r.out + r.err)
    check(s.runs > 10, "the catalog was scanned")
    check(not s.leaks, "\n".join(text for _, _, text in s.leaks))


def test_scanner_finds_leaks(tmp):
    """The check itself: a secret, a part of one, an escaped one and a whole key id are caught."""
    secret("scanner-probe")
    key_id("scanner-probe-id")
    s = Scanner()
    probe = SECRETS["scanner-probe"]
    s.scan("plain", f"value is {probe}")
    s.scan("part", f"...{probe[5:17]}...")
    s.scan("json-escaped", json.dumps({"m": probe}).replace("/", "\\/"))
    s.scan("xml-escaped", f"<a m=\"{html.escape(probe)}\"/>")
    s.scan("key id", f"key {KEY_IDS['scanner-probe-id']}")
    check(len(s.leaks) == 5, f"every probe is caught: {s.leaks}")
    s = Scanner()
    kid = KEY_IDS["scanner-probe-id"]
    s.scan("masked key id", f"key {kid[:4]}\u2026{kid[-4:]} and a short part {probe[:6]}")
    check(not s.leaks, f"the masked form is not a leak: {s.leaks}")


if __name__ == "__main__":
    sys.exit(main(globals()))
