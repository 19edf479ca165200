"""Reading a corpus folder into documents: file formats and encodings (``formats.py``), metadata from a
manifest, a file-name pattern or the text, and the load report (``read.py``); what each text shows of
itself, remembered between loads (``facts.py``)."""
from discourse.reading.read import ReadResult, read_folder

__all__ = ["read_folder", "ReadResult"]
