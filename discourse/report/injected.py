"""Parameters as papermill hands them to a notebook: list values given as text, misspelt names.

papermill's ``-p NAME VALUE`` passes text (or a number): ``-p speakers '["Shi Xiaolin"]'`` arrives as
the string ``'["Shi Xiaolin"]'`` and ``-p years 2024`` as the integer 2024, where the notebook
declares lists (nteract/papermill#371). :func:`read_list_values` reads such values as YAML, as
papermill's own ``-y`` does: ``'["Shi Xiaolin"]'`` and ``'[2023, 2024]'`` become lists, ``2024`` and
``'Shi Xiaolin'`` become one-element lists, an empty string an empty list.

A misspelt name (``-p speakrs ...``) is injected as a new variable and the notebook runs on its
defaults, with one line of papermill's log. :func:`unknown_injected` finds such names: papermill's
injected cell (tagged ``injected-parameters``) starts with the comment ``# Parameters``, and the
kernel keeps every executed cell's source in ``In``; the names assigned there are compared with the
names the notebook's own parameters cell declares (its annotated assignments, ``name: type = value``,
which Python records in ``__annotations__``).
"""
from __future__ import annotations

import ast
import difflib
from typing import Any, Mapping, MutableMapping

from discourse.errors import ParameterError
from discourse.report.params import PARAMETERS
from discourse.validate import format_values

__all__ = ["read_list_values", "injected_names", "unknown_injected", "INJECTED_HEADER"]

#: The first line of the cell papermill injects (papermill's PythonTranslator comment).
INJECTED_HEADER = "# Parameters"


def _read_list(name: str, value: Any) -> list:
    import yaml

    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, str):
        if not value.strip():
            return []
        try:
            parsed = yaml.safe_load(value)
        except yaml.YAMLError as exc:
            raise ParameterError(f"{name}: {value!r} is not a YAML list (e.g. '[\"a\", \"b\"]'): "
                                 f"{str(exc).splitlines()[0]}") from exc
        if isinstance(parsed, (list, tuple)):
            return list(parsed)
        return [value.strip() if isinstance(parsed, str) or parsed is None else parsed]
    if value is None:
        return []
    return [value]


def read_list_values(namespace: MutableMapping[str, Any]) -> dict[str, Any]:
    """Read the list parameters of ``namespace`` given as text or as one value; write them back.

    Parameters
    ----------
    namespace : mutable mapping
        A notebook's ``globals()``; only names of :data:`PARAMETERS` whose type is ``list`` change.

    Returns
    -------
    dict
        The changed parameters, by name, with their new values.

    Raises
    ------
    ParameterError
        A text value that is not YAML, naming the parameter.
    """
    changed = {}
    for name, spec in PARAMETERS.items():
        if name not in namespace:
            continue
        value = namespace[name]
        if spec.type is list and not isinstance(value, list):
            changed[name] = _read_list(name, value)
        elif spec.type is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            changed[name] = str(value)
    for name, value in changed.items():
        namespace[name] = value
    return changed


def injected_names(history: Any) -> list[str]:
    """The names papermill injected: those assigned in the last executed cell headed ``# Parameters``.

    Parameters
    ----------
    history : list of str or None
        The kernel's input history (IPython's ``In``); None or empty when not run by papermill.

    Returns
    -------
    list of str
        In the order of the cell; empty when no injected cell was executed.
    """
    if not isinstance(history, (list, tuple)):
        return []
    cells = [c for c in history if isinstance(c, str) and c.lstrip().startswith(INJECTED_HEADER)]
    if not cells:
        return []
    try:
        tree = ast.parse(cells[-1])
    except SyntaxError:
        return []
    names: list[str] = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
        names.extend(t.id for t in targets if isinstance(t, ast.Name) and t.id not in names)
    return names


def unknown_injected(namespace: Mapping[str, Any]) -> list[str]:
    """Messages for the injected names that the notebook does not declare, with the nearest names.

    Parameters
    ----------
    namespace : mapping
        A notebook's ``globals()`` (it holds ``In`` and ``__annotations__`` in a kernel).

    Returns
    -------
    list of str
        One message per unknown name, e.g. ``"speakrs is not a parameter of this notebook (did you
        mean speakers?); it was ignored. This notebook's parameters: corpus, ..."``; empty when every
        injected name is declared, or when the notebook was not run by papermill.
    """
    injected = injected_names(namespace.get("In"))
    declared = [n for n in (namespace.get("__annotations__") or {}) if n in PARAMETERS]
    if not injected or not declared:
        return []
    messages = []
    for name in injected:
        if name in declared:
            continue
        close = difflib.get_close_matches(name, declared, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]}?)" if close else ""
        where = " (a parameter of other notebooks of the suite)" if name in PARAMETERS else ""
        messages.append(f"{name} is not a parameter of this notebook{where}{hint}; it was ignored. "
                        f"This notebook's parameters: {format_values(declared)}")
    return messages
