"""The editable ranges, steps and shocks of the sensitivity pictures.

Shows percentages (points for shifts) and writes decimals into a
``SensitivityConfig``; emits ``configChanged`` once per committed edit."""
from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from .config import RANGE_FIELDS, TORNADO_DRIVERS, SensitivityConfig, SweepRange, is_scale
from .labels import driver_labels, point_suffix


def _spin(minimum: float, maximum: float, step: float, decimals: int = 2,
          suffix: str = "") -> QtWidgets.QDoubleSpinBox:
    spin = QtWidgets.QDoubleSpinBox()
    spin.setRange(minimum, maximum)
    spin.setSingleStep(step)
    spin.setDecimals(decimals)
    spin.setSuffix(suffix)
    spin.setKeyboardTracking(False)
    spin.setAlignment(QtCore.Qt.AlignmentFlag.AlignRight)
    return spin


class SettingsEditor(QtWidgets.QWidget):
    configChanged = QtCore.Signal(object)

    def __init__(self, config: SensitivityConfig, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._config = config
        self._updating = False
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.range_box = QtWidgets.QGroupBox()
        grid = QtWidgets.QGridLayout(self.range_box)
        self.range_header = [QtWidgets.QLabel() for _ in range(3)]
        for c, label in enumerate(self.range_header, start=1):
            grid.addWidget(label, 0, c)
        self.range_names: dict[str, QtWidgets.QLabel] = {}
        self.range_spins: dict[str, tuple[QtWidgets.QDoubleSpinBox, QtWidgets.QDoubleSpinBox,
                                          QtWidgets.QSpinBox]] = {}
        for r, name in enumerate(RANGE_FIELDS, start=1):
            label = QtWidgets.QLabel()
            start = _spin(-50.0, 50.0, 0.25, suffix=" %")
            stop = _spin(-50.0, 50.0, 0.25, suffix=" %")
            steps = QtWidgets.QSpinBox()
            steps.setRange(2, 201)
            steps.setKeyboardTracking(False)
            for w in (start, stop, steps):
                w.setObjectName(f"{name}_{'start' if w is start else 'stop' if w is stop else 'steps'}")
                w.valueChanged.connect(lambda _v, n=name: self._range_edited(n))
            grid.addWidget(label, r, 0)
            grid.addWidget(start, r, 1)
            grid.addWidget(stop, r, 2)
            grid.addWidget(steps, r, 3)
            self.range_names[name] = label
            self.range_spins[name] = (start, stop, steps)
        outer.addWidget(self.range_box)

        self.shock_box = QtWidgets.QGroupBox()
        sgrid = QtWidgets.QGridLayout(self.shock_box)
        self.shock_header = [QtWidgets.QLabel() for _ in range(2)]
        for c, label in enumerate(self.shock_header, start=1):
            sgrid.addWidget(label, 0, c)
        self.shock_names: dict[str, QtWidgets.QLabel] = {}
        self.shock_spins: dict[str, tuple[QtWidgets.QDoubleSpinBox, QtWidgets.QDoubleSpinBox]] = {}
        for r, driver in enumerate(TORNADO_DRIVERS, start=1):
            label = QtWidgets.QLabel()
            if is_scale(driver):
                low, high = _spin(-99.0, 0.0, 5.0, 1, " %"), _spin(0.0, 500.0, 5.0, 1, " %")
            else:
                low, high = _spin(-20.0, 0.0, 0.25, 2, " pt"), _spin(0.0, 20.0, 0.25, 2, " pt")
            low.setObjectName(f"{driver}_low")
            high.setObjectName(f"{driver}_high")
            for w in (low, high):
                w.valueChanged.connect(lambda _v, d=driver: self._shock_edited(d))
            sgrid.addWidget(label, r, 0)
            sgrid.addWidget(low, r, 1)
            sgrid.addWidget(high, r, 2)
            self.shock_names[driver] = label
            self.shock_spins[driver] = (low, high)
        outer.addWidget(self.shock_box)
        self.reset_button = QtWidgets.QPushButton()
        self.reset_button.clicked.connect(lambda: self.set_config(SensitivityConfig(), emit=True))
        outer.addWidget(self.reset_button)
        outer.addStretch(1)
        self.retranslate()
        self.set_config(config)

    def retranslate(self) -> None:
        self.range_box.setTitle(self.tr("Ranges (percent; shifts in percentage points)"))
        for label, text in zip(self.range_header, (self.tr("From"), self.tr("To"),
                                                   self.tr("Steps"))):
            label.setText(text)
        names = {
            "discount_rate": self.tr("Discount-rate shift"),
            "terminal_growth": self.tr("Terminal growth, around the model's"),
            "margin": self.tr("Net margin shift"),
            "growth": self.tr("Revenue growth shift"),
            "heatmap_rate": self.tr("Heat map: discount-rate shift"),
            "heatmap_terminal_growth": self.tr("Heat map: terminal growth, around the model's"),
        }
        for name, label in self.range_names.items():
            label.setText(names[name])
        self.shock_box.setTitle(self.tr("Tornado shocks (points; multiple and cash in percent)"))
        for label, text in zip(self.shock_header, (self.tr("Low"), self.tr("High"))):
            label.setText(text)
        drivers = driver_labels()
        for driver, label in self.shock_names.items():
            label.setText(drivers[driver])
            if not is_scale(driver):
                for spin in self.shock_spins[driver]:
                    spin.setSuffix(point_suffix())
        self.reset_button.setText(self.tr("Reset to defaults"))

    @property
    def config(self) -> SensitivityConfig:
        return self._config

    def set_config(self, config: SensitivityConfig, emit: bool = False) -> None:
        self._updating = True
        try:
            self._config = config
            for name, (start, stop, steps) in self.range_spins.items():
                rng: SweepRange = getattr(config, name)
                start.setValue(rng.start * 100.0)
                stop.setValue(rng.stop * 100.0)
                steps.setValue(rng.steps)
            for driver, (low, high) in self.shock_spins.items():
                lo, hi = config.shocks[driver]
                if is_scale(driver):
                    low.setValue((lo - 1.0) * 100.0)
                    high.setValue((hi - 1.0) * 100.0)
                else:
                    low.setValue(lo * 100.0)
                    high.setValue(hi * 100.0)
        finally:
            self._updating = False
        if emit:
            self.configChanged.emit(config)

    def _range_edited(self, name: str) -> None:
        if self._updating:
            return
        start, stop, steps = self.range_spins[name]
        rng = SweepRange(round(start.value() / 100.0, 10), round(stop.value() / 100.0, 10), steps.value())
        if not rng.is_valid:
            # "From" must stay below "To": keep the last good range, mark the row.
            for w in (start, stop):
                w.setStyleSheet("background: #f6d5d5;")
            return
        for w in (start, stop):
            w.setStyleSheet("")
        self._config = self._config.with_range(name, rng)
        self.configChanged.emit(self._config)

    def _shock_edited(self, driver: str) -> None:
        if self._updating:
            return
        low, high = self.shock_spins[driver]
        lo, hi = low.value() / 100.0, high.value() / 100.0
        if is_scale(driver):
            lo, hi = 1.0 + lo, 1.0 + hi
        self._config = self._config.with_shock(driver, round(lo, 10), round(hi, 10))
        self.configChanged.emit(self._config)
