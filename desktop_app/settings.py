"""Typed application settings over a QSettings the caller passes in.

Nothing is read at import time: ``Settings(QSettings(...))`` is created in
``app.main`` (tests pass a QSettings on a temporary INI file).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT_FILES = 10


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    doc: str


# The one table of settings, their types and defaults.
DEFAULTS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("language", str, "system", '"system", "zh_CN" or "en"'),
        Setting("autosave_interval_s", int, 120, "seconds between autosaves to the recovery file; 0 = off"),
        Setting("recent_files", list, [], "most recent first, absolute paths"),
        Setting("last_file", str, "", "the file open when the app last closed"),
        Setting("window_geometry", QByteArray, QByteArray(), "QMainWindow.saveGeometry()"),
        Setting("window_state", QByteArray, QByteArray(), "QMainWindow.saveState()"),
        Setting("last_export_folder", str, "", "the folder the tables were last exported to"),
        Setting("splitter_state", QByteArray, QByteArray(), "main splitter sizes"),
        Setting("header_implied_driver", str, "growth_shift", "the driver whose price-implied value the header shows"),
        Setting("coverage_folder", str, "", "the coverage folder last opened (File ▸ Open coverage folder)"),
        Setting("sensitivity_config", str, "", "the sensitivity panel's ranges, shocks and heat-map choices "
                                                 "(JSON, desktop_app.plots.config.config_to_json)"),
    )
}


class Settings:
    """Typed access: ``settings.get("autosave_interval_s") -> int``."""

    def __init__(self, qsettings: QSettings):
        self.qsettings = qsettings

    def get(self, key: str) -> Any:
        spec = DEFAULTS[key]
        raw = self.qsettings.value(key, None)
        if raw is None:
            return _copy(spec.default)
        try:
            return _coerce(raw, spec.type)
        except (TypeError, ValueError):
            return _copy(spec.default)

    def set(self, key: str, value: Any) -> None:
        spec = DEFAULTS[key]
        self.qsettings.setValue(key, _coerce(value, spec.type))

    def sync(self) -> None:
        self.qsettings.sync()

    # recent files -------------------------------------------------------
    def add_recent_file(self, path: str) -> list[str]:
        files = [p for p in self.get("recent_files") if p != path]
        files.insert(0, path)
        del files[MAX_RECENT_FILES:]
        self.set("recent_files", files)
        return files

    def remove_recent_file(self, path: str) -> list[str]:
        files = [p for p in self.get("recent_files") if p != path]
        self.set("recent_files", files)
        return files


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def _coerce(raw: Any, typ: type) -> Any:
    if typ is list:
        if raw in ("", None):
            return []
        if isinstance(raw, str):
            return [raw]
        return [str(x) for x in raw]
    if typ is int:
        return int(raw)
    if typ is str:
        return str(raw)
    if typ is QByteArray:
        return raw if isinstance(raw, QByteArray) else QByteArray(raw)
    return typ(raw)
