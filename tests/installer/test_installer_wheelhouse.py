"""The offline wheelhouse script: what it asks pip to do (no network in these tests)."""
from __future__ import annotations

from pathlib import Path

import pytest

DEST = Path("/wh")


def test_build_makes_project_wheel_then_downloads_binary_deps(wheelhouse):
    wheel, download = wheelhouse.build_commands(DEST, "1.2.3", ["test"], python="py")
    assert wheel[:4] == ["py", "-m", "pip", "wheel"]
    assert "--no-deps" in wheel and wheel[wheel.index("--wheel-dir") + 1] == str(DEST)
    assert download[:4] == ["py", "-m", "pip", "download"]
    assert "--only-binary=:all:" in download           # the workstation has no compiler
    assert download[-1] == f"{DEST}/valuation_workbench-1.2.3-py3-none-any.whl[test]"
    assert "--platform" not in download and "--no-index" not in download


def test_build_for_another_platform(wheelhouse):
    _, download = wheelhouse.build_commands(DEST, "1.2.3", [], python="py",
                                            platform="win_amd64", python_version="3.11")
    assert download[download.index("--platform") + 1] == "win_amd64"
    assert download[download.index("--python-version") + 1] == "3.11"
    assert download[download.index("--implementation") + 1] == "cp"
    assert download[-1].endswith(".whl")                # no extras asked


def test_install_uses_no_index_and_pins_the_version(wheelhouse):
    commands = wheelhouse.install_commands(DEST, "1.2.3", ["test", "test"], python="py")
    install = commands[0]
    assert install[:4] == ["py", "-m", "pip", "install"]
    assert "--no-index" in install
    assert install[install.index("--find-links") + 1] == str(DEST)
    assert install[-1] == "valuation-workbench[test]==1.2.3"
    assert not any("index-url" in arg for cmd in commands for arg in cmd)
    assert commands[1] == ["py", "-m", "models", "--version"]
    assert commands[2] == ["py", "-c", wheelhouse.PACKAGE_DATA_CHECK]


def test_install_into_a_new_venv(wheelhouse, tmp_path):
    commands = wheelhouse.install_commands(DEST, "1.2.3", [], python="py", venv=tmp_path / "v")
    assert commands[0] == ["py", "-m", "venv", str(tmp_path / "v")]
    assert commands[1][0] == str(wheelhouse.venv_python(tmp_path / "v"))
    assert commands[1][-1] == "valuation-workbench==1.2.3"


def test_install_refuses_a_wheelhouse_without_the_app(wheelhouse, tmp_path, capsys):
    assert wheelhouse.main(["install", "--dest", str(tmp_path)]) == 2
    assert "run 'build' first" in capsys.readouterr().err


def test_unknown_extra_is_an_argument_error(wheelhouse):
    with pytest.raises(SystemExit) as exc:
        wheelhouse.main(["build", "--extras", "gui"])
    assert exc.value.code == 2


def test_wheelhouse_version_is_the_one_version(wheelhouse, cfg):
    from models._version import __version__

    _, download = wheelhouse.build_commands(DEST, cfg.read_version(), [])
    assert f"valuation_workbench-{__version__}-py3-none-any.whl" in download[-1]


def test_install_ignores_pip_configuration(wheelhouse, cfg, tmp_path, monkeypatch):
    version = cfg.read_version()
    wheelhouse.project_wheel(tmp_path, version).write_bytes(b"")
    monkeypatch.setenv("PIP_INDEX_URL", "http://mirror.invalid/simple")
    calls = []

    class Done:
        stdout = f"valuation-workbench {version}\n"

    def fake_run(cmd, **kwargs):
        calls.append((cmd, kwargs))
        return Done()

    monkeypatch.setattr(wheelhouse, "run", fake_run)
    assert wheelhouse.main(["install", "--dest", str(tmp_path), "--python", "py"]) == 0
    install_cmd, install_kwargs = calls[0]
    assert "--no-index" in install_cmd
    assert install_kwargs["env"]["PIP_CONFIG_FILE"] == __import__("os").devnull
    assert "PIP_INDEX_URL" not in install_kwargs["env"]
    # the checks run from an empty folder, never from a checkout that could shadow the install
    for _cmd, kwargs in calls[-2:]:
        assert kwargs["cwd"] != __import__("os").getcwd()
        assert "vw-wheelhouse-" in kwargs["cwd"]     # a fresh temporary folder


def test_install_fails_when_the_installed_version_differs(wheelhouse, cfg, tmp_path, monkeypatch):
    wheelhouse.project_wheel(tmp_path, cfg.read_version()).write_bytes(b"")

    class Old:
        stdout = "valuation-workbench 0.0.1\n"

    monkeypatch.setattr(wheelhouse, "run", lambda cmd, **kw: Old())
    assert wheelhouse.main(["install", "--dest", str(tmp_path), "--python", "py"]) == 1


def test_package_data_check_passes_on_this_checkout(wheelhouse, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    ok = subprocess.run([sys.executable, "-c", wheelhouse.PACKAGE_DATA_CHECK], cwd=root,
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    # a resources package without translations fails it
    fake = tmp_path / "resources"
    (fake / "samples").mkdir(parents=True)
    (fake / "icons").mkdir()
    (fake / "__init__.py").write_text("")
    (fake / "samples" / "united-imaging-688271.json").write_text("{}")
    (fake / "icons" / "valuation-workbench.svg").write_text("<svg/>")
    bad = subprocess.run([sys.executable, "-c", wheelhouse.PACKAGE_DATA_CHECK], cwd=tmp_path,
                         capture_output=True, text=True,
                         env={"PYTHONPATH": f"{tmp_path}{__import__('os').pathsep}{root}",
                              "QT_QPA_PLATFORM": "offscreen"})
    assert bad.returncode != 0 and "no translations" in bad.stderr
