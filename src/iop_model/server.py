"""The HTTP API: ``iop-model serve`` (needs ``pip install 'iop-model[server]'``).

An edge, like the command line: every answer is computed by the library's own functions from
the agreement files in the request body, as known on the day asked for (T13). Built on
Litestar (an ASGI framework that writes the OpenAPI 3.1 document) and served by uvicorn.

Endpoints (the query parameters follow the command line's names and defaults):

* ``POST /check``: 200 when every file in the body is valid, 422 with every problem
* ``POST /assess``, ``POST /report`` (``format`` json, html, csv, text, markdown, pdf),
  ``POST /due`` (``format`` json, csv, ics), ``POST /export/360giving``,
  ``POST /export/ocds``: ``as_of``, ``known_on``, ``lang``, ``hour_rate``, ``eur_rate``
* ``GET /rules``, ``GET /rules/{id}``, ``GET /schema`` (the file format), ``GET
  /openapi.json``, ``GET /health``

The body is one agreement file (TOML as ``application/toml``, JSON as
``application/json``), a JSON list of files, or ``multipart/form-data`` with one file per
part (its name decides TOML or JSON). A body the library refuses is answered with 422 and
``application/problem+json`` (RFC 9457) listing every problem with its file, path, value and
rule ID, as ``iop-model check`` does; a bad query parameter with 400 in the same form. No
answer ever carries a stack trace. Every answer carries the library's version and the rules'
fingerprint in the headers ``IOP-Model-Version`` and ``IOP-Model-Rules``.

>>> from litestar.testing import TestClient
>>> with TestClient(app=create_app()) as client:
...     client.get("/rules/T3").json()["id"]
'T3'
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

import pendulum

from iop_model._version import __version__
from iop_model.case import Case
from iop_model.errors import FileError, IOPError, Problem
from iop_model.files.loader import DEFAULT_MAX_BYTES, loads, schema
from iop_model.rules import RULES, fingerprint
from iop_model.terms.agreement import duplicate_ids
from iop_model.terms.term import calendar_day, today

try:
    from litestar import Litestar, MediaType, Request, Response, get, post
    from litestar.exceptions import HTTPException, ValidationException
    from litestar.openapi.config import OpenAPIConfig
    from litestar.params import FromPath, FromQuery
except ImportError as error:  # pragma: no cover - the extra is installed in tests
    raise ImportError(
        "the HTTP API needs Litestar and uvicorn: pip install 'iop-model[server]'"
    ) from error

__all__ = ["create_app", "serve"]

Date = pendulum.Date
PROBLEM = "application/problem+json"
#: A request may hold this many files; each is held to the file limits of the loader.
MAX_FILES = 200


class _RefusedError(Exception):
    """A request the API answers with a problem document."""

    def __init__(self, status: int, title: str, problems: list[dict[str, Any]]) -> None:
        super().__init__(title)
        self.status, self.title, self.problems = status, title, problems


def _problem(problem: Problem, file: str | None = None, lang: str = "en") -> dict[str, Any]:
    from iop_model.problem_text import message

    found: dict[str, Any] = {"path": problem.path, "message": message(problem, lang)}
    if lang == "sv":
        found["message_en"] = problem.message
    if file is not None:
        found["file"] = file
    if problem.value is not None:
        found["value"] = repr(problem.value)
    if problem.rule:
        found["rule"] = problem.rule
    return found


def _headers() -> dict[str, str]:
    return {"IOP-Model-Version": __version__, "IOP-Model-Rules": fingerprint()}


def _answer(status: int, title: str, problems: list[dict[str, Any]]) -> Response[Any]:
    body = {"type": "about:blank", "title": title, "status": status, "problems": problems}
    return Response(content=body, status_code=status, media_type=PROBLEM, headers=_headers())


# --- reading the body -------------------------------------------------------------------------


async def _files(request: Request[Any, Any, Any]) -> list[tuple[str, Case]]:
    """The agreement files of the body, every problem of every file at once (422)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    texts: list[tuple[str, bytes, str]] = []
    if kind == "multipart/form-data":
        form = await request.form()
        # multidict's items() keeps every part in the body's order (Litestar's multi_items()
        # iterates a set of keys, which loses it)
        for key, value in form.items():
            if hasattr(value, "read"):
                name = getattr(value, "filename", None) or key
                data = await value.read()
                texts.append((name, data, "json" if name.lower().endswith(".json") else "toml"))
    else:
        body = await request.body()
        if kind in ("application/json", "text/json"):
            try:
                parsed = json.loads(body) if body else None
            except ValueError:
                parsed = None  # the loader names the syntax problem with its line
            if isinstance(parsed, list):
                texts = [
                    (f"body[{index}]", json.dumps(item).encode("utf-8"), "json")
                    for index, item in enumerate(parsed)
                ]
            else:
                texts = [("body", body, "json")]
        elif kind in ("application/toml", "text/toml", "text/plain", ""):
            texts = [("body", body, "toml")]
        else:
            raise _RefusedError(
                415,
                "Unsupported media type",
                [
                    {
                        "path": "",
                        "message": "send an agreement file as application/toml or "
                        "application/json, a JSON list of files, or multipart/form-data",
                        "value": repr(kind),
                    }
                ],
            )
    if not texts:
        raise _RefusedError(
            422, "No agreement file", [{"path": "", "message": "the body is empty"}]
        )
    if len(texts) > MAX_FILES:
        raise _RefusedError(
            413, "Too many files", [{"path": "", "message": f"at most {MAX_FILES} files a request"}]
        )
    # problems in the language asked for (lang=sv words them in Swedish, keeping the English
    # as message_en); English when none is asked for, as programs read them
    lang = "sv" if request.query_params.get("lang") == "sv" else "en"
    cases: list[tuple[str, Case]] = []
    problems: list[dict[str, Any]] = []
    request.state.digests = {name: hashlib.sha256(data).hexdigest() for name, data, _ in texts}
    for name, data, fmt in texts:
        try:
            cases.append((name, loads(data, fmt, source=name)))  # type: ignore[arg-type]
        except FileError as error:
            problems.extend(_problem(p, name, lang) for p in error.problems)
    for clash in duplicate_ids((name, case.agreements) for name, case in cases):  # T17
        file, _, path = clash.path.partition(": ")
        clash_problem = Problem(path, clash.message, clash.value, clash.rule)
        problems.append(_problem(clash_problem, file, lang))
    if problems:
        raise _RefusedError(422, "The agreement file breaks the file format's rules", problems)
    return cases


def _digest(request: Request[Any, Any, Any], name: str) -> str | None:
    """The SHA-256 of a file's bytes as the request gave them (the report's provenance)."""
    digests: dict[str, str] = getattr(request.state, "digests", {})
    return digests.get(name)


# --- query parameters -------------------------------------------------------------------------


def _day(name: str, value: str | None) -> Date | None:
    if value is None:
        return None
    try:
        parsed = pendulum.parse(value, exact=True, strict=True)
    except (ValueError, pendulum.parsing.exceptions.ParserError):
        parsed = None
    if not isinstance(parsed, Date) or isinstance(parsed, pendulum.DateTime):
        raise _RefusedError(400, "Bad query parameter", [_bad(name, value, "a day YYYY-MM-DD")])
    return calendar_day(parsed, name)


def _bad(name: str, value: object, expected: str) -> dict[str, Any]:
    return {"path": name, "message": f"expected {expected}", "value": repr(value)}


def _days(as_of: str | None, known_on: str | None) -> tuple[Date, Date, bool]:
    day = _day("as_of", as_of)
    is_today = day is None
    found = today() if day is None else day
    knowledge = _day("known_on", known_on) or found
    if knowledge > found:
        raise _RefusedError(
            400,
            "Bad query parameter",
            [_bad("known_on", known_on, "a day on or before the as-of day (G10)")],
        )
    return found, knowledge, is_today


def _lang(value: str) -> Any:
    if value not in ("sv", "en"):
        raise _RefusedError(400, "Bad query parameter", [_bad("lang", value, "'sv' or 'en'")])
    return value


def _rate(name: str, value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        rate = Decimal(value)
    except InvalidOperation:
        rate = Decimal(-1)
    if not rate.is_finite() or rate <= 0 or len(value) > 40:
        raise _RefusedError(400, "Bad query parameter", [_bad(name, value, "a number above 0")])
    return rate


def _choice(name: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise _RefusedError(400, "Bad query parameter", [_bad(name, value, " or ".join(allowed))])
    return value


def _refusing(
    handler: Callable[..., Any],
) -> Callable[..., Any]:
    """Answer the library's refusals as problem documents, never with a trace."""

    @functools.wraps(handler)
    async def wrapped(*args: Any, **kwargs: Any) -> Any:
        try:
            return await handler(*args, **kwargs)
        except _RefusedError as refused:
            return _answer(refused.status, refused.title, refused.problems)
        except FileError as error:
            return _answer(422, "The input is refused", [_problem(p) for p in error.problems])
        except IOPError as error:
            found: dict[str, Any] = {"path": error.field or "", "message": error.message}
            if error.rule:
                found["rule"] = error.rule
            return _answer(422, "The input is refused", [found])

    return wrapped


def _response(content: Any, media_type: str, status: int = 200) -> Response[Any]:
    return Response(content=content, media_type=media_type, status_code=status, headers=_headers())


# --- endpoints --------------------------------------------------------------------------------


@get("/health", sync_to_thread=False)
def health() -> Response[Any]:
    """Whether the service runs, with the library's version and the rules' fingerprint."""
    return _response(
        {"status": "ok", "version": __version__, "rules_fingerprint": fingerprint()},
        MediaType.JSON,
    )


def _rule(rule_id: str) -> dict[str, Any]:
    rule = RULES[rule_id]
    return {
        "id": rule.id,
        "title": {"en": rule.title, "sv": rule.title_in("sv")},
        "statement": {"en": rule.statement, "sv": rule.statement_sv},
        "source": {"en": rule.source, "sv": rule.source_in("sv")},
        "kind": rule.kind,
    }


@get("/rules", sync_to_thread=False)
def rules() -> Response[Any]:
    """Every rule the library applies: ID, title, statement in English and Swedish, source."""
    return _response([_rule(rule_id) for rule_id in RULES], MediaType.JSON)


@get("/rules/{rule_id:str}", sync_to_thread=False)
def rule(rule_id: FromPath[str]) -> Response[Any]:
    """One rule by its ID (404 when there is none)."""
    if rule_id not in list(RULES):
        return _answer(404, "No such rule", [{"path": "rule_id", "message": "no rule has this ID"}])
    return _response(_rule(rule_id), MediaType.JSON)


@get("/schema", sync_to_thread=False)
def file_schema() -> Response[Any]:
    """The JSON Schema of the agreement file format."""
    return _response(schema(), "application/schema+json")


@post("/check", status_code=200)
@_refusing
async def check(request: Request[Any, Any, Any]) -> Response[Any]:
    """200 with the files read when every one is valid; 422 listing every problem."""
    cases = await _files(request)
    return _response(
        {
            "valid": True,
            "files": [{"file": name, "agreements": len(c.agreements)} for name, c in cases],
        },
        MediaType.JSON,
    )


@post("/assess", status_code=200)
@_refusing
async def assess(
    request: Request[Any, Any, Any],
    as_of: FromQuery[str | None] = None,
    known_on: FromQuery[str | None] = None,
) -> Response[Any]:
    """Every goal's status as of ``as_of`` as known on ``known_on`` (``assess --json``)."""
    from iop_model.queries.report import assessment_document

    cases = await _files(request)
    day, knowledge, is_today = _days(as_of, known_on)
    documents = [
        assessment_document(
            name, case.as_known_on(knowledge), day, is_today, _digest(request, name)
        )
        for name, case in cases
    ]
    return _response(documents[0] if len(documents) == 1 else documents, MediaType.JSON)


_REPORT_FORMATS = ("json", "html", "csv", "text", "markdown", "pdf")


@post("/report", status_code=200)
@_refusing
async def report(
    request: Request[Any, Any, Any],
    as_of: FromQuery[str | None] = None,
    known_on: FromQuery[str | None] = None,
    lang: FromQuery[str] = "sv",
    hour_rate: FromQuery[str | None] = None,
    eur_rate: FromQuery[str | None] = None,
    format: FromQuery[str] = "json",
    money_by: FromQuery[str | None] = None,
) -> Response[Any]:
    """The follow-up report, in ``format`` (pdf needs ``iop-model[pdf]``)."""
    from iop_model.queries.report import view

    cases = await _files(request)
    day, knowledge, is_today = _days(as_of, known_on)
    chosen = _choice("format", format, _REPORT_FORMATS)
    language = _lang(lang)
    hours, rate = _rate("hour_rate", hour_rate), _rate("eur_rate", eur_rate)
    if money_by is not None:
        _choice("money_by", money_by, ("year", "agreement-year"))
    if chosen in ("html", "csv", "pdf"):
        from iop_model.queries.portfolio import Portfolio

        portfolio = Portfolio(cases)
        if chosen == "csv":
            from iop_model.outputs.html import render_csv

            text = render_csv(portfolio, day, lang=language, known_on=knowledge, eur_rate=rate)
            return _response(text, "text/csv; charset=utf-8")
        options: dict[str, Any] = {
            "known_on": knowledge,
            "hour_rate": hours,
            "eur_rate": rate,
            "money_by": money_by,
            "digests": getattr(request.state, "digests", None),
        }
        if chosen == "pdf":
            from iop_model.outputs.pdf import render_pdf

            return _response(render_pdf(portfolio, day, language, **options), "application/pdf")
        from iop_model.outputs.html import render_html

        return _response(render_html(portfolio, day, language, **options), MediaType.HTML)
    documents = [
        view(
            case.as_known_on(knowledge),
            day,
            language,
            today=is_today,
            input_sha256=_digest(request, name),
            hour_rate=hours,
            eur_rate=rate,
            money_by=money_by,
        )[0]
        for name, case in cases
    ]
    if chosen == "json":
        return _response(documents[0] if len(documents) == 1 else documents, MediaType.JSON)
    if chosen == "markdown":
        from iop_model.outputs.markdown import render_markdown

        return _response("\n".join(render_markdown(d) for d in documents), "text/markdown")
    from iop_model.outputs.text import render_text

    return _response("\n\n".join(render_text(d) for d in documents) + "\n", MediaType.TEXT)


@post("/due", status_code=200)
@_refusing
async def due(
    request: Request[Any, Any, Any],
    as_of: FromQuery[str | None] = None,
    known_on: FromQuery[str | None] = None,
    lang: FromQuery[str] = "sv",
    within: FromQuery[int] = 180,
    format: FromQuery[str] = "json",
) -> Response[Any]:
    """The actions due within ``within`` days and overdue (json, csv or ics)."""
    from iop_model.outputs import due as due_output

    cases = await _files(request)
    day, knowledge, _ = _days(as_of, known_on)
    chosen = _choice("format", format, ("json", "csv", "ics"))
    language = _lang(lang)
    if within < 0:
        raise _RefusedError(400, "Bad query parameter", [_bad("within", within, "a number >= 0")])
    rows = due_output.collect(cases, day, within, knowledge)
    if chosen == "ics":
        return _response(due_output.render_ics(rows, language), "text/calendar; charset=utf-8")
    if chosen == "csv":
        return _response(due_output.render_csv(rows, language), "text/csv; charset=utf-8")
    return _response(json.loads(due_output.render_json(rows, day, within)), MediaType.JSON)


async def _export(
    to: str,
    request: Request[Any, Any, Any],
    as_of: str | None,
    prefix: str,
    own_ids: bool,
) -> Response[Any]:
    from iop_model.outputs.export import ExportError, export

    cases = await _files(request)
    day, _, _ = _days(as_of, None)
    try:
        data = export(cases, to, day, prefix=prefix, own_ids=own_ids)
    except ExportError as error:
        raise _RefusedError(
            422, "The data cannot fill the standard's fields", [_problem(p) for p in error.problems]
        ) from None
    return _response(data, MediaType.JSON)


@post("/export/360giving", status_code=200)
@_refusing
async def export_360giving(
    request: Request[Any, Any, Any],
    as_of: FromQuery[str | None] = None,
    prefix: FromQuery[str] = "iop-model",
    own_ids: FromQuery[bool] = False,
) -> Response[Any]:
    """A 360Giving grant package of the files, as known on ``as_of``."""
    return await _export("360giving", request, as_of, prefix, own_ids)


@post("/export/ocds", status_code=200)
@_refusing
async def export_ocds(
    request: Request[Any, Any, Any],
    as_of: FromQuery[str | None] = None,
    prefix: FromQuery[str] = "iop-model",
    own_ids: FromQuery[bool] = False,
) -> Response[Any]:
    """An OCDS release package of the files, as known on ``as_of``."""
    return await _export("ocds", request, as_of, prefix, own_ids)


def _validation(request: Request[Any, Any, Any], error: Exception) -> Response[Any]:
    """A query parameter of the wrong type: 400, as a problem document."""
    extra = getattr(error, "extra", None) or []
    problems = [
        {"path": str(item.get("key", "")), "message": str(item.get("message", "invalid"))}
        for item in extra
        if isinstance(item, dict)
    ] or [{"path": "", "message": "invalid request"}]
    return _answer(400, "Bad request", problems)


def _http(request: Request[Any, Any, Any], error: Exception) -> Response[Any]:
    status = getattr(error, "status_code", 500)
    detail = str(getattr(error, "detail", "")) or "request refused"
    return _answer(status, detail, [{"path": "", "message": detail}])


def _internal(request: Request[Any, Any, Any], error: Exception) -> Response[Any]:
    """Anything else: 500 without a trace (the server's log has it)."""
    logging.getLogger("iop_model.server").error("internal error", exc_info=error)
    return _answer(500, "Internal error", [{"path": "", "message": "the service failed"}])


def create_app() -> Litestar:
    """The API as an ASGI application (run it with any ASGI server)."""
    app = Litestar(
        route_handlers=[
            health,
            rules,
            rule,
            file_schema,
            check,
            assess,
            report,
            due,
            export_360giving,
            export_ocds,
        ],
        openapi_config=OpenAPIConfig(
            title="iop-model",
            version=__version__,
            description="Idea-based public partnerships (IOP): exact rules, as known on a day.",
            path="/docs",
        ),
        exception_handlers={
            ValidationException: _validation,
            HTTPException: _http,
            Exception: _internal,
        },
        request_max_body_size=DEFAULT_MAX_BYTES * 4,
        debug=False,
    )

    @get("/openapi.json", sync_to_thread=False, include_in_schema=False)
    def openapi() -> Response[Any]:
        return _response(app.openapi_schema.to_schema(), MediaType.JSON)

    app.register(openapi)
    return app


def serve(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the API with uvicorn until stopped."""
    import uvicorn

    uvicorn.run(create_app(), host=host, port=port, log_level="info")
