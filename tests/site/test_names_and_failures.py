"""Page names for every valid id, and builds that fail leaving the target as it was."""

import errno
import json
import re
from importlib import resources

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicspace import site
from civicspace._site import charts as drawing
from civicspace._site.formatting import FILE_NAME_MAX, file_name
from civicspace.collection import Collection

from ._pages import broken_links
from .conftest import TODAY

_ID = json.loads(resources.files("civicspace").joinpath("schemas", "common.json").read_text())[
    "$defs"
]["id"]
_SAFE = set("abcdefghijklmnopqrstuvwxyz0123456789._~-")

#: Every valid id: lower-case letters and digits at both ends, up to the schema's maxLength.
ids = st.builds(
    lambda first, middle, last: first + middle + last,
    st.sampled_from("a9"),
    st.text(alphabet="az09._:/-", max_size=_ID["maxLength"] - 2),
    st.sampled_from(["", "z", "0"]),
).filter(lambda text: re.fullmatch(_ID["pattern"], text) is not None)


@given(record_id=ids)
@settings(max_examples=200)
def test_every_valid_id_has_a_short_plain_page_name(record_id):
    assert len(record_id) <= _ID["maxLength"]
    name = file_name(record_id)
    assert (True, True) == (len(name) <= FILE_NAME_MAX, set(name) <= _SAFE)
    assert name == file_name(record_id)


@given(ids=st.lists(ids, min_size=2, max_size=6, unique=True))
@settings(max_examples=100)
def test_distinct_ids_have_distinct_page_names(ids):
    assert len(ids) == len({file_name(record_id) for record_id in ids})


def test_long_ids_that_share_their_start_have_distinct_names():
    # 'ids may hold slashes, up to 200 chars': two such ids, the same for 199 characters.
    first, second = "a/" * 99 + "b", "a/" * 99 + "c"
    assert (199, 199) == (len(first), len(second))
    assert file_name(first) != file_name(second)
    assert max(len(file_name(first)), len(file_name(second))) <= FILE_NAME_MAX


def test_ids_that_name_windows_devices_get_other_names():
    assert ["~63on.html", "~6eul.x.html", "lpt1~2fa.html", "console.html"] == [
        file_name(record_id) for record_id in ("con", "nul.x", "lpt1/a", "console")
    ]


def test_an_id_of_199_characters_with_99_slashes_builds(cambodia, tmp_path):
    # Issue 27, item 13: "A valid id of 199 characters with 99 slashes makes `civicspace site`
    # fail with 'File name too long' after writing 67 files."
    long_id = "a/" * 99 + "b"
    case = next(case for case in cambodia.cases if case.id == "mother-nature-2020")
    law = next(law for law in cambodia.laws if law.id == "khm/code/criminal-code")
    long_law = attrs.evolve(law, id="k/" * 99 + "w")
    cited = attrs.evolve(
        case,
        id=long_id,
        charges=tuple(
            attrs.evolve(
                charge,
                citations=tuple(
                    attrs.evolve(citation, law=long_law.id) for citation in charge.citations
                ),
            )
            for charge in case.charges
        ),
    )
    written = site.build_site(
        Collection(laws=(long_law,), cases=(cited,)), tmp_path / "out", today=TODAY
    )
    out = tmp_path / "out"
    assert (out / "case" / file_name(long_id)).is_file()
    assert (out / "law" / file_name(long_law.id)).is_file()
    assert [] == broken_links(out)
    assert sorted(written) == sorted(path for path in out.rglob("*") if path.is_file())


def _full_disk(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def _leftovers(folder):
    return sorted(path.name for path in folder.iterdir())


def test_a_failed_build_writes_nothing(cambodia, tmp_path, monkeypatch):
    chosen = Collection(laws=cambodia.laws, cases=cambodia.cases[:3])
    # The disk fills when the first chart is saved, after the style sheet and some pages.
    monkeypatch.setattr(drawing, "save", _full_disk)
    with pytest.raises(OSError, match="No space left"):
        site.build_site(chosen, tmp_path / "out", today=TODAY)
    assert [] == _leftovers(tmp_path)


def test_a_failed_build_leaves_the_site_before_it_as_it_was(cambodia, tmp_path, monkeypatch):
    before = Collection(laws=cambodia.laws, cases=cambodia.cases[:2])
    out = tmp_path / "out"
    site.build_site(before, out, today=TODAY, charts=False)
    (out / "mine.txt").write_text("kept")
    files = {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}
    monkeypatch.setattr(drawing, "save", _full_disk)
    with pytest.raises(OSError, match="No space left"):
        site.build_site(Collection(laws=cambodia.laws, cases=cambodia.cases[:3]), out, today=TODAY)
    assert files == {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}
    assert ["out"] == _leftovers(tmp_path)


def test_a_build_over_a_site_replaces_its_pages_and_keeps_other_files(cambodia, tmp_path):
    out = tmp_path / "out"
    site.build_site(Collection(laws=cambodia.laws), out, today=TODAY, charts=False)
    (out / "mine.txt").write_text("kept")
    written = site.build_site(
        Collection(laws=cambodia.laws, cases=cambodia.cases[:1]), out, today=TODAY, charts=False
    )
    assert "kept" == (out / "mine.txt").read_text()
    assert all(path.is_file() and out in path.parents for path in written)
    assert [] == broken_links(out)
    assert ["out"] == _leftovers(tmp_path)
