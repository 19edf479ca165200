"""Documents a reader must know about before reading any measure: stubs, lengths far from their group's,
near duplicates, heavy cleaning, gaps in the year series, changes of script.

:func:`find_outliers` reads only the ``documents`` table, so it runs on any corpus; load reports, the
``load`` summary and notebook 01 show its rows. Each is a notice, not a verdict: a short document may be
short (the two 1921 reports of the CPC series are), but a comparison by year or speaker must know.
"""
from __future__ import annotations

import pandas as pd

from discourse.errors import ParameterError

#: Columns of the outliers table.
OUTLIER_COLUMNS = ["kind", "doc_id", "year", "value", "detail"]
#: A document with fewer word tokens than this is a stub (a page that only lists editions: 22 tokens).
STUB_TOKENS = 100
#: A document over this many times the median length of its group is ``long``; under its inverse ``short``.
LENGTH_RATIO = 3.0
#: Groups smaller than this have no median to compare with.
MIN_GROUP = 3
#: A document that cleaning took this share of the word tokens from or more is ``heavily cleaned``.
HEAVY_SHARE = 0.5
#: A step between consecutive years over this many times the median step (and over one year) is a gap.
GAP_RATIO = 2.0


def _row(kind: str, doc_id: str, year: object, value: float, detail: str) -> dict:
    return {"kind": kind, "doc_id": doc_id, "year": year, "value": value, "detail": detail}


def _lengths(documents: pd.DataFrame, by: str | None) -> list[dict]:
    rows = []
    groups = [(None, documents)] if by is None else list(documents.groupby(by, sort=True, dropna=False))
    for name, group in groups:
        where = "the corpus" if by is None else f"{by} {name}"
        median = float(group["n_tokens"].median()) if len(group) else 0.0
        for doc in group.itertuples(index=False):
            n = int(doc.n_tokens)
            if n < STUB_TOKENS:
                rows.append(_row("stub", doc.doc_id, doc.year, n, f"{n} word tokens (under {STUB_TOKENS})"))
            elif len(group) >= MIN_GROUP and median > 0 and n > LENGTH_RATIO * median:
                rows.append(_row("long", doc.doc_id, doc.year, round(n / median, 2),
                                 f"{n} word tokens, {n / median:.1f}x the median of {where} ({median:.0f})"))
            elif len(group) >= MIN_GROUP and median > 0 and n < median / LENGTH_RATIO:
                rows.append(_row("short", doc.doc_id, doc.year, round(n / median, 2),
                                 f"{n} word tokens, {n / median:.2f}x the median of {where} ({median:.0f})"))
    return rows


def _years(documents: pd.DataFrame) -> list[dict]:
    rows = []
    years = sorted({int(y) for y in documents["year"].dropna()})
    steps = [b - a for a, b in zip(years, years[1:])]
    if len(steps) >= 2:
        usual = float(pd.Series(steps).median())
        for a, b in zip(years, years[1:]):
            if b - a > 1 and b - a > GAP_RATIO * usual:
                first = documents.loc[documents["year"] == b, "doc_id"].iloc[0]
                rows.append(_row("year gap", first, b, b - a,
                                 f"no document between {a} and {b} ({b - a} years; the usual step is "
                                 f"{usual:g})"))
    if "script" in documents.columns:
        scripts = documents[documents["script"].fillna("").astype(str) != ""].dropna(subset=["year"])
        previous = None
        for year, group in scripts.groupby("year", sort=True):
            found = sorted(set(group["script"]))
            if len(found) > 1:
                rows.append(_row("script change", group["doc_id"].iloc[0], year, len(found),
                                 f"documents of {year} are in {' and '.join(found)} script"))
            main = group["script"].value_counts().index[0]
            if previous is not None and main != previous[1]:
                first = group.loc[group["script"] == main, "doc_id"].iloc[0]
                rows.append(_row("script change", first, year, 1,
                                 f"{previous[1]} script in {previous[0]}, {main} in {year}: a vocabulary "
                                 "shift between them is partly a change of script"))
            previous = (year, main)
    return rows


def find_outliers(documents: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """Documents and years that look odd (see the module docstring).

    Parameters
    ----------
    documents : DataFrame
        The ``documents`` table of a corpus (``doc_id``, ``year``, ``n_tokens``; ``script``,
        ``removed_share``, ``near_duplicate_of`` and ``similarity`` where present).
    by : str, optional
        A document column whose groups give the median lengths compare with (``source``); default the
        whole corpus.

    Returns
    -------
    DataFrame
        ``kind`` (``stub``: under :data:`STUB_TOKENS` word tokens; ``long`` / ``short``: over
        :data:`LENGTH_RATIO` times, or under its inverse, the median of the group of at least
        :data:`MIN_GROUP` documents; ``near duplicate``; ``heavily cleaned``: cleaning took at least
        :data:`HEAVY_SHARE` of its word tokens; ``year gap``: a step between consecutive years over
        :data:`GAP_RATIO` times the median step; ``script change``: the main script of a year differs from
        the previous year's, or a year's documents differ), ``doc_id`` (for a gap or a change, the first
        document after it), ``year``, ``value`` (tokens, ratio to the median, similarity, share, years or
        scripts) and ``detail`` (a sentence saying it).
    """
    if by is not None and by not in documents.columns:
        raise ParameterError(f"by={by!r} is not a column of the documents table; available: "
                             f"{', '.join(map(str, documents.columns))}")
    rows = _lengths(documents, by)
    if "near_duplicate_of" in documents.columns:
        for doc in documents[documents["near_duplicate_of"].fillna("").astype(str) != ""].itertuples(index=False):
            rows.append(_row("near duplicate", doc.doc_id, doc.year, float(doc.similarity),
                             f"nearly repeats {doc.near_duplicate_of} (Jaccard similarity "
                             f"{float(doc.similarity):.2f} of their 5-token shingles)"))
    if "removed_share" in documents.columns:
        for doc in documents[documents["removed_share"].fillna(0) >= HEAVY_SHARE].itertuples(index=False):
            rows.append(_row("heavily cleaned", doc.doc_id, doc.year, float(doc.removed_share),
                             f"cleaning removed {doc.removed_share:.0%} of its word tokens "
                             f"({int(doc.n_removed_tokens)}); see corpus.removed"))
    rows += _years(documents)
    table = pd.DataFrame(rows, columns=OUTLIER_COLUMNS)
    table["year"] = pd.to_numeric(table["year"], errors="coerce").astype("Int64")
    return table
