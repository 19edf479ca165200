"""An interactive term map: every distinctive term of a pair of groups as a point, offline and small.

Each point is a term of :func:`discourse.distinctive_terms` for ``target`` against ``reference``: x is
log10 of its count in the two groups, y its z-score (the Fightin' Words plot). Hovering a point shows
its counts and rates (an SVG ``<title>``, which needs no script); clicking it lists concordance lines
of the term from both groups (a few lines of JavaScript and the lines embedded as JSON). The page
needs nothing from the network and no library.

Size: only the ``max_terms`` terms with the largest ``|z|`` are drawn (all of them when fewer), each
with at most ``n_lines`` lines of ``window`` tokens each side, so both caps bound the page whatever the
corpus size. Measured on benchmarks/build.py's 1M-word corpus (1,119,582 tokens; the two largest
voices compared, 5,225 terms): 400 terms (the default) give a 0.40 MB map, built in 6.5 s. The map
embeds no library (no plotting script to ship beside it); scattertext's page of a comparison embeds
every term and document and reaches hundreds of MB.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from discourse.measures.distinctive import distinctive_terms
from discourse.measures.terms import text_order
from discourse.validate import check_positive_int

__all__ = ["TermMap", "term_map", "term_lines", "term_map_html", "MAX_TERMS"]

#: Terms drawn at most (those with the largest |z|).
MAX_TERMS = 400
_WIDTH, _HEIGHT, _MARGIN = 760, 440, 48
_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])")
_TIGHT = re.compile(r" (?=[,.;:!?%)\]}\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f\u201d\u2019])|(?<=[(\[{\u201c\u2018]) ")


def _join(tokens: list[str]) -> str:
    return _TIGHT.sub("", _CJK_GAP.sub("", " ".join(tokens)))


def term_lines(corpus: Any, terms: list[str], *, by: str, groups: list, n_lines: int = 4,
               window: int = 8) -> dict[str, list[dict]]:
    """A few concordance lines of each single-word term, in one pass over the tokens.

    Occurrences are word tokens whose ``norm`` equals the term, in the sentences of ``groups`` of
    ``by``; when a term has more than ``n_lines`` occurrences, lines evenly spaced over them (in text
    order) are kept, so they come from across the corpus rather than from its first document.
    Context is ``window`` tokens each side within the document, joined with spaces (none before
    punctuation, none between Chinese characters).

    Parameters
    ----------
    corpus : Corpus
    terms : list of str
    by : str
        The group column.
    groups : list
        The values of ``by`` whose sentences are searched.
    n_lines, window : int

    Returns
    -------
    dict
        ``{term: [{"group", "doc_id", "left", "match", "right"}, ...]}``; a term without occurrences
        has an empty list.
    """
    n_lines = check_positive_int("n_lines", n_lines)
    window = check_positive_int("window", window, minimum=0)
    out: dict[str, list[dict]] = {t: [] for t in terms}
    if not terms or corpus.tokens.empty:
        return out
    order = text_order(corpus)
    tok, doc = corpus.tokens.iloc[order.rows].reset_index(drop=True), order.doc
    keys = tok[["doc_id", "sent_id"]]
    group = corpus.annotate(keys, by)[by].to_numpy(dtype=object)
    norm = tok["norm"].astype(str).str.lower().to_numpy(dtype=object)
    text = tok["token"].where(tok["token"].notna(), tok["norm"]).astype(str).to_numpy(dtype=object)
    wanted = pd.Index([str(t).lower() for t in terms])
    in_groups = pd.Series(group).isin(groups).to_numpy()
    is_word = tok["is_word"].fillna(False).to_numpy(dtype=bool)
    code = wanted.get_indexer(norm)
    hit = np.flatnonzero((code >= 0) & in_groups & is_word)
    if len(hit) == 0:
        return out
    by_term = pd.Series(hit).groupby(code[hit]).agg(list)
    doc_ids = tok["doc_id"].to_numpy(dtype=object)
    for c, rows in by_term.items():
        if len(rows) > n_lines:
            rows = [rows[i] for i in np.linspace(0, len(rows) - 1, n_lines).round().astype(int)]
        lines = []
        for i in rows:
            lo = i
            while lo > 0 and i - lo < window and doc[lo - 1] == doc[i]:
                lo -= 1
            hi = i
            while hi < len(tok) - 1 and hi - i < window and doc[hi + 1] == doc[i]:
                hi += 1
            lines.append({"group": str(group[i]), "doc_id": str(doc_ids[i]),
                          "left": _join(list(text[lo:i])), "match": str(text[i]),
                          "right": _join(list(text[i + 1:hi + 1]))})
        out[terms[int(c)]] = lines
    return out


@dataclass
class TermMap:
    """A term map ready to show: ``_repr_html_`` is the self-contained map.

    Attributes
    ----------
    table : DataFrame
        The terms drawn (columns of :func:`discourse.distinctive_terms`), largest |z| first.
    lines : dict
        Concordance lines by term (:func:`term_lines`).
    target, reference : str
        The compared groups, as labels.
    n_terms_total : int
        Terms of the comparison before the cap.
    note : str
        Why the map is empty, if it is.
    """

    table: pd.DataFrame
    lines: dict = field(default_factory=dict)
    target: str = "target"
    reference: str = "reference"
    n_terms_total: int = 0
    note: str = ""

    def _repr_html_(self) -> str:
        return term_map_html(self)

    def __repr__(self) -> str:
        return (f"TermMap({self.target} vs {self.reference}: {len(self.table)} of "
                f"{self.n_terms_total} terms)")


def term_map(corpus: Any, by: str, target: Any, reference: Any, *, max_terms: int = MAX_TERMS,
             n_lines: int = 4, window: int = 8, min_count: int = 3, alpha0: float = 1000.0) -> TermMap:
    """The term map of ``target`` against ``reference`` (see the module docstring).

    Parameters
    ----------
    corpus : Corpus
    by : str
        Group column (``"speaker"``, ``"year"``, ...).
    target, reference : value
        The two groups of ``by`` compared.
    max_terms : int
        Terms drawn at most: those with the largest ``|z|``.
    n_lines, window : int
        Concordance lines per term, and context tokens each side.
    min_count, alpha0
        As in :func:`discourse.distinctive_terms`.

    Returns
    -------
    TermMap

    Raises
    ------
    ParameterError
        As :func:`discourse.distinctive_terms` (an unknown group, target equal to reference, ...).
    """
    max_terms = check_positive_int("max_terms", max_terms)
    table = distinctive_terms(corpus, target, reference, by=by, min_count=min_count, alpha0=alpha0)
    total = len(table)
    shown = table.reindex(table["z"].abs().sort_values(ascending=False, kind="mergesort").index)
    shown = shown.head(max_terms).reset_index(drop=True)
    lines = term_lines(corpus, shown["term"].astype(str).tolist(), by=by, groups=[target, reference],
                       n_lines=n_lines, window=window)
    note = "" if total else f"no term occurs at least {min_count} times in {target} and {reference} together"
    return TermMap(table=shown, lines=lines, target=str(target), reference=str(reference),
                   n_terms_total=total, note=note)


def _scale(values: np.ndarray, low: float, high: float) -> tuple[np.ndarray, float, float]:
    lo, hi = (float(values.min()), float(values.max())) if len(values) else (0.0, 1.0)
    if hi - lo < 1e-9:
        lo, hi = lo - 0.5, hi + 0.5
    return low + (values - lo) / (hi - lo) * (high - low), lo, hi


def term_map_html(tm: TermMap) -> str:
    """The self-contained HTML of a :class:`TermMap`: an SVG, its lines as JSON, a small script."""
    if tm.table.empty:
        return (f"<p class='discourse-note'><em>Term map of {html.escape(tm.target)} against "
                f"{html.escape(tm.reference)}: {html.escape(tm.note or 'no terms')}.</em></p>")
    t = tm.table
    freq = (t["count_target"] + t["count_reference"]).to_numpy(dtype=float)
    x_val = np.log10(np.maximum(freq, 1.0))
    z = t["z"].to_numpy(dtype=float)
    xs, x_lo, x_hi = _scale(x_val, _MARGIN, _WIDTH - 12)
    ys, y_lo, y_hi = _scale(z, _HEIGHT - _MARGIN, 12)
    digest = hashlib.sha1(json.dumps([tm.target, tm.reference, t["term"].astype(str).tolist()],
                                     ensure_ascii=False).encode("utf-8")).hexdigest()[:10]
    uid = f"termmap-{digest}"
    parts = [f'<div id="{uid}" class="discourse-termmap" style="font:13px system-ui,sans-serif">',
             f"<p style='margin:0.2em 0'><strong>Term map: {html.escape(tm.target)} "
             f"(z &gt; 0, red) against {html.escape(tm.reference)} (z &lt; 0, blue).</strong> "
             f"{len(t):,} of {tm.n_terms_total:,} terms shown (largest |z|). Hover a point for its "
             "counts; click it for concordance lines.</p>",
             f'<svg viewBox="0 0 {_WIDTH} {_HEIGHT}" width="{_WIDTH}" height="{_HEIGHT}" '
             'style="max-width:100%;height:auto;background:#fff" role="img">']
    for level in (1.96, -1.96, 0.0):
        if y_lo <= level <= y_hi:
            y = float(np.interp(level, [y_lo, y_hi], [_HEIGHT - _MARGIN, 12]))
            dash = "" if level == 0 else ' stroke-dasharray="4 3"'
            parts.append(f'<line x1="{_MARGIN}" x2="{_WIDTH - 12}" y1="{y:.1f}" y2="{y:.1f}" '
                         f'stroke="#999" stroke-width="0.7"{dash}/>')
    parts.append(f'<line x1="{_MARGIN}" x2="{_MARGIN}" y1="12" y2="{_HEIGHT - _MARGIN}" stroke="#333"/>'
                 f'<line x1="{_MARGIN}" x2="{_WIDTH - 12}" y1="{_HEIGHT - _MARGIN}" '
                 f'y2="{_HEIGHT - _MARGIN}" stroke="#333"/>')
    for tick in range(int(np.floor(x_lo)), int(np.ceil(x_hi)) + 1):
        if x_lo - 1e-9 <= tick <= x_hi + 1e-9:
            x = float(np.interp(tick, [x_lo, x_hi], [_MARGIN, _WIDTH - 12]))
            parts.append(f'<text x="{x:.1f}" y="{_HEIGHT - _MARGIN + 14}" text-anchor="middle" '
                         f'font-size="11">{10 ** tick:,}</text>')
    parts.append(f'<text x="{(_WIDTH + _MARGIN) / 2:.0f}" y="{_HEIGHT - 8}" text-anchor="middle" '
                 'font-size="12">count in both groups (log scale)</text>'
                 f'<text x="14" y="{(_HEIGHT - _MARGIN) / 2:.0f}" text-anchor="middle" font-size="12" '
                 f'transform="rotate(-90 14 {(_HEIGHT - _MARGIN) / 2:.0f})">z-score of weighted log-odds'
                 "</text>")
    order = np.argsort(z)
    labelled = set(order[:8].tolist()) | set(order[::-1][:8].tolist())
    for i, row in enumerate(t.itertuples(index=False)):
        colour = "#d62728" if z[i] > 1.96 else "#1f77b4" if z[i] < -1.96 else "#aaa"
        tip = (f"{row.term}: {int(row.count_target):,} in {tm.target} ({row.rate_target:.2f} per 1,000), "
               f"{int(row.count_reference):,} in {tm.reference} ({row.rate_reference:.2f} per 1,000), "
               f"z = {row.z:.2f}")
        parts.append(f'<circle cx="{xs[i]:.1f}" cy="{ys[i]:.1f}" r="4" fill="{colour}" '
                     f'fill-opacity="0.75" data-i="{i}" style="cursor:pointer">'
                     f"<title>{html.escape(tip)}</title></circle>")
        if i in labelled and abs(z[i]) > 1.96:
            anchor = "end" if xs[i] > _WIDTH * 0.8 else "start"
            dx = -6 if anchor == "end" else 6
            parts.append(f'<text x="{xs[i] + dx:.1f}" y="{ys[i] + 4:.1f}" font-size="11" '
                         f'text-anchor="{anchor}" pointer-events="none">{html.escape(str(row.term))}</text>')
    parts.append("</svg>")
    parts.append(f'<div class="discourse-termmap-lines" id="{uid}-lines" style="min-height:2em">'
                 "<em>Click a point to read its lines.</em></div>")
    data = {"terms": [{"term": str(r.term), "target": int(r.count_target),
                       "reference": int(r.count_reference), "z": round(float(r.z), 2)}
                      for r in t.itertuples(index=False)],
            "lines": [tm.lines.get(str(r.term), []) for r in t.itertuples(index=False)],
            "target": tm.target, "reference": tm.reference}
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    parts.append(f'<script type="application/json" id="{uid}-data">{payload}</script>')
    parts.append("<script>(function () {"
                 f"var root = document.getElementById('{uid}');"
                 f"var data = JSON.parse(document.getElementById('{uid}-data').textContent);"
                 f"var box = document.getElementById('{uid}-lines');"
                 "function esc(s) { var d = document.createElement('div'); d.textContent = s; "
                 "return d.innerHTML; }"
                 "root.querySelectorAll('circle[data-i]').forEach(function (c) {"
                 " c.addEventListener('click', function () {"
                 "  var i = +c.getAttribute('data-i'), t = data.terms[i], ls = data.lines[i];"
                 "  var h = '<p><strong>' + esc(t.term) + '</strong>: ' + t.target.toLocaleString('en-US') +"
                 "   ' in ' + esc(data.target) + ', ' + t.reference.toLocaleString('en-US') + ' in ' +"
                 "   esc(data.reference) + ', z = ' + t.z + '</p>';"
                 "  if (!ls.length) { h += '<p><em>No lines.</em></p>'; }"
                 "  else { h += '<table style=\"border-collapse:collapse\">' + ls.map(function (l) {"
                 "   return '<tr><td style=\"color:#666;padding-right:1em\">' + esc(l.group) + '</td>' +"
                 "    '<td style=\"text-align:right\">' + esc(l.left) + '</td><td><strong>' +"
                 "    esc(l.match) + '</strong></td><td>' + esc(l.right) + '</td></tr>'; }).join('') +"
                 "    '</table>'; }"
                 "  box.innerHTML = h; });"
                 "});"
                 "})();</script>")
    parts.append("</div>")
    return "".join(parts)
