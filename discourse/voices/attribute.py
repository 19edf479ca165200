"""The voice (speaker) of every sentence: a person, the meeting, or the narrator.

Each sentence gets exactly one voice (MEASURES.md, "Voice (speaker) of a sentence"). The rules, in the order
they are tried on a sentence:

1. **Person cue** (``speaker`` = the person's canonical name):
   - ``NAME [, ROLE,] VERB`` at the start of the sentence, after at most one introductory phrase ("Having
     listened to their remarks, Shi Xiaolin expressed ..."); a title may precede the name ("Governor Shi
     Xiaolin stressed"); a surname alone counts when it belongs to a person of the document ("Shi stressed");
   - ``In his/her speech|address|remarks[ at ...], X ...`` and ``X, in his/her speech|address|remarks, ...``;
   - ``He/She VERB``: the pronoun resolves to the person most recently introduced as *speaking* (an earlier
     voice, or someone who "addressed" the event or "delivered a speech"), preferring one whose gender is
     known to match (learnt from "his"/"her" in cues and from resolved pronouns); only when nobody has
     spoken yet does it fall back to the last person mentioned in the preceding MENTION_WINDOW sentences
     (unresolved, the sentence is treated as having no cue);
   - a trailing attribution: ``..., X said.`` / ``..., said X.``.
   ``VERB`` is one of REPORTING_VERBS: pointed out, stated, emphasized, stressed, underscored, noted, said,
   called for, urged, requested, expressed, added, demanded, required, asked, advocated, highlighted,
   reiterated, instructed, remarked (and their present-tense forms, plus declared, explained, told).
2. **Meeting cue** (``speaker`` = ``meeting``): a collective body as subject, "The [52nd executive]
   meeting|conference|session|plenary|symposium|forum [of ...]" + a reporting verb or a verb of deliberation
   (deliberated, reviewed, discussed, adopted, approved, decided, agreed, revealed, held that, proposed);
   "It was noted/stressed/... [at the session]"; "The following requirements were made".
3. **Narration** (``speaker`` = ``narrator``, resets any running voice): the sentence describes the event
   itself -- it starts with a date or time ("On July 27", "From April 15 to 16", "On the afternoon of"),
   with "Attendees"/"Participants", or with "At|During|Before|After the meeting|conference|visit ..."; an
   event is held/convened/attended ("The conference was held ..."); a person is introduced with a title in
   apposition ("Zuo Yongxiang, Vice Governor of ..., presided over ..."); a named person or he/she
   attends, chairs, presides over, visits, tours or inspects; or someone other than "we" attended or
   presided over something.
4. **Continuation**: any other sentence ("We must ...", "It is necessary to ...") inherits the running
   voice, with an empty cue. A new paragraph alone does not reset it (speech reports run over several
   paragraphs). One exception: a sentence that would be narrator but speaks in the first person plural or
   prescribes ("We should ...", "It is essential to ...") takes the first explicit voice *later in the same
   paragraph* -- translations sometimes put the attribution after the words ("We should learn ... . The
   meeting revealed that ...").

Headlines and captions are narrator by default: the running voice of a document starts as ``narrator``.

Chinese sentences (bilingual documents) follow the same logic with their own cues: 会议/会上/全会...
+ 指出/强调/要求/认为/提出/透露/审议/研究/通过/决定 -> ``meeting``; a person name (jieba tag ``nr``) +
指出/强调/表示/要求/说/提出 -> that person; a date at the start, 出席/主持/参加/调研 -> narrator; otherwise
continuation. Chinese and English sentences keep separate running voices, because in bilingual documents
the paragraphs of one language are a translation of those of the other, not a continuation of them.

With ``doc_speaker`` (a document that is one person's speech) every sentence gets that speaker except a
sentence that itself carries a cue for someone else (a person cue with another name, or a meeting cue);
that voice does not carry over to the next sentence, since the speech continues in the speaker's voice.

Names are canonical: titles ("Governor", "General Secretary", "Mr.") are stripped into ``role``; within a
document a surname alone maps to the one full name with that surname; :func:`canonicalize` merges names
across a corpus. Names, titles and roles are found by :mod:`discourse.people`; ``extract_people``,
``canonical_name`` and ``canonicalize`` are re-exported here.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd

from discourse.errors import ParameterError
from discourse.voices.people import ADVERB as _ADV
from discourse.voices.people import (
    FULL_NAME,
    MEETING,
    NAME_TOKEN,
    NARRATOR,
    REPORTING_VERBS,
    TITLE,
    canonical_name,
    canonicalize,
    extract_people,
    lead_end,
    split_title,
)
from discourse.voices.people import REPORTING_VERB as _VERB
from discourse.voices.people import ROLE_GAP as _ROLE_GAP

__all__ = ["Voice", "attribute_voices", "extract_people", "canonical_name", "canonicalize",
           "REPORTING_VERBS", "MEETING", "NARRATOR"]

#: A pronoun falls back to a person merely mentioned only within this many preceding sentences.
MENTION_WINDOW = 3

#: Verbs of deliberation that give a collective body (only) a voice.
MEETING_VERBS = ("deliberated", "reviewed", "discussed", "adopted", "approved", "passed", "decided", "agreed",
                 "revealed", "held that", "proposed", "maintained", "believed", "concluded", "affirmed",
                 "made clear", "put forward", "studied", "deployed")
_BODIES = r"(?:meeting|conference|session|plenary|plenum|symposium|forum|congress|gathering)"
_EVENTS = (r"(?:meeting|conference|session|plenary|symposium|forum|event|ceremony|visit|inspection|tour|"
           r"seminar|gathering|teleconference|congress)")
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MVERB = r"(?P<verb>" + "|".join(sorted(map(re.escape, REPORTING_VERBS + MEETING_VERBS), key=len,
                                         reverse=True)) + r")\b"
_FRAME = r"(?:speech|address|remarks|keynote speech|keynote address|report|statement|opening remarks)"
_PERSON = rf"(?:(?P<title>{TITLE})\s+)?(?P<name>{FULL_NAME}|{NAME_TOKEN})(?:'s)?"

_RE_FRAME_FIRST = re.compile(
    rf"^(?:(?:At|During)\s[^,]{{0,80}},\s+)?In (?P<poss>his|her) {_FRAME}(?:\s+(?:at|to|on|during)\s[^,]{{0,120}})?"
    rf",\s+(?:(?P<pron>he|she)\b|{_PERSON})")
_RE_FRAME_APPOS = re.compile(rf"^{_PERSON},\s+in (?P<poss>his|her) {_FRAME}\b[^,]{{0,120}},")
# Cheap tests before the two frame patterns: the first can only match a sentence opening with these words, the
# second one holding "in his " or "in her " (so "in h").
_FRAME_FIRST_OPENERS = ("In ", "At", "During")
_RE_PERSON = re.compile(rf"{_PERSON}{_ROLE_GAP}\s+{_ADV}{_VERB}")
_RE_PRONOUN = re.compile(rf"(?P<pron>[Hh]e|[Ss]he)\s+{_ADV}{_VERB}")
_TRAILING_VERBS = ("said", "added", "stated", "noted")  # every trailing attribution holds one of them
_RE_TRAILING = [re.compile(rf"[,\"]\s+{_PERSON}\s+(?:{'|'.join(_TRAILING_VERBS)})\s*\.?\"?$"),
                re.compile(rf"[,\"]\s+said\s+{_PERSON}\s*\.?\"?$")]
_RE_MEETING = re.compile(
    rf"(?P<body>(?:[Tt]he|[Tt]his)\s+(?:[\w()'-]+\s+){{0,5}}?{_BODIES}(?:\s+of\s+[^,]{{1,80}}?)?)"
    rf"\s+{_ADV}{_MVERB}")
_RE_MEETING_PASSIVE = re.compile(
    rf"(?P<body>It was\s+(?:also\s+)?(?:noted|stressed|emphasi[sz]ed|pointed out|underscored|agreed|"
    r"decided|required|proposed|urged|demanded|requested|believed|held|highlighted|reiterated)|"
    r"(?:The following |These )?(?:requirements|demands|instructions) (?:was|were) (?:made|put forward|set out"
    r"|raised|issued)|(?:Participants|Attendees) (?:at|of) the [\w ]{0,30}?" + _BODIES + r" " + _ADV + _VERB
    + r")")
_RE_NARRATION = [
    re.compile(rf"^(?:On|From|Between)\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?"
               rf"(?:{_MONTHS}|\d).*\b(?:held|convened|attended|presided|chaired|visited|inspect\w*|toured|"
               rf"{_EVENTS})\b"),
    re.compile(r"^(?:Attendees|Participants|Also present|Present at|Among those present|Those present|"
               r"Attending)\b"),
    re.compile(rf"^(?:At|During|Before|After|Prior to|Following|Ahead of)\s+the\s+(?:[\w-]+\s+){{0,3}}?"
               rf"{_EVENTS}\b"),
    re.compile(rf"^(?:The|This|A|An)\s+(?:[\w()'-]+\s+){{0,5}}?{_EVENTS}\b[^,.]{{0,60}}?\s+(?:was|were|is|"
               r"will be|has been)\s+(?:also\s+)?(?:held|convened|attended|chaired|presided|opened|closed|"
               r"hosted|broadcast|organi[sz]ed|jointly)"),
]
# The person, pronoun and meeting patterns above and the narration patterns below are matched at the start of
# the sentence or after one introductory phrase (``people.LEAD``, see :func:`discourse.people.match_after_lead`).
_RE_NARRATION_AFTER_LEAD = [
    re.compile(rf"{FULL_NAME},\s+(?:[^,]*\b{TITLE}\b[^,]*)(?:,\s+(?:and\s+)?[A-Z][^,]*)*,\s+(?:and\s+)?"
               r"[a-z]"),
    re.compile(rf"(?:(?:{TITLE})\s+)?(?:{FULL_NAME}|He|She)\s+{_ADV}(?:attended|attends|"
               r"presided over|presides over|chaired|chairs|visited|visits|inspected|inspects|toured|tours|"
               r"conducted|conducts|made an inspection|makes an inspection|learned about|learns about|met with|"
               r"meets with|participated in|took part in|held)\b"),
]
_ATTENDED = ("attended", "presided over", "were present at", "was present at")
_RE_ATTENDED = re.compile(rf"\b(?:{'|'.join(_ATTENDED)})\b")
_RE_FIRST_PERSON = re.compile(r"\b(?:we|our|us|I)\b", re.I)
# A sentence that speaks in the first person plural or prescribes: ``\b(?:we|our|us)\b|^(?:It is ...|Efforts ...)``
# ignoring case, as two patterns. The word pattern opens with a character class (every letter that matches w, o
# or u ignoring case), so the scan jumps between candidate letters; look-behinds then pick the word.
_RE_VOICED_WORD = re.compile(r"[wWoOuU](?<=\b[wWoOuU])(?:(?<=[wW])[eE]|(?<=[oO])[uU][rR]|(?<=[uU])[sS\u017f])\b")
_RE_VOICED_START = re.compile(r"(?:It is (?:necessary|essential|imperative|crucial|important|vital)|"
                              r"Efforts (?:should|must|will))", re.I)
_RE_SPEAKS = re.compile(r"\b(?:addressed|delivered (?:a|an|the) (?:\w+ )?(?:speech|address|report|remarks)|"
                        r"(?:made|gave) (?:a|an) (?:\w+ )?(?:speech|address)|spoke)\b")
# Every match of ``_RE_SPEAKS`` contains "addressed", "delivered", "made", "gave" or "spoke" (tested first).

_ZH_MEETING = re.compile(r"^(?:[^。!?!?]{0,30}?[,,])?(?:会议|会上|大会|全会|座谈会|常务会议|全体会议)(?:还|也|同时|进一步)?"
                         r"(?:指出|强调|要求|认为|提出|透露|审议|研究|讨论|通过|决定|部署|明确)")
_ZH_PERSON_VERB = re.compile(r"(?:同志)?(?:在讲话中|在会上)?(?:还|也)?(?:指出|强调|表示|要求|说|提出)")
_ZH_TITLE = re.compile(r"(?:总书记|书记|副省长|省长|副市长|市长|主任|部长|厅长|局长|主席|副总理|总理|委员|代表)$")
_ZH_NARRATION = re.compile(r"^\d{1,2}月\d{1,2}日|出席|主持|参加|调研|考察")
_ZH_VOICED = re.compile(r"要|必须|需要|应当|我们")


class Voice(NamedTuple):
    """The voice of one sentence: ``speaker`` (a canonical name, ``meeting`` or ``narrator``), the person's
    ``role`` as given in the document, and the ``cue`` (the words that set the voice)."""

    speaker: str
    role: str
    cue: str


_NARRATOR_VOICE = Voice(NARRATOR, "", "")


def _is_zh(text: str) -> bool:
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return cjk > latin


def _zh_cue(text: str) -> tuple[str, str, str] | None:
    """(kind, name, cue) for a Chinese sentence, ``kind`` in person/meeting/narration, or None."""
    m = _ZH_MEETING.search(text)
    if m:
        return MEETING, MEETING, m.group(0)
    head = text[:60]
    if not _ZH_PERSON_VERB.search(head):
        return None if not _ZH_NARRATION.search(text) else ("narration", NARRATOR, "")
    import jieba.posseg as pseg  # imported lazily: jieba loads its dictionary on first use

    pos = 0
    for word, flag in pseg.lcut(head):
        pos += len(word)
        if flag == "nr" and len(word) >= 2 and _ZH_PERSON_VERB.match(head, pos):
            verb = _ZH_PERSON_VERB.match(head, pos)
            title = _ZH_TITLE.search(head, 0, pos - len(word))
            return "person", word + "\t" + (title.group(0) if title else ""), head[:verb.end()]
    if _ZH_NARRATION.search(text):
        return "narration", NARRATOR, ""
    return None


class _Attributor:
    """The running state of one document: people, who has spoken, genders, the running voice per language."""

    def __init__(self, sentences: Sequence[str], langs: Sequence[str],
                 people: pd.DataFrame | None = None) -> None:
        if people is None:
            people = extract_people(english_text(sentences, langs))
        self.roles: dict[str, str] = dict(zip(people["name"], people["role"]))
        self.known: list[str] = list(people["name"])
        self.spoken: list[str] = []          # most recent last
        self.gender: dict[str, str] = {}
        self.mentioned: list[tuple[int, str]] = []   # (sentence number, name)
        self.index = 0

    def person(self, mention: str, title: str = "") -> Voice | None:
        bare, stripped = split_title(mention)
        title = title or stripped
        name = canonical_name(bare, self.known)
        if " " not in name and name not in self.known and not title:
            return None  # a lone capitalised word, untitled and nobody known: not a person
        if name not in self.known:
            self.known.append(name)
        role = self.roles.get(name) or title
        if role and not self.roles.get(name):
            self.roles[name] = role
        return Voice(name, role, "")

    def note_mentions(self, text: str) -> None:
        self.index += 1
        for name in self.known:
            if name in text:
                self.mentioned.append((self.index, name))
        m = _RE_SPEAKS.search(text) if ("made" in text or "delivered" in text or "addressed" in text
                                        or "gave" in text or "spoke" in text) else None
        if m:
            before = [(text.rfind(n, 0, m.start()), n) for n in self.known if text.rfind(n, 0, m.start()) >= 0]
            if before:
                self.speaks(max(before)[1])

    def speaks(self, name: str, poss: str | None = None) -> None:
        if name in self.spoken:
            self.spoken.remove(name)
        self.spoken.append(name)
        if poss:
            self.gender.setdefault(name, "m" if poss.lower() in ("his", "he") else "f")

    def resolve(self, pronoun: str) -> str | None:
        want = "m" if pronoun.lower() == "he" else "f"
        recent = [name for i, name in self.mentioned if self.index - i < MENTION_WINDOW]
        for pool in (self.spoken, recent):
            for name in reversed(pool):
                if self.gender.get(name, want) == want:
                    return name
            if pool:
                return pool[-1]
        return None

    def explicit(self, text: str, *, narration: bool = True) -> tuple[str, Voice] | None:
        """The sentence's own cue, if it has one: ("person"|"meeting"|"narration", voice). Without
        ``narration``, a narration cue is not looked for (None instead: the caller treats both alike)."""
        lead = lead_end(text)
        for pattern in (_RE_FRAME_FIRST, _RE_FRAME_APPOS, _RE_PERSON, _RE_PRONOUN):
            if pattern is _RE_FRAME_FIRST:
                m = pattern.match(text) if text.startswith(_FRAME_FIRST_OPENERS) else None
            elif pattern is _RE_FRAME_APPOS:
                m = pattern.match(text) if "in h" in text else None
            else:
                m = pattern.match(text) or (pattern.match(text, lead) if lead else None)
            if not m:
                continue
            cue = text[:m.end()].rstrip(" ,")
            groups = m.groupdict()
            if groups.get("pron"):
                name = self.resolve(groups["pron"])
                if name is None:
                    continue
                self.speaks(name, groups.get("poss") or groups["pron"])
                return "person", Voice(name, self.roles.get(name, ""), cue)
            voice = self.person(groups["name"], groups.get("title") or "")
            if voice is None:
                continue
            self.speaks(voice.speaker, groups.get("poss"))
            return "person", voice._replace(cue=cue)
        m = None
        if "said" in text or "added" in text or "stated" in text or "noted" in text:  # every trailing verb
            m = _RE_TRAILING[0].search(text) or _RE_TRAILING[1].search(text)
        if m and (voice := self.person(m.group("name"), m.group("title") or "")) is not None:
            self.speaks(voice.speaker)
            return "person", voice._replace(cue=m.group(0).strip(' ,".'))
        for pattern in (_RE_MEETING, _RE_MEETING_PASSIVE):
            m = pattern.match(text) or (pattern.match(text, lead) if lead else None)
            if m:
                return MEETING, Voice(MEETING, "", text[:m.end()].strip())
        if not narration:
            return None
        if any(p.match(text) for p in _RE_NARRATION) \
                or any(p.match(text) or (lead and p.match(text, lead)) for p in _RE_NARRATION_AFTER_LEAD) or (
                ("attended" in text or "presided over" in text or "present at" in text)  # every _ATTENDED
                and _RE_ATTENDED.search(text) and not _RE_FIRST_PERSON.search(text)):
            return "narration", _NARRATOR_VOICE
        return None

    def explicit_zh(self, text: str) -> tuple[str, Voice] | None:
        found = _zh_cue(text)
        if found is None:
            return None
        kind, name, cue = found
        if kind == "narration":
            return kind, _NARRATOR_VOICE
        if kind == MEETING:
            return kind, Voice(MEETING, "", cue)
        name, title = name.split("\t")
        self.roles.setdefault(name, title)
        return kind, Voice(name, self.roles[name], cue)


def english_text(sentences: Sequence[str], langs: Sequence[str]) -> str:
    """The English sentences of a document, one per line: the text people are extracted from."""
    return "\n".join(s for s, lang in zip(sentences, langs) if lang == "en")


def attribute_voices(sentences: Sequence[str], *, para_ids: Sequence[int] | None = None,
                     langs: Sequence[str] | None = None, doc_speaker: str | None = None,
                     people: pd.DataFrame | None = None) -> list[Voice]:
    """The voice of every sentence of one document, in order (rules in the module docstring).

    Parameters
    ----------
    sentences : sequence of str
        The document's sentences, in reading order.
    para_ids : sequence of int, optional
        The paragraph of each sentence (same length); used only to look ahead within a paragraph for an
        attribution placed after the words. Without it, each sentence is its own paragraph.
    langs : sequence of str, optional
        ``en`` or ``zh`` for each sentence; detected from the characters when omitted.
    doc_speaker : str, optional
        The speaker of a whole-document speech: every sentence is theirs unless it reports someone else.
    people : DataFrame, optional
        ``extract_people(english_text(sentences, langs))`` when the caller has it already (the corpus
        pipeline keeps it as the document's people table); computed here otherwise.

    Returns
    -------
    list of Voice
        One ``Voice(speaker, role, cue)`` per sentence.
    """
    if isinstance(sentences, str) or not isinstance(sentences, Sequence):
        raise ParameterError("sentences must be a sequence of str (one per sentence), "
                             f"got {type(sentences).__name__}")
    sentences = [str(s) for s in sentences]
    n = len(sentences)
    for arg, values in (("para_ids", para_ids), ("langs", langs)):
        if values is not None and len(values) != n:
            raise ParameterError(f"{arg} must have one value per sentence ({n}), got {len(values)}")
    if langs is None:
        langs = ["zh" if _is_zh(s) else "en" for s in sentences]
    bad = sorted({lang for lang in langs if lang not in ("en", "zh")})
    if bad:
        raise ParameterError(f"langs: unknown language {bad[0]!r}; valid: en, zh")
    if doc_speaker is not None and (not isinstance(doc_speaker, str) or not doc_speaker.strip()):
        raise ParameterError(f"doc_speaker must be a non-empty str or None, got {doc_speaker!r}")
    para_ids = list(para_ids) if para_ids is not None else list(range(n))

    if people is not None and not {"name", "role"} <= set(people.columns):
        raise ParameterError("people must be a DataFrame with name and role columns, as extract_people gives")
    state = _Attributor(sentences, langs, people)
    found: list[tuple[str, Voice] | None] = []
    narration = doc_speaker is None  # a speech's narration takes the speaker's voice like any other sentence
    for text, lang in zip(sentences, langs):
        cue = state.explicit_zh(text) if lang == "zh" else state.explicit(text.strip().lstrip('"'),
                                                                          narration=narration)
        found.append(cue)
        if lang == "en":
            state.note_mentions(text)

    if doc_speaker is not None:
        own_name, own_title = split_title(doc_speaker.strip())
        own = Voice(canonical_name(own_name, state.known), state.roles.get(own_name, own_title), "")
        return [f[1] if f and f[0] != "narration" and f[1].speaker != own.speaker else own for f in found]

    voices: list[Voice] = []
    running = {"en": _NARRATOR_VOICE, "zh": _NARRATOR_VOICE}
    for i, (text, lang) in enumerate(zip(sentences, langs)):
        if found[i] is not None:
            running[lang] = found[i][1]
            voices.append(found[i][1])
            continue
        voice = running[lang]._replace(cue="")
        if voice.speaker == NARRATOR and (_ZH_VOICED.search(text) if lang == "zh" else
                                          _RE_VOICED_START.match(text) or _RE_VOICED_WORD.search(text)):
            for j in range(i + 1, n):
                if para_ids[j] != para_ids[i] or langs[j] != lang:
                    break
                if found[j] is not None:
                    if found[j][0] != "narration":
                        voice = found[j][1]._replace(cue="")
                    break
        voices.append(voice)
    return voices
