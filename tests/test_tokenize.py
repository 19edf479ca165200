"""Tests for discourse.tokenize, discourse.tagging and discourse.lemmas."""
from __future__ import annotations

import pytest

from discourse.errors import ParameterError
from discourse.text.analyze import Sentence, Token, analyze, split_sentences, tokenize_sentence
from discourse.text.lemmas import lemmatize
from discourse.text.tagging import can_be_verb, tag_words


def _sents(text: str, lang: str = "en") -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, lang)]


def _tags(sentence: str) -> dict[str, str]:
    """Map word -> tag for one English sentence (words assumed unique where asked)."""
    return {t.text: t.pos for t in tokenize_sentence(sentence)}


# ------------------------------------------------------------------------------ sentence splitting

def test_abbreviations_do_not_end_sentences():
    text = ("Mr. Speaker, the U.S. economy grew. Dr. Smith visited Sichuan Injet Electric Co., Ltd. "
            "in Deyang on Jan. 5. It was fine!")
    assert _sents(text) == [
        "Mr. Speaker, the U.S. economy grew.",
        "Dr. Smith visited Sichuan Injet Electric Co., Ltd. in Deyang on Jan. 5.",
        "It was fine!",
    ]


def test_line_breaks_end_sentences_and_spans_skip_blank_lines():
    text = "A heading without a stop\n\n  Body text here. Second one?\r\nLast"
    assert _sents(text) == ["A heading without a stop", "Body text here.", "Second one?", "Last"]
    assert split_sentences("", "en") == []
    assert split_sentences("   \n ", "en") == []


def test_chinese_sentences_end_after_chinese_punctuation():
    text = "坚持高质量发展，扩大对外开放！“我们要加快建设。”他说；会议强调？好\n第二段"
    assert _sents(text, "zh") == ["坚持高质量发展，扩大对外开放！", "“我们要加快建设。”", "他说；",
                                  "会议强调？", "好", "第二段"]


def test_bad_language_is_rejected():
    with pytest.raises(ParameterError, match="lang='fr'.*en, zh"):
        analyze("Bonjour.", "fr")
    with pytest.raises(ParameterError, match="lang"):
        split_sentences("x", lang="EN")


# ------------------------------------------------------------------------------------ tokens, offsets

def test_offsets_point_into_sentence_and_text(sichuan_dir):
    text = (sichuan_dir / "000_534cf0e1e1f21b08.txt").read_text(encoding="utf-8")
    sentences = analyze(text)
    assert len(sentences) > 10
    for sent in sentences:
        assert isinstance(sent, Sentence)
        assert text[sent.start:sent.end] == sent.text
        for tok in sent.tokens:
            assert isinstance(tok, Token)
            assert sent.text[tok.start:tok.end] == tok.text


def test_offsets_with_quotes_and_apostrophes():
    sent = 'He said "deepen reform" and Xi Jinping’s “key” task isn’t done.'
    toks = tokenize_sentence(sent)
    for tok in toks:
        assert sent[tok.start:tok.end] == tok.text
    texts = [t.text for t in toks]
    assert "’s" in texts and "n’t" in texts and '"' in texts
    by_text = {t.text: t for t in toks}
    assert by_text["’s"].norm == "'s" and by_text["n’t"].lemma == "not"


def test_hyphenated_words_numbers_and_punctuation():
    toks = tokenize_sentence("In 2025, 1,000 firms (21%) pursued high-quality opening-up on the 21st.")
    by_text = {t.text: t for t in toks}
    assert by_text["high-quality"].is_word and by_text["opening-up"].is_word
    for number in ("2025", "1,000", "21", "21st"):
        assert not by_text[number].is_word and not by_text[number].is_punct, number
    for punct in (",", "(", "%", ")", "."):
        assert by_text[punct].is_punct and not by_text[punct].is_word, punct
    assert by_text["firms"].norm == "firms" and by_text["firms"].lemma == "firm"
    assert by_text["In"].norm == "in" and by_text["In"].is_stop
    assert not by_text["firms"].is_stop
    assert [t.text for t in toks if t.is_word] == ["In", "firms", "pursued", "high-quality", "opening-up",
                                                   "on", "the"]


# ----------------------------------------------------------------------------------------- tagging

@pytest.mark.parametrize("sentence, word", [
    ("Enterprises must exercise caution.", "exercise"),
    ("We will have results.", "have"),
    ("Governments should promote growth.", "promote"),
    ("We must further deepen reform.", "deepen"),
    ("They shall not work alone.", "work"),
])
def test_word_after_modal_is_base_verb(sentence, word):
    assert _tags(sentence)[word] == "VB"


@pytest.mark.parametrize("sentence, word, tag", [
    ("The plan has been implemented.", "implemented", "VBN"),
    ("The rules were adopted yesterday.", "adopted", "VBN"),
    ("Output has rapidly grown.", "grown", "VBN"),
    ("Measures were taken.", "taken", "VBN"),
])
def test_participle_after_be_or_have(sentence, word, tag):
    assert _tags(sentence)[word] == tag


@pytest.mark.parametrize("sentence, word", [
    ("Accelerate the building of the hub.", "Accelerate"),
    ("Promote high-quality development.", "Promote"),
    ("1. Exercise strict control over debt.", "Exercise"),
    ("First, support private enterprises.", "support"),
    ("Tasks: boost consumption; launch new projects.", "launch"),
])
def test_imperative_clause_opens_with_base_verb(sentence, word):
    assert _tags(sentence)[word] == "VB"


def test_imperative_rule_leaves_subjects_alone():
    tags = _tags("Work should be done to launch projects.")
    assert tags["Work"] == "NN" and tags["launch"] == "VB"
    assert _tags("Trade policies are important.")["Trade"] != "VB"


@pytest.mark.parametrize("sentence, word", [
    ("Efforts were made to strengthen the supply.", "strengthen"),
    ("It is essential to launch projects.", "launch"),
    ("Steps were taken to broadly boost demand.", "boost"),
    ("We need to expedite the work.", "expedite"),
])
def test_infinitive_after_to_is_base_verb(sentence, word):
    assert _tags(sentence)[word] == "VB"


def test_coordinated_verbs_keep_base_form():
    tags = _tags("We need to deepen reform and expand opening up, optimize services, and boost trade.")
    for word in ("deepen", "expand", "optimize", "boost"):
        assert tags[word] == "VB", word
    assert tags["need"] == "VBP" and tags["reform"] == "NN"


@pytest.mark.parametrize("sentence, verb", [
    ("We should study the concerns, plan reforms, and increase support for enterprises.", "plan"),
    ("We should study the concerns, plan reforms, and increase support for enterprises.", "increase"),
    ("We will deepen reform and host World Games in 2025.", "host"),
    ("It is necessary to strengthen guidance and support capable enterprises to go global.", "support"),
    ("She asked them to assess and study the concerns.", "study"),
])
def test_coordinated_verb_with_bare_object(sentence, verb):
    assert _tags(sentence)[verb] == "VB"


@pytest.mark.parametrize("sentence, noun", [
    ("We must develop finance, trade and support services.", "support"),      # nouns in a list
    ("We must fight poverty and drug abuse.", "drug"),                         # compound after "and"
    ("We will expand exports, and trade volumes rose.", "trade"),              # subject of a clause
    ("We will assure them of our support and firm commitment.", "firm"),       # inside a phrase
    ("We must make safe, sound investments.", "sound"),                        # adjectives in a row
])
def test_coordinated_noun_stays_noun(sentence, noun):
    assert _tags(sentence)[noun].startswith("NN")


@pytest.mark.parametrize("word", ["ramp", "showcase", "upgrade", "leverage", "prioritize", "prioritise",
                                  "digitalize", "digitalise", "streamline", "spearhead", "benchmark",
                                  "incentivize", "incentivise", "optimise", "pilot", "upskill", "embed",
                                  "fast-track"])
def test_policy_verbs_can_be_verbs(word):
    assert can_be_verb(word)


@pytest.mark.parametrize("word", ["enterprise", "expertise", "premise", "otherwise", "development", "the"])
def test_nouns_are_not_verbs(word):
    assert not can_be_verb(word)


def test_ramp_and_showcase_are_tagged_as_verbs():
    tags = _tags("We will ramp up production and showcase our achievements.")
    assert tags["ramp"] == "VB" and tags["showcase"] == "VB"
    assert _tags("Ramp up production.")["Ramp"] == "VB"


def test_policy_verbs_in_sample_corpus_are_verbs(sichuan_dir):
    wanted = {"launch", "strengthen", "expedite", "deepen", "optimize", "boost"}
    seen: dict[str, list[str]] = {w: [] for w in wanted}
    for path in sorted(sichuan_dir.glob("*.txt")):
        for sent in analyze(path.read_text(encoding="utf-8")):
            for tok in sent.tokens:
                if tok.norm in wanted:
                    seen[tok.norm].append(tok.pos)
    for word, tags in seen.items():
        assert tags, f"{word} not in the sample corpus"
        assert all(t == "VB" for t in tags), (word, tags)


def test_tag_words_validates_and_returns_one_tag_per_word():
    words = ["The", "meeting", "stressed", "the", "need", "to", "act", "."]
    tags = tag_words(words)
    assert len(tags) == len(words)
    assert tags[0] == "DT" and tags[-1] == "." and tags[6] == "VB"
    assert tag_words([]) == []
    with pytest.raises(ParameterError, match="words"):
        tag_words("not a list")


# ----------------------------------------------------------------------------------------- lemmas

LEMMAS = [
    ("strengthening", "VBG", "strengthen"), ("expedited", "VBN", "expedite"),
    ("optimizing", "VBG", "optimize"), ("stopped", "VBD", "stop"), ("carried", "VBD", "carry"),
    ("implemented", "VBN", "implement"), ("agreed", "VBD", "agree"), ("needed", "VBD", "need"),
    ("proceeds", "VBZ", "proceed"), ("visited", "VBD", "visit"), ("visiting", "VBG", "visit"),
    ("focused", "VBN", "focus"), ("focuses", "VBZ", "focus"), ("controlled", "VBN", "control"),
    ("installed", "VBN", "install"), ("making", "VBG", "make"), ("writing", "VBG", "write"),
    ("promoting", "VBG", "promote"), ("improving", "VBG", "improve"), ("advancing", "VBG", "advance"),
    ("planning", "VBG", "plan"), ("dying", "VBG", "die"), ("studying", "VBG", "study"),
    ("applies", "VBZ", "apply"), ("pushes", "VBZ", "push"), ("uses", "VBZ", "use"),
    ("held", "VBD", "hold"), ("built", "VBN", "build"), ("led", "VBD", "lead"), ("took", "VBD", "take"),
    ("given", "VBN", "give"), ("was", "VBD", "be"), ("is", "VBZ", "be"), ("'s", "VBZ", "be"),
    ("has", "VBZ", "have"), ("did", "VBD", "do"), ("went", "VBD", "go"), ("Made", "VBN", "make"),
    ("sought", "VBD", "seek"), ("undertaken", "VBN", "undertake"), ("benefited", "VBD", "benefit"),
    ("toured", "VBD", "tour"), ("launches", "VBZ", "launch"),
    ("policies", "NNS", "policy"), ("enterprises", "NNS", "enterprise"), ("businesses", "NNS", "business"),
    ("taxes", "NNS", "tax"), ("causes", "NNS", "cause"), ("analyses", "NNS", "analysis"),
    ("children", "NNS", "child"), ("data", "NNS", "data"), ("people", "NNS", "people"),
    ("measures", "NNS", "measure"), ("industries", "NNS", "industry"),
    ("Provinces", "NNPS", "provinces"), ("better", "JJR", "better"), ("n't", "RB", "not"),
    ("should", "MD", "should"), ("ca", "MD", "can"), ("Development", "NN", "development"),
    ("opening-up", "JJ", "opening-up"),
    # base-form tags keep the word (no "-s" stripping), irregular forms still map to their base
    ("focus", "VB", "focus"), ("focus", "VBP", "focus"), ("discuss", "VB", "discuss"), ("bus", "VB", "bus"),
    ("address", "VB", "address"), ("Address", "VBP", "address"), ("embed", "VB", "embed"),
    ("are", "VBP", "be"), ("am", "VBP", "be"), ("'re", "VBP", "be"), ("have", "VBP", "have"),
    ("addresses", "VBZ", "address"), ("discusses", "VBZ", "discuss"), ("buses", "VBZ", "bus"),
    ("focusing", "VBG", "focus"), ("discussed", "VBD", "discuss"), ("releases", "VBZ", "release"),
    # British spellings keep their -ise form instead of falling onto a noun ("emphasis")
    ("emphasises", "VBZ", "emphasise"), ("emphasised", "VBD", "emphasise"), ("prioritised", "VBN", "prioritise"),
    ("organising", "VBG", "organise"),
]


@pytest.mark.parametrize("word, pos, expected", LEMMAS)
def test_lemmatize(word, pos, expected):
    assert lemmatize(word, pos) == expected


def test_base_verbs_in_s_keep_their_lemma_in_context():
    toks = tokenize_sentence("We must focus on exports and discuss the address.")
    lemmas = {t.text: (t.pos, t.lemma) for t in toks}
    assert lemmas["focus"] == ("VB", "focus") and lemmas["discuss"] == ("VB", "discuss")


def test_lemmas_in_context():
    toks = tokenize_sentence("The provinces have strengthened cooperation and are building hubs.")
    lemmas = {t.text: t.lemma for t in toks}
    assert lemmas["provinces"] == "province"
    assert lemmas["have"] == "have" and lemmas["are"] == "be"
    assert lemmas["strengthened"] == "strengthen" and lemmas["building"] == "build"
    assert lemmas["hubs"] == "hub"


# ----------------------------------------------------------------------------------------- Chinese

def test_chinese_words_flags_and_offsets():
    sent = "坚持高质量发展，扩大对外开放，2025年GDP增长5.6%。"
    toks = tokenize_sentence(sent, "zh")
    for tok in toks:
        assert sent[tok.start:tok.end] == tok.text
    by_text = {t.text: t for t in toks}
    assert {"高质量发展", "对外开放", "坚持", "扩大"} <= set(by_text)
    assert all(len(t.text) > 1 for t in toks if t.text in ("高质量发展", "对外开放"))
    assert by_text["坚持"].pos == "v" and by_text["扩大"].pos == "v"
    assert by_text["，"].is_punct and not by_text["，"].is_word and by_text["，"].pos == "x"
    assert by_text["2025"].pos.startswith("m") and not by_text["2025"].is_word
    assert not by_text["2025"].is_punct
    assert not by_text["5.6"].is_word and by_text["%"].is_punct
    assert by_text["GDP"].norm == "gdp" and by_text["GDP"].lemma == "gdp"
    assert by_text["高质量发展"].norm == by_text["高质量发展"].lemma == "高质量发展"


def test_chinese_analyze_stop_words_and_whitespace():
    text = "我们要加快建设。\n他们的 工作 很好。"
    sentences = analyze(text, "zh")
    assert [s.text for s in sentences] == ["我们要加快建设。", "他们的 工作 很好。"]
    second = sentences[1]
    assert text[second.start:second.end] == second.text
    assert all(not t.text.isspace() for t in second.tokens)
    stops = {t.text: t.is_stop for s in sentences for t in s.tokens}
    assert stops["我们"] and stops["他们"] and stops["的"]
    assert not stops["要"] and not stops["建设"] and not stops["加快"]


@pytest.mark.parametrize("sentence, word, tag", [
    ("We need the help of friends.", "help", "NN"),
    ("In the long run we act together.", "run", "NN"),
    ("In the long run we act together.", "act", "VBP"),
    ("They work hard.", "work", "VBP"),
    ("She held a symposium.", "held", "VBD"),
    ("They focus on building a modern system.", "building", "VBG"),
    ("The provinces are building hubs.", "building", "VBG"),
    ("We all know the answer.", "know", "VB"),
])
def test_determiner_pronoun_and_participle_rules(sentence, word, tag):
    assert _tags(sentence)[word] == tag


@pytest.mark.parametrize("sentence, word", [
    ("Last year was good.", "Last"),
    ("Harry Truman spoke.", "Harry"),
    ("STATE OF THE UNION", "STATE"),
    ("Are we ready?", "Are"),
])
def test_imperative_rule_skips_names_headings_and_auxiliaries(sentence, word):
    assert _tags(sentence)[word] != "VB"


def test_numbers_clitics_and_initialisms():
    toks = tokenize_sentence("It’s (2) here and he left.")
    tags = {t.text: t.pos for t in toks}
    assert tags["’s"] == "VBZ" and tags["2"] == "CD" and tags["left"] == "VBD"
    assert {t.text: t.lemma for t in toks}["’s"] == "be"
    last = analyze("Growth was strong in the U.S.")[0].tokens
    assert [t.text for t in last[-2:]] == ["the", "U.S."]
    assert [t.text for t in tokenize_sentence("Growth was strong in the U.S.")][-1] == "U.S."


def test_lemmatize_rejects_non_strings():
    with pytest.raises(ParameterError, match="pos"):
        lemmatize("ran", None)
