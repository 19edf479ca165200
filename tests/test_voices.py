"""Tests for discourse.voices: the voice of every sentence (people and names: test_people.py)."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from _metrics import record_metric

from discourse.errors import ParameterError
from discourse.text.analyze import split_sentences
from discourse.text.clean import clean_text
from discourse.voices import people
from discourse.voices.attribute import MEETING, NARRATOR, Voice, attribute_voices

GOLD = Path(__file__).resolve().parent / "data" / "voices_gold.tsv"


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
    ("The meeting deliberated and adopted the plan.", MEETING, "The meeting deliberated"),
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

def test_continuation_runs_across_paragraphs_until_narration():
    sents = ["Wang Xiaohui pointed out that reform is key.", "We must deepen reform.",
             "It is necessary to open up.", "The conference was held in a hybrid form.", "We must act."]
    voices = attribute_voices(sents, para_ids=[0, 0, 1, 2, 2])
    assert [v.speaker for v in voices] == ["Wang Xiaohui"] * 3 + [NARRATOR] * 2
    assert [v.cue for v in voices[1:3]] == ["", ""]


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
