"""Directive (imperative) and commitment verbs: which verbs a text prescribes, and how often.

A directive verb is a lexical verb whose action the text prescribes (``MEASURES.md``, "Directive
(imperative) verbs"). Each hit is counted under its lemma with a category: ``imperative`` (bare
imperative clause), ``obligation`` (must, have/has to, need(s) to, shall with a non-first-person
subject, "it is essential / necessary / imperative / crucial / vital / critical to", "the need to",
"be required to"), ``recommendation`` (should, ought to, "it is important / advisable to", "it is
hoped that X will"), ``reported`` (emphasized / stressed / underscored / pointed out ... "the need
to V"; urged / asked / requested / required / called on ... "X to V"; "requirements were made to V")
and ``commitment`` (first-person or institutional subject + will / shall / strive to / aim to).

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
- **Negation**: "must not", "should never" are prohibitions and count; "do not have to", "need not",
  "no need to" do not count. "Do not V" at a clause start is an imperative.
- **Not counted**: copular *be* ("must be strong"), "must have V-ed" (epistemic), past deontic
  statements ("it was necessary to", "had to", "needed to"), gerunds and nominalisations after
  reporting verbs ("underscored the importance of taking"), "X is essential" without "to V",
  "expect X to V" (too often a prediction), "would".
- **Imperatives** are recognised at the start of a sentence or of a clause after ";" or ":", after
  list markers, enumerators ("First,", "Meanwhile,") and adverbs; "Let us V" counts V (trigger "Let
  us"). An initial verb directly followed by a finite verb or modal is a subject, not an imperative.
- A verb is counted once, by the first rule that claims it, in this order: "it is hoped", "the need
  to", urged-X-to, deontic constructions, modals and commitments, imperatives.
- **Chinese**: see :mod:`discourse.directives_zh`; 要 and 需要 map to ``obligation`` (in Party-state
  prose 要 is the standard "must"), 着力 to ``imperative``.
"""
from __future__ import annotations

import pandas as pd

from discourse.directives.chinese import chinese_directives
from discourse.directives.english import english_directives
from discourse.errors import ParameterError
from discourse.text.analyze import analyze
from discourse.validate import check_choice

#: Hit categories; all but ``commitment`` enter the imperative-verb density.
CATEGORIES = ("imperative", "obligation", "recommendation", "reported", "commitment")
DIRECTIVE_CATEGORIES = CATEGORIES[:4]
LANGS = ("en", "zh")
FIND_COLUMNS = ["sentence_id", "lemma", "category", "trigger", "verb", "start", "end", "sentence"]


def directives_in_sentence(sentence, *, lang: str = "en", section_kind: str | None = None) -> list[dict]:
    """Directive and commitment verbs of one analysed sentence (its tokens are used as tagged).

    Parameters
    ----------
    sentence : discourse.tokenize.Sentence
        An analysed sentence (``text``, ``tokens`` with ``text, start, end, norm, pos``).
    lang : {"en", "zh"}
        Language of the sentence; other values give no hits (nothing is known about them).

    Returns
    -------
    list of dict
        One dict per counted verb, in text order: ``lemma, verb, category, trigger, start, end``
        (offsets in the sentence text).
    """
    if lang == "en":
        return english_directives(sentence.tokens)
    if lang == "zh":
        return chinese_directives(sentence, section_kind=section_kind)
    return []


def find_directives(text: str, lang: str = "en") -> pd.DataFrame:
    """Find the directive and commitment verbs of a text.

    Parameters
    ----------
    text : str
        The text (one or more sentences).
    lang : {"en", "zh"}
        Its language.

    Returns
    -------
    DataFrame
        One row per verb: ``sentence_id`` (0-based index of the sentence in ``text``), ``lemma``,
        ``category`` (imperative, obligation, recommendation, reported, commitment), ``trigger``
        (e.g. "must", "need to", "it is essential to", "Efforts should be made to", "emphasized the
        need to", "will", "要"), ``verb`` (surface form), ``start``/``end`` (offsets in ``text``) and
        ``sentence``.

    References
    ----------
    The definition of directive verbs in ``MEASURES.md`` ("Directive (imperative) verbs").
    """
    if not isinstance(text, str):
        raise ParameterError(f"text must be a str, got {type(text).__name__}")
    check_choice("lang", lang, LANGS)
    rows = []
    for sid, sentence in enumerate(analyze(text, lang)):
        for hit in directives_in_sentence(sentence, lang=lang):
            rows.append({"sentence_id": sid, "lemma": hit["lemma"], "category": hit["category"],
                         "trigger": hit["trigger"], "verb": hit["verb"],
                         "start": sentence.start + hit["start"], "end": sentence.start + hit["end"],
                         "sentence": sentence.text})
    return pd.DataFrame(rows, columns=FIND_COLUMNS)


__all__ = ["CATEGORIES", "DIRECTIVE_CATEGORIES", "directives_in_sentence", "find_directives"]
