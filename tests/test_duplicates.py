"""Tests for discourse.text.duplicates: near-duplicate documents and their Jaccard similarity."""
from __future__ import annotations

from discourse.text.duplicates import near_duplicates


def test_similarity_is_the_jaccard_index_of_five_token_shingles():
    a = "one two three four five six seven"      # shingles: 1-5, 2-6, 3-7
    b = "one two three four five six eight"      # shingles: 1-5, 2-6, 3-8
    # shared 2 of 4 distinct shingles: 0.5
    assert near_duplicates([a, b], threshold=0.5) == [(1, 0, 0.5)]
    assert near_duplicates([a, b], threshold=0.51) == []


def test_chinese_characters_are_tokens_and_the_most_similar_earlier_document_is_named():
    base = "我们必须坚持改革开放加快经济发展全党要团结一致为实现现代化而奋斗"
    other = "今后要进一步加强农业保障粮食安全提高农民收入建设美丽乡村"
    copy = base[:-2] + "努力"  # the last two characters changed
    found = near_duplicates([other, base, copy])
    assert [(later, earlier) for later, earlier, _ in found] == [(2, 1)]
    n = len(base) - 4                 # shingles of each text
    assert found[0][2] == round((n - 2) / (n + 2), 4)   # two shingles changed on each side


def test_different_documents_are_not_flagged():
    texts = [f"Report {i} on {w} and the harvest of the villages of the county." for i, w in
             enumerate(["rice", "wheat", "tea", "maize"])]
    assert near_duplicates(texts) == []
    assert near_duplicates(texts[:1]) == []
