"""``civicspace site`` and ``civicspace chart``: exit 0 done, 1 invalid input, 2 unreadable."""

import io
import json
import sys

import pytest

from civicspace._cli.app import main


def test_site_writes_the_pages(tmp_path, capsys):
    assert 0 == main(["site", "cambodia", "--out", str(tmp_path), "--no-charts"])
    assert (tmp_path / "index.html").is_file()
    assert capsys.readouterr().out.startswith(f"{tmp_path}: ")


@pytest.mark.parametrize(
    ("kind", "extra", "suffix"),
    [
        ("rating-history", ["--country", "KHM"], "svg"),
        ("custody-timeline", ["--case", "mother-nature-2020"], "png"),
        ("signatures", [], "svg"),
        ("co-signing", [], "png"),
    ],
)
def test_chart_draws_each_kind(tmp_path, capsys, kind, extra, suffix):
    out = tmp_path / f"chart.{suffix}"
    assert 0 == main(["chart", kind, "cambodia", "--out", str(out), *extra])
    assert out.stat().st_size > 1000
    assert str(out) in capsys.readouterr().out


def test_a_collection_file_is_read(tmp_path, capsys):
    source = tmp_path / "mine.json"
    source.write_text(
        json.dumps(
            {
                "type": "collection",
                "ratings": [
                    {"type": "rating", "country": "KHM", "rating": "repressed", "as_of": "2020"}
                ],
            }
        ),
        "utf-8",
    )
    out = tmp_path / "r.svg"
    assert 0 == main(
        ["chart", "rating-history", str(source), "--country", "KHM", "--out", str(out)]
    )
    assert out.read_bytes().startswith(b"<?xml")


def test_invalid_input_lists_its_issues_and_exits_1(tmp_path, capsys):
    source = tmp_path / "bad.json"
    source.write_text('{"type": "collection", "ratings": [{"type": "rating", "country": "KHM"}]}')
    assert 1 == main(["site", str(source), "--out", str(tmp_path / "out")])
    out = capsys.readouterr().out
    assert f"{source}: $.ratings[0].rating: 'rating' is required [schema.required]" in out
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["site", "no-such-thing", "--out", "OUT"],
            "civicspace site: cannot read no-such-thing: no such file or dataset",
        ),
        (
            ["chart", "rating-history", "cambodia", "--out", "OUT/x.svg"],
            "civicspace chart: rating-history needs --country CODE",
        ),
        (
            ["chart", "custody-timeline", "cambodia", "--out", "OUT/x.svg"],
            "civicspace chart: custody-timeline needs --case ID",
        ),
        (
            ["chart", "signatures", "cambodia", "--out", "OUT/x.gif"],
            "civicspace chart: --out must end in .svg or .png, not 'OUT/x.gif'",
        ),
        (
            ["chart", "custody-timeline", "cambodia", "--case", "nope", "--out", "OUT/x.svg"],
            "civicspace chart: cambodia has no case 'nope'",
        ),
        (
            ["chart", "rating-history", "cambodia", "--country", "FRA", "--out", "OUT/x.svg"],
            "civicspace chart: cambodia has no rating of 'FRA'",
        ),
        (
            ["chart", "signatures", "cambodia", "--out", "OUT/missing/x.svg"],
            "civicspace chart: cannot write OUT/missing/x.svg: No such file or directory",
        ),
    ],
)
def test_what_cannot_be_read_or_done_is_one_line_and_exit_2(tmp_path, capsys, argv, message):
    argv = [arg.replace("OUT", str(tmp_path)) for arg in argv]
    assert 2 == main(argv)
    captured = capsys.readouterr()
    assert (message.replace("OUT", str(tmp_path)) + "\n", "") == (captured.err, captured.out)


def test_a_directory_is_not_a_collection(tmp_path, capsys):
    assert 2 == main(["site", str(tmp_path), "--out", str(tmp_path / "out")])
    assert 1 == len(capsys.readouterr().err.splitlines())


class _Terminal(io.StringIO):
    """Standard error as a terminal shows it: where progress is written."""

    def isatty(self):
        return True


def test_site_shows_its_progress_on_a_terminal(tmp_path, capsys, monkeypatch):
    # Issue 27, item 25: "`site` (144 s for 1,920 cases with charts) prints no progress".
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    assert 0 == main(["site", "cambodia", "--out", str(tmp_path), "--no-charts"])
    pages = sum(1 for _ in tmp_path.rglob("*.html"))
    assert f"\r\033[Kwriting pages: {pages} of {pages}" in err.getvalue()
    assert err.getvalue().endswith("\r\033[K")


def test_site_writes_no_progress_when_standard_error_is_not_a_terminal(tmp_path, capsys):
    assert 0 == main(["site", "cambodia", "--out", str(tmp_path), "--no-charts"])
    assert "" == capsys.readouterr().err


def test_site_takes_the_day_laws_are_in_force_on(tmp_path, capsys):
    assert 0 == main(
        ["site", "cambodia", "--out", str(tmp_path), "--no-charts", "--today", "2019-06-30"]
    )
    page = (tmp_path / "law" / "khm~2fcode~2fcriminal-code.html").read_text("utf-8")
    assert "<p>On 2019-06-30: " in page
    assert "the day the site was built" not in page


def test_a_day_not_written_yyyy_mm_dd_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["site", "cambodia", "--out", str(tmp_path), "--today", "June 2019"])
    assert 2 == stopped.value.code
    assert "'June 2019' is not a day written YYYY-MM-DD" in capsys.readouterr().err
