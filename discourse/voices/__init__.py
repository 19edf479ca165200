"""Voices: the voice of every sentence (``attribute.py``); people, titles and canonical names (``people.py``)."""
from discourse.voices.attribute import Voice, attribute_voices
from discourse.voices.people import canonical_name, canonicalize, extract_people

__all__ = ["attribute_voices", "Voice", "extract_people", "canonical_name", "canonicalize"]
