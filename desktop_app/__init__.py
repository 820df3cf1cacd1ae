"""估值工作台 Valuation Workbench: the PySide6 desktop application.

Everything here adapts the engine in :mod:`models` to Qt; nothing here computes
a valuation. Importing this package does not create a QApplication.
"""
