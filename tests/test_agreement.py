"""Agreements, extensions and terminations: rules T8–T13."""

from __future__ import annotations

import copy
import datetime
import itertools

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iop_model import (
    Agreement,
    AgreementError,
    DateError,
    Extension,
    ExtensionError,
    IdeaBasedParty,
    LateExtensionError,
    PublicParty,
    Rounding,
    Term,
    TermError,
    TerminationError,
)
from iop_model.cases import molndal
from iop_model.testing import agreements, dates, extended_agreements

D = pendulum.date
CITY = PublicParty("Mölndals stad", committee="Kultur- och fritidsnämnden")
ASSOCIATION = IdeaBasedParty("Konstkollektivet")
COMMITTEE = "Kultur- och fritidsnämnden"


def agreement_2019(**changes: object) -> Agreement:
    return attrs.evolve(Agreement("a-2019", CITY, ASSOCIATION, Term.year(2019)), **changes)


# --- the Mölndal chain ---------------------------------------------------------------------------


def test_molndal_extension_gives_three_years() -> None:
    first = molndal.first_agreement()
    extended = molndal.extended_agreement()
    assert first.end == D(2019, 12, 31)
    assert [str(t) for t in extended.terms] == ["2019-01-01..2019-12-31", "2020-01-01..2021-12-31"]
    assert extended.end == D(2021, 12, 31)
    assert extended.span.lasts_at_least(years=3)
    assert extended.span.length.years == 3
    assert first.extensions == ()  # extend() returned a new object
    assert extended.is_active(D(2021, 12, 31))
    assert not extended.is_active(D(2022, 1, 1))


# --- T8 ------------------------------------------------------------------------------------------


@given(extended_agreements())
def test_T8_extension_terms_are_adjacent_to_what_they_extend(agreement: Agreement) -> None:
    terms = agreement.terms
    assert len(terms) == 1 + len(agreement.extensions)
    for before, after in itertools.pairwise(terms):
        assert after.start == before.next_start
        assert before.is_adjacent_to(after)


@given(
    agreements(terminated=False), st.integers(1, 5), st.sampled_from(["years", "months", "days"])
)
def test_T8_extension_by_length_starts_the_day_after_the_end(
    agreement: Agreement, amount: int, unit: str
) -> None:
    extension = Extension(agreement.end, COMMITTEE, **{unit: amount})  # type: ignore[arg-type]
    extended = agreement.extend(extension)
    added = extended.terms[-1]
    assert added.start == agreement.end.add(days=1)
    assert added == Term.starting(added.start, rounding=agreement.rounding, **{unit: amount})  # type: ignore[arg-type]


# --- T9 ------------------------------------------------------------------------------------------


def test_T9_extension_decided_after_expiry_needs_a_follow_on_agreement() -> None:
    late = Extension(D(2020, 1, 10), COMMITTEE, years=2)
    with pytest.raises(LateExtensionError) as info:
        agreement_2019().extend(late)
    error = info.value
    assert error.rule == "T9"
    assert error.field == "extensions[0].decided_on"
    assert error.value == D(2020, 1, 10)
    assert "follow-on agreement" in str(error)
    assert isinstance(error, ExtensionError)


def test_T9_extension_on_the_last_day_is_in_time() -> None:
    extended = agreement_2019().extend(Extension(D(2019, 12, 31), COMMITTEE, years=1))
    assert extended.end == D(2020, 12, 31)


def test_T9_extension_cannot_precede_the_agreement_decision() -> None:
    agreement = agreement_2019(decided_on=D(2019, 2, 1))
    with pytest.raises(ExtensionError, match="T9") as info:
        agreement.extend(Extension(D(2019, 1, 15), COMMITTEE, years=1))
    assert info.value.field == "extensions[0].decided_on"


def test_T9_extensions_are_decided_in_order() -> None:
    agreement = agreement_2019().extend(Extension(D(2019, 11, 1), COMMITTEE, years=1))
    with pytest.raises(ExtensionError, match="T9") as info:
        agreement.extend(Extension(D(2019, 10, 1), COMMITTEE, years=1))
    assert info.value.field == "extensions[1].decided_on"


@given(agreements(terminated=False), st.integers(1, 400))
def test_T9_any_decision_after_the_end_is_refused(agreement: Agreement, late_by: int) -> None:
    decided_on = pendulum.Date.fromordinal(agreement.end.toordinal() + late_by)
    with pytest.raises(LateExtensionError, match="T9"):
        agreement.extend(Extension(decided_on, COMMITTEE, months=6))


# --- T10 -----------------------------------------------------------------------------------------


def test_T10_until_and_length_must_agree() -> None:
    with pytest.raises(TermError) as info:
        agreement_2019().extend(
            Extension(D(2019, 12, 19), COMMITTEE, years=2, until=D(2021, 12, 30))
        )
    assert info.value.rule == "T10"
    assert info.value.field == "extensions[0].until"
    assert "ends on 2021-12-31" in str(info.value)


def test_T10_until_must_be_after_the_current_end() -> None:
    with pytest.raises(TermError, match="T3") as info:
        agreement_2019().extend(Extension(D(2019, 12, 19), COMMITTEE, until=D(2019, 12, 31)))
    assert info.value.field == "extensions[0].until"


@given(agreements(terminated=False), st.integers(0, 3), st.integers(0, 11), st.integers(0, 60))
def test_T10_until_form_and_length_form_agree(
    agreement: Agreement, years: int, months: int, days: int
) -> None:
    if years == months == days == 0:
        days = 1
    by_length = agreement.extend(Extension(agreement.end, COMMITTEE, years, months, days))
    by_until = agreement.extend(Extension(agreement.end, COMMITTEE, until=by_length.end))
    both = agreement.extend(Extension(agreement.end, COMMITTEE, years, months, days, by_length.end))
    assert by_length.terms == by_until.terms == both.terms


@pytest.mark.parametrize(
    "fields",
    [{}, {"years": -1}, {"months": -1, "years": 1}, {"days": 1.0}],
)
def test_extension_needs_a_positive_whole_length(fields: dict[str, object]) -> None:
    with pytest.raises(ExtensionError, match="T4"):
        Extension(D(2019, 12, 19), COMMITTEE, **fields)  # type: ignore[arg-type]


def test_extension_refuses_a_datetime_decision_day() -> None:
    with pytest.raises(DateError) as info:
        Extension(datetime.datetime(2019, 12, 19, 10), COMMITTEE, years=2)  # type: ignore[arg-type]
    assert (info.value.rule, info.value.field) == ("T1", "decided_on")


# --- T11 -----------------------------------------------------------------------------------------


def test_T11_extension_may_not_pass_the_maximum_extent() -> None:
    agreement = agreement_2019(max_extent=D(2021, 12, 31))
    assert agreement.extend(Extension(D(2019, 12, 19), COMMITTEE, years=2)).end == D(2021, 12, 31)
    with pytest.raises(ExtensionError) as info:
        agreement.extend(Extension(D(2019, 12, 19), COMMITTEE, years=3))
    assert (info.value.rule, info.value.field) == ("T11", "extensions[0].until")


def test_T11_maximum_extent_before_the_initial_end() -> None:
    with pytest.raises(AgreementError, match="T11") as info:
        agreement_2019(max_extent=D(2019, 6, 30))
    assert info.value.field == "max_extent"


# --- T12 -----------------------------------------------------------------------------------------


def test_T12_termination_cuts_the_terms() -> None:
    extended = molndal.extended_agreement()
    terminated = extended.terminate(D(2020, 6, 30), D(2020, 5, 15), "Föreningen upplöses")
    assert terminated.end == D(2020, 6, 30)
    assert terminated.scheduled_end == D(2021, 12, 31)
    assert [str(t) for t in terminated.terms] == [
        "2019-01-01..2019-12-31",
        "2020-01-01..2020-06-30",
    ]
    assert not terminated.is_active(D(2020, 7, 1))
    assert extended.termination is None  # unchanged


def test_T12_no_extension_can_revive_a_terminated_agreement() -> None:
    terminated = agreement_2019().terminate(D(2019, 6, 30), D(2019, 5, 15), "Hävning")
    with pytest.raises(AgreementError, match="T"):
        terminated.extend(Extension(D(2019, 6, 1), COMMITTEE, years=1))
    with pytest.raises(AgreementError):
        terminated.extend(Extension(D(2019, 5, 20), COMMITTEE, years=1))


def test_T12_extension_decided_after_the_termination_decision_is_refused() -> None:
    agreement = agreement_2019(
        extensions=(Extension(D(2019, 6, 1), COMMITTEE, years=1),),
    )
    with pytest.raises(TerminationError, match="T12") as info:
        attrs.evolve(
            agreement,
            termination=molndal_termination(D(2019, 9, 30), D(2019, 5, 15)),
        )
    assert info.value.field == "termination.decided_on"


def molndal_termination(on: pendulum.Date, decided_on: pendulum.Date) -> object:
    from iop_model import Termination

    return Termination(on, decided_on, "Uppsägning")


@pytest.mark.parametrize(
    ("on", "decided_on", "field"),
    [
        (D(2019, 3, 1), D(2019, 4, 1), "termination.on"),  # retroactive
        (D(2020, 3, 1), D(2019, 4, 1), "termination.on"),  # after the end
        (D(2018, 12, 31), D(2018, 12, 1), "termination.on"),  # before the start
        (D(2020, 3, 1), D(2020, 2, 1), "termination.decided_on"),  # decided after expiry
    ],
)
def test_T12_bad_terminations(on: pendulum.Date, decided_on: pendulum.Date, field: str) -> None:
    with pytest.raises(TerminationError) as info:
        agreement_2019().terminate(on, decided_on, "Uppsägning")
    assert (info.value.rule, info.value.field) == ("T12", field)


def test_T12_terminate_twice_is_refused() -> None:
    once = agreement_2019().terminate(D(2019, 6, 30), D(2019, 5, 15), "Uppsägning")
    with pytest.raises(AgreementError, match="T12"):
        once.terminate(D(2019, 5, 31), D(2019, 5, 20), "Again")


@given(agreements(terminated=True))
def test_T12_terminated_agreement_ends_on_the_termination_day(agreement: Agreement) -> None:
    assert agreement.termination is not None
    assert agreement.end == agreement.termination.on
    assert all(term.end <= agreement.termination.on for term in agreement.terms)
    assert agreement.scheduled_end >= agreement.end


# --- T13 -----------------------------------------------------------------------------------------


def test_T13_molndal_as_known_on() -> None:
    extended = molndal.extended_agreement()
    assert extended.as_known_on(D(2019, 12, 18)).end == D(2019, 12, 31)
    assert extended.as_known_on(D(2019, 12, 19)).end == D(2021, 12, 31)  # the day itself counts
    assert extended.as_known_on(D(2019, 12, 19)) is extended


def test_T13_as_known_on_before_the_agreement_was_decided() -> None:
    agreement = agreement_2019(decided_on=D(2018, 11, 20))
    assert agreement.known_on(D(2018, 11, 20))
    assert not agreement.known_on(D(2018, 11, 19))
    with pytest.raises(AgreementError, match="T13"):
        agreement.as_known_on(D(2018, 11, 19))


@given(agreements(), dates())
def test_T13_as_known_on_never_shows_a_later_decision(
    agreement: Agreement, day: pendulum.Date
) -> None:
    if not agreement.known_on(day):
        with pytest.raises(AgreementError):
            agreement.as_known_on(day)
        return
    known = agreement.as_known_on(day)
    assert all(e.decided_on <= day for e in known.extensions)
    assert known.termination is None or known.termination.decided_on <= day
    # and every decision made by then is kept
    assert known.extensions == tuple(e for e in agreement.extensions if e.decided_on <= day)
    assert known.as_known_on(day) == known


# --- immutability and bad input -------------------------------------------------------------------


@given(agreements(terminated=False), dates())
def test_operations_leave_their_inputs_unchanged(agreement: Agreement, day: pendulum.Date) -> None:
    before = copy.deepcopy(agreement)
    extension = Extension(agreement.end, COMMITTEE, months=3)
    agreement.extend(extension)
    if agreement.known_on(day):
        agreement.as_known_on(day)
    agreement.terminate(agreement.end, agreement.end, "test")
    assert agreement == before
    assert agreement.terms == before.terms
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        agreement.term = Term.year(2000)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": ""}, "id"),
        ({"public_party": "Mölndals stad"}, "public_party"),
        ({"partner": None}, "partner"),
        ({"term": (D(2019, 1, 1), D(2019, 12, 31))}, "term"),
        ({"follows": "a-2019"}, "follows"),
        ({"extensions": [None]}, "extensions[0]"),
        ({"extensions": "x"}, "extensions"),
        ({"termination": "today"}, "termination"),
        ({"rounding": "up"}, "rounding"),
        ({"decided_on": "2019-01-01"}, "decided_on"),
    ],
)
def test_malformed_agreements_raise_the_librarys_error(
    changes: dict[str, object], field: str
) -> None:
    with pytest.raises(AgreementError if field != "decided_on" else DateError) as info:
        agreement_2019(**changes)
    assert info.value.field == field


def test_agreement_rounding_applies_to_extensions() -> None:
    base = Agreement("x", CITY, ASSOCIATION, Term(D(2019, 1, 1), D(2019, 1, 30)))
    extension = Extension(D(2019, 1, 30), COMMITTEE, months=1)
    assert base.extend(extension).end == D(2019, 2, 28)
    down = attrs.evolve(base, rounding=Rounding.DOWN).extend(extension)
    assert down.end == D(2019, 2, 27)
    with pytest.raises(TermError, match="T5") as info:
        attrs.evolve(base, rounding=Rounding.REFUSE).extend(extension)
    assert info.value.field is not None
    assert info.value.field.startswith("extensions[0]")


# --- Pinned by mutation testing (tools/mutation.sh) ------------------------------------------


def test_pinned_agreement_edges() -> None:
    from iop_model import IOPError, Length, Partnership, PartnershipError

    city, club = PublicParty("K"), IdeaBasedParty("F")
    year = Term.year(2019)
    agreement = Agreement("a", city, club, year, decided_on=pendulum.date(2018, 12, 1))
    assert agreement.is_active(pendulum.date(2019, 1, 1))
    assert agreement.is_active(pendulum.date(2019, 12, 31))
    assert not agreement.is_active(pendulum.date(2020, 1, 1))
    noticed = Agreement(
        "n",
        city,
        club,
        Term(pendulum.date(2019, 1, 1), pendulum.date(2021, 12, 31)),
        notice_period=Length(years=1),
    )
    deadline = noticed.notice_deadline()
    assert deadline is not None
    assert (deadline.end_day, deadline.last_day) == (
        pendulum.date(2020, 12, 31),
        pendulum.date(2020, 12, 30),
    )  # D2: nyårsafton
    # T16: a term starting on the day before the replacement starts is kept, one day long
    extended = agreement.extend(Extension(pendulum.date(2019, 11, 1), "Nämnden", years=1))
    replacing = Agreement(
        "r",
        city,
        club,
        Term(pendulum.date(2020, 1, 2), pendulum.date(2021, 12, 31)),
        decided_on=pendulum.date(2019, 12, 1),
        follows="a",
        replaces=True,
    )
    held = Partnership([extended, replacing]).agreements[0]
    assert held.end == pendulum.date(2020, 1, 1)
    # as known before a termination that made room for a follow-on: T14 named with its path
    ended = extended.terminate(pendulum.date(2020, 5, 31), pendulum.date(2020, 1, 15), "Ny form")
    follow_on = Agreement(
        "b",
        city,
        club,
        Term(pendulum.date(2020, 6, 1), pendulum.date(2021, 5, 31)),
        decided_on=pendulum.date(2019, 12, 1),
        follows="a",
    )
    partnership = Partnership([ended, follow_on])
    assert partnership.as_known_on(pendulum.date(2020, 1, 15)).agreements[0].end == pendulum.date(
        2020, 5, 31
    )
    assert ended.as_known_on(pendulum.date(2019, 12, 1)).scheduled_end == pendulum.date(
        2020, 12, 31
    )
    with pytest.raises(PartnershipError) as caught:
        partnership.as_known_on(pendulum.date(2019, 12, 1))
    assert (caught.value.rule, caught.value.field, caught.value.value) == (
        "T14",
        "agreements[1].term.start",
        pendulum.date(2020, 6, 1),
    )
    assert str(caught.value).startswith("T14: as known on 2019-12-01: the follow-on agreement")
    with pytest.raises(IOPError) as day_error:
        partnership.as_known_on("2019-12-01")  # type: ignore[arg-type]
    assert day_error.value.field == "day"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("reporting", "yearly", "expected ReportingDuty or None, got str"),
        ("follow_up_reports", "", "expected a sequence of FollowUpReport"),
        ("contributions", [1], "expected a Contribution, got int"),
        ("contributions", "", "expected a sequence of Contribution"),
        ("evidence", {}, "expected a sequence of Evidence"),
        ("evidence", "", "expected a sequence of Evidence"),
        ("extension_roll", "sideways", "extension_roll"),
    ],
)
def test_fields_of_lazily_loaded_rule_families_are_still_checked(
    field: str, value: object, message: str
) -> None:
    """reporting, money, criteria and calendar load on first use (P3); their fields are
    checked with the same messages as before."""
    with pytest.raises(AgreementError) as raised:
        agreement_2019(**{field: value})
    assert message in str(raised.value)
    assert raised.value.field is not None
    assert raised.value.field.startswith(field)


def test_pinned_messages_of_an_agreements_own_checks() -> None:
    """What mutation testing found unpinned: the field and value of an extension's bad
    length part, a follow-up report outside the agreement (D6), evidence given twice, an
    as-known-on day that is no calendar day."""
    from iop_model import Evidence, FollowUpReport

    with pytest.raises(ExtensionError) as bad_part:
        Extension(D(2019, 12, 19), COMMITTEE, years=-1)
    assert bad_part.value.field == "years"
    assert "-1 years" in bad_part.value.message
    outside = FollowUpReport(Term.year(2020), received_on=D(2021, 2, 1))
    with pytest.raises(AgreementError) as late:
        agreement_2019(follow_up_reports=(outside,))
    assert late.value.rule == "D6"
    assert late.value.field == "follow_up_reports[0].period"
    assert late.value.value == Term.year(2020)
    assert "2019-01-01..2019-12-31" in late.value.message
    twice = (Evidence("initiative", "a"), Evidence("initiative", "b"))
    with pytest.raises(AgreementError) as repeated:
        agreement_2019(evidence=twice)
    assert repeated.value.field == "evidence[1].criterion"
    assert repeated.value.value == "initiative"
    with pytest.raises(DateError) as not_a_day:
        agreement_2019().as_known_on("2019-06-30")  # type: ignore[arg-type]
    assert not_a_day.value.field == "day"


def test_as_known_on_names_t15_for_an_undated_agreement_decided_later() -> None:
    undated = agreement_2019()
    with pytest.raises(AgreementError) as early:
        undated.as_known_on(D(2018, 12, 31))
    assert early.value.rule == "T15"
    assert "has no decision day and counts as known from its start 2019-01-01" in str(early.value)
    dated = agreement_2019(decided_on=D(2018, 12, 1))
    with pytest.raises(AgreementError) as before:
        dated.as_known_on(D(2018, 11, 30))
    assert before.value.rule == "T13"
    assert "was decided on 2018-12-01" in str(before.value)


def test_resolve_types_binds_every_name_the_annotations_use() -> None:
    """The rule families an agreement loads on first use (P3) are named in its annotations;
    resolve_types makes them readable by typing.get_type_hints and cattrs."""
    import typing

    from iop_model import Contribution, Deadline, Evidence, FollowUpReport, ReportingDuty, Roll
    from iop_model.terms.agreement import Partnership, Termination, resolve_types

    resolve_types()
    hints = typing.get_type_hints(Agreement)
    assert hints["reporting"] == ReportingDuty | None
    assert hints["follow_up_reports"] == tuple[FollowUpReport, ...]
    assert hints["contributions"] == tuple[Contribution, ...]
    assert hints["evidence"] == tuple[Evidence, ...]
    assert hints["extension_roll"] == Roll | None
    method = typing.get_type_hints(Agreement.notice_deadline)
    assert method["return"] == Deadline | None
    assert "previous_weekday" in typing.get_args(method["roll"])[1].__args__
    for cls in (Extension, Termination, Agreement, Partnership):
        assert all(not isinstance(field.type, str) for field in attrs.fields(cls))
