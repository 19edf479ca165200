"""Tests for discourse.stopwords."""
from __future__ import annotations

import pytest

from discourse.errors import ParameterError
from discourse.text.stopwords import (
    CHINESE_MODALS,
    CHINESE_STOPWORDS,
    ENGLISH_MODALS,
    ENGLISH_STOPWORDS,
    is_stopword,
)


@pytest.mark.parametrize("word", ["the", "of", "and", "we", "our", "is", "were", "have", "does", "n't", "'s",
                                  "which", "themselves"])
def test_english_function_words_are_stop_words(word):
    assert is_stopword(word, "en")


@pytest.mark.parametrize("word", ["development", "opening", "reform", "must", "should", "shall", "will",
                                  "need", "innovation", "trade", "party"])
def test_english_content_words_and_modals_are_not(word):
    assert not is_stopword(word, "en")


@pytest.mark.parametrize("word", ["的", "了", "在", "和", "我们", "他们", "是", "这些"])
def test_chinese_function_words_are_stop_words(word):
    assert is_stopword(word, "zh")


@pytest.mark.parametrize("word", ["发展", "开放", "改革", "要", "必须", "应当", "建设"])
def test_chinese_content_words_and_modals_are_not(word):
    assert not is_stopword(word, "zh")


def test_lists_are_lower_case_disjoint_from_modals_and_language_specific():
    assert all(w == w.lower() for w in ENGLISH_STOPWORDS)
    assert not ENGLISH_STOPWORDS & ENGLISH_MODALS
    assert not CHINESE_STOPWORDS & CHINESE_MODALS
    assert not is_stopword("the", "zh") and not is_stopword("的", "en")


def test_unknown_language_is_rejected():
    with pytest.raises(ParameterError, match="lang='de'.*en, zh"):
        is_stopword("der", "de")
