"""Translations: the committed .qm are current, load, and translate."""
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop_app import i18n

ROOT = Path(__file__).resolve().parents[2]
TS_FILES = sorted((ROOT / "resources" / "translations").glob("app_*.ts"))


def _tool(name):
    return shutil.which(name) or (str(Path(sys.executable).with_name(name))
                                  if Path(sys.executable).with_name(name).exists() else None)


def _messages(ts: Path):
    text = ts.read_text(encoding="utf-8")
    for m in re.finditer(r"<message>(.*?)</message>", text, re.S):
        body = m.group(1)
        source = html.unescape(re.search(r"<source>(.*?)</source>", body, re.S).group(1))
        tr = re.search(r"<translation( type=\"unfinished\")?>(.*?)</translation>", body, re.S)
        yield source, html.unescape(tr.group(2)), bool(tr.group(1))


def test_both_languages_exist():
    assert {p.stem for p in TS_FILES} == {"app_zh_CN", "app_en"}
    for ts in TS_FILES:
        assert ts.with_suffix(".qm").exists(), f"{ts.name} is not compiled"


def test_chinese_is_complete_and_keeps_placeholders():
    zh = ROOT / "resources" / "translations" / "app_zh_CN.ts"
    count = 0
    for source, translation, unfinished in _messages(zh):
        count += 1
        assert not unfinished and translation, f"untranslated: {source!r}"
        for placeholder in re.findall(r"%\d", source):
            assert placeholder in translation, f"{placeholder} lost in {translation!r}"
    assert count > 100


@pytest.mark.skipif(_tool("pyside6-lrelease") is None, reason="pyside6-lrelease not installed")
@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_committed_qm_is_what_lrelease_makes(tmp_path, ts):
    out = tmp_path / ts.with_suffix(".qm").name
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(out)], check=True)
    assert out.read_bytes() == ts.with_suffix(".qm").read_bytes(), \
        "run scripts/build_translations.py and commit the .qm"


@pytest.mark.skipif(_tool("pyside6-lupdate") is None, reason="pyside6-lupdate not installed")
def test_ts_holds_every_string_of_the_code(tmp_path):
    """lupdate over the code finds no source text the .ts lacks."""
    copy = tmp_path / "app_zh_CN.ts"
    shutil.copy(ROOT / "resources" / "translations" / "app_zh_CN.ts", copy)
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_translations
        files = build_translations.sources()
    finally:
        sys.path.pop(0)
    result = subprocess.run([_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", *files,
                             "-ts", str(copy)], cwd=ROOT, check=True, capture_output=True, text=True)
    assert "0 new" in result.stdout, result.stdout


def test_chinese_loads_and_translates(qapp):
    try:
        assert i18n.install(qapp, "zh_CN") == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        assert QCoreApplication.translate("", "Revenue growth") == "收入增速"
        assert QCoreApplication.translate("HeaderWidget", "Market cap") == "总市值"
        assert i18n.engine_lang() == "zh"
    finally:
        i18n.install(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert i18n.engine_lang() == "en"


def test_system_language_resolution(monkeypatch):
    from PySide6.QtCore import QLocale
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.resolve_language("system") == "zh_CN"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.resolve_language("system") == "en"
    assert i18n.resolve_language("en") == "en"


def test_a_locale_that_names_no_language_starts_in_chinese(monkeypatch):
    from PySide6.QtCore import QLocale
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale.c()))
    assert i18n.resolve_language("system") == "zh_CN"


@pytest.mark.parametrize("lang_env", ["C", "POSIX", "C.UTF-8", ""])
def test_the_app_speaks_chinese_under_a_c_locale(tmp_path, lang_env):
    """A real process with LANG/LC_ALL as a minimal Linux sets them."""
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), LC_ALL=lang_env, LANG=lang_env,
               XDG_CONFIG_HOME=str(tmp_path))
    code = ("import sys; from PySide6.QtCore import QCoreApplication; app = QCoreApplication(sys.argv);"
            "from desktop_app import i18n; code = i18n.install(app, 'system');"
            "print(code, QCoreApplication.translate('MainWindow', '&File'))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["zh_CN", "文件(&F)"]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_an_explicit_choice_persists_over_the_system_language(qtbot, make_window, document, settings, monkeypatch):
    from PySide6.QtCore import QLocale
    from desktop_app import app as app_module
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    win = make_window(document)
    win.set_language("en")
    assert settings.get("language") == "en"
    # the next start reads the stored choice, not the system's
    args = app_module.parse_args([])
    assert i18n.resolve_language(args.lang or settings.get("language")) == "en"
    win.set_language("system")
    assert i18n.current_language() == "zh_CN"
