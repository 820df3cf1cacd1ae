"""company_facts: the header facts, one rule for the GUI header and the CSV
(quoted multiple first, else the engine's; NM when the denominator is ≤ 0)."""
from __future__ import annotations

import pytest

from models import Model, valuate
from models.facts import Multiple, company_facts

from hand_model import hand_doc


def facts_of(doc):
    model = Model.from_dict(doc)
    return company_facts(model, valuate(model))


def test_computed_multiples_by_hand():
    f = facts_of(hand_doc())
    assert f.name == "手算公司" and f.unit == "亿元" and f.ticker is None and f.industry is None
    assert f.price == 10.0 and f.market_cap == 100.0              # 10 × 10 shares
    assert f.pe == Multiple(pytest.approx(10.0), False, False)    # 100 / net profit 10 (2024A)
    assert f.ps == Multiple(pytest.approx(1.0), False, False)     # 100 / revenue 100
    assert f.pb == Multiple(None, False, False)                   # no equity, nothing quoted
    assert [m.method for m in f.methods] == ["ddm", "dynamic"]


def test_quoted_multiples_win():
    doc = hand_doc()
    doc["market"].update(pe_ttm=25.0, pb_mrq=3.5)
    doc["company"].update(ticker="000001.SZ", industry="医疗器械")
    f = facts_of(doc)
    assert f.pe == Multiple(25.0, False, True) and f.pb == Multiple(3.5, False, True)
    assert (f.ticker, f.industry) == ("000001.SZ", "医疗器械")


def test_loss_makes_pe_not_meaningful():
    doc = hand_doc()
    doc["segments"][0]["actuals"]["2024"]["net_profit"] = -5.0
    f = facts_of(doc)
    assert f.pe.not_meaningful and f.pe.value is None and not f.pe.quoted


def test_methods_are_the_valuation():
    model = Model.from_dict(hand_doc())
    result = valuate(model)
    ddm, dynamic = company_facts(model, result).methods
    assert (ddm.total, ddm.upside, ddm.status) == (result.ddm.total, result.ddm.upside, result.ddm.status)
    assert dynamic.total == result.dynamic.total
    assert company_facts(model).methods == ()          # without a result: the quoted facts only
