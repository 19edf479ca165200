"""How tables are shown: no index, formats by column, the CSV link, interactive offline."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from discourse.report.display import column_formats, mark_saved, table_html


def _renders(table):
    return {d["targets"]: str(d.get("render", "")) for d in column_formats(table)}


def test_numbers_get_separators_and_rounding_by_column_identifiers_stay_plain():
    table = pd.DataFrame({"year": [2023, 2024], "n_tokens": [12345, 7], "per_1k": [3.14159, 12.5],
                          "big": [1234.56, 300.0], "p_value": [1e-12, 0.002], "term": ["a", "b"],
                          "doc_id": [1, 2], "flag": [True, False]})
    renders = _renders(table)
    assert set(renders) == {1, 2, 3, 4}                  # year, term, doc_id and flag as they are
    assert "minimumFractionDigits: 0" in renders[1]      # counts: 12,345
    assert "minimumFractionDigits: 2" in renders[2]      # median 7.8: two decimals
    assert "minimumFractionDigits: 1" in renders[3]      # median 767: one decimal
    assert "toPrecision(3)" in renders[4] and "toExponential(1)" in renders[4]


def test_no_index_but_a_named_index_becomes_columns():
    pivot = pd.DataFrame({"term": ["a", "b"], "2023": [1, 2]}).set_index("term")
    page = table_html(pivot)
    assert '"term"' in page or ">term<" in page
    filtered = pd.DataFrame({"x": [1, 2, 3]}).iloc[[0, 2]]   # index 0, 2: not shown
    assert "showIndex" not in page or '"showIndex": false' in page.replace("False", "false")
    assert len(table_html(filtered)) > 0


def test_a_saved_table_links_to_its_csv_and_a_head_of_it_too():
    table = mark_saved(pd.DataFrame({"a": np.arange(30)}), "tables/01-x.csv")
    assert '<a href="tables/01-x.csv" download>01-x.csv</a> (CSV, 30 rows)' in table_html(table)
    assert 'href="tables/01-x.csv"' in table_html(table.head(5))
    assert "tables/01-x.csv" not in table_html(table.assign(b=1))  # another table: no link


def test_long_tables_are_paginated_and_searchable_short_ones_not():
    long = table_html(pd.DataFrame({"a": range(40)}))
    short = table_html(pd.DataFrame({"a": range(3)}))
    assert '"paging": true' in long and '"topEnd": "search"' in long
    assert '"paging": false' in short


def test_nothing_is_fetched_from_the_network():
    page = table_html(pd.DataFrame({"a": range(40)}))
    assert not re.search(r"(src=|import\s.*from\s)['\"]?https?:", page)
