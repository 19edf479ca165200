"""English directive and commitment verbs of one tagged sentence (the rules behind ``find_directives``).

The rules work on the Penn-tagged tokens of a sentence and never re-tag. Each rule finds a
*trigger* (a modal, a deontic construction, a reporting verb, a clause-initial imperative or a
commitment) and the position where the governed verb phrase starts; :meth:`_Sentence.scope` then
collects the governed verb and every verb coordinated with it. The word lists are in
:mod:`discourse.directive_words`; the choices that ``MEASURES.md`` leaves open are listed in
:mod:`discourse.directives`.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .directive_words import (ADVERB_WORDS, BE, CATENATIVE, CONSTRUCTION_TRIGGERS, DEONTIC_ADJ, EFFORT_NOUNS,
                              EFFORT_PARTICIPLES, ENUMERATORS, FIRST_PERSON, HOPE_TRIGGERS, INSTITUTIONS,
                              LIGHT_ACTIVE, LIGHT_PASSIVE, MODAL_CATEGORY, MODAL_TRIGGERS, NEED_TRIGGERS, NOMINATIVE,
                              OBJECT_TAGS, PARTICLES, PRESENT_BE, REPORT_NEED, REQUIREMENT_NOUNS, STOPS_BY_FIRST,
                              SUBORDINATORS, URGE)
from .lemmas import lemmatize
from .tagging import can_be_verb as _can_be_verb  # the tagger's notion of "can be a base verb"


class _Sentence:
    """Tagged tokens of one sentence plus the hits found so far."""

    def __init__(self, tokens: Sequence[Any]) -> None:
        self.toks = list(tokens)
        self.w = [str(t.norm or t.text).lower() for t in self.toks]
        self.p = [str(t.pos or "") for t in self.toks]
        self.n = len(self.toks)
        self.hits: dict[int, dict] = {}

    # ----------------------------------------------------------------- token predicates
    def word(self, i: int) -> str:
        return self.w[i] if 0 <= i < self.n else ""

    def is_adv(self, i: int) -> bool:
        return 0 <= i < self.n and (self.p[i] in ("RB", "RBR", "RBS") or self.w[i] in ADVERB_WORDS
                                    or self.w[i] == "n't")

    def skip_adv(self, i: int) -> int:
        while self.is_adv(i):
            i += 1
        return i

    def verb_lemma(self, i: int) -> str:
        """Lemma of a verb token: a base form is its own lemma, an inflected one is reduced."""
        if self.p[i] in ("VBD", "VBN", "VBZ", "VBG") or self.w[i].endswith(("ed", "ing")):
            return lemmatize(self.w[i], self.p[i] if self.p[i].startswith("VB") else "VBN")
        return self.w[i]

    def object_like(self, i: int) -> bool:
        if i >= self.n:
            return False
        if self.p[i] in OBJECT_TAGS or self.w[i] in PARTICLES or self.is_adv(i):
            return True
        return self.p[i] == "CC" and i + 1 < self.n and self.p[i + 1] in ("VB", "VBP")

    def head_verb(self, i: int) -> bool:
        """A base verb where the grammar demands one (after a modal or infinitival "to")."""
        if not 0 <= i < self.n or self.w[i] in BE:
            return False
        if self.p[i] in ("VB", "VBP"):
            return True
        return self.p[i] in ("NN", "JJ", "NNP", "VBN", "VBD") and _can_be_verb(self.w[i])

    def conj_verb(self, i: int, passive: bool) -> bool:
        """A verb heading a coordinated conjunct (stricter than :meth:`head_verb`)."""
        if not 0 <= i < self.n or self.w[i] in BE or self.w[i] in ("have", "has", "let"):
            return False
        if passive:
            return self.p[i] in ("VBN", "VBD")
        if self.p[i] == "VB" or (self.p[i] == "VBP" and not self.p[i - 1].startswith("NN")):
            return True
        return (self.p[i] in ("NN", "JJ") and _can_be_verb(self.w[i])
                and self.object_like(i + 1))

    def passive_participle(self, i: int) -> bool:
        return 0 <= i < self.n and (self.p[i] in ("VBN", "VBD") or
                                    (self.w[i].endswith("ed") and self.p[i] in ("JJ", "NN")))

    def stop_at(self, i: int) -> bool:
        seqs = STOPS_BY_FIRST.get(self.w[i]) if i < self.n else None
        return seqs is not None and any(tuple(self.w[i:i + len(seq)]) == seq for seq in seqs)

    def to_verb(self, i: int) -> int | None:
        """If token ``i`` is infinitival "to" + (adverbs) + verb, return the verb's index."""
        if self.word(i) != "to":
            return None
        k = self.skip_adv(i + 1)
        return k if self.head_verb(k) and self.p[k] != "VBN" else None

    def subject(self, i: int) -> tuple[str, int]:
        """Classify the subject before token ``i``: ``first``, ``institution``, ``effort``,
        ``requirement``, ``it`` or ``other``; plus the index of its head word."""
        k = i - 1
        while k >= 0 and self.is_adv(k):
            k -= 1
        if k < 0:
            return "other", k
        if self.w[k] in FIRST_PERSON:
            return "first", k
        if self.w[k] == "it":
            return "it", k
        if not self.p[k].startswith("NN"):
            return "other", k
        if self.w[k] in EFFORT_NOUNS:
            return "effort", k
        if self.w[k] in REQUIREMENT_NOUNS:
            return "requirement", k
        j = k
        while j >= 0 and (self.p[j][:2] in ("NN", "JJ", "DT", "CD") or self.p[j] in ("POS", "PRP$")
                          or self.w[j] == "of"):
            if self.w[j] in INSTITUTIONS or self.w[j] in FIRST_PERSON:
                return "institution", k
            j -= 1
        return "other", k

    # ----------------------------------------------------------------- recording hits
    def add(self, i: int, category: str, trigger: str) -> None:
        if i in self.hits:
            return
        tok = self.toks[i]
        self.hits[i] = {"lemma": self.verb_lemma(i), "verb": tok.text, "category": category,
                        "trigger": trigger, "start": int(tok.start), "end": int(tok.end)}

    def text(self, i: int, j: int) -> str:
        """Surface text of tokens ``i..j`` inclusive."""
        return " ".join(t.text for t in self.toks[max(i, 0):j + 1])

    def take(self, k: int, category: str, trigger: str) -> int:
        """Count the verb at ``k`` (or the verb it stands for); return the index to go on from."""
        lemma = self.verb_lemma(k)
        if lemma in CATENATIVE:
            j = k + 1
            while j < self.n and j <= k + 5 and self.w[j] != "to" and self.p[j] not in (",", ".") \
                    and not self.p[j].startswith("VB") and self.p[j] != "MD":
                j += 1
            v = self.to_verb(j)
            if v is not None:
                return self.take(v, category, trigger)
        if lemma in LIGHT_ACTIVE:
            j = k + 1
            while j < self.n and j <= k + 5 and (self.p[j] in OBJECT_TAGS or self.is_adv(j)
                                                 or self.w[j] in PARTICLES or self.p[j] == "VBN"):
                j += 1
            if j < self.n and self.w[j] in EFFORT_NOUNS:
                v = self.to_verb(j + 1)
                if v is not None:
                    return self.take(v, category, trigger)
        self.add(k, category, trigger)
        return k + 1

    # ----------------------------------------------------------------- scope of a trigger
    def scope(self, i: int, category: str, trigger: str, *, passive: bool = False) -> None:
        """Count the verb phrase starting at ``i`` and every verb coordinated with it."""
        k = self.skip_adv(i)
        if passive:
            ok = self.passive_participle(k)
        else:  # the grammar demands a verb here: trust an alphabetic NN/JJ followed by an object
            ok = self.head_verb(k) or (0 <= k < self.n and self.p[k] in ("NN", "JJ") and
                                       self.w[k].isalpha() and self.object_like(k + 1))
        if not ok:
            return
        j = self.take(k, category, trigger)
        embedded = False
        while j < self.n:
            w, p = self.w[j], self.p[j]
            if self.stop_at(j) or p == "MD" or (w in NOMINATIVE and p == "PRP") or w == "let":
                return
            if w == "it" and j + 1 < self.n and self.p[j + 1] in ("MD", "VBZ", "VBD"):
                return
            if w == "," or p == "CC" or w in ("and", "or") or self.w[j:j + 3] == ["as", "well", "as"]:
                comma = inf = False
                if w not in (",", "and", "or", "to") and not self.is_adv(j) \
                        and self.w[j:j + 3] != ["as", "well", "as"]:
                    j += 1  # another conjunction ("but", "nor", "both"): step over it
                while j < self.n and not self.stop_at(j) and (
                        self.w[j] in (",", "and", "or", "to") or self.is_adv(j)
                        or self.w[j:j + 3] == ["as", "well", "as"]):
                    comma = comma or self.w[j] == ","
                    inf = inf or self.w[j] == "to"
                    j += 3 if self.w[j:j + 3] == ["as", "well", "as"] else 1
                if j < self.n and self.stop_at(j):
                    return
                if self.conj_verb(j, passive) and (not embedded or (comma and not inf)):
                    j = self.take(j, category, trigger)
                    embedded = False
                elif j < self.n and self.p[j] == "VBG":
                    embedded = True
                continue
            if w in SUBORDINATORS or p in ("WDT", "WP", "WRB", "VBZ", "VBD") or \
                    (w == "as" and self.word(j + 1) in NOMINATIVE | {"it"}) or \
                    (p != "VBN" and self.to_verb(j) is not None):
                embedded = True
            j += 1

    def vp(self, i: int, category: str, trigger_start: int, subject: str = "other",
           trigger_end: int | None = None) -> None:
        """Handle what follows a modal-like trigger ending before ``i``: passive, perfect or active."""
        k = self.skip_adv(i)
        if self.word(k) in ("have", "has") and self.p[k + 1:k + 2] and self.passive_participle(k + 1):
            return  # must have done: epistemic or counterfactual
        trig = self.text(trigger_start, i - 1 if trigger_end is None else trigger_end)
        if self.word(k) != "be":
            if category != "commitment" or subject in ("first", "institution"):
                self.scope(k, category, trig)
            return
        v = self.skip_adv(k + 1)
        if not self.passive_participle(v):
            return  # copula: must be strong
        end = v + 1
        while self.word(end) in PARTICLES:
            end += 1
        inf = self.to_verb(end)
        if subject in ("effort", "requirement"):
            if inf is not None:
                self.scope(inf, category, self.text(trigger_start, end))
                return
            if subject == "requirement" or self.verb_lemma(v) in LIGHT_PASSIVE | EFFORT_PARTICIPLES:
                return  # "Efforts should be directed towards the implementation of ..."
        if category == "commitment" or self.verb_lemma(v) in LIGHT_PASSIVE:
            return
        if subject == "it" and self.word(end) == "that":
            return  # it should be noted that ...
        self.scope(v, category, trig + " be", passive=True)

    # ----------------------------------------------------------------- the triggers
    def hoped(self) -> None:
        """"it is hoped that X will V", "we hope (that) X will V" -> recommendation."""
        for i in range(self.n):
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

    def need_noun(self) -> None:
        """"the need to V" (obligation) and "<reporting verb> the need to V" (reported)."""
        for i in range(1, self.n - 1):
            if self.w[i] not in NEED_TRIGGERS or self.w[i + 1] != "to":
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

    def urged(self) -> None:
        """"urged / asked / requested / required / called on X to V" (reported); passive "are urged to V"."""
        for i in range(self.n):
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

    def skip_back_adv(self, k: int) -> int:
        while k >= 0 and self.is_adv(k):
            k -= 1
        return k

    def constructions(self) -> None:
        """"it is essential/... to V", "be required/obliged to V", "requirements were made to V"."""
        for i in range(self.n):
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

    def modals(self) -> None:
        """must / should / shall / ought to / need(s) to / have/has to, and will/shall commitments."""
        for i in range(self.n):
            w = self.w[i]
            if w not in MODAL_TRIGGERS:
                continue  # no branch below reads another word
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

    def imperatives(self) -> None:
        """Bare imperatives at the start of a sentence or of a clause after ";" or ":"; "let us V"."""
        if self.n < 3 or self.w[-1] not in (".", "!", ";"):
            return  # headings and fragments are not imperative clauses
        starts = [0] + [i + 1 for i in range(self.n) if self.w[i] in (";", ":", "--", "—", "–")]
        for i in range(self.n - 2):  # "let us V" anywhere in the sentence
            if self.w[i] == "let" and self.w[i + 1] in ("us", "'s"):
                self.scope(i + 2, "imperative", self.text(i, i + 1))
        for s in starts:
            i = s
            while i < self.n and (self.p[i] in ("``", "''", "(", ")", "CD", "LS", ":", ",", "-")
                                  or self.w[i] in ENUMERATORS or self.is_adv(i)
                                  or not any(c.isalnum() for c in self.w[i])):
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
    words = set(s.w)  # a gated rule is skipped when the sentence lacks every word it could fire on
    # Order matters: a verb claimed by an earlier rule is not counted again by a later one.
    for rule, gate in ((s.hoped, HOPE_TRIGGERS), (s.need_noun, NEED_TRIGGERS), (s.urged, None),
                       (s.constructions, CONSTRUCTION_TRIGGERS), (s.modals, MODAL_TRIGGERS), (s.imperatives, None)):
        if gate is None or not words.isdisjoint(gate):
            rule()
    return [s.hits[i] for i in sorted(s.hits)]
