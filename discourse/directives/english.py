"""English directive and commitment verbs of one tagged sentence (the rules behind ``find_directives``).

The rules work on the Penn-tagged tokens of a sentence and never re-tag. Each rule finds a
*trigger* (a modal, a deontic construction, a reporting verb, a clause-initial imperative or a
commitment) and the position where the governed verb phrase starts; the scope machinery of
:mod:`discourse.directive_scope` then collects the governed verb and every verb coordinated with it.
The word lists are in :mod:`discourse.directive_words`; the choices that ``MEASURES.md`` leaves open
are listed in :mod:`discourse.directives`.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from discourse.directives.english_scope import ScopedSentence
from discourse.directives.english_words import (
    BE,
    CONSTRUCTION_TRIGGERS,
    DEONTIC_ADJ,
    ENUMERATORS,
    HOPE_TRIGGERS,
    MODAL_CATEGORY,
    MODAL_TRIGGERS,
    NEED_TRIGGERS,
    PRESENT_BE,
    REPORT_NEED,
    URGE,
)
from discourse.text.lemmas import lemmatize
from discourse.text.tagging import can_be_verb as _can_be_verb  # the tagger's notion of "can be a base verb"

_CLAUSE_MARKS = frozenset({";", ":", "--", "—", "–"})
_LET = frozenset({"let"})
# Words seen so far, and those of them that can be a form of a verb of URGE when tagged as a verb (the urged
# rule reads no other word): a sentence's candidates come from two set operations once its words are known.
_SEEN: set[str] = set()
_URGE_FORMS: set[str] = set()
_NONE: frozenset[str] = frozenset()
# Every word a gated rule fires on: one intersection tells whether any of them can.
_GATED = HOPE_TRIGGERS | NEED_TRIGGERS | CONSTRUCTION_TRIGGERS | MODAL_TRIGGERS


def _urge_forms(words: set[str]) -> set[str]:
    """The words of ``words`` that may be a verb of ``URGE``: their lemma under some VB tag is in it."""
    if words <= _SEEN:  # the common case once a corpus is under way: nothing new to look at
        return words & _URGE_FORMS if not words.isdisjoint(_URGE_FORMS) else _NONE
    new = words - _SEEN
    if new:
        if len(_SEEN) > 500_000:
            _SEEN.clear()
            _URGE_FORMS.clear()
            new = words
        for word in new:  # ScopedSentence.verb_lemma of a VB-tagged word is one of these three
            if word in URGE or lemmatize(word, "VB") in URGE or lemmatize(word, "VBD") in URGE:
                _URGE_FORMS.add(word)
        _SEEN.update(new)
    return words & _URGE_FORMS


def _positions(words: list[str], found: set[str]) -> list[int]:
    """The indices in ``words`` of every word of ``found``, ascending."""
    out: list[int] = []
    for word in found:
        i = words.index(word)
        out.append(i)
        try:
            while True:
                i = words.index(word, i + 1)
                out.append(i)
        except ValueError:
            pass
    if len(found) > 1:
        out.sort()
    return out


class _Sentence(ScopedSentence):
    """A sentence and the rules that find its directive triggers."""

    # ----------------------------------------------------------------- the triggers
    def hoped(self, where: list[int]) -> None:
        """"it is hoped that X will V", "we hope (that) X will V" -> recommendation."""
        for i in where:
            w = self.w[i]
            if not ((w == "hoped" and self.word(i - 1) in BE and self.word(i - 2) == "it")
                    or (w == "hope" and self.word(i - 1) in ("we", "i"))):
                continue
            start = i - 2 if w == "hoped" else i - 1
            for j in range(i + 1, min(self.n, i + 30)):
                if self.w[j] in (".", ";") or (self.p[j] == "MD" and self.w[j] not in ("will", "shall")):
                    break
                if self.w[j] in ("will", "shall"):
                    self.scope(j + 1, "recommendation", self.text(start, i + (self.word(i + 1) == "that")))
                    break

    def need_noun(self, where: list[int]) -> None:
        """"the need to V" (obligation) and "<reporting verb> the need to V" (reported)."""
        for i in where:
            if not 0 < i < self.n - 1 or self.w[i + 1] != "to":
                continue
            d = i - 1
            while d > 0 and self.p[d].startswith("JJ"):
                d -= 1
            if self.w[d] not in ("the", "a", "an"):
                continue
            r = d - 1
            r -= self.word(r) in ("out", "for")
            while r >= 0 and self.is_adv(r):
                r -= 1
            if r >= 0 and self.p[r].startswith("VB") and self.verb_lemma(r) in REPORT_NEED:
                self.scope(i + 2, "reported", self.text(r, i + 1))
            else:
                self.scope(i + 2, "obligation", self.text(d, i + 1))

    def urged(self, where: list[int]) -> None:
        """"urged / asked / requested / required / called on X to V" (reported); passive "are urged to V"."""
        for i in where:
            if not self.p[i].startswith("VB") or self.verb_lemma(i) not in URGE:
                continue
            passive = self.word(self.skip_back_adv(i - 1)) in BE
            if passive:
                if self.word(i + 1) == "to" and self.verb_lemma(i) != "require":
                    self.scope(i + 2, "reported", self.text(i, i + 1))
                continue
            j = i + 1 + (self.word(i + 1) in ("on", "upon", "for"))
            if self.verb_lemma(i) == "call" and j == i + 1:
                continue
            first = j
            while j < self.n and j < first + 14 and self.w[j] != "to" and (
                    self.p[j][:2] in ("NN", "DT", "JJ", "CD", "PR") or self.p[j] in ("POS", "CC", ",")
                    or self.w[j] in ("of", "at", "in", "across", "throughout", "from")):
                j += 1
            if j > first and self.to_verb(j) is not None and self.p[first] not in (",", "CC"):
                self.scope(j + 1, "reported", self.text(i, first) + " ... to" if j > first + 1
                           else self.text(i, j))

    def constructions(self, where: list[int]) -> None:
        """"it is essential/... to V", "be required/obliged to V", "requirements were made to V"."""
        for i in where:
            w = self.w[i]
            if w in DEONTIC_ADJ:
                b = self.skip_back_adv(i - 1)
                if self.word(b) not in PRESENT_BE or self.word(self.skip_back_adv(b - 1)) != "it":
                    continue
                j = i + 1
                if self.word(j) == "for":  # it is important for us to V
                    j += 1
                    while j < self.n and j < i + 6 and self.w[j] != "to" and self.p[j][:2] in ("PR", "NN", "DT", "JJ"):
                        j += 1
                if self.word(j) == "to":
                    self.scope(j + 1, DEONTIC_ADJ[w], self.text(self.skip_back_adv(b - 1), j))
            elif w in ("required", "obliged", "obligated") and self.word(i + 1) == "to" \
                    and self.word(self.skip_back_adv(i - 1)) in BE:
                self.scope(i + 2, "obligation", self.text(self.skip_back_adv(i - 1), i + 1))
            elif w == "made" and self.word(i - 1) in BE:
                subj, k = self.subject(i - 1)
                end = i + 1
                if subj == "requirement" and self.to_verb(end) is not None:
                    self.scope(end + 1, "reported", self.text(k, end))

    def modals(self, where: list[int]) -> None:
        """must / should / shall / ought to / need(s) to / have/has to, and will/shall commitments."""
        for i in where:
            w = self.w[i]
            prev = self.word(i - 1)
            if i == 0 and w in MODAL_CATEGORY or prev in ("if", "not", "n't") or \
                    (w in {"must", "should", "shall", "ought", "will", "'ll"} and self.p[i + 1:i + 2] == ["PRP"]
                     and self.word(i + 1) != "it" and i + 1 < self.n and self.word(i - 1) in ("", ",")):
                continue
            subj, k = self.subject(i)
            start = k if subj in ("effort", "requirement") else i
            if w in ("must", "should") or (w == "ought" and self.word(i + 1) == "to"):
                self.vp(i + 1 + (w == "ought"), MODAL_CATEGORY[w], start, subj, i + (w == "ought"))
            elif w in ("need", "needs") and self.word(i + 1) == "to" and \
                    prev not in ("the", "a", "an", "no") and not self.p[i - 1:i] == ["JJ"]:
                self.vp(i + 2, "obligation", start, subj, i + 1)
            elif w in ("have", "has") and self.word(i + 1) == "to" and prev not in ("do", "does", "did"):
                self.vp(i + 2, "obligation", start, subj, i + 1)
            elif w == "shall":
                self.vp(i + 1, "commitment" if subj == "first" else "obligation", start, subj, i)
            elif w in ("will", "'ll") and subj in ("first", "institution", "effort"):
                j = self.skip_adv(i + 1)
                if self.word(j) == ",":  # "will, based on its functions, continue to"
                    c = j + 1
                    while c < self.n and c < j + 15 and self.w[c] != ",":
                        c += 1
                    j = c + 1 if self.word(c) == "," else j
                self.vp(j, "commitment", start, subj, i)
            elif w in ("strive", "strives", "aim", "aims") and self.p[i] in ("VBP", "VBZ", "VB", "NN") \
                    and subj in ("first", "institution") and self.word(i + 1) == "to":
                self.scope(i + 2, "commitment", self.text(i, i + 1))

    def imperatives(self, words: set[str]) -> None:
        """Bare imperatives at the start of a sentence or of a clause after ";" or ":"; "let us V"."""
        if self.n < 3 or self.w[-1] not in (".", "!", ";"):
            return  # headings and fragments are not imperative clauses
        starts = [0] + [i + 1 for i in _positions(self.w, words & _CLAUSE_MARKS)]
        for i in _positions(self.w, words & _LET):  # "let us V" anywhere in the sentence
            if i < self.n - 2 and self.w[i + 1] in ("us", "'s"):
                self.scope(i + 2, "imperative", self.text(i, i + 1))
        for s in starts:
            i = s
            while i < self.n and (self.p[i] in ("``", "''", "(", ")", "CD", "LS", ":", ",", "-")
                                  or self.w[i] in ENUMERATORS or self.is_adv(i)
                                  or not (self.w[i].isalnum() or any(c.isalnum() for c in self.w[i]))):
                i += 1
            if i >= self.n:
                continue
            if self.w[i] == "let" and self.word(i + 1) in ("us", "'s"):
                self.scope(i + 2, "imperative", self.text(i, i + 1))
            elif self.w[i] in ("do", "please") and self.word(i + 1) in ("not", "n't", "please") \
                    or self.w[i] == "please":
                self.scope(i + 1, "imperative", self.text(i, i))
            elif self.w[i] == "thank" and self.word(i + 1) == "you":
                continue  # a formula of politeness, not a prescribed action
            elif (self.p[i] == "VB" or (self.p[i] in ("NN", "NNP") and _can_be_verb(self.w[i])
                                        and self.object_like(i + 1)
                                        and self.word(i + 1) not in ("in", "into"))) \
                    and self.w[i] not in BE and self.p[i + 1:i + 2] not in (["MD"], ["VBZ"], ["VBD"], ["VBP"]):
                self.scope(i, "imperative", "(imperative)")


def english_directives(tokens: Sequence[Any]) -> list[dict]:
    """Directive and commitment hits of one tagged English sentence, in text order.

    Parameters
    ----------
    tokens : sequence of Token
        The sentence's tokens (``text, start, end, norm, pos``; offsets in the sentence).

    Returns
    -------
    list of dict
        One dict per counted verb: ``lemma, verb, category, trigger, start, end``.
    """
    s = _Sentence(tokens)
    w = s.w
    words = set(w)  # each rule looks only at the positions of the words it fires on
    gated = words & _GATED
    urge = _urge_forms(words)
    if gated or urge:
        # Order matters: a verb claimed by an earlier rule is not counted again by a later one.
        for rule, gate in ((s.hoped, HOPE_TRIGGERS), (s.need_noun, NEED_TRIGGERS), (s.urged, None),
                           (s.constructions, CONSTRUCTION_TRIGGERS), (s.modals, MODAL_TRIGGERS)):
            found = gated & gate if gate is not None else urge
            if found:
                rule(_positions(w, found))
    if s.n >= 3 and w[-1] in (".", "!", ";"):  # headings and fragments are not imperative clauses
        s.imperatives(words)
    return [s.hits[i] for i in sorted(s.hits)] if s.hits else []
