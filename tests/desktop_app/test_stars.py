"""The star widget: half stars by mouse and keyboard, read-only mode."""
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from desktop_app.widgets.stars import StarRating, snap


@pytest.fixture
def stars(qtbot):
    w = StarRating(3.0)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.emitted = []
    w.edited.connect(w.emitted.append)
    return w


def click(widget, n: int, half: str) -> None:
    """Click on the left or right half of star n (1-based)."""
    rect = widget.star_rect(n - 1)
    x = rect.left() + rect.width() * (0.25 if half == "left" else 0.75)
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(int(x), int(rect.center().y())))


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_a_click_on_a_half_sets_the_half_or_the_whole_star(stars, n):
    click(stars, n, "left")
    assert stars.value() == n - 0.5
    click(stars, n, "right")
    assert stars.value() == n
    assert stars.emitted == [n - 0.5, float(n)]


def test_clicking_the_current_value_emits_nothing(stars):
    click(stars, 3, "right")
    assert stars.value() == 3.0 and stars.emitted == []


def test_keys_step_by_half_and_set_digits(stars):
    stars.setFocus()
    QTest.keyClick(stars, Qt.Key.Key_Right)
    assert stars.value() == 3.5
    QTest.keyClick(stars, Qt.Key.Key_Left)
    QTest.keyClick(stars, Qt.Key.Key_Left)
    assert stars.value() == 2.5
    QTest.keyClick(stars, Qt.Key.Key_Plus)
    assert stars.value() == 3.0
    QTest.keyClick(stars, Qt.Key.Key_Minus)
    assert stars.value() == 2.5
    QTest.keyClicks(stars, "4")
    assert stars.value() == 4.0
    QTest.keyClick(stars, Qt.Key.Key_End)
    assert stars.value() == 5.0
    QTest.keyClick(stars, Qt.Key.Key_Right)      # clamped: nothing beyond five
    assert stars.value() == 5.0
    QTest.keyClick(stars, Qt.Key.Key_Home)
    assert stars.value() == 0.0
    QTest.keyClick(stars, Qt.Key.Key_Left)
    assert stars.value() == 0.0
    QTest.keyClicks(stars, "0")                  # no change: nothing emitted
    assert stars.emitted == [3.5, 3.0, 2.5, 3.0, 2.5, 4.0, 5.0, 0.0]


def test_keys_that_are_not_ratings_change_nothing(stars):
    QTest.keyClicks(stars, "7x")
    assert stars.value() == 3.0 and stars.emitted == []


def test_read_only_ignores_mouse_and_keys(stars):
    stars.set_read_only(True)
    assert stars.focusPolicy() == Qt.FocusPolicy.NoFocus
    click(stars, 1, "left")
    QTest.keyClick(stars, Qt.Key.Key_End)
    assert stars.value() == 3.0 and stars.emitted == []


def test_set_value_shows_without_emitting(stars):
    stars.set_value(4.5)
    assert stars.value() == 4.5 and stars.toolTip() == "4.5 / 5"
    stars.set_value(None)
    assert stars.value() is None and stars.toolTip() == "—"
    QTest.keyClick(stars, Qt.Key.Key_Right)      # from no rating: half a star
    assert stars.value() == 0.5
    assert stars.emitted == [0.5]


def test_half_stars_are_painted(stars, qtbot):
    """A 2.5 paints star 3 gold on its left half only."""
    stars.set_value(2.5)
    image = stars.grab().toImage()
    rect = stars.star_rect(2)
    y = int(rect.center().y() + 1)
    left = image.pixelColor(int(rect.left() + rect.width() * 0.4), y)
    right = image.pixelColor(int(rect.left() + rect.width() * 0.6), y)
    assert left.name() == "#e8a317" and right.name() == "#e4e6ea"


@pytest.mark.parametrize("raw, expected", [(-1, 0.0), (2.26, 2.5), (2.24, 2.0), (9, 5.0)])
def test_snap(raw, expected):
    assert snap(raw) == expected


def test_the_accessible_text_follows_the_first_paint(qtbot, qapp):
    """Issue 17: the first accessible text of a run wakes Qt's accessibility;
    stars built before the window's first paint say their value right after it."""
    stars = StarRating(3.5, read_only=True)
    qtbot.addWidget(stars)
    assert stars.toolTip() == "3.5 / 5" and stars.accessibleDescription() == ""
    stars.show()
    qtbot.waitExposed(stars)
    qtbot.waitUntil(lambda: stars.accessibleDescription() == "3.5 / 5")
    stars.set_value(2)
    assert stars.accessibleDescription() == "2 / 5" == stars.toolTip()
