"""Parameters of the notebook suite: one registry, one check against the corpus, path resolution.

Every notebook of ``notebooks/`` declares its parameters in a cell tagged ``parameters`` and then calls
:func:`check_parameters` once, before any other work, so that a misspelt speaker or a year the corpus
does not contain stops the report at once with a message that lists the valid values. The report
command (:func:`discourse.report.run_report`) makes the same check once, before any notebook runs.

Relative corpus paths resolve against the project root (the folder holding ``discourse/`` and
``notebooks/``), not against the working directory: papermill and JupyterLab run a notebook with the
notebook's own folder as working directory, so ``data/sichuan`` would otherwise not be found.
"""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any, NamedTuple

from discourse.errors import ParameterError
from discourse.paths import project_root
from discourse.validate import check_choice, check_number, check_positive_int, check_values_known, format_values

#: Voices that are not persons (see docs/ARCHITECTURE.md and MEASURES.md).
NON_PERSON_VOICES = frozenset({"meeting", "narrator", ""})


class Spec(NamedTuple):
    """A notebook parameter: its type and its help line."""

    type: type
    help: str


#: Every parameter a notebook of the suite may declare.
PARAMETERS: dict[str, Spec] = {
    "corpus": Spec(str, "corpus folder; a relative path resolves against the project root"),
    "manifest": Spec(str, "metadata CSV (empty: metadata.csv in the folder, if any)"),
    "pattern": Spec(str, "regex with named groups matched against file names (empty: none)"),
    "lang": Spec(str, "force the language of every paragraph: 'en' or 'zh' (empty: detect)"),
    "speakers": Spec(list, "voices to compare (empty: the most frequent person voices)"),
    "years": Spec(list, "years to include (empty: every year of the corpus)"),
    "terms": Spec(list, "words or phrases to follow"),
    "pair": Spec(list, "two speakers to compare head to head (empty: the first two speakers)"),
    "min_count": Spec(int, "minimum count of a term in the compared groups"),
    "n_terms": Spec(int, "rows to show in top-term tables"),
    "ngram": Spec(int, "term length in words (1: single words)"),
    "max_n": Spec(int, "longest formulation, in words, for emerging formulations"),
    "alpha0": Spec(float, "strength of the informative Dirichlet prior of the log-odds"),
    "n_boot": Spec(int, "bootstrap resamples for intervals and baselines"),
    "seed": Spec(int, "random seed (same seed, same tables)"),
    "query": Spec(str, "word or phrase to look up in context"),
    "window": Spec(int, "words of context on each side in concordances"),
    "output_dir": Spec(str, "folder where tables/ and figures/ are saved (empty: do not save)"),
}


def resolve_corpus(path: str | Path) -> Path:
    """The absolute folder of a corpus given as a notebook parameter.

    Parameters
    ----------
    path : str or Path
        An absolute path, or a path relative to the project root (tried first) or to the working
        directory (tried second).

    Returns
    -------
    Path
        The absolute path of an existing folder.

    Raises
    ------
    ParameterError
        If the folder exists in neither place; the message names both places tried.
    """
    if not isinstance(path, (str, Path)) or str(path).strip() == "":
        raise ParameterError(f"corpus must be a folder path, got {path!r}")
    given = Path(path).expanduser()
    candidates = [given] if given.is_absolute() else [project_root() / given, Path.cwd() / given]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate.resolve()
    raise ParameterError(
        f"corpus={str(path)!r} is not a folder; looked in: {format_values(str(c) for c in candidates)}"
    )


def default_speakers(corpus: Any, *, n: int = 4, persons_only: bool = True) -> list[str]:
    """The ``n`` voices with the most word tokens: person voices only, unless ``persons_only`` is False.

    Parameters
    ----------
    corpus : Corpus
    n : int
        How many voices to return at most.
    persons_only : bool
        Leave out ``meeting`` and ``narrator`` (the default).

    Returns
    -------
    list of str
        Voices ordered by word tokens, most first; ties by name.
    """
    n = check_positive_int("n", n)
    sentences = corpus.sentences[["doc_id", "sent_id", "speaker"]]
    words = corpus.tokens.loc[corpus.tokens["is_word"].astype(bool), ["doc_id", "sent_id"]]
    counted = words.merge(sentences, on=["doc_id", "sent_id"], how="left")
    excluded = NON_PERSON_VOICES if persons_only else frozenset({""})
    counted = counted[~counted["speaker"].fillna("").isin(excluded)]
    sizes = counted.groupby("speaker").size().reset_index(name="n")
    sizes = sizes.sort_values(["n", "speaker"], ascending=[False, True])
    return sizes["speaker"].head(n).tolist()


def _check_str_list(name: str, value: Any) -> list[str]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ParameterError(f"{name} must be a list of non-empty strings, got {value!r}")
    return list(value)


def _check_years(corpus: Any, value: Any) -> list:
    if not isinstance(value, (list, tuple)):
        raise ParameterError(f"years must be a list of years, got {value!r}")
    known = corpus.groups("year")
    check_values_known("years", value, known, what="year")
    by_text = {str(k): k for k in known}
    return [by_text[str(v)] for v in value]


def _check_speakers(corpus: Any, name: str, value: Any) -> list[str]:
    speakers = _check_str_list(name, value)
    check_values_known(name, speakers, corpus.groups("speaker"), what="speaker")
    return speakers


def check_parameters(corpus: Any, /, **params: Any) -> SimpleNamespace:
    """Check notebook parameters against the corpus; return them with defaults filled in.

    Parameters
    ----------
    corpus : Corpus
        The loaded corpus; speakers and years are checked against ``corpus.groups("speaker")`` and
        ``corpus.groups("year")``.
    **params
        Any of the names in :data:`PARAMETERS`. ``speakers`` empty becomes
        :func:`default_speakers` (all voices by size when the corpus has no person voice); ``years``
        empty becomes every year of the corpus; ``pair`` empty becomes the first two speakers, completed
        with the largest other voices when fewer than two are chosen.

    Returns
    -------
    types.SimpleNamespace
        The parameters by name, checked and normalised (years as the corpus's year values).

    Raises
    ------
    ParameterError
        For an unknown parameter name (listing the valid names), an unknown speaker or year
        (listing the known ones), a count below 1, or a value of the wrong type.
    """
    unknown = sorted(set(params) - set(PARAMETERS))
    if unknown:
        raise ParameterError(
            f"unknown parameter {format_values(repr(u) for u in unknown)}; valid: {format_values(PARAMETERS)}"
        )
    out = dict(params)
    for name in ("corpus", "manifest", "pattern", "query", "output_dir"):
        if name in params and not isinstance(params[name], str):
            raise ParameterError(f"{name} must be a string, got {params[name]!r}")
    if params.get("lang"):
        check_choice("lang", params["lang"], ["en", "zh"])
    if "query" in params and not params["query"].strip():
        raise ParameterError("query must be a non-empty word or phrase, got ''")
    for name in ("min_count", "n_terms", "n_boot", "window", "ngram", "max_n"):
        if name in params:
            out[name] = check_positive_int(name, params[name])
    for name, high in (("ngram", 4), ("max_n", 4)):
        if name in params and out[name] > high:
            raise ParameterError(f"{name} must be between 1 and {high}, got {params[name]!r}")
    if "seed" in params:
        out["seed"] = check_positive_int("seed", params["seed"], minimum=0)
    if "alpha0" in params:
        out["alpha0"] = check_number("alpha0", params["alpha0"], low=0, low_open=True)
    if "terms" in params:
        out["terms"] = _check_str_list("terms", params["terms"])
    if "years" in params:
        out["years"] = _check_years(corpus, params["years"]) or corpus.groups("year")
    if "speakers" in params:
        out["speakers"] = (_check_speakers(corpus, "speakers", params["speakers"])
                           or default_speakers(corpus) or default_speakers(corpus, persons_only=False))
    if "pair" in params:
        pair = _check_speakers(corpus, "pair", params["pair"])
        if not pair:
            pool = list(out.get("speakers") or default_speakers(corpus))
            pool += [v for v in default_speakers(corpus, n=len(corpus.groups("speaker")) + 1,
                                                 persons_only=False) if v not in pool]
            if len(pool) < 2:
                raise ParameterError(
                    f"pair: the corpus has fewer than two voices ({format_values(pool)}); nothing to compare")
            pair = pool[:2]
        elif len(pair) != 2 or pair[0] == pair[1]:
            raise ParameterError(f"pair must name two different speakers, got {params['pair']!r}")
        out["pair"] = pair
    return SimpleNamespace(**out)
