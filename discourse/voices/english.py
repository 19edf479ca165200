"""English cues of a voice: a person, a pronoun, a body, a narration, within one document.

:class:`EnglishCues` keeps the running state of one document (its people, who has spoken, genders) and
finds the cue of each English sentence (:meth:`EnglishCues.explicit`); :mod:`discourse.voices.attribute`
turns the cues into voices. The cues, in the order they are tried on a sentence:

1. **Person cue** (the person's canonical name):
   - ``NAME [, ROLE,] VERB`` at the start of the sentence, after at most one introductory phrase ("Having
     listened to their remarks, Shi Xiaolin expressed ..."); a title may precede the name ("Governor Shi
     Xiaolin stressed"); a surname alone counts when it belongs to a person of the document ("Shi stressed");
   - ``In his/her speech|address|remarks[ at ...], X ...`` and ``X, in his/her speech|address|remarks, ...``;
   - ``He/She VERB``: the pronoun resolves to the person most recently introduced as *speaking* (an earlier
     voice, or someone who "addressed" the event or "delivered a speech"), preferring one whose gender is
     known to match (learnt from "his"/"her" in cues and from resolved pronouns); only when nobody has
     spoken yet does it fall back to the last person mentioned in the preceding MENTION_WINDOW sentences
     (unresolved, the sentence is treated as having no cue);
   - a quotation lead: "As X said/wrote, ...", "... the words of X ...: \"", "X ... said, \"..." (the first
     person named in the sentence before a reporting verb that opens a quotation), where X may also be an
     office ("the Treasurer", "the Prime Minister": the person labelled with that office in the document,
     else the office itself);
   - a trailing attribution: ``..., X said.`` / ``..., said X.``.
   ``VERB`` is one of REPORTING_VERBS: pointed out, stated, emphasized, stressed, underscored, noted, said,
   called for, urged, requested, expressed, added, demanded, required, asked, advocated, highlighted,
   reiterated, instructed, remarked (and their present-tense forms, plus declared, explained, told).
2. **Meeting cue** (``meeting``): a collective body as subject, "The [52nd executive]
   meeting|conference|session|plenary|symposium|forum [of ...]" + a reporting verb or a verb of deliberation
   (deliberated, reviewed, discussed, adopted, approved, decided, agreed, revealed, held that, proposed);
   "It was noted/stressed/... [at the session]"; "The following requirements were made".
3. **Narration** (``narrator``): the sentence describes the event itself -- it starts with a date or time
   ("On July 27", "From April 15 to 16", "On the afternoon of"), with "Attendees"/"Participants", or with
   "At|During|Before|After the meeting|conference|visit ..."; an event is held/convened/attended ("The
   conference was held ..."); a person is introduced with a title in apposition ("Zuo Yongxiang, Vice
   Governor of ..., presided over ..."); a named person or he/she attends, chairs, presides over, visits,
   tours or inspects; or someone other than "we" attended or presided over something.

**Only persons are persons.** A name must be shaped like one: two or three capitalised words of which at
least one is not an ordinary English word (the Pattern lexicon's lower-case entries), or any name with a
title, or a name the document gives a title, a role or a speaker label. So the heading words of "Workforce
Training requires urgent attention." or "Best Sourcing requires every ministry ..." are no voice, while
"Tan Ah Kow" and "Martin Luther King" are names. A single capitalised word is a person only with a title,
when it is a known surname of the document, or in "As Kautilya wrote". Names the lexicon holds as words
(a "Rose Bush" or "Mark Young" without a title) are missed; the cost is measured on the voice gold set.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from discourse.voices.people import ADVERB as _ADV
from discourse.voices.people import (
    FULL_NAME,
    MEETING,
    NAME_TOKEN,
    NARRATOR,
    REPORTING_VERBS,
    TITLE,
    Voice,
    canonical_name,
    extract_people,
    is_name_like,
    lead_end,
    split_title,
)
from discourse.voices.people import REPORTING_VERB as _VERB
from discourse.voices.people import ROLE_GAP as _ROLE_GAP

__all__ = ["EnglishCues", "english_text", "MENTION_WINDOW", "MEETING_VERBS", "BODY_ACTIONS", "OFFICES",
           "office_key"]

#: A pronoun falls back to a person merely mentioned only within this many preceding sentences.
MENTION_WINDOW = 3

#: Verbs that give a collective body (only) a voice: it states a view or a decision.
MEETING_VERBS = ("decided", "agreed", "revealed", "held that", "proposed", "maintained", "believed", "concluded",
                 "affirmed", "made clear", "put forward")
#: Verbs of a body's business, not its voice: "The meeting deliberated and adopted the Plan" is narration,
#: and the contents of the plan that follow are the plan's, a document, which is no voice (rule 8 of the
#: voice gold set's guidelines; the seed annotation of the Sichuan releases had ``meeting`` here).
BODY_ACTIONS = ("deliberated", "reviewed", "discussed", "adopted", "approved", "passed", "studied", "deployed",
                "heard", "listened to", "examined")
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
    re.compile(rf"^(?:The|This)\s+(?:[\w()'-]+\s+){{0,5}}?{_BODIES}(?:\s+of\s+[^,]{{1,80}}?)?\s+{_ADV}"
               rf"(?:{'|'.join(BODY_ACTIONS)})\b"),
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


#: Offices that may stand for a person as the subject of a reporting verb ("the Treasurer said").
OFFICES = ("Prime Minister", "Deputy Prime Minister", "Finance Minister", "Treasurer", "Chancellor",
           "Leader of the Opposition", "President", "Vice President", "Premier", "Secretary of State",
           "Speaker", "Chairman", "Governor", "Mayor", "Minister")
_OFFICE = (r"(?P<office>(?:(?:Deputy|Vice|Acting|Senior|Parliamentary)\s+)?(?:"
           + "|".join(re.escape(o) for o in sorted(OFFICES, key=len, reverse=True))
           + r")(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3})?)")
_RE_OFFICE_SUBJECT = re.compile(rf"[Tt]he\s+{_OFFICE}\s+{_ADV}{_VERB}")
_QUOTE_VERBS = (r"(?P<qverb>said|says|wrote|writes|declared|declares|asked|asks|added|replied|answered|remarked|"
                r"put it|told (?:us|me|them|him|her|the [\w ]{1,40}?)|tells (?:us|me|them))")
# A reporting verb that opens a quotation ('... said, "'); its subject is looked for before it.
_RE_QUOTE_LEAD = re.compile(rf"\b{_QUOTE_VERBS}\s*[,:]?\s*\"")
# A person (title + name, full name, known surname), an office, or a pronoun, as a subject before the verb.
_RE_MENTION = re.compile(rf"(?:[Tt]he\s+{_OFFICE}\b|(?<![\w-]){_PERSON}(?![\w-])|\b(?P<pron>[Hh]e|[Ss]he)\b)")
_RE_AS_SAID = re.compile(
    rf"^As\s+(?:[Tt]he\s+{_OFFICE}|{_PERSON})\s+(?:once\s+|has\s+|had\s+|so\s+\w+\s+)?"
    r"(?:said|says|wrote|writes|put it|observed|noted|reminded us|told us|declared|taught|remarked)\b")
_RE_WORDS_OF = re.compile(rf"\bwords of\s+(?:[Tt]he\s+{_OFFICE}|{_PERSON})\b[^\"]{{0,120}}[,:]\s*\"")


def office_key(office: str) -> frozenset[str]:
    """The words of an office, ignoring case, order and of/for/the: "Finance Minister" = "Minister for Finance"."""
    return frozenset(w for w in office.lower().replace("-", " ").split() if w not in ("of", "for", "the"))


NARRATOR_VOICE = Voice(NARRATOR, "", "")


class EnglishCues:
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
        self.titled: set[str] = {name for name, role in self.roles.items() if role}
        self.spoke_at: dict[str, int] = {}
        #: Resolve a pronoun only to someone who spoke or was named in the last MENTION_WINDOW sentences: in a
        #: speech or a turn, "She said" after a long stretch of the speaker's own words quotes someone the
        #: speaker has just described without a name ("A young woman in Baghdad told of ..."), not a person
        #: quoted pages before.
        self.near_only = False
        self.offices: dict[frozenset[str], str] = {}  # office words -> the person holding it here

    def add_speaker(self, name: str, role: str) -> None:
        """A person named by a speaker label (a person whatever the words of the name), with their office."""
        if name not in self.known:
            self.known.append(name)
        self.titled.add(name)
        if role:
            self.roles.setdefault(name, role)
            self.offices.setdefault(office_key(role), name)

    def office_holder(self, office: str) -> Voice:
        """The voice of an office mentioned as a speaker: its holder in the document (by a speaker label
        with that office, or the one label whose office holds all its words), else the office itself."""
        office = " ".join(office.split())
        key = office_key(office)
        name = self.offices.get(key)
        if name is None:  # "the Minister": the one person labelled with an office of those words
            holders = {who for held, who in self.offices.items() if key <= held}
            name = holders.pop() if len(holders) == 1 else office
        return Voice(name, self.roles.get(name, office), "")

    def person(self, mention: str, title: str = "") -> Voice | None:
        bare, stripped = split_title(mention)
        title = title or stripped
        name = canonical_name(bare, self.known)
        if " " not in name and name not in self.known and not title:
            return None  # a lone capitalised word, untitled and nobody known: not a person
        if not title and name not in self.titled and not is_name_like(name):
            return None  # heading or programme words before a verb ("Workforce Training requires")
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
        self.spoke_at[name] = self.index
        if poss:
            self.gender.setdefault(name, "m" if poss.lower() in ("his", "he") else "f")

    def resolve(self, pronoun: str) -> str | None:
        want = "m" if pronoun.lower() == "he" else "f"
        recent = [name for i, name in self.mentioned if self.index - i < MENTION_WINDOW]
        spoken = self.spoken if not self.near_only else \
            [name for name in self.spoken if self.index - self.spoke_at[name] < MENTION_WINDOW]
        for pool in (spoken, recent):
            for name in reversed(pool):
                if self.gender.get(name, want) == want:
                    return name
            if pool:
                return pool[-1]
        return None

    def mention(self, m: re.Match[str], *, single: bool = False) -> Voice | None:
        """The voice of a mention matched by one of the patterns with an office, a person or a pronoun."""
        groups = m.groupdict()
        if groups.get("office"):
            return self.office_holder(groups["office"])
        if groups.get("pron"):
            name = self.resolve(groups["pron"])
            return None if name is None else Voice(name, self.roles.get(name, ""), "")
        title = groups.get("title") or ""
        if single and not title and " " not in groups["name"] and groups["name"] not in self.known:
            if not is_name_like(groups["name"]):
                return None
            self.known.append(groups["name"])  # "As Kautilya wrote": a single name quoted as an author
        return self.person(groups["name"], title)

    def quotation_lead(self, text: str) -> Voice | None:
        """A person cue that leads a quotation: "As X said ...", "the words of X ...: \"", "X ... said, \"".

        For the last, X is the first person, office or pronoun named before the reporting verb.
        """
        m = _RE_AS_SAID.match(text) if text.startswith("As ") else None
        if m and (voice := self.mention(m, single=True)) is not None:
            self.speaks(voice.speaker)
            return voice._replace(cue=m.group(0))
        if '"' not in text:
            return None
        m = _RE_WORDS_OF.search(text) if "words of" in text else None
        if m and (voice := self.mention(m)) is not None:
            self.speaks(voice.speaker)
            return voice._replace(cue=m.group(0).rstrip(' "'))
        m = _RE_QUOTE_LEAD.search(text)
        if m is None:
            return None
        for subject in _RE_MENTION.finditer(text, 0, m.start()):
            voice = self.mention(subject)
            if voice is not None:
                self.speaks(voice.speaker)
                return voice._replace(cue=text[subject.start():m.end()].rstrip(' "'))
        return None

    def explicit(self, text: str, *, narration: bool = True) -> tuple[str, Voice] | None:
        """The sentence's own cue, if it has one: ("person"|"meeting"|"narration", voice). Without
        ``narration``, a narration cue is not looked for (None instead: the caller treats both alike)."""
        lead = lead_end(text)
        m = _RE_OFFICE_SUBJECT.match(text) or (_RE_OFFICE_SUBJECT.match(text, lead) if lead else None)
        if m:
            return "person", self.office_holder(m.group("office"))._replace(cue=text[:m.end()].rstrip(" ,"))
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
        found = self.quotation_lead(text)
        if found is not None:
            return "person", found
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
            return "narration", NARRATOR_VOICE
        return None


def english_text(sentences: Sequence[str], langs: Sequence[str]) -> str:
    """The English sentences of a document, one per line: the text people are extracted from."""
    return "\n".join(s for s, lang in zip(sentences, langs) if lang == "en")


