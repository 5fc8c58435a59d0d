"""Execute the example notebooks top to bottom on a fresh kernel and store their outputs.

    python examples/run_notebooks.py            # every notebook in examples/
    python examples/run_notebooks.py NAME.ipynb

Needs the ``notebooks`` extra (``pip install 'iop-model[notebooks]'``). The test suite runs
the same notebooks (without saving) and fails on any failing cell.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).parent


def execute(path: Path) -> nbformat.NotebookNode:
    """Run ``path`` in its own folder on a fresh ``python3`` kernel; return the notebook."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=300,
        record_timing=False,  # no timestamps: a re-run changes only what the outputs say
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    for cell in notebook.cells:  # timings stored by an earlier run are dropped too
        cell.get("metadata", {}).pop("execution", None)
    return notebook


def main(names: list[str]) -> int:
    paths = [HERE / name for name in names] or sorted(HERE.glob("*.ipynb"))
    for path in paths:
        notebook = execute(path)
        nbformat.write(notebook, path)
        print(f"{path.name}: executed, outputs stored")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
