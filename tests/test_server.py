"""Issue 25: the HTTP API, through Litestar's test client and a real server on loopback."""

from __future__ import annotations

import json
import pathlib
import socket
import subprocess
import sys
import time

import pytest

pytest.importorskip("litestar")

import httpx
from litestar.testing import TestClient

from iop_model import __version__
from iop_model.rules import RULES, fingerprint
from iop_model.server import create_app

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLE = (ROOT / "examples" / "exempelby-kvinnojour.toml").read_bytes()
MOLNDAL = (ROOT / "examples" / "molndal-konstkollektivet.toml").read_bytes()
TOML = {"content-type": "application/toml"}


@pytest.fixture(scope="module")
def client() -> TestClient:  # type: ignore[type-arg]
    with TestClient(app=create_app()) as test_client:
        yield test_client


def test_every_answer_names_the_version_and_the_rules(client: TestClient) -> None:  # type: ignore[type-arg]
    answer = client.get("/health")
    assert answer.status_code == 200
    assert answer.headers["IOP-Model-Version"] == __version__
    assert answer.headers["IOP-Model-Rules"] == fingerprint()
    assert answer.json() == {
        "status": "ok",
        "version": __version__,
        "rules_fingerprint": fingerprint(),
    }


def test_rules_and_one_rule_and_the_schema(client: TestClient) -> None:  # type: ignore[type-arg]
    rules = client.get("/rules").json()
    assert [r["id"] for r in rules] == list(RULES)
    t3 = client.get("/rules/T3").json()
    assert t3["statement"]["sv"] == RULES["T3"].statement_sv
    d5 = client.get("/rules/D5").json()  # title and source in both languages, as statement
    assert d5["title"] == {"en": "Notice period", "sv": "Uppsägningstid"}
    assert "Verksamhetsplan och avtalsprocess" in d5["source"]["sv"]
    assert d5["source"]["en"] == RULES["D5"].source
    assert d5["kind"] == "own"
    missing = client.get("/rules/X9")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    from iop_model.files import schema

    assert client.get("/schema").json() == schema()


def test_check_answers_200_or_422_with_every_problem(client: TestClient) -> None:  # type: ignore[type-arg]
    assert client.post("/check", content=EXAMPLE, headers=TOML).json()["valid"] is True
    bad = EXAMPLE.replace(
        b"start = 2023-07-01\nend = 2026-06-30", b"start = 2023-07-01\nend = 2022-06-30"
    )
    bad = bad.replace(
        b'id = "exempelby-jouren-2023"', b'id = "exempelby-jouren-2023"\ntittle = "x"'
    )
    answer = client.post("/check", content=bad, headers=TOML)
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/problem+json")
    body = answer.json()
    assert body["status"] == 422
    paths = {p["path"] for p in body["problems"]}
    assert "agreements[0].tittle" in paths
    assert "Traceback" not in answer.text


def test_a_json_list_of_files_and_multipart(client: TestClient) -> None:  # type: ignore[type-arg]
    import tomllib

    def jsonable(value: object) -> object:
        if isinstance(value, dict):
            return {k: jsonable(v) for k, v in value.items()}
        if isinstance(value, list):
            return [jsonable(v) for v in value]
        return value.isoformat() if hasattr(value, "isoformat") else value

    documents = [
        jsonable(tomllib.loads(EXAMPLE.decode())),
        jsonable(tomllib.loads(MOLNDAL.decode())),
    ]
    answer = client.post(
        "/check", content=json.dumps(documents), headers={"content-type": "application/json"}
    )
    assert [f["file"] for f in answer.json()["files"]] == ["body[0]", "body[1]"]
    parts = client.post(
        "/check",
        files={
            "a": ("a.toml", EXAMPLE, "application/toml"),
            "b": ("b.toml", MOLNDAL, "application/toml"),
        },
    )
    assert [f["file"] for f in parts.json()["files"]] == ["a.toml", "b.toml"]


def test_report_assess_due_and_export_as_known(client: TestClient) -> None:  # type: ignore[type-arg]
    query = {"as_of": "2025-10-15", "lang": "en"}
    report = client.post("/report", content=EXAMPLE, headers=TOML, params=query).json()
    assert report["as_of"] == "2025-10-15"
    assert report["provenance"]["input_sha256"] is not None
    known = client.post(
        "/report", content=EXAMPLE, headers=TOML, params={**query, "known_on": "2024-01-01"}
    )
    assert known.json()["known_on"] == "2024-01-01"
    assess = client.post("/assess", content=EXAMPLE, headers=TOML, params=query).json()
    assert assess["assessments"]
    due = client.post("/due", content=EXAMPLE, headers=TOML, params={**query, "format": "ics"})
    assert due.text.startswith("BEGIN:VCALENDAR")
    grants = client.post(
        "/export/360giving",
        content=EXAMPLE,
        headers=TOML,
        params={"as_of": "2025-10-15", "prefix": "360G-x"},
    )
    assert grants.json()["grants"][0]["id"] == "360G-x-exempelby-jouren-2023"
    page = client.post("/report", content=EXAMPLE, headers=TOML, params={**query, "format": "html"})
    assert page.text.startswith("<!DOCTYPE html>")
    csv = client.post("/report", content=EXAMPLE, headers=TOML, params={**query, "format": "csv"})
    assert csv.text.lstrip("\ufeff").startswith("file;")
    swedish = {"as_of": "2025-10-15", "format": "csv"}  # lang=sv by default, as the CLI
    csv = client.post("/report", content=EXAMPLE, headers=TOML, params=swedish)
    assert csv.text.lstrip("\ufeff").startswith("Fil;Partnerskap;")


def test_bad_parameters_are_400_problems(client: TestClient) -> None:  # type: ignore[type-arg]
    for params in (
        {"as_of": "2025-13-01"},
        {"lang": "fi"},
        {"eur_rate": "-1"},
        {"format": "doc"},
        {"as_of": "2025-01-01", "known_on": "2025-02-01"},
    ):
        answer = client.post("/report", content=EXAMPLE, headers=TOML, params=params)
        assert answer.status_code == 400, params
        assert answer.headers["content-type"].startswith("application/problem+json")
    assert (
        client.post("/due", content=EXAMPLE, headers=TOML, params={"within": "x"}).status_code
        == 400
    )
    assert (
        client.post("/check", content=b"x", headers={"content-type": "image/png"}).status_code
        == 415
    )


def test_export_refusal_lists_every_missing_item(client: TestClient) -> None:  # type: ignore[type-arg]
    answer = client.post(
        "/export/ocds", content=MOLNDAL, headers=TOML, params={"as_of": "2022-06-01"}
    )
    assert answer.status_code == 422
    assert len(answer.json()["problems"]) >= 2


def test_the_openapi_document_is_valid(client: TestClient) -> None:  # type: ignore[type-arg]
    from openapi_spec_validator import validate

    document = client.get("/openapi.json").json()
    validate(document)
    assert {"/check", "/report", "/due", "/export/360giving", "/rules/{rule_id}"} <= set(
        document["paths"]
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_real_server_on_loopback() -> None:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "iop_model", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:  # pragma: no cover - the server did not start
            raise AssertionError("the server did not answer")
        assert answer.status_code == 200
        checked = httpx.post(f"http://127.0.0.1:{port}/check", content=EXAMPLE, headers=TOML)
        assert checked.json()["valid"] is True
    finally:
        process.terminate()
        process.wait(timeout=10)
