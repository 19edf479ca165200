"""``index.html`` of a report folder: every report, figure and table, and the provenance of the run.

Every link is relative to the report folder, so the folder can be moved or archived as a whole.
"""
from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any, Sequence

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.45; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.75rem; text-align: left;
         vertical-align: top; }
th { background: #f4f4f4; }
.ok { color: #1a7f37; } .failed { color: #b42318; font-weight: bold; }
code { font-size: 0.9em; word-break: break-all; }
"""


def _link(out: Path, path: Path, label: str | None = None) -> str:
    rel = path.relative_to(out).as_posix()
    return f'<a href="{html.escape(rel, quote=True)}">{html.escape(label or rel)}</a>'


def _rows(pairs: Sequence[tuple[str, str]]) -> str:
    return "\n".join(f"<tr><th>{html.escape(k)}</th><td>{v}</td></tr>" for k, v in pairs)


def write_index(out: Path, runs: Sequence[Any], provenance: dict[str, Any]) -> Path:
    """Write ``out/index.html`` for the notebook ``runs`` and ``provenance``; return its path.

    Parameters
    ----------
    out : Path
        The report folder.
    runs : sequence of discourse.report.NotebookRun
        The notebooks, with status, time, files and error.
    provenance : dict
        From :func:`discourse.provenance.collect_provenance`.
    """
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             "<title>discourse report</title>", f"<style>{_STYLE}</style></head><body>",
             "<h1>discourse report</h1>",
             f"<p>Corpus <code>{html.escape(str(provenance.get('corpus')))}</code>, generated "
             f"{html.escape(str(provenance.get('timestamp')))}.</p>"]

    parts.append("<h2>Reports</h2><table><tr><th>notebook</th><th>status</th><th>seconds</th>"
                 "<th>executed notebook</th><th>error</th></tr>")
    for run in runs:
        report = _link(out, run.html, run.name) if run.html.exists() else html.escape(run.name)
        executed = _link(out, run.executed, run.executed.name) if run.executed.exists() else ""
        parts.append(f'<tr><td>{report}</td><td class="{run.status}">{run.status}</td>'
                     f"<td>{run.seconds:.1f}</td><td>{executed}</td>"
                     f"<td>{html.escape(run.error)}</td></tr>")
    parts.append("</table>")

    for title, sub, suffix in (("Figures", "figures", ".png"), ("Tables", "tables", ".csv")):
        files = sorted((out / sub).glob(f"*{suffix}")) if (out / sub).is_dir() else []
        parts.append(f"<h2>{title} ({len(files)})</h2>")
        if files:
            parts.append("<ul>" + "".join(f"<li>{_link(out, f)}</li>" for f in files) + "</ul>")
        else:
            parts.append("<p>None written.</p>")

    parts.append("<h2>Provenance</h2><table>")
    rows = [(k, f"<code>{html.escape(str(v))}</code>") for k, v in provenance.items()
            if k not in ("parameters", "versions", "notebooks")]
    rows.append(("provenance.json", _link(out, out / "provenance.json")))
    parts.append(_rows(rows) + "</table>")
    parts.append("<h3>Parameters</h3><table>")
    params = provenance.get("parameters") or {}
    parts.append(_rows([(k, f"<code>{html.escape(json.dumps(v, ensure_ascii=False))}</code>")
                        for k, v in params.items()]) if params else
                 "<tr><td>notebook defaults</td></tr>")
    parts.append("</table><h3>Package versions</h3><table>")
    parts.append(_rows([(k, html.escape(str(v))) for k, v in (provenance.get("versions") or {}).items()]))
    parts.append("</table></body></html>")
    index = out / "index.html"
    index.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return index
