"""Golden texts: every word an auditor reads, pinned.

The explanations (both languages), titles and ``to_dict()`` of every goal in the examples and
in a set of built partnerships, over a range of as-of and knowledge days; the figures of every
activity in words; and the exact messages of bad input. A change in any of them shows as a
diff against ``tests/golden/*.txt``; read the diff, and when it is intended, write the files
anew with ``IOP_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and commit them with the change.

These tests exist because mutation testing (``tools/mutation.sh``) showed that a wrong word or
a dropped rule ID in an explanation survived the rest of the suite.
"""

from __future__ import annotations

import difflib
import json
import os
import pathlib
from collections.abc import Callable, Iterator

import pendulum
import pytest

from iop_model import (
    Agreement,
    Extension,
    IdeaBasedParty,
    IOPError,
    MinimumDuration,
    Partnership,
    PublicParty,
    Term,
)
from iop_model.activities import figures_text
from iop_model.files import load

ROOT = pathlib.Path(__file__).parent.parent
GOLDEN = pathlib.Path(__file__).parent / "golden"
UPDATE = os.environ.get("IOP_UPDATE_GOLDEN") == "1"
D = pendulum.date
CITY = PublicParty("Kommunen", committee="Socialnämnden")
CLUB = IdeaBasedParty("Föreningen")


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                text.splitlines(keepends=True),
                f"tests/golden/{name}",
                "now",
            )
        )
        pytest.fail(f"golden text changed (IOP_UPDATE_GOLDEN=1 to accept):\n{diff[:20000]}")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _without_provenance(value: dict[str, object]) -> dict[str, object]:
    """``to_dict()`` less the library version and rule fingerprint (pinned elsewhere) and the
    explanation (printed just above it); the test checks that it is the explanation."""
    return {k: v for k, v in value.items() if k not in ("provenance", "explanation")}


def _assessment_text(assessment: object) -> Iterator[str]:
    from iop_model import Assessment

    assert isinstance(assessment, Assessment)
    goal = assessment.goal
    yield f"-- {goal.title('en')} | {goal.title('sv')}"
    labels = f"{assessment.status.label('en')} | {assessment.status.label('sv')}"
    yield f"status: {assessment.status.value} | {labels}"
    yield assessment.explain("en")
    yield assessment.explain("sv")
    data = assessment.to_dict()
    assert data["explanation"] == {"sv": assessment.explain("sv"), "en": assessment.explain("en")}
    yield _json(_without_provenance(data))


def _days_of(case: object) -> list[pendulum.Date]:
    """Days around every start, end and decision of the case's agreements."""
    from iop_model import Case

    assert isinstance(case, Case)
    days: set[pendulum.Date] = set()
    for agreement in case.agreements:
        for day in (agreement.start, agreement.end, agreement.span.end, agreement.decided_on):
            if day is not None:
                days.update({day.add(days=-1), day, day.add(days=1)})
        for extension in agreement.extensions:
            if extension.decided_on is not None:
                days.add(extension.decided_on)
    return sorted(days)


@pytest.mark.parametrize(
    "name",
    ["molndal-konstkollektivet", "exempelby-kvinnojour", "exempelstad-trygga-vuxna"],
)
def test_golden_example_assessments(name: str) -> None:
    case = load(ROOT / "examples" / f"{name}.toml")
    out: list[str] = []
    days = _days_of(case)
    for as_of in days:
        for known_on in sorted({as_of, days[0], as_of.add(days=-200)}):
            if known_on > as_of:
                continue
            out.append(f"==== as of {as_of}, known on {known_on}")
            for assessment in case.assess(as_of, known_on):
                out.extend(_assessment_text(assessment))
    for activity in case.activities:
        out.append(f"==== activity {activity.name}")
        for unit in ("year", "agreement-year", "half-year"):
            try:
                by_unit = activity.figures_by(unit)
            except IOPError as error:  # A5: an aggregate report cannot be split
                out.append(f"{unit}: {error}")
                continue
            for figures in by_unit:
                out.append(f"{unit} {figures!r}")
                out.append(figures_text(activity, figures, "en"))
                out.append(figures_text(activity, figures, "sv"))
    check_golden(f"{name}.txt", "\n".join(out) + "\n")


def _agreement(
    id: str,
    term: Term,
    *extensions: Extension,
    decided_on: pendulum.Date | None = None,
    **more: object,
) -> Agreement:
    return Agreement(
        id,
        CITY,
        CLUB,
        term,
        extensions=extensions,
        decided_on=decided_on,
        **more,  # type: ignore[arg-type]
    )


def _partnerships() -> dict[str, Agreement | Partnership]:
    first = _agreement(
        "a",
        Term(D(2019, 1, 1), D(2019, 12, 31)),
        Extension(years=1, decided_on=D(2019, 11, 20), decided_by="Socialnämnden"),
        decided_on=D(2018, 12, 10),
        max_extent=D(2023, 12, 31),
    )
    gap = _agreement(
        "b",
        Term(D(2021, 3, 1), D(2022, 2, 28)),
        decided_on=D(2021, 2, 15),
        follows="a",
    )
    late = _agreement(
        "c",
        Term(D(2021, 1, 1), D(2022, 12, 31)),
        decided_on=D(2021, 1, 10),
        follows="a",
    )
    terminated = _agreement(
        "t",
        Term(D(2020, 1, 1), D(2022, 12, 31)),
        decided_on=D(2019, 12, 1),
    ).terminate(D(2021, 6, 30), D(2021, 3, 1), "Verksamheten upphörde")
    return {
        "one agreement with an extension": first,
        "a gap before the follow-on": Partnership([first, gap]),
        "a follow-on decided late": Partnership([first, late]),
        "terminated": terminated,
    }


def test_golden_built_partnerships() -> None:
    goals = [
        MinimumDuration(years=3),
        MinimumDuration(years=3, contiguous=False),
        MinimumDuration(months=18),
        MinimumDuration(years=1, months=6, days=10),
        MinimumDuration(years=2, description="Minst två år i följd"),
    ]
    days = [
        D(2018, 12, 31),
        D(2019, 6, 30),
        D(2019, 11, 20),
        D(2019, 12, 31),
        D(2020, 12, 31),
        D(2021, 1, 5),
        D(2021, 6, 30),
        D(2021, 12, 31),
        D(2022, 2, 28),
        D(2023, 1, 1),
    ]
    out: list[str] = []
    for title, subject in _partnerships().items():
        for goal in goals:
            if isinstance(subject, Agreement) and not goal.contiguous:
                continue
            for as_of in days:
                for known_on in (as_of, D(2019, 12, 31)):
                    if known_on > as_of:
                        continue
                    out.append(f"==== {title}; as of {as_of}, known on {known_on}")
                    out.extend(_assessment_text(goal.assess(subject, as_of, known_on)))
    check_golden("partnerships.txt", "\n".join(out) + "\n")


def _bad_calls() -> dict[str, Callable[[], object]]:
    return {}


def test_golden_error_messages() -> None:
    out: list[str] = []
    for title, call in _bad_calls().items():
        try:
            call()
        except IOPError as error:
            out.append(f"{title}: {type(error).__name__}: {error}")
        else:
            out.append(f"{title}: accepted")
    check_golden("errors.txt", "\n".join(out) + "\n")


def _activities() -> list[object]:
    from iop_model import (
        AggregateReport,
        Event,
        EventKind,
        MeetingPlace,
        Membership,
        Network,
        Occasion,
        Residency,
        Venue,
    )

    year = Term.year(2019)
    return [
        MeetingPlace(
            "a",
            "Mötesplatsen",
            occasions=[Occasion(D(2019, 2, 1), 10), Occasion(D(2019, 3, 1), 11)],
            reports=[AggregateReport(Term(D(2019, 4, 1), D(2019, 6, 30)), 3, mean_visitors=9)],
        ),
        MeetingPlace("a", "Tom mötesplats"),
        Venue(
            "a",
            "Scenen",
            events=[
                Event(EventKind.CONCERT, D(2019, 5, 1), 120),
                Event(EventKind.LECTURE, D(2019, 9, 1), 40),
            ],
            reports=[
                AggregateReport(
                    Term(D(2019, 10, 1), D(2019, 10, 31)), 2, 100, kind=EventKind.CONCERT
                )
            ],
        ),
        Residency(
            "a",
            "Residenset",
            period=year,
            group=("Konstnär",),
            outcomes=[Event(EventKind.EXHIBITION, D(2019, 11, 5), 300)],
        ),
        Network(
            "a",
            "Nätverket",
            memberships=[
                Membership("Förening 1", D(2018, 5, 1)),
                Membership("Förening 2", D(2019, 3, 1), left=D(2019, 8, 31)),
                Membership("Förening 3", D(2019, 6, 1)),
            ],
        ),
    ]


def test_golden_activity_targets() -> None:
    from fractions import Fraction

    from iop_model import ActivityTarget, EventKind, Indicator
    from iop_model.targets import check_applies

    year = Term.year(2019)
    targets = []
    for indicator in Indicator:
        kinds = list(EventKind) if indicator is Indicator.EVENTS else [None]
        for kind in kinds:
            targets += [
                ActivityTarget(indicator, year, target=2, kind=kind),
                ActivityTarget(indicator, year, target=Fraction(41, 2), baseline=1, kind=kind),
                ActivityTarget(indicator, year, target=1, baseline=3, ascending=False, kind=kind),
            ]
    targets.append(
        ActivityTarget(Indicator.OCCASIONS, year, target=5, description="Fem träffar eller fler")
    )
    out: list[str] = []
    for target in targets:
        out.append(f"==== {target.title('en')} | {target.title('sv')}")
        out.append(_json(target.to_dict()))
        for activity in _activities():
            try:
                check_applies(target.indicator, activity)
            except IOPError as error:
                out.append(f"-- {type(activity).__name__}: {error}")
                continue
            for as_of, known_on in (
                (D(2019, 6, 30), None),
                (D(2019, 12, 31), None),
                (D(2020, 1, 31), D(2019, 9, 30)),
            ):
                out.append(f"-- {activity.name} as of {as_of}, known on {known_on}")  # type: ignore[attr-defined]
                out.extend(_assessment_text(target.assess(activity, as_of, known_on)))  # type: ignore[arg-type]
    check_golden("targets.txt", "\n".join(out) + "\n")
