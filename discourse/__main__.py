"""``python -m discourse``: see :mod:`discourse.cli`."""
from discourse.cli import main

raise SystemExit(main())
