"""Vocabulary shift between periods: JSD against a resampling baseline and against the corpus's ordinary
change (robust z, permutation test), gaps and changes of script or language, the windowed view, word
shifts, rising and falling terms, and trajectories of chosen terms.

Periods are the values of a group column (``year`` by default) in sorted order.

Why the standing of a shift needs more than a baseline
------------------------------------------------------
The plug-in JSD of two samples is biased upwards, the more so the smaller the samples and the heavier
the tail of rare words (Gerlach, Font-Clos & Altmann 2016): the resampling baseline removes that part.
But a living vocabulary drifts every year, so nearly every pair of periods exceeds the baseline, which
says only that the two periods are not samples of one distribution. Kilgarriff (2001) makes the same
point for comparing corpora: words are not drawn independently (a topic brings its words in bursts), so
a test on token counts rejects homogeneity between any two real corpora; a difference means something
only against the variation *within* the material, here the ordinary change between adjacent periods of
the same corpus. Hence the two numbers reported beside the effect (``jsd_excess``):

- ``z``: a robust z-score of the pair's excess against the ordinary pairs (adjacent, without a gap or
  a change of script or language), over the whole series or over a window of pairs around each one.
  The excess scored is the one over the permutation null below (``excess_permuted`` = jsd - the mean
  JSD of the permuted splits), not over the resampling baseline: the baseline draws only the words seen
  in the two periods, so for small periods it falls short of the chance divergence that the unseen
  rare words bring (two samples of 600 and 1,635 words from one and the same Zipfian vocabulary of
  300 words: an excess over the baseline of 0.015 bits on average over 40 draws, over the permutations
  0.001), and small periods would stand out for their size alone. The centre is the median of the ordinary excesses; the scale combines
  their spread (MAD x 1.4826, which estimates a standard deviation under normality) with the pair's own
  sampling error (the variance of its JSD when each period's documents or sentences are resampled
  with replacement): ``z = (excess - median) / sqrt(mad ** 2 + error ** 2)``, so a pair of two small
  periods must stand out from its own noise too. Median and MAD are not moved by the breaks
  themselves, as a mean and standard deviation would be (the modified z-score of Iglewicz & Hoaglin
  1993, whose outlier threshold of 3.5 is the default here).
- ``p_value``: a permutation test of the pair's JSD that shuffles whole documents between the two
  periods (Kilgarriff's point: the document, not the token, is the unit that varies); where a period
  has a single document, or the two have too few documents for the test to reach a small p (fewer
  than 200 or ``n_perm`` distinct ways to split them: three and three documents allow only 20, and
  p >= 0.1), their sentences are shuffled instead (``permuted`` says which). A small p says
  the pair's difference is larger than a reshuffling of its own texts gives, so not an accident of
  which texts fell into which year.

A pair is flagged (``flag``) when it stands out on both: z at least ``z_min`` and p at most
``alpha``. Pairs across a gap (``gap`` > 0: periods missing between them) and pairs across a change of
script or language (``warning``) are reported but never flagged and do not enter the ordinary change:
their divergence mixes several steps, or spelling with vocabulary.

References
----------
Gallagher, R. J., Frank, M. R., Mitchell, L., Schwartz, A. J., Reagan, A. J., Danforth, C. M., &
Dodds, P. S. (2021). Generalized word shift graphs. EPJ Data Science, 10(1), 4.
Gerlach, M., Font-Clos, F., & Altmann, E. G. (2016). Similarity of symbolic sequences with heavy-tailed
frequency distributions. Physical Review X, 6(2), 021009.
Iglewicz, B., & Hoaglin, D. C. (1993). How to Detect and Handle Outliers. ASQC Quality Press.
Kilgarriff, A. (2001). Comparing corpora. International Journal of Corpus Linguistics, 6(1), 97-133.
Lin, J. (1991). Divergence measures based on the Shannon entropy. IEEE Transactions on Information
Theory, 37(1), 145-151.
"""
from __future__ import annotations

from math import comb
from numbers import Real
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import sparse

from discourse.errors import ParameterError
from discourse.measures.divergence import (
    bootstrap_jsd,
    jsd_baseline,
    jsd_bits,
    jsd_terms,
    permutation_jsd,
    robust_z,
)
from discourse.measures.distinctive import COLUMNS as DISTINCTIVE_COLUMNS
from discourse.measures.distinctive import distinctive_terms, resolve_groups
from discourse.measures.terms import (
    UNITS,
    Unit,
    WordStream,
    check_term_options,
    count_matrix,
    find_phrase,
    ngram_keys,
    ngram_names,
    query_pieces,
    vocabulary,
    word_stream,
)
from discourse.text.chinese import script_of
from discourse.validate import check_choice, check_number, check_positive_int

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from discourse.corpus.model import Corpus

SHIFT_COLUMNS = ["from", "to", "gap", "n_tokens_from", "n_tokens_to", "n_content_tokens_from",
                 "n_content_tokens_to", "n_counted_from", "n_counted_to", "n_types_from", "n_types_to",
                 "jsd", "jsd_baseline", "baseline_low", "baseline_high", "jsd_excess", "jsd_ratio",
                 "jsd_permuted", "excess_permuted", "z", "p_value", "permuted", "flag", "warning",
                 "n_emerging", "n_vanishing"]
WINDOW_COLUMNS = ["at", "before_first", "before_last", "after_first", "after_last", "gap",
                  "n_counted_before", "n_counted_after", "jsd", "jsd_baseline", "jsd_excess",
                  "jsd_permuted", "excess_permuted", "z", "p_value", "permuted", "flag"]
WORD_SHIFT_COLUMNS = ["from", "to", "term", "count_from", "count_to", "share_from", "share_to",
                      "contribution", "share_of_jsd", "cumulative_share", "direction"]
TRAJECTORY_COLUMNS = ["term", "count", "n_tokens", "n_content_tokens", "per_1k"]

#: Fewest distinct ways of splitting two periods' documents for the test to shuffle documents: with
#: fewer, even the observed split cannot reach a small p (two of the C(6, 3) = 20 splits of three and
#: three documents give the observed JSD, so p >= 0.1), and sentences are shuffled instead.
MIN_SPLITS = 200


# ----------------------------------------------------------------------------- periods
def period_gaps(periods: list, *, step: float | None = None) -> np.ndarray:
    """Periods missing between each consecutive pair of ``periods`` (length ``len(periods) - 1``).

    For numeric periods, a pair ``a, b`` misses ``round((b - a) / step) - 1`` periods (never fewer than
    0), ``step`` being the usual spacing of the series: the median difference between consecutive
    periods unless given (1 for a yearly series; about 5 for party congresses). Periods that are not
    numbers have no spacing, and no gaps.
    """
    if len(periods) < 2 or not all(isinstance(p, Real) and not isinstance(p, bool) for p in periods):
        return np.zeros(max(len(periods) - 1, 0), dtype=np.int64)
    diffs = np.diff(np.asarray(periods, dtype=float))
    spacing = float(np.median(diffs)) if step is None else float(step)
    if spacing <= 0:
        return np.zeros(len(diffs), dtype=np.int64)
    return np.maximum(np.rint(diffs / spacing) - 1, 0).astype(np.int64)


def period_scripts(corpus: "Corpus", stream: WordStream) -> tuple[list[str], list[str]]:
    """The main language and the main Chinese script of every group of ``stream`` (by word tokens).

    The language of a word token is its ``lang``; its script is the ``script`` column of its sentence
    where the corpus has one, else what :func:`discourse.text.chinese.script_of` finds in the
    sentence's text ("simplified", "traditional" or nothing for a sentence without Chinese).
    """
    tokens = stream.tokens
    rows = tokens.rows[stream.word_tokens]
    lang = corpus.tokens["lang"].to_numpy(dtype=object)[rows] if "lang" in corpus.tokens.columns \
        else np.full(len(rows), "", dtype=object)
    sents = corpus.sentences
    if "script" in sents.columns:
        script = sents["script"].fillna("").astype(str).to_numpy(dtype=object)
    else:
        is_zh = (sents["lang"].astype(str) == "zh").to_numpy() if "lang" in sents.columns else \
            np.ones(len(sents), dtype=bool)
        script = np.array([(script_of(t) or "") if z else "" for t, z in
                           zip(sents["text"].astype(str).tolist(), is_zh)], dtype=object)
    script = script[tokens.sentence[stream.word_tokens]]
    main_lang, main_script = [], []
    for g in range(len(stream.groups)):
        mine = stream.group == g
        main_lang.append(_most(lang[mine]))
        main_script.append(_most(script[mine & (script != "")]))
    return main_lang, main_script


def _most(values: np.ndarray) -> str:
    if len(values) == 0:
        return ""
    names, counts = np.unique(values.astype(str), return_counts=True)
    return str(names[np.argmax(counts)])


def _warning(lang: list[str], script: list[str], a: int, b: int) -> str:
    if lang[a] != lang[b] and lang[a] and lang[b]:
        return f"language changes: {lang[a]} -> {lang[b]}"
    if script[a] != script[b] and script[a] and script[b]:
        return f"script changes: {script[a]} -> {script[b]}"
    return ""


def _pair(a: np.ndarray, b: np.ndarray, ga: list[int], gb: list[int], units: "_Units", *, n_boot: int,
          n_perm: int, seed: list[int]) -> dict[str, Any]:
    """The divergence of two count vectors with its baseline, permutation test and sampling error."""
    support = (a > 0) | (b > 0)
    ca, cb = a[support], b[support]
    jsd = float(jsd_bits(ca, cb)[0])
    boot = jsd_baseline(ca, cb, n_boot=n_boot, rng=np.random.default_rng(seed))
    base = float(boot.mean())
    permuted, perm, resampled = units.permutations(ga, gb, support, n_perm=n_perm,
                                                   rng=np.random.default_rng([*seed, 1]))
    return {"n_counted_from": int(ca.sum()), "n_counted_to": int(cb.sum()),
            "n_types_from": int((ca > 0).sum()), "n_types_to": int((cb > 0).sum()),
            "jsd": jsd, "jsd_baseline": base, "baseline_low": float(np.percentile(boot, 2.5)),
            "baseline_high": float(np.percentile(boot, 97.5)), "jsd_excess": jsd - base,
            "jsd_ratio": jsd / base if base > 0 else np.nan, "jsd_permuted": float(perm.mean()),
            "excess_permuted": jsd - float(perm.mean()),
            "p_value": float((1 + np.sum(perm >= jsd - 1e-12)) / (n_perm + 1)), "permuted": permuted,
            "_noise": float(resampled.var())}


def _check_shift_options(ngram: int, unit: str, min_count: int, n_boot: int, seed: int, n_perm: int,
                         z_min: float, alpha: float, window: int | None, step: float | None) -> tuple:
    check_term_options(ngram, unit, min_count)
    n_boot = check_positive_int("n_boot", n_boot)
    seed = check_positive_int("seed", seed, minimum=0)
    n_perm = check_positive_int("n_perm", n_perm)
    z_min = check_number("z_min", z_min, low=0.0, low_open=True)
    alpha = check_number("alpha", alpha, low=0.0, high=1.0, low_open=True)
    if window is not None:
        window = check_positive_int("window", window)
    if step is not None:
        step = check_number("step", step, low=0.0, low_open=True)
    return n_boot, seed, n_perm, z_min, alpha, window, step


def vocabulary_shift(corpus: "Corpus", *, by: str = "year", ngram: int = 1, min_count: int = 2,
                     n_boot: int = 200, seed: int = 0, unit: Unit = "norm", n_perm: int = 200,
                     z_min: float = 3.5, alpha: float = 0.05, window: int | None = None,
                     step: float | None = None) -> pd.DataFrame:
    """Jensen-Shannon divergence between the vocabularies of consecutive periods, against chance and
    against the corpus's ordinary change.

    Each period's distribution is the relative frequency of its terms (words, or phrases of ``ngram``
    words) after stop-word removal. JSD (base 2, in [0, 1]; 0 = identical) is computed between every
    pair of consecutive periods present (periods without counted terms are skipped, so 2020 is followed
    by 2022 when 2021 is absent; ``gap`` then says how many periods are missing).

    **JSD is length-sensitive**: two small samples of one and the same distribution differ by chance, and
    the smaller the samples, the larger their JSD. So beside it the table reports a baseline: both
    periods' term occurrences are resampled ``n_boot`` times, at their observed sizes, from the pooled
    distribution of the two periods (multinomial draws, seeded), and the JSD of each resampled pair is
    computed. ``jsd_excess`` (jsd - baseline mean) and ``jsd_ratio`` (jsd / baseline mean) are the part
    of the shift chance does not explain. **The standing** of that excess (``z``, ``p_value``, ``flag``)
    sets it against the ordinary change of the same corpus, as the module notes explain: a flagged pair
    means "more change than usual in this corpus", and its words are one call away
    (:func:`word_shift`).

    Parameters
    ----------
    corpus : Corpus
    by : str, default "year"
        The period column (any orderable group column).
    ngram : int, default 1
        Words per term (see :func:`discourse.measures.terms.term_counts`).
    min_count : int, default 2
        Minimum count for a term to be counted as emerging or vanishing.
    n_boot : int, default 200
        Number of resampled pairs for the baseline.
    seed : int, default 0
        Seed of the resampling and of the permutations (the same seed gives the same table).
    unit : {"norm", "lemma"}, default "norm"
    n_perm : int, default 200
        Permutations of the test (the smallest p it can give is 1 / (n_perm + 1)).
    z_min : float, default 3.5
        Robust z from which a pair stands out (Iglewicz & Hoaglin's threshold).
    alpha : float, default 0.05
        Largest permutation p-value of a flagged pair.
    window : int, optional
        Set each pair against the ordinary pairs within ``window`` pairs either side instead of the
        whole series (for long series whose pace of change itself changes).
    step : float, optional
        Usual spacing of the periods, for ``gap`` (default: the median difference; see
        :func:`period_gaps`).

    Returns
    -------
    DataFrame
        ``from, to`` (periods), ``gap`` (periods missing between them), ``n_tokens_from, n_tokens_to``
        (all word tokens), ``n_content_tokens_from, n_content_tokens_to`` (word tokens after stop
        words), ``n_counted_from, n_counted_to`` (occurrences of the counted terms, the sizes of the two
        distributions: the content tokens for single words), ``n_types_from, n_types_to``, ``jsd``,
        ``jsd_baseline`` (mean over resamples), ``baseline_low, baseline_high`` (2.5 and 97.5
        percentiles), ``jsd_excess, jsd_ratio`` (against the baseline), ``jsd_permuted`` (mean JSD of
        the permuted splits), ``excess_permuted`` (jsd - jsd_permuted), ``z`` (robust z of
        ``excess_permuted``, see the module notes; NaN with fewer than three ordinary pairs),
        ``p_value`` (permutation test), ``permuted`` ("documents" or
        "sentences"), ``flag`` (True: a break), ``warning`` (a change of language or script, else ""),
        ``n_emerging`` (terms with at least ``min_count`` occurrences in ``to`` that occur in no period
        before it), ``n_vanishing`` (terms with at least ``min_count`` occurrences in ``from`` that occur
        in no period after it).
    """
    n_boot, seed, n_perm, z_min, alpha, window, step = _check_shift_options(
        ngram, unit, min_count, n_boot, seed, n_perm, z_min, alpha, window, step)
    corpus.check_by(by)
    stream = word_stream(corpus, by, unit=unit)
    group, key, words, token = ngram_keys(stream, ngram, exclude_stop=True)
    n_terms = len(words)
    mat = count_matrix(group, key, len(stream.groups), n_terms)
    sizes = np.asarray(mat.sum(axis=1)).ravel()
    present = np.flatnonzero(sizes > 0)
    if len(present) < 2:
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("from", "to", "permuted", "warning")
                                          else float) for c in SHIFT_COLUMNS})
    sub = mat[present]
    first, last = _first_last(sub)
    units = _Units(stream, group, key, token, n_terms)
    lang, script = period_scripts(corpus, stream)
    gaps = period_gaps([stream.groups[i] for i in present], step=step)
    rows = []
    for i in range(1, len(present)):
        ga, gb = present[i - 1], present[i]
        a = sub[i - 1].toarray().ravel()
        b = sub[i].toarray().ravel()
        row = _pair(a, b, [ga], [gb], units, n_boot=n_boot, n_perm=n_perm, seed=[seed, i])
        rows.append({
            "from": stream.groups[ga], "to": stream.groups[gb], "gap": int(gaps[i - 1]),
            "n_tokens_from": int(stream.n_tokens[ga]), "n_tokens_to": int(stream.n_tokens[gb]),
            "n_content_tokens_from": int(stream.n_content_tokens[ga]),
            "n_content_tokens_to": int(stream.n_content_tokens[gb]),
            **row, "warning": _warning(lang, script, ga, gb),
            "n_emerging": int(((b >= min_count) & (first == i)).sum()),
            "n_vanishing": int(((a >= min_count) & (last == i - 1)).sum()),
        })
    table = pd.DataFrame(rows)
    ordinary = ((table["gap"] == 0) & (table["warning"] == "")).to_numpy()
    table["z"] = robust_z(table["excess_permuted"].to_numpy(), ordinary, noise=table["_noise"].to_numpy(),
                          window=window)
    table["flag"] = ordinary & (table["z"] >= z_min).to_numpy() & (table["p_value"] <= alpha).to_numpy()
    return table[SHIFT_COLUMNS]


class _Units:
    """Term counts of the documents and sentences of every period, for the permutation test.

    A document's unit is its part in one period (a document whose sentences belong to two periods,
    grouped by a sentence column, gives two units).
    """

    def __init__(self, stream: WordStream, group: np.ndarray, key: np.ndarray, token: np.ndarray,
                 n_terms: int) -> None:
        ok = group >= 0
        g, k, t = group[ok], key[ok], token[ok]
        tokens = stream.tokens
        n_groups = len(stream.groups)
        doc_unit, self._doc_group = self._units(tokens.doc[t] * n_groups + g, g)
        sent_unit, self._sent_group = self._units(tokens.sentence_index[t], g)
        self._docs = _rows(doc_unit, k, n_terms)
        self._sents = _rows(sent_unit, k, n_terms)

    @staticmethod
    def _units(unit_key: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        codes, uniques = pd.factorize(unit_key)
        unit_group = np.zeros(len(uniques), dtype=np.int64)
        unit_group[codes] = group
        return codes.astype(np.int64), unit_group

    def permutations(self, ga: list[int], gb: list[int], support: np.ndarray, *, n_perm: int,
                     rng: np.random.Generator) -> tuple[str, np.ndarray, np.ndarray]:
        """Which units were shuffled, the permuted JSDs between the periods ``ga`` and ``gb``, and the
        JSDs of ``n_perm`` bootstrap resamples of each period's units (for the pair's standard error)."""
        a_docs = np.flatnonzero(np.isin(self._doc_group, ga))
        b_docs = np.flatnonzero(np.isin(self._doc_group, gb))
        if comb(len(a_docs) + len(b_docs), len(a_docs)) >= max(n_perm, MIN_SPLITS):
            kind, mat, a_rows, b_rows = "documents", self._docs, a_docs, b_docs
        else:
            kind, mat = "sentences", self._sents
            a_rows = np.flatnonzero(np.isin(self._sent_group, ga))
            b_rows = np.flatnonzero(np.isin(self._sent_group, gb))
        units = mat[np.concatenate([a_rows, b_rows])][:, np.flatnonzero(support)].tocsr()
        perm = permutation_jsd(units, len(a_rows), n_perm=n_perm, rng=rng)
        return kind, perm, bootstrap_jsd(units, len(a_rows), n_boot=n_perm, rng=rng)


def _rows(unit: np.ndarray, key: np.ndarray, n_terms: int) -> sparse.csr_matrix:
    n_units = int(unit.max()) + 1 if len(unit) else 0
    return sparse.csr_matrix((np.ones(len(unit)), (unit, key)), shape=(n_units, n_terms))


def _first_last(mat) -> tuple[np.ndarray, np.ndarray]:
    """Row index of the first and last non-zero entry of every column of a sparse matrix (-1 if none)."""
    csc = mat.tocsc()
    csc.sort_indices()
    has = np.diff(csc.indptr) > 0
    first = np.full(mat.shape[1], -1)
    last = np.full(mat.shape[1], -1)
    first[has] = csc.indices[csc.indptr[:-1][has]]
    last[has] = csc.indices[csc.indptr[1:][has] - 1]
    return first, last


# ----------------------------------------------------------------------------- windows
def shift_window(corpus: "Corpus", *, by: str = "year", k: int = 2, ngram: int = 1, unit: Unit = "norm",
                 n_boot: int = 200, seed: int = 0, n_perm: int = 200, z_min: float = 3.5,
                 alpha: float = 0.05, step: float | None = None) -> pd.DataFrame:
    """Where the vocabulary turns: the change between the ``k`` periods before and the ``k`` periods
    from each boundary between consecutive periods.

    The terms of the ``k`` periods before the boundary are pooled into one distribution, those of the
    ``k`` periods from it into another, and their JSD is set against chance and against the other
    boundaries exactly as a pair of :func:`vocabulary_shift` is (baseline, permutation test, robust z,
    flag). A change spread over two periods (a new government whose words come in over its first two
    years) gives two moderate year-on-year divergences but one high windowed one, so the turning point
    shows as one peak (or a plateau as wide as the change). Windows count the periods present;
    boundaries without ``k`` periods on both sides are left out, and a window that spans a gap is
    reported (``gap``) but not flagged and not part of the ordinary change.

    Parameters
    ----------
    corpus : Corpus
    by : str, default "year"
    k : int, default 2
        Periods on each side.
    ngram, unit, n_boot, seed, n_perm, z_min, alpha, step
        As in :func:`vocabulary_shift`.

    Returns
    -------
    DataFrame
        ``at`` (the first period after the boundary), ``before_first, before_last, after_first,
        after_last`` (the two windows), ``gap`` (periods missing inside the whole span),
        ``n_counted_before, n_counted_after`` (term occurrences pooled on each side), ``jsd,
        jsd_baseline, jsd_excess, jsd_permuted, excess_permuted, z, p_value, permuted, flag``; one row
        per boundary in period order.
    """
    k = check_positive_int("k", k)
    n_boot, seed, n_perm, z_min, alpha, _, step = _check_shift_options(
        ngram, unit, 1, n_boot, seed, n_perm, z_min, alpha, None, step)
    corpus.check_by(by)
    stream = word_stream(corpus, by, unit=unit)
    group, key, words, token = ngram_keys(stream, ngram, exclude_stop=True)
    mat = count_matrix(group, key, len(stream.groups), len(words))
    sizes = np.asarray(mat.sum(axis=1)).ravel()
    present = np.flatnonzero(sizes > 0)
    periods = [stream.groups[i] for i in present]
    gaps = period_gaps(periods, step=step)
    units = _Units(stream, group, key, token, len(words))
    rows = []
    for i in range(k, len(present) - k + 1):
        before, after = list(present[i - k:i]), list(present[i:i + k])
        a = np.asarray(mat[before].sum(axis=0)).ravel()
        b = np.asarray(mat[after].sum(axis=0)).ravel()
        row = _pair(a, b, before, after, units, n_boot=n_boot, n_perm=n_perm, seed=[seed, i, 2])
        rows.append({"at": periods[i], "before_first": periods[i - k], "before_last": periods[i - 1],
                     "after_first": periods[i], "after_last": periods[i + k - 1],
                     "gap": int(gaps[i - k:i + k - 1].sum()), "n_counted_before": row["n_counted_from"],
                     "n_counted_after": row["n_counted_to"], **row})
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in WINDOW_COLUMNS})
    table = pd.DataFrame(rows)
    ordinary = (table["gap"] == 0).to_numpy()
    table["z"] = robust_z(table["excess_permuted"].to_numpy(), ordinary, noise=table["_noise"].to_numpy())
    table["flag"] = ordinary & (table["z"] >= z_min).to_numpy() & (table["p_value"] <= alpha).to_numpy()
    return table[WINDOW_COLUMNS]


# ----------------------------------------------------------------------------- word shift
def word_shift(corpus: "Corpus", a: Any, b: Any, *, by: str = "year", n: int | None = 20,
               ngram: int = 1, unit: Unit = "norm") -> pd.DataFrame:
    """The terms behind the JSD between periods ``a`` and ``b``: each term's additive contribution.

    The JSD of :func:`vocabulary_shift` is a sum over terms (see :func:`jsd_terms`); each term's part is
    never negative, so the table ranks the terms by how much of the divergence they carry, the way
    shifterator's JSD word shift does (Gallagher et al. 2021). ``direction`` says which period uses the
    term more: ``rising`` (more in ``b``) or ``falling``. A word absent from one period contributes
    ``share / 2`` bits; words of equal shares contribute nothing.

    Parameters
    ----------
    corpus : Corpus
    a, b : period values
        The earlier and the later period (e.g. a flagged pair of :func:`vocabulary_shift`).
    by : str, default "year"
    n : int or None, default 20
        The largest contributions to keep (None: every term of the two periods).
    ngram, unit
        As in :func:`vocabulary_shift`.

    Returns
    -------
    DataFrame
        ``from, to, term, count_from, count_to, share_from, share_to`` (shares of the period's counted
        terms), ``contribution`` (bits), ``share_of_jsd`` (contribution / JSD), ``cumulative_share``,
        ``direction``; largest contribution first (ties by term).
    """
    check_term_options(ngram, unit, 1)
    if n is not None:
        n = check_positive_int("n", n)
    corpus.check_by(by)
    ga, gb = (corpus.groups(by).index(v) for v in
              (resolve_groups(corpus, by, a, name="a")[0], resolve_groups(corpus, by, b, name="b")[0]))
    stream = word_stream(corpus, by, unit=unit)
    group, key, words, _ = ngram_keys(stream, ngram, exclude_stop=True)
    names = ngram_names(vocabulary(stream, ngram), words)
    ca = np.bincount(key[group == ga], minlength=len(names))
    cb = np.bincount(key[group == gb], minlength=len(names))
    support = np.flatnonzero((ca > 0) | (cb > 0))
    if ca.sum() == 0 or cb.sum() == 0:
        raise ParameterError(f"word_shift: {by} {a if ca.sum() == 0 else b!r} has no counted terms")
    ca, cb = ca[support], cb[support]
    parts = jsd_terms(ca, cb)[0]
    total = parts.sum()
    table = pd.DataFrame({
        "from": pd.Series([stream.groups[ga]] * len(support), dtype=object),
        "to": pd.Series([stream.groups[gb]] * len(support), dtype=object),
        "term": names[support].astype(object), "count_from": ca.astype(np.int64),
        "count_to": cb.astype(np.int64), "share_from": ca / ca.sum(), "share_to": cb / cb.sum(),
        "contribution": parts, "share_of_jsd": parts / total if total > 0 else np.nan,
    })
    table = table.sort_values(["contribution", "term"], ascending=[False, True], kind="mergesort")
    table["cumulative_share"] = table["share_of_jsd"].cumsum()
    table["direction"] = np.where(table["share_to"] > table["share_from"], "rising", "falling")
    table = table.reset_index(drop=True)[WORD_SHIFT_COLUMNS]
    return table if n is None else table.head(n)


def word_shifts(corpus: "Corpus", pairs: pd.DataFrame, *, by: str = "year", n: int = 20, ngram: int = 1,
                unit: Unit = "norm") -> pd.DataFrame:
    """:func:`word_shift` for every pair (``from``, ``to``) of a table, stacked: e.g. the flagged rows
    of :func:`vocabulary_shift` (``shift[shift["flag"]]``).

    Returns
    -------
    DataFrame
        The columns of :func:`word_shift`, pair after pair in the order of ``pairs``.
    """
    for col in ("from", "to"):
        if col not in pairs.columns:
            raise ParameterError(f"pairs lacks the column {col!r}; it has: {list(pairs.columns)}")
    frames = [word_shift(corpus, a, b, by=by, n=n, ngram=ngram, unit=unit)
              for a, b in zip(pairs["from"], pairs["to"])]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in WORD_SHIFT_COLUMNS})
    return pd.concat(frames, ignore_index=True)


# ----------------------------------------------------------------------------- rising and falling
def rising_falling(corpus: "Corpus", a: Any, b: Any, *, by: str = "year", n: int = 20,
                   alpha0: float = 1000.0, min_count: int = 3, ngram: int = 1, unit: Unit = "norm",
                   exclude_stop: bool = True) -> pd.DataFrame:
    """Terms rising and falling from period ``a`` to period ``b`` (weighted log-odds of b against a).

    The scores are those of :func:`discourse.measures.distinctive.distinctive_terms` with target ``b``
    and reference ``a`` (the prior is the whole corpus, every period). Rising terms have the largest
    positive z, falling terms the most negative.

    Parameters
    ----------
    corpus : Corpus
    a, b : period values
        The earlier and the later period (e.g. 2023, 2024).
    by : str, default "year"
    n : int, default 20
        Number of terms shown in each direction.
    alpha0, min_count, ngram, unit, exclude_stop
        As in :func:`~discourse.measures.distinctive.distinctive_terms`.

    Returns
    -------
    DataFrame
        ``direction`` (``rising`` or ``falling``) followed by the columns of ``distinctive_terms``
        (``count_target``, ``n_tokens_target`` ... refer to ``b``, ``*_reference`` to ``a``): the top
        ``n`` rising terms by z descending, then the top ``n`` falling terms by z ascending.

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words. Political Analysis, 16(4),
    372-403.
    """
    n = check_positive_int("n", n)
    resolve_groups(corpus, by, a, name="a")
    table = distinctive_terms(corpus, b, a, by=by, alpha0=alpha0, min_count=min_count, ngram=ngram,
                              unit=unit, exclude_stop=exclude_stop)
    rising = table[table["z"] > 0].head(n)
    falling = table[table["z"] < 0].sort_values(["z", "term"], kind="mergesort").head(n)
    out = pd.concat([rising.assign(direction="rising"), falling.assign(direction="falling")],
                    ignore_index=True)
    return out[["direction", *DISTINCTIVE_COLUMNS]]


# ----------------------------------------------------------------------------- trajectories
def term_trajectories(corpus: "Corpus", terms: str | list[str], *, by: str = "year",
                      unit: Unit = "norm") -> pd.DataFrame:
    """Count and rate per 1,000 word tokens of chosen words or phrases in every period.

    Each term is found by the one matcher of the package (:func:`discourse.measures.terms.find_phrase`,
    the matcher of :func:`discourse.measures.concordance.kwic`): case-insensitive, a hyphen or a space
    between the words of a phrase ("opening up" also finds "opening-up"), within one sentence, quotes
    read through and other punctuation breaking a phrase; stop words are kept, so "opening up" and
    "rule of law" are found. With ``unit="lemma"`` the words are matched against lemmas ("open up" also
    finds "opened up"). Rates are per 1,000 word tokens of the period; rates of small periods are noisy.

    Parameters
    ----------
    corpus : Corpus
    terms : str or list of str
        Words or phrases.
    by : str, default "year"
    unit : {"norm", "lemma"}, default "norm"

    Returns
    -------
    DataFrame
        ``term, <by>, count, n_tokens`` (word tokens of the period), ``n_content_tokens`` (those that
        are not stop words), ``per_1k`` (count per 1,000 word tokens): one row for every term and every
        period of ``corpus.groups(by)`` (zeros kept), terms in the order given.
    """
    check_choice("unit", unit, UNITS)
    corpus.check_by(by)
    items = [terms] if isinstance(terms, str) else list(terms)
    if not items or any(not isinstance(t, str) or not t.split() for t in items):
        raise ParameterError(f"terms must be a non-empty word or phrase or a list of them, got {terms!r}")
    queries = [query_pieces(t) for t in items]
    stream = word_stream(corpus, by, unit=unit)
    phrases = stream.pieces
    n_groups = len(stream.groups)
    rows = []
    for item, words in zip(items, queries):
        first, _ = find_phrase(phrases.pieces, words)
        g = phrases.group[first]
        rows.append(pd.DataFrame({"term": item, by: pd.Series(stream.groups, dtype=object),
                                  "count": np.bincount(g[g >= 0], minlength=n_groups).astype(np.int64),
                                  "n_tokens": stream.n_tokens,
                                  "n_content_tokens": stream.n_content_tokens}))
    table = pd.concat(rows, ignore_index=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["per_1k"] = np.where(table["n_tokens"] > 0, table["count"] / table["n_tokens"] * 1000,
                                   np.nan)
    return table
