"""People in a document: names, titles and roles, and one canonical name per person.

A person is written as a full name of two or three capitalised words ("Shi Xiaolin"), possibly after a title
("Governor Shi Xiaolin"); later mentions often give the surname alone ("Shi"). This module finds the people a
document introduces (:func:`extract_people`), strips titles into a role (:func:`split_title`), maps a mention
to its canonical full name (:func:`canonical_name`) and merges person voices across a corpus
(:func:`canonicalize`). The regular-expression pieces for "NAME [, ROLE,] REPORTING-VERB" are shared with
:mod:`discourse.voices`, which uses them to give sentences a voice.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import numpy as np
import pandas as pd

from discourse.errors import ParameterError
from discourse.text.lemmas import pattern_lexicon

__all__ = ["TITLES", "REPORTING_VERBS", "split_title", "canonical_name", "extract_people", "canonicalize",
           "MEETING", "NARRATOR", "Voice", "is_name_like"]

#: The voice of a collective body (a meeting, a session); never a person.
MEETING = "meeting"
#: The voice of the report itself; never a person.
NARRATOR = "narrator"


class Voice(NamedTuple):
    """The voice of one sentence: ``speaker`` (a canonical name, ``meeting`` or ``narrator``), the person's
    ``role`` as given in the document, and the ``cue`` (the words that set the voice)."""

    speaker: str
    role: str
    cue: str

# --- names, titles, roles ----------------------------------------------------------------------------------
#: Titles that may stand before a name ("Governor Shi Xiaolin"); stripped from the name, kept as the role.
TITLES = ("General Secretary", "Vice Governor", "Vice Premier", "Vice President", "Vice Chairman",
          "Vice Chairwoman", "Vice Mayor", "Vice Minister", "Deputy Secretary", "Deputy Governor",
          "Deputy Mayor", "Party Secretary", "Secretary-General", "Secretary General", "Director-General",
          "Governor", "Premier", "President", "Chairman", "Chairwoman", "Chairperson", "Mayor", "Minister",
          "Secretary", "Director", "Ambassador", "Senator", "Representative", "Commissioner", "Spokesperson",
          "Spokesman", "Speaker", "Professor", "Prof.", "Dr.", "Mr.", "Mrs.", "Ms.", "Madam", "Comrade",
          "Mr", "Mrs", "Ms", "Dr", "Shri", "Shrimati", "Smt", "Hon.")
TITLE = "(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + ")"
#: Nouns that make a comma-separated phrase after a name a role ("Li Yongjie, Deputy ... Representative at").
_ROLE_NOUN = (TITLE[:-1] + "|Head|Chief|Member|Leader|Officer|Manager|CEO|Founder|Dean|Principal|Editor|"
              "Judge|Envoy|Counselor|Adviser|Advisor|Inspector|Deputy|Vice)")
#: Capitalised words that are never part of a person's name (sentence openers, places, institutions).
_STOP = ("The|This|That|These|Those|A|An|In|On|At|During|From|To|For|With|By|As|After|Before|Since|Under|Over|"
         "It|We|They|He|She|I|You|Our|Their|His|Her|Its|All|Every|Each|Efforts|Work|And|But|Also|Meanwhile|"
         "Moreover|Furthermore|However|First|Second|Third|Finally|Having|Speaking|Source|Website|Hosted|Updated|"
         "January|February|March|April|May|June|July|August|September|October|November|December|Monday|"
         "Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Sichuan|China|Chinese|Chengdu|Chongqing|Beijing|"
         "CPC|CPPCC|Party|Provincial|Province|Committee|Government|People|Ministry|Department|Bureau|Office|"
         "Council|Congress|Conference|Meeting|Session|Co|Ltd|Inc|Company|Group|City|County|Municipality|"
         "University|Hospital|Center|Centre|Zone|Area|State|States|National|Central|General|Secretary|"
         "Governor|President|Premier|Chairman|Chairperson|Mayor|Minister|Director|Vice|Deputy|Head|"
         "Representative|Commerce|Trade|International|Development|Economic|Belt|Road|Western|West|East|"
         "North|South|Asia|Europe|Union|United|America|American|Republic|Express|Railway|Port|Park|"
         "Initiative|Plan|Program|Programme|Year|Action|Forum|Fair|Standing|Leading|Executive|Plenary|"
         "Attendees|Participants|Policies|Implementation|Initiatives|Speaker|Mr|Mrs|Ms|Dr|Prof")


def _alternation(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, as a prefix tree ("Ma(?:y|rch)" for May, March).

    Where several words share a prefix, the engine reads the prefix once instead of trying each word in turn.
    At every branch longer continuations come before the end of a word, so among words that are prefixes of
    one another the longest is tried first (as in an alternation sorted longest first).
    """
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in node.items() if ch]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return "(?:" + "|".join(alts) + ("|" if "" in node else "") + ")"

    return emit(tree)


# Whether any stop word (then a word boundary) starts here does not depend on the order they are tried in.
NAME_TOKEN = rf"(?!{_alternation(_STOP.split('|'))}\b)[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?"
FULL_NAME = rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,2}}"
_RE_TITLE_HEAD = re.compile(rf"^(?:{TITLE})\s+")
_ROLE_SEG = rf"(?=[A-Z])[^,;.()\n]*?\b(?:{_ROLE_NOUN})\b[^,;.()\n]*"
_RE_APPOSITION = re.compile(  # tried only where _APPOSITION_STARTS finds a possible start (below)
    rf"(?=[A-Z])(?:^|(?<=[,.;:!?]\s)|(?<=\band\s))(?P<name>{FULL_NAME}),\s+(?P<role>{_ROLE_SEG}"
    rf"(?:,\s+(?:and\s+)?{_ROLE_SEG})*)(?=,\s+(?:and\b|[a-z])|\s*[.;)]|,?\s*$)", re.M)
_RE_TITLED = re.compile(rf"(?=[A-Z])(?<![\w-])(?P<title>{TITLE})\s+(?P<name>{FULL_NAME}|{NAME_TOKEN})(?![\w-])")
# Where the two patterns above can start (each of their matches starts where one of these matches): a
# capital opening a run of two or three name-like words followed by ", "; a title. Both begin with a character
# class, which lets the regular-expression engine skip every other character at C speed.
_NAME_LIKE = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?"
_APPOSITION_STARTS = re.compile(rf"[A-Z](?=[a-z]+(?:-[A-Z]?[a-z]+)?(?:\s+{_NAME_LIKE}){{1,2}},\s)")
_TITLE_STARTS = re.compile(TITLE)

# --- the subject of a reporting verb ------------------------------------------------------------------------
#: Reporting verbs that give a person (or a collective body) a voice.
REPORTING_VERBS = (
    "pointed out", "points out", "stated", "states", "emphasized", "emphasised", "emphasizes", "emphasises",
    "stressed", "stresses", "underscored", "underscores", "underlined", "noted", "notes", "said", "says",
    "called for", "calls for", "urged", "urges", "requested", "requests", "expressed", "expresses", "added",
    "adds", "demanded", "demands", "required", "requires", "asked", "asks", "advocated", "advocates",
    "highlighted", "highlights", "reiterated", "reiterates", "instructed", "instructs", "remarked",
    "declared", "declares", "explained", "explains", "told",
)
#: Adverbs allowed between the subject and the reporting verb ("also stressed").
ADVERB = (r"(?:(?:also|further|then|additionally|specifically|particularly|again|once again|repeatedly|"
          r"clearly|firmly|strongly|earnestly|in particular)\s+)?")
#: A reporting verb, captured as ``verb``.
REPORTING_VERB = (r"(?P<verb>" + "|".join(sorted(map(re.escape, REPORTING_VERBS), key=len, reverse=True))
                  + r")\b")
#: At most one introductory phrase before the subject ("Having listened to their remarks, ").
LEAD = r"(?:[^,;:\"]{1,120}?,\s+)??"
# The phrase holds no comma, so it can only end at the first comma of the text: a pattern that starts with
# LEAD can match only at 0 or right after that comma and its spaces (every subject starts with a
# non-space). :func:`match_after_lead` tries exactly these two places instead of every phrase length.
_RE_LEAD_END = re.compile(r"[^,;:\"]{1,120},\s+")
#: An optional role or relative clause in commas between a name and its verb.
ROLE_GAP = r"(?:,\s+(?:[A-Z][^,;]{0,200}(?:,\s+(?:and\s+)?[A-Z][^,;]{0,200})*|who\s[^,;]{1,150}),)?"
_RE_SUBJECT = re.compile(rf"(?P<name>{FULL_NAME})(?:'s)?{ROLE_GAP}\s+{ADVERB}{REPORTING_VERB}")  # after LEAD
# Sentence breaks: spaces after . ! ? (the mark stays with its sentence), or line breaks: the matches of
# ``[.!?]\s+|\n+``, written to start with one character class (the mark or the first line break), which lets
# the scan jump between candidate characters; a look-behind at that character picks the branch.
_RE_SENTENCE_BREAK = re.compile(r"[.!?\n](?:(?<=\n)\n*|(?<=[.!?])\s+)")


_PEOPLE_COLUMNS = ("name", "role", "first_offset")
#: What :func:`extract_people` returns for a text without people (columns of object dtype).
_NO_PEOPLE = pd.DataFrame([], columns=list(_PEOPLE_COLUMNS))


def is_name_like(name: str) -> bool:
    """True when ``name`` can be a person's name: one of its words is not an ordinary English word.

    A word is ordinary when the Pattern lexicon holds its lower-case form with a tag other than a proper
    noun's ("workforce", "training", "best", "sourcing", "green", "growth"), so heading and programme words
    before a verb ("Workforce Training requires ...") are not taken for a name, while "Tan Ah Kow" ("kow"),
    "Wang Xiaohui" and "Martin Luther King" ("martin") are. Names made only of such words ("Rose Bush",
    "Mark Young") fail the test; with a title, a role or a speaker label they are persons all the same
    (the callers check those first).
    """
    lexicon = pattern_lexicon()
    for word in str(name).replace("-", " ").split():
        tag = lexicon.get(word.lower().rstrip("."))
        if tag is None or tag in ("NNP", "NNPS"):
            return True
    return False


def lead_end(text: str) -> int:
    """Where the subject starts after an introductory phrase (see ``LEAD``), or 0 if there is none."""
    m = _RE_LEAD_END.match(text)
    return m.end() if m else 0


def match_after_lead(pattern: re.Pattern[str], text: str, lead: int | None = None) -> re.Match[str] | None:
    """``re.match(LEAD + pattern, text)`` with the same groups and end: ``pattern`` at 0, else after the
    introductory phrase (``lead``, from :func:`lead_end` when not given)."""
    m = pattern.match(text)
    if m is None:
        lead = lead_end(text) if lead is None else lead
        if lead:
            m = pattern.match(text, lead)
    return m


def _scan(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, with ``pattern`` tried only where ``starts`` matches.

    Every match of ``pattern`` must begin where ``starts`` matches, and none may be empty. The scan goes on
    after a match, or one character after a place where ``pattern`` fails, as ``finditer`` does.
    """
    pos = 0
    search, match = starts.search, pattern.match
    while (found := search(text, pos)) is not None:
        m = match(text, found.start())
        if m is None:
            pos = found.start() + 1
        else:
            yield m
            pos = m.end()


def _sentences(text: str) -> list[str]:
    """``text`` split at spaces after . ! ? and at line breaks (the marks stay with their sentence)."""
    out = []
    prev = 0
    for m in _RE_SENTENCE_BREAK.finditer(text):
        start = m.start()
        out.append(text[prev:start + (text[start] != "\n")])
        prev = m.end()
    out.append(text[prev:])
    return out


def split_title(mention: str) -> tuple[str, str]:
    """``("Shi Xiaolin", "Governor")`` for ``"Governor Shi Xiaolin's"``: the bare name and the stripped title."""
    name = " ".join(str(mention).split())
    name = re.sub(r"(?:'s|’s|')$", "", name)
    titles = []
    while (m := _RE_TITLE_HEAD.match(name)) and len(name) > m.end():
        titles.append(m.group(0).strip())
        name = name[m.end():]
    return name, " ".join(titles)


def canonical_name(mention: str, known: Iterable[str]) -> str:
    """The canonical form of a person ``mention`` given the ``known`` full names (of a document or corpus).

    The title is stripped ("Governor Shi Xiaolin" -> "Shi Xiaolin"); a name equal to a known one up to case
    takes the known spelling; a single word (a surname) maps to the one known name of two or more words that
    begins or ends with it ("Shi" -> "Shi Xiaolin"), and stays as it is when none or several do.

    Parameters
    ----------
    mention : str
        The name as written, possibly with a title.
    known : iterable of str
        Canonical full names to match against.

    Returns
    -------
    str
        The canonical name.
    """
    bare, _ = split_title(mention)
    known = [split_title(k)[0] for k in known]
    for k in known:
        if k.lower() == bare.lower():
            return k
    if " " not in bare:
        low = bare.lower()
        cands = {k for k in known if " " in k and low in (k.split()[0].lower(), k.split()[-1].lower())}
        if len(cands) == 1:
            return cands.pop()
    return bare


def extract_people(text: str) -> pd.DataFrame:
    """The people a document introduces, with their role as given there.

    Three patterns, tried over the whole text: a full name with a role in apposition ("Zuo Yongxiang, Vice
    Governor of the People's Government of Sichuan Province, presided"; the role may run over several
    comma-separated title phrases), a title before a name ("Governor Shi Xiaolin"), and a full name as the
    subject of a reporting verb at the start of a sentence ("Wang Xiaohui pointed out"; only a name that
    :func:`is_name_like` accepts, so "Workforce Training requires" gives nobody). A person's role is
    the first role found in apposition, else the first title before the name, else empty.

    Parameters
    ----------
    text : str
        The document (English part).

    Returns
    -------
    DataFrame
        ``name, role, first_offset`` (character offset of the first mention), in order of first mention.
    """
    if not isinstance(text, str):
        raise ParameterError(f"text must be a str, got {type(text).__name__}")
    found: dict[str, dict[str, str]] = {}
    for m in _scan(_RE_APPOSITION, _APPOSITION_STARTS, text):
        found.setdefault(m.group("name"), {}).setdefault("appos", " ".join(m.group("role").split()))
    for m in _scan(_RE_TITLED, _TITLE_STARTS, text):
        name, title = split_title(m.group("name"))[0], m.group("title")
        found.setdefault(canonical_name(name, [k for k in found if " " in k]), {}).setdefault("title", title)
    for sentence in _sentences(text):
        m = match_after_lead(_RE_SUBJECT, sentence.strip())
        if m and (m.group("name") in found or is_name_like(m.group("name"))):
            found.setdefault(m.group("name"), {})
    rows = []
    for name, info in found.items():
        if " " not in name and canonical_name(name, [k for k in found if " " in k]) != name:
            continue  # a surname of someone already listed
        offset = text.find(name)
        rows.append({"name": name, "role": info.get("appos") or info.get("title", ""), "first_offset": offset})
    if not rows:
        return _NO_PEOPLE.copy()  # the same empty frame, without building it again
    rows.sort(key=lambda row: row["first_offset"])  # stable: ties keep the order found
    return pd.DataFrame({col: [row[col] for row in rows] for col in _PEOPLE_COLUMNS})


def canonicalize(sentences: pd.DataFrame, *, keep: Iterable[str] = ()) -> pd.DataFrame:
    """Merge the person voices of a corpus: one canonical name per person across documents.

    Titles are stripped from ``speaker`` and kept in ``role`` (when ``role`` is empty); names differing only
    in case or spacing take their most frequent spelling; a surname alone maps to the one full name with that
    surname in the same document, else to the one such name in the whole corpus, else stays as it is.
    ``meeting`` and ``narrator`` are left alone, and so is a voice named by its office (``role`` equal to
    the name: ``Speaker``, ``Prime Minister``), which is no surname.

    The names in ``keep`` -- the document speakers a user gave in the manifest or the file names -- are
    the user's names for those people: they are never merged into a longer name ("Eisenhower" stays
    "Eisenhower" however often "Dwight Eisenhower" is quoted), and a full name whose last word is a kept
    one-word name takes that name ("Franklin Roosevelt told us ..." -> ``Roosevelt``, as the file names call
    him; a file name that is a surname cannot tell two people of that name apart, and neither can this).

    Parameters
    ----------
    sentences : DataFrame
        With ``doc_id`` and ``speaker`` (``role`` optional), e.g. the corpus ``sentences`` table.
    keep : iterable of str
        Names left as they are (the documents' own speakers).

    Returns
    -------
    DataFrame
        A copy with ``speaker`` canonical and ``role`` filled (added if missing).
    """
    if not isinstance(sentences, pd.DataFrame):
        raise ParameterError(f"sentences must be a DataFrame, got {type(sentences).__name__}")
    for col in ("doc_id", "speaker"):
        if col not in sentences.columns:
            available = ", ".join(map(str, sentences.columns))
            raise ParameterError(f"sentences has no column {col!r}; available: {available}")
    out = sentences.copy()
    if "role" not in out.columns:
        out["role"] = ""
    out["role"] = out["role"].fillna("").astype(str)
    people = ~out["speaker"].isin([MEETING, NARRATOR]) & out["speaker"].notna() & (out["speaker"] != "")
    if not people.any():
        return out
    # Every step works on distinct values (speakers, spellings, document-name pairs) and maps back by
    # position, so the cost follows the number of people, not the number of sentences.
    speakers = out.loc[people, "speaker"].astype(str)
    s_codes, s_uniques = pd.factorize(speakers)
    titles = [split_title(v) for v in s_uniques]
    b_of_s, b_uniques = pd.factorize(pd.Series([t[0] for t in titles], dtype=object))
    b_rows = b_of_s[s_codes]                          # each sentence's bare name, as a code
    # names differing only in case take their most frequent spelling (ties as pandas' value_counts)
    lowers: dict[str, list[int]] = {}
    for k, name in enumerate(b_uniques):
        lowers.setdefault(name.lower(), []).append(k)
    canon = np.empty(len(b_uniques), dtype=object)
    for members in lowers.values():
        if len(members) == 1:
            canon[members[0]] = b_uniques[members[0]]
        else:
            rows = pd.Series(b_uniques.take(b_rows[np.isin(b_rows, members)]), dtype=object)
            canon[members] = rows.value_counts().index[0]
    kept = {str(k).strip() for k in keep if isinstance(k, str) and str(k).strip()}
    by_surname = {k.lower(): k for k in kept if " " not in k}
    for k, name in enumerate(canon):
        if name not in kept and " " in name and name.split()[-1].lower() in by_surname:
            canon[k] = by_surname[name.split()[-1].lower()]
    n_of_b, names = pd.factorize(pd.Series(canon, dtype=object))
    n_rows = n_of_b[b_rows]                           # each sentence's name, as a code
    d_rows, doc_ids = pd.factorize(out.loc[people, "doc_id"])
    pairs, pair_rows = np.unique(d_rows.astype(np.int64) * len(names) + n_rows, return_inverse=True)
    pair_doc, pair_name = np.divmod(pairs, len(names))
    offices = set(out.loc[people & (out["speaker"] == out["role"]), "speaker"].astype(str))
    full = np.array([" " in name or name in kept or name in offices for name in names], dtype=bool)
    corpus_full = sorted(names[full].tolist())
    by_doc: dict[int, list[str]] = {}
    for d, n in zip(pair_doc.tolist(), pair_name.tolist()):
        if full[n]:
            by_doc.setdefault(d, []).append(names[n])
    by_doc = {d: sorted(set(found)) for d, found in by_doc.items()}
    in_corpus: dict[str, str] = {}
    resolved = np.empty(len(pairs), dtype=object)
    for p, (d, n) in enumerate(zip(pair_doc.tolist(), pair_name.tolist())):
        name = names[n]
        if full[n]:
            resolved[p] = name
            continue
        doc_name = canonical_name(name, by_doc.get(d, []))
        if doc_name == name:
            if name not in in_corpus:
                in_corpus[name] = canonical_name(name, corpus_full)
            doc_name = in_corpus[name]
        resolved[p] = doc_name
    out.loc[people, "speaker"] = resolved[pair_rows].tolist()
    title_role = pd.Series([titles[c][1] for c in s_codes.tolist()], index=speakers.index, dtype=object)
    empty_role = out.loc[people, "role"] == ""
    out.loc[people & empty_role.reindex(out.index, fill_value=False), "role"] = title_role[empty_role]
    return out
