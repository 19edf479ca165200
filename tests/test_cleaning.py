"""Tests for discourse.processing.cleaning and the cleaning of whole corpora (issue 14), with the
out-of-sample figures: fixtures and the sample corpus (development part), public corpora (test part)."""
from __future__ import annotations

import csv
import re
import warnings
from collections import Counter
from pathlib import Path

import pytest
from _cleaning_fixtures import (
    chinese_series,
    glued_repeats,
    placeholder_page,
    portal_pages,
    truth_of,
)
from _metrics import record_metric

from discourse.corpus.schema import Document
from discourse.errors import CorpusWarning
from discourse.processing.cleaning import learn_from_corpus
from discourse.processing.document import default_settings
from discourse.processing.keys import document_key
from discourse.processing.load import from_texts, load_corpus
from discourse.text.analyze import split_sentences
from discourse.text.clean import text_language

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
GOLD = Path(__file__).parent / "data" / "cleaning_public_gold.tsv"
PATTERN = r"(?P<year>\d{4})-(?P<speaker>[A-Za-z]+)"


def _quiet(**kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return from_texts(**kwargs)


def _portal():
    return _quiet(texts=[{"doc_id": d, "text": t} for d, t, _ in portal_pages()], cache=False, workers=1)


def test_site_templates_removed_and_titles_are_headlines(tmp_path):
    for doc_id, text, _ in portal_pages():
        (tmp_path / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        corpus = load_corpus(tmp_path, cache=False, workers=1)
    removed = corpus.removed
    assert set(removed["reason"]) == {"template"}
    assert removed.groupby("doc_id").size().eq(5).all()
    assert set(removed["detail"]) == {"frequent line: in 20 of 20 documents"}
    # reading took the first short line ("Xanadu Provincial Portal") as the title: a template, so the
    # processed headline replaces it
    titles = corpus.documents.set_index("doc_id")["title"]
    assert titles["page00"] == "Vice Governor Li inspects rice seedlings in Deyang"
    assert not titles.str.contains("Open Governance|Xanadu").any()
    assert "Open Governance" not in " ".join(corpus.sentences["text"])


def _other_site(n: int) -> list[Document]:
    return [Document(f"other{i}", f"other{i}.txt", f"Bulletin {i} of the water board.\nLevel {i * 13} cm at "
                     f"gauge {i}, {['rising', 'falling', 'steady', 'high'][i % 4]} since {i + 2} days.", "utf-8", {})
            for i in range(n)]


def test_the_cache_key_follows_what_was_learned(tmp_path):
    pages = [Document(d, f"{d}.txt", t, "utf-8", {}) for d, t, _ in portal_pages()]
    settings = default_settings()
    steps = settings["clean"]
    small = learn_from_corpus(pages[:1] + _other_site(4), steps).documents   # the portal lines: in 1 of 5
    large = learn_from_corpus(pages + _other_site(4), steps).documents       # in 20 of 24: templates
    assert small[0].templates == () and len(large[0].templates) == 5
    assert document_key(small[0], settings) != document_key(large[0], settings)
    # a page holding none of the learned lines keeps its key
    assert small[1].templates == large[-4].templates == ()
    assert document_key(small[1], settings) == document_key(large[-4], settings)
    # so a page cached before its template was learned is processed again
    cache = tmp_path / "cache"
    records = [{"doc_id": d.doc_id, "text": d.text} for d in pages[:1] + _other_site(4)]
    first = _quiet(texts=records, cache=cache, workers=1)
    assert "Open Governance" in " ".join(first.sentences["text"])
    records = [{"doc_id": d.doc_id, "text": d.text} for d in pages + _other_site(4)]
    later = _quiet(texts=records, cache=cache, workers=1)
    page0 = later.sentences[later.sentences["doc_id"] == "page00"]
    assert "Open Governance" not in " ".join(page0["text"]) and len(page0)


def test_every_step_is_switchable_and_part_of_the_settings():
    text, _ = glued_repeats()
    on = _quiet(texts={"a": text}, cache=False, workers=1)
    off = _quiet(texts={"a": text}, clean={"repeats": False}, cache=False, workers=1)
    assert "repeats" in on.settings["clean"] and "repeats" not in off.settings["clean"]
    assert len(off.sentences) > len(on.sentences)
    assert on.removed.loc[0, "reason"] == "repeated passage"
    none = _quiet(texts={"a": text}, clean=False, cache=False, workers=1)
    assert none.settings["clean"] == [] and none.removed.empty


def test_tokens_removed_per_document_in_documents_and_load_report(tmp_path):
    text, _ = placeholder_page()
    (tmp_path / "2020-Tan.txt").write_text(text, encoding="utf-8")
    (tmp_path / "2021-Tan.txt").write_text("The Minister moved the Bill. The House agreed.", encoding="utf-8")
    with pytest.warns(CorpusWarning) as caught:
        corpus = load_corpus(tmp_path, pattern=PATTERN, cache=False, workers=1)
    assert len(caught) == 1 and "heavily cleaned" not in str(caught[0].message)
    doc = corpus.documents.set_index("doc_id").loc["2020-Tan"]
    assert doc["n_removed_tokens"] == 200 * 6          # "Please refer to the Hansard document.": 6 words
    assert doc["removed_share"] == round(1200 / (1200 + doc["n_tokens"]), 4)
    row = corpus.load_report.set_index("path").loc["2020-Tan.txt"]
    assert (row["n_tokens"], row["n_removed_tokens"], row["removed_share"]) == (
        doc["n_tokens"], 1200, doc["removed_share"])
    assert "stub" in corpus.load_report.set_index("path").loc["2021-Tan.txt", "notices"]
    summary = corpus.summary()
    assert "placeholder 200 (1200 tokens)" in summary and "Outliers (1; corpus.outliers):" in summary


def test_chinese_series_with_licence_footer_and_traditional_script():
    corpus = _quiet(texts=[{"doc_id": d, "text": t, "year": int(d[:4])} for d, t, _ in chinese_series()],
                    cache=False, workers=1)
    docs = corpus.documents.set_index("doc_id")
    assert (docs["language"] == "zh").all()                    # the English licence is gone
    assert docs.loc["1970-report", "script"] == "traditional"
    assert set(corpus.removed["reason"]) == {"template"}
    tokens = corpus.tokens[corpus.tokens["doc_id"] == "1970-report"]
    pairs = dict(zip(tokens["token"], tokens["norm"]))
    assert pairs["恢復"] == "恢复" and pairs["社會主義"] == "社会主义" and pairs["必須"] == "必须"
    sentences = corpus.sentences[corpus.sentences["doc_id"] == "1970-report"]
    assert sentences["text"].iloc[0] == "我們必須恢復社會主義經濟，發展生產。"   # text keeps the original
    assert set(sentences["script"]) == {"traditional"}
    kinds = corpus.outliers[["kind", "doc_id"]].values.tolist()
    assert ["script change", "1970-report"] in kinds and ["script change", "1980-report"] in kinds


def test_near_duplicates_are_flagged_with_their_similarity():
    pages = portal_pages()
    texts = [{"doc_id": d, "text": t} for d, t, _ in pages]
    copy = pages[3][1].replace("asked for support", "asked for more support")
    texts.append({"doc_id": "page03-rescrape", "text": copy})
    corpus = _quiet(texts=texts, cache=False, workers=1)
    docs = corpus.documents.set_index("doc_id")
    assert docs.loc["page03-rescrape", "near_duplicate_of"] == "page03"
    assert 0.8 < docs.loc["page03-rescrape", "similarity"] < 1
    assert (docs.drop(index="page03-rescrape")["near_duplicate_of"] == "").all()
    assert ["near duplicate", "page03-rescrape"] in corpus.outliers[["kind", "doc_id"]].values.tolist()


# --- the sample corpus: no real content removed ---------------------------------------------------------
#: Boilerplate lines of the sample corpus, checked by hand (file prefix: line numbers).
SAMPLE_BOILERPLATE = {"000": {9, 10, 11, 12}, "001": {4}, "002": {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 23, 24, 25, 26, 27},
                      "003": {2, 24, 26}, "004": set()}


def _norm(text: str) -> str:
    return "".join(text.translate(str.maketrans("‘’“”", "''\"\"")).split())


def test_cleaning_keeps_every_sentence_of_the_sample_corpus_body(sichuan_dir):
    corpus = load_corpus(sichuan_dir, cache=False, workers=1)
    kept = {d: _norm("".join(g["text"])) for d, g in corpus.sentences.groupby("doc_id")}
    lost = []
    for path in sorted(sichuan_dir.glob("*.txt")):
        body = kept[path.stem]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = " ".join(line.split())
            if not line.strip(" ?\u00a0") or n in SAMPLE_BOILERPLATE[path.name[:3]]:
                continue
            for start, end in split_sentences(line, text_language(line)):
                if _norm(line[start:end]) not in body:
                    lost.append((path.name, n, line[start:end]))
    assert lost == []
    judged = truth_of(corpus, {next(sichuan_dir.glob(f"{p}_*.txt")).stem: lines
                               for p, lines in SAMPLE_BOILERPLATE.items()})
    fixtures = _dev_fixture_judgement()
    total = {k: judged[k] + fixtures[k] for k in judged}
    record_metric("cleaning (dev: fixtures + data/sichuan), removed lines", **total,
                  precision=total["right"] / max(1, total["right"] + total["wrong"]),
                  recall=total["right"] / max(1, total["right"] + total["missed"]))
    assert judged == {"right": 23, "wrong": 0, "missed": 0}


def _dev_fixture_judgement() -> dict[str, int]:
    """Each fixture loaded as its own corpus, as a folder of it would be."""
    total = Counter()
    sets = [portal_pages(), chinese_series(), [("glued", *glued_repeats())], [("placeholders", *placeholder_page())]]
    for fixture in sets:
        corpus = _quiet(texts=[{"doc_id": d, "text": t} for d, t, _ in fixture], cache=False, workers=1)
        total.update(truth_of(corpus, {d: lines for d, _, lines in fixture}))
    assert total["wrong"] == 0 and total["missed"] == 0
    return {k: total[k] for k in ("right", "wrong", "missed")}


# --- the public corpora: the test part, judged by hand, never tuned on -------------------------------------
@pytest.mark.skipif(not SHARED.is_dir(), reason="the public corpora are not beside the repository")
def test_public_corpora_removed_lines_judged_by_hand():
    gold: Counter = Counter()
    judgment: dict = {}
    with GOLD.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")]
    for r in rows:
        key = (r["corpus"], r["doc_id"], int(r["line_no"]), r["reason"])
        gold[key] += 1
        judgment[key] = r["judgment"]
    counts = {"right": 0, "wrong": 0, "missed": 0, "unjudged": 0}
    for name in ("cpc_congress", "state_union", "inaugural"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CorpusWarning)
            corpus = load_corpus(SHARED / name, pattern=PATTERN, cache=False, workers=1)
        removed = corpus.removed[corpus.removed["reason"] != "blank line"]
        got = Counter((name, d, int(n), r) for d, n, r in zip(removed["doc_id"], removed["line_no"], removed["reason"]))
        for key, n in got.items():
            verdict = judgment.get(key)
            counts[verdict if verdict in ("right", "wrong") else "unjudged"] += n
        for key, n in gold.items():
            if key[0] == name and judgment[key] in ("right", "missed") and got.get(key, 0) < n:
                counts["missed"] += n - got.get(key, 0)
        if name == "cpc_congress":
            docs = corpus.documents.set_index("doc_id")
            assert "README" not in docs.index  # the folder's README is listed, not loaded
            assert (docs["language"] == "zh").all()
            kinds = corpus.outliers[["kind", "doc_id"]].values.tolist()
            assert ["stub", "1945-congress07"] in kinds
            assert ["script change", "1969-congress09"] in kinds
            assert not re.search("Public domain|公有领域", " ".join(corpus.sentences["text"]))
    record_metric("cleaning (test: cpc_congress, state_union, inaugural), removed lines", **counts,
                  precision=counts["right"] / max(1, counts["right"] + counts["wrong"]),
                  recall=counts["right"] / max(1, counts["right"] + counts["missed"]))
    assert counts["unjudged"] == 0


def test_what_a_corpus_taught_is_remembered_and_checked(tmp_path, monkeypatch):
    from discourse.corpus.schema import Document
    from discourse.processing import cleaning

    header = "Portal of the Ministry | Home | News"
    docs = [Document(f"p{i}", f"p{i}.txt", f"{header}\nPage {i} says the county must repair road {i}.\n"
                     f"Footer line of the site, all rights kept", "utf-8", {}) for i in range(6)]
    docs.append(Document("copy", "copy.txt", docs[0].text + "\nOne more line.", "utf-8", {}))
    calls = []
    real_templates, real_duplicates = cleaning.learn_templates, cleaning.near_duplicates
    monkeypatch.setattr(cleaning, "learn_templates", lambda *a, **k: calls.append("t") or real_templates(*a, **k))
    monkeypatch.setattr(cleaning, "near_duplicates", lambda *a, **k: calls.append("d") or real_duplicates(*a, **k))
    steps = ["templates", "duplicates", "joins"]
    first = cleaning.learn_from_corpus(docs, steps, memo=tmp_path)
    assert calls == ["d", "t"] and first.duplicates and first.templates.per_document[1]
    again = cleaning.learn_from_corpus(docs, steps, memo=tmp_path)
    assert calls == ["d", "t"]                                   # remembered, not learned again
    assert again.duplicates == first.duplicates and again.templates == first.templates
    assert [d.templates for d in again.documents] == [d.templates for d in first.documents]
    [entry] = (tmp_path / "learned").glob("*.json")
    entry.write_text(entry.read_text(encoding="utf-8").replace("\"duplicates\"", "\"duplicatez\""), encoding="utf-8")
    with pytest.warns(CorpusWarning, match="could not be used"):
        damaged = cleaning.learn_from_corpus(docs, steps, memo=tmp_path)
    assert calls == ["d", "t", "d", "t"] and damaged.templates == first.templates
    changed = [*docs[:-1], Document("copy", "copy.txt", "Another text altogether.", "utf-8", {})]
    cleaning.learn_from_corpus(changed, steps, memo=tmp_path)
    assert calls[-2:] == ["d", "t"] and len(list((tmp_path / "learned").glob("*.json"))) == 2
