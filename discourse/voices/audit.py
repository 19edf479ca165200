"""Auditing the voices: every voice with its size, the cue that first gave it, and how far one cue reached.

A voice is only as good as the cue that set it. A heading taken for a speaker, a slogan taken for a person
or a citation that never ends shows as one cue extending over very many sentences; :func:`voice_audit`
lists every voice of a corpus with its first cue and its longest run, and flags the voices where one cue
reaches over ``many`` sentences or more, for a reader to check.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from discourse.errors import ParameterError
from discourse.voices.people import MEETING, NARRATOR

__all__ = ["voice_audit", "AUDIT_COLUMNS", "MANY_SENTENCES"]

#: One cue reaching over this many sentences (its own included) flags its voice.
MANY_SENTENCES = 25
#: Columns of :func:`voice_audit`.
AUDIT_COLUMNS = ["speaker", "kind", "n_sentences", "n_documents", "n_cues", "first_cue", "first_doc_id",
                 "first_sent_id", "longest_run", "longest_run_cue", "longest_run_doc_id", "flagged"]


def voice_audit(sentences: pd.DataFrame, *, many: int = MANY_SENTENCES) -> pd.DataFrame:
    """Every voice of ``sentences`` with its first cue and the longest run of sentences a single cue gave it.

    A *run* starts at a sentence whose ``voice_cue`` is not empty and goes on over the following sentences of
    the same document that have the same speaker and an empty cue (they inherited the voice: a
    continuation, the rest of a turn, the words inside a quotation). Sentences that take a document's own
    speaker by default, or the narrator's, start no run: no cue decided them.

    Parameters
    ----------
    sentences : DataFrame
        The corpus ``sentences`` table (``doc_id, sent_id, speaker, voice_cue``), in reading order.
    many : int
        Flag a voice when one cue reaches over at least this many sentences (default ``MANY_SENTENCES``).
        A long turn of a transcript is such a run too; the flag asks for a look, it is not an error.

    Returns
    -------
    DataFrame
        ``speaker, kind`` (person, meeting, narrator), ``n_sentences, n_documents, n_cues`` (sentences with a
        cue), ``first_cue, first_doc_id, first_sent_id`` (the first sentence with a cue; empty and -1 for a
        voice no cue gave), ``longest_run, longest_run_cue, longest_run_doc_id`` (0 and empty without a
        cue) and ``flagged`` (``longest_run >= many``), ordered by ``n_sentences`` descending, then name.
    """
    if not isinstance(sentences, pd.DataFrame):
        raise ParameterError(f"sentences must be a DataFrame, got {type(sentences).__name__}")
    missing = [c for c in ("doc_id", "sent_id", "speaker", "voice_cue") if c not in sentences.columns]
    if missing:
        raise ParameterError(f"sentences has no column {missing[0]!r}; available: {', '.join(sentences.columns)}")
    if isinstance(many, bool) or not isinstance(many, (int, np.integer)) or many < 1:
        raise ParameterError(f"many must be an integer >= 1, got {many!r}")
    if not len(sentences):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in AUDIT_COLUMNS})
    doc = sentences["doc_id"].astype(str).to_numpy()
    speaker = sentences["speaker"].fillna("").astype(str).to_numpy()
    cue = sentences["voice_cue"].fillna("").astype(str).to_numpy()
    # run id: a new run at every cue; a sentence without a cue stays in the run before it only when the
    # document and the speaker are the same (else it belongs to no run: -1)
    runs = np.full(len(doc), -1, dtype=np.int64)
    current = -1
    for i in range(len(doc)):
        if cue[i]:
            current = i
        elif current >= 0 and (doc[i] != doc[current] or speaker[i] != speaker[current]):
            current = -1
        runs[i] = current
    frame = pd.DataFrame({"doc_id": doc, "sent_id": sentences["sent_id"].to_numpy(), "speaker": speaker,
                          "cue": cue, "run": runs})
    table = frame.groupby("speaker", sort=False).agg(n_sentences=("doc_id", "size"),
                                                     n_documents=("doc_id", "nunique"))
    cued = frame[frame["cue"] != ""]
    table["n_cues"] = cued.groupby("speaker").size().reindex(table.index).fillna(0).astype(int)
    first = cued.groupby("speaker").head(1).set_index("speaker")
    table["first_cue"] = first["cue"].reindex(table.index).fillna("")
    table["first_doc_id"] = first["doc_id"].reindex(table.index).fillna("")
    table["first_sent_id"] = first["sent_id"].reindex(table.index).fillna(-1).astype(int)
    in_runs = frame[frame["run"] >= 0]
    lengths = in_runs.groupby("run").size()
    starts = frame.loc[lengths.index, ["speaker", "doc_id", "cue"]].assign(length=lengths.to_numpy())
    longest = starts.sort_values("length", ascending=False, kind="mergesort").groupby("speaker").head(1)
    longest = longest.set_index("speaker")
    table["longest_run"] = longest["length"].reindex(table.index).fillna(0).astype(int)
    table["longest_run_cue"] = longest["cue"].reindex(table.index).fillna("")
    table["longest_run_doc_id"] = longest["doc_id"].reindex(table.index).fillna("")
    table["flagged"] = table["longest_run"] >= many
    table = table.reset_index()
    table["kind"] = table["speaker"].map(lambda s: s if s in (MEETING, NARRATOR) else "person")
    table = table.sort_values(["n_sentences", "speaker"], ascending=[False, True], kind="mergesort")
    return table[AUDIT_COLUMNS].reset_index(drop=True)
