"""Subcommands and informational flags: `awslint rules` (every format), `awslint explain`, `dump`,
`--help`, `--version`."""

import json
import re
import sys

from e2e_util import GOOD_CONFIG, GOOD_CREDENTIALS, KEY_ID, SECRET, aws_dir, check, main, run

HEADINGS = ["## What it does", "## Why is this bad?", "## Example", "## Use instead"]


def catalog(tmp):
    r = run(["rules", "--format", "json"], tmp)
    check(r.rc == 0, "rules --format json exits 0", r)
    return r.json()


def test_rules_text(tmp):
    r = run(["rules"], tmp)
    check(r.rc == 0 and r.err == "", "awslint rules exits 0, quietly", r)
    rules = catalog(tmp)
    for rule in rules:
        line = next((l for l in r.out.splitlines() if l.startswith(rule["id"] + " ")), None)
        check(line is not None, f"{rule['id']} is listed", r)
        check(rule["name"] in line and rule["severity"] in line, f"{rule['id']}: its name and severity: {line!r}")


def test_rules_json(tmp):
    rules = catalog(tmp)
    check(len(rules) >= 20, f"the catalog has the rules: {len(rules)}")
    rule_ids = [x["id"] for x in rules]
    names = [x["name"] for x in rules]
    check(rule_ids == sorted(rule_ids), f"sorted by id: {rule_ids}")
    check(len(set(rule_ids)) == len(rule_ids) and len(set(names)) == len(names), "ids and names are unique")
    for x in rules:
        check(re.fullmatch(r"AWS\d{3}", x["id"]), f"id format: {x['id']}")
        check(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", x["name"]), f"name format: {x['name']}")
        check(x["severity"] in ("error", "warning", "note"), f"severity: {x}")
        # Lower-case start (identifiers such as AWS_PROFILE or [DEFAULT] excepted), no period.
        check(x["summary"] and not re.match(r"[A-Z][a-z]", x["summary"]) and not x["summary"].endswith("."),
              f"{x['id']}: summary starts lower-case, no period: {x['summary']!r}")
        for h in HEADINGS:
            check(h in x["doc"], f"{x['id']}: doc has '{h}'")
    for mine in ("AWS007", "AWS201", "AWS401", "AWS402"):
        doc = next(x["doc"] for x in rules if x["id"] == mine)
        check("TODO" not in doc, f"{mine}: the doc is written")


def test_rules_markdown(tmp):
    rules = catalog(tmp)
    r = run(["rules", "--format", "markdown"], tmp)
    check(r.rc == 0, "rules --format markdown exits 0", r)
    rows = [l for l in r.out.splitlines() if l.startswith("| AWS")]
    check(len(rows) == len(rules), f"one table row per rule: {len(rows)} vs {len(rules)}", r)
    r = run(["rules", "--format", "yaml"], tmp)
    check(r.rc == 2 and "yaml" in r.err, "an unknown rules format is a usage error", r)


def test_rules_man(tmp):
    r = run(["rules", "--format", "man"], tmp)
    check(r.rc == 0, "rules --format man exits 0 (it is offered by the help and the hint)", r)
    check(".TH" in r.out, "man output is roff (.TH)", r)


def test_explain(tmp):
    r = run(["explain", "AWS103"], tmp)
    check(r.rc == 0 and r.err == "", "explain AWS103 exits 0", r)
    check("AWS103" in r.out and "dangling-source-profile" in r.out, "it names the rule", r)
    for h in HEADINGS:
        check(h in r.out, f"explain shows '{h}'", r)
    by_name = run(["explain", "dangling-source-profile"], tmp)
    check(by_name.rc == 0 and by_name.out == r.out, "explain by name shows the same page", by_name)
    lower = run(["explain", "aws103"], tmp)
    check(lower.rc == 0 and lower.out == r.out, "rule ids are case-insensitive", lower)
    for mine in ("AWS007", "AWS201", "AWS401", "AWS402"):
        m = run(["explain", mine], tmp)
        check(m.rc == 0 and "TODO" not in m.out and all(h in m.out for h in HEADINGS), f"explain {mine}", m)
    out = tmp / "explain.md"
    r = run(["explain", "AWS201", "-o", out], tmp)
    check(r.rc == 0 and r.out == "" and "expired-credentials" in out.read_text(), "explain -o FILE", r)


def test_help_and_version(tmp):
    r = run(["--help"], tmp)
    check(r.rc == 0, "--help exits 0", r)
    for word in ("--format", "--env-file", "--profile", "--now", "--fail-level", "rules", "explain", "Exit status"):
        check(word in r.out, f"--help mentions {word}", r)
    r = run(["-h"], tmp)
    check(r.rc == 0 and "--format" in r.out, "-h is --help", r)
    r = run(["--version"], tmp)
    check(r.rc == 0 and re.fullmatch(r"awslint \d+\.\d+\.\d+\S*\n", r.out), f"--version: {r.out!r}", r)


def test_dump(tmp):
    d = aws_dir(tmp, GOOD_CONFIG, GOOD_CREDENTIALS)
    r = run(["--no-config", "dump", "--no-env", d], tmp)
    check(r.rc == 0, "dump exits 0", r)
    doc = r.json()
    check(doc["config"]["profiles"]["default"]["region"] == "eu-west-1", f"dump shows the config: {doc}")
    creds = doc["credentials"]["profiles"]["default"]
    check(creds["aws_secret_access_key"] != SECRET and KEY_ID not in json.dumps(doc), f"dump masks secrets: {creds}")
    r = run(["--no-config", "dump", "--no-env", "--show-secrets", d], tmp)
    check(r.rc == 0 and SECRET in r.out, "dump --show-secrets shows them", r)
    check("warning" in r.err.lower(), "with a warning on stderr", r)


if __name__ == "__main__":
    sys.exit(main(globals()))
