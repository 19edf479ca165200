"""Speaker labels: the line openings that start a turn of a transcript, and the record's own notes.

A parliamentary record names each turn at the start of a line: an office with the name in brackets ("The
Minister for Finance (Dr Tan Ah Kow): ..."), a name with its constituency or office in brackets ("Mr Lim
Boon Heng (Tampines): ...", "MR. HOLLOWAY (Treasurer)."), a name with an honorific ("Dr Tan Ah Kow: ...",
"MR. SMITH."), the chair ("Mr Speaker:", "The Chairman:", "MR. DEPUTY-SPEAKER:") or the floor ("SOME HON.
MEMBERS:", "HONORABLE MEMBERS."). :func:`parse_label` reads one such opening; :func:`find_labels` reads
the labels of a document's paragraphs and gives each person one name within the document.

What counts as a label (and what does not):

- The label ends with a colon; a label written in capitals may also end with a full stop, or be the
  whole line ("MR. O'BRIEN."). A title-case name with a full stop ("Dr Lee.") is the chair calling a
  member, not a label; "MR. SPEAKER took the chair" and "[Mr Speaker in the Chair]" have no terminator.
- The label must have the shape of a person: an honorific (Mr, Dr, Shri, ...), an office (a phrase with an
  office noun: Minister, Treasurer, Speaker, ...), the chair, or the members of the house. A bare word or
  phrase before a colon ("Note:", "In Committee of Ways and Means:", "Three things matter:") is not.

Canonical names (GUIDELINES of the voice gold set, and MEASURES.md): honorifics, offices and
constituencies are not part of the name ("The Minister for Finance (Dr Tan Ah Kow)" -> ``Tan Ah Kow``,
role ``Minister for Finance``; "Dr Lee (Bishan)" -> ``Lee``); names in capitals are written in normal case
("O'BRIEN" -> ``O'Brien``; a name written in mixed case elsewhere in the document is not looked up, so
"MCDONALD" gives ``Mcdonald``); the chair without a name is named by its office (``Speaker``, ``Deputy
Speaker``, ``Chairman``); a surname alone is the document's one labelled person with that surname; an
office alone ("THE TREASURER.") is the person labelled with that office in the document, else the office.
The members of the house speaking together are ``meeting`` (a collective voice), and so is "An Hon. Member"
(an unnamed member of the floor, who has no name to give).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

__all__ = ["Label", "parse_label", "find_labels", "is_record_note", "is_front_matter", "normal_case",
           "OFFICE_NOUNS", "CHAIRS"]

#: Honorifics before a name in a label; dropped from the name.
HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Madam", "Madame", "Mme", "Sir",
              "Dame", "Lord", "Lady", "Hon", "Honourable", "Honorable", "Rev", "Shri", "Shrimati", "Smt",
              "Kumari", "Sardar", "Senator", "Sen", "Comrade", "Dato", "Datuk", "Mister")
#: Nouns that make a phrase an office ("The Minister for Finance", "THE TREASURER").
OFFICE_NOUNS = ("Minister", "Treasurer", "Secretary", "Leader", "Speaker", "Chairman", "Chairwoman",
                "Chairperson", "Chair", "President", "Premier", "Attorney-General", "Solicitor-General",
                "Whip", "Governor", "Chancellor", "Deputy-Speaker", "Clerk", "Spokesman", "Spokesperson",
                "Commissioner", "Mayor", "Senator", "Member")
#: The chair of a sitting, by its office, with the canonical name it gets when no name is given.
CHAIRS = {"speaker": "Speaker", "deputy speaker": "Deputy Speaker", "acting speaker": "Acting Speaker",
          "chairman": "Chairman", "chairwoman": "Chairwoman", "chairperson": "Chairperson", "chair": "Chair",
          "deputy chairman": "Deputy Chairman", "president": "President", "deputy president":
          "Deputy President", "presiding officer": "Presiding Officer", "temporary chairman":
          "Temporary Chairman"}
_CONNECTORS = {"of", "for", "and", "the", "in", "on", "to", "&"}
_PARTICLES = {"bin", "binte", "bte", "van", "von", "de", "da", "del", "der", "al", "el", "s/o", "d/o", "a/l",
              "a/p", "ibni", "la", "le"}
_HON = {h.lower() for h in HONORIFICS}
_OFFICE = {o.lower() for o in OFFICE_NOUNS}

# A name token: an initial ("P."), a capitalised word ("Tan", "O'Brien", "Lee-Smith") or one in capitals.
_TOKEN = re.compile(r"(?:[A-Z]\.|[A-Z][a-z]*(?:['’][A-Z][a-z]+)+|[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*|"
                    r"[A-Z]{2,}(?:['’-][A-Z]+)*|[A-Z](?:['’][A-Z]+)+)$")
# Where a label can end: a colon or a full stop before a space or the end of the line, in its first characters.
_END = re.compile(r"[.:](?=\s|$)")
_MAX_LABEL = 140
# The shape of a label's head: letters, spaces, full stops, apostrophes, hyphens, then one bracketed part.
_HEAD_SHAPE = re.compile(r"[A-Za-z][A-Za-z .'’/&-]*(?:\s*\([^()\n]{1,80}\))?")
_BRACKETED = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)$")


class Label(NamedTuple):
    """A speaker label at the start of a paragraph: the canonical ``name`` (``meeting`` for the floor),
    the ``role`` (an office, or empty), the label ``text`` as written, and ``kind``: ``person``, ``office``
    (an office without a name, resolved by :func:`find_labels`), ``chair`` or ``floor``."""

    name: str
    role: str
    text: str
    kind: str


def normal_case(word: str) -> str:
    """A word in capitals in normal case ("HOLLOWAY" -> "Holloway", "O'BRIEN" -> "O'Brien"); others as they are."""
    if not word.isupper() or len(word) < 2 or re.fullmatch(r"[A-Z]\.", word):
        return word
    return re.sub(r"[A-Z]+", lambda m: m.group(0).capitalize(), word)


def _words(text: str) -> list[str]:
    return text.replace("’", "'").split()


def _strip_honorifics(words: list[str]) -> tuple[list[str], list[str]]:
    """(honorifics, rest) for the words of a person part ("MR. HOLLOWAY" -> (["MR."], ["HOLLOWAY"]))."""
    k = 0
    while k < len(words) - 1 and words[k].rstrip(".").lower() in _HON:
        k += 1
    return words[:k], words[k:]


def _person(text: str, *, need_honorific: bool) -> str | None:
    """The canonical name of a person part of a label, or None when it is not shaped like one."""
    honorifics, rest = _strip_honorifics(_words(text))
    if not rest or len(rest) > 6 or (need_honorific and not honorifics):
        return None
    if rest[-1].lower() in _PARTICLES:
        return None
    for word in rest:
        if word.lower() not in _PARTICLES and not _TOKEN.match(word):
            return None
    if _office(" ".join(rest)) is not None and not honorifics:
        return None  # "Prime Minister" is an office, not a name
    if len(rest) == 1 and rest[0].rstrip(".").lower() in CHAIRS:
        return None  # "Mr Speaker", "MADAM SPEAKER": the chair (see _chair)
    return " ".join(normal_case(w) for w in rest)


def _office(text: str) -> str | None:
    """The office named by ``text`` ("The Minister for Finance" -> "Minister for Finance"), or None."""
    words = _words(text)
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or len(words) > 12 or words[0].lower() in _CONNECTORS or words[0].rstrip(".").lower() in _HON:
        return None
    if not any(w.lower() in _OFFICE or w.lower().split("-")[-1] in _OFFICE for w in words):
        return None
    for w in words:
        if w.lower() not in _CONNECTORS and not re.fullmatch(r"[A-Z][A-Za-z'-]*", w):
            return None
    out = [w.lower() if w.lower() in _CONNECTORS else normal_case(w) for w in words]
    return " ".join(out)


def _chair(text: str) -> str | None:
    """The canonical chair named by ``text`` ("Mr Speaker", "MR. DEPUTY-SPEAKER", "The Chairman"), or None."""
    words = _words(text)
    if words and (words[0].rstrip(".").lower() in _HON or words[0].lower() == "the"):
        words = words[1:]
    key = " ".join(words).replace("-", " ").lower()
    return CHAIRS.get(key)


def _floor(text: str) -> bool:
    """True for the members of the house ("SOME HON. MEMBERS", "HONORABLE MEMBERS", "An Hon. Member")."""
    return re.fullmatch(r"(?i:(?:some|several|many|an?|other|opposition|government)\s+)?"
                        r"(?i:(?:hon\.?|honou?rable)\s+)?(?i:members?)(?i:\s+interjecting)?", text.strip()) is not None


def _head(head: str) -> tuple[str, str, str] | None:
    """(name, role, kind) for the head of a label, or None when it is not shaped like a speaker."""
    head = " ".join(head.split())
    if _floor(head):
        return "meeting", "", "floor"
    m = _BRACKETED.match(head)
    if m:
        outer, inner = m.group("outer"), m.group("inner")
        office = _office(outer) or _chair(outer)
        name = _person(inner, need_honorific=False)
        if office is not None and name is not None:
            return name, office, "person"           # The Minister for Finance (Dr Tan Ah Kow)
        name = _person(outer, need_honorific=True)
        if name is not None:                         # Mr Lim Boon Heng (Tampines), MR. HOLLOWAY (Treasurer)
            return name, _office(inner) or "", "person"
        return None
    chair = _chair(head)
    if chair is not None:
        return chair, chair, "chair"
    name = _person(head, need_honorific=True)
    if name is not None:
        return name, "", "person"
    office = _office(head)
    if office is not None and (head.split()[0].lower() == "the" or head.isupper()):
        return office, office, "office"
    return None


def parse_label(paragraph: str) -> Label | None:
    """The speaker label that opens ``paragraph``, or None (shapes in the module docstring).

    Parameters
    ----------
    paragraph : str
        One paragraph (a line of the record).

    Returns
    -------
    Label or None
        ``Label(name, role, text, kind)``; ``text`` is the label with its colon or full stop.
    """
    text = paragraph.lstrip()
    for end in _END.finditer(text, 0, _MAX_LABEL):
        head = text[:end.start()].rstrip()
        colon = end.group() == ":"
        last = head.split()[-1] if head.split() else ""
        if not colon and (len(last) == 1 or last.lower() in _HON):
            continue  # the full stop of an initial ("HARRY S.") or an honorific ("MR."), not the label's end
        outside = _BRACKETED.match(head)
        caps = (outside.group("outer") if outside else head).isupper()
        if (colon or caps) and _HEAD_SHAPE.fullmatch(head):
            found = _head(head)
            if found is not None:
                return Label(found[0], found[1], text[:end.end()].strip(), found[2])
        if colon:
            return None  # the first colon decides: "Three things matter: ..." is no label
    return None


def find_labels(paragraphs: Sequence[str]) -> list[Label | None]:
    """The label of every paragraph (None where there is none), with one name per person in the document.

    A surname alone takes the one labelled full name ending with it ("MR. HOLLOWAY." after "THE TREASURER
    (MR. HOLLOWAY)."); an office alone takes the name of the person labelled with that office (else stays
    the office); every label of a person carries the first role given them.

    Parameters
    ----------
    paragraphs : sequence of str
        The document's paragraphs, in order.

    Returns
    -------
    list of Label or None
        One entry per paragraph.
    """
    labels = [parse_label(p) for p in paragraphs]
    full = {lab.name for lab in labels if lab is not None and lab.kind == "person" and " " in lab.name}
    holder: dict[str, str] = {}
    for lab in labels:
        if lab is not None and lab.kind == "person" and lab.role:
            holder.setdefault(lab.role.lower(), lab.name)
    out: list[Label | None] = []
    roles: dict[str, str] = {}
    for lab in labels:
        if lab is None:
            out.append(None)
            continue
        name = lab.name
        if lab.kind == "person" and " " not in name:
            cands = {f for f in full if f.split()[-1].lower() == name.lower()}
            name = cands.pop() if len(cands) == 1 else name
        elif lab.kind in ("office", "chair"):
            name = holder.get(lab.role.lower(), name)
        role = roles.setdefault(name, lab.role) or lab.role
        out.append(lab._replace(name=name, role=role))
    return out


# --- the record's own notes ----------------------------------------------------------------------------------
_NOTES = re.compile(
    r"^(?:[(\[（【].*[)\]）】][.。]?|[-–—]\s*\[[^\]]{1,80}\][.]?|"          # (Applause) [Mr Speaker in the Chair]
    r"(?:Question|Motion|Amendment|Bill(?! [A-Z])|Clause|Resolution|Main Question)\b[^.]{0,60}?\b(?:proposed|put|agreed|"
    r"negatived|carried|lost|withdrawn|read|passed|deferred|resolved)\b.*|"
    r"(?:The\s+)?(?:Debate|Sitting|House|Committee|Proceedings|Business)\b[^.]{0,40}?\b(?:adjourned|interrupted|resumed|"
    r"suspended|reported|rose|met|divided)\b.*|"
    r"(?:Adjourned|Whereupon|Thereupon)\b.{0,100}|(?:Resolved|Ordered)[,:]?\s+(?:\"|That\b).*|"
    r"Division\b[^a-z]{0,40}|(?:Ayes|Noes)[,:]?\s+\d.{0,40}|"
    r".{0,80}\binterjecting\.?|"
    r".{0,60}\btook the [Cc]hair\b.*|"
    r"(?:Applause|Laughter|Cheers|Interruptions?|Uproar|Hear, hear)[.!]?)$")


def is_record_note(sentence: str) -> bool:
    """True for a note of the record rather than a speaker's words: "(Applause)", "[Mr Speaker in the Chair]",
    "Question proposed.", "Question put, and agreed to.", "Debate adjourned.", "Government supporters
    interjecting.", "MR. SPEAKER took the chair ...". Such sentences are ``narrator`` even inside a turn."""
    text = sentence.strip()
    return len(text) <= 300 and _NOTES.match(text) is not None


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATELINE = re.compile(rf"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
                       rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})\b[^a-z]{{0,40}}"
                       rf"(?:Dated\s+.{{0,30}})?$")


def is_front_matter(paragraph: str) -> bool:
    """True for a title or date line that a transcript or an edition puts before a speech: a line in capitals
    ("PRESIDENT HARRY S. TRUMAN'S MESSAGE TO THE CONGRESS ...") or a date line ("January 25, 1983")."""
    text = paragraph.strip()
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 4 and all(ch.isupper() for ch in letters if ch.isascii()):
        return True
    return _DATELINE.match(text) is not None
