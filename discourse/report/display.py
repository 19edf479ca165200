"""How tables look in the notebooks and in the HTML reports: formatted, paginated, sortable, searchable.

Every DataFrame a notebook shows is drawn by DataTables through itables in its *offline* mode: the
DataTables bundle that itables ships is embedded once per page (by :func:`load_datatables`, called by
:func:`discourse.report.notebook.start`), so a page asks nothing from the network. What a table looks
like (:func:`table_html`):

- no index: a default index (0, 1, 2, ...) or an unnamed integer one (row numbers left by a filter) is
  dropped; any other index (a pivot's ``term``) becomes
  ordinary columns, so no row label is lost;
- numbers with thousands separators (``12,345``), except identifiers and periods (``year``, ``from``,
  ``to``, ``*_id``, ``line_no``, ...), which read as they are written;
- floats rounded by the size of their column (the median absolute value): one decimal from 100,
  two from 1, three from 0.01, three significant digits below (``0.00123``, ``1.2e-05``); sorting uses
  the full values, only the display is rounded;
- wide text wrapped inside its cell (no table scrolls off the page);
- more than :data:`PAGE_LENGTH` rows paginated, with a search box and a choice of page length;
- a link to the table's CSV when the notebook saved it (:func:`mark_saved`), labelled with the row
  count of the file, so a table shown in part (``.head()``) still leads to the whole.

Choice of itables' offline mode over hand-written JavaScript: the bundle costs 0.95 MB per page
(618 kB of script and 107 kB of style, base64-encoded), measured on itables 2.9.1; in exchange, the
tables sort, search and paginate through a maintained library, identically in JupyterLab, in Voilà and
in the report. Tables are embedded whole up to :data:`MAX_BYTES` (itables would otherwise sample rows
of larger tables from 64 kB, announcing it); the CSV always has every row.
"""
from __future__ import annotations

import html
import math
from typing import Any

import numpy as np
import pandas as pd

from discourse.errors import ParameterError

__all__ = ["table_html", "load_datatables", "register_table_display", "mark_saved", "PAGE_LENGTH",
           "MAX_BYTES"]

#: Rows on a page of a paginated table (smaller tables are shown whole, without controls).
PAGE_LENGTH = 15
#: Largest table (in bytes of its data) embedded whole; larger ones are sampled by itables.
MAX_BYTES = "8MB"
#: Integer columns shown without thousands separators (identifiers and periods).
PLAIN_COLUMNS = frozenset({"year", "from", "to", "period", "line_no", "para_id", "sent_id", "tok_id",
                           "start", "end", "seed", "index", "at", "before_first", "before_last",
                           "after_first", "after_last", "first_period", "last_period", "section",
                           "first_line_no", "text_start", "text_end"})
#: Style of every table, embedded with it (wraps wide text, aligns numbers).
TABLE_CSS = (".dt-container { font-size: 0.9em; margin-bottom: 0.3em; max-width: 100%; overflow-x: auto; }"
             " .dt-container table.dataTable th, .dt-container table.dataTable td:not(.dt-right)"
             " { text-align: left; }"
             " .dt-container table.dataTable td { white-space: normal; overflow-wrap: break-word;"
             " min-width: 3em; max-width: 36em; vertical-align: top; }"
             " .discourse-csv { font-size: 0.85em; margin: 0 0 1.2em; }")

_ATTR_CSV = "discourse_csv"
_ATTR_COLUMNS = "discourse_csv_columns"
_ATTR_ROWS = "discourse_csv_rows"


def mark_saved(table: pd.DataFrame, csv: str) -> pd.DataFrame:
    """Record on ``table`` (in ``table.attrs``) that it was saved to ``csv``, a path relative to the page.

    Parameters
    ----------
    table : DataFrame
    csv : str
        The file as a page of the report folder links to it, e.g. ``"tables/01-documents.csv"``.

    Returns
    -------
    DataFrame
        ``table`` itself.
    """
    table.attrs[_ATTR_CSV] = csv
    table.attrs[_ATTR_COLUMNS] = [str(c) for c in table.columns]
    table.attrs[_ATTR_ROWS] = int(len(table))
    return table


def _saved_csv(table: pd.DataFrame) -> tuple[str, int] | None:
    """The CSV a shown table comes from: only when the columns are those saved (a head() or a view of it)."""
    csv = table.attrs.get(_ATTR_CSV)
    if not csv or [str(c) for c in table.columns] != table.attrs.get(_ATTR_COLUMNS):
        return None
    return str(csv), int(table.attrs.get(_ATTR_ROWS, len(table)))


def _flat(table: pd.DataFrame) -> pd.DataFrame:
    """The table without an index: a default index dropped, any other one turned into columns."""
    out = table
    if isinstance(out.columns, pd.MultiIndex):
        out = out.copy()
        out.columns = [" ".join(str(p) for p in col if str(p) != "") for col in out.columns]
    index = out.index
    # a default index, or an unnamed integer one (the row numbers left by a filter), says nothing
    default = index.nlevels == 1 and index.name is None and pd.api.types.is_integer_dtype(index.dtype)
    if default:
        return out.reset_index(drop=True) if not isinstance(index, pd.RangeIndex) else out
    names = [n if n is not None else ("index" if index.nlevels == 1 else f"level_{i}")
             for i, n in enumerate(index.names)]
    clash = [n for n in names if n in out.columns]
    if clash:
        return out.reset_index(drop=True)
    flat = out.copy()
    flat.index = flat.index.set_names(names)
    return flat.reset_index()


def _decimals(values: pd.Series) -> int | None:
    """Decimals to show for a float column, by its median absolute value; None: significant digits."""
    finite = np.abs(values.to_numpy(dtype=float))
    finite = finite[np.isfinite(finite) & (finite > 0)]
    if len(finite) == 0:
        return 2
    typical = float(np.median(finite))
    if typical >= 100:
        return 1
    if typical >= 1:
        return 2
    if typical >= 0.01:
        return 3
    return None


def _render(decimals: int | None, separators: bool) -> Any:
    """A DataTables render function: rounded display, full value for sorting and searching."""
    from itables import JavascriptFunction

    if decimals is None:
        body = ("var a = Math.abs(data); return (a !== 0 && a < 1e-3) ? data.toExponential(1) "
                ": data.toPrecision(3);")
    elif separators:
        body = (f"return data.toLocaleString('en-US', {{minimumFractionDigits: {decimals}, "
                f"maximumFractionDigits: {decimals}}});")
    else:
        body = f"return data.toFixed({decimals});"
    return JavascriptFunction(
        "function (data, type) { if (type !== 'display' || typeof data !== 'number' "
        "|| !isFinite(data)) { return data; } " + body + " }")


def column_formats(table: pd.DataFrame) -> list[dict]:
    """DataTables ``columnDefs`` that format the numeric columns of ``table`` (see the module docstring).

    Parameters
    ----------
    table : DataFrame
        A table without index (as :func:`table_html` shows it).

    Returns
    -------
    list of dict
        One ``{"targets": i, "render": ..., "className": "dt-right"}`` per numeric column.
    """
    defs = []
    for i, name in enumerate(table.columns):
        values = table.iloc[:, i]
        if str(name) == "left":  # a concordance's left context reads towards the match
            defs.append({"targets": i, "className": "dt-right"})
            continue
        if pd.api.types.is_bool_dtype(values) or not pd.api.types.is_numeric_dtype(values):
            continue
        plain = str(name) in PLAIN_COLUMNS or str(name).endswith(("_id", "year"))
        if pd.api.types.is_integer_dtype(values):
            if plain:
                continue
            defs.append({"targets": i, "render": _render(0, True), "className": "dt-right"})
            continue
        whole = values.dropna()
        if len(whole) and plain and np.all(np.mod(whole.to_numpy(dtype=float), 1) == 0):
            defs.append({"targets": i, "render": _render(0, False), "className": "dt-right"})
            continue
        defs.append({"targets": i, "render": _render(_decimals(values), not plain),
                     "className": "dt-right"})
    return defs


def table_html(table: pd.DataFrame, *, caption: str | None = None) -> str:
    """The HTML of ``table`` as an interactive DataTable, with its CSV link (module docstring).

    Parameters
    ----------
    table : DataFrame
    caption : str, optional
        A line shown under the table.

    Returns
    -------
    str
        HTML that needs the DataTables bundle of :func:`load_datatables` on the page.
    """
    from itables import to_html_datatable

    if not isinstance(table, pd.DataFrame):
        raise ParameterError(f"table must be a pandas DataFrame, got {type(table).__name__}")
    saved = _saved_csv(table)
    shown = _flat(table)
    shown.columns = [str(c) for c in shown.columns]
    big = len(shown) > PAGE_LENGTH
    options: dict[str, Any] = dict(
        connected=False, showIndex=False, classes="display compact cell-border",
        style="table-layout:auto;width:auto;margin:0;caption-side:bottom", css=TABLE_CSS,
        maxBytes=MAX_BYTES, display_logo_when_loading=False, columnDefs=column_formats(shown),
        paging=big, pageLength=PAGE_LENGTH, lengthMenu=[PAGE_LENGTH, 50, 200, -1],
        layout={"topStart": "pageLength" if big else None, "topEnd": "search" if big else None,
                "bottomStart": "info" if big else None, "bottomEnd": "paging" if big else None},
        autoWidth=False, warn_on_unexpected_types=False)
    if caption:
        options["caption"] = caption
    body = to_html_datatable(shown, **options)
    if shown.empty:
        body = ("<p class='discourse-empty'><em>No rows</em> (columns: "
                + html.escape(", ".join(shown.columns)) + ").</p>")
    if saved is not None:
        csv, rows = saved
        body += (f"<p class='discourse-csv'><a href=\"{html.escape(csv, quote=True)}\" download>"
                 f"{html.escape(csv.rsplit('/', 1)[-1])}</a> (CSV, {rows:,} rows)</p>")
    return body


def load_datatables() -> None:
    """Display the DataTables bundle once (itables offline): tables shown after it are interactive.

    Outside a running kernel (no IPython), nothing is displayed.
    """
    if _ipython() is None:
        return
    from itables import init_notebook_mode

    init_notebook_mode(all_interactive=False, connected=False)


def _ipython() -> Any:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the notebooks' requirements
        return None
    return get_ipython()


def register_table_display() -> bool:
    """Show every DataFrame of the running kernel with :func:`table_html`; False outside IPython."""
    ip = _ipython()
    if ip is None or not hasattr(ip, "display_formatter"):
        return False
    formatter = ip.display_formatter.formatters["text/html"]
    formatter.for_type(pd.DataFrame, table_html)
    return True


def fmt_count(value: float) -> str:
    """A count with thousands separators (``12,345``); NaN as an empty string."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{int(value):,}"
