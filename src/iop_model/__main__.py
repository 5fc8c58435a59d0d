"""``python -m iop_model``: the same as the ``iop-model`` command."""

from .cli import main

raise SystemExit(main())
