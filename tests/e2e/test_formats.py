"""Every --format produces output its consumers can parse, with the same findings; -o FILE writes the
report to the file and nothing to stdout."""

import json
import pathlib
import shutil
import sys
import xml.etree.ElementTree as ET

from e2e_util import GOOD_CONFIG, GOOD_CREDENTIALS, aws_dir, check, lint, main

FORMATS = ["text", "json", "sarif", "github", "gitlab", "junit", "checkstyle"]
DEMO = pathlib.Path(__file__).resolve().parents[2] / "testdata" / "demo"


def demo_copy(tmp):
    """The bundled demo, copied so that paths are relative to the temporary directory."""
    shutil.copytree(DEMO, tmp / "demo")
    return ["--env-file", "demo/image.env", "demo/.aws"]


def parse(fmt, text):
    """Parses one report; returns the number of findings it carries."""
    if fmt == "text":
        lines = [l for l in text.splitlines() if l.strip()]
        check(lines, "text output is not empty")
        last = lines[-1]
        check("finding" in last, f"text output ends with a summary line: {last!r}")
        return sum(1 for l in lines if l.rstrip().endswith("]") and ": " in l and not l.startswith(" "))
    if fmt == "json":
        doc = json.loads(text)
        check(isinstance(doc.get("findings"), list), "json has a findings list")
        check("summary" in doc, "json has a summary")
        for f in doc["findings"]:
            for k in ("rule", "name", "severity", "message", "file", "line", "column"):
                check(k in f, f"json finding has '{k}': {f}")
        return len(doc["findings"])
    if fmt == "sarif":
        doc = json.loads(text)
        check(doc.get("version") == "2.1.0", "sarif version 2.1.0")
        check(isinstance(doc.get("runs"), list) and doc["runs"], "sarif has runs")
        results = doc["runs"][0].get("results")
        check(isinstance(results, list), "sarif has runs[0].results")
        for res in results:
            check("ruleId" in res and "message" in res, f"sarif result has ruleId and message: {res}")
        return len(results)
    if fmt == "gitlab":
        doc = json.loads(text)
        check(isinstance(doc, list), "gitlab code quality is a JSON array")
        for issue in doc:
            for k in ("description", "check_name", "fingerprint", "severity", "location"):
                check(k in issue, f"gitlab issue has '{k}': {issue}")
        return len(doc)
    if fmt == "github":
        # (That every line is a workflow command is test_github_lines_are_workflow_commands.)
        lines = [l for l in text.splitlines() if l.strip()]
        return sum(1 for l in lines if l.startswith(("::error", "::warning", "::notice")) and "title=AWS" in l)
    if fmt == "junit":
        root = ET.fromstring(text)
        check(root.tag in ("testsuites", "testsuite"), f"junit root is testsuites: {root.tag}")
        return len(root.findall(".//failure")) + len(root.findall(".//error"))
    if fmt == "checkstyle":
        root = ET.fromstring(text)
        check(root.tag == "checkstyle", f"checkstyle root: {root.tag}")
        return len(root.findall("./file/error"))
    raise AssertionError(fmt)


def test_every_format_parses_with_findings(tmp):
    args = demo_copy(tmp)
    counts = {}
    for fmt in FORMATS:
        r = lint(args + ["--format", fmt], tmp)
        check(r.rc == 1, f"--format {fmt}: the demo has findings (exit 1)", r)
        check(r.err == "", f"--format {fmt}: nothing on stderr", r)
        try:
            counts[fmt] = parse(fmt, r.out)
        except (ValueError, ET.ParseError) as e:
            raise AssertionError(f"--format {fmt} does not parse: {e}\n{r!r}")
    check(counts["json"] >= 5, f"the demo shows several findings: {counts}")
    for fmt in ("sarif", "gitlab", "checkstyle", "github", "text"):
        check(counts[fmt] == counts["json"], f"--format {fmt} carries as many findings as json: {counts}")


def test_every_format_parses_clean(tmp):
    d = aws_dir(tmp, GOOD_CONFIG, GOOD_CREDENTIALS)
    for fmt in FORMATS:
        r = lint(["--no-env", d, "--format", fmt], tmp)
        check(r.rc == 0, f"--format {fmt}: a clean folder exits 0", r)
        try:
            n = parse(fmt, r.out)
        except (ValueError, ET.ParseError) as e:
            raise AssertionError(f"--format {fmt} (no findings) does not parse: {e}\n{r!r}")
        check(n == 0, f"--format {fmt}: no findings in a clean run", r)


def test_github_lines_are_workflow_commands(tmp):
    args = demo_copy(tmp)
    d = aws_dir(tmp, GOOD_CONFIG, GOOD_CREDENTIALS)
    for what, run_args in (("findings", args), ("clean", ["--no-env", str(d)])):
        r = lint(run_args + ["--format", "github"], tmp)
        lines = [l for l in r.out.splitlines() if l.strip()]
        check(lines and lines[-1].startswith("awslint: "), f"{what}: the github report ends with a plain summary line "
              "(annotations are capped at 10 per kind; the log line is not)", r)
        for l in lines[:-1]:
            check(l.startswith("::"), f"{what}: every github line but the summary is a workflow command: {l!r}", r)


def test_json_related_and_affects(tmp):
    args = demo_copy(tmp)
    r = lint(args + ["--format", "json"], tmp)
    doc = r.json()
    env = [f for f in doc["findings"] if f["rule"] == "AWS401"]
    check(len(env) == 1, f"the demo has one AWS401: {doc['findings']}")
    f = env[0]
    check(f["file"] == "demo/image.env" and f["line"] == 3, f"AWS401 is at its --env-file line: {f}")
    check(f["variable"] == "AWS_ACCESS_KEY_ID", f"AWS401 names its variable: {f}")
    check(f["affects"] and f["affects"]["file"] == "demo/.aws/config", f"AWS401 points at the shadowed profile: {f}")


def test_output_file(tmp):
    args = demo_copy(tmp)
    for fmt in FORMATS:
        out = tmp / f"report.{fmt}"
        r = lint(args + ["--format", fmt, "-o", out], tmp)
        check(r.rc == 1, f"-o with --format {fmt}: the exit status still reflects the findings", r)
        check(r.out == "", f"-o with --format {fmt}: nothing on stdout", r)
        check(out.is_file() and out.stat().st_size > 0, f"-o with --format {fmt}: the file is written", r)
        want = lint(args + ["--format", fmt], tmp).out
        got = out.read_text(encoding="utf-8")
        check(got == want, f"-o with --format {fmt}: the file holds what stdout would have shown")
        parse(fmt, got)
    # --output, the long spelling, and a file that is replaced, not appended to.
    out = tmp / "again.json"
    out.write_text("old content that must go\n")
    r = lint(args + ["--format", "json", "--output", out], tmp)
    check(r.out == "" and json.loads(out.read_text()), "--output replaces the file with the report", r)


def test_output_file_unwritable(tmp):
    d = aws_dir(tmp, GOOD_CONFIG, GOOD_CREDENTIALS)
    r = lint(["--no-env", d, "-o", tmp / "no" / "such" / "dir" / "out.txt"], tmp)
    check(r.rc == 2, "-o into a missing directory is an I/O error (exit 2)", r)
    check("out.txt" in r.err, "stderr names the file", r)


def test_no_color_when_not_a_tty(tmp):
    args = demo_copy(tmp)
    r = lint(args, tmp)
    check("\x1b[" not in r.out, "no ANSI escapes when stdout is not a terminal", r)


if __name__ == "__main__":
    sys.exit(main(globals()))
