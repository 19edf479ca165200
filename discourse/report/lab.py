"""JupyterLab hygiene: a notebook of the suite saved from Lab is saved as it is committed.

Lab writes the kernel's ``language_info`` (with the Python version of the machine) into a notebook it
opens, and outputs into one it runs; either would change the committed file. The git filter of
``make setup`` (nbstripout) keeps such changes out of commits, but git still lists the file as
modified once its size changes. So ``make lab`` also runs :func:`strip_on_save` as the server's
``pre_save_hook``: a notebook of the suite (``notebooks/NN-name.ipynb``) is written without outputs,
execution counts, widget state or the Python version, the form nbstripout gives it, so that opening,
running and saving it leaves the file byte for byte as committed. Outputs stay on screen until the
notebook is reopened; the reports (``make report``) are where executed notebooks are kept. Other
notebooks (a user's own) are saved untouched.
"""
from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

__all__ = ["strip_on_save", "is_suite_notebook", "STRIPPED_KEYS"]

#: Metadata removed on save, besides outputs and execution counts (nbstripout's names).
STRIPPED_KEYS = ["metadata.language_info.version"]
_SUITE = re.compile(r"^[0-9][0-9]-[^/]+\.ipynb$")


def is_suite_notebook(path: str) -> bool:
    """True for ``notebooks/NN-name.ipynb`` (a path as the Jupyter server gives it, ``/``-separated)."""
    parts = PurePosixPath(str(path).strip("/")).parts
    return len(parts) >= 2 and parts[-2] == "notebooks" and bool(_SUITE.match(parts[-1]))


def strip_on_save(model: dict, path: str, contents_manager: Any = None, **kwargs: Any) -> None:
    """A Jupyter server ``pre_save_hook``: strip a suite notebook's model in place (module docstring).

    Parameters
    ----------
    model : dict
        The contents model being saved (``type``, ``content``, ...).
    path : str
        Its path relative to the server's root.
    contents_manager, **kwargs
        Passed by the server; unused.
    """
    if model.get("type") != "notebook" or not is_suite_notebook(path) or not model.get("content"):
        return
    import nbformat
    from nbstripout import strip_output

    nb = nbformat.from_dict(model["content"])
    model["content"] = strip_output(nb, keep_output=False, keep_count=False, keep_id=True,
                                    extra_keys=STRIPPED_KEYS)
