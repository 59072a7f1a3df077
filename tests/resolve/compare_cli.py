#!/usr/bin/env python3
"""`awslint resolve --format json` against the real `aws configure list` (Debian's awscli 2.9.19).

Each directory of testdata/resolve/ is a case: `config` and `credentials` (either may be absent),
`env` (KEY=VALUE lines, the variables both programs get) and `case.json`:

    {"about": "...", "args": ["--profile", "dev"], "env_mode": "file" | "process",
     "error": "ProfileNotFound"}

The CLI runs in a controlled environment: nothing inherited but PATH and a UTF-8 locale, HOME in a
temporary directory, AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE pointing at the case's files,
AWS_EC2_METADATA_DISABLED=true (it never asks the instance metadata service), no proxy variables,
and a timeout. awslint gets the same variables: in "file" mode through `--env-file` (a file holding
exactly what the CLI got) with `--config`/`--credentials`, in "process" mode as its own environment
(it then finds the files through AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE as the CLI does).

Compared, from the CLI's table (Name / Value / Type / Location):
  profile      (when printed) the name, and how it was chosen: "manual --profile" <-> --profile; "env" <->
               AWS_PROFILE / AWS_DEFAULT_PROFILE; "<not set>" <-> default;
  access_key   the credential type (credentials.type; "<not set>" <-> null) and, where awslint
               shows a masked key id, its last four characters;
  region       the value and its kind: "env" <-> AWS_REGION / AWS_DEFAULT_REGION, "config-file" <->
               config-file or shared-credentials-file (the CLI names the config file even when the
               value is in the credentials file), "<not set>" <-> none;
  failure      the CLI exits 255 with a message: awslint must report an error whose message the
               CLI printed, of the exception type the case names (botocore's class; the CLI does
               not print it); and awslint exits 0 exactly when the CLI found credentials.
awslint's output must never hold a secret of the case (secret keys, tokens, unmasked key ids).

Besides the table, botocore_oracle.py asks the CLI's own botocore session (`/usr/bin/python3`, the
bundled botocore of awscli 2.9.19) for the profile, the region, the credentials' method and the
exception (class and message) — without any network call, so it also covers the providers that
`aws configure list` could only show after calling STS or SSO. Cases marked `"offline": false` are
checked against botocore only. With `--boto3-python PY` (an interpreter with botocore 1.x), the
`boto3` block of awslint's output is checked the same way against botocore 1.x.

Exit status 0 when every case agrees, 1 otherwise; 77 (skipped) when the CLI is missing.
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROW = re.compile(r"^(.{10,}?) (.{24,}?) (.{16,}?)    (.*)$")


def parse_env(text):
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        k, v = line.split("=", 1)
        out.append((k, v))
    return out


def parse_table(stdout):
    """{name: (value, type, location)} from `aws configure list`."""
    rows = {}
    for line in stdout.splitlines()[2:]:
        m = ROW.match(line)
        if m:
            rows[m.group(1).strip()] = (m.group(2).strip(), m.group(3).strip(), m.group(4).strip())
    return rows


def secrets_of(case_dir, env):
    """Values that must never appear in awslint's output."""
    found = set()
    for name in ("config", "credentials"):
        p = case_dir / name
        if not p.exists():
            continue
        for line in p.read_text().splitlines():
            if "=" not in line:
                continue
            k, v = (x.strip() for x in line.split("=", 1))
            if k.lower() in ("aws_secret_access_key", "aws_session_token", "aws_security_token", "aws_access_key_id"):
                found.add(v)
            # the example keys printed by credential_process commands
            found.update(re.findall(r'"(?:AccessKeyId|SecretAccessKey|SessionToken)": "([^"]+)"', v))
    for k, v in env:
        if k in ("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_ACCESS_KEY_ID"):
            found.add(v)
    return {s for s in found if len(s) >= 8}


ORACLE = pathlib.Path(__file__).resolve().parent / "botocore_oracle.py"


def reference_run(argv, env, cwd, timeout, tmp, inputs):
    """subprocess.run of a reference (the real CLI, the botocore oracle), as (rc, stdout, stderr).

    With AWSLINT_TEST_CACHE=DIR (scripts/test.sh sets it for one run of the suite) the answer is
    remembered under a hash of everything it can depend on: the command line and environment (the
    temporary directory written as a placeholder), the bytes of the case's input files, and the
    reference's own files (binary, oracle script). The sanitizer build's run of this test then
    asks the references nothing new: only awslint runs again. Raises TimeoutExpired as run does."""
    cache = os.environ.get("AWSLINT_TEST_CACHE")
    t = str(tmp)

    def run():
        p = subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, stdin=subprocess.DEVNULL)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    if not cache:
        return run()
    h = hashlib.sha256()
    tools = [argv[0], str(ORACLE)] + ([os.path.realpath(shutil.which(argv[0]) or argv[0])])
    for part in ([a.replace(t, "<tmp>") for a in argv] + sorted(f"{k}={v.replace(t, '<tmp>')}" for k, v in env.items())
                 + [str(cwd).replace(t, "<tmp>")]):
        h.update(part.encode("utf-8", "surrogateescape") + b"\0")
    for f in list(inputs) + tools:
        name = str(f).replace(t, "<tmp>")
        try:
            st = os.stat(f)
            h.update(f"{name}:{st.st_size}\0".encode("utf-8", "surrogateescape"))
            h.update(pathlib.Path(f).read_bytes() if st.st_size < (1 << 20) else str(st.st_mtime_ns).encode())
        except OSError:
            h.update(f"{name}:missing\0".encode("utf-8", "surrogateescape"))
    path = pathlib.Path(cache) / "resolve" / (h.hexdigest() + ".json")
    if path.exists():
        rc, out, err = json.loads(path.read_text())
        return rc, out.replace("<tmp>", t), err.replace("<tmp>", t)
    rc, out, err = run()
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_suffix(f".{os.getpid()}.part")
    part.write_text(json.dumps([rc, out.replace(t, "<tmp>"), err.replace(t, "<tmp>")]))
    part.replace(path)
    return rc, out, err


def run_case(case_dir, awslint, aws, timeout, oracle_python, boto3_python):
    meta = json.loads((case_dir / "case.json").read_text())
    args = meta.get("args", [])
    mode = meta.get("env_mode", "file")
    case_env = parse_env((case_dir / "env").read_text()) if (case_dir / "env").exists() else []
    problems = []
    with tempfile.TemporaryDirectory(prefix="awslint-resolve-") as tmp:
        tmp = pathlib.Path(tmp)
        home = tmp / "home"
        home.mkdir()
        config = (case_dir / "config").resolve() if (case_dir / "config").exists() else tmp / "no-config"
        credentials = ((case_dir / "credentials").resolve() if (case_dir / "credentials").exists()
                       else tmp / "no-credentials")
        aws_vars = [("AWS_CONFIG_FILE", str(config)), ("AWS_SHARED_CREDENTIALS_FILE", str(credentials)),
                    ("AWS_EC2_METADATA_DISABLED", "true")] + case_env
        base = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LC_ALL": "C.UTF-8"}
        cli_env = dict(base)
        cli_env.update(aws_vars)
        offline = meta.get("offline", True)
        if offline:
            inputs = [config, credentials]
            try:
                cli_rc, cli_out, cli_err = reference_run([aws, "configure", "list"] + args, cli_env, None, timeout,
                                                         tmp, inputs)
            except subprocess.TimeoutExpired:
                return case_dir.name, [f"aws configure list timed out after {timeout}s"], meta
            rows = parse_table(cli_out)
        oracles = {}
        for flavour, python in (("v2", oracle_python), ("v1", boto3_python)):
            if not python:
                continue
            _, o_out, o_err = reference_run([python, str(ORACLE), flavour] + args, cli_env, str(tmp), timeout, tmp,
                                            [config, credentials])
            try:
                oracles[flavour] = json.loads(o_out)
            except ValueError:
                return case_dir.name, [f"the {flavour} oracle failed: {o_err[-2000:]}"], meta

        if mode == "process":
            lint_env = dict(base)
            lint_env.update(aws_vars)
            cmd = [awslint, "resolve", "--no-config", "--format", "json"] + args
        else:
            env_file = tmp / "env"
            env_file.write_text("".join(f"{k}={v}\n" for k, v in aws_vars))
            lint_env = dict(base)
            cmd = [awslint, "resolve", "--no-config", "--format", "json", "--env-file", str(env_file),
                   "--config", str(config), "--credentials", str(credentials)] + args
        q = subprocess.run(cmd, env=lint_env, cwd=str(tmp), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    out, err = q.stdout.decode("utf-8", "replace"), q.stderr.decode("utf-8", "replace")
    for s in secrets_of(case_dir, case_env):
        if s in out or s in err:
            problems.append(f"awslint printed a secret of the case ({s[:4]}...)")
    if q.returncode not in (0, 1):
        return case_dir.name, problems + [f"awslint exited {q.returncode}: {err.strip()}"], meta
    try:
        d = json.loads(out)
    except ValueError as e:
        return case_dir.name, problems + [f"awslint's output is not JSON: {e}"], meta

    def differ(what, cli, ours):
        if cli != ours:
            problems.append(f"{what}: the reference says {cli!r}, awslint says {ours!r}")

    def against_oracle(what, o, mine):
        differ(f"{what} profile", o["profile"], mine["profile"]["name"])
        e = mine.get("error")
        if o["error"]:
            if not e:
                problems.append(f"{what}: botocore raises {o['error']['type']}: {o['error']['message']}, "
                                "awslint reports no error")
            else:
                differ(f"{what} error type", o["error"]["type"], e["type"])
                differ(f"{what} error message", o["error"]["message"], e["message"])
            return
        if e:
            problems.append(f"{what}: botocore works, awslint reports {e['type']}: {e['message']}")
            return
        differ(f"{what} region", o["region"], mine["region"]["value"])
        creds = mine.get("credentials")
        differ(f"{what} credential type", o["method"], creds["type"] if creds else None)

    if "v2" in oracles:
        against_oracle("botocore (CLI v2)", oracles["v2"], d)
    if "v1" in oracles:
        against_oracle(f"botocore {oracles['v1']['botocore']} (boto3 / CLI v1)", oracles["v1"], d["boto3"])
    if not offline:
        return case_dir.name, problems, meta

    # profile (printed before anything can fail)
    if "profile" not in rows:
        # A rejected file can stop the CLI before it prints the first row.
        if cli_rc == 0:
            problems.append(f"no profile row in the CLI's output: {cli_out!r} {cli_err!r}")
    else:
        value, kind, _ = rows["profile"]
        src = d["profile"]["source"]
        ours = {"--profile": "manual", "AWS_PROFILE": "env", "AWS_DEFAULT_PROFILE": "env", "default": "None"}[src]
        differ("aws configure list: profile type", kind, ours)
        differ("aws configure list: profile name", value, "<not set>" if src == "default" else d["profile"]["name"])

    cli_found = cli_rc == 0 and rows.get("access_key", ("<not set>",))[0] != "<not set>"
    differ("aws configure list: exit code (0: credentials found)", 0 if cli_found else 1, q.returncode)
    if cli_rc != 0:
        message = cli_err.strip()
        e = d.get("error")
        if not e:
            problems.append(f"the CLI fails ({message!r}), awslint reports no error")
        else:
            if e["message"] not in message:
                problems.append(f"error message: the CLI says {message!r}, awslint {e['message']!r}")
            if meta.get("error") and e["type"] != meta["error"]:
                problems.append(f"error type: expected {meta['error']}, awslint says {e['type']}")
    else:
        if d.get("error"):
            problems.append(f"the CLI works, awslint reports {d['error']['type']}: {d['error']['message']}")
        if meta.get("error"):
            problems.append(f"the case expects {meta['error']} but the CLI works")
        akey = rows.get("access_key")
        creds = d.get("credentials")
        if akey is None:
            problems.append("no access_key row in the CLI's output")
        else:
            value, kind, _ = akey
            differ("aws configure list: credential type", "None" if value == "<not set>" else kind, creds["type"] if creds else "None")
            # awslint shows no characters of a key id shorter than 16 (mask_key_id: "…")
            if creds and creds.get("key_id") and creds["key_id"] != "…" and value != "<not set>":
                differ("aws configure list: key id (last 4)", value[-4:], creds["key_id"][-4:])
        reg = rows.get("region")
        if reg is None:
            problems.append("no region row in the CLI's output")
        else:
            value, kind, _ = reg
            r = d["region"]
            ours_kind = {"AWS_REGION": "env", "AWS_DEFAULT_REGION": "env", "config-file": "config-file",
                         "shared-credentials-file": "config-file", "none": "None"}[r["source"]]
            differ("aws configure list: region type", kind, ours_kind)
            differ("aws configure list: region value", value, "<not set>" if r["value"] is None else r["value"])
    return case_dir.name, problems, meta


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--awslint", required=True)
    ap.add_argument("--aws", default="/usr/bin/aws")
    ap.add_argument("--cases", required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("-k", help="only cases whose name contains this")
    ap.add_argument("--oracle-python", default="/usr/bin/python3",
                    help="the interpreter that imports Debian's awscli (botocore_oracle.py v2); '' for none")
    ap.add_argument("--boto3-python", default="",
                    help="an interpreter with botocore 1.x (boto3 / CLI v1) to check awslint's boto3 view too")
    a = ap.parse_args()
    a.awslint = os.path.abspath(a.awslint)
    if not os.access(a.aws, os.X_OK):
        print(f"SKIP: {a.aws} not found (apt-get install awscli)")
        return 77
    cases = sorted(p for p in pathlib.Path(a.cases).iterdir() if (p / "case.json").exists())
    if a.k:
        cases = [c for c in cases if a.k in c.name]
    failed = 0
    with_cli = sum(1 for c in cases if json.loads((c / "case.json").read_text()).get("offline", True))
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        for name, problems, meta in ex.map(lambda c: run_case(c, a.awslint, a.aws, a.timeout, a.oracle_python, a.boto3_python), cases):
            if problems:
                failed += 1
                print(f"FAIL {name}: {meta.get('about', '')}")
                for p in problems:
                    print(f"     {p}")
            else:
                print(f"ok   {name}")
    refs = [f"{with_cli} with aws configure list"]
    if a.oracle_python:
        refs.append(f"{len(cases)} with botocore (CLI v2)")
    if a.boto3_python:
        refs.append(f"{len(cases)} with botocore 1.x (boto3 / CLI v1)")
    print(f"{len(cases) - failed} of {len(cases)} cases agree (compared: {', '.join(refs)})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
