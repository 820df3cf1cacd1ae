"""desktop_app.i18n.fill: Qt's %1…%9 filled in one pass."""
from __future__ import annotations

from hypothesis import given, strategies as st

from desktop_app.i18n import fill


def test_fills_in_the_order_the_translation_asks():
    assert fill("Could not write %1: %2", "a.csv", "disk full") == "Could not write a.csv: disk full"
    assert fill("%2，%1", "first", "second") == "second，first"
    assert fill("%1 and %1", "x") == "x and x"


def test_text_put_in_is_never_filled_again():
    # chained .replace("%1", a).replace("%2", b) would turn this file name into "50pid 7 onx"
    assert fill("Saved %1 (%2)", "50%2x.vwm.json", "pid 7 on host") == "Saved 50%2x.vwm.json (pid 7 on host)"
    assert fill("%1", "%1%1") == "%1%1"


def test_placeholders_without_an_argument_stay():
    assert fill("%1 of %3 at 100%", "one") == "one of %3 at 100%"
    assert fill("%0", "x") == "%0"


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="|")), min_size=1, max_size=9))
def test_every_argument_arrives_verbatim(args):
    template = "|".join(f"%{k}" for k in range(len(args), 0, -1))
    assert fill(template, *args).split("|") == args[::-1]
