"""Benchmark corpora of a chosen size, resampled from public speeches or from the sample corpus.

Documents are drawn with a fixed seed: each takes paragraphs of one source text (State of the Union
and inaugural addresses in ``../shared/corpora`` beside the repository, when present) in a shuffled
order, without repeating one, until it has about 1,500-3,000 words (or the source runs out). A paragraph
repeated within a document would be removed by cleaning as boilerplate, so documents never repeat one;
the same paragraph does recur across documents drawn from the same source, as boilerplate does in
real collections. File names ``YEAR-Speaker-NNNNN.txt``
carry the year and speaker (read with :data:`PATTERN`). Without the shared corpora, the sentences of
``data/sichuan`` are resampled into documents the same way.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
SEED_CORPUS = ROOT / "data" / "sichuan"
OUT = ROOT / "benchmarks" / "corpora"
PATTERN = r"(?P<year>\d{4})-(?P<speaker>[A-Za-z]+)-\d+"
_NAME = re.compile(r"(\d{4})-([A-Za-z]+)")


def _sources() -> list[tuple[str, str, list[str]]]:
    """(year, speaker, paragraphs) of every source text."""
    sources = []
    if SHARED.is_dir():
        for path in sorted(SHARED.glob("*/*.txt")):
            found = _NAME.match(path.stem)
            if not found:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            paras = [p.strip() for p in text.splitlines() if len(p.split()) >= 8]
            if paras:
                sources.append((found.group(1), found.group(2), paras))
    if not sources:  # resample the sentences of the sample corpus
        for path in sorted(SEED_CORPUS.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            sents = [s.strip() for s in re.split(r"(?<=[.!?。！？])\s*", text) if len(s.strip()) > 20]
            sources.append(("2024", "Sichuan", sents))
    return sources


def build_corpus_folder(n_words: int, *, seed: int = 7, out: Path = OUT) -> Path:
    """Write (once) a folder of documents totalling about ``n_words`` words; return its path."""
    sources = _sources()
    kind = "speeches" if sources and sources[0][1] != "Sichuan" else "sichuan"
    folder = out / f"{kind}-{n_words}-s{seed}-v2"
    stamp = folder / ".complete"
    if stamp.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    total, i = 0, 0
    while total < n_words:
        year, speaker, paras = rng.choice(sources)
        want = rng.randint(1500, 3000)
        chosen, words = [], 0
        for para in rng.sample(paras, len(paras)):
            if words >= want:
                break
            chosen.append(para)
            words += len(para.split())
        text = f"Address of {speaker}, {year}\n\n" + "\n\n".join(chosen) + "\n"
        (folder / f"{year}-{speaker}-{i:05d}.txt").write_text(text, encoding="utf-8")
        total += words
        i += 1
    stamp.write_text(f"{i} documents, {total} words\n")
    return folder
