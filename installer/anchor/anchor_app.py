"""The start-up yardstick of installer/startup_time.py --anchor: the least a
PySide6 + pyqtgraph + numpy app does before its first paint (import the
three, create the QApplication, show one PlotWidget with a curve, at the
size the workbench opens with). Frozen by PyInstaller like the app itself."""
import sys

import numpy as np
from PySide6 import QtWidgets
import pyqtgraph as pg


def main() -> int:
    app = QtWidgets.QApplication(sys.argv)
    widget = pg.PlotWidget(background="w")
    x = np.linspace(-0.02, 0.02, 41)
    widget.plot(x * 100, 700 / (0.09 + x), pen=pg.mkPen("#1f5fa8", width=2))
    widget.setWindowTitle("anchor")
    widget.resize(1600, 1000)
    widget.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
