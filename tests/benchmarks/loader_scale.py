"""Benchmark: how loading a model file grows with its size (issue 8, item 3).

For each case a model file is written to a temporary folder and loaded with
``models.load_model`` (read, parse, check) in a fresh Python process, so each
figure carries its own peak memory. Cases:

- ``years``: one segment, 1k years and the cap (``MAX_YEARS``), then 10k and
  20k (beyond the cap: the time to refuse);
- ``segments``: ten years, 1k segments and the cap (``MAX_SEGMENTS``), then 10k
  and 50k (beyond the cap: the time to refuse);
- ``both_caps``: ``MAX_SEGMENTS`` × ``MAX_YEARS`` at once;
- ``file_cap``: a model padded with a free-form list up to the 64 MB cap,
  and a file just over it (refused before it is read);
- ``issue_cases``: the files issue 8 timed (20,000 actual years; 40 segments
  × 3,000 years; a 55 MB list);
- ``checks_without_caps``: the checker alone (``check_document`` on a
  parsed document) with the caps lifted, at 1k, 10k, 100k and 300k years and
  1k, 10k and 50k segments, to show every check is linear (``us_per_row`` flat).

    python3 tests/benchmarks/loader_scale.py [--repeat 3]

Prints JSON. Targets: refusals beyond a cap in well under a second; the time
per row (``us_per_row``) flat across sizes (linear growth).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from models import limits  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"


def wide_doc(n_years: int, n_segments: int, n_actual: int = 1, first: int = 2000) -> dict:
    years = list(range(first, first + n_years))
    ffy = years[n_actual]
    segments = []
    for s in range(n_segments):
        segments.append({
            "name": f"业务 {s}",
            "actuals": {str(y): {"revenue": 10.0 + s, "net_profit": 1.0} for y in years[:n_actual]},
            "forecast": {str(y): {"growth": 0.0, "margin": 0.1} for y in years[n_actual:]},
            "discount_rate": 0.09, "roe": 0.15, "fade_growth": 0.03, "multiple": 12.0,
        })
    return {"format": "valuation-workbench-model", "version": 1, "company": {"name": "规模测试"},
            "market": {"price": 10.0, "shares": 100.0}, "years": years, "first_forecast_year": ffy,
            "valuation": {"terminal_growth": 0.02, "fade_years": 5}, "segments": segments}


def padded_doc(target_bytes: int) -> str:
    """The sample with a free-form list of numbers making the file
    ``target_bytes`` long."""
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["notes_data"] = []
    base = len(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    item = "12345.678, "
    count = (target_bytes - base) // len(item)
    text = json.dumps(doc, ensure_ascii=False)
    filler = (item * count).rstrip(", ")
    text = text.replace('"notes_data": []', f'"notes_data": [{filler}]')
    return text + " " * max(0, target_bytes - len(text.encode("utf-8")))


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# One measurement, in its own process


def measure_file(path: str, repeat: int) -> dict:
    import models
    best = None
    outcome = "loaded"
    runs = spent = 0
    while runs < repeat or (spent < 0.5 and runs < 50):   # small files: enough runs for a stable best
        start = time.perf_counter()
        try:
            models.load_model(path)
        except models.ModelFileError as exc:
            outcome = "refused: " + str(exc)[:160]
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
        runs += 1
        spent += elapsed
    return {"seconds": round(best, 4), "outcome": outcome, "peak_rss_mb": peak_rss_mb()}


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss it does
    not carry over the parent's from before exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def measure_check(kind: str, n: int, repeat: int) -> dict:
    """check_document alone, caps lifted (the checker's own growth)."""
    from models import checks
    checks.MAX_YEARS = checks.MAX_SEGMENTS = 10 ** 9
    checks.MAX_YEAR = 10 ** 9
    doc = wide_doc(n, 1) if kind == "years" else wide_doc(10, n)
    rows = n if kind == "years" else 10 * n
    best = None
    runs = spent = 0
    while runs < repeat or (spent < 0.5 and runs < 50):
        start = time.perf_counter()
        _, issues = checks.check_document(doc, copy=False)
        elapsed = time.perf_counter() - start
        assert not issues, issues[:3]
        best = elapsed if best is None else min(best, elapsed)
        runs += 1
        spent += elapsed
    return {"n": n, "rows": rows, "seconds": round(best, 4), "us_per_row": round(best / rows * 1e6, 3)}


def in_child(args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"rc {proc.returncode}"}
    return json.loads(proc.stdout)


def file_case(folder: Path, name: str, text: str, repeat: int, rows: int | None = None, **extra) -> dict:
    path = write(folder, name, text)
    size = path.stat().st_size
    result = {**extra, "bytes": size, **in_child(["--file", str(path), "--repeat", str(repeat)])}
    if rows and "seconds" in result and result.get("outcome") == "loaded":
        result["us_per_row"] = round(result["seconds"] / rows * 1e6, 3)
    path.unlink()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--check", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.file:
        print(json.dumps(measure_file(args.file, args.repeat)))
        return
    if args.check:
        print(json.dumps(measure_check(args.check[0], int(args.check[1]), args.repeat)))
        return

    dumps = lambda doc: json.dumps(doc, ensure_ascii=False)  # noqa: E731
    out: dict = {"caps": {"MAX_FILE_BYTES": limits.MAX_FILE_BYTES, "MAX_YEARS": limits.MAX_YEARS,
                          "MAX_SEGMENTS": limits.MAX_SEGMENTS}}
    with tempfile.TemporaryDirectory(prefix="vw-loader-scale-") as tmp:
        folder = Path(tmp)
        out["years"] = [file_case(folder, f"y{n}.json", dumps(wide_doc(n, 1)), args.repeat, rows=n, years=n)
                        for n in sorted({100, 1000, limits.MAX_YEARS, 10_000, 20_000})]
        out["segments"] = [file_case(folder, f"s{n}.json", dumps(wide_doc(10, n)), args.repeat, rows=10 * n,
                                     segments=n)
                           for n in sorted({100, 1000, limits.MAX_SEGMENTS, 10_000, 50_000})]
        out["both_caps"] = file_case(folder, "both.json", dumps(wide_doc(limits.MAX_YEARS, limits.MAX_SEGMENTS)),
                                     1, rows=limits.MAX_YEARS * limits.MAX_SEGMENTS,
                                     years=limits.MAX_YEARS, segments=limits.MAX_SEGMENTS)
        cap = limits.MAX_FILE_BYTES
        out["file_cap"] = [file_case(folder, "cap.json", padded_doc(cap - 16), 1, what="sample + free-form list, at the cap"),
                           file_case(folder, "half.json", padded_doc(cap // 2), 1, what="the same, half the cap"),
                           file_case(folder, "over.json", padded_doc(cap + 1024), 1, what="just over the cap")]
        out["issue_cases"] = [
            file_case(folder, "i1.json", dumps(wide_doc(20_000, 1, n_actual=19_999)), args.repeat,
                      what="one segment, 20,000 actual years"),
            file_case(folder, "i2.json", dumps(wide_doc(3000, 40, n_actual=2999)), args.repeat,
                      what="40 segments x 3,000 years"),
            file_case(folder, "i3.json", padded_doc(55 * 1024 * 1024), 1, what="a 55 MB list"),
        ]
    out["checks_without_caps"] = {
        "years": [in_child(["--check", "years", str(n), "--repeat", str(args.repeat)])
                  for n in (1000, 10_000, 100_000, 300_000)],
        "segments": [in_child(["--check", "segments", str(n), "--repeat", str(args.repeat)])
                     for n in (1000, 10_000, 50_000)],
    }
    out["load_average"] = list(os.getloadavg())
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
