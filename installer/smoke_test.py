#!/usr/bin/env python3
"""Smoke-test the frozen app the way an analyst meets it.

    python installer/smoke_test.py build/valuation-workbench-<v>-linux-x86_64.tar.xz
    python installer/smoke_test.py build/dist/valuation-workbench      # a bundle folder

For a Linux archive (.tar.xz, or an older .tar.gz): unpack it into a
temporary folder, check its layout and its .desktop entry, run its
``install.sh`` into a temporary prefix, then start the *installed*
executable. For a folder: start the executable in it. Either way, every
library an ELF file of the bundle needs must resolve, in the bundle or on
the system (``ldd``; Linux).

The app is started offscreen with ``--selftest`` (load the bundled sample, value
it, render the main window once, print the DDM and dynamic totals, exit 0), in
an empty HOME, with no Python of the build environment visible. Checks:
exit code 0 within the timeout; both totals printed and equal to what the
engine in this checkout computes for the same sample; through the bundle's
command line (``--cli``): a statement import into a new model, a workbook
export, its re-import, and a bad source refused; and, where ``strace``
exists (CI installs it), that the process never opened an IPv4/IPv6 socket
connection. On Linux as root the run is also inside a fresh network namespace
(``unshare --net``), i.e. with no network at all.
Reports the start-up time (``--selftest`` wall time, and the app's own
first-paint figure if it prints one) and the bundle's size.
"""
from __future__ import annotations

import argparse
import configparser
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_config as cfg  # noqa: E402
import elf_deps  # noqa: E402

NUMBER = r"[-+]?\d[\d,]*(?:\.\d+)?"
FIRST_PAINT = re.compile(r"first[ _-]?paint\D{0,40}?(\d+(?:\.\d+)?)\s*ms", re.IGNORECASE)
DESKTOP_REQUIRED = ("Type", "Name", "Exec", "Icon")
ARCHIVE_SUFFIXES = (".tar.xz", ".tar.gz")


class SmokeFailure(Exception):
    pass


def log(message: str) -> None:
    print(f"[smoke] {message}", flush=True)


# ---------------------------------------------------------------- .desktop
def check_desktop_entry(path: Path) -> dict[str, str]:
    """Parse a .desktop file and check the keys a launcher needs; returns the entry.

    Runs ``desktop-file-validate`` too when it is installed.
    """
    parser = configparser.RawConfigParser(delimiters=("=",), strict=True)
    parser.optionxform = str  # keys are case-sensitive
    text = path.read_text(encoding="utf-8")
    if not text.startswith("[Desktop Entry]"):
        raise SmokeFailure(f"{path.name}: must start with [Desktop Entry]")
    parser.read_string(text)
    entry = dict(parser["Desktop Entry"])
    missing = [k for k in DESKTOP_REQUIRED if k not in entry]
    if missing:
        raise SmokeFailure(f"{path.name}: missing {', '.join(missing)}")
    if entry["Type"] != "Application":
        raise SmokeFailure(f"{path.name}: Type must be Application")
    if entry.get("Terminal", "false") not in ("true", "false"):
        raise SmokeFailure(f"{path.name}: Terminal must be true or false")
    categories = entry.get("Categories", "")
    if categories and not categories.endswith(";"):
        raise SmokeFailure(f"{path.name}: Categories must end with ';'")
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(path)], capture_output=True, text=True)
        if result.returncode != 0 or "error" in result.stdout.lower():
            raise SmokeFailure(f"desktop-file-validate {path.name}:\n{result.stdout}{result.stderr}")
    return entry


# ---------------------------------------------------------------- totals
def parse_totals(output: str) -> dict[str, float]:
    """The DDM and dynamic totals from ``--selftest`` output.

    Takes the first number after the words "DDM" and "dynamic"/"动态" on
    their lines, e.g. ``DDM total: 695.41 亿元`` -> {"ddm": 695.41}.
    """
    totals: dict[str, float] = {}
    patterns = {"ddm": r"\bDDM\b", "dynamic": r"(?:\bdynamic\b|动态)"}
    for line in output.splitlines():
        for key, word in patterns.items():
            if key in totals:
                continue
            match = re.search(word + r"\D*?(" + NUMBER + ")", line, re.IGNORECASE)
            if match:
                totals[key] = float(match.group(1).replace(",", ""))
    return totals


def engine_totals(sample: Path) -> dict[str, float]:
    """What the engine of this checkout says for the sample (the reference)."""
    sys.path.insert(0, str(cfg.ROOT))
    from models import load_model, valuate  # noqa: PLC0415
    result = valuate(load_model(sample))
    return {"ddm": float(result.ddm.total), "dynamic": float(result.dynamic.total)}


def compare_totals(printed: dict[str, float], expected: dict[str, float]) -> None:
    for key, value in expected.items():
        if key not in printed:
            raise SmokeFailure(f"--selftest printed no {key} total")
        # printed figures are rounded for display: allow half a unit in the
        # last of two decimals, or 0.01% for figures printed with fewer
        tolerance = max(0.006, abs(value) * 1e-4)
        if abs(printed[key] - value) > tolerance:
            raise SmokeFailure(f"{key} total {printed[key]} differs from the engine's {value:.4f}")


# ---------------------------------------------------------------- running
def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "CONDA"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_RUNTIME_DIR=str(home / "runtime"))
    (home / "runtime").mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    return env


def can_unshare_net() -> bool:
    unshare = shutil.which("unshare")
    if not unshare or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    return subprocess.run([unshare, "--net", "true"], capture_output=True).returncode == 0


def inet_connections(strace_log: Path) -> list[str]:
    """Lines of an strace log where the app connected or sent to an IP address."""
    bad = []
    for line in strace_log.read_text(errors="replace").splitlines():
        if re.search(r"\b(connect|sendto|sendmsg)\(", line) and re.search(r"AF_INET6?\b", line):
            bad.append(line.strip())
    return bad


def run_selftest(exe: Path, work: Path, timeout: float, use_strace: bool,
                 use_netns: bool) -> tuple[str, float, list[str]]:
    env = clean_env(work / "home")
    cmd: list[str] = [str(exe), "--selftest"]
    strace_log = work / "strace.log"
    if use_strace:
        cmd = [shutil.which("strace") or "strace", "-f", "-qq", "-e",
               "trace=connect,sendto,sendmsg", "-o", str(strace_log)] + cmd
    if use_netns:
        cmd = ["unshare", "--net"] + cmd
    log("running " + " ".join(cmd))
    started = time.monotonic()
    try:
        result = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True,
                                timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise SmokeFailure(f"--selftest did not exit within {timeout:.0f} s") from exc
    elapsed = time.monotonic() - started
    output = result.stdout + result.stderr
    print(output.rstrip(), flush=True)
    if result.returncode != 0:
        raise SmokeFailure(f"--selftest exited {result.returncode}")
    connections = inet_connections(strace_log) if use_strace else []
    return output, elapsed, connections


def time_startups(exe: Path, work: Path, runs: int) -> list[float]:
    """Wall times of ``--selftest`` without tracing (the first run warms the disk cache)."""
    env = clean_env(work / "home")
    times = []
    for _ in range(runs):
        started = time.monotonic()
        subprocess.run([str(exe), "--selftest"], cwd=work, env=env, capture_output=True,
                       timeout=120, check=True)
        times.append(time.monotonic() - started)
    return times


# ---------------------------------------------------------------- the command line
#: A template source (docs/engine-api.md, "Import") in GBK, as Excel on Chinese
#: Windows saves it: two segments, two years, amounts in 万元 and 亿元.
CLI_SOURCE = (
    "项目,分部,期间,数值,单位\r\n"
    "公司名称,,,冒烟测试公司,\r\n"
    "price,,,20,元\r\n"
    "shares,,,5,亿股\r\n"
    "营业收入,设备,2023,800000,万元\r\n"
    "净利润,设备,2023,80000,万元\r\n"
    "营业收入,设备,2024,900000,万元\r\n"
    "净利润,设备,2024,99000,万元\r\n"
    "营业收入,服务,2023,10,亿元\r\n"
    "净利润,服务,2023,2,亿元\r\n"
    "营业收入,服务,2024,12,亿元\r\n"
    "净利润,服务,2024,3,亿元\r\n"
)
WORKBOOK_SHEETS = ("分部预测", "公司合计", "参数", "DDM", "动态估值", "敏感性", "龙卷风", "实际数据")


def run_cli(exe: Path, work: Path, args: list[str], timeout: float) -> subprocess.CompletedProcess:
    cmd = [str(exe), cfg.CLI_SWITCH, *args]
    log("running " + " ".join(cmd))
    try:
        result = subprocess.run(cmd, cwd=work, env=clean_env(work / "home"), capture_output=True,
                                text=True, encoding="utf-8", errors="replace", timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise SmokeFailure(f"{cfg.CLI_SWITCH} {args[0]} did not exit within {timeout:.0f} s") from exc
    return result


def check_cli_import_export(exe: Path, work: Path, timeout: float) -> None:
    """Through the frozen app's command line: a GBK template imported into a new
    model, that model exported as a workbook, the workbook imported back into
    it (no change), and a bad source refused with exit 2 and one line."""
    import json
    import zipfile

    source = work / "figures.csv"
    source.write_bytes(CLI_SOURCE.encode("gbk"))
    model = work / "imported.json"
    result = run_cli(exe, work, ["import", "--new", str(source), "--out", str(model)], timeout)
    if result.returncode != 0:
        raise SmokeFailure(f"import exited {result.returncode}: {result.stderr.strip()}")
    try:
        doc = json.loads(model.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SmokeFailure(f"import wrote no readable model: {exc}") from exc
    names = [seg["name"] for seg in doc.get("segments", [])]
    revenue = doc["segments"][0]["actuals"].get("2024", {}).get("revenue") if names else None
    if doc.get("company", {}).get("name") != "冒烟测试公司" or names != ["设备", "服务"] or revenue != 90.0:
        raise SmokeFailure(f"import made the wrong model: {doc.get('company')}, segments {names}, "
                           f"2024 revenue {revenue} (expected 90.0 亿元)")
    book = work / "imported.xlsx"
    result = run_cli(exe, work, ["export", str(model), "--xlsx", "--out", str(book)], timeout)
    if result.returncode != 0:
        raise SmokeFailure(f"export exited {result.returncode}: {result.stderr.strip()}")
    try:
        with zipfile.ZipFile(book) as archive:
            workbook = archive.read("xl/workbook.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise SmokeFailure(f"export wrote no .xlsx workbook: {exc}") from exc
    missing = [name for name in WORKBOOK_SHEETS if f'name="{name}"' not in workbook]
    if missing:
        raise SmokeFailure(f"the exported workbook lacks the sheets {missing}")
    again = work / "again.json"
    result = run_cli(exe, work, ["import", str(model), str(book), "--out", str(again)], timeout)
    if result.returncode != 0 or "0 changes" not in result.stdout:
        raise SmokeFailure(f"re-importing the exported workbook changed the model or failed "
                           f"(exit {result.returncode}): {result.stdout.strip()} {result.stderr.strip()}")
    bad = work / "bad.csv"
    bad.write_text("ts_code,end_date,revenue\n000001.SZ,20241231,lots\n", encoding="utf-8")
    result = run_cli(exe, work, ["import", str(model), str(bad), "--out", str(work / "never.json")], timeout)
    lines = result.stderr.strip().splitlines()
    if result.returncode != 2 or len(lines) != 1 or "row 2, column 'revenue'" not in lines[0] \
            or (work / "never.json").exists():
        raise SmokeFailure(f"a bad source gave exit {result.returncode} and {result.stderr.strip()!r}; "
                           "expected exit 2 and one line naming row 2, column 'revenue'")
    log("command line ok: import (GBK template → new model), export (.xlsx, "
        f"{len(WORKBOOK_SHEETS)} sheets), re-import (no change), bad source refused")


# ---------------------------------------------------------------- layouts
def unpack_and_install(archive: Path, work: Path) -> tuple[Path, Path]:
    """Unpack a Linux archive, check it, run install.sh; returns (installed exe, unpacked folder)."""
    expected = cfg.archive_basename()
    if not archive.name.startswith(f"{cfg.APP_NAME}-{cfg.read_version()}-"):
        raise SmokeFailure(f"{archive.name}: name does not carry version {cfg.read_version()}")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        tops = {n.split("/", 1)[0] for n in names}
        if len(tops) != 1:
            raise SmokeFailure(f"archive must hold one top folder, has {sorted(tops)}")
        # the "tar" filter (Python 3.11.4+) refuses absolute paths and links out of the folder
        extra = {"filter": "tar"} if hasattr(tarfile, "tar_filter") else {}
        tar.extractall(work / "unpacked", **extra)
    top = work / "unpacked" / tops.pop()
    if top.name != expected:
        log(f"note: archive folder {top.name} (this machine would name it {expected})")
    for rel in (f"{cfg.APP_NAME}/{cfg.APP_NAME}", "install.sh", f"{cfg.APP_NAME}.desktop",
                f"{cfg.APP_NAME}.png", f"icons/hicolor/256x256/apps/{cfg.APP_NAME}.png",
                f"icons/hicolor/scalable/apps/{cfg.APP_NAME}.svg",
                f"{cfg.APP_NAME}/_internal/resources/samples/{cfg.SAMPLE_NAME}"):
        if not (top / rel).exists():
            raise SmokeFailure(f"archive lacks {rel}")
    for rel in (f"{cfg.APP_NAME}/{cfg.APP_NAME}", "install.sh"):
        if not os.access(top / rel, os.X_OK):
            raise SmokeFailure(f"{rel} is not executable")
    entry = check_desktop_entry(top / f"{cfg.APP_NAME}.desktop")
    log(f".desktop entry ok: {entry['Name']} / Exec={entry['Exec']}")

    prefix = work / "prefix"
    env = dict(os.environ, PREFIX=str(prefix), HOME=str(work / "home"))
    subprocess.run(["sh", str(top / "install.sh")], check=True, env=env)
    installed_desktop = prefix / "share" / "applications" / f"{cfg.APP_NAME}.desktop"
    entry = check_desktop_entry(installed_desktop)
    exec_path = entry["Exec"].split('"')[1] if entry["Exec"].startswith('"') else entry["Exec"].split()[0]
    if not os.access(exec_path, os.X_OK):
        raise SmokeFailure(f"installed .desktop Exec {exec_path} is not an executable")
    if not (prefix / "share/icons/hicolor/256x256/apps" / f"{cfg.APP_NAME}.png").is_file():
        raise SmokeFailure("install.sh installed no 256x256 icon")
    log(f"install.sh ok: {installed_desktop}")
    return prefix / "bin" / cfg.APP_NAME, top


def check_bundled_resources(bundle: Path) -> int:
    """Every resource the spec asks for (samples, icons, translations) is in the bundle, unchanged."""
    internal = bundle / "_internal"
    if not internal.is_dir():  # a macOS .app keeps them elsewhere
        return 0
    count = 0
    for src, dest in cfg.resource_datas():
        shipped = internal / dest / Path(src).name
        if not shipped.is_file():
            raise SmokeFailure(f"the bundle lacks {dest}/{Path(src).name}")
        if shipped.read_bytes() != Path(src).read_bytes():
            raise SmokeFailure(f"{dest}/{Path(src).name} in the bundle differs from the checkout's")
        count += 1
    return count


def check_libraries(bundle: Path) -> str:
    """Every library the bundle's ELF files need resolves (bundle or system)."""
    if not sys.platform.startswith("linux"):
        return "libraries: not checked (not Linux)"
    files = elf_deps.elf_files(bundle)
    if not files:
        return "libraries: no ELF files in the bundle"
    missing = elf_deps.missing_dependencies(bundle)
    if missing:
        raise SmokeFailure("libraries that resolve nowhere:\n" + "\n".join(
            f"  {path}: {', '.join(names)}" for path, names in sorted(missing.items())))
    return f"libraries ok: every dependency of the {len(files)} ELF files resolves (ldd)"


def find_exe(folder: Path) -> Path:
    for name in (cfg.APP_NAME, cfg.APP_NAME + ".exe"):
        if (folder / name).is_file():
            return folder / name
    raise SmokeFailure(f"no {cfg.APP_NAME} executable in {folder}")


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke-test the frozen Valuation Workbench.")
    parser.add_argument("target", type=Path, help="a Linux .tar.xz (or .tar.gz), or a bundle folder")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--timing-runs", type=int, default=3,
                        help="extra untraced --selftest runs for the start-up time")
    parser.add_argument("--require-strace", action="store_true",
                        help="fail if strace is missing (CI installs it)")
    parser.add_argument("--no-compare", action="store_true",
                        help="do not compare the totals with this checkout's engine")
    parser.add_argument("--no-cli", dest="cli", action="store_false",
                        help=f"skip the import/export run through {cfg.CLI_SWITCH}")
    args = parser.parse_args(argv)

    target = args.target.resolve()
    use_strace = shutil.which("strace") is not None
    if args.require_strace and not use_strace:
        log("FAIL: strace is required but not installed")
        return 1
    try:
        with tempfile.TemporaryDirectory(prefix="vw-smoke-") as tmp:
            work = Path(tmp)
            if target.is_file() and target.name.endswith(ARCHIVE_SUFFIXES):
                exe, top = unpack_and_install(target, work)
                bundle = top / cfg.APP_NAME
            elif target.is_dir():
                exe = find_exe(target)
                bundle = target
            else:
                raise SmokeFailure(f"{target}: not a .tar.xz/.tar.gz archive nor a bundle folder")

            log(f"bundled resources ok: {check_bundled_resources(bundle)} files "
                "(samples, icons, translations) identical to the checkout's")
            log(check_libraries(bundle))
            use_netns = can_unshare_net()
            output, elapsed, connections = run_selftest(exe, work, args.timeout,
                                                        use_strace, use_netns)
            if connections:
                raise SmokeFailure("the app opened network connections:\n" + "\n".join(connections))
            log("network: " + ", ".join(filter(None, [
                "no IPv4/IPv6 connect/send (strace)" if use_strace else "strace not installed: not traced",
                "ran in an empty network namespace" if use_netns else ""])))

            printed = parse_totals(output)
            log(f"printed totals: {printed}")
            if not args.no_compare:
                expected = engine_totals(cfg.ROOT / "resources" / "samples" / cfg.SAMPLE_NAME)
                compare_totals(printed, expected)
                log(f"totals match the engine: DDM {expected['ddm']:.2f}, "
                    f"dynamic {expected['dynamic']:.2f}")
            elif not {"ddm", "dynamic"} <= printed.keys():
                raise SmokeFailure("--selftest did not print both the DDM and dynamic totals")

            if args.cli:
                check_cli_import_export(exe, work, args.timeout)

            times = time_startups(exe, work, args.timing_runs) if args.timing_runs else []
            paint = FIRST_PAINT.search(output)
            log(f"start-up: --selftest wall time {elapsed:.2f} s traced"
                + (f"; untraced runs {', '.join(f'{t:.2f}' for t in times)} s" if times else "")
                + (f"; first paint reported by the app: {paint.group(1)} ms" if paint else ""))
            log(f"bundle size: {du(bundle) / 1e6:.0f} MB"
                + (f"; archive {target.stat().st_size / 1e6:.0f} MB" if target.is_file() else ""))
    except SmokeFailure as failure:
        log(f"FAIL: {failure}")
        return 1
    log("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
