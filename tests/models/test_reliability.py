"""Saving never loses work; CSV export is safe (../shared/docs/reliability.md).

Saving: atomic (the target is always the complete old or the complete new
file), a failed save names the path and the OS reason, leaves the old file
byte-identical and no temp file behind, the previous version is kept as
``.bak``, a newer-version file is refused and left untouched.

These tests run as root here, where a chmod'ed read-only folder is still
writable; the read-only case is therefore simulated by patching as well, and
the real chmod test skips when ``os.access`` says the folder stayed writable.
"""
from __future__ import annotations

import csv
import errno
import json
import math
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import models.csv_export as csv_export
import models.model_file as model_file
from models import Model, ModelFileError, dumps_model, load_model, loads_model, save_model
from models.csv_export import write_csv, write_frame
from models.synthetic import synthetic_model

from strategies import strictly_equal

# When a hypothesis test fails, its pytest plugin imports libcst (to write a
# patch), which warns through mypy_extensions; with filterwarnings=error that
# turns a plain test failure into an INTERNALERROR that stops the session.
pytestmark = pytest.mark.filterwarnings("ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_PATH = ROOT / "resources" / "samples" / "united-imaging-688271.json"
INJECTION_PREFIXES = ("=", "+", "-", "@", "\t", "\r")   # reliability.md, independently


@pytest.fixture
def sample() -> Model:
    return load_model(SAMPLE_PATH)


@pytest.fixture
def other(sample) -> Model:
    m = sample.copy()
    m.set(("company", "name"), "新名字 New name")
    m.set(("segments", 0, "discount_rate"), 0.091)
    return m


@pytest.fixture
def saved(tmp_path, sample):
    """A folder holding one saved model; returns (path, its bytes)."""
    path = tmp_path / "模型.vwm.json"
    save_model(sample, path)
    return path, path.read_bytes()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def assert_failed_cleanly(exc: OSError, path: Path, old: bytes, before: list[str], reason: str) -> None:
    assert str(path) in str(exc), str(exc)
    assert reason.lower() in str(exc).lower(), str(exc)
    assert path.read_bytes() == old
    leftovers = [n for n in listing(path.parent) if n not in before and n != path.name + ".bak"]
    assert leftovers == [], f"temp files left behind: {leftovers}"
    assert not [n for n in listing(path.parent) if n.endswith(".tmp")]


# ---------------------------------------------------------------------------
# Normal saves and the backup


def test_save_writes_what_dumps_model_says(tmp_path, sample):
    path = tmp_path / "m.vwm.json"
    save_model(sample, path)
    assert path.read_bytes() == dumps_model(sample).encode("utf-8")
    assert not (tmp_path / "m.vwm.json.bak").exists()     # nothing to back up on the first save
    assert listing(tmp_path) == ["m.vwm.json"]


def test_backup_holds_the_previous_version(saved, sample, other):
    path, first = saved
    save_model(other, path)
    bak = Path(str(path) + ".bak")
    assert bak.read_bytes() == first
    strictly_equal(load_model(path).doc, other.doc)
    third = other.copy()
    third.set(("market", "price"), 99.5)
    save_model(third, path)
    assert bak.read_bytes() == dumps_model(other).encode("utf-8")
    strictly_equal(load_model(path).doc, third.doc)
    assert sorted(listing(path.parent)) == sorted([path.name, bak.name])


def test_save_without_backup(saved, other):
    path, _ = saved
    save_model(other, path, backup=False)
    assert not Path(str(path) + ".bak").exists()


def test_save_keeps_file_mode(saved, other):
    path, _ = saved
    os.chmod(path, 0o640)
    save_model(other, path)
    assert path.stat().st_mode & 0o777 == 0o640


# ---------------------------------------------------------------------------
# Failures mid-save (patch-based)


class FailingWriter:
    """A file object whose write stores half the data, then fails."""

    def __init__(self, real, err: int):
        self.real, self.err = real, err

    def write(self, data):
        self.real.write(data[: len(data) // 2])
        self.real.flush()
        raise OSError(self.err, os.strerror(self.err))

    def __getattr__(self, name):
        return getattr(self.real, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.real.close()
        return False


def test_disk_full_during_write(saved, other, monkeypatch):
    path, old = saved
    before = listing(path.parent)
    real_fdopen = os.fdopen
    monkeypatch.setattr(model_file.os, "fdopen", lambda fd, *a, **k: FailingWriter(real_fdopen(fd, *a, **k), errno.ENOSPC))
    with pytest.raises(OSError) as info:
        save_model(other, path)
    assert info.value.errno == errno.ENOSPC
    assert_failed_cleanly(info.value, path, old, before, os.strerror(errno.ENOSPC))
    monkeypatch.undo()
    save_model(other, path)          # and the next save works
    strictly_equal(load_model(path).doc, other.doc)


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EIO, errno.EDQUOT])
def test_fsync_fails(saved, other, monkeypatch, err):
    path, old = saved
    before = listing(path.parent)

    def fsync(fd):
        raise OSError(err, os.strerror(err))
    monkeypatch.setattr(model_file.os, "fsync", fsync)
    with pytest.raises(OSError) as info:
        save_model(other, path)
    assert_failed_cleanly(info.value, path, old, before, os.strerror(err))


def test_killed_at_replace(saved, other, monkeypatch):
    """os.replace failing stands for a crash at the last step: the target is the old file."""
    path, old = saved
    before = listing(path.parent)

    def replace(src, dst):
        raise OSError(errno.EIO, os.strerror(errno.EIO))
    monkeypatch.setattr(model_file.os, "replace", replace)
    with pytest.raises(OSError) as info:
        save_model(other, path)
    assert_failed_cleanly(info.value, path, old, before, os.strerror(errno.EIO))
    assert loads_model(path.read_bytes()).doc == loads_model(old).doc


def test_backup_copy_fails(saved, other, monkeypatch):
    path, old = saved
    before = listing(path.parent)

    def copy2(src, dst, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(model_file.shutil, "copy2", copy2)
    with pytest.raises(OSError) as info:
        save_model(other, path)
    assert_failed_cleanly(info.value, path, old, before, os.strerror(errno.ENOSPC))


def test_read_only_folder_simulated(saved, other, monkeypatch):
    """What a read-only folder does to mkstemp (EACCES), without needing non-root."""
    path, old = saved
    before = listing(path.parent)

    def mkstemp(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
    monkeypatch.setattr(model_file.tempfile, "mkstemp", mkstemp)
    with pytest.raises(OSError) as info:
        save_model(other, path)
    assert_failed_cleanly(info.value, path, old, before, os.strerror(errno.EACCES))


def test_read_only_folder_real(saved, other):
    path, old = saved
    folder = path.parent
    before = listing(folder)
    os.chmod(folder, 0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: a read-only folder is still writable")
        with pytest.raises(OSError) as info:
            save_model(other, path)
        assert_failed_cleanly(info.value, path, old, before, "permission denied")
    finally:
        os.chmod(folder, 0o755)


def test_missing_folder(tmp_path, sample):
    path = tmp_path / "no such folder" / "m.vwm.json"
    with pytest.raises(OSError) as info:
        save_model(sample, path)
    assert str(path) in str(info.value)
    assert not path.parent.exists()


def test_non_finite_value_in_document_is_not_written(saved, other):
    """A NaN that slipped into the document: refused with the path, nothing touched."""
    path, old = saved
    before = listing(path.parent)
    bad = other.copy()
    bad.set(("segments", 0, "roe"), math.nan)
    with pytest.raises(OSError) as info:
        save_model(bad, path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == old
    assert listing(path.parent) == before


def test_save_through_a_symlink_updates_the_real_file(tmp_path, sample, other):
    real_dir = tmp_path / "synced"
    real_dir.mkdir()
    real = real_dir / "model.vwm.json"
    save_model(sample, real)
    link = tmp_path / "model.vwm.json"
    link.symlink_to(real)
    save_model(other, link)
    assert link.is_symlink()
    strictly_equal(load_model(real).doc, other.doc)


def test_target_is_a_directory(tmp_path, sample):
    path = tmp_path / "model.vwm.json"
    path.mkdir()
    (path / "inside.txt").write_text("keep me")
    with pytest.raises(OSError) as info:
        save_model(sample, path)
    assert str(path) in str(info.value)
    assert (path / "inside.txt").read_text() == "keep me"
    assert not [n for n in listing(tmp_path) if n.endswith(".tmp")]


def test_concurrent_saves_leave_one_complete_version(tmp_path, sample):
    import threading
    path = tmp_path / "m.vwm.json"
    versions = []
    for k in range(4):
        m = sample.copy()
        m.set(("company", "name"), f"版本 {k}")
        versions.append(m)
    errors = []

    def worker(m):
        try:
            for _ in range(5):
                save_model(m, path)
        except Exception as exc:        # noqa: BLE001 - recorded and asserted below
            errors.append(exc)
    threads = [threading.Thread(target=worker, args=(m,)) for m in versions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert load_model(path).doc in [m.doc for m in versions]
    # (.bak is a plain copy; two saves racing may interleave it, so only the
    # target is held to "one complete version".)
    assert sorted(listing(tmp_path)) == ["m.vwm.json", "m.vwm.json.bak"]


# ---------------------------------------------------------------------------
# A process killed with SIGKILL while saving in a loop

KILL_SCRIPT = textwrap.dedent("""
    import sys
    from models import load_model, save_model
    target, a, b = sys.argv[1:4]
    models = [load_model(a), load_model(b)]
    n = 0
    while True:
        save_model(models[n % 2], target)
        n += 1
        if n == 2:
            print("saving", flush=True)
""")


def test_sigkill_while_saving_leaves_old_or_new(tmp_path):
    big_a = synthetic_model(30, 30, seed=1)
    # Make each save take a while: a large free-form note (kept by the format).
    big_a.doc["reference"] = {"notes": "估值" * 400_000}
    big_b = big_a.copy()
    big_b.set(("company", "name"), "第二版 B")
    big_b.doc["reference"]["notes"] = "模型" * 450_000
    a_file, b_file = tmp_path / "a.json", tmp_path / "b.json"
    save_model(big_a, a_file)
    save_model(big_b, b_file)
    work = tmp_path / "work"
    work.mkdir()
    target = work / "big.vwm.json"
    save_model(big_a, target)
    script = tmp_path / "saver.py"
    script.write_text(KILL_SCRIPT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    rng = np.random.default_rng(1234)
    docs = [big_a.doc, big_b.doc]
    for round_ in range(3):
        proc = subprocess.Popen([sys.executable, str(script), str(target), str(a_file), str(b_file)],
                                stdout=subprocess.PIPE, env=env, cwd=str(ROOT))
        try:
            assert proc.stdout.readline().strip() == b"saving"
            time.sleep(float(rng.uniform(0.0, 0.15)))
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            proc.stdout.close()
        loaded = load_model(target)            # must load: complete old or new
        assert loaded.doc in docs, f"round {round_}: target is neither version"
        bak = Path(str(target) + ".bak")
        if bak.exists():
            # The backup may be cut short by the kill (it is a plain copy), but
            # the target never is; record what the backup is for the report.
            try:
                assert load_model(bak).doc in docs
            except ModelFileError:
                pass
    # Whatever temp files the kills left, the next save succeeds and loads.
    save_model(big_b, target)
    assert load_model(target).doc == big_b.doc


# ---------------------------------------------------------------------------
# Newer format version


def test_newer_version_refused_and_untouched(tmp_path):
    doc = json.loads(SAMPLE_PATH.read_text(encoding="utf-8"))
    doc["version"] = 2
    doc["a_key_from_the_future"] = {"x": 1}
    path = tmp_path / "future.vwm.json"
    data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    path.write_bytes(data)
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    stat = path.stat()
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    assert info.value.newer_version is True
    assert info.value.key_path == "version"
    assert "2" in str(info.value) and "newer" in str(info.value)
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == stat.st_mtime_ns
    assert listing(tmp_path) == ["future.vwm.json"]


@pytest.mark.parametrize("version", [1.5, "2", True, None, 0, -1])
def test_other_bad_versions_are_not_newer(version):
    doc = json.loads(SAMPLE_PATH.read_text(encoding="utf-8"))
    doc["version"] = version
    with pytest.raises(ModelFileError) as info:
        loads_model(json.dumps(doc))
    assert info.value.newer_version is False
    assert info.value.key_path == "version"


def test_broken_file_error_is_not_newer(tmp_path):
    path = tmp_path / "broken.vwm.json"
    path.write_bytes(SAMPLE_PATH.read_bytes()[:500])
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    assert info.value.newer_version is False


# ---------------------------------------------------------------------------
# CSV


def read_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_csv_has_one_bom(tmp_path):
    path = tmp_path / "out.csv"
    write_csv(path, [["业务", 1.5]], header=["名称", "值"])
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert not data[3:].startswith(b"\xef\xbb\xbf")
    assert data.count("\ufeff".encode("utf-8")) == 1


@pytest.mark.parametrize("prefix", INJECTION_PREFIXES)
def test_csv_injection_prefixes_get_an_apostrophe(tmp_path, prefix):
    path = tmp_path / "inj.csv"
    text = prefix + "HYPERLINK(\"http://x\")"
    write_csv(path, [[text, "safe 文本", "a=b", "x =not at start"]])
    (row,) = read_rows(path)
    assert row == ["'" + text, "safe 文本", "a=b", "x =not at start"]


def test_csv_header_cells_are_injection_safe_too(tmp_path):
    path = tmp_path / "hdr.csv"
    write_csv(path, [[1, 2, 3]], header=["=cmd|' /C calc'!A0", "@SUM(1)", "年份"])
    assert read_rows(path)[0] == ["'=cmd|' /C calc'!A0", "'@SUM(1)", "年份"]


def test_csv_numbers_unquoted_to_15_significant_digits(tmp_path):
    path = tmp_path / "num.csv"
    values = [1.5, -2.25, 0.1, 1 / 3, 1e20, -1e-300, 5e-324, 3, -7, 0, -0.0,
              np.float64(2.5), np.int64(-4), np.float32(0.5)]
    write_csv(path, [values])
    raw = path.read_bytes().decode("utf-8-sig").rstrip("\r\n")
    assert '"' not in raw and "'" not in raw
    cells = raw.split(",")
    assert len(cells) == len(values)
    for cell, value in zip(cells, values):
        # What a spreadsheet keeps (issue 9): the value to 15 significant digits.
        assert float(cell) == float(f"{float(value):.15g}"), (cell, value)
    assert cells[3] == "0.333333333333333" and cells[4] == "1e+20" and cells[10] == "0"
    # Negative numbers are numbers, not text starting with "-": no apostrophe.
    assert cells[1] == "-2.25" and cells[8] == "-7"


def test_csv_nan_and_inf_written_empty(tmp_path):
    path = tmp_path / "nan.csv"
    write_csv(path, [["a", math.nan, math.inf, -math.inf, np.nan, np.float64("inf"), 1.0]])
    (row,) = read_rows(path)
    assert row == ["a", "", "", "", "", "", "1"]
    raw = path.read_text(encoding="utf-8-sig").lower()
    assert "nan" not in raw and "inf" not in raw


def test_csv_chinese_round_trip_csv_and_pandas(tmp_path, sample):
    names = sample.segment_names + ["=危险名字", "-负号开头", "含,逗号", "含\"引号\"", "换\n行"]
    path = tmp_path / "分部.csv"
    rows = [[name, float(i) * 1.5, -float(i)] for i, name in enumerate(names)]
    write_csv(path, rows, header=["业务名称", "营收", "利润"])
    expected = [("'" + n if n.startswith(INJECTION_PREFIXES) else n) for n in names]
    read = read_rows(path)
    assert read[0] == ["业务名称", "营收", "利润"]
    assert [r[0] for r in read[1:]] == expected
    frame = pd.read_csv(path, encoding="utf-8-sig")
    assert list(frame.columns) == ["业务名称", "营收", "利润"]       # no BOM glued to the first header
    assert list(frame["业务名称"]) == expected
    assert frame["营收"].dtype.kind == "f" and frame["利润"].dtype.kind in "if"
    np.testing.assert_array_equal(frame["营收"].to_numpy(), [r[1] for r in rows])


def test_write_frame_round_trip(tmp_path):
    frame = pd.DataFrame({"DDM 价值": [353.35, math.nan, -1.5], "动态价值": [282.59, math.inf, 0.0]},
                         index=pd.Index(["国内", "+海外", "维修"], name="业务"))
    path = tmp_path / "frame.csv"
    write_frame(frame, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(path, encoding="utf-8-sig", index_col=0)
    assert back.index.name == "业务"
    assert list(back.index) == ["国内", "'+海外", "维修"]
    assert list(back.columns) == ["DDM 价值", "动态价值"]
    assert back.iloc[0, 0] == 353.35 and math.isnan(back.iloc[1, 0]) and math.isnan(back.iloc[1, 1])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.one_of(st.text(max_size=12), st.floats(allow_nan=True, allow_infinity=True),
                                st.integers(-10 ** 12, 10 ** 12)), min_size=1, max_size=6))
def test_csv_cells_round_trip(tmp_path, cells):
    path = tmp_path / "h.csv"
    write_csv(path, [cells])
    (row,) = read_rows(path)
    assert len(row) == len(cells)
    for got, cell in zip(row, cells):
        if isinstance(cell, str):
            # the cell round-trips as safe_text made it (test_csv_safety
            # specifies safe_text itself)
            assert got == csv_export.safe_text(cell)
        elif isinstance(cell, float) and not math.isfinite(cell):
            assert got == ""
        else:
            expected = float(f"{float(cell):.15g}")  # 15 significant digits (issue 9)
            if not math.isfinite(expected):
                # rounding up overflowed: the largest 15-digit number instead
                expected = math.copysign(1.79769313486231e308, float(cell))
            assert float(got) == expected


@pytest.mark.parametrize("cell", [1.7976931348623151e308, -1.7976931348623157e308])
def test_csv_number_near_largest_float_stays_finite(tmp_path, cell):
    path = tmp_path / "edge.csv"
    write_csv(path, [[cell]])
    ((got,),) = read_rows(path)
    assert math.isfinite(float(got))
    assert abs(float(got)) == 1.79769313486231e308


def test_csv_failed_write_leaves_old_file(tmp_path, monkeypatch):
    path = tmp_path / "old.csv"
    write_csv(path, [["old", 1]])
    old = path.read_bytes()
    before = listing(tmp_path)
    real_fdopen = os.fdopen

    def failing_fdopen(fd, mode="r", *args, **kwargs):
        handle = real_fdopen(fd, mode, *args, **kwargs)
        if "w" in mode:
            return FailingWriter(handle, errno.ENOSPC)
        return handle
    monkeypatch.setattr(csv_export.os, "fdopen", failing_fdopen)
    with pytest.raises(OSError) as info:
        write_csv(path, [["new", 2]])
    assert str(path) in str(info.value)
    assert path.read_bytes() == old
    assert listing(tmp_path) == before
