"""Tests for discourse.clean: boilerplate, metadata lines, normalisation, repeats, language runs."""
from __future__ import annotations

import sys

import pytest

from discourse.errors import ParameterError
from discourse.text.clean import (
    _SPACES,
    Paragraph,
    clean_text,
    language_runs,
    match_dateline,
    normalize_space,
    text_language,
)

BOILERPLATE = ["Hosted by", "ICP", "Navigator", ".jpg)", "Website Operation", "Security Record"]


def _brief(row: dict) -> dict:
    """A removed row's line, text and reason."""
    return {k: row[k] for k in ("line_no", "text", "reason")}


def _read(sichuan_dir, prefix: str) -> str:
    return next(sichuan_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_boilerplate_left_in_seed_corpus(sichuan_dir, prefix):
    cleaned = clean_text(_read(sichuan_dir, prefix))
    assert cleaned.paragraphs
    for para in cleaned.paragraphs:
        for marker in BOILERPLATE:
            assert marker not in para.text, (prefix, para.text[:60])
        assert para.text.strip("?？ ") != ""
        assert para.text == para.text.strip() and "  " not in para.text and "\u00a0" not in para.text
    assert [p.para_id for p in cleaned.paragraphs] == list(range(len(cleaned.paragraphs)))


def test_002_menu_stray_marks_dateline_and_footer_are_recorded(sichuan_dir):
    cleaned = clean_text(_read(sichuan_dir, "002"))
    by_line = {r["line_no"]: r for r in cleaned.removed}
    assert _brief(by_line[1]) == {"line_no": 1, "text": "???", "reason": "stray question marks"}
    assert by_line[2]["reason"] == "stray question marks"
    assert [by_line[n]["text"] for n in range(3, 9)] == [
        "Government", "Open Governance", "Services", "Investment", "Tourism", "Navigator"]
    assert {by_line[n]["reason"] for n in range(3, 9)} == {"navigation menu"}
    assert by_line[10]["reason"] == "blank line"  # a lone no-break space
    assert _brief(by_line[12]) == {"line_no": 12, "text": "Updated:2024.12.25", "reason": "dateline"}
    assert [by_line[n]["reason"] for n in range(24, 28)] == ["footer"] * 4
    assert cleaned.dateline == "2024-12-25"
    assert cleaned.source_line is None
    assert cleaned.headline == ("Shi Xiaolin Chairs the (Enlarged) Meeting of the Party Leading Group of "
                                "the People's Government of Sichuan Province")
    assert len(cleaned.paragraphs) == 5
    assert cleaned.paragraphs[1].text.startswith("On December 17, the People's Government")


def test_000_footer_lines_removed(sichuan_dir):
    cleaned = clean_text(_read(sichuan_dir, "000"))
    assert [(r["line_no"], r["reason"]) for r in cleaned.removed] == [
        (9, "footer"), (10, "footer"), (11, "footer"), (12, "footer")]
    assert len(cleaned.paragraphs) == 8
    assert cleaned.headline is None  # the first line is a picture caption ending in a full stop
    assert cleaned.dateline is None


def test_001_image_remnant(sichuan_dir):
    cleaned = clean_text(_read(sichuan_dir, "001"))
    assert {"line_no": 4, "text": ".jpg)", "reason": "image remnant"} in map(_brief, cleaned.removed)
    assert len(cleaned.paragraphs) == 10


def test_003_bilingual_split_dateline_and_sources(sichuan_dir):
    cleaned = clean_text(_read(sichuan_dir, "003"))
    first, second = cleaned.paragraphs[0], cleaned.paragraphs[1]
    assert first == Paragraph(0, "商务厅传达学习习近平总书记来川视察重要指示精神 加快构筑向西开放战略高地和参与国际竞争新基地", "zh",
                              "simplified")
    assert second.script == ""
    assert second.lang == "en"
    assert second.text.startswith("Sichuan Provincial Department of Commerce Conveys")
    assert "Xi Jinping's Important" in second.text  # curly apostrophe made straight in English
    langs = [p.lang for p in cleaned.paragraphs]
    assert langs == ["zh", "en"] * 6
    assert "“千户重点外贸企业培育计划”" in cleaned.paragraphs[10].text  # Chinese keeps its quotes
    assert '"1,000 Key Foreign Trade Enterprise Cultivation Program"' in cleaned.paragraphs[11].text
    reasons = {r["text"]: r["reason"] for r in cleaned.removed}
    assert reasons["川观新闻2023-08-01"] == "dateline"
    assert reasons["来源:川观新闻"] == "source line"
    assert reasons["Source: Sichuan Observer News"] == "source line"
    assert cleaned.dateline == "2023-08-01"
    assert cleaned.source_line == "川观新闻"


def test_004_indentation_stripped(sichuan_dir):
    cleaned = clean_text(_read(sichuan_dir, "004"))
    assert cleaned.paragraphs[2].text.startswith("The meeting emphasized that")
    assert cleaned.headline.startswith("Yin Li Presides over 52nd Executive Meeting")
    assert all(p.lang == "en" for p in cleaned.paragraphs)


def test_repeated_passage_kept_once_but_short_refrains_stay():
    long = "The meeting stressed the need to stabilise foreign trade and investment."
    text = f"{long}\nWe will act.\n  {long.replace(' ', '  ')}\nThird.\nWe will act.\nWe will act."
    cleaned = clean_text(text)
    assert [p.text for p in cleaned.paragraphs] == [long, "We will act.", "Third.", "We will act.",
                                                    "We will act."]
    assert cleaned.removed == [{"line_no": 3, "text": long, "reason": "repeated passage",
                                "first_line_no": 1, "detail": "first at line 1"}]


def test_a_run_of_sentences_repeating_an_earlier_passage_is_collapsed():
    # the run "long + We will act." repeats lines 1-2: both go, though "We will act." alone would stay
    long = "The meeting stressed the need to stabilise foreign trade and investment."
    cleaned = clean_text(f"{long}\nWe will act.\n{long}\nWe will act.\nThird.")
    assert [p.text for p in cleaned.paragraphs] == [long, "We will act.", "Third."]
    assert [(r["line_no"], r["first_line_no"]) for r in cleaned.removed] == [(3, 1), (4, 2)]


def test_list_item_c_is_not_a_copyright_footer():
    cleaned = clean_text("(c)For refunds.\nCopyright 2024 Sichuan Daily\n(c) 2023 Example Ltd")
    assert [p.text for p in cleaned.paragraphs] == ["(c)For refunds."]
    assert [r["reason"] for r in cleaned.removed] == ["footer", "footer"]


def test_whitespace_and_quotes_normalised():
    text = "\u3000\u00a0He said \u201cyes\u201d\u2009\u2009and\u200b left\u2019s\t side.\ufeff"
    cleaned = clean_text(text)
    assert cleaned.paragraphs == [Paragraph(0, 'He said "yes" and left\'s side.', "en")]


def test_single_menu_word_is_not_a_menu():
    cleaned = clean_text("Services\nThe meeting stressed services for enterprises.")
    assert [p.text for p in cleaned.paragraphs][0] == "Services"


def test_generic_menu_block_and_source_line():
    text = "Home Page\nAbout China\nNews Center\nPress Room\nThe body of the article begins here.\n" \
           "Source: Xinhua"
    cleaned = clean_text(text)
    assert [r["reason"] for r in cleaned.removed] == ["navigation menu"] * 4 + ["source line"]
    assert cleaned.source_line == "Xinhua"
    assert [p.text for p in cleaned.paragraphs] == ["The body of the article begins here."]


@pytest.mark.parametrize("line, expected", [
    ("Updated:2024.12.25", ("2024-12-25", "Updated")),
    ("川观新闻2023-08-01", ("2023-08-01", "川观新闻")),
    ("April 16, 1945", ("1945-04-16", "")),
    ("16 Sept. 2021 10:30", ("2021-09-16", "")),
    ("发布时间:2023年8月1日", ("2023-08-01", "发布时间")),
    ("Updated:2024.02.30", None),  # no such day
    ("On July 31, 2023 the department met.", None),
])
def test_match_dateline(line, expected):
    assert match_dateline(line) == expected


def test_language_runs_keep_short_embedded_runs():
    assert language_runs("中国GDP增长百分之五,经济稳定。") == [("中国GDP增长百分之五,经济稳定。", "zh")]
    assert language_runs("He met 川观新闻 editors in Chengdu today.") == [
        ("He met 川观新闻 editors in Chengdu today.", "en")]
    assert language_runs("“四川省商务厅召开会议” The department of commerce held a meeting") == [
        ("“四川省商务厅召开会议”", "zh"), ("The department of commerce held a meeting", "en")]


def test_text_language():
    assert text_language("四川省商务厅 GDP") == "zh"
    assert text_language("Sichuan (四川) province is large") == "en"
    assert text_language("2024") == "en"


def test_clean_text_rejects_non_text():
    with pytest.raises(ParameterError, match="text must be a str"):
        clean_text(b"bytes")  # type: ignore[arg-type]


def test_space_class_is_every_str_space():
    # normalize_space splits with str.split, which must break at exactly the characters of _SPACES
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if bool(_SPACES.fullmatch(c)) != c.isspace()] == []
    text = " a\u00a0\u00a0b\u3000c\u200bd\t\x0be\u2028 f\x1c "
    assert normalize_space(text) == _SPACES.sub(" ", text.replace("\u200b", "")).strip() == "a b cd e f"


@pytest.mark.parametrize("line, expected", [
    ("Updated: 2024-12-25 ", ("2024-12-25", "Updated")),
    ("Updated: 2024-12-25\n", ("2024-12-25", "Updated")),
    ("川观新闻2023年8月1日", ("2023-08-01", "川观新闻")),
    ("Dec 25, 2024 10:30", ("2024-12-25", "")),
    ("Dec 25, 2024 was a day", None),
    ("", None),
])
def test_match_dateline_ends(line, expected):
    assert match_dateline(line) == expected
