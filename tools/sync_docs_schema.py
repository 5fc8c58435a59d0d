"""Copy the shipped JSON Schema into docs/files.md (between the schema markers).

    python tools/sync_docs_schema.py

``tests/test_files.py::test_the_docs_show_the_shipped_schema`` fails until this is run after
a change to ``src/iop_model/files/schema/iop-model-1.schema.json``.
"""

from __future__ import annotations

import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
START = "<!-- schema:start -->\n```json\n"
END = "\n```\n<!-- schema:end -->"


def main() -> None:
    schema = json.loads((ROOT / "src/iop_model/files/schema/iop-model-1.schema.json").read_text("utf-8"))
    docs = ROOT / "docs" / "files.md"
    text = docs.read_text("utf-8")
    before, rest = text.split(START)
    _, after = rest.split(END)
    shown = json.dumps(schema, ensure_ascii=False, indent=2)
    docs.write_text(before + START + shown + END + after, encoding="utf-8")


if __name__ == "__main__":
    main()
