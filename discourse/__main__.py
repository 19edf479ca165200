"""``python -m discourse``: see :mod:`discourse.cli`."""
from .cli import main

raise SystemExit(main())
