"""Lexical profile of each group: size, vocabulary, MATTR, sentence length and directive share."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from discourse.measures.terms import doc_positions, sentence_groups, sentence_rows, text_order, word_stream
from discourse.validate import check_positive_int

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from discourse.corpus.model import Corpus

PROFILE_COLUMNS = ["n_documents", "n_sentences", "n_tokens", "n_types", "ttr", "mattr",
                   "mean_sentence_length", "directive_sentence_share"]


def mattr_by_group(group: np.ndarray, term: np.ndarray, n_groups: int, *, window: int = 500,
                   return_types: bool = False) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Moving-average type-token ratio of each group's token sequence, without a loop over windows.

    For every group of length L the window is ``W = min(window, L)``. The number of distinct types in
    window ``[s, s + W)`` equals the number of its positions p whose previous occurrence of the same
    type, ``prev[p]``, lies before s. Summed over all windows, position p is counted once for every s
    with ``max(p - W + 1, prev[p] + 1, 0) <= s <= min(p, L - W)``, so the total is a sum of interval
    lengths, and MATTR = total / ((L - W + 1) * W).

    Parameters
    ----------
    group : ndarray of int
        Group code of every token, tokens of a group in text order (groups may interleave).
    term : ndarray of int
        Type code of every token.
    n_groups : int
        Number of groups (codes 0 .. n_groups - 1); tokens with code -1 are ignored.
    window : int, default 500

    return_types : bool, default False
        Also return the number of distinct types of each group.

    Returns
    -------
    ndarray
        MATTR per group (NaN for an empty group); with ``return_types``, a pair (MATTR, types).
    """
    ok = group >= 0
    g = group[ok]
    t = term[ok]
    out = np.full(n_groups, np.nan)
    if len(g) == 0:
        return (out, np.zeros(n_groups, dtype=np.int64)) if return_types else out
    order = np.argsort(g, kind="stable")          # group's tokens stay in text order
    g = g[order]
    t = t[order]
    lengths = np.bincount(g, minlength=n_groups)
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    pos = np.arange(len(g)) - offsets[g]           # position within the group
    # same group and type together, in text order (a stable sort keeps positions increasing)
    by_type = np.argsort(g * (int(t.max()) + 1) + t, kind="stable")
    prev = np.full(len(g), -1, dtype=np.int64)
    same = (g[by_type][1:] == g[by_type][:-1]) & (t[by_type][1:] == t[by_type][:-1])
    prev[by_type[1:][same]] = pos[by_type[:-1][same]]
    L = lengths[g]
    W = np.minimum(window, L)
    lo = np.maximum.reduce([pos - W + 1, prev + 1, np.zeros_like(pos)])
    hi = np.minimum(pos, L - W)
    counted = np.clip(hi - lo + 1, 0, None)
    total = np.bincount(g, weights=counted, minlength=n_groups)
    w_g = np.minimum(window, lengths)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = total / ((lengths - w_g + 1) * w_g)
    out[lengths == 0] = np.nan
    if return_types:
        return out, np.bincount(g[prev < 0], minlength=n_groups)
    return out


def lexical_profile(corpus: "Corpus", *, by: str = "speaker", window: int = 500) -> pd.DataFrame:
    """Size, vocabulary richness, sentence length and directive share of each group.

    Definitions:

    - ``n_tokens``: word tokens (punctuation and numbers excluded); ``n_types``: distinct lower-cased
      word forms (norms), stop words included;
    - ``ttr`` = n_types / n_tokens. **Length-sensitive**: TTR falls as a group grows, so groups of
      different sizes cannot be compared on it;
    - ``mattr``: moving-average TTR (Covington & McFall 2010), the mean TTR of every window of
      ``window`` consecutive word tokens of the group (or of the whole group, if smaller). The group's
      tokens are taken in text order (documents in corpus order, sentences, tokens) and windows run
      across sentence and document boundaries. MATTR is stable for groups longer than the window; for
      groups shorter than it, it equals the TTR and is length-sensitive like it;
    - ``mean_sentence_length``: word tokens per sentence, over the group's sentences that contain at
      least one word token;
    - ``directive_sentence_share``: share of the group's sentences with at least one directive verb of a
      category other than ``commitment`` (from ``corpus.directives``);
    - ``n_documents``: documents in which the group has at least one sentence; ``n_sentences``: all of
      the group's sentences.

    Parameters
    ----------
    corpus : Corpus
    by : str, default "speaker"
        Group column (sentence or document column).
    window : int, default 500
        MATTR window in word tokens.

    Returns
    -------
    DataFrame
        ``<by>, n_documents, n_sentences, n_tokens, n_types, ttr, mattr, mean_sentence_length,
        directive_sentence_share``, one row per group in ``corpus.groups(by)`` order.

    References
    ----------
    Covington, M. A., & McFall, J. D. (2010). Cutting the Gordian knot: The moving-average type-token
    ratio (MATTR). Journal of Quantitative Linguistics, 17(2), 94-100.
    """
    corpus.check_by(by)
    window = check_positive_int("window", window)
    tokens = text_order(corpus)
    stream = word_stream(corpus, by, unit="norm", tokens=tokens)
    groups = stream.groups
    n_groups = len(groups)
    ok = stream.group >= 0

    n_tokens = stream.n_tokens
    mattr, n_types = mattr_by_group(stream.group, stream.term, n_groups, window=window,
                                    return_types=True)

    sents = corpus.sentences
    sent_group = sentence_groups(corpus, by, groups)
    keep = sent_group >= 0
    n_sentences = np.bincount(sent_group[keep], minlength=n_groups)
    s_doc = doc_positions(corpus, sents["doc_id"], table="sentences")
    width = len(corpus.documents) + 1
    pairs = np.unique(sent_group[keep] * width + s_doc[keep])
    n_documents = np.bincount(pairs // width, minlength=n_groups)

    # sentences with at least one word token, per group (stream.sentence is in text order)
    sentence = stream.sentence[ok]
    new = np.ones(len(sentence), dtype=bool)
    new[1:] = sentence[1:] != sentence[:-1]
    n_sent_words = np.bincount(stream.group[ok][new], minlength=n_groups)

    hits = corpus.directives
    hits = hits[hits["category"] != "commitment"]
    flagged = np.zeros(len(sents), dtype=bool)
    if len(hits):
        rows = sentence_rows(corpus, doc_positions(corpus, hits["doc_id"], table="directives"),
                             hits["sent_id"].to_numpy(dtype=np.int64), table="directives")
        flagged[rows] = True
    n_directive = np.bincount(sent_group[keep & flagged], minlength=n_groups)

    with np.errstate(divide="ignore", invalid="ignore"):
        table = pd.DataFrame({
            by: pd.Series(groups, dtype=object),
            "n_documents": n_documents.astype(np.int64),
            "n_sentences": n_sentences.astype(np.int64),
            "n_tokens": n_tokens.astype(np.int64),
            "n_types": n_types.astype(np.int64),
            "ttr": np.where(n_tokens > 0, n_types / n_tokens, np.nan),
            "mattr": mattr,
            "mean_sentence_length": np.where(n_sent_words > 0, n_tokens / n_sent_words, np.nan),
            "directive_sentence_share": np.where(n_sentences > 0, n_directive / n_sentences, np.nan),
        })
    return table
