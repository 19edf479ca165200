"""The naive baseline: each document the simple way, with no cache and no vectorised tables.

Punkt sentences (untrained parameters), NLTK word tokens and TextBlob's Pattern tagger sentence by
sentence, counted in Python ``Counter`` objects (word, lemma-less tag counts, a few directive verbs).
This is what a first script would do; it does far less than the package (no cleaning, voices or
directive rules), so it flatters the baseline.
"""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

_DIRECTIVES = {"must", "shall", "should", "ensure", "require", "strengthen", "promote", "implement"}


def naive_process(folder: Path, files: list[str]) -> tuple[int, float, Counter]:
    """Process ``files`` of ``folder`` the simple way; return (word tokens, seconds, word counts)."""
    from nltk.tokenize import NLTKWordTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    from textblob.en.taggers import PatternTagger

    start = time.perf_counter()
    sentence_splitter = PunktSentenceTokenizer()
    word_tokenizer = NLTKWordTokenizer()
    tagger = PatternTagger()
    words: Counter = Counter()
    tags: Counter = Counter()
    directives: Counter = Counter()
    n_words = 0
    for name in files:
        text = (folder / name).read_text(encoding="utf-8")
        for sentence in sentence_splitter.tokenize(text):
            tokens = word_tokenizer.tokenize(sentence)
            for word, tag in tagger.tag(" ".join(tokens), tokenize=False):
                if word.isalpha():
                    n_words += 1
                    low = word.lower()
                    words[low] += 1
                    tags[tag] += 1
                    if low in _DIRECTIVES:
                        directives[low] += 1
    return n_words, time.perf_counter() - start, words
