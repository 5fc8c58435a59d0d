"""Problems in Swedish under --lang sv (issue 25): `check`, the server's problem documents
and every command that refuses a file say what is wrong in Swedish, with the path, the value
and the rule, as `check` does in English."""

from __future__ import annotations

import io
import json
import pathlib

import pytest

from iop_model.cli import main
from iop_model.errors import Problem
from iop_model.problem_text import in_swedish, translated

BAD = pathlib.Path(__file__).parent / "bad_inputs"

ENGLISH_WORDS = (" the ", " expected ", " missing ", " unknown ", " key ", " file ", " not ")


@pytest.mark.parametrize(
    ("message", "swedish"),
    [
        ("missing required field", "ett obligatoriskt fält saknas"),
        ("expected text", "väntade text"),
        ("expected a date written as YYYY-MM-DD", "väntade en dag skriven ÅÅÅÅ-MM-DD"),
        (
            "unknown key; did you mean 'term'? (expected id, term)",
            "okänd nyckel; menade du 'term'? (tillåtna: id, term)",
        ),
        (
            "no agreement with this id in the file; did you mean 'a'? (ids: a, b)",
            "inget avtal i filen har detta id; menade du 'a'? (id: a, b)",
        ),
    ],
)
def test_common_messages_read_as_swedish(message: str, swedish: str) -> None:
    assert in_swedish(Problem("x", message)) == f"x: {swedish}"


def test_a_rule_bound_message_without_its_own_wording_quotes_the_rule_in_swedish() -> None:
    text = in_swedish(Problem("termination.on", "the notice period has not run", "x", "D5"))
    assert text.startswith("termination.on: D5: strider mot regeln (Uppsägningstid): ")
    assert "(värde: 'x')" in text


def test_check_in_swedish_says_every_problem_in_swedish(tmp_path: pathlib.Path) -> None:
    out = io.StringIO()
    assert main(["check", str(BAD), "--lang", "sv"], out=out) == 1
    text = out.getvalue()
    assert "problem" in text
    for line in text.splitlines():
        if line.startswith("  "):
            assert not any(word in f" {line} " for word in ENGLISH_WORDS), line
    document = io.StringIO()
    main(["check", str(BAD), "--lang", "sv", "--json"], out=document)
    problems = [p for f in json.loads(document.getvalue()) for p in f["problems"]]
    assert all("message_en" in p for p in problems)  # the English stays, for programs


def test_how_much_is_worded_in_swedish() -> None:
    """The share of the bad-input corpus's messages that have their own Swedish wording
    (the rest quote their rule's Swedish statement); reported in the closing note."""
    out = io.StringIO()
    main(["check", str(BAD), "--json"], out=out)
    messages = [p["message"] for f in json.loads(out.getvalue()) for p in f["problems"]]
    own = sum(1 for message in messages if translated(message) is not None)
    assert own / len(messages) >= 0.5, (own, len(messages))


def test_the_server_words_problems_in_swedish_when_asked() -> None:
    pytest.importorskip("litestar")
    from litestar.testing import TestClient

    from iop_model.server import create_app

    body = b'format_version = 1\n[[agreements]]\nid = "a"\n'
    with TestClient(create_app()) as client:
        english = client.post("/check", content=body, headers={"content-type": "application/toml"})
        swedish = client.post(
            "/check?lang=sv", content=body, headers={"content-type": "application/toml"}
        )
    assert english.status_code == swedish.status_code == 422
    first = swedish.json()["problems"][0]
    assert first["message"] == "ett obligatoriskt fält saknas"
    assert first["message_en"] == english.json()["problems"][0]["message"]


def test_every_command_says_a_files_problems_in_swedish_when_asked(tmp_path: pathlib.Path) -> None:
    """Errors are English unless --lang sv is given (as for check and the server); with it,
    report, due and the other commands word a file's problems in Swedish."""
    import contextlib

    bad = tmp_path / "a.toml"
    bad.write_text('format_version = 1\n[[agreements]]\nid = "a"\n', encoding="utf-8")
    for lang, expected in (("sv", "ett obligatoriskt fält saknas"), (None, "missing required")):
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(["due", str(bad), *(["--lang", lang] if lang else [])], out=io.StringIO())
        assert code == 1
        assert expected in err.getvalue()
