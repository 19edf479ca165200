"""Sections of a document: headings split it, and each section is a ``review``, a ``plan`` or ``other``.

``MEASURES.md`` ("Sections"): headings (一、 / （一） / 第一部分 and their traditional and full-width forms;
numbered or capitalised English headings) split a document into sections; a section is ``review`` when its
heading or its opening looks back, ``plan`` when it sets tasks, else ``other``. The kind matters because a
Chinese subjectless task clause (全面推进乡村振兴) reads the same whether it reports past work or sets a task:
in a review section it is a description (see :mod:`discourse.directives.chinese`).

Choices where the definition is silent:

- **Headings.** A paragraph is a heading when its first line opens with a Chinese enumerator: 第一部分 (level
  0), 一、 or 第一、 (level 1), （一） or (一) (level 2), or 1． / 1、 on a line of at most
  :data:`SHORT_HEADING` characters (level 3); or when it is a short line (at most :data:`SHORT_HEADING`
  characters, no sentence or clause punctuation, not the first paragraph) that opens with 关于 or names a
  kind (形势和任务). English: a short line (at most :data:`SHORT_HEADING_EN` characters) without final
  punctuation whose letters are upper case ("LABOR AND MANAGEMENT", "4. POLICIES IN SPECIFIC FIELDS"), or a
  numeral alone ("IV.", "3."). A paragraph that continues an open quotation (more “ than ” before it) is
  never a heading: the report quotes a numbered list (《 without its 》 counts too: a title
  broken over two lines). Script and width do not matter: the paragraph is
  compared in simplified script with full-width digits and brackets folded.
- **The heading sentence** is the heading paragraph's first sentence (a heading may run on into its
  paragraph: （一）调整和完善所有制结构。公有制为主体……). Its verbs are a title, not a directive.
- **Kind from the heading.** Review cues: 回顾, 过去, 总结, 去年, 历史性, 历史进程, 年来, 以来, a year before the
  document's year (2023年 or 二〇二三年 in a 2024 report), "review of", "in the past year", "the past year",
  "accomplishments". Plan cues: 任务, 要求, 目标, 建议, 意见, 今年, 今后, 下一步, 展望, 部署, the document's own
  year or a later one, a heading that opens with a verb (促进…, 加强…: a programme), "the year ahead",
  "priorities", "agenda", "recommendations", "coming", "program for". One kind's cues alone decide.
- **Kind from the opening**, when the heading has both kinds of cue or neither: the section's first
  :data:`OPENING_CHARS` characters after the heading sentence. Past-tense marks (了, 取得, 过去, 以来, 年来,
  回顾, 已经) against task marks (要, 必须, 应当, 任务, 今后, 将); more of one kind decides, a tie is ``other``.
  English openings are not read (``other``): a speech's sections mix the two too much to tell by words.
- **Subsections** (a heading of a deeper level) take their parent's kind; under a parent of kind ``other``
  a subsection whose own heading is a plan becomes ``plan``.
- **Text before the first heading** is section 0, judged from its own opening (Chinese only).

Section ids count headings from 1 in document order; 0 is the text before the first heading (or the whole
document when it has none).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from discourse.errors import ParameterError
from discourse.text.chinese import chinese_tokens, to_simplified

__all__ = ["SECTION_KINDS", "Section", "find_sections", "heading_level", "heading_sentence_end",
           "section_kind_of"]

#: The kinds of section, in the order tables list them.
SECTION_KINDS = ("review", "plan", "other")
#: Longest Chinese line taken as a numbered (1．) or unnumbered heading.
SHORT_HEADING = 30
#: Longest English line taken as a heading.
SHORT_HEADING_EN = 90
#: Characters of a section's opening read when the heading does not decide its kind.
OPENING_CHARS = 2000


class Section(NamedTuple):
    """The section of one paragraph: its id, its kind and whether the paragraph opens with the heading."""

    section: int
    section_kind: str
    heading: bool


_FOLD = str.maketrans("０１２３４５６７８９（）．，、：", "0123456789().,、:")
_NUM = "一二三四五六七八九十百零〇两"
_ZH_LEVELS = (
    (re.compile(rf"^第[{_NUM}]+部分"), 0),
    (re.compile(rf"^第?[{_NUM}]+、"), 1),
    (re.compile(rf"^\([{_NUM}]+\)"), 2),
)
_ZH_SHORT_NUMBERED = re.compile(r"^\d{1,2}[.、]\s*\S")
_ZH_PUNCT = re.compile(r"[。！？；：，!?;:,]")
_EN_NUMERAL_ONLY = re.compile(r"^(?:[IVXLC]+|\d{1,2})\.?$")
_EN_NUMBERED = re.compile(r"^(?:[IVXLC]+|\d{1,2})\.\s*(?P<rest>\S.*)$")
_EN_FINAL = re.compile(r"[.!?;:,]['\")\]]*$")

_REVIEW_ZH = ("回顾", "过去", "总结", "去年", "历史性", "历史进程", "年来", "以来")
_PLAN_ZH = ("任务", "要求", "目标", "建议", "意见", "今年", "今后", "下一步", "展望", "部署")
_REVIEW_EN = ("review of", "in the past year", "the past year", "the year past", "last year",
              "accomplishments", "achievements", "record of")
_PLAN_EN = ("the year ahead", "priorities", "agenda", "recommendations", "recommended", "coming",
            "program for", "proposals", "the road ahead", "next year", "tasks")
#: Verbs that open a programme heading (促进社会主义经济的全面高涨): the heading sets a task.
_PROGRAMME_VERBS = (
    "促进", "加强", "推进", "推动", "坚持", "建设", "努力", "夺取", "全面", "深入", "加快", "实现", "实施",
    "完善", "健全", "建立", "提高", "扩大", "深化", "构建", "维护", "巩固", "贯彻", "开创", "决胜", "增进",
    "保障", "改善", "实行", "调整", "积极", "进一步", "着力", "严明", "丰富", "繁荣", "继续", "把", "在", "走",
    "保持", "加速", "确保", "大力", "弘扬", "提升", "培育", "优化", "统筹", "防范", "坚定", "始终", "扎实",
    "以", "开辟", "争取", "面向", "高举", "团结", "认真",
)
_REVIEW_OPENING = ("了", "取得", "过去", "以来", "年来", "回顾", "已经")
_PLAN_OPENING = ("要", "必须", "应当", "任务", "今后", "将")
_ZH_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0"}
_YEAR_ZH = re.compile(r"([〇零○一二三四五六七八九]{4}|\d{4})年")
_YEAR_EN = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")


def _fold(text: str) -> str:
    """``text`` in simplified script, full-width digits and brackets folded, outer space stripped."""
    return to_simplified(text.strip()).translate(_FOLD)


def heading_level(text: str, lang: str = "zh", *, first: bool = False) -> int | None:
    """The level of the heading that ``text`` (a paragraph, or a sentence) opens with, or None.

    Parameters
    ----------
    text : str
        A paragraph (only its first line is read).
    lang : {"zh", "en"}
        Its language.
    first : bool
        True for the document's first paragraph, whose short unnumbered line is its title, not a heading.

    Returns
    -------
    int or None
        0 (第一部分), 1 (一、), 2 (（一）), 3 (1．, short lines); English headings are level 1 (an
        upper-case line: "DOMESTIC AFFAIRS") or 2 (a numeral alone or a numbered upper-case line: "IV.",
        "1. FOREIGN POLICY"), since speeches number the items under an unnumbered heading.
    """
    line = _fold(text.split("\n", 1)[0])
    if not line:
        return None
    if lang == "en":
        if len(line) > SHORT_HEADING_EN:
            return None
        if _EN_NUMERAL_ONLY.match(line):
            return 2
        m = _EN_NUMBERED.match(line)
        body = m.group("rest") if m else line
        letters = [c for c in body if c.isalpha()]
        if len(letters) < 3 or _EN_FINAL.search(body) or any(c.islower() for c in letters):
            return None
        if first and m is None:
            return None
        return 2 if m else 1
    for pattern, level in _ZH_LEVELS:
        if pattern.match(line):
            return level
    if len(line) <= SHORT_HEADING and _ZH_SHORT_NUMBERED.match(line):
        return 3
    if not first and len(line) <= SHORT_HEADING // 2 and not _ZH_PUNCT.search(line) \
            and (line.startswith("关于") or any(c in line for c in ("任务", "回顾", "总结"))):
        return 1
    return None


def heading_sentence_end(text: str) -> int:
    """Where the heading sentence of a heading paragraph ends: after its first 。！？ (or the whole line)."""
    m = re.search(r"[。！？!?]", text)
    line_end = text.find("\n")
    end = m.end() if m else len(text)
    return min(end, line_end) if line_end >= 0 else end


def _years(text: str, lang: str) -> list[int]:
    if lang == "en":
        return [int(y) for y in _YEAR_EN.findall(text)]
    return [int("".join(_ZH_DIGITS.get(c, c) for c in y)) for y in _YEAR_ZH.findall(text)]


def _heading_cues(heading: str, lang: str, year: int | None) -> tuple[bool, bool]:
    """(looks back, sets tasks) from the heading's words and years."""
    text = _fold(heading)
    years = _years(text, lang)
    if lang == "en":
        low = text.lower()
        review = any(c in low for c in _REVIEW_EN)
        plan = any(c in low for c in _PLAN_EN)
    else:
        body = _ZH_LEVEL_PREFIX.sub("", text)
        review = any(c in body for c in _REVIEW_ZH)
        plan = any(c in body for c in _PLAN_ZH) or (not review and _opens_with_verb(body))
    if year is not None:
        review = review or any(y < year for y in years)
        plan = plan or any(y >= year for y in years)
    return review, plan


def _opens_with_verb(body: str) -> bool:
    """A programme heading: after adverbials (有计划有步骤地, 坚定不移), the first word is a verb by jieba's
    POS, or one of :data:`_PROGRAMME_VERBS` (jieba tags some of them as nouns or adjectives)."""
    if body.startswith(_PROGRAMME_VERBS):
        return True
    tokens = chinese_tokens(body[:20])
    i = 0
    while i < len(tokens) and (tokens[i].pos in ("d", "ad", "i", "l") or tokens[i].pos == "uv"
                               or (i + 1 < len(tokens) and tokens[i + 1].pos == "uv")):
        i += 1
    return i < len(tokens) and tokens[i].pos in ("v", "vd", "vi") and tokens[i].text not in ("是", "有")


_ZH_LEVEL_PREFIX = re.compile(rf"^(?:第[{_NUM}]+部分|第?[{_NUM}]+、|\([{_NUM}]+\)|\d{{1,2}}[.、])\s*")


def _opening_kind(opening: str, lang: str) -> str:
    if lang != "zh" or not opening:
        return "other"
    text = _fold(opening)[:OPENING_CHARS]
    review = sum(text.count(c) for c in _REVIEW_OPENING)
    plan = sum(text.count(c) for c in _PLAN_OPENING) - text.count("要求") - text.count("重要") \
        - text.count("主要") - text.count("需要")
    if review > plan:
        return "review"
    if plan > review:
        return "plan"
    return "other"


def section_kind_of(heading: str, opening: str = "", *, lang: str = "zh", year: int | None = None) -> str:
    """The kind of a section from its heading and, when the heading does not decide, its opening.

    Parameters
    ----------
    heading : str
        The heading sentence ("二、过去五年的工作"); empty for the text before the first heading.
    opening : str
        The first words of the section after the heading sentence.
    lang : {"zh", "en"}
    year : int, optional
        The document's year: a heading naming an earlier year looks back, one naming this year or a later
        one sets tasks.

    Returns
    -------
    str
        ``review``, ``plan`` or ``other`` (see the module docstring).
    """
    if lang not in ("zh", "en"):
        raise ParameterError(f"lang must be one of 'zh', 'en', got {lang!r}")
    review, plan = _heading_cues(heading, lang, year) if heading else (False, False)
    if review and not plan:
        return "review"
    if plan and not review:
        return "plan"
    return _opening_kind(opening, lang)


def find_sections(paragraphs: Sequence[str], *, langs: Sequence[str] | str = "zh",
                  year: int | None = None) -> list[Section]:
    """The section of every paragraph of a document.

    Parameters
    ----------
    paragraphs : sequence of str
        The document's paragraphs in order (one per line, as cleaning gives them).
    langs : str or sequence of str
        The language of every paragraph (``zh`` or ``en``), or one for all.
    year : int, optional
        The document's year (for headings that name a year).

    Returns
    -------
    list of Section
        One per paragraph: ``section`` (0 before the first heading, then 1, 2, ... per heading),
        ``section_kind`` (``review``, ``plan``, ``other``) and ``heading`` (the paragraph opens with the
        section's heading).
    """
    n = len(paragraphs)
    lang_list = [langs] * n if isinstance(langs, str) else list(langs)
    if len(lang_list) != n:
        raise ParameterError(f"langs must give one language per paragraph: {len(lang_list)} for {n} paragraphs")
    if year is not None and not isinstance(year, int):
        raise ParameterError(f"year must be an int or None, got {year!r}")
    levels: list[int | None] = []
    open_quotes = 0
    for i, (text, lang) in enumerate(zip(paragraphs, lang_list)):
        level = None if open_quotes > 0 else heading_level(text, lang, first=i == 0)
        levels.append(level)
        open_quotes = max(0, open_quotes + text.count("“") - text.count("”") + text.count("《")
                          - text.count("》"))

    def opening(i: int, skip_heading: bool) -> str:
        parts, size = [], 0
        first_text = paragraphs[i][heading_sentence_end(paragraphs[i]):] if skip_heading else paragraphs[i]
        for j, text in enumerate([first_text, *paragraphs[i + 1:]]):
            if j > 0 and levels[i + j] is not None:
                break
            parts.append(text)
            size += len(text)
            if size >= OPENING_CHARS:
                break
        return "".join(parts)

    out: list[Section] = []
    section = 0
    stack: list[tuple[int, str]] = []  # (level, kind) of the open headings
    first_lang = lang_list[0] if n else "zh"
    kind = section_kind_of("", opening(0, False), lang=first_lang, year=year) if n and levels[0] is None \
        else "other"
    for i, (text, lang) in enumerate(zip(paragraphs, lang_list)):
        level = levels[i]
        if level is None:
            out.append(Section(section, kind, False))
            continue
        section += 1
        while stack and stack[-1][0] >= level:
            stack.pop()
        heading = text[:heading_sentence_end(text)]
        if stack:
            parent = stack[-1][1]
            review, plan = _heading_cues(heading, lang, year)
            kind = parent if parent != "other" else ("plan" if plan and not review else "other")
        else:
            kind = section_kind_of(heading, opening(i, True), lang=lang, year=year)
        stack.append((level, kind))
        out.append(Section(section, kind, True))
    return out
