"""Directive verbs: the gold sets, one test per rule, and the density measures on a toy corpus."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from _metrics import record_metric

from discourse.corpus.model import from_tables
from discourse.corpus.schema import DIRECTIVE_COLUMNS
from discourse.directives import directives_in_sentence, find_directives
from discourse.errors import ParameterError
from discourse.measures.density import directive_density, directive_hits, top_directive_verbs
from discourse.text.analyze import analyze

DATA = Path(__file__).resolve().parent / "data"


def _gold(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


def _score(rows: list[dict], lang: str) -> dict:
    """Micro precision/recall over (sentence, lemma, category) and (sentence, lemma) multisets."""
    tp = fp = fn = tpl = fpl = fnl = 0
    for row in rows:
        gold = Counter(tuple(item.split(":")) for item in row["expected"].split())
        hits = [h for s in analyze(row["sentence"], lang) for h in directives_in_sentence(s, lang=lang)]
        pred = Counter((h["lemma"], h["category"]) for h in hits)
        gl = Counter(lemma for lemma, _ in gold.elements())
        pl = Counter(h["lemma"] for h in hits)
        tp, fp, fn = tp + sum((gold & pred).values()), fp + sum((pred - gold).values()), \
            fn + sum((gold - pred).values())
        tpl, fpl, fnl = tpl + sum((gl & pl).values()), fpl + sum((pl - gl).values()), \
            fnl + sum((gl - pl).values())
    p, r, pl_, rl = tp / (tp + fp), tp / (tp + fn), tpl / (tpl + fpl), tpl / (tpl + fnl)
    return {"precision": pl_, "recall": rl, "f1": 2 * pl_ * rl / (pl_ + rl),
            "category_precision": p, "category_recall": r, "n_sentences": len(rows),
            "n_gold_verbs": tpl + fnl}


def test_gold_english():
    rows = _gold("directives_gold.tsv")
    assert len(rows) >= 70
    m = _score(rows, "en")
    record_metric("directives (en, gold set)", **m)
    assert m["precision"] >= 0.9 and m["recall"] >= 0.9
    assert m["category_precision"] >= 0.9 and m["category_recall"] >= 0.9


def test_gold_chinese():
    rows = _gold("directives_gold_zh.tsv")
    assert len(rows) >= 15
    m = _score(rows, "zh")
    record_metric("directives (zh, gold set)", **m)
    assert m["precision"] >= 0.85 and m["recall"] >= 0.85


def _hits(text: str, lang: str = "en") -> list[tuple[str, str]]:
    df = find_directives(text, lang)
    return list(zip(df["lemma"], df["category"]))


# One positive and one negative example per rule (lemma:category expected, in text order).
RULES = [
    ("imperative", "Accelerate the building of the hub.", [("accelerate", "imperative")]),
    ("imperative after enumerator", "First, strengthen the supply chain.", [("strengthen", "imperative")]),
    ("no imperative: heading", "Open Governance", []),
    ("let us", "Let us answer the call of history.", [("answer", "imperative")]),
    ("must + coordination", "We must keep our word, defeat our enemies, and stand firm.",
     [("keep", "obligation"), ("defeat", "obligation"), ("stand", "obligation")]),
    ("should", "They should respond scientifically.", [("respond", "recommendation")]),
    ("ought to", "We ought to act now.", [("act", "recommendation")]),
    ("need to", "We need to deepen reform and expand opening up.",
     [("deepen", "obligation"), ("expand", "obligation")]),
    ("has to", "The government has to reduce the deficit.", [("reduce", "obligation")]),
    ("no: do not have to", "You do not have to agree.", []),
    ("no: need not", "But we in America need not fear change.", []),
    ("no: past had to", "We had to assume all of the functions of government.", []),
    ("no: copula", "To be true to ourselves, we must be true to others.", []),
    ("no: epistemic must have", "They must have known the answer.", []),
    ("essential to", "It is essential to implement the responsibility system.", [("implement", "obligation")]),
    ("important to", "It is important for us to remember the past.", [("remember", "recommendation")]),
    ("no: was necessary (past)", "It was necessary to act.", []),
    ("no: essential without to-V", "Creating open platforms is essential.", []),
    ("the need to", "There is a need to improve services.", [("improve", "obligation")]),
    ("required to", "All departments are required to report monthly.", [("report", "obligation")]),
    ("hoped", "It is hoped that enterprises will strengthen their confidence.",
     [("strengthen", "recommendation")]),
    ("light verb passive", "Efforts should be made to boost demand.", [("boost", "recommendation")]),
    ("light verb without to-V", "Efforts should be directed towards the implementation of strategies.", []),
    ("light verb active", "We must exert every effort to drive progress.", [("drive", "obligation")]),
    ("reported need", "She emphasized the need to closely monitor changes.", [("monitor", "reported")]),
    ("reported X to V", "She requested relevant departments to assess the concerns.", [("assess", "reported")]),
    ("reported requirements", "The following requirements were made to check and fill gaps.",
     [("check", "reported"), ("fill", "reported")]),
    ("no: reported gerund", "The meeting underscored the importance of taking action.", []),
    ("passive", "Policies should be rapidly implemented.", [("implement", "recommendation")]),
    ("passive coordination", "The work must be planned and promoted as a whole.",
     [("plan", "obligation"), ("promote", "obligation")]),
    ("no: it should be noted", "It should be noted that growth slowed.", []),
    ("purpose infinitive", "We should strengthen supply to facilitate upgrades, and stimulate investment.",
     [("strengthen", "recommendation"), ("stimulate", "recommendation")]),
    ("so as to", "We must cut costs, so as to create jobs and expand markets.", [("cut", "obligation")]),
    ("coordination: bare objects", "We should study the concerns, plan reforms, and increase support.",
     [("study", "recommendation"), ("plan", "recommendation"), ("increase", "recommendation")]),
    ("coordination: base verb in -s", "We must focus on exports and address the risks.",
     [("focus", "obligation"), ("address", "obligation")]),
    ("no coordination: noun list", "We must develop finance, trade and support services.",
     [("develop", "obligation")]),
    ("ramp up", "We should ramp up efforts to upgrade industries.", [("upgrade", "recommendation")]),
    ("in a bid to", "We should expand employment, in a bid to bolster security.",
     [("expand", "recommendation")]),
    ("adverbs keep scope", "Efforts should be made to broadly boost demand.", [("boost", "recommendation")]),
    ("relative clause suspends", "We must introduce policies that promote growth, and launch reforms.",
     [("introduce", "obligation"), ("launch", "obligation")]),
    ("catenative", "We must strive to create a new situation.", [("create", "obligation")]),
    ("commitment", "We will continuously improve government services.", [("improve", "commitment")]),
    ("institutional commitment", "The Ministry of Commerce will continue to support Sichuan.",
     [("support", "commitment")]),
    ("no: passive plan", "Eight systems will be established.", []),
    ("no: schedule", "The conference will be held in Chengdu.", []),
    ("no: prediction, other subject", "The economy will grow next year.", []),
    ("no: would", "The next step would focus on three aspects.", []),
    ("no: description", "We have implemented the decisions of the Party Central Committee.", []),
    ("prohibition", "Government must not raise taxes on families.", [("raise", "obligation")]),
    ("shall non-first person", "The parties shall settle disputes by negotiation.", [("settle", "obligation")]),
    ("shall first person", "I shall not shirk it.", [("shirk", "commitment")]),
    ("conjunction but (no hang)", "We must act, but never rashly, and yet decide.",
     [("act", "obligation"), ("decide", "obligation")]),
    ("no: second purpose infinitive", "We will invite leaders to join us, to close the gap.",
     [("invite", "commitment")]),
    ("no: thank you", "Thank you.", []),
]


@pytest.mark.parametrize("name,text,expected", RULES, ids=[r[0] for r in RULES])
def test_rule(name, text, expected):
    assert _hits(text) == expected


ZH_RULES = [
    ("必须", "必须坚持稳中求进工作总基调。", [("坚持", "obligation")]),
    ("应当 + 、", "应当加强监管、完善制度。", [("加强", "recommendation"), ("完善", "recommendation")]),
    ("要 + ，", "各地要切实提高政治站位，压实工作责任。", [("提高", "obligation"), ("压实", "obligation")]),
    ("enumerated task", "二是持续优化营商环境，健全企业诉求响应机制。",
     [("优化", "imperative"), ("健全", "imperative")]),
    ("purpose stops", "务必守住安全底线，从而为经济发展营造良好环境。", [("守住", "obligation")]),
    ("description", "去年全省外贸进出口总额增长百分之五。", []),
]


@pytest.mark.parametrize("name,text,expected", ZH_RULES, ids=[r[0] for r in ZH_RULES])
def test_rule_zh(name, text, expected):
    assert _hits(text, "zh") == expected


def test_find_directives_table():
    text = "The meeting was held. We need to deepen reform and expand opening up."
    df = find_directives(text)
    assert list(df.columns) == ["sentence_id", "lemma", "category", "trigger", "verb", "start", "end",
                                "sentence"]
    assert df["sentence_id"].tolist() == [1, 1]
    assert df["trigger"].tolist() == ["need to", "need to"]
    assert [text[s:e] for s, e in zip(df["start"], df["end"])] == ["deepen", "expand"]
    assert find_directives("The meeting was held.").empty


def test_find_directives_validates():
    with pytest.raises(ParameterError, match="lang"):
        find_directives("We must act.", lang="fr")
    with pytest.raises(ParameterError, match="text"):
        find_directives(None)


def test_sichuan_chinese_paragraphs(sichuan_dir):
    text = (sichuan_dir / "003_d78cfde9ab7cdbce.txt").read_text(encoding="utf-8")
    zh = "\n".join(line for line in text.splitlines() if "是围绕" in line)
    lemmas = find_directives(zh, "zh")["lemma"].tolist()
    assert lemmas.count("加快") == 3 and "实施" in lemmas and "推行" in lemmas and "扩大" not in lemmas


# ----------------------------------------------------------------------------- density
def _toy(directive_rows):
    documents = pd.DataFrame({"doc_id": ["d1", "d2"], "year": [2020, 2021]})
    sentences = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d2", "d2"], "sent_id": [0, 1, 0, 1, 2],
                              "text": ["a"] * 5, "speaker": ["A", "A", "B", "B", "B"]})
    sizes = {("d1", 0): 4, ("d1", 1): 6, ("d2", 0): 5, ("d2", 1): 5, ("d2", 2): 10}
    rows = []
    for (doc, sent), k in sizes.items():
        rows += [{"doc_id": doc, "sent_id": sent, "token": "w", "is_word": True}] * k
        rows.append({"doc_id": doc, "sent_id": sent, "token": ".", "is_word": False, "is_punct": True})
    tokens = pd.DataFrame(rows)
    directives = pd.DataFrame(directive_rows, columns=DIRECTIVE_COLUMNS)
    return from_tables(documents, sentences, tokens, directives)


HITS = [("d1", 0, "implement", "implement", "obligation", "must", 0, 1, "a", "en"),
        ("d2", 0, "promote", "promote", "recommendation", "should", 0, 1, "a", "en"),
        ("d2", 0, "improve", "improve", "commitment", "will", 0, 1, "a", "en"),
        ("d2", 2, "promote", "promote", "reported", "urged", 0, 1, "a", "en")]


def test_density_counts_and_hand_bootstrap():
    out = directive_density(_toy(HITS), by="speaker", n_boot=500, seed=3)
    a = out.set_index("speaker").loc["A"]
    b = out.set_index("speaker").loc["B"]
    assert (a["n_tokens"], a["n_sentences"], a["n_directives"]) == (10, 2, 1)
    assert a["per_1k"] == pytest.approx(100.0)
    # Two sentences (1 of 4 tokens, 0 of 6): resamples give 1/8, 1/10 or 0/12 directives per token,
    # i.e. 250, 100 or 0 per 1,000 with probabilities 1/4, 1/2, 1/4: the 95% interval is [0, 250].
    assert (a["ci_low"], a["ci_high"]) == (0.0, 250.0)
    assert a["directive_sentence_share"] == 0.5
    assert (b["n_tokens"], b["n_directives"], b["n_commitment"]) == (20, 2, 1)
    assert (b["n_recommendation"], b["n_reported"], b["n_obligation"]) == (1, 1, 0)
    assert b["per_1k"] == pytest.approx(100.0) and b["commitments_per_1k"] == pytest.approx(50.0)
    assert b["directive_sentence_share"] == pytest.approx(2 / 3)
    assert b["ci_low"] <= b["per_1k"] <= b["ci_high"]
    with_c = directive_density(_toy(HITS), by="speaker", include_commitments=True, n_boot=50)
    assert with_c.set_index("speaker").loc["B", "per_1k"] == pytest.approx(150.0)


def test_density_reproducible_and_grouping():
    corpus = _toy(HITS)
    one = directive_density(corpus, by="year", n_boot=200, seed=7)
    two = directive_density(corpus, by="year", n_boot=200, seed=7)
    pd.testing.assert_frame_equal(one, two)
    assert one["year"].tolist() == [2020, 2021]
    assert list(one.columns[:8]) == ["year", "n_tokens", "n_sentences", "n_directives", "per_1k",
                                     "ci_low", "ci_high", "directive_sentence_share"]


def test_density_bootstrap_matches_numpy_reference():
    corpus = _toy(HITS)
    out = directive_density(corpus, by="speaker", n_boot=300, seed=11).set_index("speaker")
    d, t = np.array([1, 0, 1]), np.array([5, 5, 10])  # speaker B, commitments left out
    idx = np.random.default_rng(11).integers(0, 3, size=(300, 3))
    dens = d[idx].sum(1) / t[idx].sum(1) * 1000
    expected = np.percentile(dens, [2.5, 97.5])
    assert [out.loc["B", "ci_low"], out.loc["B", "ci_high"]] == pytest.approx(expected.tolist())


def test_density_validates():
    corpus = _toy(HITS)
    with pytest.raises(ParameterError, match="n_boot"):
        directive_density(corpus, n_boot=0)
    with pytest.raises(ParameterError, match="ci"):
        directive_density(corpus, ci=1.5)
    with pytest.raises(ParameterError, match="by"):
        directive_density(corpus, by="nope")
    with pytest.raises(ParameterError, match="corpus"):
        directive_density("not a corpus")


def test_top_verbs_and_hits():
    corpus = _toy(HITS)
    top = top_directive_verbs(corpus, by="speaker")
    assert top.values.tolist() == [["A", "implement", 1, 100.0, 1], ["B", "promote", 2, 100.0, 1]]
    only_c = top_directive_verbs(corpus, by="speaker", categories=["commitment"])
    assert only_c[["speaker", "lemma", "count"]].values.tolist() == [["B", "improve", 1]]
    with pytest.raises(ParameterError, match="categories"):
        top_directive_verbs(corpus, categories=["orders"])
    hits = directive_hits(corpus, by="doc_id")
    assert list(hits.columns) == ["doc_id", "sent_id", "speaker", "year", "lemma", "verb", "category",
                                  "trigger", "sentence"]
    assert hits["speaker"].tolist() == ["A", "B", "B", "B"]
    assert hits["year"].tolist() == [2020, 2021, 2021, 2021]
