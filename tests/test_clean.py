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


# --- steps of issue 14 -------------------------------------------------------------------------------
from _cleaning_fixtures import glued_repeats, placeholder_page  # noqa: E402

from discourse.text.clean import CLEANING_STEPS, check_steps, opens_with_speaker_label, text_lines  # noqa: E402


def test_sections_repeated_glued_without_spaces_are_collapsed():
    text, boilerplate = glued_repeats()
    cleaned = clean_text(text)
    assert [r["line_no"] for r in cleaned.removed] == sorted(boilerplate)
    row = cleaned.removed[0]
    assert (row["reason"], row["first_line_no"], row["detail"]) == ("repeated passage", 2, "first at line 2")
    assert row["text"] == text.splitlines()[3]
    assert [p.text for p in cleaned.paragraphs][-1] == "Questions may be sent to the transport department."
    assert cleaned.n_glued == 7  # the glued line's eight sentences, split where the space is missing


def test_glued_sentences_are_split_in_the_paragraph_without_changing_a_character():
    cleaned = clean_text("We must carry on.Our departed leader never looked backward. Mr.Li agreed.")
    assert cleaned.paragraphs[0].text == "We must carry on.\nOur departed leader never looked backward. Mr.Li agreed."
    assert clean_text("We must carry on.Our leader.", steps={"glued": False}).paragraphs[0].text == \
        "We must carry on.Our leader."


def test_placeholder_repeated_200_times_is_removed_but_speaker_turns_stay():
    text, boilerplate = placeholder_page()
    cleaned = clean_text(text)
    gone = {r["line_no"] for r in cleaned.removed}
    assert gone == boilerplate
    assert {r["detail"] for r in cleaned.removed} == {"line repeated 200 times"}
    kept = [p.text for p in cleaned.paragraphs]
    assert kept.count("Mr Speaker: Order.") == 5 and kept[0].startswith("The Minister for Finance")


def test_a_bracketed_note_repeated_five_times_is_a_placeholder():
    text = "\n".join(f"Point {i} of the plan is ready. (Applause.)" for i in range(5)) + "\n(Applause.) Thanks."
    cleaned = clean_text(text)
    assert [p.text for p in cleaned.paragraphs] == [f"Point {i} of the plan is ready." for i in range(5)] + ["Thanks."]
    assert {r["detail"] for r in cleaned.removed} == {"note repeated 6 times"}
    assert "(Applause.)" in clean_text("\n".join(["(Applause.) Yes."] * 4)).paragraphs[0].text


@pytest.mark.parametrize("line, expected", [
    ("Mr Speaker: Order.", True),
    ("The Minister for Finance (Dr Tan Ah Kow): Mr Speaker, Sir, I beg to move.", True),
    ("MR. SMITH: I yield.", True),
    ("主持人：请提问。", True),
    ("Website Operation and Maintenance: China Telecom", False),
    ("Contact us: 028-1234", False),
    ("Mr. Speaker, Mr. President, Members of the Congress:", False),
])
def test_speaker_labels(line, expected):
    assert opens_with_speaker_label(line) is expected


def test_soft_line_breaks_joined_in_a_blank_line_document():
    text = "同志们！\n\n摧毁了以叛徒、内奸、工贼\n刘少奇\n为首的资产阶级司令部。\n\n一、国内形势\n\n我们取得了伟大胜利。"
    cleaned = clean_text(text)
    assert [p.text for p in cleaned.paragraphs] == [
        "同志们！", "摧毁了以叛徒、内奸、工贼刘少奇为首的资产阶级司令部。", "一、国内形势", "我们取得了伟大胜利。"]
    assert cleaned.n_joined == 2
    assert len(clean_text(text, steps={"joins": False}).paragraphs) == 6
    # one paragraph per line (no blank lines): never joined
    assert len(text_lines("标题\n正文第一段\n正文第二段")) == 3


def test_mediawiki_footnotes_are_removed():
    cleaned = clean_text("报告正文。\n\n↑\n \n原文無貨幣單位。\n\n↑\n音譯。")
    assert [p.text for p in cleaned.paragraphs] == ["报告正文。"]
    assert [r["reason"] for r in cleaned.removed if r["reason"] != "blank line"] == ["footnote"] * 4


def test_scripts_of_chinese_paragraphs_and_language_by_letters():
    cleaned = clean_text("我們必須恢復社會主義經濟。\n我们必须恢复经济。\n51010402000507\nWe must act now in the region.")
    assert [(p.lang, p.script) for p in cleaned.paragraphs] == [
        ("zh", "traditional"), ("zh", "simplified"), ("zh", ""), ("en", "")]  # digits: the document's language


def test_hand_menu_list_is_only_a_fallback():
    text = "Government\nOpen Governance\nThe body of the article begins here."
    assert [r["reason"] for r in clean_text(text).removed] == ["navigation menu"] * 2
    learned = clean_text(text, boilerplate=("open governance",))
    assert [r["reason"] for r in learned.removed] == ["template"]  # learned: the hand list is not used
    assert learned.paragraphs[0].text == "Government"


def test_check_steps():
    assert check_steps(None) == check_steps(True) == tuple(CLEANING_STEPS)
    assert check_steps(False) == check_steps("none") == ()
    assert check_steps("repeats,rules") == ("rules", "repeats")
    assert check_steps({"templates": False}) == tuple(s for s in CLEANING_STEPS if s != "templates")
    with pytest.raises(ParameterError, match=r"unknown step 'boilerplate'; steps: rules, metadata"):
        check_steps(["boilerplate"])
    with pytest.raises(ParameterError, match="clean must be"):
        check_steps(3)
    with pytest.raises(ParameterError, match="'rules': 'no' is not a step and True/False"):
        check_steps({"rules": "no"})


def test_nothing_but_blank_lines_removed_without_cleaning(sichuan_dir):
    cleaned = clean_text(_read(sichuan_dir, "002"), steps=False)
    assert {r["reason"] for r in cleaned.removed} == {"blank line"}
