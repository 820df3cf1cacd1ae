"""What every sensitivity view shares: the context it draws, staleness, exports."""
from __future__ import annotations

from typing import Any, Optional

from PySide6 import QtCore, QtGui, QtWidgets
import pyqtgraph as pg

from desktop_app.i18n import fill
from desktop_app.runner import Request, Runner

from .colors import BACKGROUND
from .config import PlotContext, SensitivityConfig  # noqa: F401 (PlotContext: re-exported)
from .svg_export import export_scene_svg


class PlotView(QtCore.QObject):
    """One exportable picture. Items are built once in ``__init__``.

    A view does no engine work itself: ``request`` says what it needs from
    the engine (a pure function of ``models.requests``) and the runner hands
    the response to ``show``, which feeds the items new data. A view whose
    context changed while hidden is *stale* and asks when shown (or exported).
    """

    #: Stable identifier (tests, file names).
    key = ""
    #: Which config fields this view reads.
    config_fields: tuple[str, ...] = ()

    def __init__(self, runner: Runner | None = None, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner if runner is not None else Runner(parent=self)
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

    def ensure_current(self, now: bool = False) -> None:
        """Ask the engine for the current context, unless already done.
        ``now``: compute here even if the request is slow (exports)."""
        if now and self.runner.is_busy(self.request_key):
            self.stale = True  # the numbers on their way may be late for an export
        if self.stale:
            self.stale = False
            ctx = self._context
            if ctx is None or not ctx.valid:
                self._draw_invalid()
            else:
                run = self.runner.run_now if now else self.runner.submit
                run(self.request(ctx), self.show, self._draw_invalid)

    @property
    def request_key(self) -> tuple:
        """Who asks, for the runner (newest request per view wins)."""
        return (type(self).__name__, self.key, id(self))

    def _request(self, function, *args, **kwargs) -> Request:
        return Request(self.request_key, function, args, kwargs, title=self.title())

    def request(self, ctx: PlotContext) -> Request:
        """What this view needs from the engine for ``ctx`` (a valid context)."""
        raise NotImplementedError

    def show(self, response: Any) -> None:
        """Draw the engine's response to :meth:`request`."""
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
        self.ensure_current(now=True)
        self._prepare_for_export()
        import pyqtgraph.exporters  # noqa: PLC0415 - an export's cost, not start-up's (issue 17)
        exporter = pyqtgraph.exporters.ImageExporter(self.export_item)
        params = exporter.parameters()
        params["background"] = QtGui.QColor(BACKGROUND)
        if width:
            params["width"] = int(width)
        image = exporter.export(toBytes=True)
        if not image.save(str(path), "PNG"):  # pyqtgraph ignores a failed save
            raise OSError(f"cannot write {path}")

    def export_svg(self, path: str) -> None:
        self.ensure_current(now=True)
        self._prepare_for_export()
        export_scene_svg(getattr(self, "graphics", self.widget), self.export_item, str(path),
                         background=QtGui.QColor(BACKGROUND), title=self.title())

    def export_csv(self, path: str) -> None:
        self.ensure_current(now=True)
        from models import csv_export   # loaded with the first export
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
        return fill(QtCore.QCoreApplication.translate("PlotView", "This view cannot be computed: %1"), reason)
    return QtCore.QCoreApplication.translate(
        "PlotView", "No valuation: the model has errors. Fix them in the tables.")
