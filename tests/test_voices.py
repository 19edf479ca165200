"""Tests for discourse.voices: the voice of every sentence (people and names: test_people.py)."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from _metrics import record_metric

from discourse.errors import ParameterError
from discourse.processing.load import from_texts
from discourse.text.analyze import split_sentences
from discourse.text.clean import clean_text
from discourse.voices import people
from discourse.voices.attribute import MEETING, NARRATOR, Voice, attribute_voices

GOLD = Path(__file__).resolve().parent / "data" / "voices_gold.tsv"
#: The blind voice gold set: 258 sentences of four genres, split into dev and test by document.
GOLD_SET = Path(__file__).resolve().parent / "data" / "gold" / "voices"
REPO = Path(__file__).resolve().parents[1]


def speakers(sentences, **kw):
    return [v.speaker for v in attribute_voices(sentences, **kw)]


# --------------------------------------------------------------------------------------- seed documents

def _seed_sentences(path: Path) -> tuple[list[str], list[int], list[str]]:
    cleaned = clean_text(path.read_text(encoding="utf-8"))
    texts, paras, langs = [], [], []
    for para in cleaned.paragraphs:
        for start, end in split_sentences(para.text, para.lang):
            texts.append(para.text[start:end])
            paras.append(para.para_id)
            langs.append(para.lang)
    return texts, paras, langs


def test_seed_documents_against_gold(sichuan_dir):
    gold = pd.read_csv(GOLD, sep="\t", dtype=str, quoting=csv.QUOTE_NONE)
    assert len(gold) > 100 and set(gold.columns) == {"doc", "sentence_start", "speaker"}
    pairs = []  # (gold, predicted)
    unmatched = 0
    for doc, rows in gold.groupby("doc"):
        path = next(sichuan_dir.glob(f"{doc}_*.txt"))
        texts, paras, langs = _seed_sentences(path)
        voices = attribute_voices(texts, para_ids=paras, langs=langs)
        english = [(t, v.speaker) for t, v, lang in zip(texts, voices, langs) if lang == "en"]
        # every English sentence of the document is annotated
        assert len(english) == len(rows), doc
        for start, expected in zip(rows["sentence_start"], rows["speaker"]):
            hits = [sp for t, sp in english if t.startswith(start)]
            if len(hits) != 1:
                unmatched += 1
                pairs.append((expected, None))
            else:
                pairs.append((expected, hits[0]))
    accuracy = sum(g == p for g, p in pairs) / len(pairs)
    kind = {NARRATOR: NARRATOR, MEETING: MEETING}
    per_voice = {}
    for label in (NARRATOR, MEETING, "person"):
        g = [kind.get(x, "person") == label for x, _ in pairs]
        p = [y is not None and kind.get(y, "person") == label for _, y in pairs]
        tp = sum(a and b for a, b in zip(g, p))
        per_voice[f"{label}_precision"] = tp / max(sum(p), 1)
        per_voice[f"{label}_recall"] = tp / max(sum(g), 1)
    record_metric("voices (seed documents)", accuracy=accuracy, n_sentences=len(pairs), unmatched=unmatched,
                  **per_voice)
    assert unmatched == 0
    assert accuracy >= 0.9


def test_seed_speech_and_meeting_paragraphs(sichuan_dir):
    texts, paras, langs = _seed_sentences(next(sichuan_dir.glob("001_*.txt")))
    voices = attribute_voices(texts, para_ids=paras, langs=langs)
    def voice_of(start):
        return next(v for t, v in zip(texts, voices) if t.startswith(start))

    li = voice_of("She pointed out that as we embark")
    assert li.speaker == "Li Yongjie" and li.cue == "She pointed out"
    assert li.role == "Deputy China International Trade Representative at the Ministry of Commerce"
    cont = voice_of("We must build a robust official team")
    assert cont == Voice("Wang Xiaohui", cont.role, "")
    assert cont.role.startswith("Secretary of the CPC Sichuan Provincial Committee and Chairman")


# ------------------------------------------------------------------------------------------ cue patterns

@pytest.mark.parametrize("sentence, speaker, cue", [
    ("Wang Xiaohui pointed out that opening up is vital.", "Wang Xiaohui", "Wang Xiaohui pointed out"),
    ("In his speech, Wang Xiaohui stated that reform matters.", "Wang Xiaohui", "In his speech, Wang Xiaohui"),
    ("In her address at the forum, Li Yongjie said trade grew.", "Li Yongjie",
     "In her address at the forum, Li Yongjie"),
    ("Li Yongjie, in her address, congratulated the province.", "Li Yongjie", "Li Yongjie, in her address"),
    ("Governor Shi Xiaolin stressed the need to act.", "Shi Xiaolin", "Governor Shi Xiaolin stressed"),
    ("Shi Xiaolin, Governor of Sichuan Province, urged firms to export.", "Shi Xiaolin",
     "Shi Xiaolin, Governor of Sichuan Province, urged"),
    ("At the symposium, Chen Shuping also called for closer ties.", "Chen Shuping",
     "At the symposium, Chen Shuping also called for"),
    ('"We will not waver," Zhang Wei said.', "Zhang Wei", "Zhang Wei said"),
    ("The meeting noted that the economy is stable.", MEETING, "The meeting noted"),
    ("The conference stressed the need to open up.", MEETING, "The conference stressed"),
    ("The plenary session underscored unity.", MEETING, "The plenary session underscored"),
    ("The 52nd executive meeting of the provincial government emphasized jobs.", MEETING,
     "The 52nd executive meeting of the provincial government emphasized"),
    ("It was noted at the session that exports rose.", MEETING, "It was noted"),
    ("The meeting deliberated and adopted the plan.", NARRATOR, ""),  # the body's business, not its voice
    ("The conference was held in Chengdu.", NARRATOR, ""),
    ("Officials from the province attended the event.", NARRATOR, ""),
])
def test_cue_patterns(sentence, speaker, cue):
    (voice,) = attribute_voices([sentence])
    assert (voice.speaker, voice.cue) == (speaker, cue)


def test_role_is_kept_out_of_the_name():
    (voice,) = attribute_voices(["Governor Shi Xiaolin stressed the need to act."])
    assert voice == Voice("Shi Xiaolin", "Governor", "Governor Shi Xiaolin stressed")


def test_surname_alone_is_the_documents_person():
    voices = attribute_voices(["Shi Xiaolin, Governor of Sichuan Province, attended.", "Shi stressed unity."])
    assert voices[1] == Voice("Shi Xiaolin", "Governor of Sichuan Province", "Shi stressed")


def test_untitled_capitalised_word_is_not_a_person():
    assert speakers(["Sichuan noted progress.", "We must go on."]) == [NARRATOR, NARRATOR]


# ------------------------------------------------------------------------- continuation, reset, pronouns

def test_continuation_ends_with_its_paragraph_unless_the_next_continues_it():
    sents = ["Wang Xiaohui pointed out that reform is key.", "We must deepen reform.",
             "It is necessary to open up.", "The conference was held in a hybrid form.", "We must act."]
    voices = attribute_voices(sents, para_ids=[0, 0, 1, 2, 2])
    assert [v.speaker for v in voices] == ["Wang Xiaohui"] * 2 + [NARRATOR] * 3
    assert voices[1].cue == ""
    # a pronoun lead continues the report in a new paragraph; so does an enumeration the voice announced
    sents = ["Wang Xiaohui pointed out that reform is key.", "He added that trade must grow.", "We must act.",
             "The meeting stressed three points:", "First, we should open up.", "Second, we must reform.",
             "Prices rose in May."]
    voices = attribute_voices(sents, para_ids=[0, 1, 1, 2, 3, 4, 5])
    assert [v.speaker for v in voices] == ["Wang Xiaohui"] * 3 + [MEETING] * 3 + [NARRATOR]
    assert voices[1].cue == "He added"


@pytest.mark.parametrize("narration", [
    "On the afternoon of November 7, the attendees visited key projects.",
    "Attendees at the main venue included provincial leaders.",
    "Zuo Yongxiang, Vice Governor of Sichuan Province, presided over the symposium.",
    "Before the executive meeting, Zhang Wei gave a lecture on health.",
    "Shi Xiaolin visited the Chengdu International Railway Port.",
])
def test_narration_resets_the_running_voice(narration):
    assert speakers(["The meeting noted that exports rose.", narration]) == [MEETING, NARRATOR]


def test_pronoun_resolves_to_latest_speaker_not_latest_mention():
    sents = ["Wang Xiaohui stated that reform is key.",
             "Zhang Wei, Mayor of Chengdu, attended the meeting.",
             "He stressed that opening up matters."]
    voices = attribute_voices(sents)
    assert [v.speaker for v in voices] == ["Wang Xiaohui", NARRATOR, "Wang Xiaohui"]
    assert voices[2].cue == "He stressed"


def test_pronoun_respects_known_gender():
    sents = ["Li Yongjie, in her address, congratulated Sichuan.",
             "In his speech, Wang Xiaohui stated that trade matters.",
             "She added that the ministry will help."]
    assert speakers(sents)[2] == "Li Yongjie"


def test_pronoun_falls_back_to_last_mention_when_nobody_spoke():
    sents = ["Zhang Wei, Mayor of Chengdu, attended the forum.", "He said that the city will grow."]
    assert speakers(sents) == [NARRATOR, "Zhang Wei"]


def test_pronoun_does_not_reach_back_to_an_old_mention():
    sents = ["Zhang Wei, Mayor of Chengdu, attended the forum.", "The forum was held in Chengdu.",
             "Attendees toured the port.", "On May 2, the delegation visited a park.",
             "He said that the city will grow."]
    assert speakers(sents) == [NARRATOR] * 5


def test_person_who_addressed_the_event_is_a_speaker():
    sents = ["Wang Xiaohui, Secretary of the Provincial Committee, attended and addressed the conference.",
             "Shi Xiaolin, Governor of Sichuan Province, chaired the conference.",
             "He emphasized the need to open up."]
    assert speakers(sents) == [NARRATOR, NARRATOR, "Wang Xiaohui"]


def test_attribution_placed_after_the_words_within_a_paragraph():
    sents = ["On July 31, the bureau held a meeting.", "We should learn the spirit.",
             "The meeting revealed that work will focus on trade."]
    assert speakers(sents, para_ids=[0, 1, 1]) == [NARRATOR, MEETING, MEETING]
    assert speakers(sents, para_ids=[0, 1, 2]) == [NARRATOR, NARRATOR, MEETING]


def test_held_out_article():
    """A short article in another house style, annotated by hand (not used to write the rules)."""
    annotated = [
        ("Premier Li Qiang chaired a State Council executive meeting on Friday.", NARRATOR),
        ("The meeting heard a report on flood control.", NARRATOR),
        ("It was decided at the meeting that relief funds will be released.", MEETING),
        ("Efforts must be made to ensure safety.", MEETING),
        ("Li said that China will open wider.", "Li Qiang"),
        ("He added that the economy is resilient.", "Li Qiang"),
        ("We will keep policies stable.", "Li Qiang"),
        ("Vice Premier Ding Xuexiang attended the meeting.", NARRATOR),
        ("Speaking at the event, Ding Xuexiang urged local governments to act.", "Ding Xuexiang"),
        ("Ding, who also chairs the commission, noted progress.", "Ding Xuexiang"),
        ("In 2024, the province grew by 6 percent.", "Ding Xuexiang"),  # a date inside a speech: no reset
    ]
    voices = attribute_voices([s for s, _ in annotated])
    assert [v.speaker for v in voices] == [sp for _, sp in annotated]
    assert voices[4].role == "Premier" and voices[4].cue == "Li said"


# ------------------------------------------------------------------------------------ Chinese, speeches

def test_chinese_cues_and_separate_language_runs():
    sents = ["会议指出,要加快发展。", "The meeting noted progress.", "要推动改革。", "We must reform.",
             "王晓晖指出,要扩大开放。", "7月31日,省商务厅召开会议。"]
    langs = ["zh", "en", "zh", "en", "zh", "zh"]
    assert speakers(sents, langs=langs) == [MEETING, MEETING, MEETING, MEETING, "王晓晖", NARRATOR]
    assert speakers(["会议强调,要稳外贸。", "要推动改革。"]) == [MEETING, MEETING]  # langs detected
    assert attribute_voices(["省长施小琳强调,要稳外贸。"])[0] == Voice("施小琳", "省长", "省长施小琳强调")


def test_doc_speaker_owns_every_sentence_but_explicit_reports():
    sents = ["On January 20, we took office.", "President Lincoln said that a house divided cannot stand.",
             "We must act.", "The conference was held in Washington."]
    voices = attribute_voices(sents, doc_speaker="Barack Obama")
    assert [v.speaker for v in voices] == ["Barack Obama", "Lincoln", "Barack Obama", "Barack Obama"]
    assert voices[1].role == "President"


# ------------------------------------------------------------------------------------------- arguments

def test_bad_arguments_are_named():
    with pytest.raises(ParameterError, match="sentences"):
        attribute_voices("One sentence.")
    with pytest.raises(ParameterError, match="para_ids"):
        attribute_voices(["A.", "B."], para_ids=[0])
    with pytest.raises(ParameterError, match="'fr'"):
        attribute_voices(["A."], langs=["fr"])
    with pytest.raises(ParameterError, match="doc_speaker"):
        attribute_voices(["A."], doc_speaker=" ")
    assert attribute_voices([]) == []
    assert Counter(speakers(["The meeting noted X.", "Y."])) == Counter({MEETING: 2})


def test_people_functions_are_re_exported():
    from discourse.voices import attribute as voices
    assert voices.extract_people is people.extract_people
    assert voices.canonical_name is people.canonical_name
    assert voices.canonicalize is people.canonicalize
    assert (voices.MEETING, voices.NARRATOR) == ("meeting", "narrator")


def test_people_given_by_the_caller_are_used_as_extracted():
    from discourse.voices.attribute import attribute_voices, english_text, extract_people

    sentences = ["Li Ming, Mayor of Chengdu, attended the forum.", "He stressed that we must act.",
                 "We should expand trade."]
    langs = ["en"] * 3
    people = extract_people(english_text(sentences, langs))
    given = attribute_voices(sentences, langs=langs, people=people)
    assert given == attribute_voices(sentences, langs=langs)
    assert [v.speaker for v in given] == ["narrator", "Li Ming", "Li Ming"]
    with pytest.raises(ParameterError, match="people must be a DataFrame with name and role"):
        attribute_voices(sentences, langs=langs, people=people.drop(columns="role"))


# ------------------------------------------------------------------------------------ the blind gold set

_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})


def _norm(text: str) -> str:
    """A sentence for matching: quotation marks as cleaning writes them in English, no whitespace."""
    return "".join(str(text).translate(_QUOTE_MARKS).split())


def _read_gold() -> pd.DataFrame:
    return pd.read_csv(GOLD_SET / "voices.tsv", sep="\t", skiprows=1, quoting=csv.QUOTE_NONE,
                       keep_default_na=False, dtype=str)


def match_gold(gold: pd.DataFrame, sentences: pd.DataFrame, removed: pd.DataFrame) -> pd.DataFrame:
    """Each gold sentence's pipeline sentence, found by document and text containment, in reading order.

    The gold was split by its annotator's own splitter, so a gold sentence may hold a pipeline sentence or
    lie inside one. Per document, each gold sentence (by ``sent_no``) is looked for from the previous
    match onwards: the first pipeline sentence that contains it, or that it contains, is its match. A gold
    sentence with no match is ``removed`` when cleaning removed a line holding it (a menu, a footer, a
    dateline), else ``unmatched``: none is dropped silently.

    Returns
    -------
    DataFrame
        The gold rows with ``status`` (``matched``, ``removed``, ``unmatched``), ``predicted`` and ``cue``.
    """
    out = []
    for path, rows in gold.groupby("path", sort=False):
        doc = sentences[sentences["doc_id"] == path]
        texts = [_norm(t) for t in doc["text"]]
        gone = [_norm(t) for t in removed.loc[removed["doc_id"] == path, "text"]]
        k = 0
        for _, row in rows.sort_values("sent_no", key=lambda c: c.astype(int)).iterrows():
            want = _norm(row["sentence"])
            j = next((j for j in range(k, len(texts))
                      if want in texts[j] or (len(texts[j]) >= 4 and texts[j] in want)), None)
            if j is None:
                status = "removed" if any(want in g for g in gone) else "unmatched"
                out.append({**row, "status": status, "predicted": None, "cue": None})
                continue
            k = j
            out.append({**row, "status": "matched", "predicted": doc["speaker"].iloc[j],
                        "cue": doc["voice_cue"].iloc[j]})
    return pd.DataFrame(out)


@pytest.fixture(scope="module")
def gold_run() -> pd.DataFrame:
    gold = _read_gold()
    records = []
    for path, rows in gold.groupby("path", sort=False):
        base = REPO if path.startswith("data/") else GOLD_SET
        record = {"doc_id": path, "text": (base / path).read_text(encoding="utf-8")}
        if rows["doc_speaker"].iloc[0]:
            record["speaker"] = rows["doc_speaker"].iloc[0]   # speeches: the Name part of the file name
        records.append(record)
    corpus = from_texts(records, workers=1)
    return match_gold(gold, corpus.sentences, corpus.removed)


def test_gold_set_is_complete_and_split_by_document():
    gold = _read_gold()
    assert len(gold) == 258 and set(gold["part"]) == {"dev", "test"}
    assert set(gold["genre"]) == {"press_release", "speech", "report", "transcript"}
    assert gold.groupby("path")["part"].nunique().max() == 1
    assert (gold.loc[gold["genre"] == "press_release", "part"] == "dev").all()


def test_voices_against_the_blind_gold_set(gold_run):
    """Accuracy per part and genre on sentences drawn and annotated before the rules were run (see
    tests/data/gold/voices/GUIDELINES.md); the rules are tuned on dev only; fails below 0.9 on dev."""
    unmatched = gold_run[gold_run["status"] == "unmatched"]
    assert unmatched.empty, f"gold sentences found neither in the sentences nor among the removed lines: " \
                            f"{unmatched['id'].tolist()}"
    matched = gold_run[gold_run["status"] == "matched"].assign(
        correct=lambda d: d["predicted"] == d["speaker"])
    removed = gold_run[gold_run["status"] == "removed"]
    for part in ("dev", "test"):
        rows = matched[matched["part"] == part]
        record_metric(f"voices gold ({part})", accuracy=float(rows["correct"].mean()), n_sentences=len(rows),
                      removed_by_cleaning=int((removed["part"] == part).sum()))
        for genre, by_genre in rows.groupby("genre"):
            record_metric(f"voices gold ({part}, {genre})", accuracy=float(by_genre["correct"].mean()),
                          n_sentences=len(by_genre))
    dev = matched[matched["part"] == "dev"]
    wrong = dev.loc[~dev["correct"], ["id", "speaker", "predicted"]].to_dict("records")
    assert dev["correct"].mean() >= 0.9, wrong
    # what cleaning removed (menus, footers, datelines) is the narrator's: no voice is lost with it
    assert (removed["speaker"] == NARRATOR).all()


# ----------------------------------------------------------------- the cases (issue 16), end to end

TRANSCRIPT = """HOUSE OF ASSEMBLY
Tuesday, 3 March 2026
The House met at 2.00 pm.
TRADE ESTIMATES
The Minister for Trade (Mr Paul Reyes): Madam Speaker, I rise to present the trade estimates. Exports grew by 4 per cent.
We will open two new trade offices this year.
Workforce Training requires more funding.
Ms Alice Ward (Northfield): Will the Minister give way?
Madam Speaker: Order. The Minister has the floor.
Mr Paul Reyes: I thank the Member. Our tariffs will fall next year.
(Interruption)
Madam Speaker: Order, order.
Mr Reyes: Best Sourcing requires every ministry to test its services.
Ms Ward: The Minister said, "Our tariffs will fall." Who will pay for it?
Question put, and agreed to.
"""


def _voices(corpus: object) -> list[tuple[str, str]]:
    return list(zip(corpus.sentences["text"], corpus.sentences["speaker"]))


def test_transcript_minister_chair_and_member():
    corpus = from_texts({"hansard": TRANSCRIPT}, workers=1)
    got = _voices(corpus)
    # the dateline is removed by cleaning; the member quoting the minister gives the minister that sentence
    expected = [NARRATOR] * 3 + ["Paul Reyes"] * 4 + ["Alice Ward"] + ["Speaker"] * 2 + ["Paul Reyes"] * 2 \
        + [NARRATOR, "Speaker", "Paul Reyes", "Paul Reyes", "Alice Ward", NARRATOR]
    assert [sp for _, sp in got] == expected, got
    sents = corpus.sentences.set_index("text")
    first = sents.loc["The Minister for Trade (Mr Paul Reyes): Madam Speaker, I rise to present the trade estimates."]
    assert (first["role"], first["voice_cue"]) == ("Minister for Trade", "The Minister for Trade (Mr Paul Reyes):")
    assert sents.loc["Exports grew by 4 per cent.", "voice_cue"] == ""
    assert corpus.documents["doc_type"].tolist() == ["transcript"]
    assert "Workforce Training" not in set(corpus.people["name"])


def test_a_speaker_column_does_not_blanket_a_transcript():
    """With the minister as the document's speaker, the chair's turns stay the chair's."""
    corpus = from_texts([{"doc_id": "hansard", "text": TRANSCRIPT, "speaker": "Paul Reyes"}], workers=1)
    counts = corpus.sentences["speaker"].value_counts()
    assert counts["Speaker"] == 3 and counts["Alice Ward"] == 2 and counts["Paul Reyes"] == 8


def test_transcript_detection_can_be_switched_off():
    on = from_texts({"hansard": TRANSCRIPT}, workers=1)
    off = from_texts({"hansard": TRANSCRIPT}, workers=1, turns=False)
    assert off.documents["doc_type"].tolist() == ["narrated"] and off.settings["turns"] is False
    assert on.settings["turns"] is True
    assert set(off.sentences["speaker"]) <= {NARRATOR, MEETING, "Paul Reyes", "Alice Ward"}
    assert "Speaker" not in set(off.sentences["speaker"])
    with pytest.raises(ParameterError, match="turns"):
        from_texts({"hansard": TRANSCRIPT}, workers=1, turns="no")


SPEECH = """THE PRESIDENT'S ADDRESS TO THE NATION
January 20, 2026
My fellow citizens, we gather in hope.
Abraham Lincoln said, "A house divided against itself cannot stand. I believe this government cannot endure permanently half slave and half free." We must choose unity.
As Martin Luther King wrote, "Injustice anywhere is a threat to justice everywhere." (Applause.)
Workforce Training requires our attention. Thank you.
"""


def test_a_manifest_speaker_quoting_someone_else():
    corpus = from_texts([{"doc_id": "address", "text": SPEECH, "speaker": "Obama"}], workers=1)
    got = _voices(corpus)
    expected = [NARRATOR, "Obama", "Abraham Lincoln", "Abraham Lincoln", "Obama", "Martin Luther King",
                NARRATOR, "Obama", "Obama"]
    assert [sp for _, sp in got] == expected, got
    assert corpus.documents["doc_type"].tolist() == ["speech"]
    assert corpus.documents["speaker"].tolist() == ["Obama"]


def test_headings_followed_by_a_verb_are_no_voice():
    text = ("Sichuan Trade Bulletin\nWorkforce Training requires urgent attention.\n"
            "Best Sourcing requires every ministry to test its services.\nGreen Growth is the first priority.\n"
            "Li Ming pointed out that trade grew. We must open up.\nThe Job Security Council has placed 400 workers.")
    corpus = from_texts({"bulletin": text}, workers=1)
    assert [sp for _, sp in _voices(corpus)] == [NARRATOR] * 4 + ["Li Ming"] * 2 + [NARRATOR]
    assert set(corpus.people["name"]) == {"Li Ming"}
    assert corpus.documents["doc_type"].tolist() == ["narrated"]


def test_document_speakers_keep_the_names_users_gave_them():
    docs = [{"doc_id": "a", "text": "We must act. Dwight Eisenhower said that peace matters.", "speaker": "Truman"},
            {"doc_id": "b", "text": "We will build roads. Franklin Roosevelt said that fear is the enemy.",
             "speaker": "Eisenhower"},
            {"doc_id": "c", "text": "Our duty is plain.", "speaker": "Roosevelt"}]
    corpus = from_texts(docs, workers=1)
    assert _voices(corpus) == [("We must act.", "Truman"), ("Dwight Eisenhower said that peace matters.",
                                                            "Eisenhower"),
                               ("We will build roads.", "Eisenhower"),
                               ("Franklin Roosevelt said that fear is the enemy.", "Roosevelt"),
                               ("Our duty is plain.", "Roosevelt")]
