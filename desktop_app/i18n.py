"""Package-relative translation loading.

Installs every ``resources/translations/*_<locale>.qm`` (``app_zh_CN.qm``,
``plots_zh_CN.qm``, …) plus Qt's own ``qtbase_<locale>.qm`` when Qt ships it.
The source strings are English; ``zh_CN`` is the Chinese translation.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources
from models import display

TRANSLATIONS_DIR = Path(resources.__file__).resolve().parent / "translations"

# Languages offered in the settings menu: code → native name.
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}

_installed: list[QTranslator] = []
_current = "en"


def resolve_language(setting: str) -> str:
    """``"system"`` → Chinese first: Chinese for a Chinese locale and for a
    locale that names no language at all (C/POSIX, as on a minimal Linux or in
    a service account); English for any other language we lack."""
    if setting in LANGUAGES:
        return setting
    locale = QLocale.system()
    name = locale.name()  # e.g. "zh_CN", "en_US", "C"
    if name.startswith("zh") or name in ("C", "POSIX", "") or locale.language() == QLocale.Language.C:
        return "zh_CN"
    return "en"


def install(app: QCoreApplication, language: str) -> str:
    """Replace the installed translators with those for ``language``.

    ``language`` is a code from :data:`LANGUAGES` or ``"system"``. Returns the
    resolved code. Installing posts a LanguageChange event to every widget,
    which re-translates itself.
    """
    global _current
    code = resolve_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    for qm in sorted(TRANSLATIONS_DIR.glob(f"*_{code}.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
    if code != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(app)
        if translator.load(f"qtbase_{code}", qt_dir):
            app.installTranslator(translator)
            _installed.append(translator)
    _current = code
    return code


def current_language() -> str:
    """The resolved code last installed (``"zh_CN"`` or ``"en"``)."""
    return _current


def engine_lang() -> str:
    """The ``lang`` argument of ``models.status.status_label``."""
    return "zh" if _current.startswith("zh") else "en"


_PLACEHOLDER = re.compile(r"%(\d)")


def fill(template: str, *args) -> str:
    """Qt's ``%1`` … ``%9`` in a translated ``template`` replaced by ``args``,
    in one pass: a "%2" inside an inserted file or segment name stays as it
    is (chained ``.replace`` calls would substitute into it). A placeholder
    with no argument (or ``%0``) is left untouched."""
    def one(match: re.Match) -> str:
        n = int(match.group(1))
        return str(args[n - 1]) if 1 <= n <= len(args) else match.group(0)

    return _PLACEHOLDER.sub(one, template)


# names and the unit as the current language reads them (models.display) ---------------
def segment_names(model) -> list[str]:
    """The segments' names in the current language (``name_en`` in English where given)."""
    return display.segment_names(model, engine_lang())


def segment_name(model, index: int) -> str:
    return display.segment_name(model, index, engine_lang())


def company_name(model) -> str:
    return display.company_name(model, engine_lang())


def unit_text(unit: str) -> str:
    """The money unit in the current language (亿元 → "CNY 100m" in English)."""
    return display.unit_text(unit, engine_lang())
