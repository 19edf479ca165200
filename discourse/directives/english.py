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
    DISCOURSE_VERBS,
    DUTY_TRIGGERS,
    EVENT_VERBS,
    HYPOTHETICAL,
    LET_US_DISCOURSE,
    NEGATIONS,
    PLACEHOLDER_NOUNS,
    PLACEHOLDER_VERBS,
    PROPOSE,
    SUBORDINATORS,
    CONSTRUCTION_TRIGGERS,
    DEONTIC_ADJ,
    ENUMERATORS,
    HOPE_TRIGGERS,
    MODAL_CATEGORY,
    MODAL_TRIGGERS,
    NEED_TRIGGERS,
    OBJECT_TAGS,
    PARTICLES,
    PRESENT_BE,
    REPORT_NEED,
    URGE,
)
from discourse.text.lemmas import lemmatize
from discourse.text.tagging import can_be_verb as _can_be_verb  # the tagger's notion of "can be a base verb"

_CLAUSE_MARKS = frozenset({";", ":"})  # not dashes: "--help them lift their standards" elaborates
_LET = frozenset({"let"})
# Words seen so far, and those of them that can be a form of a verb of URGE when tagged as a verb (the urged
# rule reads no other word): a sentence's candidates come from two set operations once its words are known.
_SEEN: set[str] = set()
_URGE_FORMS: set[str] = set()
_NONE: frozenset[str] = frozenset()
# Every word a gated rule fires on: one intersection tells whether any of them can.
_GATED = HOPE_TRIGGERS | NEED_TRIGGERS | CONSTRUCTION_TRIGGERS | MODAL_TRIGGERS | PROPOSE | DUTY_TRIGGERS
_DEONTIC = frozenset({"must", "should", "shall", "ought"})
#: Verbs of experience or state: "will never forget", "shall face problems" predict, they pledge no action.
_EXPERIENCE = frozenset({"forget", "remember", "know", "see", "find", "feel", "face", "need", "enjoy", "suffer",
                         "hear", "learn", "understand", "recall", "miss", "encounter", "experience", "witness"})
#: Verbs of amount and relation: after an institution's will a projection ("will require larger amounts").
_AMOUNT_VERBS = frozenset({"require", "cost", "involve", "entail", "mean", "total", "amount", "exceed", "need"})
#: Outcome verbs: "we will triumph", "we shall prevail" predict an outcome, they pledge no action.
_OUTCOME = frozenset({"triumph", "prevail", "succeed", "flourish", "thrive", "prosper", "survive", "endure",
                      "overcome"})
#: Adverbs that make a modal epistemic ("must inevitably follow").
_EPISTEMIC_ADVERBS = frozenset({"inevitably", "necessarily", "surely", "certainly", "undoubtedly", "probably",
                                "doubtless", "obviously", "clearly", "evidently"})
_HOPE_NOT = frozenset({"become", "be", "seem", "remain", "happen", "come", "prove", "turn"})
_MODAL_BEFORE = frozenset({"must", "should", "shall", "ought", "will", "would", "can", "could", "may", "might",
                           "'ll", "to", "not", "n't", "never"})
_PERSONS = frozenset({"we", "i", "you", "us"})
#: Modals of a future or possible state: a duty after them is not asserted.
_NOT_DEONTIC_MODALS = frozenset({"will", "would", "may", "might", "could", "can", "'ll", "'d"})
#: Subordinators that open an adverbial clause before the main clause ("If you know X, tell him").
_OPENING_SUBORDINATORS = frozenset({"if", "when", "whenever", "while", "once", "before", "after", "until",
                                    "unless"})
#: Subject pronouns that open a main clause.
NOMINATIVE_WORDS = frozenset({"we", "i", "you", "they", "he", "she", "it"})
#: Verbs that take "of" right after them; any other word before "of" heads a noun phrase.
_OF_VERBS = frozenset({"think", "speak", "dispose", "approve", "beware", "consist", "conceive", "dream", "take",
                       "make", "rid", "partake", "disapprove", "despair", "tire", "accuse", "remind", "inform"})
#: Nouns of fear: a that-clause after one describes a feared outcome.
_FEAR_NOUNS = frozenset({"fear", "fears", "worry", "worries", "danger", "dangers", "risk", "risks", "threat",
                         "anxiety", "dread", "suspicion", "apprehension"})
#: Verbs of the speaker's wish before "to" + an urging verb ("I want to ask you to join us"): a request.
_DESIRE = frozenset({"want", "wish", "like", "occasion", "proceed"})
#: Relative pronouns: a deontic right after one describes ("those who have to bear it").
_RELATIVE = frozenset({"who", "which", "that"})
#: Verbs of the speaker's own act when a that-clause follows ("I must remind you that", "I must advise the
#: Congress that"): discourse markers, like "let me emphasize".
_SPEECH_ACTS = frozenset({"remind", "advise", "inform", "warn", "assure", "caution", "acknowledge", "confess",
                          "tell", "submit", "observe"})
#: Verbs of relation: after must / should with a non-personal subject a consequence ("must involve").
_RELATION_VERBS = frozenset({"involve", "entail", "mean", "imply", "cost", "depend"})
#: Words of ``HYPOTHETICAL`` that are also participles or verbs ("the units provided for in the law").
_PARTICIPLE_OR_CONDITION = frozenset({"provided", "suppose", "supposing"})


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
                    v = self.skip_adv(j + 1)
                    if v < self.n and (self.verb_lemma(v) in _HOPE_NOT or self.event(j, "other", j - 1)):
                        break  # "what we hope will happen", "it will not become necessary": a hoped event
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
            if not (self.p[i].startswith("VB") or self.p[i] in ("NN", "NNS") and self.word(self.skip_back_adv(i - 1))
                    in ("i", "we")) or self.verb_lemma(i) not in URGE:
                continue  # a verb, or a word tagged as a noun right after "I" / "we" ("I therefore request/NN")
            if self.word(i - 1) == "to" and not self.word(i - 2) in _DESIRE or \
                    self.word(i - 1) in _MODAL_BEFORE and self.word(i - 1) != "to" \
                    and any(self.p[j] == "MD" for j in range(max(i - 3, 0), i)):
                continue  # "to encourage X to V", "we must not ask X to V": the urging verb is itself governed
                # (not "I want to ask X to V": the speaker's own request)
            if self.p[i] == "VB" and self.modal_before(i):
                continue  # "It will not only keep X, but require all members to pay": governed by a modal
            passive = self.word(self.skip_back_adv(i - 1)) in BE
            if passive:
                if self.word(i + 1) == "to" and self.verb_lemma(i) not in ("require", "tell"):  # "are told to
                    # pick": a narrative of others' orders
                    self.scope(i + 2, "reported", self.text(i, i + 1))
                continue
            j = i + 1 + (self.word(i + 1) in ("on", "upon", "for", "with", "to"))
            if self.verb_lemma(i) == "call" and j == i + 1:
                continue
            first = j
            while j < self.n and j < first + 14 and self.w[j] != "to" and (
                    self.p[j][:2] in ("NN", "DT", "JJ", "CD", "PR") or self.p[j] in ("POS", "CC", ",")
                    or self.is_adv(j) and j > first and self.w[j] not in NEGATIONS  # "I urge you again to pass"
                    or self.w[j] in ("of", "at", "in", "across", "throughout", "from")
                    or self.w[j] in ("not", "never") and self.word(j + 1) == "to"
                    and self.p[j - 1][:2] in ("PR", "NN")):  # "tell him not to give up"
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
                elif self.word(j) == "that":
                    v = self.that_clause_verb(j + 1)
                    if v is not None:  # "It is important that we understand", "... that all of us should V"
                        self.scope(v, DEONTIC_ADJ[w], self.text(self.skip_back_adv(b - 1), j))
            elif w in ("required", "obliged", "obligated") and self.word(i + 1) == "to" \
                    and self.word(self.skip_back_adv(self.skip_back_adv(i - 1) - 1)) in _RELATIVE:
                continue  # "mothers who are required to go to work": an existing requirement described
            elif w in ("required", "obliged", "obligated") and self.word(i + 1) == "to" \
                    and self.word(self.skip_back_adv(i - 1)) in BE:
                self.scope(i + 2, "obligation", self.text(self.skip_back_adv(i - 1), i + 1))
            elif w == "made" and self.word(i - 1) in BE:
                subj, k = self.subject(i - 1)
                end = i + 1
                if subj == "requirement" and self.to_verb(end) is not None:
                    self.scope(end + 1, "reported", self.text(k, end))

    def that_clause_verb(self, j: int) -> int | None:
        """The verb of a that-clause starting at ``j`` whose verb is a base form (a mandative subjunctive: "that
        we understand", "that all of us understand") or follows *should*; None otherwise."""
        k = j
        while k < self.n and k < j + 10 and (self.p[k][:2] in ("DT", "JJ", "NN", "PR", "CD") or self.p[k] == "POS"
                                             or self.w[k] in ("of", "all", "both", "each")):
            k += 1
        if k == j:
            return None
        k = self.skip_adv(k)
        if self.word(k) == "should":
            k = self.skip_adv(k + 1)
        return k if k < self.n and self.p[k] in ("VB", "VBP") and self.w[k] not in BE else None

    def duties(self, where: list[int]) -> None:
        """"the obligation to V", "such a profound obligation to build", "The first obligation of the Government
        ... is to V", "our duty is to V": an asserted duty (obligation), like "the need to V". Not a denied one
        ("we have no obligation to protect"), nor the speaker's duty to speak ("It's my duty to report")."""
        for i in where:
            if not self.p[i].startswith("NN") or any(self.w[j] in ("no", "not", "without") or (
                    self.w[j] in _NOT_DEONTIC_MODALS and self.word(j + 1) in ("be", "become"))
                    for j in range(max(i - 5, 0), i)):
                continue  # denied, or a duty to come ("it will be his duty to outline"): not asserted
            j = i + 1
            if self.word(j) == "of":  # "of the Government to agriculture for the reconversion period"
                while j < self.n and j < i + 14 and self.w[j] not in BE and self.p[j] not in ("MD", ",", "."):
                    j += 1
                if self.word(j) not in ("is", "remains"):
                    continue
                j += 1
            elif self.word(j) in ("is", "remains"):
                j += 1
            v = self.to_verb(j)
            if v is None or (self.verb_lemma(v) in DISCOURSE_VERBS and self.word(i - 1) == "my"):
                continue
            self.scope(v, "obligation", self.text(i, j))

    def modal_before(self, i: int) -> bool:
        """A modal earlier in the clause of token ``i`` (within 15 tokens, no ";" or ":" between)."""
        for j in range(i - 1, max(i - 16, -1), -1):
            if self.w[j] in (";", ":") or self.p[j] == ".":
                return False
            if self.p[j] == "MD":
                return True
        return False

    def hypothetical(self, i: int) -> bool:
        """The modal at ``i`` stands in a conditional or concessive clause ("if we should ever lose sight")."""
        for j in range(i - 1, max(i - 25, -1), -1):
            w = self.w[j]
            if w in (",", ";", ":", "--", "—") or self.p[j] == ".":
                return False
            if w in HYPOTHETICAL:
                # "provided" and "suppose" open a condition only as conjunctions ("provided that", ", suppose
                # we"); "the units provided for in the legislation should be increased" is a participle
                if any(self.p[t] in ("VBP", "VBZ", "VBD") for t in range(j + 2, i - 1)) and \
                        self.p[i - 1] in ("PRP", "NNS", "NN", "NNP"):
                    return False  # "If we expect X to V we must show": the condition had its verb, the modal's
                    # subject opens the main clause
                return w not in _PARTICIPLE_OR_CONDITION or self.word(j + 1) == "that" or j == 0 \
                    or self.word(j - 1) in (",", "--", "and", "or", "but")
        return False

    def negated(self, i: int) -> bool:
        """The modal at ``i`` is negated ("must not", "should never"; not "must not only")."""
        j = i + 1
        return self.word(j) in NEGATIONS and self.word(j + 1) not in ("only", "merely", "just", "simply")

    def event(self, i: int, subj: str, k: int) -> bool:
        """should / shall + an event verb used intransitively, with a subject that is not a person speaking
        or spoken to: a prediction ("Prices should settle once supply recovers")."""
        if subj == "first" or self.word(k) in _PERSONS:
            return False
        v = self.skip_adv(i + 1)
        if v >= self.n or self.verb_lemma(v) not in EVENT_VERBS:
            return False
        nxt = self.word(v + 1)
        transitive = v + 1 < self.n and (self.p[v + 1] in OBJECT_TAGS or self.p[v + 1].startswith("NN")) \
            and self.p[v + 1] != "RP"
        return not transitive and nxt != "to" or \
            self.verb_lemma(v) in ("survive", "prevail", "succeed", "endure", "perish")

    def need_takes_noun(self, i: int) -> bool:
        """*need* at ``i`` heads a relative clause whose gap is its own object ("the resources you need to fight
        X", "the work force that we'll need to compete in the market"): to V is a purpose. Not when the gap
        is V's object ("the things that we need to do.", "one more problem we need to address.")."""
        p = i - 1 - (self.word(i - 1) in ("will", "'ll"))  # the subject of need, behind a will
        pron = self.word(p)
        if pron in ("you", "they") and p == i - 1 and self.p[p - 1:p] and self.p[p - 1].startswith("NN"):
            return True  # "the resources you need to fight"
        if not (pron in ("you", "they", "we", "i") and self.word(p - 1) in ("that", "which")
                and self.p[p - 2:p - 1] and self.p[p - 2].startswith("NN")):
            return False  # "They know that we need to build": a complementizer, need is deontic
        v = self.to_verb(i + 1)
        if v is None:
            return False
        nxt = v + 1
        while nxt < self.n and (self.p[nxt] == "RP" or self.word(nxt) == "about" and self.word(nxt + 1) in (".", "")):
            nxt += 1
        return nxt < self.n and self.p[nxt] not in (".", ",", ":", "CC") and not self.word(nxt) in ("and", "or")

    def nation(self, k: int) -> bool:
        """The subject head at ``k`` names the nation (America, the United States): an institutional agent when
        its will is negated (a refusal pledges); a bare "America will V" is as often a prediction."""
        return self.word(k) == "america" or (self.word(k) == "states" and self.word(k - 1) == "united")

    def intention(self, i: int) -> None:
        """"we (do not) intend to V", "This administration is determined to V": a stated intention of a
        first-person or institutional agent (commitment), like "I propose to V" and Chinese 决心."""
        b = i
        if self.w[i] == "determined":
            b = self.skip_back_adv(i - 1)
            if self.word(b) not in BE:
                return
        elif self.word(i - 1) in ("not", "n't") and self.word(i - 2) in ("do", "does"):
            b = i - 2
        subj, _ = self.subject(b)
        if subj in ("first", "institution"):
            self.scope(i + 2, "commitment", self.text(b if b < i else i, i + 1))

    def relation(self, i: int, subj: str, k: int) -> bool:
        """must / should + a verb of relation with a subject that is no person speaking or spoken to ("functions
        which must involve large expenditure", "This should mean lower prices"): a consequence, not a duty."""
        if subj == "first" or self.word(k) in _PERSONS:
            return False
        v = self.skip_adv(i + 1)
        return v < self.n and self.verb_lemma(v) in _RELATION_VERBS

    def no_subject(self, k: int) -> bool:
        """The subject whose head is at ``k`` is quantified by *no* ("no measure should be passed"): a
        prohibition, like "should not"."""
        j = k
        while j >= 0 and j > k - 4 and self.p[j][:2] in ("NN", "JJ"):
            j -= 1
        return j >= 0 and j < k + 1 and self.w[j] == "no"

    def feared(self, i: int) -> bool:
        """The modal at ``i`` stands in the that-clause of a noun of fear ("a fear that X must V", "the danger
        that we shall lose"): the clause describes a feared outcome, it prescribes nothing."""
        for j in range(i - 1, max(i - 25, 0), -1):
            if self.w[j] in (";", ":", ".") or self.p[j] == "MD":
                return False
            if self.w[j] == "that":
                if self.word(j - 1) in _FEAR_NOUNS:
                    return True
                if self.word(j - 1) != ",":
                    return False  # else a that-clause coordinated with an earlier one ("a fear that X, that Y")
        return False

    def effect_clause(self, i: int) -> bool:
        """The modal at ``i`` stands in a clause after "to the effect that" (the wording of a text reported)."""
        for j in range(i - 1, max(i - 12, 2), -1):
            if self.w[j] == "that" and self.w[j - 3:j] == ["to", "the", "effect"]:
                return True
            if self.w[j] in (";", ":", "."):
                return False
        return False

    def predicted(self, i: int, subj: str) -> bool:
        """will / shall at ``i`` with a first-person or institutional subject predicts rather than pledges: a
        verb of experience or state ("we shall never forget", "a consolation which I shall feel"), an outcome
        verb used intransitively ("we will triumph", "we shall prevail"), or, after an institution, an
        event verb used intransitively ("Our country will thrive and prosper again")."""
        j = self.parenthesis_end(self.skip_adv(i + 1))
        if j >= self.n:
            return False
        lemma = self.verb_lemma(j)
        if lemma in _EXPERIENCE:
            return True
        if subj == "institution" and lemma in _AMOUNT_VERBS:
            return True  # "The Administration will require expenditures estimated at ...": a projection
        intransitive = not (j + 1 < self.n and (self.p[j + 1] in OBJECT_TAGS or self.p[j + 1].startswith("NN"))
                            and self.p[j + 1] != "RP")
        if lemma in _OUTCOME and intransitive:
            return True
        return subj == "institution" and self.event(i, "other", i - 1)

    def proposals(self, where: list[int]) -> None:
        """"I propose improving X" and "I recommend that the Congress enact X" (reported); "I propose to V"
        with the speaker as agent (commitment: a stated intention)."""
        for i in where:
            if not (self.p[i].startswith("VB") or self.p[i] in ("NN", "NNS")) or self.word(i - 1) == "to":
                continue
            subj, _ = self.subject(i)
            if subj not in ("first", "institution") and self.p[i] not in ("VBD",):
                continue
            j = self.skip_adv(i + 1)
            lemma = self.verb_lemma(i) if self.p[i].startswith("VB") else self.w[i].rstrip("s")
            if self.p[j:j + 1] == ["VBG"] and lemma in ("propose", "recommend", "suggest", "urge"):
                self.add(j, "reported", self.text(i, i))
                continue
            if self.word(j) == "to" and lemma == "propose" and subj == "first":
                self.scope(j + 1, "commitment", self.text(i, j))
                continue
            if self.word(j) == "that":
                for v in range(j + 2, min(self.n, j + 14)):
                    if self.p[v] == "MD" or self.w[v] in (".", ";", ":") or self.p[v] in ("VBZ", "VBD"):
                        break  # a modal is counted by its own rule; a finite verb states a fact
                    if self.p[v] in ("VB", "VBP") and self.w[v] not in BE and self.w[v] not in ("have", "has") \
                            and self.p[v - 1][:2] in ("NN", "PR", "RB"):
                        self.scope(v, "reported", self.text(i, j))
                        break

    def modals(self, where: list[int]) -> None:
        """must / should / shall / ought to / need(s) to / have/has to, and will/shall commitments."""
        done: set[int] = set()
        for i in where:
            w = self.w[i]
            prev = self.word(i - 1)
            if i in done:
                continue
            if w in ("will", "shall", "'ll") and prev in ("nor", "neither") and self.word(i + 1) in ("we", "i"):
                if not self.predicted(i + 1, "first"):  # "nor will we yield": an inverted pledge
                    self.vp(i + 2, "commitment", i - 1, "first", i + 1)
                continue
            if w in ("intend", "intends", "determined") and self.word(i + 1) == "to":
                self.intention(i)
                continue
            if i == 0 and w in MODAL_CATEGORY or prev in ("if", "not", "n't") or \
                    (w in {"must", "should", "shall", "ought", "will", "'ll"} and self.p[i + 1:i + 2] == ["PRP"]
                     and self.word(i + 1) != "it" and i + 1 < self.n and self.word(i - 1) in ("", ",")):
                continue
            if w in ("must", "should", "shall", "ought", "will", "'ll", "need", "needs", "have", "has") \
                    and self.hypothetical(i):
                continue  # if we should ever lose sight; if that spirit shall prevail
            if w in ("have", "has", "need", "needs") and prev in ("would", "could", "might", "may", "'d"):
                continue  # would have to: a hypothetical obligation (will / shall have to: a future one, counted)
            if w in ("will", "'ll", "shall") and self.word(self.skip_adv(i + 1)) in ("have", "need") and \
                    self.word(self.skip_adv(i + 1) + 1) == "to":
                continue  # "we shall have to maintain controls": counted by have to
            if (w in ("have", "has") and prev in _RELATIVE) or (w == "shall" and prev in _RELATIVE):
                continue  # "those who have to bear it", "laws which shall secure": a condition or a law described
            if self.effect_clause(i):
                continue  # "an amendment to the effect that the Government shall never interfere": a text reported
            if self.feared(i):
                continue  # "a nagging fear that the next generation must lower its sights": a feared outcome
            if w in ("need", "needs") and self.need_takes_noun(i):
                continue  # "the resources you need to fight", "the work force that we'll need to compete": need
                # takes the noun, to V is its purpose
            subj, k = self.subject(i)
            start = k if subj in ("effort", "requirement") else i
            if w in _DEONTIC and self.word(i + 1) in ("and", "or"):
                # "We must and we will pursue": one verb under two triggers, with the directive category
                j = i + 2
                while j < self.n and j <= i + 4 and self.p[j] != "MD":
                    j += 1
                if j < self.n and self.p[j] == "MD":
                    done.add(j)
                    cat = "prohibition" if self.negated(j) else MODAL_CATEGORY[w]
                    self.vp(j + 1, cat, start, subj, j)
                continue
            if w in ("must", "should", "shall", "will", "'ll") and subj == "first" and self.word(k) == "i":
                v = self.skip_adv(i + 1)
                if v < self.n and self.verb_lemma(v) in DISCOURSE_VERBS and not (
                        w in ("will", "shall", "'ll") and self.verb_lemma(v) in ("make", "give", "offer", "ask",
                                                                                 "report", "send", "take")):
                    continue  # "I should make some brief remarks", "I must say", "I will repeat": discourse
                if v < self.n and self.verb_lemma(v) in _SPEECH_ACTS and "that" in self.w[v + 1:v + 5]:
                    continue  # "I must advise the Congress that", "I must remind you that": the speaker's own act
            if w in ("should", "shall", "must") and (self.event(i, subj, k) or self.relation(i, subj, k)) or \
                    self.word(i + 1) in _EPISTEMIC_ADVERBS:
                continue  # epistemic: a prediction, not a prescription ("must inevitably follow")
            if w == "should" and self.word(i + 1) in ("like", "love", "wish", "think", "imagine", "suppose"):
                continue  # "I should like to speak": would like
            if w == "should" and self.word(k) == "i" and ("if" in self.w or "unless" in self.w):
                continue  # "If I felt that ..., I should shrink from the burden": the conditional should (would)
            if w in ("must", "should") or (w == "ought" and self.word(i + 1) in ("to", "in")) or \
                    (w == "ought" and self.word(i + 1) == "not" and self.word(i + 2) == "to"):
                neg = self.negated(i)
                cat = "prohibition" if neg or self.no_subject(k) else MODAL_CATEGORY[w]
                if w == "ought" and self.word(i + 1) == "in":
                    t = i + 2  # "we ought in our own lifetime to find": a phrase between ought and to
                    while t < self.n and t < i + 8 and self.w[t] != "to" and \
                            self.p[t][:2] in ("DT", "JJ", "NN", "PR", "IN"):
                        t += 1
                    if self.to_verb(t) is not None:
                        self.vp(t + 1, cat, start, subj, t)
                elif w == "ought":
                    self.vp(i + 2 + neg, cat, start, subj, i + 1 + neg)
                else:
                    self.vp(i + 1, cat, start, subj, i)
            elif w in ("need", "needs") and self.word(i + 1) == "to" and \
                    prev not in ("the", "a", "an", "no") and not self.p[i - 1:i] == ["JJ"]:
                self.vp(i + 2, "obligation", start, subj, i + 1)
            elif w in ("have", "has") and self.word(i + 1) == "to" and prev not in ("do", "does", "did"):
                self.vp(i + 2, "obligation", start, subj, i + 1)
            elif w == "shall":
                cat = "commitment" if subj == "first" else "prohibition" if self.negated(i) else "obligation"
                if cat == "commitment" and self.predicted(i, subj):
                    continue  # "a consolation which I shall profoundly feel": a prediction, not a pledge
                self.vp(i + 1, cat, start, subj, i)
            elif w in ("will", "'ll") and subj == "other" and self.negated(i) and self.nation(k):
                if not self.predicted(i, "institution"):  # "America will not conduct business as usual": a refusal
                    self.vp(i + 1, "commitment", start, "institution", i)
            elif w in ("will", "'ll") and subj in ("first", "institution", "effort"):
                if self.predicted(i, subj):
                    continue  # "A generous country will never forget", "Our country will thrive": predictions
                self.vp(i + 1, "commitment", start, subj, i)
            elif w in ("will", "'ll"):
                self.vp(i + 1, "commitment", start, subj, i)  # only a passive with a by-agent counts (vp)
            elif w in ("strive", "strives", "aim", "aims") and self.p[i] in ("VBP", "VBZ", "VB", "NN") \
                    and subj in ("first", "institution") and self.word(i + 1) == "to":
                self.scope(i + 2, "commitment", self.text(i, i + 1))

    def imperatives(self, words: set[str]) -> None:
        """Bare imperatives at the start of a sentence or of a clause after ";" or ":"; "let us V"."""
        if self.n < 3 or self.w[-1] not in (".", "!", ";"):
            return  # headings and fragments are not imperative clauses
        starts = [0] + [i + 1 for i in _positions(self.w, words & _CLAUSE_MARKS)]
        strict = set()
        if self.w[0] in _OPENING_SUBORDINATORS and "," in words:
            # "If you know somebody ..., tell him not to give up": the main clause after an opening
            # adverbial clause; its verb must be tagged VB
            c = next((j for j in range(2, self.n - 1) if self.w[j] == "," and self.p[self.skip_adv(j + 1)] == "VB"),
                     None)
            if c is not None and not self.main_clause_after(c + 1):
                starts.append(c + 1)
                strict.add(c + 1)
        for i in _positions(self.w, words & _LET):  # "let us V" and "let X V" anywhere in the sentence
            self.let(i)
        for s in starts:
            if s in strict and not self.p[self.skip_adv(s)] == "VB":
                continue
            i = s
            s = i
            while i < self.n and (self.p[i] in ("``", "''", "(", ")", "CD", "LS", ":", ",", "-")
                                  or self.w[i] in ENUMERATORS or self.is_adv(i)
                                  or not (self.w[i].isalnum() or any(c.isalnum() for c in self.w[i]))):
                i += 1
            if i >= self.n:
                continue
            never = any(self.w[j] == "never" for j in range(s, i))
            if self.w[i] == "let":
                continue  # handled by :meth:`let`
            if self.placeholder(i):
                continue  # "Please refer to Hansard document.": a line standing for a table or a text
            if self.w[i] in ("do", "please") and self.word(i + 1) in ("not", "n't", "please") \
                    or self.w[i] == "please":
                neg = self.w[i] == "do" or self.word(i + 1) in ("not", "n't")
                self.scope(i + 1, "prohibition" if neg else "imperative", self.text(i, i))
            elif self.w[i] == "thank" and self.word(i + 1) == "you":
                continue  # a formula of politeness, not a prescribed action
            elif self.word(i + 1) == "of" and self.w[i] not in _OF_VERBS:
                continue  # "provision of improved assistance": a noun heading a list item, whatever its tag
            elif (self.p[i] == "VB" or (self.p[i] in ("NN", "NNP") and _can_be_verb(self.w[i])
                                        and self.object_like(i + 1)
                                        and self.word(i + 1) not in ("in", "into"))) \
                    and not self.finite_follows(i) \
                    and self.w[i] not in BE and self.p[i + 1:i + 2] not in (["MD"], ["VBZ"], ["VBD"], ["VBP"]):
                self.scope(i, "prohibition" if never else "imperative", "(imperative)")

    def main_clause_after(self, i: int) -> bool:
        """A clause with its own subject and verb follows ``i`` in the sentence (", I shall promptly ask", ", then
        we must pass"): the clause at ``i`` still belongs to the opening adverbial clause."""
        for j in range(i + 1, self.n - 1):
            if self.w[j] in (";", ":"):
                return False
            if self.w[j - 1] in (",", "then") and self.w[j] in NOMINATIVE_WORDS and \
                    (self.p[j + 1] in ("MD", "VBP", "VBD", "VBZ") or self.is_adv(j + 1)):
                return True
        return False

    def finite_follows(self, i: int) -> bool:
        """A finite verb follows in the clause: the sentence-initial word is a subject ("Drug use ... has
        declined"), not an imperative verb."""
        for j in range(i + 1, self.n):
            if self.w[j] in ("and", "or") and self.p[j + 1:j + 2] and self.p[j + 1][:2] in ("DT", "NN", "JJ") \
                    and self.p[j - 1].startswith("NN"):
                continue  # "Close cooperation between the Treasury and the Federal Reserve has made": one noun phrase
            if self.w[j] in (",", ";", ":", "so", "and", "or", "but", "to") or self.w[j] in SUBORDINATORS \
                    or self.p[j] in ("WDT", "WP", "WRB"):
                return False
            if self.p[j] in ("VBZ", "VBD", "MD"):
                return True
        return False

    def placeholder(self, i: int) -> bool:
        """An imperative of reference ("Please refer to Hansard document.", "See Table 3."): a placeholder."""
        j = i + 1 if self.w[i] == "please" else i
        if self.verb_lemma(j) not in PLACEHOLDER_VERBS:
            return False
        return any(self.w[k] in PLACEHOLDER_NOUNS for k in range(j + 1, min(self.n, j + 7)))

    def let(self, i: int) -> None:
        """"Let us work together" is an exhortation (imperative); "Let me explain", "let us turn to" and "let
        there be no mistake" are discourse markers; "Let the word go forth" (let + noun phrase + V) is an
        exhortation too."""
        nxt = self.word(i + 1)
        if nxt in ("me", "myself", "there", "no", "nobody", "none", "it", "this", "that") or i >= self.n - 2:
            return
        if i > 0 and (self.p[i - 1] in ("MD", "TO", "PRP", "WDT", "WP") or self.p[i - 1].startswith(("NN", "VB"))
                      or self.w[i - 1] in ("will", "to", "not", "n't")):
            return  # "which will let us work together": let = allow
        if nxt in ("us", "'s"):
            v = self.skip_adv(i + 2)
            if v < self.n and (self.verb_lemma(v) in LET_US_DISCOURSE or
                               (self.w[v] == "turn" and self.word(v + 1) in ("to", "now"))):
                return
            self.scope(i + 2, "imperative", self.text(i, i + 1))
            return
        j = i + 1
        while j < self.n and j <= i + 6 and (self.p[j][:2] in ("DT", "JJ", "NN", "CD", "PR") or self.p[j] == "POS"
                                              or self.w[j] in ("and", "of")):
            j += 1
        if j > i + 1 and j < self.n and self.p[j] in ("VB", "VBP") and self.w[j] not in BE:
            self.scope(j, "imperative", "let")


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
                           (s.constructions, CONSTRUCTION_TRIGGERS), (s.duties, DUTY_TRIGGERS),
                           (s.proposals, PROPOSE),
                           (s.modals, MODAL_TRIGGERS)):
            found = gated & gate if gate is not None else urge
            if found:
                rule(_positions(w, found))
    if s.n >= 3 and w[-1] in (".", "!", ";"):  # headings and fragments are not imperative clauses
        s.imperatives(words)
    if not s.hits:
        return []
    purpose = _purpose_end(w, s)
    return [s.hits[i] for i in sorted(s.hits) if i >= purpose]


def _purpose_end(w: list[str], s: _Sentence) -> int:
    """Where a sentence-initial purpose clause ends ("To help firms hire, I will ..."): its verbs are not
    directives. 0 when the sentence does not open with one."""
    if not w or w[0] != "to" or s.to_verb(0) is None:
        return 0
    for j in range(1, s.n):
        if w[j] == ",":
            return j
    return 0
