#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz harnesses into tests/fuzz/corpus/{lexer,pipeline}/.

Seeds come from the fixtures (every file under testdata/, every case of tests/differential/cases/)
and from a few hand-written inputs below (env files, nested values, suppressions, odd bytes). A
pipeline seed is CONFIG + SEP + CREDENTIALS + SEP + ENV (SEP as in fuzz_pipeline.cpp). Files are
named by the SHA-1 of their content, as libFuzzer names its own, so re-running is idempotent.
Files over 64 KiB (the -max_len of run.sh) are cut to that size.

    python3 tests/fuzz/make_corpus.py [--clean]
"""
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SEP = b"\n%%\n"
MAX_LEN = 64 * 1024

HAND = {
    # (config, credentials, env)
    "nested": (b"[default]\nregion = us-east-1\ns3 =\n  max_concurrent_requests = 20\n  addressing_style = path\n"
               b"[profile dev]\nsource_profile = default\nrole_arn = arn:aws:iam::123456789012:role/x\n",
               b"[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = abc\n", b""),
    "env": (b"[default]\nregion=eu-west-1\n", b"",
            b"AWS_PROFILE=dev\nAWS_REGION=us-east-2\n# comment\n  \nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"
            b"junk line\n=novalue\nAWS_SECRET_ACCESS_KEY\nAWS_SESSION_TOKEN=t\r\nAWS_DEFAULT_PROFILE=other\n"),
    "suppress": (b"# awslint: disable-file=AWS101\n[default]\n# awslint: disable=AWS301\nregion = x # inline\n"
                 b"[profile a]\nsso_session = corp\n[sso-session corp]\nsso_start_url = https://x\n"
                 b"[services s]\ns3 =\n  endpoint_url = http://localhost\n", b"[a]\nx=1\n", b"AWS_PROFILE=a\n"),
    "expiry": (b"[default]\nregion = us-east-1\n",
               b"[default]\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\naws_secret_access_key = s\n"
               b"aws_session_token = t\naws_expiration = 2025-06-28T07:11:02.000Z\n"
               b"[b]\nexpiration = 2026-01-01 00:10:00+0000\n", b"AWS_CREDENTIAL_EXPIRATION=2026-01-01T00:00:00Z\n"),
    "bytes": (b"\xef\xbb\xbf[default]\nregion = \xc3\xa9\xe2\x80\x8b\xc2\xa0\n\x00key\x00=\x01\n[x]\r\ny = \xff\xfe\r",
              b"[default]\r\n\taws_access_key_id: AKIA\r\n  : x\n[]\n[a]b]\n", b"\xef\xbb\xbfAWS_X=\xff\n"),
    "dups": (b"[default]\na=1\nA=2\n[default]\n[DEFAULT]\nregion=x\n[profile default]\n[profile \"q x\"]\n"
             b"[profile 'a]\n[profiles z]\n", b"[default]\n[default]\nk=\n  sub\n", b""),
}


def seeds_from_fixtures():
    """(name, config, credentials) for each fixture folder."""
    dirs = []
    for base in (os.path.join(ROOT, "testdata"), os.path.join(ROOT, "tests", "differential", "cases")):
        for d, _, files in os.walk(base):
            if files:
                dirs.append((d, sorted(files)))
    for d, files in sorted(dirs):
        cfg = crd = None
        others = []
        for f in files:
            p = os.path.join(d, f)
            if not os.path.isfile(p) or f.endswith((".txt", ".md", ".json", ".sarif", ".xml", ".expected")):
                continue
            data = open(p, "rb").read()
            if f.startswith("config") and cfg is None:
                cfg = data
            elif f.startswith("credentials") and crd is None:
                crd = data
            else:
                others.append(data)
        if cfg is not None or crd is not None:
            yield os.path.relpath(d, ROOT), cfg, crd
        for o in others:
            yield os.path.relpath(d, ROOT), o, None


def write(dirname, data, written):
    data = data[:MAX_LEN]
    name = hashlib.sha1(data).hexdigest()
    path = os.path.join(HERE, "corpus", dirname, name)
    if path not in written:
        written.add(path)
        with open(path, "wb") as f:
            f.write(data)


def main():
    for sub in ("lexer", "pipeline"):
        os.makedirs(os.path.join(HERE, "corpus", sub), exist_ok=True)
        if "--clean" in sys.argv:
            for f in os.listdir(os.path.join(HERE, "corpus", sub)):
                os.remove(os.path.join(HERE, "corpus", sub, f))
    written = set()
    for _, cfg, crd in seeds_from_fixtures():
        for f in (cfg, crd):
            if f:
                write("lexer", f, written)
        write("pipeline", (cfg or b"") + (SEP + crd if crd is not None else b""), written)
    for cfg, crd, env in HAND.values():
        for f in (cfg, crd, env):
            if f:
                write("lexer", f, written)
        write("pipeline", cfg + SEP + crd + SEP + env, written)
    print(f"make_corpus: {len(written)} files in {os.path.relpath(os.path.join(HERE, 'corpus'), ROOT)}/")


if __name__ == "__main__":
    main()
