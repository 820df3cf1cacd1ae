"""Sizes the sensitivity panel needs before its views exist (this module
imports nothing, pyqtgraph least: see ``panel.py``)."""

#: A sweep plot's minimum size in pixels: the views' of the first tab, and the
#: size the visible tab keeps while it waits for the window's first paint (the
#: dock then opens at the height it keeps once the plot is drawn).
SWEEP_MINIMUM_SIZE = (320, 240)
