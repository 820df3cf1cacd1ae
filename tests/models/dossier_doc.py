"""The hand model of hand_model.py with every dossier key of model-file.md
("Dossier, scenarios and uncertainty", all but scenarios and uncertainty) filled in."""
from __future__ import annotations

import copy

from hand_model import hand_doc


def dossier_doc() -> dict:
    doc = hand_doc()
    doc["years"] = [2023, 2024, 2025, 2026]
    seg = doc["segments"][0]
    seg["actuals"] = {"2023": {"revenue": 80.0, "net_profit": 8.0, "gross_profit": 30.0},
                      "2024": {"revenue": 100.0, "net_profit": 10.0, "gross_profit": 40.0}}
    seg["forecast"]["2025"]["gross_margin"] = 0.45
    seg["description"] = "主业：面向医院的设备。\n\n市场：国内。"
    seg["ratings"] = {"growth": 3.5, "profit_trend": 4.0, "structure": 4.0, "moat": 4.5}
    seg["rating_notes"] = {"growth": "需求稳定", "profit_trend": "价格竞争", "structure": "格局集中", "moat": "品牌与专利"}
    seg["moat"] = {"moat_width": 4.0, "moat_durability": 4.5, "width_note": "ROE 高于资本成本", "durability_note": "品牌"}
    second = copy.deepcopy(seg)
    second["name"] = "副业"
    second["actuals"] = {"2023": {"revenue": 20.0, "net_profit": 1.0},
                         "2024": {"revenue": 25.0, "net_profit": 2.0, "gross_profit": 10.0}}
    second["forecast"] = {"2025": {"growth": 0.2, "margin": 0.08, "gross_margin": 0.5},
                          "2026": {"growth": 0.1, "margin": 0.08}}
    doc["segments"].append(second)
    doc["company"].update({
        "profile": {"summary": "结论一段。\n\n第二段。", "differentiated_view": "观点", "risks": "风险",
                    "business": "业务", "business_model": "模式", "assumptions": "假设",
                    "valuation_certainty": "确定性", "x_extra_section": "kept"},
        "ratings": {"growth": 3.5, "profit_trend": 3.5, "structure": 4.0, "moat": 4.0},
        "business_model": {"rd_level": 4, "rd_intensity": 5, "talent_level": 3},
        "history_ratings": {"profitability": 3.0, "growth": 3.0, "control": 2.5, "shareholder_return": 0.0},
    })
    doc["history"] = {
        "revenue": {"2022": 70.0, "2023": 100.0, "2024": 125.0},
        "operating_profit": {"2023": 15.0, "2024": 12.0},
        "net_profit_attributable": {"2023": 9.0, "2024": 12.0},
        "equity": {"2023": 60.0, "2024": 80.0},
        "operating_cash_flow": {"2024": -5.0},
        "dividends": {"2024": 3.0},
        "rd_expense": {"2024": 25.0},
        "roe": {"2023": 0.2},
        "revenue_growth": {"2023": 0.4},
        "x_staff": {"2024": "3271 人"},
    }
    doc["multiples_context"] = {
        "as_of": "2025-09-09",
        "industry": {"ps": [5.0, 10.0], "pe": [20.0, 40.0]},
        "peers": [{"name": "甲公司", "ticker": "600001.SH", "ps": 6.5, "period": "2025H1"},
                  {"name": "乙公司", "ps": 8.2, "pe": 30.0}],
        "own_history": [{"period": "2022–2024 均值", "ps": 7.2}],
        "source": "示例",
    }
    doc["disclaimer"] = "仅供测试。"
    return doc
