"""The workbench of notebook 05: queries found nowhere, everywhere, in Chinese; the widgets' callbacks."""
from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from discourse.processing.load import from_texts  # noqa: E402
from discourse.report.workbench import QUERY_COLUMN, Workbench, explore_query, group_choices  # noqa: E402

warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")


@pytest.fixture(scope="module")
def english():
    return from_texts([
        {"doc_id": "a", "year": 2023, "source": "gov",
         "text": "Trade grew fast this year. Farmers sold more rice. Trade and rice went together."},
        {"doc_id": "b", "year": 2024, "source": "gov",
         "text": "Exports of rice rose. The port opened a new berth. Trade fairs drew buyers."},
    ])


@pytest.fixture(scope="module")
def chinese():
    return from_texts([
        {"doc_id": "z1", "year": 2020, "text": "我们坚持对外开放。经济持续发展。"},
        {"doc_id": "z2", "year": 2021, "text": "扩大对外开放。推动经济发展。"},
    ], lang="zh")


def test_a_query_found_in_some_sentences_has_lines_trajectory_and_terms(english):
    view = explore_query(english, "trade", by="year", min_count=1)
    # "Trade" starts three sentences: a1, a3 and b3
    assert list(zip(view.lines["doc_id"], view.lines["sent_id"])) == [("a", 0), ("a", 2), ("b", 2)]
    assert view.trajectory.set_index("year")["count"].to_dict() == {2023: 2, 2024: 1}
    assert "trade" not in set(view.distinctive["term"])          # the query's own word is left out
    assert view.notes == ["3 occurrences of 'trade' in 3 of 6 sentences and 2 documents."]
    # "rice" is in 1 of the 3 query sentences and in 2 of the 3 others: no more frequent with the query
    rice = view.distinctive.set_index("term").loc["rice"]
    assert (rice["count_target"], rice["count_reference"]) == (1, 2)


@pytest.mark.parametrize("query", ["zebra", "", "   ", "?!"])
def test_a_query_found_nowhere_gives_a_note_not_an_error(english, query):
    view = explore_query(english, query, by="year")
    assert view.lines.empty and view.distinctive.empty
    assert len(view.notes) == 1
    assert ("does not occur" in view.notes[0]) if query.strip(" ?!") else ("Type a word" in view.notes[0])


def test_a_query_in_every_sentence_gives_a_note_not_an_error():
    corpus = from_texts({"x": "Reform works. Reform helps. We like reform."})
    view = explore_query(corpus, "reform", by="doc_id")
    assert len(view.lines) == 3 and view.distinctive.empty
    assert "Every sentence contains 'reform'" in view.notes[-1]


def test_a_chinese_query_is_cut_like_the_corpus_and_traditional_is_simplified(chinese):
    view = explore_query(chinese, "對外開放", by="year", min_count=1)
    assert view.notes[0] == "'對外開放' searched in simplified characters, '对外开放'"
    assert len(view.lines) == 2 and set(view.lines["doc_id"]) == {"z1", "z2"}
    assert view.trajectory["count"].tolist() == [1, 1]


def test_the_default_english_query_adapts_to_a_chinese_corpus(chinese):
    view = explore_query(chinese, "opening up", by="year")
    assert "which is Chinese" in view.notes[0]
    assert view.searched in set(chinese.tokens["norm"]) and not view.lines.empty


def test_group_choices_offer_only_the_columns_the_corpus_has(english):
    columns = [c for _, c in group_choices(english)]
    assert columns[:3] == ["year", "speaker", "source"]
    assert "section" not in columns  # not in this corpus


def test_the_sentence_column_of_the_comparison_is_not_left_on_the_corpus(english):
    explore_query(english, "trade", by="year")
    assert QUERY_COLUMN not in english.sentences.columns


def test_callbacks_redraw_every_view(english):
    wb = Workbench(english, query="trade", by="year", window=2, min_count=1)
    first = wb.concordance.outputs[0]["data"]["text/html"]
    assert "Trade" in first
    wb.query.value = "rice"                                # the query box
    assert wb.view.searched == "rice" and len(wb.view.lines) == 3
    assert wb.concordance.outputs[0]["data"]["text/html"] != first
    assert "rice" in wb.status.value
    wb.window.value = 1                                    # the slider
    assert wb.view.lines["left"].str.split().str.len().max() <= 1
    wb.query.value = "zebra"                               # nothing found: notes, no exception
    assert "does not occur" in wb.status.value
    assert "No concordance lines" in wb.concordance.outputs[0]["data"]["text/html"]
    wb.by.value = "source"                                 # the group-by choice
    assert wb.view.by == "source" and list(wb.view.trajectory.columns[:2]) == ["term", "source"]
    png = wb.trajectory.outputs[0]["data"]
    assert "image/png" in png or "text/html" in png


def test_the_term_map_follows_the_pair(english):
    wb = Workbench(english, query="trade", by="year", min_count=1)
    assert (wb.target.value, wb.reference.value) in {("2023", "2024"), ("2024", "2023")}
    assert not wb.term_map.table.empty
    wb.reference.value = wb.target.value                  # the same group twice: a note
    assert wb.term_map.note == "choose two different groups"
    assert "choose two different groups" in wb.map.outputs[0]["data"]["text/html"]


def test_every_view_carries_a_static_html_view_beside_the_widget(english):
    wb = Workbench(english, query="trade", by="year", min_count=1)
    for view in (wb.controls(), wb.concordance_view(), wb.trajectory_view(), wb.terms_view(), wb.map_view()):
        bundle = view._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in bundle and bundle["text/html"]
    assert "data:image/png;base64," in wb.trajectory_view()._repr_mimebundle_()["text/html"]
    assert isinstance(wb.view.lines, pd.DataFrame)
