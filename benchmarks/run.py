"""Benchmarks of loading, caching, parallel processing, the measures and the report.

    python benchmarks/run.py              # about 1M word tokens (make bench)
    python benchmarks/run.py --quick      # about 100k word tokens, within two minutes
    python benchmarks/run.py --tokens N --rounds R

Prints a summary and writes ``benchmarks/results.json``. Timings are wall-clock seconds on this machine;
they are measurements, not tests. The cold load (cache written), the cached reload from that cache, serial
and parallel processing and the naive baseline run on the whole benchmark corpus, taking turns for five
rounds (two with ``--quick``; ``--rounds N``), after a fresh process's one-time start-up (imports, tag
lexicon; reported as ``startup_seconds``); our distinctive terms and scattertext's scorer take turns the
same way. Each ratio (``parallel_speedup``, ``cold_over_naive``, ``cached_speedup``,
``scattertext_over_ours``) is the median over rounds of the ratio of the two runs within a round; the ratio
of each side's best round is reported beside it (``*_best_of``), and every round's seconds are kept
(``rounds_seconds`` and the like). ``make report`` on the sample corpus is timed three times (once with
``--quick``), and its median reported. The share of CPU time the hypervisor gave to other guests meanwhile
(``steal_percent``, from /proc/stat) says how far to trust a run. The larger measure size is built by
replicating the processed tables of the corpus ten times with new ``doc_id`` values
(``results["measures_note"]`` says so).

The per-core ratio (``serial_over_naive``: serial processing against the naive baseline, both in one
process) is shown beside the 2-worker one (``parallel_speedup``: the same load with every core against
one). Local workers are started with ``spawn`` and kept for the process, so the timed parallel rounds
reuse a warm pool; what a new pool costs is reported apart (``pool_start_seconds``, and
``parallel_cold_pool_seconds`` for one parallel load with a new pool), as is the workers' peak memory
(``worker_peak_rss_mb``). Memory: a serial load of the corpus in a fresh process, its peak resident
memory above the warmed-up process (``load_memory``, ``peak_mb_per_million_tokens``), and the same for
one large file (``--big-mb``, default 200 MB, generated under benchmarks/corpora and never committed:
``big_file_memory``, ``big_file_peak_mb_per_mb``).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any, Callable

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from build import PATTERN, build_corpus_folder  # noqa: E402
from naive import naive_process  # noqa: E402

import discourse  # noqa: E402
from discourse import parallel  # noqa: E402
from discourse.processing import cache as cache_mod  # noqa: E402
from discourse.corpus.schema import Document  # noqa: E402
from discourse.processing import document as pipeline  # noqa: E402
from discourse.processing import runners as engine  # noqa: E402
from discourse.processing.load import build_corpus  # noqa: E402
from discourse.reading import facts as textfacts  # noqa: E402
from discourse.reading import read as load  # noqa: E402
from discourse.reading.facts import TextFacts  # noqa: E402
from discourse.voices import attribute as voices_mod  # noqa: E402

SCATTERTEXT = ["spacy", "scikit-learn", "flashtext", "statsmodels"]


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def rounds(repeat: int, *fns: Callable[[], Any]) -> tuple[list[Any], list[list[float]]]:
    """Run each of ``fns`` ``repeat`` times, taking turns; the last result of each, and the seconds of
    each in every round (``seconds[k][i]``: function ``k`` in round ``i``).

    Taking turns spreads changes in the machine's load (see :func:`cpu_ticks`) over all of them, and
    puts the runs to be compared a few seconds apart, in the same round.
    """
    if repeat < 1:
        raise ValueError(f"repeat must be at least 1, got {repeat}")
    last: list[Any] = [None] * len(fns)
    seconds: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            last[k], s = timed(fn)
            seconds[k].append(s)
    return last, seconds


def paired_ratio(numerator: list[float], denominator: list[float]) -> float:
    """The median over rounds of ``numerator[i] / denominator[i]``: a ratio of runs made under the same
    conditions (a few seconds apart), rather than of each side's best run, which may come from moments
    of the host minutes apart (a single busy core runs faster at times, which flatters the best serial
    run most; see the README)."""
    if not numerator or len(numerator) != len(denominator):
        raise ValueError("paired_ratio needs two lists of the same, non-zero length")
    return statistics.median(a / b for a, b in zip(numerator, denominator))


def cpu_ticks() -> tuple[int, int] | None:
    """(steal, total) CPU ticks of the machine so far, from /proc/stat; None where unavailable."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    return (values[7] if len(values) > 7 else 0), sum(values)


def steal_percent(before: tuple[int, int] | None) -> float | None:
    """Share of CPU time taken by the hypervisor for other guests since ``before`` (a virtual
    machine's cores are not all its own: a high share slows every figure, parallel ones most)."""
    after = cpu_ticks()
    if before is None or after is None or after[1] == before[1]:
        return None
    return round(100 * (after[0] - before[0]) / (after[1] - before[1]), 1)


def subset_folder(folder: Path, n_words: int, out: Path) -> Path:
    """A folder with about ``n_words`` words of ``folder``: every k-th document, so that the subset
    has the mix of the whole (speakers, years, sentence lengths), not only its first documents."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    paths = sorted(folder.glob("*.txt"))
    words = [len(p.read_text(encoding="utf-8").split()) for p in paths]
    step = max(1, round(sum(words) / max(n_words, 1)))
    for path in paths[::step]:
        shutil.copy(path, out / path.name)
    return out


def stage_timings(folder: Path) -> dict[str, float]:
    """Seconds spent in each processing stage, serially, by wrapping the stage functions."""
    result, read_s = timed(lambda: load.read_folder(folder, pattern=PATTERN))
    spent: dict[str, float] = {"clean": 0.0, "sections": 0.0, "tokenize+tag": 0.0, "voices": 0.0,
                               "directives": 0.0}
    # the names as processing/document.py holds them (it imports the functions, not their modules)
    wrapped = [(pipeline, "clean_text", "clean"), (pipeline, "find_sections", "sections"),
               (pipeline, "analyze", "tokenize+tag"), (pipeline, "attribute_document", "voices"),
               (pipeline, "extract_people", "voices"), (pipeline, "directives_in_sentence", "directives")]
    originals = []
    for module, name, stage in wrapped:
        original = getattr(module, name)
        originals.append((module, name, original))

        def wrapper(*a: Any, _f: Callable = original, _s: str = stage, **kw: Any) -> Any:
            t = time.perf_counter()
            try:
                return _f(*a, **kw)
            finally:
                spent[_s] += time.perf_counter() - t
        setattr(module, name, wrapper)
    try:
        _, total = timed(lambda: build_corpus(result.documents, cache=False, workers=1, path=folder))
    finally:
        for module, name, original in originals:
            setattr(module, name, original)
    stages = {"read": read_s, **spent, "total_serial": total}
    return {k: round(v, 3) for k, v in stages.items()}


def replicate(corpus: discourse.Corpus, times: int) -> discourse.Corpus:
    """The corpus ``times`` over, each copy's doc_id suffixed ``~k``."""
    def rep(frame: pd.DataFrame) -> pd.DataFrame:
        if "doc_id" not in frame.columns or frame.empty:
            return frame
        parts = []
        for k in range(times):
            part = frame.copy()
            part["doc_id"] = part["doc_id"].astype(str) + f"~{k}"
            parts.append(part)
        return pd.concat(parts, ignore_index=True)
    return dataclasses.replace(corpus, documents=rep(corpus.documents), sentences=rep(corpus.sentences),
                               tokens=rep(corpus.tokens), directives=rep(corpus.directives),
                               removed=rep(corpus.removed), people=rep(corpus.people))


def time_measures(corpus: discourse.Corpus, target: str) -> dict[str, Any]:
    """Seconds of each measure on ``corpus`` (an error message instead where one fails)."""
    calls = {
        "directive_density": lambda: discourse.directive_density(corpus, by="speaker"),
        "distinctive_terms": lambda: discourse.distinctive_terms(corpus, target, by="speaker"),
        "lexical_profile": lambda: discourse.lexical_profile(corpus, by="speaker"),
        "term_counts": lambda: discourse.term_counts(corpus, by="speaker"),
        "vocabulary_shift": lambda: discourse.vocabulary_shift(corpus, by="year"),
        "emerging_formulations": lambda: discourse.emerging_formulations(corpus, by="year"),
        "kwic": lambda: discourse.kwic(corpus, "the people"),
    }
    out: dict[str, Any] = {}
    for name, call in calls.items():
        try:
            _, seconds = timed(call)
            out[name] = round(seconds, 3)
        except Exception as exc:  # a failing measure is reported, not fatal to the benchmark
            out[name] = f"error: {type(exc).__name__}: {exc}"[:200]
        print(f"    {name:<24} {out[name]}", flush=True)
    return out


def ensure_scattertext() -> str | None:
    """Import scattertext's scorer, installing it into this environment if missing; None on failure."""
    try:
        import scattertext  # noqa: F401
        return None
    except ImportError:
        pass
    pip = [sys.executable, "-m", "pip", "install", "-q"]
    for cmd in (pip + SCATTERTEXT, pip + ["--no-deps", "scattertext==0.2.2"]):
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            return f"pip failed: {done.stderr.strip()[-300:]}"
    return None


def scattertext_side_by_side(corpus: discourse.Corpus, target: str, repeat: int) -> dict[str, Any]:
    """scattertext's LogOddsRatioInformativeDirichletPrior on the same split and counts as ours, the two
    taking turns for ``repeat`` rounds (the ratio is the median of the rounds' ratios)."""
    problem = ensure_scattertext()
    if problem:
        return {"scattertext_seconds": None, "scattertext_note": problem}
    from scattertext.termsignificance.LogOddsRatioInformativeDirichletPiror import LogOddsRatioInformativeDirichletPrior

    def run() -> pd.Series:
        tok = corpus.annotate(corpus.tokens[corpus.tokens["is_word"] & ~corpus.tokens["is_stop"]],
                              "speaker")
        counts = pd.crosstab(tok["norm"], tok["speaker"] == target)
        y_i = counts.get(True, 0).to_numpy(float)
        y_j = counts.get(False, 0).to_numpy(float)
        priors = y_i + y_j
        scorer = LogOddsRatioInformativeDirichletPrior(priors, sigma=1000.0, scale_type="word")
        return pd.Series(scorer.get_zeta_i_j_given_separate_counts(y_i, y_j), index=counts.index)

    (_, theirs), (ours_s, seconds) = rounds(
        repeat, lambda: discourse.distinctive_terms(corpus, target, by="speaker"), run)
    ours = discourse.distinctive_terms(corpus, target, by="speaker", min_count=1)
    term_col = "term" if "term" in ours.columns else ours.columns[0]
    joined = ours.set_index(term_col)["z"].to_frame("ours").join(theirs.rename("theirs"), how="inner")
    rho = joined.rank().corr().iloc[0, 1] if len(joined) > 2 else float("nan")
    return {"scattertext_seconds": round(min(seconds), 3), "distinctive_seconds": round(min(ours_s), 3),
            "scattertext_over_ours": round(paired_ratio(seconds, ours_s), 2),
            "scattertext_rounds_seconds": [round(t, 3) for t in seconds],
            "distinctive_rounds_seconds": [round(t, 3) for t in ours_s],
            "z_rank_correlation": round(float(rho), 4), "n_terms_compared": int(len(joined)),
            "scattertext_note": "scorer with scale_type='word', sigma=alpha0=1000 on the same counts; "
                                "counting with pandas crosstab included in its time"}


def report_time(runs: int) -> tuple[float | None, list[float], str]:
    """The median seconds of ``runs`` runs of the report on the sample corpus, each run's seconds, and a
    note (a failure or time-out instead of the median)."""
    seconds: list[float] = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            cmd = [sys.executable, "-m", "discourse", "report", "--corpus",
                   str(ROOT / "data" / "sichuan"), "--out", out]
            try:
                done, took = timed(lambda: subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                                                          timeout=900))
            except subprocess.TimeoutExpired:
                return None, seconds, "timed out after 900 s"
        if done.returncode != 0:
            return None, seconds, f"report failed: {(done.stderr or done.stdout).strip()[-300:]}"
        seconds.append(round(took, 2))
    return (round(statistics.median(seconds), 2), seconds,
            f"python -m discourse report --corpus data/sichuan (project cache warm); median of {runs}")


_MEMORY_SCRIPT = """
import json, sys, threading, time, warnings
sys.path.insert(0, sys.argv[3])
import psutil
import discourse
from discourse.processing.document import default_settings, process_batch
from discourse.corpus.schema import Document
warnings.simplefilter("ignore")
process_batch([Document("warm", "warm", "The council must act. 省政府要求各地加强防汛工作。", "utf-8", {})])
me = psutil.Process()
base = peak = me.memory_info().rss
done = threading.Event()
def sample():
    global peak
    while not done.wait(0.02):
        peak = max(peak, me.memory_info().rss)
watcher = threading.Thread(target=sample, daemon=True)
watcher.start()
start = time.perf_counter()
corpus = discourse.load_corpus(sys.argv[1], pattern=sys.argv[2] or None, cache=False, workers=1)
seconds = time.perf_counter() - start
done.set(); watcher.join()
peak = max(peak, me.memory_info().rss)
print(json.dumps({"base_mb": base / 2**20, "peak_mb": peak / 2**20, "seconds": seconds,
                  "n_tokens": int(corpus.documents["n_tokens"].sum()),
                  "n_chars": sum(len(t) for t in corpus.sentences["text"])}))
"""


def memory_of_load(folder: Path, pattern: str | None) -> dict[str, Any]:
    """Peak memory of a serial load of ``folder`` (no cache) in a fresh process, above what the process
    held once the package was imported and warmed up (resident set size sampled every 20 ms)."""
    done = subprocess.run([sys.executable, "-c", _MEMORY_SCRIPT, str(folder), pattern or "", str(ROOT)],
                          capture_output=True, text=True, timeout=7200)
    if done.returncode != 0:
        return {"error": (done.stderr or done.stdout).strip()[-300:]}
    out = json.loads(done.stdout.strip().splitlines()[-1])
    out["growth_mb"] = out["peak_mb"] - out["base_mb"]
    return {k: round(v, 1) if isinstance(v, float) else v for k, v in out.items()}


def big_file_folder(folder: Path, megabytes: int) -> Path:
    """A folder holding one text file of about ``megabytes`` MB: the texts of ``folder`` one after
    another, over and over, each paragraph numbered (written once; never committed: benchmarks/corpora
    is ignored by git)."""
    out = HERE / "corpora" / f"big-{megabytes}mb-v2"
    target = out / "big.txt"
    if target.exists() and target.stat().st_size >= megabytes * 10**6:
        return out
    out.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8").split("\n\n") for p in sorted(folder.glob("*.txt"))]
    written, k = 0, 0
    with open(target, "w", encoding="utf-8") as f:
        while written < megabytes * 10**6:
            k += 1
            for paragraphs in texts:
                # numbered, so that no paragraph repeats (cleaning removes repeated paragraphs)
                text = "\n\n".join(f"({k}.{j}) {para}" for j, para in enumerate(paragraphs)) + "\n\n"
                f.write(text)
                written += len(text.encode("utf-8"))
                if written >= megabytes * 10**6:
                    break
    return out


def pool_start() -> float:
    """Seconds from a new local pool to every worker having imported the package (the cost a first
    parallel load pays once per process; later loads reuse the pool)."""
    parallel.shutdown_pools()
    workers = parallel.usable_workers(None)
    start = time.perf_counter()
    # workers run the package's functions only (never this script's), so the warm-up is one of them:
    # a short document processed a few times per worker loads the processing code in each
    doc = Document("warm", "warm", "The council must act.", "utf-8", {})
    with parallel.local_pool(workers) as pool:
        for future in [pool.submit(pipeline.process_batch, [doc]) for _ in range(4 * workers)]:
            future.result()
    return time.perf_counter() - start


def analyze_throughput(folder: Path) -> tuple[int, float]:
    """Word tokens and seconds for the stages the naive baseline also does, in one process.

    Sentence splitting, word tokens and POS tags (plus the lemmas and offsets ``analyze`` always
    gives), line by line, without cleaning, voices or directives: the like-for-like comparison with
    the baseline, beside the full pipeline's figures.
    """
    import importlib

    tokenize = importlib.import_module("discourse.text.analyze")  # the module (discourse.text.analyze is also a function)
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    tokenize.analyze("Warm up the tagger.", "en")
    start = time.perf_counter()
    n = 0
    for text in texts:
        for line in text.splitlines():
            if line.strip():
                for sentence in tokenize.analyze(line, "en"):
                    n += sum(1 for t in sentence.tokens if t.is_word)
    return n, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=1_000_000, help="word tokens of the corpus")
    parser.add_argument("--quick", action="store_true", help="about 100k tokens (two minutes)")
    parser.add_argument("--no-report", action="store_true", help="skip timing the report")
    parser.add_argument("--big-mb", type=int, default=None,
                        help="size of the one large file whose load's peak memory is measured "
                             "(default 200; 20 with --quick; 0 skips it)")
    parser.add_argument("--rounds", type=int, default=None,
                        help="rounds of the timed runs taken in turns: cold, cached, serial, parallel, "
                             "naive; ours and scattertext (default 5; 2 with --quick)")
    args = parser.parse_args(argv)
    if args.rounds is not None and args.rounds < 1:
        parser.error(f"--rounds must be at least 1, got {args.rounds}")
    n = 100_000 if args.quick else args.tokens
    sub_n = min(n, 200_000)
    warnings.simplefilter("ignore")
    work = HERE / "corpora"
    results: dict[str, Any] = {"machine": {"cores": os.cpu_count(), "python": platform.python_version(),
                                           "platform": platform.platform()},
                               "quick": args.quick, "target_tokens": n}

    print(f"building a corpus of about {n:,} words ...", flush=True)
    folder = build_corpus_folder(n)  # about one word token per word in these texts
    cache = work / f"cache-{folder.name}"
    shutil.rmtree(cache, ignore_errors=True)

    def cold_load() -> discourse.Corpus:
        shutil.rmtree(cache, ignore_errors=True)
        return discourse.load_corpus(folder, pattern=PATTERN, cache=cache)

    # One-time start-up of a fresh process (imports of NLTK, TextBlob, SciPy; the tag lexicon), which
    # the naive baseline does not pay in its timing either, is measured on its own.
    from discourse.reading.read import Document

    _, startup = timed(lambda: pipeline.process_batch([Document("warm", "warm", "The council must act.",
                                                                "utf-8", {})]))
    results["startup_seconds"] = round(startup, 2)
    # Cold load (cache written), cached reload (from that cache), serial and parallel processing (no
    # cache) and the naive baseline, all on the whole corpus, taking turns for a number of rounds: the
    # machine's speed drifts, so each ratio is the median over rounds of the ratio within a round (see
    # paired_ratio); the best of each is reported too.
    files = sorted(p.name for p in folder.glob("*.txt"))
    results["pool_start_seconds"] = round(pool_start(), 2)
    ticks = cpu_ticks()
    repeat = args.rounds if args.rounds is not None else (2 if args.quick else 5)
    (corpus, _, _, _, naive), (cold_t, cached_t, serial_t, parallel_t, naive_t) = rounds(
        repeat, cold_load,
        lambda: discourse.load_corpus(folder, pattern=PATTERN, cache=cache),  # from the cold load's cache
        lambda: discourse.load_corpus(folder, pattern=PATTERN, cache=False, workers=1),
        lambda: discourse.load_corpus(folder, pattern=PATTERN, cache=False),
        lambda: naive_process(folder, files))
    steal = steal_percent(ticks)
    parallel.shutdown_pools()  # the workers end: their peak memory is now the children's
    results["worker_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    _, cold_pool = timed(lambda: discourse.load_corpus(folder, pattern=PATTERN, cache=False))
    results["parallel_cold_pool_seconds"] = round(cold_pool, 2)
    cold, serial, parallel_s, naive_s = min(cold_t), min(serial_t), min(parallel_t), min(naive_t)
    n_tokens = int(corpus.documents["n_tokens"].sum())
    n_naive = naive[0]
    per_token = n_tokens / n_naive  # the baseline counts its own tokens
    results.update(n_tokens=n_tokens, n_documents=len(corpus.documents), rounds=repeat,
                   cold_seconds=round(cold, 2),
                   cold_tokens_per_s=round(n_tokens / cold), cold_workers=os.cpu_count(),
                   serial_seconds=round(serial, 2), parallel_seconds=round(parallel_s, 2),
                   parallel_speedup=round(paired_ratio(serial_t, parallel_t), 2),
                   parallel_speedup_best_of=round(serial / parallel_s, 2),
                   serial_tokens_per_s=round(n_tokens / serial),
                   parallel_tokens_per_s=round(n_tokens / parallel_s),
                   naive_tokens_per_s=round(n_naive / naive_s),
                   cold_over_naive=round(paired_ratio(naive_t, cold_t) * per_token, 2),
                   cold_over_naive_best_of=round((n_tokens / cold) / (n_naive / naive_s), 2),
                   serial_over_naive=round(paired_ratio(naive_t, serial_t) * per_token, 2),
                   rounds_seconds={name: [round(t, 2) for t in ts] for name, ts in
                                   zip(("cold", "serial", "parallel", "naive"),
                                       (cold_t, serial_t, parallel_t, naive_t))},
                   ratio_note=("parallel_speedup, cold_over_naive, serial_over_naive, cached_speedup "
                               "and scattertext_over_ours: median over rounds of the ratio within a "
                               "round; *_best_of: ratio of each side's best round; *_seconds: best "
                               "round"),
                   steal_percent=steal)
    within = " ".join(f"{s / p:.2f}" for s, p in zip(serial_t, parallel_t))
    print(f"  {n_tokens:,} word tokens, {len(corpus.documents)} documents ({repeat} rounds, taking turns; "
          f"CPU steal {steal}%):\n"
          f"    cold load (cache written, {os.cpu_count()} workers) best {cold:.1f} s, "
          f"{n_tokens / cold:,.0f} tokens/s\n"
          f"    per core: serial processing {results['serial_over_naive']}x the naive baseline (both one "
          f"process, median by round); {os.cpu_count()} workers against one, by round: {within}; median "
          f"{results['parallel_speedup']}x (best {serial:.1f} s against {parallel_s:.1f} s: "
          f"{results['parallel_speedup_best_of']}x)\n"
          f"    a new pool's workers start in {results['pool_start_seconds']} s (once per process); a "
          f"parallel load with a new pool {cold_pool:.1f} s; workers' peak RSS "
          f"{results['worker_peak_rss_mb']} MB\n"
          f"    naive baseline best {n_naive / naive_s:,.0f} tokens/s; cold load "
          f"{results['cold_over_naive']}x the baseline (median by round; "
          f"{results['cold_over_naive_best_of']}x best against best)")
    finish = ("canonicalize", voices_mod.canonicalize)
    # where a cached reload's time goes, measured once more (one load, then its two parts)
    _, whole = timed(lambda: discourse.load_corpus(folder, pattern=PATTERN, cache=cache))
    read, read_s = timed(lambda: load.read_folder(folder, pattern=PATTERN,
                                                  memo=TextFacts(cache / textfacts.FILE_NAME)))
    _, tables_s = timed(lambda: engine.process_corpus(read.documents, pipeline.default_settings(),
                                                      cache=cache, finish=finish))
    cache_mod.DocumentCache(cache).prune_packs(keep=0)
    _, segments = timed(lambda: discourse.load_corpus(folder, pattern=PATTERN, cache=cache))
    cached = min(cached_t)
    results.update(cached_seconds=round(cached, 3),
                   cached_speedup=round(paired_ratio(cold_t, cached_t), 1),
                   cached_speedup_best_of=round(cold / cached, 1),
                   cached_rounds_seconds=[round(t, 3) for t in cached_t],
                   cached_segments_seconds=round(segments, 3),
                   cached_breakdown={"whole": round(whole, 3), "read_folder": round(read_s, 3),
                                     "pack": round(tables_s, 3),
                                     "documents_table_and_rest": round(whole - read_s - tables_s, 3)})
    print(f"  cached load (pack): by round {' '.join(f'{t:.2f}' for t in cached_t)} s, "
          f"{results['cached_speedup']}x cold (median by round); {segments:.2f} s from segments "
          f"without the pack; once more in parts: {results['cached_breakdown']}")

    sub = subset_folder(folder, sub_n, work / "subset")
    n_an, an_s = analyze_throughput(sub)
    results.update(analyze_tokens_per_s=round(n_an / an_s),
                   analyze_over_naive=round((n_an / an_s) / (n_naive / naive_s), 2))
    print(f"  the same stages as the baseline (sentences, words, tags; one process; {sub_n:,}-word subset): "
          f"{n_an / an_s:,.0f} tokens/s, {results['analyze_over_naive']}x the baseline")

    results["stage_seconds"] = stage_timings(subset_folder(sub, 30_000, work / "stages"))
    memory = memory_of_load(folder, PATTERN)
    results["load_memory"] = memory
    if "error" not in memory:
        results["peak_mb_per_million_tokens"] = round(memory["growth_mb"] / (memory["n_tokens"] / 1e6), 1)
    print(f"  memory of a serial load (fresh process): {memory}; "
          f"{results.get('peak_mb_per_million_tokens')} MB per million tokens")
    big_mb = args.big_mb if args.big_mb is not None else (20 if args.quick else 200)
    if big_mb:
        big = memory_of_load(big_file_folder(folder, big_mb), None)
        big["file_mb"] = big_mb
        results["big_file_memory"] = big
        if "error" not in big:
            results["big_file_peak_mb_per_mb"] = round(big["growth_mb"] / big_mb, 1)
        print(f"  one {big_mb} MB file, loaded serially: {big}")
    print(f"  stages on the subset: {results['stage_seconds']}")

    # the voice with most sentences, other than the narrator and meetings (the groups of "speaker")
    voices = corpus.sentences["speaker"].value_counts()
    target = voices.drop(["narrator", "meeting"], errors="ignore").index[0]
    big = replicate(corpus, 10)
    labels = (f"{n_tokens / 1e6:.2g}M", f"{10 * n_tokens / 1e6:.2g}M")
    results["measures_seconds"] = {}
    for label, c in zip(labels, (corpus, big)):
        print(f"  measures at {label} word tokens:")
        results["measures_seconds"][label] = time_measures(c, target)
    results["measures_note"] = (f"{labels[1]} = the processed tables of the {labels[0]} corpus "
                                "replicated 10 times with new doc_ids")
    del big
    results.update(scattertext_side_by_side(corpus, target, repeat))
    print(f"  scattertext: best {results.get('scattertext_seconds')} s, ours "
          f"{results.get('distinctive_seconds')} s; {results.get('scattertext_over_ours')}x "
          "(median by round)")

    if args.no_report:
        results.update(report_seconds=None, report_note="skipped (--no-report)")
    else:
        seconds, each, note = report_time(1 if args.quick else 3)
        results.update(report_seconds=seconds, report_rounds_seconds=each, report_note=note)
    print(f"  report: {results['report_seconds']} ({results['report_note']}; each run: "
          f"{results.get('report_rounds_seconds')})")
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    results["targets"] = {
        "cached_10x": results["cached_speedup"] >= 10,
        "per_core_1.5x_naive": results["serial_over_naive"] >= 1.5,
        "parallel_1.6x": results["parallel_speedup"] >= 1.6,
        "cold_2x_naive": results["cold_over_naive"] >= 2,
        "measures_faster_than_scattertext": (results.get("scattertext_over_ours") or 0) > 1,
        "report_under_45s": results["report_seconds"] is not None and results["report_seconds"] < 45,
    }
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results["targets"], indent=2))
    print(f"peak RSS {results['peak_rss_mb']} MB; results in benchmarks/results.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
