"""The charts: matplotlib figures drawn with the Agg canvas, each with a text alternative.

Each chart is a :class:`Chart`: the figure, a title, one paragraph of
alternative text and a table of the same facts, so that a page can show
all three.  Figures are :class:`matplotlib.figure.Figure` objects with an
Agg canvas attached, never pyplot's: nothing needs a display, nothing is
kept in a global registry, and a figure is freed when dropped.  Greyscale
is enough to read them: series differ by hatching and marker shape, not by
colour alone.  Text from data is never read as mathtext.
"""

from __future__ import annotations

import contextlib
import datetime
import warnings
from collections.abc import Iterable, Iterator
from typing import IO, Any

import attrs
import matplotlib
import matplotlib.dates
import matplotlib.ticker
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..analysis import co_signatories, conflicts
from ..cases import Case, CustodyEffect, TimelineStep, person_status, pretrial_detention, timeline
from ..common import PartialDate
from ..countries import country_name
from ..ratings import ChangeDirection, CivicusRating, CountryRating, RatingHistory
from ..sentences import Term, TermRange, add_term
from ..statements import Statement
from .formatting import date_text, shorten, term_text, wrap

__all__ = [
    "Chart",
    "co_signing_chart",
    "custody_chart",
    "rating_chart",
    "save",
    "signatures_chart",
]

#: Settings every chart is drawn and saved with: no mathtext from data, fonts
#: that ship with matplotlib, and SVG output that is the same on every run.
_STYLE: dict[str, Any] = {
    "text.parse_math": False,
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "svg.fonttype": "path",
    "svg.hashsalt": "civicspace",
    "hatch.linewidth": 0.6,
}

_PRE_TRIAL: dict[str, Any] = {
    "facecolor": "0.85",
    "edgecolor": "black",
    "hatch": "///",
    "linewidth": 0.6,
}
_SERVED: dict[str, Any] = {"facecolor": "0.35", "edgecolor": "black", "linewidth": 0.6}
_POSSIBLE: dict[str, Any] = {
    "facecolor": "none",
    "edgecolor": "black",
    "linestyle": ":",
    "linewidth": 0.8,
}
_MARKS = {
    "begins": ("v", "custody begins (arrest, detention)"),
    "ends": ("^", "custody ends (bail, release)"),
    "verdict": ("D", "verdict (conviction, sentence, acquittal)"),
    "other": ("o", "other event (charge, summons, appeal, ...)"),
}


@attrs.frozen
class Chart:
    """A drawn chart with its text alternatives.

    Attributes:
        figure: The matplotlib figure (with an Agg canvas).
        title: The chart's title, as drawn.
        alt: One paragraph saying what the chart shows, for ``alt`` text.
        header: The column names of the table of the same facts.
        rows: The table's rows, as text.

    """

    figure: Figure
    title: str
    alt: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@contextlib.contextmanager
def _style() -> Iterator[None]:
    # A character the bundled fonts lack (Khmer script, a control character) is drawn as a
    # box; the page's table gives the text, so matplotlib's warning adds nothing.
    with matplotlib.rc_context(_STYLE), warnings.catch_warnings():  # type: ignore[arg-type]
        warnings.filterwarnings("ignore", r"Glyph \d+ .* missing from font", UserWarning)
        # Over centuries or within a day the date ticks are denser than asked; still readable.
        warnings.filterwarnings("ignore", "AutoDateLocator was unable to pick", UserWarning)
        yield


def _figure(width: float, height: float) -> Figure:
    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


#: Characters per line of a chart's title, and the height each further line adds (inches).
_TITLE_WIDTH = 80
_LINE_HEIGHT = 0.18


def _title(title: str) -> tuple[str, float]:
    """The title as drawn, wrapped and never cut, and the height its extra lines take."""
    drawn = wrap(title, _TITLE_WIDTH)
    return drawn, _LINE_HEIGHT * drawn.count("\n")


def _empty(title: str, message: str) -> Figure:
    drawn, extra = _title(title)
    figure = _figure(6.4, 1.6 + extra)
    figure.suptitle(drawn, fontweight="bold")
    figure.text(0.5, 0.4, message, ha="center", va="center")
    return figure


def save(chart: Chart | Figure, target: str | IO[bytes], fmt: str) -> None:
    """Write the figure as ``svg`` or ``png`` to a path or a binary stream, the same each run."""
    figure = chart.figure if isinstance(chart, Chart) else chart
    title = chart.title if isinstance(chart, Chart) else None
    alt = chart.alt if isinstance(chart, Chart) else None
    metadata: dict[str, Any]
    if fmt == "svg":
        metadata = {"Date": None, "Creator": "civicspace", "Title": title, "Description": alt}
    else:
        metadata = {"Software": "civicspace", "Title": title, "Description": alt}
    metadata = {key: value for key, value in metadata.items() if value is not None or key == "Date"}
    with _style():
        figure.savefig(target, format=fmt, metadata=metadata, dpi=110)


# -- A country's rating history -------------------------------------------------------------------


def rating_chart(ratings: Iterable[CountryRating], country: str) -> Chart:
    """The step chart of ``country``'s ratings over time, changes of category marked."""
    # attrs gives the converter's signature, tuple's Iterable[_T_co], which mypy cannot bind.
    history = RatingHistory(tuple(ratings))  # type: ignore[arg-type]
    records = history.of(country)
    changes = {
        id(found.current): _change_text(found.change.direction, found.previous)
        for found in history.changes(country)
    }
    name = country_name(country)
    title = f"Civic-space rating of {name}"
    rows = tuple(
        (
            str(record.as_of),
            record.rating.value,
            changes.get(id(record), ""),
            {True: "yes", False: "no", None: ""}[record.watchlist],
        )
        for record in records
    )
    header = ("as of", "rating", "change", "watchlist")
    with _style():
        if not records:
            return Chart(_empty(title, f"No ratings of {name}."), title, "No ratings.", header, ())
        figure = _figure(6.4, 2.6)
        axes: Any = figure.add_subplot()
        days = [record.as_of.earliest for record in records]
        ranks = [record.rating.rank for record in records]
        end = max(days[-1] + datetime.timedelta(days=180), days[0] + datetime.timedelta(days=365))
        axes.step([*days, end], [*ranks, ranks[-1]], where="post", color="black", linewidth=1.5)
        axes.plot(days, ranks, "o", color="black", markerfacecolor="white", markersize=6)
        for record in records:
            change = changes.get(id(record))
            if change is None:
                continue
            downgrade = change.startswith("downgraded")
            axes.plot(
                [record.as_of.earliest],
                [record.rating.rank],
                "v" if downgrade else "^",
                color="black",
                markersize=9,
            )
            axes.annotate(
                date_text(record.as_of),
                (record.as_of.earliest, record.rating.rank),
                textcoords="offset points",
                xytext=(4, 7),
                fontsize=8,
            )
        _date_axis(axes)
        axes.set_yticks(range(len(CivicusRating)), [rating.value for rating in CivicusRating])
        axes.set_ylim(len(CivicusRating) - 0.5, -0.5)
        axes.set_ylabel("rating (open at the top)")
        axes.set_xlabel("date the rating took effect")
        axes.grid(axis="y", color="0.85", linewidth=0.6)
        axes.set_title(_title(title)[0], fontweight="bold")
        axes.legend(
            handles=[
                Line2D([], [], marker="o", color="black", markerfacecolor="white", label="rating"),
                Line2D([], [], marker="v", color="black", linestyle="", label="downgrade"),
                Line2D([], [], marker="^", color="black", linestyle="", label="upgrade"),
            ],
            loc="upper left",
            fontsize=7,
            frameon=False,
            ncols=3,
            bbox_to_anchor=(0, -0.25),
        )
    parts = [f"{title}: {len(records)} ratings from {date_text(records[0].as_of)}"]
    parts[0] += f" to {date_text(records[-1].as_of)}." if len(records) > 1 else "."
    parts += [
        f"{date_text(record.as_of)}: {changes[id(record)]}."
        for record in records
        if id(record) in changes
    ]
    parts.append(f"Latest: {records[-1].rating.value} as of {date_text(records[-1].as_of)}.")
    return Chart(figure, title, " ".join(parts), header, rows)


def _change_text(direction: ChangeDirection, previous: CountryRating) -> str:
    word = "downgraded" if direction is ChangeDirection.DOWNGRADE else "upgraded"
    return f"{word} from {previous.rating.value}"


# -- A case's custody timeline --------------------------------------------------------------------


@attrs.frozen
class _Segment:
    """A stretch in custody: ``certain`` days surely in it, ``possible`` days perhaps."""

    certain: tuple[datetime.date, datetime.date]
    possible: tuple[datetime.date, datetime.date]
    after_verdict: bool
    open: bool


def _spells(steps: list[TimelineStep]) -> list[tuple[int, int | None]]:
    """The spells in custody in a timeline: ``(first event, ending event or None)``."""
    found: list[tuple[int, int | None]] = []
    begin: int | None = None
    for step in steps:
        if step.held_after and not step.held_before:
            begin = step.index
        elif step.held_before and not step.held_after and step.held_since is not None:
            found.append((step.held_since, step.index))
            begin = None
    if begin is not None:
        found.append((begin, None))
    return found


def _segment(
    start: PartialDate, end: PartialDate | None, last: datetime.date, after: bool
) -> _Segment:
    if end is None:
        return _Segment((start.latest, last), (start.earliest, last), after, True)
    low = min(start.latest, end.earliest)
    return _Segment((low, end.earliest), (start.earliest, end.latest), after, False)


def _segments(case: Case, person: str, last: datetime.date) -> tuple[list[_Segment], int]:
    """The person's custody as segments split at the first verdict, and spells left undated."""
    steps = list(timeline(case, person))
    verdict = next((step.index for step in steps if step.kind.verdict), None)
    verdict_date = None if verdict is None else case.events[verdict].date
    found: list[_Segment] = []
    undated = 0
    for begin, end in _spells(steps):
        start = case.events[begin].date
        stop = None if end is None else case.events[end].date
        if start is None or (end is not None and stop is None):
            undated += 1
            continue
        splits = verdict is not None and begin < verdict and (end is None or verdict < end)
        if splits and verdict_date is not None:
            found.append(_segment(start, verdict_date, last, False))
            found.append(_segment(verdict_date, stop, last, True))
        else:
            found.append(_segment(start, stop, last, verdict is not None and begin > verdict))
    return found, undated


def _mark(effect: CustodyEffect | None, verdict: bool) -> str:
    if verdict:
        return "verdict"
    if effect is CustodyEffect.BEGINS:
        return "begins"
    if effect is CustodyEffect.ENDS:
        return "ends"
    return "other"


def _conflict_ranges(case: Case) -> Iterator[tuple[str, datetime.date, datetime.date, str]]:
    """Per ruling reported in accounts that disagree: person, earliest and latest term end."""
    for found in conflicts(case):
        if found.imposed_on is None:
            continue
        start = found.imposed_on.earliest
        ends = []
        for account in found.accounts:
            term = account.term
            if isinstance(term, Term):
                ends.append(add_term(start, term))
            elif isinstance(term, TermRange):
                ends += [add_term(start, term.minimum), add_term(start, term.maximum)]
        if ends:
            said = "; ".join(term_text(account.term) for account in found.accounts)
            yield found.person, min(ends), max(ends), said


def custody_chart(case: Case) -> Chart:
    """One row per person of the case: custody as bars, events as marks, disagreements as ranges."""
    title = f"Custody: {case.title}"
    header = ("person", "status", "custody", "pre-trial detention", "accounts that disagree")
    dated = [event.date for event in case.events if event.date is not None]
    if not case.people or not dated:
        message = "No named people." if not case.people else "No dated events."
        with _style():
            figure = _empty(title, message + " The events are listed on the page.")
        return Chart(figure, title, f"{title}. {message}", header, ())
    last = max(date.latest for date in dated)
    disagreements = list(_conflict_ranges(case))
    rows = []
    with _style():
        drawn, extra = _title(title)
        figure = _figure(7.2, 2.4 + extra + 0.5 * len(case.people))
        axes: Any = figure.add_subplot()
        used: set[str] = set()
        for row, person in enumerate(case.people):
            segments, undated = _segments(case, person.id, last)
            for segment in segments:
                axes.barh(
                    row, _days(segment.possible), left=segment.possible[0], height=0.5, **_POSSIBLE
                )
                style = _SERVED if segment.after_verdict else _PRE_TRIAL
                axes.barh(row, _days(segment.certain), left=segment.certain[0], height=0.5, **style)
                if segment.open:
                    axes.plot([last], [row], ">", color="black", markersize=7)
                    used.add("open")
            for step in timeline(case, person.id):
                date = step.event.date
                if date is None:
                    continue
                kind = _mark(step.kind.custody, step.kind.verdict)
                used.add(kind)
                middle = date.earliest + (date.latest - date.earliest) / 2
                axes.errorbar(
                    [middle],
                    [row - 0.38],
                    xerr=[[middle - date.earliest], [date.latest - middle]],
                    fmt=_MARKS[kind][0],
                    color="black",
                    markerfacecolor="white",
                    markersize=6,
                    capsize=2,
                    linewidth=0.8,
                )
            mine = [found for found in disagreements if found[0] == person.id]
            for _, low, high, _said in mine:
                axes.errorbar(
                    [low + (high - low) / 2],
                    [row + 0.38],
                    xerr=[[(high - low) / 2], [(high - low) / 2]],
                    fmt="none",
                    color="black",
                    capsize=4,
                    linewidth=2,
                )
                used.add("conflict")
            rows.append(_person_row(case, person.id, person.name, segments, undated, mine))
        axes.set_yticks(range(len(case.people)), [shorten(p.name, 28) for p in case.people])
        axes.set_ylim(len(case.people) - 0.4, -0.8)
        axes.use_sticky_edges = False
        axes.margins(x=0.04)
        _widen(axes, 90)
        _date_axis(axes)
        axes.set_ylabel("person")
        axes.set_xlabel("date")
        axes.grid(axis="x", color="0.9", linewidth=0.6)
        figure.suptitle(drawn, fontweight="bold")
        figure.legend(
            handles=_legend(used, rows),
            loc="outside lower center",
            ncols=2,
            fontsize=7,
            frameon=False,
        )
    alt = f"{title}. " + " ".join(f"{row[0]}: {row[1]}; custody {row[2]}." for row in rows)
    return Chart(figure, title, alt, header, tuple(rows))


def _date_axis(axes: Any) -> None:
    """Date ticks that never crowd: as many as fit, each written as briefly as it can be."""
    locator = matplotlib.dates.AutoDateLocator()  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(
        matplotlib.dates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
    )


def _widen(axes: Any, days: float) -> None:
    """Show at least ``days`` along the date axis, so that its ticks stay days or longer."""
    low, high = axes.get_xlim()
    if high - low < days:
        middle = (low + high) / 2
        axes.set_xlim(middle - days / 2, middle + days / 2)


def _days(span: tuple[datetime.date, datetime.date]) -> datetime.timedelta:
    return max(span[1] - span[0], datetime.timedelta(days=1))


def _legend(used: set[str], rows: list[tuple[str, ...]]) -> list[Any]:
    handles: list[Any] = []
    if any("pre-trial" in row[2] for row in rows):
        handles.append(Patch(label="in custody before the verdict", **_PRE_TRIAL))
    if any("after the verdict" in row[2] for row in rows):
        handles.append(Patch(label="in custody after the verdict", **_SERVED))
    if any(row[2] != "none" for row in rows):
        handles.append(Patch(label="dates not known to the day", **_POSSIBLE))
    if "open" in used:
        handles.append(
            Line2D(
                [],
                [],
                marker=">",
                color="black",
                linestyle="",
                label="still held when last reported",
            )
        )
    for kind, (marker, label) in _MARKS.items():
        if kind in used:
            handles.append(
                Line2D(
                    [],
                    [],
                    marker=marker,
                    color="black",
                    markerfacecolor="white",
                    linestyle="",
                    label=label,
                )
            )
    if "conflict" in used:
        handles.append(
            Line2D(
                [],
                [],
                color="black",
                linewidth=2,
                marker="|",
                markersize=8,
                label="term ends, by accounts that disagree",
            )
        )
    return handles


def _person_row(
    case: Case,
    person: str,
    name: str,
    segments: list[_Segment],
    undated: int,
    mine: list[tuple[str, datetime.date, datetime.date, str]],
) -> tuple[str, ...]:
    spells = [
        f"{segment.possible[0]} to {'last report' if segment.open else segment.possible[1]}"
        f" ({'after the verdict' if segment.after_verdict else 'pre-trial'})"
        for segment in segments
    ]
    if undated:
        spells.append(f"{undated} undated")
    days = pretrial_detention(case, person)
    if days.exact is not None:
        pre = f"{days.exact} days"
    elif days.maximum is not None:
        pre = f"{days.minimum} to {days.maximum} days"
    else:
        pre = f"at least {days.minimum} days" if days.minimum else "not known"
    said = "; ".join(f"{found[3]} (term ends {found[1]} to {found[2]})" for found in mine)
    return (name, person_status(case, person).value, "; ".join(spells) or "none", pre, said)


# -- Statements -----------------------------------------------------------------------------------


#: Characters per line of a statement's title beside its bar.
_LABEL_WIDTH = 48


def signatures_chart(statements: Iterable[Statement]) -> Chart:
    """Per statement: the signatories it lists (bars) and the count it declares (marks)."""
    given = tuple(statements)
    title = "Signatories per statement"
    header = ("statement", "date", "declared", "listed")
    rows = tuple(
        (
            statement.title,
            date_text(statement.date),
            "" if statement.signatory_count is None else str(statement.signatory_count),
            str(len(statement.signatories)),
        )
        for statement in given
    )
    with _style():
        if not given:
            return Chart(_empty(title, "No statements."), title, "No statements.", header, ())
        labels = [wrap(statement.title, _LABEL_WIDTH) for statement in given]
        lines = sum(label.count("\n") for label in labels)
        figure = _figure(7.2, 1.3 + 0.32 * len(given) + 0.14 * lines)
        axes: Any = figure.add_subplot()
        places = range(len(given))
        axes.barh(
            places,
            [len(statement.signatories) for statement in given],
            height=0.6,
            facecolor="0.8",
            edgecolor="black",
            hatch="..",
            linewidth=0.6,
            label="listed",
        )
        declared = [(i, s.signatory_count) for i, s in enumerate(given) if s.signatory_count]
        if declared:
            axes.plot(
                [count for _, count in declared],
                [i for i, _ in declared],
                "D",
                color="black",
                markerfacecolor="white",
                label="declared",
            )
        axes.set_yticks(places, labels)
        axes.invert_yaxis()
        axes.set_xlabel("organisations")
        axes.set_ylabel("statement")
        axes.set_title(title, fontweight="bold")
        axes.legend(loc="lower right", fontsize=7)
    listed = sum(len(statement.signatories) for statement in given)
    mismatched = sum(
        1
        for statement in given
        if statement.signatory_count is not None
        and statement.signatories
        and statement.signatory_count != len(statement.signatories)
    )
    alt = (
        f"{title}: {len(given)} statements listing {listed} signatures in all; "
        f"{mismatched} list a number other than the one they declare."
    )
    return Chart(figure, title, alt, header, rows)


def _organisation(name: str, acronym: str | None) -> str:
    return acronym if acronym else shorten(name, 30)


def co_signing_chart(statements: Iterable[Statement], top: int = 12) -> Chart:
    """The ``top`` pairs of organisations that signed the most statements together."""
    pairs = co_signatories(statements)[:top]
    title = "Organisations that sign together most"
    header = ("organisation", "with", "statements signed together")
    rows = tuple((pair.first.name, pair.second.name, str(pair.count)) for pair in pairs)
    with _style():
        if not pairs:
            message = "No two organisations signed a statement together."
            return Chart(_empty(title, message), title, message, header, ())
        figure = _figure(7.2, 1.3 + 0.3 * len(pairs))
        axes: Any = figure.add_subplot()
        places = range(len(pairs))
        axes.barh(
            places,
            [pair.count for pair in pairs],
            height=0.6,
            facecolor="0.6",
            edgecolor="black",
            hatch="xx",
            linewidth=0.6,
        )
        labels = [
            f"{_organisation(p.first.name, p.first.acronym)} + "
            f"{_organisation(p.second.name, p.second.acronym)}"
            for p in pairs
        ]
        axes.set_yticks(places, labels)
        axes.invert_yaxis()
        axes.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        axes.set_xlabel("statements signed together")
        axes.set_ylabel("pair of organisations")
        axes.set_title(title, fontweight="bold")
    alt = f"{title}: " + "; ".join(f"{row[0]} and {row[1]}, {row[2]}" for row in rows[:5]) + "."
    return Chart(figure, title, alt, header, rows)
