"""Directive (imperative) and commitment verbs: which verbs a text prescribes, and how often.

A directive verb is a lexical verb whose action the text prescribes (``MEASURES.md``, "Directive
(imperative) verbs"). Each hit is counted under its lemma with a category: ``imperative`` (bare
imperative clause, "Let us V"), ``obligation`` (must, have/has to, need(s) to, shall with a non-first-person
subject, "it is essential / necessary / imperative / crucial / vital / critical to", "the need to",
"be required to"), ``recommendation`` (should, ought to, "it is important / advisable to", "it is
hoped that X will"), ``prohibition`` (must not, should never, ought not to, "Do not V"; Chinese 不得, 严禁 ...),
``reported`` (emphasized / stressed / underscored / pointed out ... "the need to V"; urged / asked /
requested / required / called on / pleaded with ... "X to V"; "requirements were made to V"; "I recommend
that X V") and ``commitment`` (first-person or institutional subject + will / shall / strive to / aim to).

Choices where the definition is silent:

- **Scope and coordination.** A trigger governs the verb after it (adverbs skipped) and every verb
  heading a coordinated conjunct: after "and", "or", "as well as" or a comma, a base verb (``VB``,
  or a word tagged ``NN``/``JJ`` that can be a verb and is followed by an object) is counted. The
  scope ends at the end of the sentence, ";" or ":", a new modal or a subject pronoun, and at
  purpose/result markers ("so as to", "so that", "in order to", "aiming to/at", "in a bid to",
  "with a view to", "thus", "thereby", "hence"): nothing after them is counted. A subordinate clause
  (that, which, who, where, when, because, ...), a finite verb, a participle clause (``VBG``) or a
  purpose infinitive after an object ("strengthen supply to facilitate upgrades") suspends the scope:
  verbs inside are not counted, but a later conjunct introduced by a comma and headed by a base verb
  resumes it ("..., to facilitate consumption upgrades, and actively stimulate investment" counts
  stimulate, not facilitate) unless it is another infinitive (", to close ...": a second purpose).
  "Thank you" is not an imperative.
- **Catenatives** (continue, strive, seek, try, aim, move, work, keep, ... + "to V") are transparent:
  "will continue to support" counts *support*; "strive to create" counts *create*.
- **Light verbs** with an effort noun and "to V" ("make efforts to", "exert every effort to", "take
  concrete measures to", "ramp up efforts to", "enhance efforts to") count V, like the passive formulae
  "Efforts should be made / accelerated / stepped up to V". Without "to V" the active light verb
  counts ("exert efforts towards stabilizing" -> exert) and the passive formula counts nothing
  ("Efforts should be directed towards the implementation ...": nominalisation).
- **Passives**: "must / should / has to be (adverbs) V-ed" counts V and coordinated participles,
  except light participles (made, done, taken, undertaken, paid, given, ...) and "it should be noted
  that". A passive after *will* ("will be established", "will be held") is a plan or schedule, not
  counted.
- **Commitments** need *will*, *'ll*, *shall* (first person), or present *strive to* / *aim to*, with
  a subject that is *we* / *I* / *our*, or a noun phrase containing an institution noun (government,
  ministry, department, province, committee, ...) or an effort noun ("Efforts will be made to V").
  A bare proper name ("Sichuan will", "America will") is not taken as an institutional agent,
  because it is as often the topic of a prediction. *would* is never counted (reported future).
- **Prohibitions**: ``MEASURES.md`` makes ``prohibition`` a category of its own for Chinese (不得, 严禁 ...); the
  English negated deontics are the same act, so they carry it too: "must not", "should never", "ought not to",
  "shall not" (non-first person), "Do not V" / "Never V" at a clause start; the prohibited verb counts
  (not "must not only"). "do not have to", "need not", "no need to" do not count. Prohibitions enter the
  imperative-verb density like every category but ``commitment``.
- **Not directives** (``MEASURES.md``): "Let me ..." is always a discourse marker, and so are "let us" + a verb
  of speech ("let us say", "let us turn to"), "let there be", "let no one", "I should / must" + a verb of
  speech ("I should make some brief remarks", "I must say"); "Let us work together" and "Let the word go
  forth" (let + noun phrase + V) are exhortations, ``imperative``. Placeholders: an imperative of reference
  (refer, see, consult ...) whose next few words name a document, table, annex, page or Hansard ("Please refer
  to Hansard document."). Epistemic *should* / *shall*: an event verb used intransitively (settle, recover,
  rise, survive, prevail ...) with a subject that is not "we", "I" or "you" ("Prices should settle once supply
  recovers"); a modal inside an if / unless / though clause ("if we should ever lose sight") or after
  would / could ("would have to"). Sentence-initial purpose clauses: "To V ..., " - nothing before the first
  comma counts ("To encourage X to V, I will ...": neither encourage nor V), and an urging verb after
  infinitival "to" is never a reported directive.
- **Proposals**: "I propose / recommend V-ing" and "I recommend that the Congress enact" (a base verb in the
  that-clause) are ``reported``; "I propose to V" with the speaker as agent is a ``commitment`` (a stated
  intention); "plead with X to V" is ``reported``. "We must and we will V" counts V once, with the deontic
  category. "must be V-ed" counts V even for light participles ("must be done", "must be wisely made"), except
  after a noun of effort or action ("Implementation must be undertaken", "Steps must be taken to V" -> V).
- **Not counted**: copular *be* ("must be strong"), "must have V-ed" (epistemic), past deontic
  statements ("it was necessary to", "had to", "needed to"), gerunds and nominalisations after
  reporting verbs ("underscored the importance of taking"), "X is essential" without "to V",
  "expect X to V" (too often a prediction), "would".
- **Imperatives** are recognised at the start of a sentence or of a clause after ";" or ":", after
  list markers, enumerators ("First,", "Meanwhile,") and adverbs; "Let us V" counts V (trigger "Let
  us"). An initial verb directly followed by a finite verb or modal is a subject, not an imperative.
- A verb is counted once, by the first rule that claims it, in this order: "it is hoped", "the need
  to", urged-X-to, deontic constructions, modals and commitments, imperatives.
- **Predictions, not pledges** (will / shall after a first-person or institutional subject): a verb of
  experience ("we shall never forget"), an outcome verb used intransitively ("we will triumph", "we shall
  prevail"), an event verb used intransitively after an institution ("Our country will thrive and prosper"), a
  verb of amount after an institution ("The Administration will require expenditures of ..."). "will / shall
  have to V" is a future obligation (V counts, ``obligation``); "would / could / might have to" stays
  hypothetical. "I should" in a sentence with *if* / *unless* is the conditional (would).
- **Commitments, further**: stated intentions ("we (do not) intend to V", "This administration is determined to
  V"); the inverted "nor will we V"; a passive after *will* with a first-person or institutional by-agent ("will
  be performed by the Federal Government"); the nation's negated *will* ("America will not conduct business as
  usual": a refusal pledges, whereas "America will V" is as often a prediction); empty frames before the pledged
  verb ("I shall have occasion to ask", "I shall deem it my duty to convene", "proceed to"). A parenthesis between
  a modal and its verb is stepped over ("will, in the future, recommend"; "must, at all costs, preserve").
- **Duties**: "the obligation / duty to V" and "the first duty of X is to V" are ``obligation`` (like "the need to
  V"), unless denied ("no obligation to"), yet to come ("it will be his duty to") or the speaker's duty to speak
  ("It's my duty to report"). "It is important / essential that X (should) V" takes the adjective's category.
- **Descriptions and reported texts** are not directives: *have to* or *shall* right after a relative pronoun
  ("those who have to bear it", "laws which shall secure"), "who are required to"; a modal after "to the effect
  that" (the wording of a text); must / should + a verb of relation with a non-personal subject ("functions which
  must involve large expenditure"); a modal in the that-clause of a noun of fear ("a fear that the next generation
  must lower its sights"). "I must remind you that", "I must advise the Congress that": the speaker's own speech
  act, a discourse marker. "it should be V-ed that" is a frame only for verbs of noting ("it should be noted /
  remembered that"; "it should be so conducted that" is a passive directive).
- **Negation by the subject**: "no measure should be passed" is a ``prohibition``, like "should not".
- **Urging verbs**: *tell* joins ask and urge ("tell him not to give up": give, ``reported``); adverbs may stand
  between the urged party and *to* ("I ask you tonight to V"); "I want to ask X to V" is the speaker's request
  (an urging verb after purpose "to" is still not counted); an urging verb tagged as a noun right after "I" /
  "we" is a verb ("I therefore request the Congress to provide").
- **Catenatives with an object count themselves** ("continue our efforts to V" -> continue; "move this year on
  legislation to protect" -> move); the intransitive ones (strive, endeavour, aim, persist, proceed, work) take
  a short phrase before *to* ("strive in good faith to heal" -> heal).
- **Imperatives**, further: the main clause after an opening if / when / while ... clause ("If you know a
  student, tell her ...": its verb must be tagged VB, and no clause with its own subject may follow); not a word
  right before *of* ("provision of technical assistance": a noun), not a sentence whose first noun phrase is
  coordinated before a finite verb ("Close cooperation between the Treasury and the Reserve has made ...").
- **Chinese**: see :mod:`discourse.directives.chinese` (scope by grammar on jieba's words and flags, the
  simplified form of the text, sections); 要 and 需要 map to ``obligation`` (in Party-state prose 要 is the
  standard "must"); 着力 is a light verb: the verb after it counts, in the category of its scope.

**Sections.** Chinese task clauses without a marker read the same in a review of past work and in a plan; in a
``review`` section (:mod:`discourse.text.sections`) they are descriptions and not counted. Marked directives
count in every section. Headings themselves (the first sentence of a heading paragraph) are titles: no hits.
"""
from __future__ import annotations

import pandas as pd

from discourse.directives.chinese import chinese_directives
from discourse.directives.english import english_directives
from discourse.errors import ParameterError
from discourse.text.analyze import analyze
from discourse.text.sections import SECTION_KINDS, find_sections
from discourse.validate import check_choice

#: Hit categories; all but ``commitment`` enter the imperative-verb density.
CATEGORIES = ("imperative", "obligation", "recommendation", "prohibition", "reported", "commitment")
DIRECTIVE_CATEGORIES = CATEGORIES[:5]
LANGS = ("en", "zh")
#: Columns of :func:`find_directives`: the names of ``corpus.directives`` where they mean the same thing.
FIND_COLUMNS = ["sent_id", "lemma", "verb", "category", "trigger", "start", "end", "text_start", "text_end",
                "section", "section_kind", "sentence"]


def _check_section_kind(section_kind: str | None) -> str | None:
    if section_kind is not None and section_kind not in SECTION_KINDS:
        raise ParameterError(f"section_kind must be one of {', '.join(SECTION_KINDS)} or None, "
                             f"got {section_kind!r}")
    return section_kind


def directives_in_sentence(sentence, *, lang: str = "en", section_kind: str | None = None,
                           heading: bool = False) -> list[dict]:
    """Directive and commitment verbs of one analysed sentence (its tokens are used as tagged).

    Parameters
    ----------
    sentence : discourse.text.tokens.Sentence
        An analysed sentence (``text``, ``tokens`` with ``text, start, end, norm, pos``).
    lang : {"en", "zh"}
        Language of the sentence; other values give no hits (nothing is known about them).
    section_kind : {"review", "plan", "other"}, optional
        The kind of the sentence's section (:mod:`discourse.text.sections`). In a ``review`` section
        Chinese unmarked task clauses are not counted. None: unknown (counted as outside a review).
    heading : bool
        The sentence is a heading (a title): no hits.

    Returns
    -------
    list of dict
        One dict per counted verb, in text order: ``lemma, verb, category, trigger, start, end``
        (offsets in the sentence text; Chinese lemmas in simplified script).
    """
    _check_section_kind(section_kind)
    if heading:
        return []
    if lang == "en":
        return english_directives(sentence.tokens)
    if lang == "zh":
        return chinese_directives(sentence, section_kind=section_kind)
    return []


def find_directives(text: str, *, lang: str = "en", section_kind: str | None = None,
                    year: int | None = None) -> pd.DataFrame:
    """Find the directive and commitment verbs of a text.

    The text is read as the pipeline reads a document: one paragraph per line, headings splitting it into
    sections (:func:`discourse.text.sections.find_sections`), so a Chinese report's review section does not
    count its unmarked task clauses here either.

    Parameters
    ----------
    text : str
        The text (one or more sentences; one paragraph per line).
    lang : {"en", "zh"}
        Its language.
    section_kind : {"review", "plan", "other"}, optional
        Treat every sentence as standing in a section of this kind (for a sentence taken out of its
        document, whose section is known); None: find the sections from the text's headings.
    year : int, optional
        The document's year, for headings that name a year ("2023年工作回顾" in a 2024 report looks back).

    Returns
    -------
    DataFrame
        One row per verb, with the column names of ``corpus.directives`` where they mean the same:
        ``sent_id`` (0-based index of the sentence in ``text``), ``lemma``, ``verb`` (as written),
        ``category`` (imperative, obligation, recommendation, prohibition, reported, commitment),
        ``trigger`` (e.g. "must", "need to", "it is essential to", "Efforts should be made to", "要"),
        ``start``/``end`` (offsets of the verb in its sentence, as in ``corpus.directives``),
        ``text_start``/``text_end`` (offsets in ``text``: ``text[text_start:text_end] == verb``),
        ``section`` and ``section_kind`` (of the sentence) and ``sentence`` (its text).

    References
    ----------
    The definition of directive verbs in ``MEASURES.md`` ("Directive (imperative) verbs", "Sections").
    """
    if not isinstance(text, str):
        raise ParameterError(f"text must be a str, got {type(text).__name__}")
    check_choice("lang", lang, LANGS)
    _check_section_kind(section_kind)
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise ParameterError(f"year must be an int or None, got {year!r}")
    lines, offsets = [], []
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            lines.append(line.rstrip("\r\n"))
            offsets.append(pos)
        pos += len(line)
    sections = find_sections(lines, langs=lang, year=year) if section_kind is None else None
    rows = []
    sid = 0
    for j, (line, base) in enumerate(zip(lines, offsets)):
        section, kind, heading = (sections[j] if sections is not None else (0, section_kind, False))
        for k, sentence in enumerate(analyze(line, lang)):
            for hit in directives_in_sentence(sentence, lang=lang, section_kind=kind,
                                              heading=heading and k == 0):
                rows.append({"sent_id": sid, "lemma": hit["lemma"], "verb": hit["verb"],
                             "category": hit["category"], "trigger": hit["trigger"],
                             "start": hit["start"], "end": hit["end"],
                             "text_start": base + sentence.start + hit["start"],
                             "text_end": base + sentence.start + hit["end"],
                             "section": section, "section_kind": kind, "sentence": sentence.text})
            sid += 1
    return pd.DataFrame(rows, columns=FIND_COLUMNS)


__all__ = ["CATEGORIES", "DIRECTIVE_CATEGORIES", "FIND_COLUMNS", "directives_in_sentence", "find_directives"]
