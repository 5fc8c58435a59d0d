"""``python -m iop_model``: the same as the ``iop-model`` command."""

from iop_model.cli import main

raise SystemExit(main())
