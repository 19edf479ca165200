"""Templates learned from the corpus itself: lines that recur across its documents are boilerplate.

A site's header, menu, breadcrumb ("Open Governance"), footer or licence recurs on its pages whatever
the site, so :func:`learn_templates` finds them by counting, not from a list. Lines are those that
cleaning sees (:func:`discourse.text.clean.text_lines`, soft line breaks joined), compared by
:func:`~discourse.text.clean.line_key` (whitespace and case normalised). Lines that the whole-line rules
remove anyway, or that hold no letter, are passed over. A line that opens with a speaker label ("Mr
Speaker: Order.") or ends with a colon (a salutation, "同志们：", or what introduces the next line) is a
turn or part of the discourse, never a template. A line is a template of a document when it is

1. a *frequent line*: in at least :data:`TEMPLATE_MIN_SHARE` of the documents (30%; at least two), in a
   corpus of at least :data:`TEMPLATE_MIN_DOCS` documents (5) -- smaller corpora learn nothing, and
   cleaning falls back on the sample site's hand list of menu words;
2. part of a *shared block*: a run of at least :data:`BLOCK_MIN_LINES` consecutive lines (3) of the
   document, every two neighbours of which stand together, in that order, in at least
   :data:`BLOCK_MIN_DOCS` documents (3): a footer that one group of pages carries (the "WEB RESOURCES"
   block under four of 65 State of the Union addresses);
3. at an *edge*: at the head or at the foot of the document, continuing a run of template lines that
   starts at its first or last line, a line that stands next to the same neighbour in at least
   :data:`EDGE_MIN_DOCS` documents (2): the rest of a licence footer that only some pages carry (the
   pre-1931 licence under two CPC reports, above the "Public domain" lines that all carry).

Near-duplicate documents (``copies``) are left out of the counts, so that a page scraped twice does not
make its own body a template. What is learned for each document is the set of its template lines
(:attr:`Templates.per_document`), which cleaning removes (reason ``template``) and which is part of the
document's cache key.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Collection, Sequence

from discourse.text.clean import has_letters, line_key, line_reason, opens_with_speaker_label, text_lines

#: A corpus needs at least this many documents (not counting near-duplicates) to learn templates from.
TEMPLATE_MIN_DOCS = 5
#: A frequent line is in at least this share of the documents (and in two at least).
TEMPLATE_MIN_SHARE = 0.3
#: A shared block has at least this many lines ...
BLOCK_MIN_LINES = 3
#: ... every two neighbours of which stand together in at least this many documents.
BLOCK_MIN_DOCS = 3
#: A line at the head or foot that continues a run of template lines stands next to the same neighbour
#: in at least this many documents.
EDGE_MIN_DOCS = 2

_SKIP = None   # a line passed over (blank, removed by a rule, without letters)
_KEEP = ""     # a line that is never a template (a speaker's turn, a line ending with a colon)


@dataclass
class Templates:
    """What :func:`learn_templates` found.

    Attributes
    ----------
    n_documents : int
        Documents counted (near-duplicates left out).
    per_document : list of tuple of str
        For each text given, its template lines (as :func:`~discourse.text.clean.line_key` gives them),
        sorted.
    frequency : dict of str to int
        For every template line, the number of documents counted that hold it.
    kind : dict of str to str
        For every template line, the rule that first made it one: ``frequent line``, ``shared block``,
        ``edge of page``.
    """

    n_documents: int
    per_document: list[tuple[str, ...]]
    frequency: dict[str, int] = field(default_factory=dict)
    kind: dict[str, str] = field(default_factory=dict)

    def detail(self, key: str) -> str:
        """A line's rule and frequency as the ``removed`` table shows it ("frequent line: in 14 of 16
        documents")."""
        if key not in self.kind:
            return ""
        return f"{self.kind[key]}: in {self.frequency.get(key, 0)} of {self.n_documents} documents"


def _sequence(text: str, join: bool) -> list[str | None]:
    """The document's lines as keys, :data:`_SKIP` for lines passed over and :data:`_KEEP` for lines that
    are never templates."""
    out: list[str | None] = []
    for line in text_lines(text, join=join):
        t = line.text
        if not t or line_reason(t) is not None or not has_letters(t):
            continue
        out.append(_KEEP if t[-1] in ":：" or opens_with_speaker_label(t) else line_key(t))
    return out


def _pairs(seq: list[str | None]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in zip(seq, seq[1:]) if a and b}


def learn_templates(texts: Sequence[str], *, join: bool = True, copies: Collection[int] = ()
                    ) -> Templates | None:
    """Learn the template lines of a corpus (see the module docstring for the rules).

    Parameters
    ----------
    texts : sequence of str
        The documents' texts, as read.
    join : bool, default True
        Join soft line breaks first, as cleaning does with its ``joins`` step.
    copies : collection of int
        Positions of near-duplicate documents (the later copy of each pair), left out of the counts.

    Returns
    -------
    Templates or None
        None when fewer than :data:`TEMPLATE_MIN_DOCS` documents are counted.
    """
    seqs = [_sequence(text, join) for text in texts]
    counted = [i for i in range(len(seqs)) if i not in set(copies)]
    n = len(counted)
    if n < TEMPLATE_MIN_DOCS:
        return None
    df: Counter = Counter()
    pair_df: Counter = Counter()
    for i in counted:
        df.update({k for k in seqs[i] if k})
        pair_df.update(_pairs(seqs[i]))
    need = max(2, math.ceil(TEMPLATE_MIN_SHARE * n - 1e-9))
    frequent = {k for k, c in df.items() if c >= need}
    kind: dict[str, str] = {k: "frequent line" for k in frequent}

    per_document: list[tuple[str, ...]] = []
    for seq in seqs:
        found = {j for j, k in enumerate(seq) if k in frequent}
        # shared blocks: chains of neighbours that stand together in BLOCK_MIN_DOCS documents
        j = 0
        while j < len(seq):
            m = j
            while m + 1 < len(seq) and seq[m] and seq[m + 1] and pair_df[(seq[m], seq[m + 1])] >= BLOCK_MIN_DOCS:
                m += 1
            if m - j + 1 >= BLOCK_MIN_LINES:
                for p in range(j, m + 1):
                    found.add(p)
                    kind.setdefault(seq[p], "shared block")  # type: ignore[arg-type]
            j = m + 1
        # edges: runs of template lines from the first and from the last line, continued by neighbours
        for order in (range(len(seq)), range(len(seq) - 1, -1, -1)):
            prev = None
            for p in order:
                key = seq[p]
                if not key:
                    break
                if p in found:
                    prev = p
                    continue
                pair = (key, seq[prev]) if prev is not None and prev > p else (seq[prev], key) if prev is not None else None
                if pair is not None and pair_df[pair] >= EDGE_MIN_DOCS:
                    found.add(p)
                    kind.setdefault(key, "edge of page")
                    prev = p
                    continue
                break
        per_document.append(tuple(sorted({seq[p] for p in found})))  # type: ignore[misc]
    lines = {k for keys in per_document for k in keys}
    return Templates(n_documents=n, per_document=per_document,
                     frequency={k: df[k] for k in lines}, kind={k: kind[k] for k in lines})
