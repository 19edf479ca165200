"""Text: cleaning (``clean.py``), sentences (``sentences.py``), words (``words.py``), part-of-speech tags
(``tagging.py``, ``tag_rules.py``), lemmas (``lemmas.py``), stop words (``stopwords.py``), Chinese through
jieba (``chinese.py``); ``analyze.py`` puts them together into tokens (``tokens.py``)."""
from discourse.text.analyze import analyze, split_sentences, tokenize_sentence
from discourse.text.clean import clean_text
from discourse.text.tokens import Sentence, Token

__all__ = ["analyze", "split_sentences", "tokenize_sentence", "clean_text", "Sentence", "Token"]
