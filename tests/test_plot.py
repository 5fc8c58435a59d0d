"""The timeline picture (needs the plot extra, which the test extra includes)."""

from __future__ import annotations

import pathlib

import pendulum
import pytest

pytest.importorskip("matplotlib")

from matplotlib.dates import date2num

from iop_model import IOPError, MinimumDuration
from iop_model.cases import molndal
from iop_model.outputs.plot import timeline
from support import run_cli

ROOT = pathlib.Path(__file__).parent.parent
D = pendulum.date


def legend_texts(figure: object) -> list[str]:
    return [t.get_text() for t in figure.axes[0].get_legend().get_texts()]  # type: ignore[attr-defined]


def test_partnership_rows_bars_and_lines() -> None:
    figure = timeline(
        molndal.partnership(),
        as_of=D(2021, 6, 30),
        goals=[molndal.GOAL],
        lang="en",
        show_later=True,
    )
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()] == [
        "molndal-konstkollektivet-2019",
        "molndal-konstkollektivet-2022",
    ]
    bars = [bar for collection in axes.collections for bar in collection.get_paths()]
    assert len(bars) == 3  # initial 2019, the extension, the follow-on
    assert legend_texts(figure) == [
        "initial term",
        "extension",
        "decided later: not known on 2021-06-30",  # the follow-on, decided 2021-10-31
        "at least 3 years: 2021-12-31 (SECURED)",
        "as of 2021-06-30",
    ]
    # the threshold line stands at the end of 2021-12-31 (G1, G3)
    lines = [line.get_xdata()[0] for line in axes.get_lines() if len(line.get_xdata()) == 2]
    assert float(date2num(D(2022, 1, 1))) in [float(x) for x in lines]


def test_swedish_labels_and_a_termination() -> None:
    ended = molndal.extended_agreement().terminate(D(2020, 6, 30), D(2020, 5, 15), "Uppsägning")
    figure = timeline(ended, as_of=D(2020, 5, 15), goals=[MinimumDuration(years=3)], lang="sv")
    texts = legend_texts(figure)
    assert "gäller inte (uppsagt)" in texts
    assert "minst 3 år: 2021-12-31 (Kan inte uppnås)" in texts
    assert figure.axes[0].get_title() == "IOP-tidslinje: Mölndals stad – Konstkollektivet"
    annotations = [child.get_text() for child in figure.axes[0].texts]
    assert annotations == ["2019-12-19", "2020-05-15"]


def test_bad_subject() -> None:
    with pytest.raises(IOPError, match="Agreement or a Partnership"):
        timeline(molndal.meeting_place())  # type: ignore[arg-type]


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_cli_timeline_writes_a_picture(tmp_path: pathlib.Path, suffix: str) -> None:
    out = tmp_path / f"molndal{suffix}"
    result = run_cli(
        "timeline",
        str(ROOT / "examples" / "molndal-konstkollektivet.toml"),
        "-o",
        str(out),
        "--as-of",
        "2021-06-30",
    )
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in data


def test_cli_timeline_refuses_other_formats(tmp_path: pathlib.Path) -> None:
    result = run_cli(
        "timeline",
        str(ROOT / "examples" / "molndal-konstkollektivet.toml"),
        "-o",
        str(tmp_path / "x.gif"),
    )
    assert result.returncode == 2
    assert "must end in .png, .svg or .pdf" in result.stderr


def test_the_docs_picture_exists() -> None:
    assert (ROOT / "docs" / "img" / "molndal-timeline.png").read_bytes().startswith(b"\x89PNG")


def test_T13_later_decisions_are_not_drawn_unless_asked_for() -> None:
    """Issue 21, finding 5: the picture drew decisions made after the day of knowledge."""
    figure = timeline(molndal.partnership(), as_of=D(2021, 6, 30), goals=[molndal.GOAL], lang="en")
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()] == ["molndal-konstkollektivet-2019"]
    assert len([bar for c in axes.collections for bar in c.get_paths()]) == 2
    assert not any("decided later" in text for text in legend_texts(figure))
    nothing = timeline(molndal.partnership(), as_of=D(2018, 6, 30), lang="en")
    assert nothing.axes[0].get_title() == "No agreement had been decided by 2018-06-30 (T13)"


def test_T13_later_decisions_are_drawn_apart_never_as_fact() -> None:
    """Issue 11, finding 2: as of 2019-06-30 the extension (decided 2019-12-19) and the 2022
    agreement were drawn as solid bars with a decision diamond, like decisions already made."""
    figure = timeline(
        molndal.partnership(),
        as_of=D(2019, 6, 30),
        goals=[molndal.GOAL],
        lang="sv",
        show_later=True,
    )
    axes = figure.axes[0]
    solid = [c for c in axes.collections if c.get_facecolor().size and c.get_facecolor()[0][3] > 0]
    outlined = [c for c in axes.collections if c not in solid]
    assert len(solid) == 1  # only the 2019 term was decided by then
    assert len(outlined) == 2  # the extension and the 2022 agreement
    diamonds = [line for line in axes.get_lines() if line.get_marker() == "D"]
    filled = [line for line in diamonds if line.get_markerfacecolor() != "white"]
    assert [line.get_xdata()[0] for line in filled] == []  # no known dated decision yet
    assert "beslutat senare: inte känt 2019-06-30" in legend_texts(figure)
    assert "minst 3 år: 2021-12-31 (Inte säkrat)" in legend_texts(figure)
    # with everything known, nothing is drawn as later
    known = timeline(molndal.partnership(), as_of=D(2025, 1, 1), lang="en")
    assert not any("decided later" in text for text in legend_texts(known))
