"""The Linux archive, its .desktop entry and install.sh, and the smoke test's own checks.

A fake bundle (a shell script standing in for the frozen executable) goes
through the real archive builder, install.sh and smoke test, so these run in
seconds without PyInstaller; CI then does the same with the real bundle.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "installer" / "linux" / "valuation-workbench.desktop"
INSTALL_SH = ROOT / "installer" / "linux" / "install.sh"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Linux packaging")


# ------------------------------------------------------------------ .desktop
def test_committed_desktop_entry_is_valid(smoke):
    entry = smoke.check_desktop_entry(DESKTOP)
    assert entry["Exec"].split()[0] == "valuation-workbench"
    assert entry["Icon"] == "valuation-workbench"
    assert entry["Name[zh_CN]"] == "估值工作台"
    assert entry["Terminal"] == "false"


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.replace("Exec=valuation-workbench %f\n", ""), "missing Exec"),
    (lambda t: t.replace("Type=Application", "Type=Program"), "Type"),
    (lambda t: t.replace("Categories=Office;Finance;", "Categories=Office;Finance"), "Categories"),
    (lambda t: t.replace("[Desktop Entry]", "[Desktop]"), "Desktop Entry"),
    (lambda t: t.replace("Terminal=false", "Terminal=no"), "Terminal"),
])
def test_broken_desktop_entries_are_refused(smoke, tmp_path, edit, message):
    broken = tmp_path / "broken.desktop"
    broken.write_text(edit(DESKTOP.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(smoke.SmokeFailure, match=message):
        smoke.check_desktop_entry(broken)


# ------------------------------------------------------------------ parsing
def test_parse_totals(smoke):
    out = ("loading sample\nDDM total: 695.41 亿元  upside -46.7%\n"
           "Dynamic total: 1,576.69 亿元\nfirst paint: 812 ms\n")
    assert smoke.parse_totals(out) == {"ddm": 695.41, "dynamic": 1576.69}
    assert smoke.parse_totals("DDM 估值合计 695.41\n动态估值合计: 576.69") == {
        "ddm": 695.41, "dynamic": 576.69}
    assert smoke.parse_totals("nothing here") == {}
    assert smoke.FIRST_PAINT.search(out).group(1) == "812"


def test_compare_totals(smoke):
    expected = {"ddm": 695.4125, "dynamic": 576.6912}
    smoke.compare_totals({"ddm": 695.41, "dynamic": 576.69}, expected)
    with pytest.raises(smoke.SmokeFailure, match="ddm"):
        smoke.compare_totals({"ddm": 695.0, "dynamic": 576.69}, expected)
    with pytest.raises(smoke.SmokeFailure, match="no dynamic"):
        smoke.compare_totals({"ddm": 695.41}, expected)


def test_inet_connections_in_strace_log(smoke, tmp_path):
    log = tmp_path / "strace.log"
    log.write_text(
        '101 connect(3, {sa_family=AF_UNIX, sun_path="/run/dbus/system_bus_socket"}, 110) = 0\n'
        '101 sendmsg(3, {msg_name=NULL, msg_iov=[...]}, MSG_NOSIGNAL) = 40\n'
        '102 connect(5, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("1.2.3.4")}, 16) = -1\n'
        '102 sendto(6, "x", 1, 0, {sa_family=AF_INET6, sin6_port=htons(53)}, 28) = 1\n')
    bad = smoke.inet_connections(log)
    assert len(bad) == 2 and "AF_INET," in bad[0] and "AF_INET6" in bad[1]


# ------------------------------------------------------------------ end to end with a fake bundle
FAKE_APP = """#!/bin/sh
# stands in for the frozen app: prints totals like --selftest would; --cli runs
# this checkout's command line, as the frozen launcher runs the bundled one
if [ "$1" = "--cli" ]; then shift; {cli}; fi
[ "$1" = "--selftest" ] || exit 3
[ -n "$QT_QPA_PLATFORM" ] || exit 4
echo "DDM total: {ddm}"
echo "Dynamic total: {dynamic}"
exit {code}
"""


REAL_CLI = 'PYTHONPATH="{root}" exec "{python}" -m models "$@"'


def make_fake_bundle(tmp_path: Path, cfg, ddm="695.41", dynamic="576.69", code=0, cli=REAL_CLI) -> Path:
    bundle = tmp_path / "dist" / cfg.APP_NAME
    for src, dest in cfg.resource_datas():      # what the spec ships
        (bundle / "_internal" / dest).mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, bundle / "_internal" / dest)
    exe = bundle / cfg.APP_NAME
    cli = cli.format(root=ROOT, python=sys.executable)
    exe.write_text(FAKE_APP.format(ddm=ddm, dynamic=dynamic, code=code, cli=cli))
    exe.chmod(0o755)
    return bundle


def test_archive_layout(cfg, build_script, tmp_path):
    archive = build_script.linux_archive(make_fake_bundle(tmp_path, cfg), tmp_path, "1.2.3")
    base = cfg.archive_basename("1.2.3")
    assert archive.name == f"{base}.tar.xz"
    assert archive.read_bytes()[:6] == b"\xfd7zXZ\x00"          # xz, whatever the extension says
    with tarfile.open(archive, "r:xz") as tar:
        members = {m.name: m for m in tar.getmembers()}
    for rel in (f"{cfg.APP_NAME}/{cfg.APP_NAME}", "install.sh", f"{cfg.APP_NAME}.desktop",
                "README.txt", f"{cfg.APP_NAME}.png",
                f"icons/hicolor/48x48/apps/{cfg.APP_NAME}.png",
                f"icons/hicolor/scalable/apps/{cfg.APP_NAME}.svg"):
        assert f"{base}/{rel}" in members, rel
    assert members[f"{base}/install.sh"].mode & 0o111
    assert members[f"{base}/{cfg.APP_NAME}/{cfg.APP_NAME}"].mode & 0o111
    assert all(m.uid == 0 and m.uname == "" for m in members.values())
    assert not (tmp_path / "stage").exists()


def test_archive_without_the_xz_tool_is_the_same_archive(cfg, build_script, tmp_path, monkeypatch):
    with_tool = build_script.linux_archive(make_fake_bundle(tmp_path / "a", cfg), tmp_path / "a", "1.2.3")
    real_which = build_script.shutil.which
    monkeypatch.setattr(build_script.shutil, "which", lambda name: None if name == "xz" else real_which(name))
    without = build_script.linux_archive(make_fake_bundle(tmp_path / "b", cfg), tmp_path / "b", "1.2.3")
    assert without.read_bytes()[:6] == b"\xfd7zXZ\x00"

    def listing(archive):
        with tarfile.open(archive, "r:xz") as tar:
            return {m.name: (m.mode, m.size, tar.extractfile(m).read() if m.isfile() else None)
                    for m in tar.getmembers()}

    assert listing(with_tool) == listing(without)
    assert not list((tmp_path / "a").glob("*.part")) and not list((tmp_path / "b").glob("*.part"))


def test_smoke_test_still_takes_a_gzip_archive(cfg, build_script, smoke, tmp_path, capsys):
    archive = build_script.linux_archive(make_fake_bundle(tmp_path, cfg), tmp_path, cfg.read_version())
    gz = archive.with_name(archive.name.replace(".tar.xz", ".tar.gz"))
    with tarfile.open(archive, "r:xz") as src, tarfile.open(gz, "w:gz") as dst:
        for member in src.getmembers():
            dst.addfile(member, src.extractfile(member) if member.isfile() else None)
    assert smoke.main([str(gz), "--no-compare", "--timing-runs", "0"]) == 0
    assert "PASS" in capsys.readouterr().out


def test_install_sh_installs_and_uninstalls(cfg, build_script, smoke, tmp_path):
    archive = build_script.linux_archive(make_fake_bundle(tmp_path, cfg), tmp_path, "1.2.3")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "unpacked",
                       **({"filter": "tar"} if hasattr(tarfile, "tar_filter") else {}))
    top = tmp_path / "unpacked" / cfg.archive_basename("1.2.3")
    prefix = tmp_path / "prefix with space"
    env = dict(os.environ, PREFIX=str(prefix))
    subprocess.run(["sh", str(top / "install.sh")], check=True, env=env, capture_output=True)
    installed = prefix / "opt" / cfg.APP_NAME / cfg.APP_NAME
    assert installed.is_file() and os.access(installed, os.X_OK)
    assert (prefix / "bin" / cfg.APP_NAME).resolve() == installed.resolve()
    desktop = prefix / "share" / "applications" / f"{cfg.APP_NAME}.desktop"
    entry = smoke.check_desktop_entry(desktop)
    assert entry["Exec"] == f'"{installed}" %f'
    assert entry["TryExec"] == str(installed)
    for size in (16, 256, 512):
        assert (prefix / f"share/icons/hicolor/{size}x{size}/apps/{cfg.APP_NAME}.png").is_file()
    # a second install replaces the first cleanly
    subprocess.run(["sh", str(top / "install.sh")], check=True, env=env, capture_output=True)
    assert not (prefix / "opt" / f"{cfg.APP_NAME}.new").exists()
    subprocess.run(["sh", str(top / "install.sh"), "--uninstall"], check=True, env=env,
                   capture_output=True)
    assert not installed.exists() and not desktop.exists()
    assert not (prefix / "bin" / cfg.APP_NAME).exists()
    assert not (prefix / f"share/icons/hicolor/256x256/apps/{cfg.APP_NAME}.png").exists()


def test_smoke_test_passes_a_good_archive(cfg, build_script, smoke, tmp_path, capsys):
    version = cfg.read_version()
    archive = build_script.linux_archive(make_fake_bundle(tmp_path, cfg), tmp_path, version)
    assert smoke.main([str(archive), "--no-compare", "--timing-runs", "1"]) == 0
    out = capsys.readouterr().out
    assert "PASS" in out and "start-up" in out and "bundle size" in out


@pytest.mark.parametrize("kwargs, reason", [
    ({"code": 1}, "exited 1"),
    ({"dynamic": "n/a"}, "dynamic"),
])
def test_smoke_test_fails_a_bad_app(cfg, build_script, smoke, tmp_path, capsys, kwargs, reason):
    archive = build_script.linux_archive(make_fake_bundle(tmp_path, cfg, **kwargs), tmp_path,
                                         cfg.read_version())
    assert smoke.main([str(archive), "--no-compare", "--timing-runs", "0"]) == 1
    assert reason in capsys.readouterr().out


def test_smoke_test_compares_with_the_engine(cfg, build_script, smoke, tmp_path, capsys):
    expected = smoke.engine_totals(ROOT / "resources" / "samples" / cfg.SAMPLE_NAME)
    good = build_script.linux_archive(
        make_fake_bundle(tmp_path / "a", cfg, ddm=f"{expected['ddm']:.2f}",
                         dynamic=f"{expected['dynamic']:.2f}"), tmp_path / "a", cfg.read_version())
    assert smoke.main([str(good), "--timing-runs", "0"]) == 0
    wrong = build_script.linux_archive(
        make_fake_bundle(tmp_path / "b", cfg, ddm=f"{expected['ddm'] + 1:.2f}",
                         dynamic=f"{expected['dynamic']:.2f}"), tmp_path / "b", cfg.read_version())
    assert smoke.main([str(wrong), "--timing-runs", "0"]) == 1
    assert "differs from the engine" in capsys.readouterr().out


def test_smoke_test_refuses_an_archive_of_another_version(cfg, build_script, smoke, tmp_path, capsys):
    archive = build_script.linux_archive(make_fake_bundle(tmp_path, cfg), tmp_path, "0.0.0-other")
    assert smoke.main([str(archive), "--no-compare", "--timing-runs", "0"]) == 1
    assert "version" in capsys.readouterr().out


def test_smoke_test_fails_a_bundle_missing_a_translation(cfg, build_script, smoke, tmp_path, capsys):
    bundle = make_fake_bundle(tmp_path, cfg)
    qm = next((bundle / "_internal" / "resources" / "translations").glob("*.qm"))
    qm.unlink()
    archive = build_script.linux_archive(bundle, tmp_path, cfg.read_version())
    assert smoke.main([str(archive), "--no-compare", "--timing-runs", "0"]) == 1
    assert f"lacks resources/translations/{qm.name}" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("readelf") is None, reason="readelf (binutils) not installed")
def test_build_fails_when_a_shipped_library_links_a_dropped_one(build_script, tmp_path):
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    shutil.copy2(sys.executable, bundle / "_internal" / "python")          # links libc etc.
    assert build_script.check_no_dropped_lib_needed(bundle) == 1
    # a library that links cairo, which the spec drops with the GTK3 theme plugin
    linker = tmp_path / "needs_cairo.c"
    linker.write_text("int f(void) { return 0; }\n")
    lib = bundle / "_internal" / "libneedscairo.so"
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler to make a test library")
    stubs = tmp_path / "stubs"          # a stand-in libcairo.so.2, so no real cairo is needed
    stubs.mkdir()
    subprocess.run([cc, "-shared", "-Wl,-soname,libcairo.so.2", "-o", str(stubs / "libcairo.so.2"),
                    str(linker)], check=True, capture_output=True)
    subprocess.run([cc, "-shared", "-o", str(lib), str(linker), "-Wl,--no-as-needed",
                    f"-L{stubs}", "-l:libcairo.so.2"], check=True, capture_output=True)
    with pytest.raises(SystemExit, match="libcairo.so.2"):
        build_script.check_no_dropped_lib_needed(bundle)


@pytest.mark.parametrize("cli, reason", [
    ("exit 1", "import exited 1"),
    # an import that writes nothing but says it did
    ('echo "wrote it"; exit 0', "import wrote no readable model"),
    # an export that writes a non-workbook
    ('case "$1" in export) echo x > "$5"; exit 0;; esac; ' + REAL_CLI, "export wrote no .xlsx workbook"),
])
def test_smoke_test_fails_a_bundle_whose_command_line_fails(cfg, build_script, smoke, tmp_path, capsys, cli, reason):
    archive = build_script.linux_archive(make_fake_bundle(tmp_path, cfg, cli=cli), tmp_path, cfg.read_version())
    assert smoke.main([str(archive), "--no-compare", "--timing-runs", "0"]) == 1
    assert reason in capsys.readouterr().out
    # and --no-cli skips that part
    assert smoke.main([str(archive), "--no-compare", "--timing-runs", "0", "--no-cli"]) == 0


def test_smoke_test_runs_import_and_export_through_the_cli(cfg, build_script, smoke, tmp_path, capsys):
    archive = build_script.linux_archive(make_fake_bundle(tmp_path, cfg), tmp_path, cfg.read_version())
    assert smoke.main([str(archive), "--no-compare", "--timing-runs", "0"]) == 0
    out = capsys.readouterr().out
    assert "command line ok: import (GBK template → new model), export (.xlsx, 8 sheets)" in out
