"""Files the engine and the CLI write (issue 8, items 7 and 8): modes under an
explicit umask, symlinks written through, special files refused, the input
model never overwritten by --out."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from models import load_model, save_model
from models.__main__ import main
from models.atomic_write import current_umask, new_file_mode, write_atomic
from models.csv_export import read_csv_rows, write_csv

from test_sample import ROOT, SAMPLE


@pytest.fixture
def umask():
    """Set the process umask for one test, restored afterwards."""
    saved = os.umask(0o022)
    os.umask(saved)

    def set_to(mask: int) -> None:
        os.umask(mask)
    yield set_to
    os.umask(saved)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600), (0o002, 0o664)])
def test_current_umask_is_read_without_changing_it(umask, mask, expected):
    umask(mask)
    assert current_umask() == mask and new_file_mode() == expected
    assert os.umask(mask) == mask     # still what the test set


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_new_model_and_backup_get_the_umask_mode(tmp_path, umask, sample_model, mask, expected):
    umask(mask)
    path = tmp_path / "new.vwm.json"
    save_model(sample_model, path)
    assert mode(path) == expected
    save_model(sample_model, path)           # the second save makes the .bak
    assert mode(path) == expected
    assert mode(Path(str(path) + ".bak")) == expected


@pytest.mark.parametrize("kept", [0o600, 0o640, 0o664])
def test_overwritten_model_keeps_its_mode(tmp_path, umask, sample_model, kept):
    umask(0o022)
    path = tmp_path / "m.vwm.json"
    save_model(sample_model, path)
    os.chmod(path, kept)
    save_model(sample_model, path)
    assert mode(path) == kept
    assert mode(Path(str(path) + ".bak")) == kept   # a copy of the file it backs up


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o027, 0o640)])
def test_new_csv_gets_the_umask_mode_and_an_old_one_keeps_its_own(tmp_path, umask, mask, expected):
    umask(mask)
    path = tmp_path / "t.csv"
    write_csv(path, [["a", 1]])
    assert mode(path) == expected
    os.chmod(path, 0o600)
    write_csv(path, [["b", 2]])
    assert mode(path) == 0o600 and read_csv_rows(path) == [["b", "2"]]


@pytest.mark.parametrize("args, name", [
    (["value", "--csv"], "v.csv"), (["value", "--json"], "v.json"), (["value"], "v.txt"),
    (["sensitivity", "--x", "discount_rate_shift:-0.01:0.01:3"], "s.json"),
    (["sensitivity", "--x", "discount_rate_shift:-0.01:0.01:3", "--y", "terminal_growth:0.01:0.03:3"], "g.csv"),
])
def test_cli_out_files_get_the_umask_mode(tmp_path, umask, args, name):
    umask(0o022)
    out = tmp_path / name
    assert main([args[0], str(SAMPLE), *args[1:], "--out", str(out)]) == 0
    assert mode(out) == 0o644
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# -- --out: one rule for every format ------------------------------------------------

FORMATS = [["--csv"], ["--json"], []]


@pytest.mark.parametrize("fmt", FORMATS)
def test_out_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path, fmt):
    real_dir = tmp_path / "shared"
    real_dir.mkdir()
    real = real_dir / "result.txt"
    real.write_text("old", encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert main(["value", str(SAMPLE), *fmt, "--out", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    text = real.read_text(encoding="utf-8-sig")
    assert "695.41" in text or "695.4" in text
    assert mode(real) == 0o640
    assert sorted(p.name for p in real_dir.iterdir()) == ["result.txt"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_out_to_a_fifo_is_refused_without_hanging(tmp_path, fmt):
    fifo = tmp_path / "pipe.csv" if fmt == ["--csv"] else tmp_path / "pipe"
    os.mkfifo(fifo)
    proc = subprocess.run([sys.executable, "-m", "models", "value", str(SAMPLE), *fmt, "--out", str(fifo)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "not a regular file" in proc.stderr and "named pipe" in proc.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)        # still the FIFO, not replaced
    # and through a symlink to it
    link = tmp_path / "to-pipe"
    link.symlink_to(fifo)
    proc = subprocess.run([sys.executable, "-m", "models", "value", str(SAMPLE), *fmt, "--out", str(link)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "not a regular file" in proc.stderr
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_out_to_a_device_or_folder_is_refused(tmp_path, capsys):
    assert main(["value", str(SAMPLE), "--out", "/dev/null"]) == 2
    assert "not a regular file (a device)" in capsys.readouterr().err
    assert main(["value", str(SAMPLE), "--csv", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "folder" in err and err.count("\n") == 1 and "[Errno" not in err


def test_write_atomic_refuses_special_files_for_every_writer(tmp_path):
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    for write in (lambda: write_csv(fifo, [[1]]), lambda: write_atomic(fifo, b"x"),
                  lambda: save_model(load_model(SAMPLE), fifo)):
        with pytest.raises(OSError) as info:
            write()
        assert "not a regular file" in info.value.strerror
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def copy_of_sample(tmp_path) -> Path:
    path = tmp_path / "model.vwm.json"
    path.write_bytes(SAMPLE.read_bytes())
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_out_naming_the_input_model_is_refused(tmp_path, capsys, monkeypatch, fmt):
    model = copy_of_sample(tmp_path)
    before = model.read_bytes()
    link = tmp_path / "link.json"
    link.symlink_to(model)
    hard = tmp_path / "hard.json"
    os.link(model, hard)
    for out in (model, link, hard, tmp_path / "." / "model.vwm.json"):
        assert main(["value", str(model), *fmt, "--out", str(out)]) == 2, out
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "model file being read" in err
        assert main(["sensitivity", str(model), "--x", "discount_rate_shift:0:0.01:2", *fmt, "--out", str(out)]) == 2
        capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    assert main(["value", "model.vwm.json", *fmt, "--out", "./model.vwm.json"]) == 2
    assert model.read_bytes() == before and not list(tmp_path.glob("*.bak"))


def test_out_format_follows_the_extension(tmp_path, capsys):
    csv_out, json_out, txt_out = tmp_path / "v.CSV", tmp_path / "v.json", tmp_path / "v.txt"
    assert main(["value", str(SAMPLE), "--out", str(csv_out)]) == 0
    rows = read_csv_rows(csv_out)
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf") and rows[0][0] == "method"
    assert main(["value", str(SAMPLE), "--out", str(json_out)]) == 0
    assert round(json.loads(json_out.read_text(encoding="utf-8"))["ddm"]["total"], 2) == 695.41
    assert main(["value", str(SAMPLE), "--out", str(txt_out)]) == 0
    assert "DDM equity value: 695.41" in txt_out.read_text(encoding="utf-8")
    grid = tmp_path / "g.csv"
    assert main(["sensitivity", str(SAMPLE), "--x", "discount_rate_shift:-0.01:0.01:3",
                 "--y", "terminal_growth:0.01:0.03:2", "--out", str(grid)]) == 0
    assert read_csv_rows(grid)[0][0] == "terminal_growth \\ discount_rate_shift"


@pytest.mark.parametrize("args", [
    ["value", "--json", "--out", "x.csv"], ["value", "--csv", "--out", "x.json"],
    ["sensitivity", "--x", "roe_shift:0:0.01:2", "--csv", "--out", "x.json"],
    ["sensitivity", "--x", "roe_shift:0:0.01:2", "--json", "--out", "x.CSV"],
])
def test_a_flag_contradicting_the_extension_is_refused(tmp_path, capsys, args):
    args = [args[0], str(SAMPLE), *args[1:]]
    args[-1] = str(tmp_path / args[-1])
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the name says" in err
    assert list(tmp_path.iterdir()) == []


def test_write_errors_read_without_errno(tmp_path, sample_model):
    """The app shows ``str(exc)`` of a failed save or export: no [Errno N]."""
    missing = tmp_path / "no-such-folder"
    for write, verb in ((lambda: write_csv(missing / "t.csv", [[1]]), "cannot write"),
                        (lambda: save_model(sample_model, missing / "m.vwm.json"), "cannot save"),
                        (lambda: write_csv(tmp_path, [[1]]), "cannot write")):
        with pytest.raises(OSError) as info:
            write()
        text = str(info.value)
        assert text.startswith(verb) and str(tmp_path) in text and "[Errno" not in text, text
        assert info.value.errno is not None


def test_a_file_system_that_refuses_modes_still_gets_the_file(tmp_path, monkeypatch, sample_model):
    """Some network shares refuse chmod (EPERM): the save and the export go on."""
    def refuse(fd, mode):
        raise PermissionError(1, "Operation not permitted")
    monkeypatch.setattr(os, "fchmod", refuse)
    save_model(sample_model, tmp_path / "m.vwm.json")
    write_csv(tmp_path / "t.csv", [["a", 1]])
    assert load_model(tmp_path / "m.vwm.json").doc == sample_model.doc
    assert read_csv_rows(tmp_path / "t.csv") == [["a", "1"]]
