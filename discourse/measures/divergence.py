"""Divergence between two term distributions, and how to read it: the Jensen-Shannon divergence and its
additive terms, a resampling baseline, a permutation test and a bootstrap of units, and the robust
z-score that sets one pair against the ordinary pairs of a series (see
:mod:`discourse.measures.shift` for how the vocabulary-shift measures use them).
"""
from __future__ import annotations

import numpy as np
from scipy import sparse

#: MAD of a normal sample x 1.4826 estimates its standard deviation.
MAD_SCALE = 1.4826


def jsd_bits(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Jensen-Shannon divergence in bits between the rows of ``p`` and ``q`` (counts or shares).

    Rows are normalised to sum to one. Returns the divergence (the square of the Jensen-Shannon
    distance), in [0, 1].
    """
    p = np.atleast_2d(np.asarray(p, dtype=float))
    q = np.atleast_2d(np.asarray(q, dtype=float))
    p = p / p.sum(axis=1, keepdims=True)
    q = q / q.sum(axis=1, keepdims=True)
    m = (p + q) / 2.0
    return np.clip((_kl_parts(p, m).sum(axis=1) + _kl_parts(q, m).sum(axis=1)) / 2.0, 0.0, 1.0)


def jsd_terms(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Each term's additive part of the JSD (bits) between the rows of ``p`` and ``q``.

    ``jsd_terms(p, q).sum(axis=1)`` is the JSD: with shares p, q and m = (p + q) / 2, term w adds
    ``p_w log2(p_w / m_w) / 2 + q_w log2(q_w / m_w) / 2`` (0 log 0 = 0), which is never negative, so the
    terms rank the words by how much of the divergence they carry (the decomposition behind
    shifterator's JSD word shift, Gallagher et al. 2021).
    """
    p = np.atleast_2d(np.asarray(p, dtype=float))
    q = np.atleast_2d(np.asarray(q, dtype=float))
    with np.errstate(invalid="ignore", divide="ignore"):
        p = p / p.sum(axis=1, keepdims=True)
        q = q / q.sum(axis=1, keepdims=True)
    m = (p + q) / 2.0
    return (_kl_parts(p, m) + _kl_parts(q, m)) / 2.0


def _kl_parts(x: np.ndarray, m: np.ndarray) -> np.ndarray:
    """``x * log2(x / m)`` elementwise, 0 where ``x`` is not positive (the logarithm taken only there)."""
    positive = x > 0
    factor = np.zeros_like(x)
    np.divide(x, m, out=factor, where=positive)
    np.log2(factor, out=factor, where=positive)
    np.multiply(x, factor, out=factor)
    return factor


def jsd_baseline(counts_a: np.ndarray, counts_b: np.ndarray, *, n_boot: int,
                 rng: np.random.Generator) -> np.ndarray:
    """JSD of ``n_boot`` pairs of samples of the two sizes drawn from the pooled distribution."""
    n_a = int(counts_a.sum())
    n_b = int(counts_b.sum())
    pooled = (counts_a + counts_b).astype(float)
    pooled /= pooled.sum()
    out = np.empty(n_boot)
    batch = max(1, int(4_000_000 // max(len(pooled), 1)))
    for lo in range(0, n_boot, batch):
        size = min(batch, n_boot - lo)
        sa = rng.multinomial(n_a, pooled, size=size)
        sb = rng.multinomial(n_b, pooled, size=size)
        out[lo:lo + size] = jsd_bits(sa, sb)
    return out


def permutation_jsd(units: sparse.csr_matrix, n_first: int, *, n_perm: int,
                    rng: np.random.Generator) -> np.ndarray:
    """JSD between two sides after ``n_perm`` random reassignments of the rows of ``units``.

    ``units`` holds one row of term counts per unit (document or sentence) of both periods; each
    permutation gives ``n_first`` random rows to the first side and the rest to the second.
    """
    n_units = units.shape[0]
    total = np.asarray(units.sum(axis=0)).ravel()
    by_term = units.T.tocsr()
    out = np.empty(n_perm)
    batch = max(1, min(n_perm, int(4_000_000 // max(units.shape[1], 1))))
    for lo in range(0, n_perm, batch):
        size = min(batch, n_perm - lo)
        pick = np.argsort(rng.random((size, n_units)), axis=1)[:, :n_first]
        chosen = np.zeros((n_units, size))
        chosen[pick.T, np.arange(size)[None, :]] = 1.0
        side_a = np.asarray(by_term @ chosen).T
        out[lo:lo + size] = jsd_bits(side_a, total[None, :] - side_a)
    return out


def bootstrap_jsd(units: sparse.csr_matrix, n_first: int, *, n_boot: int,
                  rng: np.random.Generator) -> np.ndarray:
    """JSD between two sides each resampled ``n_boot`` times from its own units, with replacement.

    The first ``n_first`` rows of ``units`` are the first side's units, the rest the second's. The
    spread of these JSDs is the pair's sampling error with the periods as they are (under a real
    difference the JSD varies far more than under the permutations' "no difference").
    """
    n_units = units.shape[0]
    by_term = units.T.tocsr()
    sides = (np.arange(n_first), np.arange(n_first, n_units))
    out = np.empty(n_boot)
    batch = max(1, min(n_boot, int(4_000_000 // max(units.shape[1], 1))))
    for lo in range(0, n_boot, batch):
        size = min(batch, n_boot - lo)
        counts = []
        for rows in sides:
            weights = np.zeros((n_units, size))
            draws = rows[rng.integers(0, len(rows), size=(size, len(rows)))]
            np.add.at(weights, (draws.T, np.arange(size)[None, :]), 1.0)
            counts.append(np.asarray(by_term @ weights).T)
        out[lo:lo + size] = jsd_bits(counts[0], counts[1])
    return out


def robust_z(values: np.ndarray, ordinary: np.ndarray, *, noise: np.ndarray | None = None,
             window: int | None = None) -> np.ndarray:
    """Robust z of each value against the median and scaled MAD of the ``ordinary`` values.

    With ``noise`` (each value's own sampling variance), a value is divided by
    ``sqrt(mad ** 2 + noise)``: it must stand out both from the spread of the ordinary values and from
    its own noise. With ``window``, each value is set against the ordinary values within ``window``
    positions either side (itself included). NaN where fewer than three ordinary values are at hand or
    the scale is 0.
    """
    values = np.asarray(values, dtype=float)
    own = np.zeros(len(values)) if noise is None else np.asarray(noise, dtype=float)
    out = np.full(len(values), np.nan)
    for i in range(len(values)):
        lo, hi = (0, len(values)) if window is None else (max(0, i - window), i + window + 1)
        ref = values[lo:hi][ordinary[lo:hi] & np.isfinite(values[lo:hi])]
        if len(ref) < 3:
            continue
        med = np.median(ref)
        scale = np.sqrt((np.median(np.abs(ref - med)) * MAD_SCALE) ** 2 + own[i])
        if scale > 0:
            out[i] = (values[i] - med) / scale
    return out
