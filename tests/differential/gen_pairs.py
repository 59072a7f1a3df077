#!/usr/bin/python3
"""Seeded generator of AWS config/credentials file pairs for the differential test.

    gen_pairs.py --seed S --count N --out DIR

writes DIR/<S>-<i>/config and DIR/<S>-<i>/credentials for i in 0..N-1 (sometimes one of them is left
out: a missing file is an empty model for the CLI). Pair i depends only on (S, i), so
one pair can be regenerated alone (see generate_pair).

Most files (about 60%) are valid for the CLI but full of the constructs its parser treats in
surprising ways (AWS-SEMANTICS.md, section 1): comments of every kind, inline '#'/';' that are part of
values, indentation and continuation lines (indented key-looking lines and section headers, blank
lines inside values), nested blocks, ':' delimiters, upper/mixed-case and non-ASCII keys, odd section
headers, [DEFAULT], CRLF / lone CR, whitespace and line-breaking characters inside values, very long
values, NUL bytes. The rest get one or two injected faults that make the CLI reject the file: a BOM,
invalid UTF-8, content before the first header, duplicate sections or keys (also differing only in
case), empty keys, lines with no delimiter, bad nested sub-lines, '[]'.
"""
import argparse
import os
import random
import string

# ---------------------------------------------------------------------------------------------
# Vocabulary

REGIONS = ["us-east-1", "eu-west-2", "ap-southeast-2", "eu-central-1", "us-gov-west-1", "cn-north-1"]
CONFIG_KEYS = ["region", "output", "role_arn", "source_profile", "credential_source", "mfa_serial",
               "sso_start_url", "sso_region", "sso_account_id", "sso_role_name", "sso_session",
               "cli_pager", "duration_seconds", "external_id", "credential_process", "ca_bundle",
               "web_identity_token_file", "role_session_name", "max_attempts", "retry_mode",
               "endpoint_url", "sso_registration_scopes", "cli_timestamp_format", "s3api"]
CRED_KEYS = ["aws_access_key_id", "aws_secret_access_key", "aws_session_token", "aws_security_token",
             "region", "aws_expiration", "x_security_token_expires", "expiration", "output"]
NESTED_KEYS = ["s3", "s3api", "dynamodb", "sts", "ec2", "sqs"]
SUB_KEYS = ["max_concurrent_requests", "max_queue_size", "multipart_threshold", "addressing_style",
            "signature_version", "endpoint_url", "use_accelerate_endpoint", "Payload_Signing_Enabled",
            "MAX_BANDWIDTH", "region"]
# Keys whose lower-casing is not ASCII-only (str.lower: 'İ' -> 'i̇', Kelvin sign -> 'k', ...).
ODD_KEYS = ["RÉGION", "Région", "İ", "ΟΔΟΣ", "ǅ", "ẞ", "\u212a", "\u212b", "café", "my key", "x.y",
            "a b c", "KEY", "Output", "REGION", "Aws_Access_Key_Id", "[]", "a[b]", "\ufeffregion",
            "ĲSSEL", "Ⅻ", "ＦＵＬＬ", "ꭰ", "ﬃ"]
NAMES = ["dev", "prod", "staging", "default", "admin", "my-profile", "Dev", "PROD", "test.env",
         "café", "a_b", "x1", "sandbox", "ops", "data", "ci", "read-only", "eu"]
# Whitespace that str.strip()/isspace() and the indentation count know (Unicode included).
WS_CHARS = [" ", "\t", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u1680",
            "\u2000", "\u2007", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
# Characters that are not whitespace but look like it or are unusual.
ODD_CHARS = ["\u200b", "\ufeff", "\x00", "\x01", "\x7f", "\u00ad", "\ufffe", "\uffff", "\u2060",
             "\U0001f600", "\u0301", "\ud7ff", "\U0010ffff"]
# str.splitlines() breakers that are not line ends for the file reader.
SPLITLINES_CHARS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
INVALID_UTF8 = [b"\xff", b"\xfe", b"\xc3", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80",
                b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80", b"\x80", b"\xe2\x82", b"\xc3\x28",
                b"\xf0\x9f\x98"]


def token(rng, n, alphabet=string.ascii_letters + string.digits + "+/"):
    return "".join(rng.choice(alphabet) for _ in range(n))


class Gen:
    def __init__(self, rng, kind):
        self.rng = rng
        self.kind = kind  # "config" or "credentials"
        self.lines = []   # list of str (without line end)
        self.sections = []  # (line index, header name) for fault injection
        self.section_names = set()
        self.keys = {}  # section name -> set of lower-cased keys (DuplicateOptionError is per name)

    # --- pieces -----------------------------------------------------------------------------
    def chance(self, p):
        return self.rng.random() < p

    def ws(self, n=None, unicode_p=0.15):
        rng = self.rng
        n = rng.choice([1, 1, 1, 2, 2, 4, 8]) if n is None else n
        out = []
        for _ in range(n):
            if rng.random() < unicode_p:
                out.append(rng.choice(WS_CHARS))
            else:
                out.append(rng.choice([" ", " ", " ", "\t"]))
        return "".join(out)

    def indent(self):
        return self.ws() if self.chance(0.5) else ""

    def comment(self):
        rng = self.rng
        body = rng.choice(["", " a comment", " region = us-west-2", "[profile commented]",
                           " café ☕", " aws_secret_access_key = abc", "!", "#", ";;", " \u2028 x",
                           " " + token(rng, 40), " key: value", " \ufeff BOM in a comment"])
        lead = rng.choice(["", "", "", " ", "  ", "\t", "\xa0", "\u3000"])
        return lead + rng.choice(["#", ";"]) + body

    def blank(self):
        return self.rng.choice(["", "", "", " ", "\t", "   ", "\x0c", "\xa0", "\x1c", " \u2028 "])

    def name(self):
        rng = self.rng
        n = rng.choice(NAMES)
        if self.chance(0.3):
            n += "-" + token(rng, rng.randint(1, 6), string.ascii_lowercase + string.digits)
        return n

    def value(self, key=None):
        rng = self.rng
        k = (key or "").lower()
        if k in ("aws_session_token", "aws_security_token"):
            return token(rng, rng.choice([356, 1000, 1200, 1500]))
        if k == "aws_secret_access_key":
            return token(rng, 40)
        if k == "aws_access_key_id":
            return "AKIA" + token(rng, 16, string.ascii_uppercase + string.digits)
        r = rng.random()
        if r < 0.35:
            base = rng.choice(REGIONS + ["json", "text", "yaml", "table", "", "true", "3600",
                                         "arn:aws:iam::123456789012:role/Admin", "https://x.awsapps.com/start",
                                         "https://x.awsapps.com/start#/", "default", "Environment"])
        elif r < 0.55:
            base = rng.choice(["us-east-1 # prod", "json ; old", "a#b", "x;y", "#leading", ";leading",
                               '"quoted"', "'single'", '"unbalanced', "a=b", "k: v", "b = c", "=", ":",
                               "a = b = c", "[profile x]", "\\", "\\n", "%(region)s", "$HOME/x",
                               "~/.aws/token", "value with   inner   spaces", "tab\there", "a\\\tb"])
        elif r < 0.80:
            a, b = rng.choice(REGIONS), rng.choice(["json", "x", "y"])
            mid = rng.choice(WS_CHARS + ODD_CHARS + SPLITLINES_CHARS)
            base = rng.choice([a + mid + b, a + mid, mid + a, a + mid * 2 + b, "café", "日本語",
                               "naïve\u00a0", "zero\u200bwidth", "\u200b", "nul\x00byte", "bom\ufeffmid",
                               "emoji 😀", "\ufffe", "e\u0301", "x\x7f", "\u00a0", "\u3000"])
        elif r < 0.86:
            base = token(rng, rng.choice([1000, 2048, 5000]))
        else:
            base = token(rng, rng.randint(1, 20), string.ascii_letters + string.digits + "-_./:@+=")
        if self.chance(0.08):
            base = base + self.ws(1, 0.6)  # trailing (possibly Unicode) whitespace: stripped
        return base

    def sub_value(self, valid):
        """A sub-key's value: in a valid file it must not hold a str.splitlines() breaker, which
        would cut it into a line without '='."""
        v = self.value()
        if valid:
            for c in SPLITLINES_CHARS:
                v = v.replace(c, " ")
        return v

    def delim(self):
        rng = self.rng
        d = rng.choice(["=", "=", "=", "=", ":", ":"])
        if self.chance(0.15):
            return d
        left = rng.choice([" ", " ", "", "\t", "  ", "\xa0", "\x0c"])
        right = rng.choice([" ", " ", "", "\t", "  ", "\u3000"])
        return left + d + right

    def key(self, pool):
        rng = self.rng
        k = rng.choice(pool)
        r = rng.random()
        if r < 0.08:
            k = k.upper()
        elif r < 0.14:
            k = k.title()
        elif r < 0.20:
            k = rng.choice(ODD_KEYS)
        return k

    # --- sections ---------------------------------------------------------------------------
    def header_name(self):
        """A section name as botocore sees it, and the header text that produces it."""
        rng = self.rng
        n = self.name()
        if self.kind == "credentials":
            cands = [n, n, n, "default", "profile " + n, "DEFAULT", "Default", n + " " + n, "a]b",
                     " " + n, n + " ", "default] junk"]
        else:
            cands = ["profile " + n, "profile " + n, "profile " + n, "default", "profile default",
                     "profile  " + n, "profiles " + n, "Profile " + n, " profile " + n + " ",
                     'profile "' + n + ' x"', "profile '" + n, "profile a b", "profile_x " + n,
                     "profile" + n, "sso-session " + n, "sso-session " + n, 'sso-session "a b"',
                     "services " + n, "services " + n, "servicesx " + n, "services", n, "DEFAULT",
                     "default] junk", "a]b", "profile \t" + n, "profile\xa0" + n, "profile \\" + n,
                     'profile ""', "profile #" + n, "profile a=b", "  ", "profile " + n + "\u200b",
                     "sso-session", "profile " + n + "]x"]
        text = rng.choice(cands)
        # What configparser keeps as the name: the stripped line up to the last ']'.
        return text

    def header_line(self, text):
        rng = self.rng
        line = "[" + text + "]"
        r = rng.random()
        if r < 0.05:
            line += " junk"
        elif r < 0.08:
            line += "  # comment"
        elif r < 0.10:
            line += " = x"
        return line

    def section_name_of(self, line):
        s = line.strip()
        return s[1:s.rindex("]")]

    def emit_section(self, valid, nentries):
        rng = self.rng
        for _ in range(6):
            text = self.header_name()
            line = self.header_line(text)
            name = self.section_name_of(line)
            if name not in self.section_names or name == "DEFAULT":
                break
        # A header may be indented when no key is open; after a key it would be a continuation.
        lead = self.ws() if self.chance(0.06) else ""
        if getattr(self, "open_indent", None) is not None and len(lead) > self.open_indent:
            lead = ""  # would be a continuation line of the open key, not a header
        self.sections.append((len(self.lines), name))
        self.lines.append(lead + line)
        self.section_names.add(name)
        self.cur = name
        self.keys.setdefault(name, set())
        self.open_indent = None  # no key open
        self.base_indent = len(lead)
        pool = CONFIG_KEYS if self.kind == "config" else CRED_KEYS
        for _ in range(nentries):
            self.emit_entry(valid, pool)

    def fresh_key(self, pool, valid):
        used = self.keys[self.cur]
        for _ in range(10):
            k = self.key(pool)
            lk = k.strip().lower()
            if lk and lk not in used and "=" not in k and ":" not in k:
                used.add(lk)
                return k
        k = "k_" + token(self.rng, 8, string.ascii_lowercase)
        used.add(k)
        return k

    def emit_entry(self, valid, pool):
        rng = self.rng
        r = rng.random()
        if r < 0.08:
            self.lines.append(self.comment())
            return
        if r < 0.13:
            self.lines.append(self.blank())
            return
        # Key lines start at column 0, or indented (which only matters relative to the open key).
        ind = ""
        if self.chance(0.1):
            ind = self.ws()
            if self.open_indent is not None and len(ind) > self.open_indent:
                ind = ""  # would be a continuation of the open key
        if r < 0.25 and self.kind in ("config", "credentials"):
            self.emit_nested(valid, ind)
            return
        k = self.fresh_key(pool, valid)
        v = self.value(k)
        if v == "" and valid and self.chance(0.3):
            v = "x"
        line = ind + k + self.delim() + v
        self.lines.append(line)
        self.open_indent = len(ind)
        empty_value = v.strip() == ""
        if self.chance(0.18):
            self.emit_continuations(len(ind), empty_value, valid)

    def emit_continuations(self, key_indent, empty_value, valid):
        """Indented lines after a key line: part of its value, whatever they contain."""
        rng = self.rng
        for _ in range(rng.randint(1, 4)):
            deeper = " " * key_indent + self.ws(rng.randint(1, 3))
            r = rng.random()
            if r < 0.15:
                self.lines.append(self.blank())  # a blank line inside a value
                continue
            if r < 0.25:
                self.lines.append(self.comment())  # a comment line: skipped, value goes on
                continue
            if empty_value:
                # the value will start with '\n': botocore parses it as sub-keys, each needs '='
                body = rng.choice(SUB_KEYS) + rng.choice(["=", " = ", "\t=\t"]) + self.sub_value(valid)
                if not valid and self.chance(0.3):
                    body = rng.choice(["output: json", "justtext", "[profile x]"])
            else:
                body = rng.choice(["output = json", "region = us-west-2", "[profile x]", "more text",
                                   "a: b", "# not a comment", "; not either", "[default]", "x = y",
                                   "\ufeffbom", self.value()])
            if body.strip() == "":
                body = "x"
            self.lines.append(deeper + body)

    def emit_nested(self, valid, ind):
        rng = self.rng
        k = self.fresh_key(NESTED_KEYS, valid)
        self.lines.append(ind + k + rng.choice(["=", " =", " = ", ":", " =\t", " =\xa0"]))
        self.open_indent = len(ind)
        sub_ind = ind + self.ws(rng.choice([1, 2, 2, 4]), 0.1)
        used = set()
        for _ in range(rng.randint(0, 5)):
            r = rng.random()
            if r < 0.1:
                self.lines.append(self.blank())
                continue
            if r < 0.18:
                self.lines.append(self.comment())
                continue
            sk = rng.choice(SUB_KEYS)
            if sk in used:
                sk = sk + "_" + token(rng, 3, string.ascii_lowercase)
            used.add(sk)
            sv = self.sub_value(valid)
            if "=" in sk:
                sk = "k"
            line = sub_ind + (" " * rng.randint(0, 2) if self.chance(0.2) else "") + sk + \
                rng.choice(["=", " = ", " =", "= ", "\t=  "]) + sv
            if self.chance(0.05):
                # one line holding two sub-keys, split by str.splitlines() only
                line += rng.choice(SPLITLINES_CHARS) + "other_key = 1"
            self.lines.append(line)

    # --- chaos: lines from a small alphabet of the characters the parsers care about ----------
    CHAOS = ["[", "]", "[", "]", "=", ":", "=", "#", ";", " ", " ", "\t", "\u3000", "\x0b", "\x0c", "\x1c",
             "\x85", "\u2028", "\xa0", "\u200b", "a", "b", "A", "\u03a3", "\u0130", "\u212a", '"', "'", "\\",
             "profile ", "profile", "sso-session ", "services ", "default", "DEFAULT", "\ufeff", "x", "\x00"]

    def chaos_word(self, n):
        return "".join(self.rng.choice(self.CHAOS) for _ in range(n))

    def chaos_line(self, k):
        rng = self.rng
        r = rng.random()
        lead = self.ws(rng.choice([1, 1, 2, 3]), 0.3) if self.chance(0.3) else ""
        if r < 0.2:
            return lead + "[" + self.chaos_word(rng.randint(1, 4)) + "]" + (self.chaos_word(2) if self.chance(0.2) else "")
        if r < 0.3:
            return lead + rng.choice(["#", ";"]) + self.chaos_word(3)
        if r < 0.35:
            return self.blank()
        # A key line; a counter in most keys keeps them distinct so that many files stay valid.
        key = rng.choice(["k", "K", "key", "\u212a", "\u03a3", "\u0130", "a b"]) + \
            (str(k) if self.chance(0.85) else "")
        return lead + key + rng.choice(["=", " = ", ":", " : "]) + self.chaos_word(rng.randint(0, 5))

    def build_chaos(self):
        rng = self.rng
        self.lines.append("[" + rng.choice(["default", "profile c", "sso-session c", "services c", "DEFAULT"]) + "]")
        for k in range(rng.randint(1, 25)):
            self.lines.append(self.chaos_line(k))
        return self.render()

    # --- whole file -------------------------------------------------------------------------
    def build(self, mode):
        rng = self.rng
        if mode == "empty":
            return b""
        if mode == "chaos":
            return self.build_chaos()
        if mode == "comments":
            for _ in range(rng.randint(1, 6)):
                self.lines.append(self.comment() if self.chance(0.7) else self.blank())
            return self.render()
        valid = mode == "valid"
        # Comments and blank lines before the first header are fine.
        for _ in range(rng.choice([0, 0, 0, 1, 2])):
            self.lines.append(self.comment() if self.chance(0.7) else self.blank())
        nsec = rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 8])
        for _ in range(nsec):
            self.emit_section(valid, rng.randint(0, 7))
            if self.chance(0.2):
                self.lines.append(self.blank())
        data = None
        if not valid:
            faults = [self.inject_fault() for _ in range(rng.choice([1, 1, 1, 2]))]
            data = self.render()
            for f in faults:
                if f is not None:
                    data = f(data)
        return data if data is not None else self.render()

    def render(self):
        rng = self.rng
        style = rng.random()
        if style < 0.70:
            eols = ["\n"]
        elif style < 0.82:
            eols = ["\r\n"]
        elif style < 0.87:
            eols = ["\r"]
        else:
            eols = ["\n", "\r\n", "\r"]
        out = []
        for i, line in enumerate(self.lines):
            out.append(line)
            if i + 1 < len(self.lines) or self.chance(0.85):
                out.append(rng.choice(eols))
        return "".join(out).encode("utf-8")

    def inject_fault(self):
        """Changes self.lines, or returns a function applied to the rendered bytes."""
        rng = self.rng
        kinds = ["bom", "invalid_utf8", "before_header", "dup_section", "dup_key", "empty_key",
                 "no_delim", "nested_bad", "empty_header", "default_dup", "invalid_utf8_comment",
                 "truncated_utf8"]
        kind = rng.choice(kinds)
        secs = [s for s in self.sections]
        if kind == "bom":
            return lambda data: b"\xef\xbb\xbf" + data
        if kind in ("invalid_utf8", "invalid_utf8_comment"):
            bad = rng.choice(INVALID_UTF8)
            if kind == "invalid_utf8_comment" or not self.lines:
                self.lines.insert(rng.randint(0, len(self.lines)), "# comment \uE000")
            else:
                i = rng.randrange(len(self.lines))
                self.lines[i] = self.lines[i] + "\uE000"
            return lambda data: data.replace("\uE000".encode("utf-8"), bad, 1)
        if kind == "truncated_utf8":
            return lambda data: data + rng.choice([b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98"])
        if kind == "before_header":
            pos = 0
            while pos < len(self.lines) and (self.lines[pos].strip() == "" or
                                             self.lines[pos].strip()[:1] in "#;"):
                pos += 1
            self.lines.insert(pos, rng.choice(["region = us-east-1", "  region = us-east-1", "junk",
                                               "\ufeff[default]", "aws_access_key_id=AKIA"]))
            return None
        if kind == "dup_section" and secs:
            _, name = rng.choice(secs)
            if name == "DEFAULT":
                name = "default"
            self.lines.append("[" + name + "]")
            self.lines.append("region = us-east-1")
            return None
        if kind == "dup_key" and secs:
            idx = rng.randrange(len(self.sections))
            at = self.sections[idx][0]
            k = rng.choice(["region", "REGION", "Region", "\u212a", "k", "RÉGION", "région", "İ", "i\u0307"])
            twin = {"region": "Region", "REGION": "region", "Region": "rEGION", "\u212a": "k",
                    "k": "\u212a", "RÉGION": "région", "région": "RÉGION", "İ": "i\u0307",
                    "i\u0307": "İ"}[k]
            self.lines.insert(at + 1, k + " = a")
            self.lines.insert(at + 2, twin + rng.choice([" = b", ": b", "=b"]))
            return None
        if kind == "empty_key" and secs:
            at = rng.choice(secs)[0]
            self.lines.insert(at + 1, rng.choice(["= x", ": x", " = x", "=", "=  "]))
            return None
        if kind == "no_delim" and secs:
            at = rng.choice(secs)[0]
            self.lines.insert(at + 1, rng.choice(["junk", "region us-east-1", "[]", "[profile",
                                                  "aws_access_key_id AKIA", "\u200b"]))
            return None
        if kind == "nested_bad" and secs:
            at = rng.choice(secs)[0]
            self.lines[at + 1:at + 1] = ["s3 =", "  max_concurrent_requests = 20",
                                         "  " + rng.choice(["addressing_style: path", "justtext",
                                                            "a\x0bb", "x = 1\x0cnoequals"])]
            return None
        if kind == "empty_header" and secs:
            at = rng.choice(secs)[0]
            self.lines.insert(at + 1, "[]")
            return None
        if kind == "default_dup":
            self.lines[0:0] = ["[DEFAULT]", "output = json", "[DEFAULT]", "OUTPUT = text"]
            return None
        self.lines[0:0] = ["orphan = 1"]
        return None


def generate_file(rng, kind):
    r = rng.random()
    if r < 0.04:
        mode = "empty"
    elif r < 0.07:
        mode = "comments"
    elif r < 0.65:
        mode = "valid"
    elif r < 0.75:
        mode = "chaos"
    else:
        mode = "faulty"
    return Gen(rng, kind).build(mode)


def generate_pair(seed, i):
    """{"config": bytes or None, "credentials": bytes or None} for pair i of seed."""
    rng = random.Random("awslint-diff-%d-%d" % (seed, i))
    out = {}
    r = rng.random()
    missing = "config" if r < 0.08 else "credentials" if r < 0.18 else None
    for kind in ("config", "credentials"):
        content = generate_file(rng, kind)
        out[kind] = None if missing == kind else content
    return out


def write_pairs(seed, count, out_dir):
    dirs = []
    for i in range(count):
        d = os.path.join(out_dir, "%d-%d" % (seed, i))
        os.makedirs(d, exist_ok=True)
        for kind, content in generate_pair(seed, i).items():
            path = os.path.join(d, kind)
            if content is None:
                if os.path.exists(path):
                    os.remove(path)
            else:
                with open(path, "wb") as f:
                    f.write(content)
        dirs.append(d)
    return dirs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    write_pairs(a.seed, a.count, a.out)


if __name__ == "__main__":
    main()
