"""Helpers shared by run_diff.py and realworld.py: running `awslint dump` and comparing JSON."""
import json
import subprocess

ABSENT = object()


def short(v, n=160):
    """A JSON value for a one-line report, cut after n characters."""
    if v is ABSENT:
        return "<absent>"
    s = json.dumps(v, ensure_ascii=True, sort_keys=True)
    return s if len(s) <= n else s[:n] + "...(%d chars)" % len(s)


def first_difference(a, b, path="$"):
    """(path, a-part, b-part) at the first difference between two JSON values, or None."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a.keys()) + [k for k in b.keys() if k not in a]:
            p = "%s[%s]" % (path, json.dumps(k, ensure_ascii=True))
            if k not in a:
                return p, ABSENT, b[k]
            if k not in b:
                return p, a[k], ABSENT
            d = first_difference(a[k], b[k], p)
            if d:
                return d
        return None
    if a != b or type(a) is not type(b):
        return path, a, b
    return None


def compare_model(expected, actual, path):
    """None when awslint's model agrees with the CLI's; (path, expected, actual) otherwise.
    Errors are compared only as "is an error" (the messages differ)."""
    if not isinstance(actual, dict):
        return path, expected, ABSENT if actual is None else actual
    if "error" in expected or "error" in actual:
        if ("error" in expected) == ("error" in actual):
            return None
        return path, expected, actual
    return first_difference(expected, actual, path)


def _no_duplicate_keys(pairs):
    # json.loads would keep the last of two equal keys and hide a profile emitted twice.
    out = {}
    for k, v in pairs:
        if k in out:
            raise ValueError("duplicate JSON key %r" % k)
        out[k] = v
    return out


def run_dump(binary, args, timeout=30):
    """(parsed JSON, None) or (None, what went wrong) for `BIN dump --show-secrets --no-env ARGS`."""
    cmd = [binary, "dump", "--show-secrets", "--no-env"] + list(args)
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out: " + " ".join(cmd)
    except OSError as e:
        return None, "cannot run %s: %s" % (binary, e)
    if p.returncode != 0:
        return None, "exit status %d: %s" % (p.returncode, p.stderr.decode("utf-8", "replace")[:500])
    try:
        return json.loads(p.stdout.decode("utf-8"), object_pairs_hook=_no_duplicate_keys), None
    except (UnicodeDecodeError, ValueError) as e:
        return None, "output is not JSON (%s): %r" % (e, p.stdout[:300])
