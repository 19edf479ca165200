"""Tests for discourse.voices.chinese: Chinese reported speech, persons, citations and quotations."""
from __future__ import annotations

import pytest

from discourse.voices.attribute import MEETING, NARRATOR, attribute_document
from discourse.voices.chinese import full_name, quote_owner_before, zh_cue

DOCUMENT = "毛泽东思想是我们的指导思想。毛泽东同志说过，要实事求是。"


@pytest.mark.parametrize("sentence, kind, name, role, quote", [
    ("列宁指出：“", "person", "列宁", "", True),
    ("列宁在痛斥老修正主义者的时候，多次指出：“", "person", "列宁", "", True),  # a clause before the verb
    ("一八五二年，马克思曾经这样说过：“", "person", "马克思", "", True),
    ("在一次会议上，毛主席提出了要警惕的问题。", "person", "毛泽东", "主席", False),  # 毛主席: full name found
    ("习近平总书记强调，要坚持改革。", "person", "习近平", "总书记", False),
    ("国务院总理李强指出，要扩大内需。", "person", "李强", "总理", False),       # the title before the name
    ("邓小平同志指出，发展是硬道理。", "person", "邓小平", "", False),          # 同志 is no role
    ("特别是邓小平同志今年初重要谈话进一步指出，计划经济不等于社会主义；", "person", "邓小平", "", False),
    ("會議強調，要穩外貿。", "meeting", "meeting", "", False),                   # traditional script
    ("他还指出，要扩大开放。", "pronoun", "", "", False),
])
def test_cues(sentence, kind, name, role, quote):
    cue = zh_cue(sentence, DOCUMENT)
    assert (cue.kind, cue.name, cue.role, cue.quote) == (kind, name, role, quote)


@pytest.mark.parametrize("sentence", [
    "在新的形势下，邓小平理论要求我们解放思想。",   # a doctrine jieba tags as a name
    "建立体现生态文明要求的目标体系。",             # 文明 is no person, and not at a clause start
    "把先进性要求和广泛性要求结合起来。",
    "坚持从严治党，要求全党同志提高警惕。",
    "毛主席提出的这条路线，是我们党的生命线。",     # a noun phrase (提出的), no report
    "正如《十六条》中指出的那样：“",                 # a document, not a person
    "文件指出，要加强管理。",
])
def test_what_is_no_cue(sentence):
    assert zh_cue(sentence, DOCUMENT) is None


def test_quote_owner_and_full_name():
    assert quote_owner_before("刘少奇反对毛主席提出的", DOCUMENT) == "毛泽东"
    assert quote_owner_before("抛出了所谓", DOCUMENT) is None
    assert full_name("毛", DOCUMENT) == "毛泽东" and full_name("毛", "没有全名。") == ""


def test_a_report_that_cites_lenin_once():
    """Lenin speaks for the lead and the quoted line, split over lines as on Wikisource; the tail after the
    closing mark and everything else is the report's own voice."""
    lines = ["一、过去五年的工作", "我们坚持改革开放，经济持续发展。", "列宁指出：“", "共产主义就是苏维埃政权加全国电气化。",
             "”这一论断今天仍有指导意义。", "我们要继续推进现代化建设。", "以邓小平理论为指导，全党要团结奋斗。"]
    result = attribute_document(lines, para_ids=list(range(len(lines))), langs=["zh"] * len(lines))
    assert [v.speaker for v in result.voices] == [NARRATOR, NARRATOR, "列宁", "列宁", NARRATOR, NARRATOR, NARRATOR]
    assert result.voices[2].cue == "列宁指出" and result.voices[3].cue == ""
    assert result.doc_type == "narrated"


def test_inline_citation_and_slogan_quotation():
    sents = ["列宁说过：“学习，学习，再学习。”", "我们要重视学习。", "“一要吃饭，二要建设”，是一项基本原则。"]
    voices = attribute_document(sents, para_ids=[0, 0, 1], langs=["zh"] * 3).voices
    assert [v.speaker for v in voices] == ["列宁", NARRATOR, NARRATOR]


def test_a_quotation_a_narrator_sentence_attributes():
    sents = ["刘少奇反对毛主席提出的“", "放手发动群众，壮大人民力量", "”的总路线。", "这是错误的。"]
    voices = attribute_document(sents, para_ids=[0, 1, 2, 3], langs=["zh"] * 4).voices
    assert [v.speaker for v in voices] == [NARRATOR, "毛主席", NARRATOR, NARRATOR]


def test_a_missing_closing_mark_does_not_run_on():
    """Cleaning drops a line made only of a closing mark; the quotation then ends with the paragraph."""
    sents = ["列宁指出：“", "无产阶级专政是必要的。", "我们必须坚持党的领导。", "我们要加强建设。"]
    voices = attribute_document(sents, para_ids=[0, 1, 2, 3], langs=["zh"] * 4).voices
    assert [v.speaker for v in voices] == ["列宁", "列宁", NARRATOR, NARRATOR]


def test_a_meeting_runs_on_in_its_paragraph_a_person_does_not():
    sents = ["会议指出，要加快发展。", "要推动改革。", "王晓晖指出，要扩大开放。", "要优化营商环境。",
             "列宁指出：“帝国主义是垄断的资本主义。”", "我们要认清形势。", "要推动改革。",
             "列宁依据马克思主义的基本原理，认为“帝国主义是资本主义的最高阶段”。", "斯大林说：“列宁主义是马克思主义。”"]
    voices = attribute_document(sents, para_ids=[0, 0, 1, 1, 2, 2, 3, 4, 4], langs=["zh"] * 9).voices
    assert [v.speaker for v in voices] == [MEETING, MEETING, "王晓晖", NARRATOR, "列宁", NARRATOR, NARRATOR, "列宁",
                                           "斯大林"]


def test_a_report_inside_a_paragraph_covers_its_sentence_only():
    sents = ["我边防部队进行了自卫还击。", "三月二十一日，柯西金提出要同我国领导人通电话。", "我国政府立即答复他们。",
             "十二大提出计划经济为主；", "十二届三中全会指出商品经济是不可逾越的阶段；", "计划和市场都是经济手段。",
             "学习贯彻重要指示精神，要落实到行动中。", "会议透露，下一步将在三个方面着力：", "一是推动高质量发展。",
             "二是建设现代化产业体系。", "来源：新闻网"]
    voices = attribute_document(sents, para_ids=[0, 0, 0, 1, 1, 1, 2, 2, 3, 4, 5], langs=["zh"] * 11).voices
    assert [v.speaker for v in voices] == [NARRATOR, "柯西金", NARRATOR, NARRATOR, MEETING, NARRATOR] \
        + [MEETING] * 4 + [NARRATOR]


def test_citation_formula_and_bodies_as_objects():
    sents = ["正如毛主席向全党指出的那样：“", "路线是决定一切的。", "”现在提交大会审议。"]
    voices = attribute_document(sents, para_ids=[0, 1, 2], langs=["zh"] * 3).voices
    assert [v.speaker for v in voices] == ["毛主席", "毛主席", NARRATOR]


def test_a_prescription_takes_the_next_sentences_body_but_not_a_later_citation():
    sents = ["学习贯彻重要指示精神，要落实到行动中。", "会议透露，下一步将重点推进改革。",
             "落实党的各项政策，要具体地研究本单位的情况。", "要抓紧其他各项工作。", "毛主席有一句名言：“", "要团结。", "”"]
    voices = attribute_document(sents, para_ids=[0, 0, 1, 1, 1, 2, 3], langs=["zh"] * 7).voices
    assert [v.speaker for v in voices][:5] == [MEETING, MEETING, NARRATOR, NARRATOR, "毛主席"]


def test_a_congress_a_report_names_speaks_for_its_sentence():
    sents = ["这次大会提出，要建设社会主义市场经济。", "我们逐步摆脱了旧观念。", "会议强调，要稳外贸。", "要扩大开放。"]
    voices = attribute_document(sents, para_ids=[0, 0, 1, 1], langs=["zh"] * 4).voices
    assert [v.speaker for v in voices] == [MEETING, NARRATOR, MEETING, MEETING]
