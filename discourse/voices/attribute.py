"""The voice (speaker) of every sentence: a person, the meeting, or the narrator.

Each sentence gets exactly one voice (MEASURES.md, "Voice (speaker) of a sentence"). A document is one of
three types (``documents.doc_type``), which decide its **default voice**:

- ``transcript``: at least ``MIN_TURN_LABELS`` paragraphs open with a speaker label
  (:mod:`discourse.voices.labels`); every sentence from a label to the next is that speaker's (the label's
  own sentence included), and the text before the first label is ``narrator``. A document speaker from the
  manifest or the file name does not override the labels: the chair's turns stay the chair's. Detection
  can be switched off (``turns=False``): the document is then a speech or narrated text.
- ``speech``: a document speaker is given (``doc_speaker``); every sentence is theirs, but for the title
  and date lines before the speech (:func:`~discourse.voices.labels.is_front_matter`), which are
  ``narrator``.
- ``narrated``: neither; the default voice is ``narrator`` and the cues below set a running voice.

In every type, the record's own notes ("(Applause)", "Question put, and agreed to.", "Government
supporters interjecting.") are ``narrator`` (:func:`~discourse.voices.labels.is_record_note`) and leave
the running voice or turn as it was.

**Cues** (:mod:`discourse.voices.english`, :mod:`discourse.voices.chinese`) name a person, a pronoun
resolving to one, or a collective body. Only persons and bodies are voices: heading words, programme names
and slogans before a verb are not ("Workforce Training requires ...", 邓小平理论).

**A default voice is a default, not a blanket.** In a transcript or a speech a cue for someone else gives
that person the sentence it is in and the sentences inside the quotation it opens (to the closing mark,
within the paragraph); the next sentence is the default voice again. A cue for the default speaker changes
nothing. Narration cues are not looked for: a speaker describing an event speaks all the same.

**Narrated documents.** A cue sets the running voice; later sentences without a cue ("We must ...") inherit
it, with an empty ``voice_cue``, until another cue or a narration cue ("On July 27, ...", "X attended ...").
A continuation ends with its paragraph unless the next paragraph continues it: it opens with its own cue
(a pronoun, "He added", "She also said", 他还指出), or the voice announced what follows with a colon ("...
in three aspects:") and the paragraph goes on with it ("First, ...", 二是...), or it opens a quotation
that the previous paragraph left open. Within a paragraph, a sentence that would be the narrator's but
speaks in the first person plural or prescribes ("We should ...", "It is essential to ...") takes the
first voice named later in the same paragraph: translations sometimes put the attribution after the
words ("We should learn ... . The meeting revealed that ..."); in Chinese only the next sentence is looked
at, and a citation there lends no voice. Headlines and captions are narrator by
default. Chinese and English sentences keep separate running voices: in bilingual documents the
paragraphs of one language translate those of the other rather than continue them.

**Chinese.** A meeting being reported (会议指出, 会上强调) sets the running voice as above when the cue
opens its paragraph, as news reports run, or when its sentence announces what follows with a colon
(会议透露，……三个方面着力：); inside a paragraph ("……，十二届三中全会指出商品经济是……；") and for a
congress or plenum a report names, the cue gives its voice to its sentence only. A person (王晓晖强调，
……, 毛主席提出了……, 列宁指出：“) speaks for the sentence that reports them and for the quotation it
opens, over as many lines as the quotation runs, and no further: a cited authority speaks for the span
cited, and the report's own voice returns after the closing mark ("”的路线。"); see
:mod:`discourse.voices.chinese` for the measured reason. A quotation that a narrator's sentence attributes
("反对毛主席提出的“...”") is the person's too; one attributed to nobody (a slogan, a document) changes
nothing. An owned quotation longer than ``MAX_QUOTE_SENTENCES`` sentences is taken for a missing closing
mark and ends there.

Names are canonical: titles ("Governor", "General Secretary", "Mr.", 同志) are stripped into ``role``;
within a document a surname alone maps to the one full name with that surname; :func:`canonicalize`
merges names across a corpus. ``extract_people``, ``canonical_name`` and ``canonicalize`` are re-exported
here.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd

from discourse.errors import ParameterError
from discourse.voices.chinese import CLOSING_QUOTES, OPENING_QUOTES, ZhCue, quote_owner_before, zh_cue
from discourse.voices.english import NARRATOR_VOICE, EnglishCues, english_text
from discourse.voices.labels import Label, find_labels, is_front_matter, is_record_note
from discourse.voices.people import (
    MEETING,
    NARRATOR,
    REPORTING_VERBS,
    Voice,
    canonical_name,
    canonicalize,
    extract_people,
    split_title,
)

__all__ = ["Voice", "DocumentVoices", "attribute_document", "attribute_voices", "extract_people",
           "canonical_name", "canonicalize", "english_text", "REPORTING_VERBS", "MEETING", "NARRATOR",
           "DOC_TYPES", "MIN_TURN_LABELS", "MAX_QUOTE_SENTENCES", "ZH_LOOKAHEAD"]

#: A document with at least this many paragraphs opening with a speaker label is a transcript.
MIN_TURN_LABELS = 2
#: The document types, as in ``documents.doc_type``.
DOC_TYPES = ("transcript", "speech", "narrated")
#: An owned Chinese quotation still open after this many sentences is taken to have lost its closing mark.
MAX_QUOTE_SENTENCES = 40
#: A Chinese sentence that prescribes takes a voice named later in its paragraph only this many sentences on
#: (the translation order of the press releases puts the lead right after it; the long paragraphs of a report
#: hold many prescriptions of the report's own before a citation).
ZH_LOOKAHEAD = 1

_ENUMERATION = re.compile(r"^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Finally|"
                          r"Lastly|Last)\b|^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+|其[一二三四五]|首先|其次|最后)")
_RE_VOICED_WORD = re.compile(r"\b(?:we|our|us)\b", re.I)
_RE_VOICED_START = re.compile(r"(?:It is (?:necessary|essential|imperative|crucial|important|vital)|"
                              r"Efforts (?:should|must|will))", re.I)
_ZH_VOICED = re.compile(r"要|必须|需要|应当|我们")
_ZH_NARRATION = re.compile(r"^\d{1,2}月\d{1,2}日|出席|主持|参加|调研|考察")
_ZH_WORD = re.compile(r"[\u4e00-\u9fff\w]")


class DocumentVoices(NamedTuple):
    """The voices of one document's sentences and the document's type (one of :data:`DOC_TYPES`)."""

    voices: list[Voice]
    doc_type: str


def _is_zh(text: str) -> bool:
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return cjk > latin


def _check(sentences: object, n: int, para_ids: object, langs: object, doc_speaker: object,
           people: object, turns: object) -> None:
    for arg, values in (("para_ids", para_ids), ("langs", langs)):
        if values is not None and len(values) != n:  # type: ignore[arg-type]
            raise ParameterError(f"{arg} must have one value per sentence ({n}), got {len(values)}")  # type: ignore
    if doc_speaker is not None and (not isinstance(doc_speaker, str) or not doc_speaker.strip()):
        raise ParameterError(f"doc_speaker must be a non-empty str or None, got {doc_speaker!r}")
    if people is not None and not (isinstance(people, pd.DataFrame) and {"name", "role"} <= set(people.columns)):
        raise ParameterError("people must be a DataFrame with name and role columns, as extract_people gives")
    if not isinstance(turns, bool):
        raise ParameterError(f"turns must be True or False, got {turns!r}")


def _paragraph_labels(sentences: list[str], para_ids: list[int], langs: list[str]
                      ) -> tuple[list[Label | None], list[str | None]]:
    """Per sentence: the label of the turn it opens (on the paragraph's first sentence) and the text left to
    read for cues once the label is taken off (None for a sentence that is all label)."""
    starts = [i for i in range(len(sentences)) if i == 0 or para_ids[i] != para_ids[i - 1]]
    bounds = list(zip(starts, starts[1:] + [len(sentences)]))
    texts = [" ".join(sentences[a:b]) if all(lang == "en" for lang in langs[a:b]) else "" for a, b in bounds]
    labels = find_labels(texts)
    label_of: list[Label | None] = [None] * len(sentences)
    rest: list[str | None] = list(sentences)
    for (a, b), label in zip(bounds, labels):
        if label is None:
            continue
        label_of[a] = label
        left = label.text
        for i in range(a, b):
            text = sentences[i].strip()
            if left and len(text) <= len(left) and left.startswith(text):
                rest[i], left = None, left[len(text):].strip()
            elif left and text.startswith(left):
                rest[i], left = text[len(left):].strip(), ""
            else:
                break
    return label_of, rest


class _ZhQuotes:
    """Chinese quotation marks across sentences: whose words the open quotation holds."""

    def __init__(self, document: str) -> None:
        self.document = document
        self.depth = 0
        self.owner: Voice | None = None      # of the outermost open quotation
        self.clause: Voice | None = None     # the person whose report the current sentence (to 。) is
        self.open_for = 0                    # sentences the owned quotation has been open
        self.last = ""                       # the last character read

    def new_paragraph(self, text: str) -> None:
        """A quotation runs on into a new paragraph only when the last one ended by opening it (a lead
        "...指出：“" on a line of its own), or when the new one opens with a quotation mark (the closing mark
        after quoted words on a line of their own, or a quotation that goes on over paragraphs). Otherwise
        a mark is missing -- cleaning removes lines made only of quotation marks -- and it is closed here."""
        head = text.lstrip()[:1]
        if self.depth and not (self.last in OPENING_QUOTES or (head and head in OPENING_QUOTES + CLOSING_QUOTES)):
            self.depth, self.owner, self.clause = 0, None, None

    def read(self, text: str, cue: ZhCue | None) -> Voice | None:
        """Update the state with one sentence; return the owner's voice when the sentence is (in part) the
        words of an owned quotation it starts inside, else None."""
        start_owner = self.owner if self.depth else None
        before_close = text
        for k, ch in enumerate(text):
            if ch in CLOSING_QUOTES:
                before_close = text[:k]
                break
        person = Voice(cue.name, cue.role, "") if cue is not None and cue.kind == "person" else None
        if person is not None:
            self.clause = person
        clause_start = 0
        for pos, ch in enumerate(text):
            if ch in OPENING_QUOTES:
                if self.depth == 0:
                    owner = None
                    if person is not None and cue is not None and cue.end <= pos + 1:
                        owner = person
                    elif self.clause is not None:
                        owner = self.clause
                    else:
                        name = quote_owner_before(text[clause_start:pos], self.document)
                        owner = Voice(name, "", "") if name else None
                    self.owner, self.open_for = owner, 0
                self.depth += 1
            elif ch in CLOSING_QUOTES and self.depth:
                self.depth -= 1
                if self.depth == 0:
                    self.owner = None
            elif self.depth == 0 and ch in "。！？":
                self.clause = None
            elif self.depth == 0 and ch in "，；：,;:":
                clause_start = pos + 1
        if self.owner is not None:
            self.open_for += 1
            if self.open_for > MAX_QUOTE_SENTENCES:
                self.owner, self.depth, self.clause = None, 0, None
        self.last = text.rstrip()[-1:]
        if start_owner is None:
            return None
        if _ZH_WORD.search(before_close):
            return start_owner
        return self.clause if self.owner is not None and self.clause is not None else None


def attribute_document(sentences: Sequence[str], *, para_ids: Sequence[int] | None = None,
                       langs: Sequence[str] | None = None, doc_speaker: str | None = None,
                       people: pd.DataFrame | None = None, turns: bool = True) -> DocumentVoices:
    """The voice of every sentence of one document and the document's type (rules in the module docstring).

    Parameters
    ----------
    sentences : sequence of str
        The document's sentences, in reading order.
    para_ids : sequence of int, optional
        The paragraph of each sentence (same length): paragraphs are where speaker labels open turns and
        where continuations end. Without it, the sentences are one paragraph.
    langs : sequence of str, optional
        ``en`` or ``zh`` for each sentence; detected from the characters when omitted.
    doc_speaker : str, optional
        The speaker of a whole-document speech (from the manifest or the file name): the default voice.
    people : DataFrame, optional
        ``extract_people(english_text(sentences, langs))`` when the caller has it already (the corpus
        pipeline keeps it as the document's people table); computed here otherwise.
    turns : bool
        Look for speaker labels (a document with ``MIN_TURN_LABELS`` of them is a transcript); False
        switches transcript detection off.

    Returns
    -------
    DocumentVoices
        ``voices``: one ``Voice(speaker, role, cue)`` per sentence (``cue``: the words that decided the
        voice -- a speaker label, a reporting lead -- empty where the voice is inherited or the default);
        ``doc_type``: ``transcript``, ``speech`` or ``narrated``.
    """
    if isinstance(sentences, str) or not isinstance(sentences, Sequence):
        raise ParameterError("sentences must be a sequence of str (one per sentence), "
                             f"got {type(sentences).__name__}")
    sentences = [str(s) for s in sentences]
    n = len(sentences)
    _check(sentences, n, para_ids, langs, doc_speaker, people, turns)
    if langs is None:
        langs = ["zh" if _is_zh(s) else "en" for s in sentences]
    langs = list(langs)
    bad = sorted({lang for lang in langs if lang not in ("en", "zh")})
    if bad:
        raise ParameterError(f"langs: unknown language {bad[0]!r}; valid: en, zh")
    para_ids = list(para_ids) if para_ids is not None else [0] * n

    label_of, rest = _paragraph_labels(sentences, para_ids, langs) if turns else ([None] * n, list(sentences))
    transcript = sum(label is not None for label in label_of) >= MIN_TURN_LABELS
    if not transcript:
        label_of, rest = [None] * n, list(sentences)
    doc_type = "transcript" if transcript else ("speech" if doc_speaker is not None else "narrated")

    state = EnglishCues(sentences, langs, people)
    state.near_only = doc_type != "narrated"
    for label in label_of:
        if label is not None and label.kind != "floor":
            state.add_speaker(label.name, label.role)
    zh_document = "".join(s for s, lang in zip(sentences, langs) if lang == "zh")
    found: list[tuple[str, Voice] | None] = []
    zh_cues: list[ZhCue | None] = []
    for i, (text, lang) in enumerate(zip(sentences, langs)):
        if lang == "zh":
            cue = zh_cue(text, zh_document)
            zh_cues.append(cue)
            found.append(None if cue is None else (cue.kind, Voice(cue.name, cue.role, cue.cue)))
            continue
        zh_cues.append(None)
        body = rest[i]
        found.append(None if not body else state.explicit(body.strip().lstrip('"'),
                                                          narration=doc_type == "narrated"))
        state.note_mentions(text)

    if doc_type == "narrated":
        voices = _narrated(sentences, para_ids, langs, found, zh_cues, zh_document)
    else:
        if doc_type == "speech":
            own_name, own_title = split_title(doc_speaker.strip())  # type: ignore[union-attr]
            own = Voice(canonical_name(own_name, state.known), state.roles.get(own_name, own_title), "")
        else:
            own = NARRATOR_VOICE
        voices = _with_default(sentences, para_ids, langs, found, zh_cues, zh_document, label_of, own,
                               speech=doc_type == "speech")
    for i, text in enumerate(sentences):
        if label_of[i] is None and is_record_note(text):
            voices[i] = NARRATOR_VOICE
    return DocumentVoices(voices, doc_type)


def _paragraph_texts(sentences: list[str], para_ids: list[int]) -> list[str]:
    """Per sentence: the text of its paragraph (its sentences joined by spaces)."""
    out: list[str] = []
    start = 0
    for i in range(1, len(sentences) + 1):
        if i == len(sentences) or para_ids[i] != para_ids[i - 1]:
            out += [" ".join(sentences[start:i])] * (i - start)
            start = i
    return out


def _quote_count(text: str) -> int:
    return text.count('"') + sum(text.count(q) for q in OPENING_QUOTES + CLOSING_QUOTES)


def _with_default(sentences: list[str], para_ids: list[int], langs: list[str],
                  found: list[tuple[str, Voice] | None], zh_cues: list[ZhCue | None], zh_document: str,
                  label_of: list[Label | None], own: Voice, *, speech: bool) -> list[Voice]:
    """Voices of a transcript (the turn is the default) or a speech (``own`` is): other voices only for the
    sentences they cover."""
    quotes = _ZhQuotes(zh_document)
    paragraphs = _paragraph_texts(sentences, para_ids)
    voices: list[Voice] = []
    default = own
    span: Voice | None = None   # another person quoted in English, while the quotation is open
    open_marks = 0
    front = speech
    last_zh_person: Voice | None = None
    for i, (text, lang) in enumerate(zip(sentences, langs)):
        new_para = i == 0 or para_ids[i] != para_ids[i - 1]
        if new_para:
            if span is not None and not (open_marks % 2 and text.lstrip().startswith('"')):
                span = None
            front = front and is_front_matter(paragraphs[i])
        label = label_of[i]
        if label is not None:
            default = Voice(label.name, label.role, "")
            span = None
            cue_en = found[i]
            if cue_en is None or cue_en[0] == "narration" or cue_en[1].speaker == default.speaker:
                voices.append(default._replace(cue=label.text))
                continue
        if front:
            voices.append(NARRATOR_VOICE)
            continue
        if lang == "zh":
            cue = zh_cues[i]
            if cue is not None and cue.kind == "pronoun":
                cue = cue._replace(kind="person", name=last_zh_person.speaker) if last_zh_person else None
            if new_para:
                quotes.new_paragraph(text)
            inside = quotes.read(text, cue)
            if cue is not None and cue.name != default.speaker:
                voice = Voice(cue.name, cue.role, cue.cue)
                if cue.kind == "person":
                    last_zh_person = voice._replace(cue="")
                voices.append(voice)
            else:
                voices.append(inside if inside is not None and inside.speaker != default.speaker else default)
            continue
        cue_en = found[i]
        if cue_en is not None and cue_en[0] != "narration" and cue_en[1].speaker != default.speaker:
            voices.append(cue_en[1])
            after = text[text.find(cue_en[1].cue) + len(cue_en[1].cue):] if cue_en[1].cue in text else text
            open_marks = after.count('"')
            span = cue_en[1]._replace(cue="") if open_marks % 2 else None
            continue
        if span is not None:
            voices.append(span)
            open_marks += text.count('"')
            if open_marks % 2 == 0:
                span = None
            continue
        voices.append(default)
    return voices


def _narrated(sentences: list[str], para_ids: list[int], langs: list[str],
              found: list[tuple[str, Voice] | None], zh_cues: list[ZhCue | None],
              zh_document: str) -> list[Voice]:
    """Voices of a narrated document: running voices per language, ending with their paragraph."""
    n = len(sentences)
    quotes = _ZhQuotes(zh_document)
    paragraphs = _paragraph_texts(sentences, para_ids)
    running = {"en": NARRATOR_VOICE, "zh": NARRATOR_VOICE}
    announced = {"en": False, "zh": False}   # the running voice announced what follows with a colon
    colon_end = {"en": False, "zh": False}   # the language's last paragraph ended with a colon
    open_quote = {"en": False, "zh": False}
    last_zh_person: Voice | None = None
    voices: list[Voice] = []
    for i, (text, lang) in enumerate(zip(sentences, langs)):
        new_para = i == 0 or para_ids[i] != para_ids[i - 1]
        if new_para and running[lang].speaker != NARRATOR:
            keeps = colon_end[lang] or (announced[lang] and _ENUMERATION.match(text.lstrip()) is not None) \
                or (open_quote[lang] and text.lstrip()[:1] in '"' + OPENING_QUOTES)
            if not keeps:
                running[lang], announced[lang] = NARRATOR_VOICE, False
        cue = found[i]
        inside = None
        if lang == "zh":
            zc = zh_cues[i]
            if zc is not None and zc.kind == "pronoun":
                zc = zc._replace(kind="person", name=last_zh_person.speaker) if last_zh_person else None
                cue = None if zc is None else ("person", Voice(zc.name, zc.role, zc.cue))
            if new_para:
                quotes.new_paragraph(text)
            inside = quotes.read(text, zc)
            if cue is None and _ZH_NARRATION.search(text):
                cue = ("narration", NARRATOR_VOICE)
        if cue is not None:
            kind, voice = cue
            if lang == "zh" and kind == "person":
                last_zh_person = voice._replace(cue="")
            announces = text.rstrip().rstrip("”」』").endswith(("：", ":"))
            if lang == "zh" and kind != "narration" and (
                    (zh_cues[i] is not None and not zh_cues[i].runs) or not (new_para or announces)):
                voices.append(voice)      # a citation, or a report inside a paragraph: that sentence only
            else:
                running[lang], announced[lang] = voice, False
                voices.append(voice)
        elif inside is not None:
            voices.append(inside)
        else:
            voice = running[lang]._replace(cue="")
            if voice.speaker == NARRATOR and (_ZH_VOICED.search(text) if lang == "zh" else
                                              _RE_VOICED_START.match(text) or _RE_VOICED_WORD.search(text)):
                for j in range(i + 1, n if lang == "en" else min(n, i + 1 + ZH_LOOKAHEAD)):
                    if para_ids[j] != para_ids[i] or langs[j] != lang:
                        break
                    if found[j] is not None:
                        cited = lang == "zh" and zh_cues[j] is not None and not zh_cues[j].runs
                        if found[j][0] != "narration" and not cited:
                            voice = found[j][1]._replace(cue="")
                        break
            voices.append(voice)
        last_of_para = i == n - 1 or para_ids[i + 1] != para_ids[i]
        stripped = text.rstrip().rstrip('"”」』')
        if stripped.endswith((":", "：")) and voices[-1].speaker != NARRATOR:
            announced[lang] = True
        if last_of_para:
            colon_end[lang] = stripped.endswith((":", "：")) and voices[-1].speaker != NARRATOR
            open_quote[lang] = _quote_count(paragraphs[i]) % 2 == 1
    return voices


def attribute_voices(sentences: Sequence[str], *, para_ids: Sequence[int] | None = None,
                     langs: Sequence[str] | None = None, doc_speaker: str | None = None,
                     people: pd.DataFrame | None = None, turns: bool = True) -> list[Voice]:
    """The voice of every sentence of one document, in order (rules in the module docstring).

    Parameters are those of :func:`attribute_document`.

    Returns
    -------
    list of Voice
        One ``Voice(speaker, role, cue)`` per sentence.
    """
    return attribute_document(sentences, para_ids=para_ids, langs=langs, doc_speaker=doc_speaker,
                              people=people, turns=turns).voices
