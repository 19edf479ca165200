"""Voices: the voice of every sentence (``attribute.py``, with the English and Chinese cues of ``english.py`` and
``chinese.py`` and the speaker labels of transcripts in ``labels.py``); people, titles and canonical names
(``people.py``); an audit of the voices a corpus got (``audit.py``)."""
from discourse.voices.attribute import DocumentVoices, Voice, attribute_document, attribute_voices
from discourse.voices.audit import voice_audit
from discourse.voices.people import canonical_name, canonicalize, extract_people

__all__ = ["attribute_voices", "attribute_document", "DocumentVoices", "Voice", "extract_people",
           "canonical_name", "canonicalize", "voice_audit"]
