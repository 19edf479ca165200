"""Reports: the notebook suite run headless by papermill into HTML (``run.py``), its parameters
(``params.py``), what notebooks open and save (``outputs.py``), provenance (``provenance.py``), the index
page (``index.py``) and the combined tables the notebooks show (``tables.py``)."""
from discourse.report.run import list_notebooks, run_report

__all__ = ["run_report", "list_notebooks"]
