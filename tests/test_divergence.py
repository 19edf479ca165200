"""Divergences: JSD terms against scipy, permutations and bootstraps of units, the robust z by hand."""
from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse
from scipy.spatial.distance import jensenshannon

from discourse.measures.divergence import bootstrap_jsd, jsd_bits, jsd_terms, permutation_jsd, robust_z


def test_jsd_terms_add_up_to_scipys_jsd():
    rng = np.random.default_rng(0)
    p, q = rng.random((3, 40)), rng.random((3, 40))
    q[:, :5] = 0
    assert np.allclose(jsd_terms(p, q).sum(axis=1), jensenshannon(p, q, base=2, axis=1) ** 2)
    assert np.allclose(jsd_bits(p, q), jensenshannon(p, q, base=2, axis=1) ** 2)
    assert (jsd_terms(p, q) >= 0).all()


def test_permutations_keep_the_sides_sizes_and_bootstraps_their_own_units():
    # four units: two of word 0 only, two of word 1 only; the observed split (0, 1 | 2, 3) is the only
    # one, with its mirror, that gives JSD 1
    units = sparse.csr_matrix(np.array([[3, 0], [3, 0], [0, 3], [0, 3]], dtype=float))
    perm = permutation_jsd(units, 2, n_perm=300, rng=np.random.default_rng(1))
    assert set(np.round(perm, 6)) <= {0.0, 1.0}
    assert np.mean(perm == 1.0) == pytest.approx(2 / 6, abs=0.08)       # 2 of the C(4, 2) = 6 splits
    boot = bootstrap_jsd(units, 2, n_boot=50, rng=np.random.default_rng(1))
    assert np.allclose(boot, 1.0)          # each side resampled from its own units stays disjoint


def test_robust_z_by_hand():
    values = np.array([1.0, 2.0, 3.0, 4.0, 100.0])
    ordinary = np.array([True, True, True, True, False])
    z = robust_z(values, ordinary)
    # ordinary values 1..4: median 2.5, MAD 1 -> scale 1.4826
    assert z[4] == pytest.approx((100 - 2.5) / 1.4826)
    assert z[0] == pytest.approx(-1.5 / 1.4826)
    noisy = robust_z(values, ordinary, noise=np.array([0, 0, 0, 0, 9.0]))
    assert noisy[4] == pytest.approx((100 - 2.5) / np.sqrt(1.4826 ** 2 + 9.0))
    windowed = robust_z(values, ordinary, window=1)
    assert np.isnan(windowed[0])                       # only two ordinary values within one place
    assert np.isnan(robust_z(values[:2], ordinary[:2])).all()
