"""Tests for discourse.voices.audit: every voice with its first cue and the longest run of one cue."""
from __future__ import annotations

import pandas as pd
import pytest

from discourse.errors import ParameterError
from discourse.voices.audit import AUDIT_COLUMNS, voice_audit


def _sentences(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["doc_id", "speaker", "voice_cue"])
    frame["sent_id"] = frame.groupby("doc_id").cumcount()
    return frame


def test_runs_first_cues_and_flags():
    sents = _sentences([
        ("a", "narrator", ""), ("a", "Li Ming", "Li Ming stressed"), ("a", "Li Ming", ""), ("a", "Li Ming", ""),
        ("a", "narrator", ""), ("a", "Li Ming", ""),                       # no cue before it in its run
        ("a", "meeting", "The meeting noted"), ("a", "meeting", ""),
        ("b", "meeting", ""),                                             # another document: no run
        ("b", "Li Ming", "Li said"), ("b", "Li Ming", ""),
        ("c", "Obama", ""), ("c", "Obama", ""),                           # a document speaker by default
    ])
    audit = voice_audit(sents, many=3).set_index("speaker")
    assert list(voice_audit(sents).columns) == AUDIT_COLUMNS
    li = audit.loc["Li Ming"]
    assert (li["n_sentences"], li["n_documents"], li["n_cues"]) == (6, 2, 2)
    assert (li["first_cue"], li["first_doc_id"], li["first_sent_id"]) == ("Li Ming stressed", "a", 1)
    assert (li["longest_run"], li["longest_run_cue"], li["longest_run_doc_id"], li["flagged"]) == \
        (3, "Li Ming stressed", "a", True)
    meeting = audit.loc["meeting"]
    assert (meeting["kind"], meeting["longest_run"], meeting["flagged"]) == ("meeting", 2, False)
    obama = audit.loc["Obama"]
    assert (obama["n_cues"], obama["first_cue"], obama["first_sent_id"], obama["longest_run"]) == (0, "", -1, 0)
    assert audit.loc["narrator", "kind"] == "narrator"
    assert list(audit.index) == ["Li Ming", "meeting", "Obama", "narrator"]  # by size, then name


def test_empty_and_bad_arguments():
    assert list(voice_audit(_sentences([])).columns) == AUDIT_COLUMNS
    with pytest.raises(ParameterError, match="voice_cue"):
        voice_audit(pd.DataFrame({"doc_id": [], "sent_id": [], "speaker": []}))
    with pytest.raises(ParameterError, match="many"):
        voice_audit(_sentences([("a", "x", "")]), many=0)
    with pytest.raises(ParameterError, match="DataFrame"):
        voice_audit([("a", "x", "")])
