"""One palette for the statuses: the header's badges and the plots read the
same colours (desktop_app.theme)."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from models.status import STATUS_CODES
from desktop_app import theme
from desktop_app.widgets.header import StatusBadge


def test_plots_use_the_theme_palette():
    from desktop_app.plots import colors
    assert colors.STATUS_COLORS is theme.STATUS_COLORS
    assert colors.STATUS_TEXT_COLORS is theme.STATUS_TEXT_COLORS


@pytest.mark.parametrize("code", STATUS_CODES)
def test_header_badge_is_painted_in_the_theme_colours(qtbot, code):
    badge = StatusBadge()
    qtbot.addWidget(badge)
    badge.set_status(code)
    badge.resize(160, 30)
    image = badge.grab().toImage()
    # a point inside the rounded badge, left of the centred text
    background = QColor(image.pixel(4, image.height() // 2))
    assert background.name() == QColor(theme.STATUS_COLORS[code]).name()
    assert f"color: {theme.STATUS_TEXT_COLORS[code]}" in badge.styleSheet()
