"""Every example notebook runs top to bottom on a fresh kernel, and its stored text outputs
are what it prints today."""

from __future__ import annotations

import importlib.util
import pathlib
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat")
pytest.importorskip("nbclient")

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))


def _runner() -> Any:
    spec = importlib.util.spec_from_file_location("run_notebooks", EXAMPLES / "run_notebooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _texts(notebook: Any) -> list[str]:
    """The text outputs, one entry per cell's printed text (the kernel may split one
    cell's standard output into several stream outputs depending on timing)."""
    texts: list[str] = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        printing = False
        for output in cell.get("outputs", []):
            if output.output_type == "stream" and output.name == "stdout":
                if printing:
                    texts[-1] += output.text
                else:
                    texts.append(output.text)
                printing = True
                continue
            printing = False
            if output.output_type in ("execute_result", "display_data"):
                data = output.get("data", {})
                texts.append(
                    data.get("text/markdown")
                    or ("[image]" if "image/png" in data else data.get("text/plain", ""))
                )
            elif output.output_type == "error":
                texts.append(f"ERROR {output.ename}")
    return texts


def test_there_are_three_notebooks() -> None:
    assert [p.name for p in NOTEBOOKS] == [
        "all-partnerships.ipynb",
        "follow-up-portfolio.ipynb",
        "molndal-konstkollektivet.ipynb",
        "your-own-agreement.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_and_its_stored_outputs_are_current(path: pathlib.Path) -> None:
    stored = nbformat.read(path, as_version=4)
    assert any(cell.get("outputs") for cell in stored.cells if cell.cell_type == "code"), (
        "stored without outputs"
    )
    fresh = _runner().execute(path)  # raises CellExecutionError on a failing cell
    assert _texts(fresh) == _texts(stored)
