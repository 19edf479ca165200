"""Tests for the speed paths of discourse.tagging and discourse.tag_rules: the rule loops that are
skipped when their trigger words or tags are absent must give the tags of the plain computation
(every rule run over every token)."""
from __future__ import annotations

import pytest

from discourse.text import tag_rules, tagging
from discourse.text.analyze import analyze
from discourse.text.tagging import tag_words


def _every_rule(words: list[str], tags: list[str]) -> list[str]:
    """The context rules in their documented order, each over the whole sentence, nothing skipped."""
    lowers = [w.lower() for w in words]
    n = len(tags)
    tag_rules._rule_0(tags, lowers, n)
    tag_rules._rules_1_2(tags, lowers, n)
    tag_rules._imperative(words, tags, lowers, tag_rules._clause_start(tags, lowers, 0))
    for i in range(n - 1):
        if lowers[i] in (";", ":"):
            tag_rules._imperative(words, tags, lowers, tag_rules._clause_start(tags, lowers, i + 1))
    tag_rules._rule_4(tags, lowers, n)
    tag_rules._rule_5(tags, lowers, n)
    return tags


def _lexicon_tags(words: list[str]) -> list[str]:
    """Tags before the context rules (first word looked up as a sentence opener)."""
    lexicon = tagging.pattern_lexicon()
    return [tagging._lookup(w, w.lower(), i == 0, lexicon) for i, w in enumerate(words)]


SENTENCES = [
    "It's time we act and they need to move.",                       # rule 0: "it's", pronoun + verb
    "The help of our friends came in the long run.",                  # rule 0 without pronouns ("the help")
    "We must exercise restraint and will further deepen reform.",     # rule 1
    "The will of the people is clear.",                               # rule 1: "will" as a noun
    "Do not delay; promote the building of a modern system.",         # rules 1 and 3 after ";"
    "Enterprises need to broadly boost exports.",                     # rule 2 and "need to"
    "The plan has been implemented and was adopted in 2020.",         # rule 4 without -ing words
    "She held a symposium, and they are building hubs.",              # rule 4 with an -ing word
    "Building a modern system was hard.",                             # rule 4: -ing noun before an object
    "We will deepen reform and host World Games in 2025.",            # rule 5
    "We must develop finance, trade and support services.",           # rule 5 leaves nouns alone
    "Trade grew; exports rose.",
    "(Applause.)",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_rules_with_skips_equal_every_rule_run_everywhere(sentence):
    words = [t.text.replace("\u2019", "'") for s in analyze(sentence) for t in s.tokens]
    assert tag_rules.apply_rules_lowered(words, _lexicon_tags(words), [w.lower() for w in words]) \
        == _every_rule(words, _lexicon_tags(words))


def test_rules_with_skips_equal_every_rule_on_the_sample_corpus(sichuan_dir):
    checked = changed = 0
    for path in sorted(sichuan_dir.glob("*.txt")):
        for sent in analyze(path.read_text(encoding="utf-8")):
            words = [t.text.replace("\u2019", "'") for t in sent.tokens]
            if not words:
                continue
            before = _lexicon_tags(words)
            expected = _every_rule(words, before[:])
            assert tag_rules.apply_rules_lowered(words, before[:], [w.lower() for w in words]) == expected, words
            checked += 1
            changed += expected != before
    assert checked > 100 and changed > 10       # the rules did change tags in the sample


def test_empty_sentence_has_no_tags():
    assert tag_words([]) == []
