"""Sections: headings split a document, each section is review / plan / other (MEASURES.md, "Sections")."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from _metrics import record_metric

from discourse.errors import ParameterError
from discourse.text.sections import find_sections, heading_level, heading_sentence_end, section_kind_of

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"  # ../shared/corpora of the project
GOLD = Path(__file__).resolve().parent / "data" / "gold" / "directives"


@pytest.mark.parametrize("text,lang,level", [
    ("一、过去五年的工作", "zh", 1),
    ("第一、有计划有步骤地进行整党", "zh", 1),
    ("十一、继续促进人类和平与发展", "zh", 1),
    ("（一）调整和完善所有制结构。公有制为主体……", "zh", 2),
    ("(二)加强法制建设", "zh", 2),
    ("（二）加強法制建設", "zh", 2),              # traditional script
    ("第一部分 总论", "zh", 0),
    ("3．成立工人学校", "zh", 3),
    ("３．成立工人学校", "zh", 3),               # full-width digit
    ("关于九大路线", "zh", 1),                   # unnumbered, 关于
    ("形势和任务", "zh", 1),                     # unnumbered, names a kind
    ("我们必须坚持稳中求进工作总基调。", "zh", None),
    ("一是持续优化营商环境。", "zh", None),       # an enumerator, not a heading
    ("第一，我国是社会主义国家。", "zh", None),
    ("LABOR AND MANAGEMENT", "en", 1),
    ("4. POLICIES IN SPECIFIC FIELDS", "en", 2),
    ("IV.", "en", 2),
    ("We must act now.", "en", None),
    ("THE WAR IS OVER.", "en", None),            # a sentence in capitals ends with a full stop
])
def test_heading_level(text, lang, level):
    assert heading_level(text, lang) == level


def test_first_paragraph_title_is_not_an_unnumbered_heading():
    assert heading_level("关于九大路线", "zh", first=True) is None
    assert heading_level("STATE OF THE UNION", "en", first=True) is None
    assert heading_level("一、去年", "zh", first=True) == 1


def test_heading_sentence_end():
    text = "（一）调整和完善所有制结构。公有制为主体。"
    assert text[:heading_sentence_end(text)] == "（一）调整和完善所有制结构。"
    assert heading_sentence_end("二、现状") == 4


@pytest.mark.parametrize("heading,opening,year,kind", [
    ("一、过去五年的工作", "", 2007, "review"),
    ("二、今后五年的主要任务", "", 2007, "plan"),
    ("一、2023年工作回顾", "", 2024, "review"),
    ("二、2024年政府工作任务", "", 2024, "plan"),
    ("一、二〇二三年的工作", "", 2024, "review"),        # a year before the document's year
    ("一、二〇二四年的工作", "", 2024, "plan"),          # the document's own year
    ("二、促进社会主义经济的全面高涨", "", 1982, "plan"),  # a programme heading opens with a verb
    ("一、過去一年的工作回顧", "", 2020, "review"),      # traditional script
    # both cues or neither: the opening decides
    ("一、世纪之交的回顾和展望", "我们取得了巨大成就，过去五年经济发展了。", 1997, "review"),
    ("三、关于经济发展战略", "今后必须坚持，要加快发展，任务艰巨。", 1987, "plan"),
    ("七、有中国特色社会主义的文化建设", "", 1997, "other"),
    ("REVIEW OF THE PAST YEAR", "", 1950, "review"),
    ("A NATIONAL AGENDA", "", 1965, "plan"),
    ("LABOR AND MANAGEMENT", "", 1947, "other"),
])
def test_section_kind_of(heading, opening, year, kind):
    lang = "en" if heading.isascii() else "zh"
    assert section_kind_of(heading, opening, lang=lang, year=year) == kind


def test_find_sections_ids_kinds_and_subsections():
    paragraphs = [
        "同志们：",                                  # before the first heading: section 0
        "一、过去五年的工作",
        "五年来，我们取得了巨大成就。",
        "（一）经济建设",                            # subsection: takes its parent's kind
        "全面推进乡村振兴。",
        "二、国际形势和对外政策",                    # neither cue; opening: plan
        "我们要坚持独立自主，必须维护和平。",
        "（一）推进高水平对外开放",                  # parent plan -> plan
        "三、关于文化",                              # neither cue, neutral opening: other
        "文化是民族的血脉。",
        "（一）加强思想道德建设",                    # parent other + a task heading -> plan
        "（二）文化遗产",                            # parent other, no task -> other
    ]
    out = find_sections(paragraphs, langs="zh", year=2022)
    assert [s.section for s in out] == [0, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 7]
    assert [s.section_kind for s in out] == ["other", "review", "review", "review", "review", "plan", "plan",
                                             "plan", "other", "other", "plan", "other"]
    assert [s.heading for s in out] == [False, True, False, True, False, True, False, True, True, False,
                                        True, True]


def test_find_sections_quoted_list_is_no_heading():
    paragraphs = ["一、形势", "毛主席说：“", "一、两年之内逐步活跃起来", "”我们要照办。"]
    out = find_sections(paragraphs, langs="zh")
    assert [s.heading for s in out] == [True, False, False, False]


def test_find_sections_english_numbered_items_under_a_heading():
    paragraphs = ["The state of the union is strong.", "RECOMMENDATIONS FOR SPECIFIC FEDERAL ACTIVITIES",
                  "I.WAR LIQUIDATION", "We must act.", "2.AFTERMATH OF WAR", "We should plan.",
                  "DOMESTIC AFFAIRS", "Prices rose."]
    out = find_sections(paragraphs, langs="en")
    assert [s.section_kind for s in out] == ["other", "plan", "plan", "plan", "plan", "plan", "other", "other"]


def test_find_sections_validates():
    with pytest.raises(ParameterError, match="langs"):
        find_sections(["一、回顾", "正文"], langs=["zh"])
    with pytest.raises(ParameterError, match="year"):
        find_sections(["一、回顾"], year="2020")
    with pytest.raises(ParameterError, match="lang"):
        section_kind_of("一、回顾", lang="fr")
    assert find_sections([]) == []


@pytest.mark.skipif(not (CORPORA / "cpc_congress").is_dir(), reason="public corpora not present")
def test_sections_on_cpc_congress_against_the_gold():
    """Section kinds found on the cpc_congress reports (one paragraph per non-empty line, as cleaning gives
    them) against the annotator's hand-judged kind of each gold sentence, by part."""
    with open(GOLD / "directives_zh.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader([line for line in f if not line.startswith("#")], delimiter="\t",
                                   quoting=csv.QUOTE_NONE))
    cache: dict[str, dict[int, str]] = {}
    hits = {"dev": [0, 0], "test": [0, 0]}
    review = {"dev": [0, 0], "test": [0, 0]}
    for row in rows:
        if row["source"] not in cache:
            lines = (CORPORA / row["source"]).read_text(encoding="utf-8").split("\n")
            keep = [i for i, line in enumerate(lines) if line.strip()]
            found = find_sections([lines[i] for i in keep], langs="zh", year=int(row["year"]))
            cache[row["source"]] = {i: s.section_kind for i, s in zip(keep, found)}
        line_no = int(re.search(r"-L(\d+)-", row["id"]).group(1))
        kind = cache[row["source"]][line_no - 1]
        hits[row["part"]][0] += kind == row["section_kind"]
        hits[row["part"]][1] += 1
        review[row["part"]][0] += (kind == "review") == (row["section_kind"] == "review")
        review[row["part"]][1] += 1
    for part in ("dev", "test"):
        record_metric(f"sections (zh, cpc_congress gold sentences, {part})",
                      accuracy=hits[part][0] / hits[part][1], review_vs_not=review[part][0] / review[part][1],
                      n_sentences=hits[part][1])
    assert hits["dev"][0] / hits["dev"][1] >= 0.85
