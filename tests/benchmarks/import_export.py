"""Statement import and workbook export benchmark (issue 15). Not a test: prints JSON.

    python tests/benchmarks/import_export.py [--repeat N]

Times, as the median of N runs in milliseconds: reading a Tushare income
export of 30 years × 4 periods (GBK CSV, and the same as .xlsx) and planning +
applying it into the bundled sample; reading an East Money composition of 30
segments × 10 years; writing the sample's workbook. Also the first-call cost
in a fresh process (pandas and openpyxl load then), and what ``import models``
and building the CLI parser cost with and without them (they must not load).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "models"))

from import_fixtures import INCOME_FIELDS, ZYGC_FIELDS, write_csv, write_xlsx  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "united-imaging-688271.json"


def income_rows(years: int) -> list[list[str]]:
    rows = []
    for y in range(2025 - years, 2025):
        for k, mmdd in enumerate(("0331", "0630", "0930", "1231")):
            scale = (k + 1) * 1e9 * (1 + (y - 1995) * 0.05)
            values = [f"{scale * f:.0f}" for f in (1.0, 1.0, 0.5, 0.12, 0.13, 0.11, 0.1, 0.01, 0.2)]
            rows.append(["688271.SH", f"{y + 1}0420", f"{y + 1}0420", f"{y}{mmdd}", "1", "1", "4", "1.0",
                         *values, "0"])
    return rows


def zygc_rows(segments: int, years: int) -> list[list[str]]:
    return [["688271", f"{y}-12-31", "按产品分类", f"业务{s:02d}", f"{1e8 * (s + 1):.0f}", "0.1", f"{6e7 * (s + 1):.0f}",
             "0.1", f"{4e7 * (s + 1):.0f}", "0.1", "0.4"] for y in range(2025 - years, 2025) for s in range(segments)]


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


def fresh_process_ms(code: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    from models import load_model
    from models.io.imports import apply_changes, plan_import, read_source
    from models.io.xlsx import write_workbook

    model = load_model(SAMPLE)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        income_csv = write_csv(folder / "income.csv", INCOME_FIELDS, income_rows(30), "gbk")
        income_xlsx = write_xlsx(folder / "income.xlsx", INCOME_FIELDS, income_rows(30))
        zygc = write_csv(folder / "zygc.csv", ZYGC_FIELDS, zygc_rows(30, 10), "utf-8-sig")
        read_source(income_csv)  # warm: pandas loaded once
        out = {
            "read_tushare_csv_120_rows_ms": median_ms(lambda: read_source(income_csv), args.repeat),
            "read_tushare_xlsx_120_rows_ms": median_ms(lambda: read_source(income_xlsx), args.repeat),
            "read_composition_300_rows_ms": median_ms(lambda: read_source(zygc), args.repeat),
            "plan_and_apply_into_sample_ms": median_ms(
                lambda: apply_changes(model, plan_import(model, read_source(income_csv)).changes), args.repeat),
            "write_sample_workbook_ms": median_ms(lambda: write_workbook(model, folder / "b.xlsx"), args.repeat),
            "fresh_process_import_models_ms": fresh_process_ms("import models", args.repeat),
            "fresh_process_cli_parser_ms": fresh_process_ms(
                "import models.__main__ as m; m.build_parser()", args.repeat),
            "fresh_process_first_import_ms": fresh_process_ms(
                f"from models.io.imports import read_source; read_source({str(income_csv)!r})", args.repeat),
        }
        code = ("import sys, models.__main__ as m; m.build_parser(); "
                "print(int('pandas' in sys.modules), int('openpyxl' in sys.modules))")
        loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True,
                                text=True).stdout.split()
        out["cli_start_loads_pandas"] = loaded[0] == "1"
        out["cli_start_loads_openpyxl"] = loaded[1] == "1"
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
