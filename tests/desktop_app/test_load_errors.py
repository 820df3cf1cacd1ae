"""A file that cannot be opened is said in the UI's language: the file named
once, what is wrong, where (line/column, or the segment and key), values as
the tables show them. Each case is a real file the loader refuses."""
from __future__ import annotations

import json
import os
import re
import shutil
import zipfile

import pytest

import models
from desktop_app import i18n, load_errors

CJK = re.compile(r"[\u3400-\u9fff]")
ENGINE_WORDS = re.compile(r"\b(must be|got|is required|not valid JSON|looks like|file not found)\b")


def refusal(path):
    with pytest.raises(models.ModelFileError) as info:
        models.load_model(path)
    return info.value


def described(qapp, path, lang: str) -> str:
    """What the app says of the refused file ``path`` in ``lang``."""
    i18n.install(qapp, lang)
    try:
        return load_errors.describe(refusal(path), str(path))
    finally:
        i18n.install(qapp, "en")


def sample_doc(sample_path):
    return json.loads(sample_path.read_text(encoding="utf-8"))


def write(path, doc):
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def file_cases(tmp_path, sample_path):
    """(name, path) of files the loader refuses as a whole."""
    cases = {}
    p = tmp_path / "broken.vwm.json"
    p.write_text('{"format": "valuation-workbench-model",\n "version": ', encoding="utf-8")
    cases["not_json"] = p
    p = tmp_path / "empty.vwm.json"
    p.write_bytes(b"")
    cases["empty"] = p
    p = tmp_path / "gbk.vwm.json"
    p.write_bytes('{"名": 1}'.encode("gbk"))
    cases["not_utf8"] = p
    p = tmp_path / "book.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    cases["xlsx"] = p
    p = tmp_path / "table.csv"
    p.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    cases["csv"] = p
    cases["missing"] = tmp_path / "nowhere.vwm.json"
    folder = tmp_path / "folder.vwm.json"
    folder.mkdir()
    cases["folder"] = folder
    p = tmp_path / "dup.vwm.json"
    p.write_text('{"format": 1, "format": 2}', encoding="utf-8")
    cases["duplicate_key"] = p
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.vwm.json"
        os.mkfifo(fifo)
        cases["fifo"] = fifo
    return cases


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_whole_file_problems_name_the_file_once_in_the_ui_language(qapp, tmp_path, sample_path, lang):
    i18n.install(qapp, lang)
    try:
        for name, path in file_cases(tmp_path, sample_path).items():
            exc = refusal(path)
            assert exc.code, f"{name}: the loader gave no code"
            text = load_errors.describe(exc, str(path))
            assert text.count(str(path)) == 1, f"{name}: {text}"
            if lang == "zh_CN":
                rest = text.replace(str(path), "")
                assert CJK.search(rest), f"{name}: not Chinese: {text}"
                assert not ENGINE_WORDS.search(rest), f"{name}: engine English left: {text}"
            else:
                assert not CJK.search(text), f"{name}: {text}"
    finally:
        i18n.install(qapp, "en")


def test_where_it_went_wrong_is_said(qapp, tmp_path, sample_path):
    i18n.install(qapp, "en")
    cases = file_cases(tmp_path, sample_path)
    assert "line 2, column 13" in load_errors.describe(refusal(cases["not_json"]), str(cases["not_json"]))
    assert "Excel workbook" in load_errors.describe(refusal(cases["xlsx"]), str(cases["xlsx"]))
    assert "“format”" in load_errors.describe(refusal(cases["duplicate_key"]), str(cases["duplicate_key"]))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_rule_broken_inside_names_the_segment_and_shows_the_value_as_a_cell(qapp, tmp_path, sample_path, lang):
    doc = sample_doc(sample_path)
    doc["segments"][1]["discount_rate"] = -2.5
    path = write(tmp_path / "bad rate.vwm.json", doc)
    text = described(qapp, path, lang)
    assert text.count(str(path)) == 1
    line = text.splitlines()[1]
    # the segment by its name first, as the UI's language reads it (its English name in English)
    name = doc["segments"][1]["name_en"] if lang == "en" else doc["segments"][1]["name"]
    assert line.startswith(f"• {name} · ")
    assert line.endswith("(segments[1].discount_rate)")           # the key path last, for the file's text
    assert "-250.0%" in text                            # as the cell shows it, not -2.5
    if lang == "zh_CN":
        assert not ENGINE_WORDS.search(text.replace(str(path), "")), text
        assert "贴现率" in line
    else:
        assert "Discount rate must be greater than the terminal growth" in line


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("where", ["years", "base_year"])
def test_a_year_out_of_range_is_said_as_a_year(qapp, tmp_path, sample_path, lang, where):
    """It read "the model's years is too large to be plausible (at most ±0.00)"."""
    doc = sample_doc(sample_path)
    if where == "years":
        doc["years"][0] = 20220
    else:
        doc["valuation"]["base_year"] = 999
    path = write(tmp_path / "bad year.vwm.json", doc)
    text = described(qapp, path, lang)
    found = "20220" if where == "years" else "999"
    assert "±" not in text and "0.00" not in text and "20,220" not in text
    if lang == "zh_CN":
        assert f"须为 1000 至 9999 之间的年份，实为 {found}" in text, text
        assert not ENGINE_WORDS.search(text.replace(str(path), "")), text
    else:
        assert f"must be a year from 1000 to 9999; found {found}" in text, text


def test_newer_version_says_so_and_that_the_file_was_not_changed(qapp, tmp_path, sample_path):
    doc = sample_doc(sample_path)
    doc["version"] = 99
    path = write(tmp_path / "future.vwm.json", doc)
    i18n.install(qapp, "en")
    text = load_errors.describe(refusal(path), str(path))
    assert "newer version" in text and "not changed" in text and text.count(str(path)) == 1


def test_many_problems_are_listed_up_to_five_and_counted(qapp, tmp_path, sample_path):
    doc = sample_doc(sample_path)
    for seg in doc["segments"]:
        seg["discount_rate"] = -3.0
        seg["roe"] = -1.0
    path = write(tmp_path / "many.vwm.json", doc)
    i18n.install(qapp, "en")
    exc = refusal(path)
    text = load_errors.describe(exc, str(path))
    assert len(exc.issues) > 5
    assert text.count("\n• ") == 5 and f"… and {len(exc.issues) - 5} more" in text


def test_open_in_the_window_session_uses_it(tmp_path, sample_path, qapp):
    """File ▸ Open and the start-up path show the same text (file once)."""
    from desktop_app.file_session import FileSession
    from desktop_app.document import Document

    class Dialogs:
        calls = []

        def critical(self, title, text):
            self.calls.append(text)

    i18n.install(qapp, "en")
    document = Document(models.load_model(sample_path), None)
    session = FileSession(document, _Settings(), Dialogs())
    bad = tmp_path / "x.vwm.json"
    bad.write_text("[1, 2", encoding="utf-8")
    assert not session.open_file(str(bad))
    (text,) = Dialogs.calls
    assert text == load_errors.describe(refusal(bad), str(bad)) and text.count(str(bad)) == 1


class _Settings:
    def get(self, key):
        return {"recent_files": []}.get(key)
