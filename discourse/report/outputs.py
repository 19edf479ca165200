"""What notebooks open and save: the corpus of a parameter, tables as CSV, figures as PNG.

Notebooks save through these functions only, so that every report folder has the same layout::

    OUT/tables/NN-name.csv      one file per table (UTF-8, no index, ``\\n`` line ends)
    OUT/figures/NN-name.png     one file per figure

An empty ``output_dir`` (the notebooks' default) saves nothing, which is what interactive use wants.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from discourse.errors import ParameterError
from discourse.paths import project_root
from discourse.processing.load import load_corpus
from discourse.report.params import resolve_corpus

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def _check_name(name: str) -> str:
    if not isinstance(name, str) or not _NAME.match(name):
        raise ParameterError(
            f"name={name!r} is not a valid file name; use letters, digits, '.', '_' and '-'"
        )
    return name


def open_corpus(corpus: str | Path, *, manifest: str = "", pattern: str = "", lang: str = "",
                **options: Any) -> Any:
    """Load the corpus named by a notebook's parameters.

    Parameters
    ----------
    corpus : str or Path
        The folder; a relative path resolves against the project root
        (:func:`discourse.params.resolve_corpus`).
    manifest, pattern, lang : str
        As in :func:`discourse.load_corpus`; an empty string means "not given". A relative manifest
        path resolves like the corpus.
    **options
        Further options of :func:`discourse.load_corpus` (``workers``, ``cache``, ...).

    Returns
    -------
    Corpus
    """
    folder = resolve_corpus(corpus)
    manifest_path: Path | None = None
    if manifest:
        manifest_path = Path(manifest).expanduser()
        if not manifest_path.is_absolute() and not manifest_path.exists():
            manifest_path = project_root() / manifest_path
    return load_corpus(folder, manifest=manifest_path, pattern=pattern or None, lang=lang or None,
                       **options)


def save_table(table: pd.DataFrame, name: str, output_dir: str | Path | None) -> pd.DataFrame:
    """Write ``table`` to ``output_dir/tables/<name>.csv`` (nothing when ``output_dir`` is empty).

    Parameters
    ----------
    table : DataFrame
    name : str
        File name without extension, e.g. ``"03-density-by-speaker"``.
    output_dir : str or Path or None
        The report folder; empty or None saves nothing.

    Returns
    -------
    DataFrame
        ``table`` itself, so that a notebook cell can end with the call and show the table.
    """
    _check_name(name)
    if not isinstance(table, pd.DataFrame):
        raise ParameterError(f"table must be a pandas DataFrame, got {type(table).__name__}")
    if output_dir:
        folder = Path(output_dir) / "tables"
        folder.mkdir(parents=True, exist_ok=True)
        table.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8")
    return table


def save_figure(figure: Any, name: str, output_dir: str | Path | None, *, dpi: int = 150) -> None:
    """Write a matplotlib figure (or the figure of an Axes) to ``output_dir/figures/<name>.png``.

    Parameters
    ----------
    figure : matplotlib Figure or Axes
    name : str
        File name without extension, e.g. ``"03-density-by-speaker"``.
    output_dir : str or Path or None
        The report folder; empty or None saves nothing.
    dpi : int
        Resolution of the PNG.
    """
    _check_name(name)
    fig = figure.get_figure() if hasattr(figure, "get_figure") and not hasattr(figure, "savefig") \
        else figure
    if not hasattr(fig, "savefig"):
        raise ParameterError(f"figure must be a matplotlib Figure or Axes, got {type(figure).__name__}")
    if output_dir:
        folder = Path(output_dir) / "figures"
        folder.mkdir(parents=True, exist_ok=True)
        fig.savefig(folder / f"{name}.png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})


#: Fonts with Chinese glyphs, tried in order for figure labels of Chinese terms.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
             "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC",
             "Arial Unicode MS")


#: Parts of the file names of the fonts of :data:`CJK_FONTS` (Debian's fonts-wqy-zenhei, Noto CJK, ...).
CJK_FONT_FILES = ("wqy", "notosanscjk", "noto-cjk", "sourcehansans", "simhei", "msyh", "pingfang")


def setup_figures() -> str | None:
    """Prepare matplotlib for the reports: a font with Chinese glyphs first, if one is installed.

    Returns
    -------
    str or None
        The Chinese-capable font used, or None when none is installed; then Chinese labels are drawn
        as empty boxes and matplotlib's per-glyph "missing from font" warnings are silenced (they
        would fill the report), so check the tables for Chinese terms.
    """
    import warnings

    import matplotlib
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    found = next((name for name in CJK_FONTS if name in installed), None)
    if found is None:  # installed after matplotlib cached its list of fonts: add the files themselves
        for path in font_manager.findSystemFonts():
            if any(key in Path(path).name.lower() for key in CJK_FONT_FILES):
                font_manager.fontManager.addfont(path)
        installed = {f.name for f in font_manager.fontManager.ttflist}
        found = next((name for name in CJK_FONTS if name in installed), None)
    if found is not None:
        current = list(matplotlib.rcParams["font.sans-serif"])
        matplotlib.rcParams["font.sans-serif"] = [found, *[f for f in current if f != found]]
        matplotlib.rcParams["font.family"] = "sans-serif"
    else:
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
    matplotlib.rcParams["axes.unicode_minus"] = False
    return found
