"""Partnerships of follow-on agreements: rules T13 and T14."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given

from iop_model import (
    Agreement,
    IdeaBasedParty,
    Length,
    Partnership,
    PartnershipError,
    PublicParty,
    Term,
)
from iop_model.cases import molndal
from iop_model.testing import dates, partnerships

D = pendulum.date
CITY = PublicParty("Mölndals stad")
ASSOCIATION = IdeaBasedParty("Konstkollektivet")


def agreement(id: str, term: Term, follows: str | None = None, **kw: object) -> Agreement:
    return Agreement(id, CITY, ASSOCIATION, term, follows=follows, **kw)  # type: ignore[arg-type]


def test_molndal_partnership_runs_six_years_without_gaps() -> None:
    p = molndal.partnership()
    assert [a.id for a in p.agreements] == [
        "molndal-konstkollektivet-2019",
        "molndal-konstkollektivet-2022",
    ]
    assert p.span == Term(D(2019, 1, 1), D(2024, 12, 31))
    assert p.span.length == Length(years=6)
    assert p.gaps == ()
    assert p.is_continuous
    assert [str(t) for t in p.terms] == [
        "2019-01-01..2019-12-31",
        "2020-01-01..2021-12-31",
        "2022-01-01..2024-12-31",
    ]


def test_T13_molndal_partnership_as_known_on() -> None:
    p = molndal.partnership()
    in_2020 = p.as_known_on(D(2020, 6, 30))
    assert [a.id for a in in_2020.agreements] == ["molndal-konstkollektivet-2019"]
    assert in_2020.end == D(2021, 12, 31)
    assert p.as_known_on(D(2019, 6, 30)).end == D(2019, 12, 31)
    assert p.as_known_on(D(2021, 10, 31)).end == D(2024, 12, 31)
    assert p.as_known_on(D(2025, 1, 1)) is p


def test_T13_nothing_known_yet() -> None:
    p = Partnership([agreement("a", Term.year(2019), decided_on=D(2018, 12, 1))])
    with pytest.raises(PartnershipError, match="T13"):
        p.as_known_on(D(2018, 11, 30))
    assert not p.known_on(D(2018, 11, 30))


def test_T13_follow_on_known_before_the_termination_that_makes_room_for_it() -> None:
    first = agreement("a", Term.year(2019)).terminate(D(2019, 6, 30), D(2019, 5, 20), "Hävning")
    second = agreement("b", Term(D(2019, 7, 1), D(2020, 6, 30)), "a", decided_on=D(2019, 5, 1))
    p = Partnership([first, second])
    assert p.as_known_on(D(2019, 5, 20)).end == D(2020, 6, 30)
    with pytest.raises(PartnershipError, match="as known on 2019-05-10") as info:
        p.as_known_on(D(2019, 5, 10))
    assert info.value.rule == "T14"


def test_T14_gap_between_agreements() -> None:
    p = Partnership(
        [
            agreement("a", Term.year(2019)),
            agreement("b", Term.year(2021), follows="a"),
            agreement("c", Term.year(2022), follows="b"),
        ]
    )
    assert p.gaps == (Term.year(2020),)
    assert not p.is_continuous
    assert p.span == Term(D(2019, 1, 1), D(2022, 12, 31))
    assert p.is_active(D(2019, 5, 1))
    assert not p.is_active(D(2020, 5, 1))
    assert p.get("b").term == Term.year(2021)
    with pytest.raises(PartnershipError):
        p.get("z")


def test_T14_follow_on_may_not_overlap() -> None:
    with pytest.raises(PartnershipError) as info:
        Partnership(
            [
                agreement("a", Term.year(2019)),
                agreement("b", Term(D(2019, 12, 31), D(2020, 12, 31)), follows="a"),
            ]
        )
    assert (info.value.rule, info.value.field) == ("T14", "agreements[1].term.start")


@pytest.mark.parametrize(
    ("agreements", "message"),
    [
        ([], "at least one"),
        ([("a", None), ("a", None)], "same id"),
        ([("a", None), ("b", None)], "one chain"),
        ([("a", None), ("b", "a"), ("c", "a")], "two agreements follow"),
    ],
)
def test_T14_broken_chains(agreements: list[tuple[str, str | None]], message: str) -> None:
    built = [
        agreement(i, Term.year(2019 + n), follows) for n, (i, follows) in enumerate(agreements)
    ]
    with pytest.raises(PartnershipError, match=message) as info:
        Partnership(built)
    assert info.value.rule == "T14"


def test_T14_circular_chain() -> None:
    with pytest.raises(PartnershipError, match="circle"):
        Partnership(
            [
                agreement("a", Term.year(2019)),
                agreement("b", Term.year(2020), follows="c"),
                agreement("c", Term.year(2021), follows="b"),
            ]
        )


def test_partnership_refuses_non_agreements() -> None:
    with pytest.raises(PartnershipError) as info:
        Partnership([agreement("a", Term.year(2019)), "b"])  # type: ignore[list-item]
    assert info.value.field == "agreements[1]"
    with pytest.raises(PartnershipError):
        Partnership(agreement("a", Term.year(2019)))  # type: ignore[arg-type]


@given(partnerships())
def test_T14_span_and_gaps_cover_the_partnership(p: Partnership) -> None:
    covered = sum(a.span.days for a in p.agreements) + sum(g.days for g in p.gaps)
    assert covered == p.span.days
    for previous, following in zip(p.agreements, p.agreements[1:], strict=False):
        assert following.follows == previous.id
        assert following.start > previous.end


@given(partnerships(), dates())
def test_T13_partnership_as_known_on_never_shows_a_later_decision(
    p: Partnership, day: pendulum.Date
) -> None:
    if not p.known_on(day):
        with pytest.raises(PartnershipError):
            p.as_known_on(day)
        return
    known = p.as_known_on(day)
    for a in known.agreements:
        assert a.decided_on is None or a.decided_on <= day
        assert all(e.decided_on <= day for e in a.extensions)
        assert a.termination is None or a.termination.decided_on <= day


@given(partnerships())
def test_partnership_order_does_not_depend_on_input_order(p: Partnership) -> None:
    assert Partnership(tuple(reversed(p.agreements))) == p
