"""Near-duplicate documents: the same release on two sites, a page scraped twice with a changed line.

Exact duplicates (the same text after whitespace normalisation) are dropped when a folder is read; a near
duplicate is kept and flagged. Similarity is the Jaccard index of the documents' sets of shingles: runs of
:data:`SHINGLE_SIZE` consecutive tokens (a Latin word lower-cased, a run of digits, or one Chinese
character, so that no segmentation is needed) of the whole text. Templates are not left out: they are
learned with near duplicates left out of the counts (a folder of six copies of one page would otherwise
make the page a template of itself), and a site's template adds little to the similarity of two pages
with a body (about 0.1 for a 300-word body under a 100-word template).
A document is a near duplicate of the earlier document most similar to it when that similarity is at least
:data:`NEAR_DUPLICATE_MIN`.

How: exact similarities for every pair of documents, from a sparse document-by-shingle matrix multiplied
by its transpose, one block of :data:`BLOCK_ROWS` documents at a time (memory bounded whatever the
corpus). Measured against MinHash (datasketch 2.0, 128 permutations, with MinHashLSH at the same
threshold) on the three public corpora together (140 documents, 3.2M characters; best of three on the
two-core machine): finding the shingles takes 0.55-0.7 s either way; the exact pairs then take about
0.1 s more, MinHash signatures and LSH 1.4-1.6 s more, and their estimates are off the exact value by up
to 0.03. Exact is faster at these sizes, needs no new dependency, and gives the value a reader can check;
MinHash with LSH would earn its place for corpora of hundreds of thousands of documents.
"""
from __future__ import annotations

import re
from itertools import chain
from typing import Sequence

import numpy as np
import pandas as pd

#: Tokens per shingle.
SHINGLE_SIZE = 5
#: A document is flagged when its Jaccard similarity with an earlier one is at least this. On the public
#: corpora the most similar pair of different documents has 0.13 (the CPC reports of 2017 and 2022,
#: which share long formulations); a text that repeats another with one paragraph in ten changed keeps
#: about 0.7-0.8 (see the tests).
NEAR_DUPLICATE_MIN = 0.6
#: Documents whose similarities are computed at once.
BLOCK_ROWS = 256

_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W\d_\u3400-\u9fff\uf900-\ufaff]+|\d+")
#: The same tokens in ASCII text (letters, digits), found several times faster.
_ASCII_TOKEN = re.compile(r"[a-z]+|[0-9]+")
_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)


def _shingle_sets(texts: Sequence[str]) -> list[np.ndarray]:
    """The distinct shingle hashes (uint64) of each text.

    The tokens of every text are numbered at once (:func:`pandas.factorize` over the whole corpus), and
    the numbers of :data:`SHINGLE_SIZE` consecutive tokens are combined polynomially modulo 2**64.
    Numbering them in one vectorised call, rather than through a Python dictionary token by token, made
    the shingles of the 1M-word benchmark corpus about twice as fast (1.1 s to 0.5 s, most of what is
    left the regular expression that finds the tokens).
    """
    words = [(_ASCII_TOKEN if text.isascii() else _TOKEN).findall(text.casefold()) for text in texts]
    lengths = np.array([len(w) for w in words], dtype=np.int64)
    if not lengths.sum():
        return [np.zeros(0, dtype=np.uint64) for _ in texts]
    codes, _ = pd.factorize(np.array(list(chain.from_iterable(words)), dtype=object))
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    out = []
    for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        ids = codes[a:b].astype(np.uint64)
        if not len(ids):
            out.append(np.zeros(0, dtype=np.uint64))
            continue
        k = min(SHINGLE_SIZE, len(ids))
        h = np.zeros(len(ids) - k + 1, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for j in range(k):  # a polynomial hash of the k token numbers, modulo 2**64
                h = h * np.uint64(1_000_003) + ids[j:len(ids) - k + 1 + j] + np.uint64(1)
        out.append(np.unique(h & _MASK))
    return out


def near_duplicates(texts: Sequence[str], *, threshold: float = NEAR_DUPLICATE_MIN
                    ) -> list[tuple[int, int, float]]:
    """Find the documents that nearly repeat an earlier one.

    Parameters
    ----------
    texts : sequence of str
        The documents' texts, in the corpus's order.
    threshold : float, default :data:`NEAR_DUPLICATE_MIN`
        The smallest Jaccard similarity flagged.

    Returns
    -------
    list of (int, int, float)
        ``(later, earlier, similarity)``: the position of a near duplicate, of the earlier document it is
        most similar to, and their Jaccard similarity; ordered by ``later``.
    """
    from scipy import sparse

    sets = _shingle_sets(texts)
    sizes = np.array([len(s) for s in sets], dtype=np.int64)
    if len(sets) < 2 or not sizes.any():
        return []
    _, columns = np.unique(np.concatenate(sets), return_inverse=True)
    rows = np.repeat(np.arange(len(sets)), sizes)
    matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, columns)),
                               shape=(len(sets), int(columns.max()) + 1))
    found: list[tuple[int, int, float]] = []
    for a in range(0, len(sets), BLOCK_ROWS):
        block = (matrix[a:a + BLOCK_ROWS] @ matrix[:a + BLOCK_ROWS].T).tocoo()
        later, earlier = block.row + a, block.col
        keep = earlier < later
        later, earlier, common = later[keep], earlier[keep], block.data[keep].astype(np.float64)
        similarity = common / (sizes[later] + sizes[earlier] - common)
        best: dict[int, tuple[float, int]] = {}
        for i, j, s in zip(later.tolist(), earlier.tolist(), similarity.tolist()):
            if s >= threshold and (i not in best or s > best[i][0]):
                best[i] = (s, j)
        found += [(i, j, round(s, 4)) for i, (s, j) in sorted(best.items())]
    return found
