"""The scope of an English directive trigger: token predicates, and the verbs a trigger governs.

:class:`ScopedSentence` holds the Penn-tagged tokens of one sentence (lower-cased words and tags) and the hits
found so far. Given where a trigger's verb phrase starts, :meth:`ScopedSentence.scope` counts the governed verb
and every verb coordinated with it, stepping through catenatives ("continue to V") and light-verb constructions
("make efforts to V") and stopping at purpose clauses and strong punctuation; :meth:`ScopedSentence.vp` tells
active, passive and perfect phrases after a modal-like trigger apart. The triggers themselves are found in
:mod:`discourse.directives_en`; the choices they implement are listed in :mod:`discourse.directives`.
"""
from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Any

from discourse.directives.english_words import (
    ADVERB_PHRASES,
    ADVERB_WORDS,
    BE,
    CATENATIVE,
    DUTY_FRAMES,
    EFFORT_NOUNS,
    EFFORT_PARTICIPLES,
    FIRST_PERSON,
    INSTITUTIONS,
    INTRANSITIVE_CATENATIVE,
    LIGHT_ACTIVE,
    LIGHT_PASSIVE,
    NOMINATIVE,
    NOTING,
    OBJECT_TAGS,
    PARTICLES,
    REQUIREMENT_NOUNS,
    STOPS_BY_FIRST,
    SUBORDINATORS,
)
from discourse.text.lemmas import lemmatize
from discourse.text.tagging import can_be_verb as _can_be_verb  # the tagger's notion of "can be a base verb"

__all__ = ["ScopedSentence"]

_NORM = attrgetter("norm")
_POS = attrgetter("pos")
_SEP = "\x00"


class ScopedSentence:
    """Tagged tokens of one sentence plus the hits found so far; the scope of a trigger."""

    def __init__(self, tokens: Sequence[Any]) -> None:
        toks = self.toks = tokens if type(tokens) is list else list(tokens)  # read, never changed
        n = self.n = len(toks)
        # The common case in three C calls per column: the strings joined by a separator no token holds,
        # lower-cased at once and split again. NUL is neither cased nor case-ignorable, so lower-casing the
        # joined text gives each word's own lower case (final sigma included). A missing or non-string
        # value, or a separator inside a value, changes the count or raises: then token by token.
        try:
            w = _SEP.join(map(_NORM, toks)).lower().split(_SEP)
        except TypeError:
            w = None
        if w is None or len(w) != n or "" in w:
            w = [str(t.norm or t.text).lower() for t in toks]
        try:
            p = _SEP.join(map(_POS, toks)).split(_SEP)
        except TypeError:
            p = None
        if p is None or len(p) != n:
            p = [str(t.pos or "") for t in toks]
        self.w = w
        self.p = p
        self.hits: dict[int, dict] = {}

    # ----------------------------------------------------------------- token predicates
    def word(self, i: int) -> str:
        return self.w[i] if 0 <= i < self.n else ""

    def is_adv(self, i: int) -> bool:
        return 0 <= i < self.n and (self.p[i] in ("RB", "RBR", "RBS") or self.w[i] in ADVERB_WORDS
                                    or self.w[i] == "n't")

    def skip_adv(self, i: int) -> int:
        while True:
            if self.is_adv(i):
                i += 1
            elif tuple(self.w[i:i + 2]) in ADVERB_PHRASES:  # "let us at least agree", "we must once again"
                i += 2
            else:
                return i

    def skip_back_adv(self, k: int) -> int:
        while k >= 0 and self.is_adv(k):
            k -= 1
        return k

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
        if self.p[i] == "JJR":  # "we must lower/JJR the rate": a comparative form that is a verb with an object
            return _can_be_verb(self.w[i]) and self.p[i + 1:i + 2] in (["DT"], ["PRP$"], ["NNS"], ["NN"])
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
        if k >= 1 and self.w[k] == "," and self.p[k - 1][:2] in ("NN", "PR") and any(
                self.p[j] == "CC" for j in range(max(k - 8, 0), k)):
            # "my administration, and this Congress, will": a coordinated subject set off by commas (not "New
            # programs, such as that for a national research agency, will": an aside)
            j = k - 1
            while j >= 0 and (self.p[j][:2] in ("NN", "JJ", "DT", "CD") or self.p[j] in ("POS", "PRP$", "CC", ",")
                              or self.w[j] == "of"):
                if self.w[j] in FIRST_PERSON:
                    return "first", k - 1
                if self.w[j] in INSTITUTIONS:
                    return "institution", k - 1
                j -= 1
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
        while j >= 0 and (self.p[j][:2] in ("NN", "JJ", "DT", "CD") or self.p[j] in ("POS", "PRP$", "CC")
                          or self.w[j] == "of"):
            if self.w[j] in INSTITUTIONS:  # "the new Secretary of Defense and his associates will"
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
            # only adverbs and particles stand between a catenative and its "to" ("work together to", "keep
            # on trying to"): with an object between, the verb is transitive and counts itself ("continue our
            # efforts to V" -> continue; "move this year on legislation to protect" -> move)
            j = k + 1
            while j < self.n and j <= k + 3 and (self.is_adv(j) or self.w[j] in PARTICLES) and self.w[j] != "to":
                j += 1
            if lemma in INTRANSITIVE_CATENATIVE and self.word(j) != "to":
                j = self.skip_adv(k + 1)  # an intransitive one takes a short phrase too ("strive in good faith
                if self.p[j:j + 1] == ["IN"]:  # to heal", "work together with Chongqing to establish")
                    j += 1
                    while j < self.n and j <= k + 7 and self.w[j] != "to" and \
                            self.p[j][:2] in ("DT", "JJ", "NN", "PR", "CD"):
                        j += 1
            v = self.to_verb(j)
            if v is not None:
                return self.take(v, category, trigger)
        if lemma == "have" and self.word(k + 1) == "occasion":
            v = self.to_verb(k + 2)  # "I shall have occasion to ask": an empty frame, the verb after it counts
            if v is not None:
                return self.take(v, category, trigger)
        if lemma in DUTY_FRAMES and self.word(k + 1) == "it":
            for j in range(k + 2, min(self.n, k + 5)):  # "I shall deem it my duty as President to convene"
                if self.w[j] in ("duty", "obligation"):
                    t = j + 1
                    while t < self.n and t < j + 5 and self.w[t] != "to" and self.p[t][:2] in ("IN", "NN", "DT", "JJ"):
                        t += 1
                    v = self.to_verb(t)
                    if v is not None:
                        return self.take(v, category, trigger)
                    break
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

    def parenthesis_end(self, j: int) -> int:
        """After a trigger, a parenthetical set off by commas ("will, in the future, recommend"; "must, at all
        costs, preserve"): the index after it when a base verb follows it, else ``j``."""
        if self.word(j) != ",":
            return j
        c = j + 1
        while c < self.n and c < j + 25 and self.w[c] not in (",", ";", ":", ".") and \
                (self.p[c] != "MD" or self.word(c - 1) in ("and", "or")):  # "must not, and will not, allow"
            c += 1
        if self.word(c) == ",":
            v = self.skip_adv(c + 1)
            if self.head_verb(v) and self.p[v] in ("VB", "VBP"):
                return c + 1
        return j

    def institutional_agent(self, i: int) -> bool:
        """A by-phrase at ``i`` naming a first-person or institutional agent ("by us", "by the Federal
        Government")."""
        if self.word(i) != "by":
            return False
        j = i + 1
        while j < self.n and j < i + 7 and (self.p[j][:2] in ("DT", "JJ", "NN", "PR") or self.p[j] == "POS"):
            if self.w[j] in INSTITUTIONS or self.w[j] in ("us", "me"):
                return True
            j += 1
        return False

    def vp(self, i: int, category: str, trigger_start: int, subject: str = "other",
           trigger_end: int | None = None) -> None:
        """Handle what follows a modal-like trigger ending before ``i``: passive, perfect or active."""
        k = self.skip_adv(self.parenthesis_end(self.skip_adv(i)))
        if self.word(k) in ("have", "has") and self.p[k + 1:k + 2] and self.passive_participle(k + 1):
            return  # must have done: epistemic or counterfactual
        trig = self.text(trigger_start, i - 1 if trigger_end is None else trigger_end)
        if self.word(k) != "be":
            if category != "commitment" or subject in ("first", "institution"):
                self.scope(k, category, trig)
            return
        v = self.skip_adv(k + 1)
        if v < self.n and self.p[v] == "VBG" and category != "commitment" and self.w[v] != "going":
            self.take(v, category, trig + " be")  # progressive: "banks should be making sound loans"
            return
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
        if category == "commitment":
            if self.institutional_agent(end):  # "will still be performed by the Federal Government"
                self.scope(v, category, trig + " be", passive=True)
            return  # without one, a passive after will cannot be told from a prediction or a schedule
        if self.verb_lemma(v) in LIGHT_PASSIVE and inf is not None:
            return  # "Steps should be taken to V" with another subject: the light verb is not the directive
        if subject == "it" and self.word(end) == "that" and self.verb_lemma(v) in NOTING:
            return  # it should be noted that ...
        self.scope(v, category, trig + " be", passive=True)
