"""What every sensitivity view shares: the context it draws, staleness, exports."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from PySide6 import QtCore, QtGui, QtWidgets
import pyqtgraph as pg
import pyqtgraph.exporters  # noqa: F401  (registers ImageExporter, SVGExporter)

from models import csv_export

from .colors import BACKGROUND
from .config import SensitivityConfig
from .svg_export import export_scene_svg


@dataclass(frozen=True)
class PlotContext:
    """Everything a view draws from: the model, its valuation (None = invalid
    model), the scope (None = company, i = drivers applied to segment i only)
    and the analyst's ranges and shocks."""

    model: Any
    result: Any
    segment: Optional[int]
    config: SensitivityConfig

    @property
    def valid(self) -> bool:
        return self.model is not None and self.result is not None


class PlotView(QtCore.QObject):
    """One exportable picture. Items are built once in ``__init__``; ``_draw``
    feeds them new data. A view whose context changed while hidden is *stale*
    and draws when shown (or exported)."""

    #: Stable identifier (tests, file names).
    key = ""
    #: Which config fields this view reads.
    config_fields: tuple[str, ...] = ()

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._context: PlotContext | None = None
        self.stale = False
        self.widget: QtWidgets.QWidget
        self.export_item: QtWidgets.QGraphicsItem

    # -- drawing ---------------------------------------------------------------
    def set_context(self, context: PlotContext | None) -> None:
        self._context = context
        self.stale = True

    @property
    def context(self) -> PlotContext | None:
        return self._context

    def ensure_current(self) -> None:
        if self.stale:
            self.stale = False
            ctx = self._context
            if ctx is None or not ctx.valid:
                self._draw_invalid()
            else:
                try:
                    self._draw(ctx)
                except ValueError as exc:  # the engine's errors are ValueErrors
                    self._draw_invalid(str(exc))

    def _draw(self, ctx: PlotContext) -> None:
        raise NotImplementedError

    def _draw_invalid(self, reason: str = "") -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Re-set every user-visible text (called on a language change)."""
        self.stale = True

    def title(self) -> str:
        raise NotImplementedError

    # -- export ----------------------------------------------------------------
    def csv_table(self) -> tuple[list[str], list[list[Any]]]:
        """Header and rows of the plotted numbers (decimals for rates, the
        model's unit for money)."""
        raise NotImplementedError

    def export_png(self, path: str, width: int | None = None) -> None:
        self.ensure_current()
        self._prepare_for_export()
        exporter = pg.exporters.ImageExporter(self.export_item)
        params = exporter.parameters()
        params["background"] = QtGui.QColor(BACKGROUND)
        if width:
            params["width"] = int(width)
        image = exporter.export(toBytes=True)
        if not image.save(str(path), "PNG"):  # pyqtgraph ignores a failed save
            raise OSError(f"cannot write {path}")

    def export_svg(self, path: str) -> None:
        self.ensure_current()
        self._prepare_for_export()
        export_scene_svg(getattr(self, "graphics", self.widget), self.export_item, str(path),
                         background=QtGui.QColor(BACKGROUND), title=self.title())

    def export_csv(self, path: str) -> None:
        self.ensure_current()
        header, rows = self.csv_table()
        csv_export.write_csv(str(path), rows, header=header)

    def _prepare_for_export(self) -> None:
        """A view on a hidden tab has had no resize event (Qt defers them
        until shown), so its plots have no geometry: give the graphics view a
        size and lay the scene out before exporting."""
        view = getattr(self, "graphics", self.widget)
        if view.isVisible():
            return
        if view.width() < 1000 or view.height() < 600:
            view.resize(max(view.width(), 1000), max(view.height(), 600))
        view.resizeEvent(None)


def invalid_text(reason: str = "") -> str:
    """What a view shows instead of numbers: the model is invalid (no
    result), or the engine refused this view's scenarios (``reason``)."""
    if reason:
        return QtCore.QCoreApplication.translate(
            "PlotView", "This view cannot be computed: {reason}").format(reason=reason)
    return QtCore.QCoreApplication.translate(
        "PlotView", "No valuation: the model has errors. Fix them in the tables.")
