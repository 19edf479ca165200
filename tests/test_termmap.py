"""The term map: lines in one pass, the cap on terms, a self-contained page."""
from __future__ import annotations

import json
import re

import pytest

from discourse.processing.load import from_texts
from discourse.report.termmap import term_lines, term_map, term_map_html


@pytest.fixture(scope="module")
def pair():
    return from_texts([
        {"doc_id": "a", "speaker": "Ann", "text": "Ann said rice is good. Rice grows here. Rice again and rice."},
        {"doc_id": "b", "speaker": "Bob", "text": "Bob said trade is good. Trade grows here. Trade fairs."},
    ])


def test_lines_come_from_the_chosen_groups_with_their_context(pair):
    lines = term_lines(pair, ["rice", "trade", "absent"], by="doc_id", groups=["a"], n_lines=2, window=2)
    assert lines["absent"] == [] and lines["trade"] == []       # trade is only in b
    # four occurrences of rice, two kept, evenly spaced: the first and the last
    assert [(l["left"], l["match"], l["right"]) for l in lines["rice"]] == [
        ("Ann said", "rice", "is good"), ("again and", "rice", ".")]


def test_the_map_draws_at_most_max_terms_the_largest_abs_z_first(pair):
    full = term_map(pair, "doc_id", "a", "b", min_count=1, max_terms=1000)
    capped = term_map(pair, "doc_id", "a", "b", min_count=1, max_terms=3)
    assert len(capped.table) == 3 and capped.n_terms_total == len(full.table) > 3
    top = full.table["z"].abs().sort_values(ascending=False).head(3).tolist()
    assert capped.table["z"].abs().tolist() == top


def test_the_page_is_self_contained(pair):
    page = term_map_html(term_map(pair, "doc_id", "a", "b", min_count=1))
    assert page.count("<circle") == len(term_map(pair, "doc_id", "a", "b", min_count=1).table)
    assert not re.search(r"(src|href)=[\"']?https?:", page)      # nothing fetched
    data = json.loads(re.search(r'type="application/json" id="[^"]+">(.*?)</script>', page).group(1))
    rice = data["terms"].index(next(t for t in data["terms"] if t["term"] == "rice"))
    assert data["terms"][rice]["target"] == 4 and data["lines"][rice][0]["match"] == "rice"
    assert "<title>rice: 4 in a" in page                     # hover: counts without a script


def test_an_empty_comparison_says_why(pair):
    empty = term_map(pair, "doc_id", "a", "b", min_count=100)
    assert "no term occurs at least 100 times" in term_map_html(empty)
