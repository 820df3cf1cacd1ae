"""What the CLI prints (issue 8, items 10 and 12): one terminal-safe line per
error, escaped names, labelled numbers, helpful --help, no [Errno N]."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from models import load_model, valuate
from models.__main__ import DRIVER_HELP, main
from models.sensitivity import DRIVERS
from models.terminal import json_printable, printable

from test_sample import ROOT, SAMPLE

#: What a terminal obeys: C0 but LF (and the CR/LF of line ends), DEL, C1,
#: bidi controls, line separators.
OBEYED = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

EVIL = "\x1b]0;pwned\x07\x1b[2J\x1b[H\u202e\x9b31m"


def run(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "models", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", errors="surrogateescape", **kwargs)


def one_line_error(proc) -> str:
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert proc.stderr.endswith("\n") and proc.stderr.count("\n") == 1, proc.stderr
    assert not OBEYED.search(proc.stderr), proc.stderr
    assert "[Errno" not in proc.stderr and "Traceback" not in proc.stderr
    return proc.stderr


def evil_model(tmp_path):
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["company"]["name"] = "联影" + EVIL + "\nsecond line"
    doc["company"]["unit"] = doc["company"]["unit"]
    doc["segments"][0]["name"] = "国内\r\n" + EVIL
    doc["segments"][1]["name"] = "\x1b[31m海外\x1b[0m"
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


# -- printable ---------------------------------------------------------------------

@pytest.mark.parametrize("text, shown", [
    ("a\nb", "a\\nb"), ("\x1b[2J", "\\x1b[2J"), ("\r\t", "\\r\\t"), ("\x00\x7f\x9b", "\\x00\\x7f\\x9b"),
    ("\u202eevil", "\\u202eevil"), ("\u2028", "\\u2028"), ("\udcff", "\\udcff"),
    ("联影医疗 (国内) 1,234.5", "联影医疗 (国内) 1,234.5"),
])
def test_printable(text, shown):
    assert printable(text) == shown


def test_json_printable_is_the_same_json():
    doc = {"name": "x\x1b\x7f\x85\x9b\u2028\u202e\ud800 联影", "n": [1.5, None]}
    text = json_printable(json.dumps(doc, ensure_ascii=False, indent=2))
    assert json.loads(text) == doc
    assert not OBEYED.search(text.replace("\n", ""))


# -- item 10: nothing printed is obeyed by the terminal ------------------------------

def test_newline_and_escapes_in_a_file_path_stay_on_one_line(tmp_path):
    err = one_line_error(run("value", tmp_path / ("a\nb" + EVIL + ".json")))
    assert "a\\nb\\x1b]0;pwned" in err and "file not found" in err


def test_newline_in_a_key_path_stays_on_one_line(tmp_path):
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["segments"][0]["forecast"]["2026\n" + EVIL] = doc["segments"][0]["forecast"]["2026"]
    path = tmp_path / "k.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    err = one_line_error(run("value", path))
    assert "segments[0].forecast.2026\\n\\x1b]0;pwned" in err


def test_an_undecodable_file_name_is_an_error_not_a_crash(tmp_path):
    name = os.fsdecode(bytes(tmp_path) + b"/\xff\xfe.json")
    proc = subprocess.run([sys.executable, "-m", "models", "value", name], cwd=ROOT, capture_output=True)
    assert proc.returncode == 2 and proc.stderr.count(b"\n") == 1
    assert b"\\udcff\\udcfe.json" in proc.stderr


@pytest.mark.parametrize("fmt", [[], ["--json"], ["--csv"]])
def test_names_reach_stdout_escaped(tmp_path, fmt):
    path = evil_model(tmp_path)
    proc = run("value", path, *fmt)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    if fmt == ["--csv"]:
        # CSV keeps a cell's text (direction marks included) but no control
        # character: csv_export.safe_text; line breaks stay inside quotes
        assert not re.search("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]", out), repr(out[:300])
        assert '"国内\n]0;pwned[2J[H\u202e31m"' in out
    else:
        assert not OBEYED.search(out), repr(out[:300])
    clean = run("value", SAMPLE, *fmt).stdout
    if fmt == ["--json"]:
        doc = json.loads(out)
        assert doc["ddm"]["segments"][0]["name"] == "国内\r\n" + EVIL       # escaped, not lost
    elif not fmt:
        # one line per line: the names' line breaks do not add any
        assert out.count("\n") == clean.count("\n")
        assert "联影\\x1b]0;pwned\\x07\\x1b[2J\\x1b[H\\u202e\\x9b31m\\nsecond line  market cap" in out
        assert "  \\x1b[31m海外\\x1b[0m: forecast value" in out


def test_usage_errors_are_one_safe_line():
    err = one_line_error(run("value"))
    assert err.startswith("valuation-cli value: error:") and "--help" in err
    err = one_line_error(run("sensitivity", SAMPLE, "--x", "roe_shift:0:1:2", "--method", "ddm" + EVIL))
    assert "invalid choice" in err and "\\x1b[2J" in err
    err = one_line_error(run("sensitivity", SAMPLE, "--x", "bad\n" + EVIL + ":0:1:2"))
    assert "unknown driver" in err


# -- item 12: the newcomer's mistakes -------------------------------------------------

def test_text_output_labels_every_number():
    model = load_model(SAMPLE)
    result = valuate(model)
    proc = run("value", SAMPLE)
    assert proc.returncode == 0
    ddm, dyn = result.ddm.segments[0], result.dynamic.segments[0]
    assert (f"{ddm.name}: forecast value {ddm.forecast_value:,.2f} + perpetual value {ddm.perpetual_value:,.2f}"
            f" = business value {ddm.business_value:,.2f}") in proc.stdout
    assert (f"{dyn.name}: earnings base {dyn.earnings_base:,.2f} × multiple {dyn.multiple:g}; explicit value "
            f"{dyn.explicit_value:,.2f} + post-explicit value {dyn.post_explicit_value:,.2f}"
            f" = business value {dyn.business_value:,.2f}") in proc.stdout
    assert f"DDM equity value: {result.ddm.total:,.2f} 亿元  upside {result.ddm.upside:+.1%} vs market cap" \
        in proc.stdout
    assert "minority interest" in proc.stdout


@pytest.mark.parametrize("command", ["value", "sensitivity"])
def test_help_lists_the_drivers_and_says_valuation_cli(command):
    proc = run(command, "--help")
    assert proc.returncode == 0
    assert proc.stdout.startswith(f"usage: valuation-cli {command} ")
    for driver in DRIVERS:
        assert re.search(rf"^  {driver}\s+{re.escape(DRIVER_HELP[driver])}$", proc.stdout, re.M), driver
    assert "__main__" not in proc.stdout and "python -m" not in proc.stdout
    top = run("--help")
    assert top.stdout.startswith("usage: valuation-cli ")


def test_sensitivity_help_states_the_grid_budget():
    assert "at most 256 MB of memory" in run("sensitivity", "--help").stdout


@pytest.mark.parametrize("args", [
    ["value", "/nonexistent/x.json"],
    ["value", str(SAMPLE), "--out", "/nonexistent/dir/x.txt"],
    ["value", str(SAMPLE), "--csv", "--out", "/nonexistent/dir/x.csv"],
    ["value", str(SAMPLE), "--json", "--out", "/nonexistent/dir/x.json"],
    ["sensitivity", str(SAMPLE), "--x", "roe_shift:0:0.01:2", "--csv", "--out", "/nonexistent/d/x.csv"],
    ["sensitivity", "/nonexistent/x.json", "--x", "roe_shift:0:0.01:2"],
])
def test_no_errno_in_any_message(args, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "[Errno" not in err and ("file not found" in err or "No such file or directory" in err)
    assert "/nonexistent/" in err


def test_value_out_csv_without_flag_writes_csv_not_text(tmp_path):
    out = tmp_path / "x.csv"
    proc = run("value", SAMPLE, "--out", out)
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8-sig")
    assert text.startswith("method,item,forecast_value") and "market cap" not in text


def test_readme_states_the_drivers_and_the_budget_the_cli_uses():
    from models.sensitivity import GRID_MEMORY_BUDGET

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for driver, text in DRIVER_HELP.items():
        row = re.search(rf"^\| `{driver}` \| (.*) \|$", readme, re.M)
        assert row, driver
        assert row.group(1).replace("−", "-").split(" (0.8")[0] == text.split(" (0.8")[0], driver
    assert f"at most {GRID_MEMORY_BUDGET // 2 ** 20} MB of memory" in readme
