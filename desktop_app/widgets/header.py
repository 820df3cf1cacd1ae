"""The header block, like the report's first block: company facts on the left
(P/S, P/E, P/B among them), the company's four-dimension stars (四维评级), then
the DDM and dynamic values with upside and a coloured status badge."""
from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout

from models.dossier import RATING_KEYS, label
from models.facts import company_facts
from models.status import status_label
from desktop_app import i18n
from desktop_app.i18n import fill
from desktop_app.theme import STATUS_COLORS, STATUS_TEXT_COLORS
from desktop_app.numbers import MONEY, NUMBER, PERCENT, format_value
from desktop_app.widgets.stars import StarRating
from desktop_app.widgets.steady import ElidedLabel, SteadyLabel


class StatusBadge(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumWidth(96)
        self.code: str | None = None

    def set_status(self, code: str | None) -> None:
        label = status_label(code, i18n.engine_lang()) if code else "—"
        if code == self.code and label == self.text():
            return  # a style sheet change restyles and relayouts: only when needed
        self.code = code
        if code is None:
            self.setText("—")
            self.setStyleSheet("QLabel { border-radius: 4px; padding: 3px 10px; background: #eee; color: #666; }")
            return
        fg, bg = STATUS_TEXT_COLORS[code], STATUS_COLORS[code]
        self.setText(status_label(code, i18n.engine_lang()))
        self.setStyleSheet(f"QLabel {{ border-radius: 4px; padding: 3px 10px; font-weight: bold; "
                           f"background: {bg}; color: {fg}; }}")
        # the whole label, always: a squeezed header must not clip "severely overvalued"
        self.setMinimumWidth(max(96, self.sizeHint().width()))


class _MethodBox(QFrame):
    """One method's value, upside and status: title, value, then upside and badge."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("methodBox")
        self.title = QLabel()
        self.title.setObjectName("methodTitle")
        self.title.setProperty("role", "caption")
        self.value = QLabel()
        self.value.setObjectName("methodValue")
        big = QFont(self.value.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.value.setFont(big)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.upside_caption = QLabel()
        self.upside_caption.setProperty("role", "caption")
        self.upside = QLabel()
        self.upside.setObjectName("methodUpside")
        # the value and the upside change with every edit: held outside the layout, with room for a
        # large value up front, so a new value repaints the label and never lays out the window again
        self.value_slot = SteadyLabel(self.value,
                                      min_width=QFontMetrics(big).horizontalAdvance("88,888.88") + 8)
        self.upside_slot = SteadyLabel(self.upside,
                                       min_width=self.upside.fontMetrics().horizontalAdvance("+8,888.8%") + 4)
        self.status_caption = QLabel()   # kept for its text (the badge's tooltip); not shown:
        self.status_caption.setProperty("role", "caption")   # the coloured badge says what it is
        self.status_caption.hide()
        self.badge = StatusBadge()
        lay = QGridLayout(self)
        lay.setContentsMargins(14, 2, 8, 2)
        lay.setVerticalSpacing(2)
        lay.addWidget(self.title, 0, 0, 1, 4)
        lay.addWidget(self.value_slot, 1, 0, 1, 4)
        lay.addWidget(self.upside_caption, 2, 0)
        lay.addWidget(self.upside_slot, 2, 1)
        lay.addWidget(self.status_caption, 2, 2)
        lay.addWidget(self.badge, 2, 3, Qt.AlignmentFlag.AlignLeft)
        lay.setColumnStretch(3, 1)


class HeaderWidget(QFrame):
    """Company facts and both valuations; updated by the controller."""

    FACTS = ("industry", "price", "market_cap", "ps", "pe_ttm", "pb_mrq")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("header")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#header { background: #fbfcfe; } #methodBox { border-left: 1px solid #d6dbe3; }"
                           " #companyName { font-size: 15pt; font-weight: bold; }"
                           " QLabel[role='caption'] { color: #6b7280; }")
        self.company = ElidedLabel(min_chars=10)
        self.company.setObjectName("companyName")
        self.subtitle = QLabel()
        self.subtitle.setProperty("role", "caption")
        self.facts: dict[str, tuple[QLabel, QLabel]] = {}
        facts = QGridLayout()
        facts.setHorizontalSpacing(22)
        facts.setVerticalSpacing(0)
        for n, key in enumerate(self.FACTS):
            caption, value = QLabel(), QLabel()
            caption.setProperty("role", "caption")
            value.setObjectName(f"fact_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addWidget(caption, 0, n)
            facts.addWidget(value, 1, n)
            self.facts[key] = (caption, value)
        facts.setColumnStretch(len(self.FACTS), 1)
        title = QHBoxLayout()
        title.addWidget(self.company)
        title.addWidget(self.subtitle, 1, Qt.AlignmentFlag.AlignBottom)
        left = QVBoxLayout()
        left.setSpacing(4)
        left.addLayout(title)
        left.addLayout(facts)
        # the company's four-dimension stars, read-only (the ratings page edits them)
        self.ratings: dict[str, tuple[QLabel, StarRating]] = {}
        stars = QGridLayout()
        stars.setContentsMargins(0, 0, 0, 0)
        stars.setHorizontalSpacing(6)
        stars.setVerticalSpacing(0)
        for n, key in enumerate(RATING_KEYS):
            caption, star = QLabel(), StarRating(read_only=True, star_size=13)
            caption.setProperty("role", "caption")
            star.setObjectName(f"rating_{key}")
            stars.addWidget(caption, n, 0, Qt.AlignmentFlag.AlignRight)
            stars.addWidget(star, n, 1)
            self.ratings[key] = (caption, star)
        self.ratings_box = QFrame()
        self.ratings_box.setObjectName("ratingsBox")
        self.ratings_box.setLayout(stars)
        self.ddm = _MethodBox()
        self.dynamic = _MethodBox()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 6)
        lay.addLayout(left, 4)
        lay.addWidget(self.ratings_box, 0)
        lay.addWidget(self.ddm, 3)
        lay.addWidget(self.dynamic, 3)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._state = None
        self._install_analysis()
        self.retranslate()

    def retranslate(self) -> None:
        # money in the model's unit: the unit heads the caption, as in the tables
        unit = i18n.unit_text(self._state.model.unit) if self._state is not None else ""
        captions = {"industry": self.tr("Industry"), "price": self.tr("Share price"),
                    "market_cap": fill(self.tr("Market cap (%1)"), unit) if unit else self.tr("Market cap"),
                    "ps": self.tr("PS"), "pe_ttm": self.tr("PE-TTM"), "pb_mrq": self.tr("PB-MRQ")}
        for key, (caption, _) in self.facts.items():
            caption.setText(captions[key])
        lang = i18n.engine_lang()
        for key, (caption, _) in self.ratings.items():
            caption.setText(label("ratings", key, lang))
        self.ddm.title.setText(fill(self.tr("DDM valuation (%1)"), unit) if unit else self.tr("DDM valuation"))
        self.dynamic.title.setText(fill(self.tr("Dynamic valuation (%1)"), unit) if unit
                                   else self.tr("Dynamic valuation"))
        for box in (self.ddm, self.dynamic):
            box.upside_caption.setText(self.tr("Upside"))
            box.status_caption.setText(self.tr("Status"))
            box.badge.setToolTip(self.tr("Status"))
        if self._state is not None:
            self.update_state(self._state, True, relabel=False)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def update_state(self, state, structure_changed: bool, relabel: bool = True) -> None:
        unit_changed = self._state is None or self._state.model.unit != state.model.unit
        self._state = state
        if relabel and unit_changed:
            self.retranslate()   # the captions name the unit
            return
        facts = company_facts(state.model, state.result)
        name = i18n.company_name(state.model)
        self.company.setText(f"{name} ({facts.ticker})" if facts.ticker else name)
        # the English name under the Chinese one (in English it is the title already)
        subtitle = str(facts.name_en or "") if i18n.engine_lang() == "zh" else ""
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))
        self._set_fact("industry", str(facts.industry or "—"))
        self._set_fact("price", format_value(facts.price, NUMBER))
        self._set_fact("market_cap", format_value(facts.market_cap, MONEY))
        self._set_fact("ps", _multiple_text(facts.ps))
        self._set_fact("pe_ttm", _multiple_text(facts.pe))
        self._set_fact("pb_mrq", _multiple_text(facts.pb))
        computed = state.result.multiples if state.result is not None else None
        for key, multiple, field in (("ps", facts.ps, "ps"), ("pe_ttm", facts.pe, "pe"), ("pb_mrq", facts.pb, "pb")):
            tip = self._multiple_source(multiple, computed, field)
            if self.facts[key][1].toolTip() != tip:
                self.facts[key][1].setToolTip(tip)
        ratings = (state.model.doc.get("company") or {}).get("ratings")
        for key, (_, star) in self.ratings.items():
            star.set_value(ratings.get(key) if isinstance(ratings, dict) else None)
        methods = {m.method: m for m in facts.methods}
        for box, key in ((self.ddm, "ddm"), (self.dynamic, "dynamic")):
            method = methods.get(key)
            if method is None:
                box.value_slot.setText(self.tr("invalid"))
                box.upside_slot.setText("—")
                box.badge.set_status(None)
                continue
            box.value_slot.setText(format_value(method.total, MONEY))   # the unit is in the caption
            box.upside_slot.setText(_signed_percent(method.upside))
            box.badge.set_status(method.status)
        self.analysis.update_state(state)

    # the analysis line (issue 13: P(status), price-implied driver; desktop_app/widgets/header_analysis.py)
    def _install_analysis(self) -> None:
        from desktop_app.widgets.header_analysis import HeaderAnalysis
        self.analysis = HeaderAnalysis(self)
        for box, key in ((self.ddm, "ddm"), (self.dynamic, "dynamic")):
            # the price-implied driver beside the title, the status's probability right of the value;
            # both share cells with what is there (no new column: the header keeps its width)
            # the title row is one cell across the box (a title spanning two columns once widened
            # the status row's first columns to its width)
            lay = box.layout()
            lay.removeWidget(box.title)
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(box.title)
            # both lines change after every edit: in holders outside the layout (as the values are),
            # so a new text repaints them and lays out nothing
            row.addWidget(_holder(self.analysis.lines[key]), 1)
            if key == "ddm":
                row.addWidget(self.analysis.button, 0, Qt.AlignmentFlag.AlignRight)
            lay.addLayout(row, 0, 0, 1, 4)
            lay.addWidget(_holder(self.analysis.probabilities[key]), 1, 0, 1, 4)

    def bind_controller(self, controller, settings=None) -> None:
        """Called by ``Controller.add_view``: follow the controller's analysis
        feed (the window's settings remember the chosen driver). In a window
        with a ``first_paint`` (the main window) the feed, its imports and
        the Monte Carlo it starts wait until the window has painted: the line
        is empty until its first figures arrive anyway, and is laid out now."""
        if settings is None:
            settings = getattr(self.window(), "settings", None)
        settings = settings if hasattr(settings, "get") else None
        first_paint = getattr(self.window(), "first_paint", None)
        if first_paint is None:
            self._bind_feed(controller, settings)
            return
        self.analysis.reveal()
        first_paint.later(lambda: self._bind_feed(controller, settings))

    def _bind_feed(self, controller, settings) -> None:
        from desktop_app.analysis_feed import feed_for
        self.analysis.bind(feed_for(controller), settings)

    def _multiple_source(self, multiple, computed, field: str) -> str:
        """Where a header multiple comes from: quoted in the file (the
        Multiples page computes its own, which may differ) or computed."""
        if not multiple.quoted:
            return self.tr("Computed from the market cap and the company's latest reported figures "
                           "(as on the Multiples page)")
        value = getattr(computed, field, None)
        if computed is not None and getattr(computed, f"{field}_nm"):
            ours = "NM"
        else:
            ours = "—" if value is None else format_value(value, NUMBER) + "×"
        return fill(self.tr("Quoted in the model file (market data). Computed from the market cap and "
                            "the latest reported figures, as on the Multiples page: %1"), ours)

    def _set_fact(self, key: str, text: str) -> None:
        label = self.facts[key][1]
        if label.text() != text:
            label.setText(text)


def _multiple_text(multiple) -> str:
    if multiple.not_meaningful:
        return "NM"
    return "—" if multiple.value is None else format_value(multiple.value, NUMBER)


def _signed_percent(x: float) -> str:
    if x is None or not math.isfinite(x):
        return "—"
    text = format_value(x, PERCENT)
    return text if text.startswith("-") or text == "0.0%" else "+" + text


def _holder(label: QLabel) -> SteadyLabel:
    """``label`` in a holder that takes whatever width the layout gives."""
    holder = SteadyLabel(label)
    holder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return holder
