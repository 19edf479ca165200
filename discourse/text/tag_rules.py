"""Context rules for the Penn tags of English words in policy prose (after the lexicon of :mod:`discourse.tagging`).

The lexicon's weak spots in government texts are verbs: the lexicon knows "exercise" or "work" only as
nouns and cannot see that "must exercise" or "Promote the ..." are verbs. Context rules, applied
in this order, repair that:

0. a lexicon ``VB`` right after a determiner or possessive (or determiner + adjective) is ``NN``
   ("the help", "our resolve", "in the long run"); a noun or adjective that can be a verb right
   after the subject pronouns I, we, they (or a clause-initial "you") is ``VBP`` ("we act");
1. after a modal (must, should, shall, will, would, can, could, may, might; "do not"), skipping
   adverbs, a word that can be a base verb is ``VB`` ("must exercise", "will further deepen");
   "need(s)" before "to" after a subject is a verb ("We need to ...");
2. after infinitival "to", skipping adverbs, a word that can be a base verb is ``VB``
   ("to strengthen", "to broadly boost", "need to launch", "ought to act");
3. the first word of a sentence or of a clause after ";" or ":" (list markers, numbers and
   "First," skipped) that can be a base verb and is not the subject of a following finite verb
   is ``VB`` (imperative: "Accelerate the building of ...", "Promote ..."); names and words in
   capitals (headings) are left alone;
4. a past form after a form of be or have, skipping adverbs, is ``VBN`` ("has been implemented",
   "were adopted", "has rapidly grown"); a ``VBN`` right after a pronoun or name subject and
   before its object is ``VBD`` ("She held a symposium"); a noun in -ing before an object is
   ``VBG`` ("building a modern system");
5. a word after "and", "or" or "," that coordinates with a preceding ``VB`` (no finite verb in
   between) and can be a base verb is ``VB`` ("to deepen reform and expand opening up") when it is
   a ``VBP`` or a noun/adjective before a determiner or pronoun; a noun before a determiner-less
   object is ``VB`` too when the conjunct before it is a ``VB`` phrase ("..., and increase support
   for", "strengthen guidance and support capable enterprises", "deepen reform and host World
   Games"; see :func:`_bare_object` and :func:`_verb_conjunct_before` for the guards that keep
   "develop finance, trade and support services" and "fight poverty and drug abuse" nouns).

"Can be a base verb" means: the lexicon tags the word ``VB``/``VBP``, or it is the lemma of a
word the lexicon tags ``VBD``/``VBN``/``VBG``/``VBZ`` (so "exercise" counts because "exercised"
is in the lexicon), or an irregular verb base, or it ends in -ize/-ify, or it is a British -ise
spelling of such a verb, or one of the policy verbs of ``EXTRA_VERBS`` ("ramp", "pilot").

Most sentences give most rules nothing to do, so :func:`apply_rules_lowered` runs a rule's loop only when
the sentence holds a word or tag that every branch of the rule needs (a subject pronoun or "'s", a
modal, "do", "need" or "to", a ";" or ":", a past form or a word in -ing, a conjunction and a verb),
tested with sets and list scans in C. Where a rule's branches do not depend on each other (rule 0
without pronouns, rule 4 without -ing words), only the positions of the tags concerned are visited.
The tags are exactly those of running every rule over every token.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from discourse.text.lemmas import IRREGULAR_VERBS, base_verbs, lemmatize, pattern_lexicon

_INFLECTED = ("VBD", "VBN", "VBG", "VBZ")

MODALS = frozenset({"must", "should", "shall", "will", "would", "can", "could", "may", "might",
                    "ca", "wo", "'ll", "'d"})
_DO_FORMS = frozenset({"do", "does", "did"})
_NEGATION = frozenset({"not", "n't", "never"})
BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m"})
HAVE_FORMS = frozenset({"have", "has", "had", "having", "'ve", "'d"})
_ADVERB_TAGS = frozenset({"RB", "RBR", "RBS"})
_FINITE_TAGS = frozenset({"MD", "VBZ", "VBD", "VBP"})
_CLAUSE_OPENERS = frozenset({";", ":"})
_LIST_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                         "ninth", "tenth", "firstly", "secondly", "thirdly", "finally", "also",
                         "meanwhile", "moreover", "furthermore", "additionally", "lastly", "then"})
# Tags a verb candidate may carry before the rules turn it into VB.
_RETAGGABLE = frozenset({"NN", "NNP", "VBP", "JJ", "VB", "VBD", "VBN", "RB", "IN", "NNS"})
_OBJECT_START = frozenset({"DT", "PRP$", "PDT", "PRP"})
# Capitalised words that open sentences as names or months far more often than as imperatives.
_NAMES_LIKE_VERBS = frozenset({"harry", "mark", "bill", "grant", "jack", "frank", "bob", "pat", "sue", "will",
                               "may", "march", "drew", "chase", "wade", "rob", "nick", "rush", "herb",
                               "buck", "ray", "pierce", "cliff", "lance", "jimmy", "mike", "don", "bush"})
_SUBJECT_PRONOUNS = frozenset({"i", "we", "they"})
# Determiners that can also be pronoun subjects or floating quantifiers ("we all know", "that help").
_NOT_DETERMINERS = frozenset({"all", "both", "her", "that", "this", "these", "those", "each", "either", "neither"})


@lru_cache(maxsize=1)
def _verb_bases() -> frozenset[str]:
    """Lower-case words that can be a base verb (see the module docstring)."""
    bases = set(base_verbs())
    lexicon = pattern_lexicon()
    for word, tag in lexicon.items():
        if tag in _INFLECTED and word.isalpha() and word.islower():
            lemma = lemmatize(word, tag)
            if lemma in lexicon:
                bases.add(lemma)
    bases.update(IRREGULAR_VERBS.values())
    inflected_aux = (BE_FORMS | HAVE_FORMS | _DO_FORMS) - {"be", "have", "do"}
    return frozenset(bases - MODALS - inflected_aux - {"may", "might", "could", "would", "should"})


#: Policy verbs the lexicon knows only as nouns or adjectives, or not at all ("ramp up production",
#: "benchmark against", "pilot new models"); British -ise spellings are covered by a rule instead.
EXTRA_VERBS = frozenset({"ramp", "benchmark", "pilot", "upskill", "reskill", "outsource", "embed", "catalyze",
                         "fast-track", "kick-start", "kickstart", "jumpstart", "troubleshoot", "co-build",
                         "co-create", "co-ordinate", "interlink", "reshore"})


@lru_cache(maxsize=100_000)
def can_be_verb(word: str) -> bool:
    """Return True if the lower-case ``word`` can be an English base verb.

    A base verb of the lexicon (see the module docstring), a word of ``EXTRA_VERBS``, a word of more
    than five letters in -ize/-ify, or an -ise/-yse word unknown to the lexicon whose American
    spelling is a verb ("prioritise", "digitalise", "analyse"; "enterprise" and "expertise" are
    lexicon nouns and stay out).
    """
    if word in _verb_bases() or word in EXTRA_VERBS or (len(word) > 5 and word.endswith(("ize", "ify"))):
        return True
    return (len(word) > 5 and word.endswith(("ise", "yse")) and word not in pattern_lexicon()
            and can_be_verb(word[:-2] + "ze"))

def _next_content(tags: list[str], lowers: list[str], i: int) -> int:
    """Index of the first token after ``i`` that is not an adverb or negation, or -1."""
    n = len(tags)
    j = i + 1
    while j < n and (tags[j] in _ADVERB_TAGS or lowers[j] in _NEGATION):
        j += 1
    return j if j < n else -1


def _make_vb(tags: list[str], lowers: list[str], j: int) -> None:
    if j >= 0 and tags[j] != "VB" and tags[j] in _RETAGGABLE and can_be_verb(lowers[j]):
        tags[j] = "VB"


def _clause_start(tags: list[str], lowers: list[str], i: int) -> int:
    """First index at or after ``i`` that is not a list marker, number, punctuation or "First,"."""
    n = len(tags)
    while i < n:
        low = lowers[i]
        if tags[i] in ("CD", "LS", "SYM", "(", ")", ",", ":", ".", "``", "''") or not low[:1].isalnum():
            i += 1
        elif low in _LIST_WORDS and i + 1 < n and lowers[i + 1] == ",":
            i += 2
        elif len(low) <= 2 and i + 1 < n and lowers[i + 1] in (")", "."):
            i += 2                          # "a)" / "b." list markers
        else:
            return i
    return -1


def _imperative(words: Sequence[str], tags: list[str], lowers: list[str], i: int) -> None:
    if i < 0 or not can_be_verb(lowers[i]) or tags[i] not in _RETAGGABLE or tags[i] in ("IN", "RB", "NNS", "JJ"):
        return
    word = words[i]
    if (word.isupper() and len(word) > 1) or lowers[i] in _NAMES_LIKE_VERBS:
        return                              # headings in capitals, names ("Harry", "March")
    n = len(tags)
    nxt = tags[i + 1] if i + 1 < n else "."
    if nxt in _FINITE_TAGS or nxt in ("POS", "VBN", "CC", "VB"):
        return                              # "Work should be done", "Trade grew", "Reform and ..."
    if nxt in ("NN", "NNS", "NNP") and i + 2 < n and tags[i + 2] in _FINITE_TAGS:
        return                              # "Trade policies are ..."
    if nxt in (".", ",", ":") and tags[i] != "VB":
        return
    tags[i] = "VB"


_OBJECT_FOLLOW = _OBJECT_START | {"CD", "JJ", "NN", "NNS"}
# The words that rules 1 and 2 start from: modals, "do" (+ negation), "need(s)" and "to".
_RULE_1_2_WORDS = MODALS | _DO_FORMS | {"need", "needs", "to"}


def _bare_subject(tags: list[str], lowers: list[str], k: int) -> bool:
    """True if tokens before ``k`` open with a proper-noun or pronoun subject and hold no verb."""
    if tags[0] not in ("NNP", "PRP", "NNPS"):
        return False
    return not any(t.startswith("VB") or t == "MD" for t in tags[:k])


def apply_rules(words: Sequence[str], tags: list[str]) -> list[str]:
    """Apply the context rules of this module to ``tags`` (modified in place and returned)."""
    return apply_rules_lowered(words, tags, [w.lower() for w in words])


# Words whose presence lets a rule apply: a sentence without any of them skips that rule's loop.
_RULE_0_WORDS = _SUBJECT_PRONOUNS | {"you", "'s"}
_CONJUNCTIONS = frozenset({"and", "or", ","})


def apply_rules_lowered(words: Sequence[str], tags: list[str], lowers: list[str]) -> list[str]:
    # A rule whose trigger words or tags are absent from the sentence is skipped (set tests in C).
    n = len(tags)
    lower_set = set(lowers)
    if not _RULE_0_WORDS.isdisjoint(lower_set):
        _rule_0(tags, lowers, n)
    elif "VB" in tags:                      # no pronoun or "'s": only the branch of "the help"
        _rule_0_vb(tags, lowers)
    if not _RULE_1_2_WORDS.isdisjoint(lower_set):
        _rules_1_2(tags, lowers, n)
    _imperative(words, tags, lowers, _clause_start(tags, lowers, 0))
    if not _CLAUSE_OPENERS.isdisjoint(lower_set):
        for i in range(n - 1):
            if lowers[i] in _CLAUSE_OPENERS:
                _imperative(words, tags, lowers, _clause_start(tags, lowers, i + 1))
    if "ing " in " ".join(lowers) + " ":    # a word in -ing: every branch of rule 4, in order
        _rule_4(tags, lowers, n)
    else:                                   # only past forms, whose decisions do not depend on each other
        if "VBD" in tags:
            _rule_4_past(tags, lowers, n, "VBD")
        if "VBN" in tags:
            _rule_4_past(tags, lowers, n, "VBN")
    if not _CONJUNCTIONS.isdisjoint(lower_set) and ("VB" in tags or "VBN" in tags or "VBG" in tags):
        _rule_5(tags, lowers, n)
    return tags


def _rule_0_vb(tags: list[str], lowers: list[str]) -> None:
    """The ``VB`` branch of :func:`_rule_0` alone (its ``VB`` found by ``list.index``)."""
    i = 0
    while True:
        try:
            i = tags.index("VB", i + 1)
        except ValueError:
            return
        prev = tags[i - 1]
        if (prev in ("DT", "PRP$") and lowers[i - 1] not in _NOT_DETERMINERS) or (
                prev == "JJ" and i > 1 and tags[i - 2] in ("DT", "PRP$", "IN", ",")):
            tags[i] = "NN"


def _rule_0(tags: list[str], lowers: list[str], n: int) -> None:
    """Rule 0: a ``VB`` after a determiner is ``NN``; "it's" is ``VBZ``; "we act" is ``VBP``."""
    for i in range(1, n):
        tag = tags[i]
        if tag == "VB":
            prev = tags[i - 1]
            if (prev in ("DT", "PRP$") and lowers[i - 1] not in _NOT_DETERMINERS) or (
                    prev == "JJ" and i > 1 and tags[i - 2] in ("DT", "PRP$", "IN", ",")):
                tags[i] = "NN"              # "the help", "our resolve", "in the long run"
        elif tag == "POS":
            if lowers[i] == "'s" and tags[i - 1] == "PRP":
                tags[i] = "VBZ"             # "it's", "he's"
        elif (tag == "NN" or tag == "JJ") and (
                lowers[i - 1] in _SUBJECT_PRONOUNS
                or (lowers[i - 1] == "you" and (i == 1 or tags[i - 2] in (",", "CC", "IN", "WDT", "WP")))) \
                and can_be_verb(lowers[i]):
            tags[i] = "VBP"                 # "we act", "they need", "I hope"


def _rules_1_2(tags: list[str], lowers: list[str], n: int) -> None:
    """Rules 1 and 2: base verbs after a modal, "do not" or infinitival "to"; "need(s) to"."""
    for i, low in enumerate(lowers):
        if low not in _RULE_1_2_WORDS:
            continue                        # every branch below needs one of these words
        if tags[i] == "MD" and low in MODALS:
            if low in ("will", "can", "may") and i > 0 and tags[i - 1] in ("DT", "PRP$", "JJ", "IN"):
                tags[i] = "NN"              # "the will of the people"
                continue
            _make_vb(tags, lowers, _next_content(tags, lowers, i))
        elif low in _DO_FORMS and i + 1 < n and lowers[i + 1] in _NEGATION:
            _make_vb(tags, lowers, _next_content(tags, lowers, i))
        elif low in ("need", "needs") and tags[i] == "NN" and i + 1 < n and lowers[i + 1] == "to" and (
                i == 0 or tags[i - 1] in ("PRP", "NN", "NNS", "NNP", "NNPS", "MD", "TO", "RB", "WDT")):
            tags[i] = "VBZ" if low == "needs" else ("VB" if i and tags[i - 1] in ("MD", "TO") else "VBP")
        elif low == "to" and tags[i] == "TO":
            j = i + 1
            if j < n and (tags[j] in _ADVERB_TAGS or lowers[j] in _NEGATION):
                j = _next_content(tags, lowers, i)
            elif j == n:
                continue
            if j >= 0 and not (tags[j] == "NN" and j + 1 < n and lowers[j + 1] == "of"):
                _make_vb(tags, lowers, j)


def _rule_4(tags: list[str], lowers: list[str], n: int) -> None:
    """Rule 4: passive and perfect ``VBN``, past tense ``VBD``, -ing ``VBG``."""
    for i, tag in enumerate(tags):
        if tag == "VBD" or tag == "VBN":
            _past_form(tags, lowers, n, i, tag)
        elif tag == "NN" and i + 1 < n and lowers[i].endswith("ing") and (
                tags[i + 1] in _OBJECT_START
                or (i > 0 and lowers[i - 1] in BE_FORMS and tags[i + 1] in _OBJECT_FOLLOW)):
            tags[i] = "VBG"                 # "building a modern system", "are building hubs"


def _rule_4_past(tags: list[str], lowers: list[str], n: int, tag: str) -> None:
    """The past-form branch of :func:`_rule_4` for every ``tag`` (``VBD`` or ``VBN``), found by ``list.index``.

    Its decisions read adverbs, pronouns, names and the words around, never whether another past
    form is ``VBD`` or ``VBN``, so the two tags can be visited one after the other.
    """
    i = -1
    while True:
        try:
            i = tags.index(tag, i + 1)
        except ValueError:
            return
        _past_form(tags, lowers, n, i, tag)


def _past_form(tags: list[str], lowers: list[str], n: int, i: int, tag: str) -> None:
    k = i - 1
    while k >= 0 and (tags[k] in _ADVERB_TAGS or lowers[k] in _NEGATION):
        k -= 1
    if k >= 0 and (lowers[k] in BE_FORMS or lowers[k] in HAVE_FORMS or lowers[k] in ("get", "got")):
        tags[i] = "VBN"
    elif tag == "VBN" and k >= 0 and i + 1 < n and (
            (tags[k] in ("PRP", "NNP") and tags[i + 1] in _OBJECT_FOLLOW)
            or (tags[k] == "PRP" and lowers[k] not in ("it", "them", "us", "me", "him", "her")
                and tags[i + 1] in (".", ",", "IN", "RB", "TO", "RP"))
            or (lowers[k] == "," and tags[i + 1] in _OBJECT_START and _bare_subject(tags, lowers, k))):
        tags[i] = "VBD"                     # "She held a symposium", "Shi Xiaolin, Governor ..., made an"


def _rule_5(tags: list[str], lowers: list[str], n: int) -> None:
    """Rule 5: a base verb coordinated with a preceding ``VB`` by "and", "or" or ","."""
    for i in range(1, n - 1):
        if lowers[i] in _CONJUNCTIONS:
            j = i + 1
            if tags[j] in _ADVERB_TAGS or lowers[j] in _NEGATION:
                j = _next_content(tags, lowers, i)
            if j < 0 or tags[j] == "VB" or not can_be_verb(lowers[j]):
                continue
            k = i - 1
            while k >= 0 and not (tags[k].startswith("VB") or tags[k] == "MD"):
                k -= 1
            if k < 0 or tags[k] not in ("VB", "VBG", "VBN"):
                continue
            if tags[k] == "VB" and (tags[j] == "VBP" or (tags[j] in ("NN", "JJ") and j + 1 < n
                                                         and tags[j + 1] in _OBJECT_START)):
                tags[j] = "VB"
            elif tags[j] == "NN" and lowers[i] in ("and", ",") and lowers[j - 1] not in _NEGATION \
                    and _verb_conjunct_before(tags, lowers, i) \
                    and _bare_object(tags, j + 1, modified=lowers[i] == "and" and lowers[i - 1] != ","):
                tags[j] = "VB"              # "..., and increase support for", "and host World Games"


_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_PARTICLES = frozenset({"up", "out", "down", "off", "forward", "ahead", "on"})


def _bare_object(tags: list[str], k: int, *, modified: bool = False) -> bool:
    """True if a determiner-less object starts at ``k`` and is not the subject of a following verb.

    Nouns, or adjectives + noun ("capable enterprises"); with ``modified``, only an adjective + noun
    or a proper noun ("host World Games"): after a bare "and" a plain noun is too often the second
    word of a compound ("fight poverty and drug abuse", "help police and fire departments").
    """
    n = len(tags)
    start = k
    while k < n and tags[k] in ("JJ", "JJR", "JJS", "VBN"):
        k += 1                              # "capable enterprises", "advanced technologies"
    if k >= n or tags[k] not in _NOUN_TAGS or (modified and k == start and tags[k] not in ("NNP", "NNPS")):
        return False
    while k < n and tags[k] in _NOUN_TAGS:
        k += 1
    return k >= n or tags[k] not in _FINITE_TAGS  # not a subject: "..., and trade volumes rose"


def _verb_conjunct_before(tags: list[str], lowers: list[str], i: int) -> bool:
    """True if the conjunct that ends before the conjunction at ``i`` is a ``VB`` phrase.

    It must hold a ``VB`` ("develop finance, trade and support services" has none before "support"),
    and after a bare "and" its object must not end in a prepositional phrase, where "and" more likely
    joins two nouns ("assure them of our support and firm commitment"); a comma list of verb phrases
    ("..., plan and implement a series of policies, and increase support") is trusted.
    """
    k = i - 1
    listed = lowers[i] == "," or (k >= 0 and lowers[k] == ",")
    k -= lowers[i] == "and" and listed
    if k < 0 or tags[k] in ("JJ", "JJR", "JJS"):
        return False                        # adjectives in a row: "make safe, sound investments"
    preposition = False
    while k >= 0 and lowers[k] not in (",", "and", "or", ";", ":"):
        if tags[k] == "VB":
            return listed or not preposition
        preposition = preposition or (tags[k] in ("IN", "TO") and lowers[k] not in _PARTICLES)
        k -= 1
    return False

