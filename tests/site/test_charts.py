"""The charts: titled, labelled, greyscale, the same bytes each run, data text never mathtext."""

import io
import subprocess
import sys

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text

from civicspace import charts, strategies
from civicspace._site import charts as drawing


def titled(figure):
    axes = figure.get_axes()[0]
    return axes.get_title() or figure.get_suptitle()


def colours(figure):
    """Every colour the figure paints with, as RGBA."""
    found = []
    for artist in figure.findobj(lambda artist: isinstance(artist, Patch | Line2D | Text)):
        if isinstance(artist, Patch):
            found += [artist.get_facecolor(), artist.get_edgecolor()]
        elif isinstance(artist, Line2D):
            found += [
                artist.get_color(),
                artist.get_markerfacecolor(),
                artist.get_markeredgecolor(),
            ]
        else:
            found.append(artist.get_color())
    return [
        to_rgba(colour) for colour in found if not (isinstance(colour, str) and colour == "none")
    ]


def greyscale(figure):
    return all(r == g == b or a == 0 for r, g, b, a in colours(figure))


def figures(cambodia):
    case = next(case for case in cambodia.cases if case.id == "mother-nature-2020")
    return {
        "rating_history": charts.rating_history(cambodia, "KHM"),
        "custody_timeline": charts.custody_timeline(case),
        "signatures": charts.signatures(cambodia),
        "co_signing": charts.co_signing(cambodia),
    }


def test_each_chart_is_a_titled_labelled_greyscale_figure(cambodia):
    drawn = figures(cambodia)
    assert {
        "rating_history": "Civic-space rating of Cambodia",
        "custody_timeline": (
            "Custody: Mother Nature Cambodia activists convicted of incitement over a lake\nprotest"
        ),
        "signatures": "Signatories per statement",
        "co_signing": "Organisations that sign together most",
    } == {name: titled(figure) for name, figure in drawn.items()}
    for figure in drawn.values():
        assert isinstance(figure, Figure)
        axes = figure.get_axes()[0]
        assert axes.get_xlabel() and axes.get_ylabel()
        assert greyscale(figure)


def test_the_rating_chart_marks_a_downgrade():
    from civicspace.common import PartialDate
    from civicspace.ratings import CivicusRating, CountryRating

    ratings = [
        CountryRating(country="KHM", rating=CivicusRating.OBSTRUCTED, as_of=PartialDate(2017)),
        CountryRating(country="KHM", rating=CivicusRating.REPRESSED, as_of=PartialDate(2018, 12)),
    ]
    chart = drawing.rating_chart(ratings, "KHM")
    assert (
        ("2017", "obstructed", "", ""),
        ("2018-12", "repressed", "downgraded from obstructed", ""),
    ) == chart.rows
    assert "December 2018: downgraded from obstructed." in chart.alt
    markers = [line.get_marker() for line in chart.figure.get_axes()[0].get_lines()]
    assert "v" in markers


def test_a_saved_chart_is_the_same_each_time_and_carries_its_title(cambodia):
    chart = drawing.rating_chart(cambodia.ratings, "KHM")
    first, second, png = io.BytesIO(), io.BytesIO(), io.BytesIO()
    drawing.save(chart, first, "svg")
    drawing.save(drawing.rating_chart(cambodia.ratings, "KHM"), second, "svg")
    drawing.save(chart, png, "png")
    assert first.getvalue() == second.getvalue()
    assert b"<title>Civic-space rating of Cambodia</title>" in first.getvalue()
    assert png.getvalue().startswith(b"\x89PNG\r\n\x1a\n")


def test_text_from_data_is_never_read_as_mathtext(cambodia):
    case = next(case for case in cambodia.cases if case.id == "kong-raiya-2019")
    person = attrs.evolve(case.people[0], name="$x^2$ \\frac{1}{0}")
    figure = charts.custody_timeline(attrs.evolve(case, people=(person,)))
    assert ["$x^2$ \\frac{1}{0}"] == [
        label.get_text() for label in figure.get_axes()[0].get_yticklabels()
    ]
    figure.savefig(io.BytesIO(), format="svg")


def test_a_case_without_people_or_dates_says_so(cambodia):
    case = next(case for case in cambodia.cases if not case.people)
    chart = drawing.custody_chart(case)
    assert ((), True) == (chart.rows, "No named people." in chart.alt)


@given(case=strategies.cases())
@settings(max_examples=15)
def test_any_case_draws_one_row_per_person_in_greyscale(case):
    chart = drawing.custody_chart(case)
    if case.people and any(event.date is not None for event in case.events):
        axes = chart.figure.get_axes()[0]
        assert len(case.people) == len(axes.get_yticklabels())
        assert [person.name for person in case.people] == [row[0] for row in chart.rows]
    assert greyscale(chart.figure)
    drawing.save(chart, io.BytesIO(), "svg")


def test_without_the_extra_the_error_is_one_line_naming_it(tmp_path):
    # The extra made unimportable for one interpreter: a None in sys.modules blocks an import.
    code = (
        "import sys\n"
        "sys.modules['jinja2'] = None\n"
        "from civicspace import charts, datasets, site\n"
        "for call in (lambda: site.build_site(datasets.load('cambodia'), sys.argv[1]),\n"
        "             lambda: charts.signatures(datasets.load('cambodia'))):\n"
        "    try:\n"
        "        call()\n"
        "    except ImportError as error:\n"
        "        print(type(error).__name__, error)\n"
        "from civicspace._cli.app import main\n"
        "sys.exit(main(['site', 'cambodia', '--out', sys.argv[1]]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert [
        "MissingExtraError civicspace.site needs the 'site' extra (jinja2 missing): "
        "pip install 'civicspace[site]'",
        "MissingExtraError civicspace.charts needs the 'site' extra (jinja2 missing): "
        "pip install 'civicspace[site]'",
    ] == done.stdout.splitlines()
    assert (
        2,
        "civicspace site needs the 'site' extra (jinja2 missing): pip install 'civicspace[site]'\n",
    ) == (
        done.returncode,
        done.stderr,
    )
    assert [] == list(tmp_path.iterdir())


def _words(text):
    return text.split()


def test_a_long_case_title_is_wrapped_never_cut(cambodia):
    # Issue 27, item 24: "chart titles are cut with '…'".
    case = next(case for case in cambodia.cases if case.id == "mother-nature-2020")
    long_title = " ".join([case.title] * 4)
    for edited in (
        attrs.evolve(case, title=long_title),
        attrs.evolve(case, title=long_title, events=()),
    ):
        chart = drawing.custody_chart(edited)
        drawn = chart.figure.get_suptitle()
        assert f"Custody: {long_title}" == chart.title
        assert _words(chart.title) == _words(drawn)
        assert "…" not in drawn
        assert [True] == [max(len(line) for line in drawn.splitlines()) <= 80]


@given(statements=st.lists(strategies.statements(), min_size=1, max_size=4))
@settings(max_examples=10)
def test_statement_titles_beside_their_bars_are_whole(statements):
    chart = drawing.signatures_chart(statements)
    labels = [label.get_text() for label in chart.figure.get_axes()[0].get_yticklabels()]
    assert [_words(s.title) for s in statements] == [_words(label) for label in labels]
