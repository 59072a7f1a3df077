#!/usr/bin/env python3
""""Did you mean" at scale: 20,000 profiles and 2,000 distinct source_profile names that no section
defines (each as long as the profile names, so no length check rules them out), plus typos, names
in another case, config sections without the 'profile' word and '[profile x]' in the credentials
file. AWS103 looks for near misses and the closest profile once per finding: a scan of every
section and an edit distance to every profile per name took ~10 s here. Each run stays within the
limit, and the suggestions are the right ones."""
from hostile_common import main

N = 20_000        # profiles
DANGLING = 2_000  # distinct undefined source_profile names without any close profile
TYPOS = 50        # one letter off a profile's name


def test(c):
    lines = []
    header_line = {}  # section name -> line of its header
    expect = {}       # line of a source_profile -> text its AWS103 message must hold

    def section(header, *keys):
        """Appends a section; returns the line of its last key."""
        header_line[header] = len(lines) + 1
        lines.append(header)
        lines.extend(keys)
        at = len(lines)
        lines.append("")
        return at

    role = "role_arn = arn:aws:iam::123456789012:role/R"
    keys = ("aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key = x")
    for i in range(N):
        h = f"[profile svc-{i:05d}]"
        if i % 10 == 0:
            expect[section(h, role, f"source_profile = gone-{i // 10:04d}")] = None  # no suggestion
        elif i % 10 == 5 and i < TYPOS * 10:
            expect[section(h, role, f"source_profile = svx-{i + 1:05d}")] = f"; did you mean 'svc-{i + 1:05d}'?"
        elif i % 10 == 7 and i < 1000:
            target = f"[profile svc-{i - 1:05d}]"
            expect[section(h, role, f"source_profile = SVC-{i - 1:05d}")] = (
                f"; '{target}' at line {header_line[target]} of the config file defines 'svc-{i - 1:05d}': "
                "profile names are case-sensitive")
        else:
            section(h, *keys)
    # Sections the CLI does not read as the profile they look like.
    for j in range(20):
        section(f"[legacy-{j}]", "region = us-east-1")
        expect[section(f"[profile uses-legacy-{j}]", role, f"source_profile = legacy-{j}")] = (
            f"; '[legacy-{j}]' at line {header_line[f'[legacy-{j}]']} of the config file is not a profile to the "
            f"CLI: write '[profile legacy-{j}]'")
        expect[section(f"[profile uses-cred-{j}]", role, f"source_profile = cred-{j}")] = (
            f"; '[profile cred-{j}]' at line {4 * j + 1} of the credentials file is a profile named "
            f"'profile cred-{j}': write '[cred-{j}]' there")
    c.write("config", "\n".join(lines))
    c.write("credentials", "".join(f"[profile cred-{j}]\n{keys[0]}\n{keys[1]}\n\n" for j in range(20)))
    c.write("env", "AWS_PROFILE=svx-00042\n")

    args = ("--config", "config", "--credentials", "credentials", "--env-file", "env", "--fail-level", "never")
    r = c.run(*args, "--format", "json")
    c.expect_rc(r, 0)
    by_line = {f["line"]: f["message"] for f in c.findings(r) if f["rule"] == "AWS103" and f["file"] == "config"}
    c.expect(len(by_line) == len(expect), f"{r.describe()}: {len(by_line)} AWS103 findings, expected {len(expect)}")
    for line, text in expect.items():
        c.expect(line in by_line, f"{r.describe()}: no AWS103 finding at config line {line}")
        m = by_line[line]
        if text is None:
            c.expect(m.endswith("does not exist\""), f"{r.describe()}: config line {line}: a suggestion: {m!r}")
        else:
            c.expect(m.endswith("does not exist\"" + text), f"{r.describe()}: config line {line}: {m!r} does not "
                                                             f"end with {text!r}")
    aws102 = [f["message"] for f in c.findings(r) if f["rule"] == "AWS102"]
    c.expect(len(aws102) == 1 and aws102[0].endswith("; did you mean 'svc-00042'?"), f"AWS102 for svx-00042: {aws102}")
    for fmt in ("text", "sarif"):
        c.expect_rc(c.run(*args, "--format", fmt), 0)


main(test)
