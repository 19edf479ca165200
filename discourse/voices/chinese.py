"""Chinese reported speech: who speaks in a Chinese sentence, and whose words a quotation holds.

Rules (MEASURES.md, "Voice (speaker) of a sentence"; the sentence is read in simplified script):

- **Person cue**: a person at the start of a clause (the sentence's start, or after ，；：、 or a quotation
  mark), then a reporting verb -- 指出 / 强调 / 要求 / 说 / 认为 / 提出 / 表示 / 教导 / 写道 ... --
  right after the name (titles, a frame such as "在讲话中" or "今年初重要谈话", adverbs such as 还 /
  曾经 / 多次 / 更加完整地 may stand between), or a lead of a quotation anywhere later in the clause ("列宁在痛斥……的时候，多次指出：“",
  "列宁的结论是：“"). A verb followed by 的 makes a noun phrase ("毛主席提出的这条路线"), not a report.
- **A person** is a name with a title (毛泽东同志, 毛主席, 习近平总书记, 书记王晓晖) or a word jieba tags as a
  person's name (``nr``, ``nrfg``, ``nrt``) that begins with a common surname or is written in the
  characters of transliterated foreign names (列宁, 恩格斯, 斯大林), and does not end like a doctrine or a
  slogan (邓小平理论, 毛泽东思想). jieba's dictionary tags some words ``nr`` that are not names (从严治党,
  文明, 广泛性): the surname test and the clause start keep them out. The surname list leaves out
  characters that are far more often a word than a surname (文, 国, 从, 广), so a person with such a
  surname is found only with a title.
- **Body cue**: 会议 / 会上 / 大会 / 全会 / 座谈会 ... at the start of a clause (after a short name of it:
  十二届三中全会, 这次大会), then 指出 / 强调 / 要求 / 认为 / 提出 / 透露 / 决定 / 明确 -> ``meeting``; not
  when the body is an object (提交大会审议, 经过代表大会讨论), and the body's business (通过, 审议, 讨论) is
  no voice. Only a meeting being reported (会议, 会上, 座谈会) speaks on after its sentence; a congress or a
  plenum that a report names speaks for that sentence.
- **A person speaks for the sentence that reports them and the quotation it opens, no further.** On the
  CPC reports, of the 20 sentences that a person reported at the head of a paragraph would have carried on
  to, about two thirds were the report's own commentary ("林彪要“指挥一切，调动一切”。", "这是千真万确的
  真理。"). The cost: a Chinese news paragraph that goes on with a leader's words without a new lead gives
  those sentences to the narrator (the English translations of such releases keep them: see
  :mod:`discourse.voices.english`).
- **Quotations** (“” 「」 『』): the words inside a quotation opened after a person's cue, or right after
  "PERSON 提出的“" / "PERSON 说的“", are that person's, over as many lines as the quotation runs (the
  Wikisource texts break lines at quotation marks); the text after the closing mark is the default voice
  again. A quotation nobody is named for (a slogan, 《十六条》中指出的那样：“) changes no voice.
- **Canonical names**: titles are dropped (毛泽东同志 -> 毛泽东, 习近平总书记 -> 习近平) and kept as the role;
  a surname with a title (毛主席) takes the document's most frequent full name with that surname that
  jieba's dictionary knows as a name (毛泽东), else stays as written (毛主席).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from discourse.text.chinese import chinese_tokens, to_simplified

__all__ = ["ZhCue", "zh_cue", "quote_owner_before", "REPORTING_VERBS_ZH", "TITLES_ZH", "OPENING_QUOTES",
           "CLOSING_QUOTES"]

#: Reporting verbs of a person or a body.
REPORTING_VERBS_ZH = ("指出", "强调", "要求", "说过", "说道", "说", "认为", "提出", "表示", "教导", "写道",
                      "告诫", "号召", "阐明", "宣布", "讲过", "讲", "谈到", "透露", "批评")
#: Titles after (or before) a name; dropped from the name and kept as the role.
TITLES_ZH = ("同志", "总书记", "副主席", "主席", "副总理", "总理", "委员长", "副书记", "书记", "副省长", "省长",
             "副市长", "市长", "部长", "厅长", "局长", "主任", "先生", "委员", "代表", "总统", "首相")
OPENING_QUOTES = "“「『"
CLOSING_QUOTES = "”」』"
#: Surnames (the common ones, and compound ones) a name may begin with.
SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
               "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
               "郝龚邵万钱严覃武戴莫孔向汤习施殷俞温栗瞿聂柯饶康伍乔翟童颜倪牛洪鲁葛祝常欧包尤彭阎季"
               "蒲仇郁鲍华宁阮纪舒屈谷申单易苗裴岳傅齐庞樊兰靳")
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "令狐", "司徒", "慕容", "宇文")
#: Characters of transliterated foreign names (列宁, 马克思, 恩格斯, 斯大林, 赫鲁晓夫, 勃列日涅夫 ...).
TRANSLITERATION = set("阿埃艾爱安奥巴拜班邦包鲍贝本比彼毕波伯勃布查达戴丹道德迪蒂丁东杜顿多厄恩尔法菲费芬"
                      "弗福盖戈格哈海汉豪赫亨胡霍基吉加贾杰金卡凯坎康柯科克肯库夸奎拉莱兰朗劳勒雷黎里理利"
                      "列林琳留卢鲁伦罗洛马玛迈麦曼梅蒙米敏莫默穆纳娜奈内尼涅宁纽努诺帕佩彭皮普齐奇乔切萨"
                      "塞桑瑟森沙尚舍什史斯苏索塔泰坦汤特提图托瓦万威韦维温沃乌伍西希谢辛休雅亚扬耶伊因"
                      "尤约泽扎詹哲兹晓夫大")
_NAME_START = SURNAMES | TRANSLITERATION | {c[0] for c in COMPOUND_SURNAMES}
#: Endings of doctrines, slogans and works, which jieba may tag as names (邓小平理论).
NOT_NAME_ENDINGS = ("理论", "思想", "主义", "路线", "精神", "学说", "著作", "选集", "全集", "文选", "语录",
                    "时代", "同志们", "们")
BODIES_ZH = ("常务会议", "全体会议", "座谈会", "会议", "会上", "大会", "全会")
#: Bodies whose voice runs on (a news report's 会议指出, ……); a congress or a plenum a report names
#: (十二届三中全会指出, 这次大会提出) speaks for its sentence only.
RUNNING_BODIES = ("常务会议", "全体会议", "座谈会", "会议", "会上")
BODY_VERBS_ZH = ("指出", "强调", "要求", "认为", "提出", "透露", "决定", "明确")
#: What makes a body the object rather than the speaker ("提交大会审议", "经过代表大会讨论", "在会议上").
_BODY_OBJECT = ("提交", "经过", "由", "向", "在", "请", "交", "把", "将", "被", "和", "与", "同", "对", "给")

_TITLE = "|".join(sorted(TITLES_ZH, key=len, reverse=True))
_VERB = "|".join(sorted(REPORTING_VERBS_ZH, key=len, reverse=True))
_CJK = r"\u4e00-\u9fff"
# What may stand between a name and its verb: its title, a frame ("在讲话中", "在一次谈话中"), adverbs.
_BETWEEN = (rf"(?:{_TITLE})?(?:在[^，。；：“”]{{0,24}}?(?:讲话|报告|会议|会|谈话|信|文章|批示|指示)[中上里]|"
            rf"[^，。；：“”]{{0,16}}?(?:讲话|报告|谈话|文章|批示|指示)中?)?"
            r"(?:还|也|又|曾|曾经|多次|反复|早就|一再|明确|深刻|郑重|进一步|特别|同时|再次|严厉|"
            rf"[^，。；：“”地]{{1,6}}地)*")
_ADJACENT_VERB = re.compile(rf"{_BETWEEN}(?P<verb>{_VERB})(?:了|过)?(?:(?!的)|(?=的那样|的一样))")
# A quotation lead later in the clause: any words, then a colon and (usually) an opening quotation mark, or a
# reporting verb right before the mark ("列宁……对帝国主义作了科学分析，认为“").
_QUOTE_LEAD = re.compile(rf"[^。；！？“”「」『』]{{0,40}}?(?:[：:]\s*[{OPENING_QUOTES}]?|(?:{_VERB})[，,]?(?=[{OPENING_QUOTES}]))")
_TITLED_AFTER = re.compile(rf"(?P<name>[{_CJK}]{{1,3}}?)(?P<title>{_TITLE})")
_TITLED_BEFORE = re.compile(rf"[{_CJK}]{{0,8}}?(?P<title>{_TITLE})(?=[{_CJK}]{{2}})")
_CLAUSE_START = "，,；;：:、“”「」『』（）()"
# Words at the head of a clause that stand before its subject: a citation formula ("正如毛主席指出的那样",
# "如同列宁所说") or a connective ("特别是邓小平同志……指出", "但是列宁说").
_AS_SAID = re.compile(r"(?:^|(?<=[，,；;：:“”]))(?:正如|如同|诚如|就像|特别是|尤其是|但是|而且|并且|同时|因此|所以|"
                      r"后来|当时|接着|随后)")
# A body at the start of a clause, after at most a short name of it ("十二届三中全会指出", "这次大会进一步强调").
_BODY = re.compile(rf"(?:^|(?<=[，,；;：:]))(?P<mod>[^，,。；;：:“”]{{0,10}}?)(?P<body>{'|'.join(BODIES_ZH)})"
                   rf"(?:还|也|同时|进一步)?(?:{'|'.join(BODY_VERBS_ZH)})")
_PRONOUN = re.compile(rf"(?:他|她)(?:还|也|又|同时)?(?:{_VERB})")
_ATTRIBUTED = re.compile(rf"(?:{_VERB})(?:了|过)?的?[：:，,]?\s*$")
_TAIL = re.compile(rf"{_BETWEEN}(?:{_VERB})(?:了|过)?的?[：:，,]?\s*$")


class ZhCue(NamedTuple):
    """A Chinese cue: ``kind`` (``person``, ``meeting`` or ``pronoun``), the canonical ``name``, the
    ``role`` (a title, or empty), the ``cue`` words, where the cue ends in the sentence (``end``), whether
    it leads a quotation (``quote``: an opening quotation mark follows) and whether its voice may run on
    over the sentences that follow (``runs``: only a meeting being reported)."""

    kind: str
    name: str
    role: str
    cue: str
    end: int
    quote: bool
    runs: bool = True


@lru_cache(maxsize=1)
def _dictionary_names() -> dict[str, str]:
    """jieba's dictionary: word -> flag (loaded with the tokenizer)."""
    chinese_tokens("初始化")  # makes sure jieba is initialised (with the project's words)
    import jieba.posseg as pseg

    return pseg.dt.word_tag_tab


def _is_name(word: str) -> bool:
    """True for a word shaped like a person's name (see the module docstring)."""
    if not 2 <= len(word) <= 6 or word.endswith(NOT_NAME_ENDINGS):
        return False
    if len(word) <= 4 and (word[0] in SURNAMES or word[:2] in COMPOUND_SURNAMES):
        return True
    return all(ch in TRANSLITERATION for ch in word)


def _clause_starts(text: str, limit: int) -> list[int]:
    starts = [0]
    starts += [i + 1 for i, ch in enumerate(text[:limit]) if ch in _CLAUSE_START]
    starts += [m.end() for m in _AS_SAID.finditer(text, 0, limit)]
    return sorted(set(s for s in starts if s < len(text)))


def _names_at(text: str, start: int) -> list[tuple[str, str, int]]:
    """Candidate persons starting at ``start``: (name as written, title, end of the mention)."""
    out = []
    m = _TITLED_AFTER.match(text, start)
    if m and (len(m.group("name")) == 1 and m.group("name") in SURNAMES or _is_name(m.group("name"))):
        out.append((m.group("name"), m.group("title"), m.end()))
    m = _TITLED_BEFORE.match(text, start)
    if m:  # the name after the title must be one for jieba too ("毛主席向全党" is no title + 向全党)
        after = chinese_tokens(text[m.end("title"):m.end("title") + 8])
        if after and after[0].pos in ("nr", "nrfg", "nrt") and _is_name(after[0].text):
            out.append((after[0].text, m.group("title"), m.end("title") + len(after[0].text)))
    if text[start] not in _NAME_START:
        return out  # jieba is asked only where a name can begin (a surname, a transliteration character)
    tokens = chinese_tokens(text[start:start + 12])
    if tokens and tokens[0].start == 0 and tokens[0].pos in ("nr", "nrfg", "nrt") and _is_name(tokens[0].text):
        out.append((tokens[0].text, "", start + tokens[0].end))
    return out


def full_name(name: str, document: str) -> str:
    """The full name a surname stands for in ``document`` (毛 -> 毛泽东), or ``name`` itself."""
    if len(name) != 1:
        return name
    tags = _dictionary_names()
    found = Counter(w for w in re.findall(rf"{name}[{_CJK}]{{2}}", document) if tags.get(w) == "nr")
    found.update(w for w in re.findall(rf"{name}[{_CJK}]", document) if tags.get(w) == "nr")
    return found.most_common(1)[0][0] if found else ""


def zh_cue(sentence: str, document: str = "") -> ZhCue | None:
    """The person, body or pronoun cue of a Chinese sentence, or None.

    Parameters
    ----------
    sentence : str
        The sentence (any script; read in simplified script).
    document : str
        The document's Chinese text (simplified), where a surname with a title finds its full name.

    Returns
    -------
    ZhCue or None
    """
    text = to_simplified(sentence)
    m = _BODY.search(text, 0, 60)
    if m and not m.group("mod").endswith(_BODY_OBJECT):
        return ZhCue("meeting", "meeting", "", text[:m.end()], m.end(), False, m.group("body") in RUNNING_BODIES)
    has_verb = re.search(_VERB, text[:80]) is not None
    if not has_verb and not re.search(r"[：:]\s*[“「『]", text[:80]):
        return None
    m = _PRONOUN.match(text)
    if m:
        return ZhCue("pronoun", "", "", m.group(0), m.end(), False, False)
    for start in _clause_starts(text, 60):
        for written, title, end in _names_at(text, start):
            verb = _ADJACENT_VERB.match(text, end)
            if verb is None:
                verb = _QUOTE_LEAD.match(text, end)
                if verb is None:
                    continue
            name = written
            if len(written) == 1:
                name = full_name(written, document) or written + title
            cue_end = verb.end()
            after = text[cue_end:cue_end + 3].lstrip("：:，, ")
            quote = text[cue_end - 1] in OPENING_QUOTES or (after[:1] != "" and after[0] in OPENING_QUOTES)
            return ZhCue("person", name, title if title != "同志" else "", text[start:cue_end], cue_end, quote,
                         False)
    return None


def quote_owner_before(text: str, document: str = "") -> str | None:
    """The person whose words a quotation opened right after ``text`` holds ("反对毛主席提出的" -> 毛泽东),
    or None: a person at most a dozen characters before the end, then only a reporting verb (with 了 or 的).

    Parameters
    ----------
    text : str
        The clause before the opening quotation mark.
    document : str
        The document's Chinese text (simplified), where a surname with a title finds its full name.
    """
    text = to_simplified(text)
    if _ATTRIBUTED.search(text) is None:
        return None
    for start in range(max(0, len(text) - 14), len(text) - 1):
        for written, title, end in _names_at(text, start):
            if _TAIL.match(text, end):
                return (full_name(written, document) or written + title) if len(written) == 1 else written
    return None
