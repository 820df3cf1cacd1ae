"""The multiples page (seed 003's analysis): for P/S, P/E and P/B, where the
company's current multiple stands against the industry range, the peers and
its own history, as a chart (for the multiple chosen) and a table (all three;
the numbers are ``models.analysis.peers.multiples_positions``'s). The peers
(``multiples_context.peers``) are edited in a table: add, remove, type over a
cell; each is one undo step through the document.
"""
from __future__ import annotations

import copy
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QGroupBox, QHBoxLayout, QLabel, QPushButton, QRadioButton, QSplitter,
                               QVBoxLayout, QWidget)

from models.analysis.peers import multiples_positions
from models.dossier import MULTIPLE_KEYS
from models.facts import company_facts
from desktop_app.i18n import fill
from desktop_app.numbers import MULTIPLE, NUMBER, PERCENT, TEXT, format_value, parse_number
from desktop_app.plots.colors import DDM_COLOR, FOREGROUND, MARKET_CAP_COLOR
from desktop_app.qt_models.base import INPUT_BRUSH, GridTableModel
from desktop_app.widgets.spreadsheet import SpreadsheetView

CTX = "MultiplesPage"
MULTIPLE_NAMES = {"ps": QT_TRANSLATE_NOOP("MultiplesPage", "P/S"), "pe": QT_TRANSLATE_NOOP("MultiplesPage", "P/E"),
                  "pb": QT_TRANSLATE_NOOP("MultiplesPage", "P/B")}
PEER_FIELDS = ("name", "ticker", "ps", "pe", "pb", "period")
_DASH = "–"
PEER_COLOR = "#e08a1e"
OWN_COLOR = "#6a8caf"
BAND_COLOR = (31, 95, 168, 45)


def multiple_name(key: str) -> str:
    return QCoreApplication.translate(CTX, MULTIPLE_NAMES[key])


def _peers(model) -> list:
    ctx = model.doc.get("multiples_context")
    peers = ctx.get("peers") if isinstance(ctx, dict) else None
    return peers if isinstance(peers, list) else []


class PeersTableModel(GridTableModel):
    """``multiples_context.peers``: one row per peer. Name, ticker and period
    are text; P/S, P/E, P/B multiples. Typing an empty multiple, ticker or
    period removes it (a peer need not quote every multiple); a name is required."""

    def __init__(self, document, parent=None):
        super().__init__(document, parent)

    def _compute(self, state):
        peers = _peers(state.model)
        values = np.full((len(peers), len(PEER_FIELDS)), np.nan)
        texts = {}
        for r, peer in enumerate(peers):
            peer = peer if isinstance(peer, dict) else {}
            for c, key in enumerate(PEER_FIELDS):
                v = peer.get(key)
                if key in MULTIPLE_KEYS:
                    if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
                        values[r, c] = v
                        if v <= 0:
                            texts[(r, c)] = fill(self.tr("NM (%1)"), format_value(v, MULTIPLE))
                else:
                    texts[(r, c)] = "" if v is None else str(v)
        return values, texts

    def cell_kind(self, row: int, col: int) -> str:
        return MULTIPLE if PEER_FIELDS[col] in MULTIPLE_KEYS else TEXT

    def is_editable(self, row: int, col: int) -> bool:
        return True

    def parse(self, value, row: int, col: int):
        key = PEER_FIELDS[col]
        if key != "name" and (value is None or (isinstance(value, str) and not value.strip())):
            return None          # clear the optional value
        if key in MULTIPLE_KEYS and isinstance(value, str):
            return parse_number(value, MULTIPLE)
        return super().parse(value, row, col)

    def _apply(self, row: int, col: int, value, txn) -> None:
        path = ("multiples_context", "peers", row, PEER_FIELDS[col])
        if value is None:
            txn.delete(path)
        else:
            txn.set(path, float(value) if PEER_FIELDS[col] in MULTIPLE_KEYS else value)

    def cell_for_path(self, path: tuple):
        if len(path) == 4 and path[:2] == ("multiples_context", "peers") and isinstance(path[2], int) \
                and 0 <= path[2] < self.rowCount() and path[3] in PEER_FIELDS:
            return path[2], PEER_FIELDS.index(path[3])
        return None

    def header_text(self, section: int, orientation) -> str:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        key = PEER_FIELDS[section]
        if key in MULTIPLE_KEYS:
            return multiple_name(key)
        return {"name": self.tr("Peer"), "ticker": self.tr("Ticker"), "period": self.tr("Period")}[key]

    def cell_foreground(self, row: int, col: int):
        return INPUT_BRUSH


class PositionsTableModel(GridTableModel):
    """P/S, P/E, P/B (rows): the company's value and its position against the
    industry range, the peers and its own history (read-only)."""

    COLUMNS = ("value", "industry_low", "industry_high", "industry_position", "industry_band", "peers",
               "peer_percentile", "peer_mean", "peer_median", "own_mean", "vs_own_mean")
    KINDS = {"value": MULTIPLE, "industry_low": MULTIPLE, "industry_high": MULTIPLE, "industry_position": NUMBER,
             "industry_band": TEXT, "peers": TEXT, "peer_percentile": PERCENT, "peer_mean": MULTIPLE,
             "peer_median": MULTIPLE, "own_mean": MULTIPLE, "vs_own_mean": PERCENT}

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self.positions: dict = {}
        self._quoted: dict[str, float] = {}   # the multiples the file quotes (the header shows those)

    def _compute(self, state):
        self.positions = multiples_positions(state.model)
        facts = company_facts(state.model)   # the header's multiples: quoted ones come from the file
        self._quoted = {key: m.value for key, m in (("ps", facts.ps), ("pe", facts.pe), ("pb", facts.pb))
                        if m.quoted}
        values = np.full((len(MULTIPLE_KEYS), len(self.COLUMNS)), np.nan)
        texts = {}
        for r, key in enumerate(MULTIPLE_KEYS):
            pos = self.positions[key]
            for c, col in enumerate(self.COLUMNS):
                if col == "industry_band":
                    texts[(r, c)] = self.band_text(pos.industry_band)
                elif col == "peers":
                    meaningful = pos.peers_below + pos.peers_above + sum(
                        1 for p in pos.peers if p.value is not None and p.value == pos.value)
                    texts[(r, c)] = (fill(self.tr("%1 below · %2 above"), pos.peers_below, pos.peers_above)
                                     if pos.peer_percentile is not None and meaningful else _DASH)
                elif col == "value" and pos.nm:
                    texts[(r, c)] = self.tr("NM")
                else:
                    v = getattr(pos, col)
                    if v is None:
                        texts[(r, c)] = _DASH
                    else:
                        values[r, c] = v
                        if col == "industry_position":
                            texts[(r, c)] = format_value(v, NUMBER, 2)
        return values, texts

    def cell_tooltip(self, row: int, col: int) -> str:
        key = MULTIPLE_KEYS[row]
        if self.COLUMNS[col] != "value" or key not in self._quoted:
            return ""
        return fill(self.tr("Computed from the market cap and the latest reported figures. The header shows "
                            "the figure quoted in the model file: %1"), format_value(self._quoted[key], NUMBER))

    def band_text(self, band) -> str:
        if band is None:
            return _DASH
        return {"below": self.tr("below the range"), "within": self.tr("within the range"),
                "above": self.tr("above the range")}[band]

    def cell_kind(self, row: int, col: int) -> str:
        return self.KINDS[self.COLUMNS[col]]

    def read_only_reason(self, row: int, col: int) -> str:
        return fill(self.tr("%1 is computed from the market and the peers; edit the peers below instead."),
                    self.cell_label(row, col))

    def header_text(self, section: int, orientation) -> str:
        if orientation == Qt.Orientation.Vertical:
            return multiple_name(MULTIPLE_KEYS[section])
        return [self.tr("Company"), self.tr("Industry\nlow"), self.tr("Industry\nhigh"),
                self.tr("Position\nin range"), self.tr("Band"), self.tr("Peers"), self.tr("Peer\npercentile"),
                self.tr("Peer\nmean"), self.tr("Peer\nmedian"), self.tr("Own history\nmean"),
                self.tr("vs own\nmean")][section]


class MultiplesChart(pg.PlotWidget):
    """One multiple: the industry band, the peers, the own history and its
    mean, and the company's current value, on one horizontal scale."""

    ROWS = 4   # y: 3 industry, 2 peers, 1 own history, 0 company

    def __init__(self, parent=None):
        super().__init__(parent, background="w")
        self.setObjectName("multiplesChart")
        self.setMouseEnabled(x=False, y=False)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.getPlotItem().showGrid(x=True, y=False, alpha=0.15)
        for axis in ("left", "bottom"):
            self.getAxis(axis).setPen(pg.mkPen(FOREGROUND))
            self.getAxis(axis).setTextPen(pg.mkPen(FOREGROUND))
        self.items: dict[str, object] = {}
        self.labels: list[pg.TextItem] = []

    def show_position(self, pos, row_labels: list[str]) -> None:
        plot = self.getPlotItem()
        plot.clear()
        self.items, self.labels = {}, []
        xs: list[float] = []
        if pos.industry_low is not None and pos.industry_high is not None:
            band = pg.BarGraphItem(x0=[pos.industry_low], x1=[pos.industry_high], y=[3], height=0.5,
                                   brush=pg.mkBrush(*BAND_COLOR), pen=pg.mkPen(DDM_COLOR))
            plot.addItem(band)
            self.items["industry"] = band
            xs += [pos.industry_low, pos.industry_high]
            self._label(f"{pos.industry_low:g}–{pos.industry_high:g}x", (pos.industry_low + pos.industry_high) / 2, 3)
        peers = [p for p in pos.peers if p.value is not None]
        if peers:
            scatter = pg.ScatterPlotItem([p.value for p in peers], [2] * len(peers), size=11, symbol="o",
                                         brush=pg.mkBrush(PEER_COLOR), pen=pg.mkPen(FOREGROUND))
            plot.addItem(scatter)
            self.items["peers"] = scatter
            xs += [p.value for p in peers]
            for p in peers:
                self._label(f"{p.label} {p.value:.2f}x", p.value, 2)
        own = [p for p in pos.own_history if p.value is not None]
        if own:
            scatter = pg.ScatterPlotItem([p.value for p in own], [1] * len(own), size=10, symbol="s",
                                         brush=pg.mkBrush(OWN_COLOR), pen=pg.mkPen(FOREGROUND))
            plot.addItem(scatter)
            self.items["own"] = scatter
            xs += [p.value for p in own]
            if pos.own_mean is not None:
                mean = pg.ScatterPlotItem([pos.own_mean], [1], size=16, symbol="d", brush=pg.mkBrush("w"),
                                          pen=pg.mkPen(OWN_COLOR, width=2))
                plot.addItem(mean)
                self.items["own_mean"] = mean
                self._label(f"{pos.own_mean:.2f}x", pos.own_mean, 1)
        if pos.value is not None:
            line = pg.InfiniteLine(pos=pos.value, angle=90, pen=pg.mkPen(MARKET_CAP_COLOR, width=2,
                                                                         style=Qt.PenStyle.DashLine))
            plot.addItem(line)
            marker = pg.ScatterPlotItem([pos.value], [0], size=16, symbol="t1", brush=pg.mkBrush(MARKET_CAP_COLOR))
            plot.addItem(marker)
            self.items["company"] = line
            xs.append(pos.value)
            self._label(f"{pos.value:.2f}x", pos.value, 0)
        self.getAxis("left").setTicks([[(3 - k, text) for k, text in enumerate(row_labels)]])
        plot.setYRange(-0.6, 3.6, padding=0)
        if xs:
            lo, hi = min(xs), max(xs)
            span = max(hi - lo, abs(hi) * 0.2, 1.0)
            plot.setXRange(max(0.0, lo - 0.15 * span), hi + 0.15 * span, padding=0)

    def _label(self, text: str, x: float, y: float) -> None:
        item = pg.TextItem(text, color=FOREGROUND, anchor=(0.5, 1.25))
        item.setPos(x, y)
        self.getPlotItem().addItem(item)
        self.labels.append(item)


class MultiplesPage(QWidget):
    """See the module docstring."""

    # a refused edit or typing on a read-only cell; argument: the message for the user
    refused = Signal(str)

    def __init__(self, document, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("multiplesPage")
        self.document, self.controller = document, controller
        self.state = None
        self._pending = None      # (state, structure_changed) held while the page is hidden
        self._shown = None        # what the chart shows: (multiple, position, row labels)
        self.multiple = "ps"
        self.choice = QButtonGroup(self)
        self.choice_buttons: dict[str, QRadioButton] = {}
        choice_row = QHBoxLayout()
        self.choice_label = QLabel()
        choice_row.addWidget(self.choice_label)
        for key in MULTIPLE_KEYS:
            button = QRadioButton()
            button.setObjectName(f"choose_{key}")
            self.choice.addButton(button)
            self.choice_buttons[key] = button
            button.toggled.connect(lambda on, k=key: on and self.choose(k))
            choice_row.addWidget(button)
        self.choice_buttons["ps"].setChecked(True)
        choice_row.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("multiplesSummary")
        self.summary.setWordWrap(True)
        self.absent = QLabel()
        self.absent.setObjectName("multiplesAbsent")
        self.absent.setWordWrap(True)
        self.absent.setStyleSheet("QLabel { background: #fff3c4; padding: 6px; }")
        self.chart = MultiplesChart()
        self.chart.setMinimumHeight(220)

        self.positions_table = PositionsTableModel(document, self)
        self.peers_table = PeersTableModel(document, self)
        self.positions_view = self._view(self.positions_table, "positionsView")
        self.peers_view = self._view(self.peers_table, "peersView")
        self.positions_table.modelReset.connect(self._fit_positions)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addPeer")
        self.add_button.clicked.connect(lambda: self.add_peer())
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removePeer")
        self.remove_button.clicked.connect(lambda: self.remove_peer())
        self.source_label = QLabel()
        self.source_label.setObjectName("multiplesSource")
        self.source_label.setWordWrap(True)

        self.groups: dict[str, QGroupBox] = {}
        chart_box = self._group("chart", choice_row, self.summary, self.chart)
        peers_buttons = QHBoxLayout()
        peers_buttons.addWidget(self.add_button)
        peers_buttons.addWidget(self.remove_button)
        peers_buttons.addStretch(1)
        peers_box = self._group("peers", self.absent, self.peers_view, peers_buttons, self.source_label)
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self._group("positions", self.positions_view))
        right_lay.addWidget(peers_box, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(chart_box)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.splitter)
        self.refused.connect(document.editRejected)   # the window shows the document's refusals
        self.retranslate()

    def _view(self, model, name: str) -> SpreadsheetView:
        view = SpreadsheetView()
        view.setObjectName(name)
        view.setModel(model)
        view.refused.connect(self.refused)
        model.modelReset.connect(view.resizeColumnsToContents)
        model.headerDataChanged.connect(lambda *args, v=view: v.resizeColumnsToContents())
        return view

    def _fit_positions(self) -> None:
        """The three rows in view without scrolling."""
        view = self.positions_view
        view.resizeColumnsToContents()
        height = view.rows_height(3)
        view.setMinimumHeight(height)
        view.setMaximumHeight(height)

    def _group(self, key: str, *items) -> QGroupBox:
        box = QGroupBox()
        box.setObjectName(f"group_{key}")
        lay = QVBoxLayout(box)
        lay.setContentsMargins(4, 4, 4, 4)
        for item in items:
            if isinstance(item, QHBoxLayout):
                lay.addLayout(item)
            else:
                lay.addWidget(item, 1 if isinstance(item, (SpreadsheetView, MultiplesChart)) else 0)
        self.groups[key] = box
        return box

    # the protocol ---------------------------------------------------------------------------
    def update_state(self, state, structure_changed: bool) -> None:
        """While hidden the page only notes the newest state; it catches up
        when shown."""
        if not self.isVisible() and self.state is not None:
            pending = self._pending
            self._pending = (state, structure_changed or (pending is not None and pending[1]))
            return
        self._pending = None
        self.state = state
        self.positions_table.update_state(state, structure_changed)
        self.peers_table.update_state(state, structure_changed)
        self._show()

    def showEvent(self, event):
        if self._pending is not None:
            self.update_state(*self._pending)
        super().showEvent(event)

    def locate(self, path: tuple, focus: bool = True, visible_only: bool = False) -> bool:
        if visible_only and not self.peers_view.isVisible():
            return False
        cell = self.peers_table.cell_for_path(tuple(path))
        if cell is None:
            return False
        index = self.peers_table.index(*cell)
        self.peers_view.setCurrentIndex(index)
        self.peers_view.scrollTo(index)
        if focus:
            self.peers_view.setFocus()
        return True

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.choice_label.setText(self.tr("Multiple:"))
        for key, button in self.choice_buttons.items():
            button.setText(multiple_name(key))
        self.groups["chart"].setTitle(self.tr("Against the industry range, the peers and the company's own history"))
        self.groups["positions"].setTitle(self.tr("Where each multiple stands"))
        self.groups["peers"].setTitle(self.tr("Peers (editable)"))
        self.add_button.setText(self.tr("Add peer"))
        self.remove_button.setText(self.tr("Remove peer"))
        for model in (self.positions_table, self.peers_table):
            model.retranslate()
        if self.state is not None:
            self.positions_table.update_state(self.state, True)
            self.peers_table.update_state(self.state, True)
        self._show()

    # showing ----------------------------------------------------------------------------------
    def choose(self, key: str) -> None:
        self.multiple = key
        self._show()

    def has_context(self) -> bool:
        return self.state is not None and isinstance(self.state.model.doc.get("multiples_context"), dict)

    def _show(self) -> None:
        if self.state is None:
            return
        ctx = self.state.model.doc.get("multiples_context")
        if not isinstance(ctx, dict):
            self.absent.setText(self.tr("This model has no multiples context: no industry range, peers or own "
                                        "history are quoted, so the company's multiples stand alone. "
                                        "Add a peer to start one."))
        elif not _peers(self.state.model):
            self.absent.setText(self.tr("No peers yet. Add a peer to compare with."))
        self.absent.setVisible(not isinstance(ctx, dict) or not _peers(self.state.model))
        source = ctx.get("source") if isinstance(ctx, dict) else None
        as_of = ctx.get("as_of") if isinstance(ctx, dict) else None
        bits = [fill(self.tr("As of %1"), as_of) if isinstance(as_of, str) else "",
                fill(self.tr("Source: %1"), source) if isinstance(source, str) else ""]
        self.source_label.setText(" · ".join(b for b in bits if b))
        self.remove_button.setEnabled(bool(_peers(self.state.model)))
        pos = self.positions_table.positions.get(self.multiple)
        if pos is None:
            return
        labels = [self.tr("Industry"), self.tr("Peers"), self.tr("Own history"), self.tr("Company")]
        if self._shown != (self.multiple, pos, labels):   # most edits leave the multiples as they were
            self.chart.show_position(pos, labels)
            self._shown = (self.multiple, pos, labels)
        self.summary.setText(self.summary_text(pos))

    def summary_text(self, pos) -> str:
        name = multiple_name(pos.multiple)
        if pos.value is None:
            return fill(self.tr("%1: not meaningful (a loss or negative equity)"), name) if pos.nm \
                else fill(self.tr("%1: not available (the figures it needs are missing)"), name)
        parts = [fill(self.tr("%1 %2"), name, format_value(pos.value, MULTIPLE))]
        if pos.industry_band is not None:
            where = self.positions_table.band_text(pos.industry_band)
            if pos.industry_position is not None:
                parts.append(fill(self.tr("%1 %2–%3 (position %4)"), where, format_value(pos.industry_low, MULTIPLE),
                                  format_value(pos.industry_high, MULTIPLE), format_value(pos.industry_position,
                                                                                          NUMBER)))
            else:
                parts.append(where)
        if pos.peer_percentile is not None:
            parts.append(fill(self.tr("%1 of %2 peers below, %3 above (percentile %4)"), pos.peers_below,
                              sum(1 for p in pos.peers if p.value is not None), pos.peers_above,
                              format_value(pos.peer_percentile, PERCENT, 0)))
        if pos.vs_own_mean is not None:
            parts.append(fill(self.tr("%1 against its own history's mean %2"),
                              format_value(pos.vs_own_mean, PERCENT, 1), format_value(pos.own_mean, MULTIPLE)))
        return " · ".join(parts)

    # editing -----------------------------------------------------------------------------------
    def add_peer(self, name: str | None = None) -> bool:
        """Append a peer (named "Peer n" unless ``name``) as one undo step;
        without a multiples context, start one."""
        model = self.document.model
        peers = _peers(model)
        existing = {p.get("name") for p in peers if isinstance(p, dict)}
        if name is None:
            k = len(peers) + 1
            name = fill(self.tr("Peer %1"), k)
            while name in existing:
                k += 1
                name = fill(self.tr("Peer %1"), k)
        new = {"name": name}

        def apply(txn):
            if not isinstance(model.doc.get("multiples_context"), dict):
                txn.set(("multiples_context",), {"peers": [new]})
            else:
                txn.set(("multiples_context", "peers"), copy.deepcopy(peers) + [new])

        ok = self.document.edit(fill(self.tr("Add peer %1"), name), apply)
        if ok:
            index = self.peers_table.index(len(_peers(self.document.model)) - 1, 0)
            self.peers_view.setCurrentIndex(index)
            self.peers_view.scrollTo(index)
        return ok

    def remove_peer(self, row: int | None = None) -> bool:
        """Remove the peer at ``row`` (the current row of the peers table) as one undo step."""
        peers = _peers(self.document.model)
        if row is None:
            idx = self.peers_view.currentIndex()
            row = idx.row() if idx.isValid() else len(peers) - 1
        if not 0 <= row < len(peers):
            return False
        name = peers[row].get("name", "") if isinstance(peers[row], dict) else ""
        rest = copy.deepcopy(peers[:row]) + copy.deepcopy(peers[row + 1:])
        ok = self.document.edit(fill(self.tr("Remove peer %1"), name),
                                lambda txn: txn.set(("multiples_context", "peers"), rest))
        if ok and rest:
            self.peers_view.setCurrentIndex(self.peers_table.index(min(row, len(rest) - 1), 0))
        return ok
