"""The workbench of notebook 05: look a query up, follow it across groups, see its sentences' terms.

:func:`explore_query` does the work and never raises on a query: an empty query, one found nowhere,
one found in every sentence, a Chinese query, all give a :class:`QueryView` whose ``notes`` say what
was (not) found. :class:`Workbench` puts ipywidgets controls on it (a query box, a group-by choice, a
window slider, the pair of the term map) and redraws its outputs when a control changes; every output
also carries a static view (``text/html``) of its current state, which the HTML report shows where a
browser cannot run widgets.

Choices (an analyst's, written here):

- A Chinese query is converted to simplified characters and cut into words as the corpus was (jieba),
  so "对外开放" finds the tokens "对外 开放"; if the cut finds nothing, the query is tried as one token.
- A Latin-letter query that a Chinese corpus does not contain (the default "opening up" on the CPC
  reports) is replaced by the corpus's most frequent word of two characters or more, with a note
  naming both: the defaults adapt to the corpus's language, and a query the corpus has ("GDP") is kept.
- "The query's sentences" are the sentences in which a match starts; their distinctive terms are
  computed against every other sentence of the corpus (weighted log-odds, as
  :func:`discourse.distinctive_terms`), the query's own words left out (they are distinctive by
  construction).
"""
from __future__ import annotations

import base64
import html
import io
import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable

import pandas as pd

from discourse.errors import DiscourseError
from discourse.measures.concordance import kwic
from discourse.measures.distinctive import COLUMNS as DISTINCTIVE_COLUMNS
from discourse.measures.distinctive import distinctive_terms
from discourse.measures.shift import term_trajectories
from discourse.measures.terms import term_counts
from discourse.plots import plot_trajectories
from discourse.report.display import table_html
from discourse.report.termmap import TermMap, term_map, term_map_html
from discourse.text.chinese import chinese_tokens, to_simplified

__all__ = ["QueryView", "explore_query", "group_choices", "adapt_query", "Workbench", "GROUP_LABELS",
           "QUERY_COLUMN", "language_default"]

#: The group columns offered, in this order, with their labels (only those the corpus has).
GROUP_LABELS = {"year": "year", "speaker": "voice (speaker)", "source": "source",
                "section": "section", "section_kind": "section kind", "role": "role",
                "lang": "language", "doc_id": "document"}
#: The sentence column that marks the query's sentences in the distinctive-terms comparison.
QUERY_COLUMN = "query_sentences"
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass
class QueryView:
    """What the workbench shows for one query.

    Attributes
    ----------
    query : str
        The query as typed.
    searched : str
        The query as searched (simplified and cut into words for Chinese, or the adapted default).
    by : str
        The group column of ``lines`` and ``trajectory``.
    lines : DataFrame
        :func:`discourse.kwic` (``doc_id, sent_id, speaker, year, left, match, right`` + ``<by>``).
    trajectory : DataFrame
        :func:`discourse.term_trajectories` of ``searched`` by ``by`` (``term, <by>, count,
        n_tokens, per_1k``).
    distinctive : DataFrame
        Distinctive terms of the query's sentences against the other sentences (the columns of
        :func:`discourse.distinctive_terms`), the query's own words left out; at most ``n_terms``
        rows each side.
    notes : list of str
        Why a part is empty, or how the query was read.
    """

    query: str
    searched: str
    by: str
    lines: pd.DataFrame
    trajectory: pd.DataFrame
    distinctive: pd.DataFrame
    notes: list[str] = field(default_factory=list)


def group_choices(corpus: Any) -> list[tuple[str, str]]:
    """The group columns the corpus has, as ``(label, column)`` pairs for a dropdown.

    Only the columns of :data:`GROUP_LABELS` that the corpus has with at least one value are offered
    (``source`` when the manifest has it); ``section`` and ``section_kind`` only when headings split a
    document into sections (two values or more), since every sentence has them.
    """
    columns = corpus.group_columns()
    out = []
    for column, label in GROUP_LABELS.items():
        needed = 2 if column in ("section", "section_kind") else 1
        if column in columns and len(corpus.groups(column)) >= needed:
            out.append((label, column))
    return out


def _language(corpus: Any) -> str:
    """``zh`` when most word tokens are Chinese, else ``en``."""
    tokens = corpus.tokens
    if tokens.empty or "lang" not in tokens.columns:
        return "en"
    words = tokens.loc[tokens["is_word"].fillna(False).astype(bool), "lang"].astype(str)
    return "zh" if len(words) and (words == "zh").mean() > 0.5 else "en"


def _most_frequent_word(corpus: Any) -> str | None:
    counts = term_counts(corpus, by="doc_id", min_count=1)
    if counts.empty:
        return None
    totals = counts.groupby("term")["count"].sum()
    totals = totals[totals.index.map(lambda t: len(str(t)) > 1)] if len(totals) > 1 else totals
    return str(totals.sort_values(ascending=False, kind="mergesort").index[0]) if len(totals) else None


def adapt_query(corpus: Any, query: str) -> tuple[str, list[str]]:
    """The query to search: a Chinese query simplified and cut into words as the corpus was.

    Parameters
    ----------
    corpus : Corpus
    query : str

    Returns
    -------
    (str, list of str)
        The query to search and notes on how it was read (empty when searched as typed).
    """
    text = " ".join(str(query).split())
    notes: list[str] = []
    if _HAN.search(text):
        simplified = to_simplified(text)
        cut = " ".join(t.text for t in chinese_tokens(simplified) if t.text.strip())
        if simplified != text:
            notes.append(f"{text!r} searched in simplified characters, {simplified!r}")
        return (cut or simplified), notes
    return text, notes


def language_default(corpus: Any, query: str) -> tuple[str, str] | None:
    """For a Latin-letter query on a Chinese corpus: the corpus's most frequent word and a note.

    None when the corpus is not Chinese, the query has no Latin letter, or the corpus has no word.
    """
    if not _LATIN.search(str(query)) or _language(corpus) != "zh":
        return None
    word = _most_frequent_word(corpus)
    if not word:
        return None
    return word, (f"{query!r} does not occur in this corpus, which is Chinese; showing its most frequent "
                  f"word, {word!r}, instead (type a query above)")


def _empty_like(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def _safe(call: Callable[[], pd.DataFrame], what: str, notes: list[str], columns: list[str]) -> pd.DataFrame:
    """``call()``, or an empty table and a note naming the reason when a measure refuses."""
    try:
        return call()
    except DiscourseError as exc:
        notes.append(f"{what}: {exc}")
        return _empty_like(columns)


def _query_sentences(corpus: Any, lines: pd.DataFrame) -> pd.Series:
    keys = pd.MultiIndex.from_frame(lines[["doc_id", "sent_id"]].astype({"sent_id": "int64"}))
    sents = corpus.sentences[["doc_id", "sent_id"]].astype({"sent_id": "int64"})
    return pd.Series(pd.MultiIndex.from_frame(sents).isin(keys), index=corpus.sentences.index)


def explore_query(corpus: Any, query: str, *, by: str = "year", window: int = 8, min_count: int = 2,
                  n_terms: int = 20) -> QueryView:
    """Concordance, trajectory and the sentences' distinctive terms of a query; never raises on it.

    Parameters
    ----------
    corpus : Corpus
    query : str
        A word or phrase, English or Chinese (see the module docstring for how it is read).
    by : str
        Group column of the trajectory and of the concordance's extra column.
    window : int
        Context tokens each side in the concordance.
    min_count : int
        Minimum count of a term in the distinctive-terms comparison.
    n_terms : int
        Distinctive terms kept on each side (over-used and under-used).

    Returns
    -------
    QueryView
        Empty tables, with notes, where there is nothing to show.
    """
    notes: list[str] = []
    typed = "" if query is None else str(query)
    lines_cols = ["doc_id", "sent_id", "speaker", "year", "left", "match", "right", by]
    traj_cols = ["term", by, "count", "n_tokens", "per_1k"]
    dist_cols = list(DISTINCTIVE_COLUMNS)
    if not typed.strip() or not re.search(r"\w", typed):
        notes.append("Type a word or phrase in the query box.")
        return QueryView(typed, "", by, _empty_like(lines_cols), _empty_like(traj_cols),
                         _empty_like(dist_cols), notes)
    searched, how = adapt_query(corpus, typed)
    notes.extend(how)
    lines = _safe(lambda: kwic(corpus, searched, window=window, by=by), "concordance", notes, lines_cols)
    if lines.empty and _HAN.search(searched) and " " in searched:
        whole = searched.replace(" ", "")
        again = _safe(lambda: kwic(corpus, whole, window=window, by=by), "concordance", notes, lines_cols)
        if not again.empty:
            searched, lines = whole, again
    if lines.empty:
        fallback = language_default(corpus, searched)
        if fallback is not None:
            searched = fallback[0]
            notes.append(fallback[1])
            lines = _safe(lambda: kwic(corpus, searched, window=window, by=by), "concordance", notes,
                          lines_cols)
    trajectory = _safe(lambda: term_trajectories(corpus, searched, by=by), "trajectory", notes, traj_cols)
    n_sentences = len(corpus.sentences)
    if lines.empty:
        notes.append(f"{searched!r} does not occur in this corpus ({n_sentences:,} sentences searched).")
        return QueryView(typed, searched, by, lines, trajectory, _empty_like(dist_cols), notes)
    mask = _query_sentences(corpus, lines)
    n_with = int(mask.sum())
    notes.append(f"{len(lines):,} occurrences of {searched!r} in {n_with:,} of {n_sentences:,} sentences "
                 f"and {lines['doc_id'].nunique():,} documents.")
    if n_with == n_sentences:
        notes.append(f"Every sentence contains {searched!r}: there are no other sentences to compare "
                     "its sentences with.")
        return QueryView(typed, searched, by, lines, trajectory, _empty_like(dist_cols), notes)
    marked = replace(corpus, sentences=corpus.sentences.assign(
        **{QUERY_COLUMN: mask.map({True: "with the query", False: "without the query"})}))
    distinctive = _safe(lambda: distinctive_terms(marked, "with the query", "without the query",
                                                  by=QUERY_COLUMN, min_count=min_count),
                        "distinctive terms", notes, dist_cols)
    own = {w.lower() for w in re.split(r"[\s\-]+", searched) if w}
    parts = distinctive["term"].astype(str).str.lower().str.split(r"[\s\-]+", regex=True)
    distinctive = distinctive[~parts.map(lambda ws: bool(ws) and set(ws) <= own)]
    if distinctive.empty:
        notes.append(f"No term occurs {min_count} times or more in the compared sentences.")
    else:
        top = distinctive[distinctive["z"] > 0].head(n_terms)
        bottom = distinctive[distinctive["z"] < 0].tail(n_terms)
        distinctive = pd.concat([top, bottom])
    return QueryView(typed, searched, by, lines, trajectory, distinctive.reset_index(drop=True), notes)


def _figure_png(trajectory: pd.DataFrame, by: str, title: str) -> bytes:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 3.6))
    ax = fig.subplots()
    plot_trajectories(trajectory, by=by, ax=ax, title=title)
    labels = ax.get_xticklabels()
    if len(labels) > 6:
        for label in labels:
            label.set_rotation(30)
            label.set_horizontalalignment("right")
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    return buffer.getvalue()


class Static:
    """A widget with a static view: widgets where a kernel runs them, ``text/html`` elsewhere."""

    def __init__(self, widget: Any, html_of: Callable[[], str]):
        self.widget = widget
        self.html_of = html_of

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict:
        from IPython.core.formatters import format_display_data

        data, _ = format_display_data(self.widget, include=include, exclude=exclude)
        data = dict(data)
        data["text/html"] = self.html_of()
        return data


class Workbench:
    """Controls and views of notebook 05 on one corpus (see the module docstring).

    Parameters
    ----------
    corpus : Corpus
    query : str
        The first query shown.
    by : str
        The first group column (one of :func:`group_choices`; else the first offered).
    window, min_count, n_terms : int
        As in :func:`explore_query`.
    pair : list of str, optional
        The two groups of the term map (when ``by`` is ``speaker``); default the two largest groups.
    max_terms : int
        Terms drawn at most on the term map.

    Attributes
    ----------
    view : QueryView
        The current results; replaced by every update.
    term_map : TermMap
        The current term map.
    query, by, window, target, reference : ipywidgets
        The controls; changing a value redraws the views.
    """

    def __init__(self, corpus: Any, *, query: str, by: str = "year", window: int = 8, min_count: int = 2,
                 n_terms: int = 20, pair: list | None = None, max_terms: int = 400):
        import ipywidgets as w

        self.corpus = corpus
        self.min_count = min_count
        self.n_terms = n_terms
        self.max_terms = max_terms
        choices = group_choices(corpus) or [("document", "doc_id")]
        columns = [c for _, c in choices]
        by = by if by in columns else columns[0]
        self.query = w.Text(value=str(query), description="Query", continuous_update=False,
                            layout=w.Layout(width="28em"))
        self.by = w.Dropdown(options=choices, value=by, description="Group by")
        self.window = w.IntSlider(value=int(window), min=1, max=30, description="Window",
                                  continuous_update=False)
        self.target = w.Dropdown(description="Compare")
        self.reference = w.Dropdown(description="with")
        self.status = w.HTML()
        self.concordance = w.Output()
        self.trajectory = w.Output()
        self.terms = w.Output()
        self.map = w.Output()
        self._pair = list(pair or [])
        self._updating = False
        self._set_pair_options()
        self.view = explore_query(corpus, self.query.value, by=self.by.value, window=self.window.value,
                                  min_count=min_count, n_terms=n_terms)
        self.term_map = self._term_map()
        self._draw()
        self._draw_map()
        for control in (self.query, self.window):
            control.observe(self.update, names="value")
        self.by.observe(self._by_changed, names="value")
        self.target.observe(self.update_map, names="value")
        self.reference.observe(self.update_map, names="value")

    # ---------------------------------------------------------------- callbacks
    def update(self, change: Any = None) -> QueryView:
        """Recompute the query's views from the controls and redraw them."""
        self.view = explore_query(self.corpus, self.query.value, by=self.by.value,
                                  window=self.window.value, min_count=self.min_count,
                                  n_terms=self.n_terms)
        self._draw()
        return self.view

    def update_map(self, change: Any = None) -> TermMap:
        """Recompute the term map for the chosen pair and redraw it."""
        if self._updating:
            return self.term_map
        self.term_map = self._term_map()
        self._draw_map()
        return self.term_map

    def _by_changed(self, change: Any = None) -> None:
        self._pair = []
        self._set_pair_options()
        self.update()
        self.update_map()

    def _set_pair_options(self) -> None:
        groups = [str(g) for g in self._largest(self.by.value)]
        self._updating = True
        options = [(g, g) for g in groups]
        first = [g for g in self._pair if g in groups][:2]
        first += [g for g in groups if g not in first][: 2 - len(first)]
        self.target.options = options
        self.reference.options = options
        if len(first) == 2:
            self.target.value, self.reference.value = first
        self._updating = False

    def _largest(self, by: str) -> list:
        """Groups of ``by`` by word tokens, largest first (persons before ``meeting``/``narrator``)."""
        words = self.corpus.tokens.loc[self.corpus.tokens["is_word"].fillna(False).astype(bool),
                                       ["doc_id", "sent_id"]]
        sizes = self.corpus.annotate(words, by)[by].value_counts()
        order = sizes.index.tolist()
        if by == "speaker":
            order = [g for g in order if g not in ("meeting", "narrator", "")] + \
                    [g for g in order if g in ("meeting", "narrator")]
        return [g for g in order if str(g) != ""]

    def _term_map(self) -> TermMap:
        by, target, reference = self.by.value, self.target.value, self.reference.value
        empty = TermMap(table=pd.DataFrame(columns=["term", "count_target", "count_reference", "z"]),
                        target=str(target), reference=str(reference))
        if target is None or reference is None:
            return replace(empty, note=f"{by} has fewer than two groups; nothing to compare")
        if target == reference:
            return replace(empty, note="choose two different groups")
        values = {str(g): g for g in self.corpus.groups(by)}
        try:
            return term_map(self.corpus, by, values.get(target, target), values.get(reference, reference),
                            max_terms=self.max_terms, window=self.window.value,
                            min_count=self.min_count)
        except DiscourseError as exc:
            return replace(empty, note=str(exc))

    # ---------------------------------------------------------------- drawing
    def _fill(self, output: Any, *objects: Any) -> None:
        output.outputs = ()
        for obj in objects:
            output.append_display_data(obj)

    def _draw(self) -> None:
        from IPython.display import HTML, Image

        v = self.view
        self.status.value = self.status_html()
        self._fill(self.concordance, HTML(self.concordance_html()))
        if v.trajectory.empty:
            self._fill(self.trajectory, HTML(self.trajectory_html()))
        else:
            self._fill(self.trajectory, Image(data=self._png(), format="png"))
        self._fill(self.terms, HTML(self.terms_html()))

    def _draw_map(self) -> None:
        from IPython.display import HTML

        self._fill(self.map, HTML(term_map_html(self.term_map)))

    def _png(self) -> bytes:
        v = self.view
        return _figure_png(v.trajectory, v.by, f"{v.searched!r} per 1,000 word tokens by {v.by}")

    # ---------------------------------------------------------------- static views
    def status_html(self) -> str:
        """The notes of the current view as HTML."""
        v = self.view
        head = (f"<p><strong>Query</strong> {html.escape(v.query)!s} · <strong>group by</strong> "
                f"{html.escape(v.by)} · <strong>window</strong> {self.window.value}</p>")
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in v.notes)
        return head + (f"<ul class='discourse-notes'>{notes}</ul>" if notes else "")

    def concordance_html(self) -> str:
        """The concordance table (or why it is empty)."""
        if self.view.lines.empty:
            return f"<p><em>No concordance lines for {html.escape(self.view.searched or self.view.query)!s}.</em></p>"
        return table_html(self.view.lines)

    def trajectory_html(self) -> str:
        """The trajectory figure as an embedded PNG (or why there is none)."""
        if self.view.trajectory.empty:
            return "<p><em>No trajectory to draw.</em></p>"
        data = base64.b64encode(self._png()).decode("ascii")
        return f'<img alt="trajectory of the query" src="data:image/png;base64,{data}">'

    def terms_html(self) -> str:
        """The distinctive terms of the query's sentences (or why there are none)."""
        if self.view.distinctive.empty:
            return "<p><em>No distinctive terms to show (see the notes above).</em></p>"
        return table_html(self.view.distinctive)

    # ---------------------------------------------------------------- what the notebook shows
    def controls(self) -> Static:
        """The query box, group-by choice and window slider, with the notes of the current query."""
        import ipywidgets as w

        box = w.VBox([w.HBox([self.query, self.by]), self.window, self.status])
        return Static(box, self.status_html)

    def concordance_view(self) -> Static:
        """The concordance, redrawn on every change."""
        return Static(self.concordance, self.concordance_html)

    def trajectory_view(self) -> Static:
        """The trajectory plot, redrawn on every change."""
        return Static(self.trajectory, self.trajectory_html)

    def terms_view(self) -> Static:
        """The distinctive terms of the query's sentences, redrawn on every change."""
        return Static(self.terms, self.terms_html)

    def map_view(self) -> Static:
        """The term map with its pair controls, redrawn when the pair or the group changes."""
        import ipywidgets as w

        box = w.VBox([w.HBox([self.target, self.reference]), self.map])
        return Static(box, lambda: term_map_html(self.term_map))
