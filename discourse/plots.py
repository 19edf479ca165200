"""Figures drawn from the measure tables. Each function draws on ``ax`` (a new figure if None) and
returns the matplotlib Axes; nothing is shown or saved here (notebooks save figures).

Works with any backend, including the non-interactive ``Agg`` used in reports and tests.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from discourse.errors import ParameterError


def _axes(ax: Any, figsize: tuple[float, float] = (7.0, 4.5)):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize)
    return ax


def _short(label: str, width: int = 30) -> str:
    """``label`` cut to ``width`` characters (with an ellipsis), for axis labels."""
    label = str(label)
    return label if len(label) <= width else label[: width - 1] + "\u2026"


def _need(table: pd.DataFrame, columns: list[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ParameterError(f"table for {what} lacks column(s) {missing}; it has: {list(table.columns)}")


def plot_distinctive_scatter(table: pd.DataFrame, *, ax: Any = None, n_labels: int = 10,
                             title: str | None = None, target: str = "target",
                             reference: str = "reference") -> Any:
    """Fightin' Words plot: z-score of the weighted log-odds against log total frequency.

    Each point is a term of a :func:`discourse.distinctive.distinctive_terms` table; x = log10 of its
    count in target plus reference, y = z. Terms with |z| > 1.96 are highlighted and the ``n_labels``
    most extreme terms on each side are labelled; adjustText moves the labels apart and away from the
    points, and a label it cannot free is hidden (the most extreme kept), so none overprints another.
    """
    _need(table, ["term", "count_target", "count_reference", "z"], "plot_distinctive_scatter")
    ax = _axes(ax)
    x = np.log10((table["count_target"] + table["count_reference"]).to_numpy(dtype=float))
    z = table["z"].to_numpy(dtype=float)
    strong = np.abs(z) > 1.96
    ax.scatter(x[~strong], z[~strong], s=8, color="0.7", label="|z| <= 1.96")
    ax.scatter(x[strong & (z > 0)], z[strong & (z > 0)], s=12, color="tab:red",
               label=f"over-used by {target}")
    ax.scatter(x[strong & (z < 0)], z[strong & (z < 0)], s=12, color="tab:blue",
               label=f"over-used by {reference}")
    order = np.argsort(z)
    labels = [ax.text(x[i], z[i], str(table["term"].iloc[i]), fontsize=8)
              for i in dict.fromkeys(list(order[::-1][:n_labels]) + list(order[:n_labels])) if strong[i]]
    if labels:
        from adjustText import adjust_text

        adjust_text(labels, x=x, y=z, ax=ax)
        # a label adjustText could not free (a crowded corner) is hidden rather than overprinted;
        # labels are kept in order of |z|, the most extreme first
        renderer = ax.figure.canvas.get_renderer()
        kept: list = []
        for label in sorted(labels, key=lambda t: -abs(t.get_position()[1])):
            box = label.get_window_extent(renderer)
            if any(box.overlaps(other) for other in kept):
                label.set_visible(False)
            else:
                kept.append(box)
    ax.axhline(1.96, color="0.5", lw=0.7, ls="--")
    ax.axhline(-1.96, color="0.5", lw=0.7, ls="--")
    ax.set_xlabel("log10 frequency (target + reference)")
    ax.set_ylabel("z-score of weighted log-odds")
    ax.set_title(title or f"Distinctive terms: {target} vs {reference}")
    ax.legend(loc="best", fontsize=8)
    return ax


def plot_distinctive_bars(table: pd.DataFrame, *, ax: Any = None, n: int = 15,
                          title: str | None = None, target: str = "target",
                          reference: str = "reference") -> Any:
    """Horizontal bars of the ``n`` most over-used terms on each side, by z-score."""
    _need(table, ["term", "z"], "plot_distinctive_bars")
    ax = _axes(ax, (7.0, 0.25 * 2 * n + 1.5))
    top = table[table["z"] > 0].nlargest(n, "z")
    bottom = table[table["z"] < 0].nsmallest(n, "z")
    shown = pd.concat([bottom.iloc[::-1], top.iloc[::-1]])
    colors = np.where(shown["z"] > 0, "tab:red", "tab:blue")
    ax.barh(np.arange(len(shown)), shown["z"], color=colors)
    ax.set_yticks(np.arange(len(shown)))
    ax.set_yticklabels(shown["term"].astype(str), fontsize=8)
    ax.axvline(0, color="0.3", lw=0.7)
    # one short line each, so that the labels of axes side by side do not run into each other
    ax.set_xlabel(f"z-score of weighted log-odds\n> 0: {_short(target)}\n< 0: {_short(reference)}",
                  fontsize=9)
    ax.set_title(title or f"Most distinctive terms: {target} vs {reference}")
    return ax


def plot_density(table: pd.DataFrame, *, by: str, ax: Any = None, title: str | None = None,
                 ylabel: str = "directive verbs per 1,000 tokens") -> Any:
    """Imperative-verb density per group with its 95% bootstrap interval as error bars.

    ``table`` is the output of ``directive_density`` (columns ``per_1k, ci_low, ci_high`` and the group
    column ``by``).
    """
    _need(table, [by, "per_1k", "ci_low", "ci_high"], "plot_density")
    ax = _axes(ax)
    y = table["per_1k"].to_numpy(dtype=float)
    low = np.clip(y - table["ci_low"].to_numpy(dtype=float), 0, None)
    high = np.clip(table["ci_high"].to_numpy(dtype=float) - y, 0, None)
    pos = np.arange(len(table))
    ax.bar(pos, y, yerr=np.vstack([low, high]), capsize=3, color="tab:orange")
    ax.set_xticks(pos)
    ax.set_xticklabels(table[by].astype(str), rotation=30, ha="right")
    ax.set_xlabel(by)
    ax.set_ylabel(ylabel)
    ax.set_title(title or f"Imperative-verb density by {by} (95% bootstrap interval)")
    return ax


def plot_shift(table: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """JSD between consecutive periods, with the resampling baseline as a band (mean and 95% range);
    flagged pairs circled, pairs across a gap or a change of script or language boxed."""
    _need(table, ["from", "to", "jsd", "jsd_baseline", "baseline_low", "baseline_high"], "plot_shift")
    ax = _axes(ax)
    pos = np.arange(len(table))
    labels = [f"{a}\u2192{b}" for a, b in zip(table["from"], table["to"])]
    ax.fill_between(pos, table["baseline_low"], table["baseline_high"], color="0.85",
                    label="chance (95% of resamples)")
    ax.plot(pos, table["jsd_baseline"], color="0.5", ls="--", label="chance (mean)")
    ax.plot(pos, table["jsd"], marker="o", color="tab:purple", label="observed JSD")
    apart = np.zeros(len(table), dtype=bool)
    if "gap" in table.columns:
        apart |= table["gap"].to_numpy() > 0
    if "warning" in table.columns:
        apart |= table["warning"].fillna("").astype(str).to_numpy() != ""
    if apart.any():
        ax.scatter(pos[apart], table["jsd"].to_numpy(dtype=float)[apart], s=60, marker="s",
                   facecolors="none", edgecolors="0.4", zorder=3,
                   label="across a gap or a change of script (not comparable)")
    if "flag" in table.columns and table["flag"].any():
        flagged = table["flag"].to_numpy(dtype=bool)
        ax.scatter(pos[flagged], table["jsd"].to_numpy(dtype=float)[flagged], s=90, facecolors="none",
                   edgecolors="tab:red", linewidths=1.5, zorder=3, label="flagged: more change than usual")
    step = max(1, len(table) // 20)                      # at most about 20 labels
    ax.set_xticks(pos[::step])
    ax.set_xticklabels(labels[::step], rotation=30, ha="right")
    ax.set_xlabel("consecutive periods")
    ax.set_ylabel("Jensen-Shannon divergence (bits)")
    ax.set_title(title or "Year-on-year vocabulary shift")
    ax.legend(loc="best", fontsize=8)
    return ax


def plot_trajectories(table: pd.DataFrame, *, by: str = "year", ax: Any = None,
                      title: str | None = None) -> Any:
    """Rate per 1,000 tokens of each term by period, one line per term (``term_trajectories``)."""
    _need(table, ["term", by, "per_1k"], "plot_trajectories")
    ax = _axes(ax)
    periods = list(dict.fromkeys(table[by].tolist()))
    pos = {p: i for i, p in enumerate(periods)}
    for term, rows in table.groupby("term", sort=False):
        ax.plot([pos[p] for p in rows[by]], rows["per_1k"], marker="o", label=str(term))
    ax.set_xticks(range(len(periods)))
    ax.set_xticklabels([str(p) for p in periods])
    ax.set_xlabel(by)
    ax.set_ylabel("occurrences per 1,000 tokens")
    ax.set_title(title or f"Term trajectories by {by}")
    ax.legend(loc="best", fontsize=8)
    return ax


def plot_profile(table: pd.DataFrame, *, by: str = "speaker", measure: str = "mattr", ax: Any = None,
                 title: str | None = None) -> Any:
    """Bars of one column of ``lexical_profile`` (default MATTR) by group, token counts as labels."""
    _need(table, [by, measure, "n_tokens"], "plot_profile")
    ax = _axes(ax)
    pos = np.arange(len(table))
    bars = ax.bar(pos, table[measure], color="tab:green")
    for bar, n in zip(bars, table["n_tokens"]):
        ax.annotate(f"{int(n)} tok.", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=7)
    ax.set_xticks(pos)
    ax.set_xticklabels(table[by].astype(str), rotation=30, ha="right")
    ax.set_xlabel(by)
    names = {"mattr": "moving-average type-token ratio", "ttr": "type-token ratio",
             "mean_sentence_length": "mean sentence length (tokens)",
             "directive_sentence_share": "share of sentences with a directive"}
    ax.set_ylabel(names.get(measure, measure))
    ax.set_title(title or f"Lexical profile by {by}")
    return ax


def plot_shift_window(table: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """Where the vocabulary turns: the excess JSD of ``shift_window`` at each boundary over its shuffled
    texts (``excess_permuted``, the excess its z is scored on), flagged boundaries circled, boundaries
    whose window spans a gap drawn hollow."""
    _need(table, ["at", "excess_permuted", "flag", "gap"], "plot_shift_window")
    ax = _axes(ax)
    pos = np.arange(len(table))
    excess = table["excess_permuted"].to_numpy(dtype=float)
    gap = table["gap"].to_numpy() > 0
    flag = table["flag"].to_numpy(dtype=bool)
    ax.plot(pos, excess, color="tab:purple", lw=1.2)
    ax.scatter(pos[~gap], excess[~gap], color="tab:purple", s=18, zorder=3, label="excess over shuffled texts")
    if gap.any():
        ax.scatter(pos[gap], excess[gap], facecolors="none", edgecolors="tab:purple", s=18, zorder=3,
                   label="window spans a gap")
    if flag.any():
        ax.scatter(pos[flag], excess[flag], s=110, facecolors="none", edgecolors="tab:red",
                   linewidths=1.5, zorder=4, label="turning point (flagged)")
    step = max(1, len(table) // 20)
    ax.set_xticks(pos[::step])
    ax.set_xticklabels([str(v) for v in table["at"].tolist()[::step]], rotation=30, ha="right")
    ax.set_xlabel("first period after the boundary")
    ax.set_ylabel("JSD excess over shuffled texts (bits)")
    ax.set_title(title or "Change between the periods before and after each boundary")
    ax.legend(loc="best", fontsize=8)
    return ax


def plot_word_shift(table: pd.DataFrame, *, ax: Any = None, n: int = 20, title: str | None = None) -> Any:
    """Word shift of one pair (a ``word_shift`` table): each term's contribution to the JSD as a bar,
    to the right for terms used more in the later period, to the left for those used more before."""
    _need(table, ["from", "to", "term", "contribution", "direction"], "plot_word_shift")
    pairs = table[["from", "to"]].drop_duplicates()
    if len(pairs) > 1:
        raise ParameterError(f"plot_word_shift draws one pair; the table holds {len(pairs)}: "
                             "select one pair's rows")
    top = table.nlargest(n, "contribution").iloc[::-1]
    ax = _axes(ax, (7.0, 0.25 * len(top) + 1.5))
    sign = np.where(top["direction"] == "rising", 1.0, -1.0)
    values = sign * top["contribution"].to_numpy(dtype=float)
    ax.barh(np.arange(len(top)), values, color=np.where(sign > 0, "tab:red", "tab:blue"))
    ax.set_yticks(np.arange(len(top)))
    ax.set_yticklabels(top["term"].astype(str), fontsize=8)
    ax.axvline(0, color="0.3", lw=0.7)
    a, b = (pairs.iloc[0].tolist() if len(pairs) else ("", ""))
    ax.set_xlabel(f"contribution to the JSD (bits; > 0: more in {b}, < 0: more in {a})")
    ax.set_title(title or f"Word shift {a} \u2192 {b}")
    return ax
