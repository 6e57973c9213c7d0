"""The Cambodia site in a real browser: Debian's headless Chromium, driven by Playwright.

One browser for the module (see ``conftest.py``); the tests skip, saying how
to install it, when ``/usr/bin/chromium`` is missing.  Accessibility is
checked by axe-core, whose script ships inside the ``axe-playwright-python``
package (nothing is fetched).
"""

import io
from pathlib import Path
from urllib.parse import urlsplit

import attrs
import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image

from civicspace import site
from civicspace.collection import Collection

from .conftest import TODAY

#: axe-core's impact levels that fail a page.
SERIOUS = {"serious", "critical"}


def pages_of(folder: Path):
    return sorted(folder.rglob("*.html"))


def test_every_page_loads_cleanly_and_every_internal_link_resolves(cambodia_site, page):
    out, _ = cambodia_site
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    targets, ids = set(), {}
    for path in pages_of(out):
        page.goto(path.as_uri(), wait_until="load")
        ids[path] = set(page.eval_on_selector_all("[id]", "nodes => nodes.map(n => n.id)"))
        targets.update(
            page.eval_on_selector_all(
                "a[href], img[src], link[href]", "nodes => nodes.map(n => n.href || n.src)"
            )
        )
    assert [] == page.problems  # no console error or warning, page error or failed request
    assert [] == [url for url in requested if not url.startswith("file://")]
    internal = sorted(url for url in targets if url.startswith("file://"))
    missing = [
        url
        for url in internal
        if not Path(urlsplit(url).path).is_file()
        or (urlsplit(url).fragment and urlsplit(url).fragment not in ids[Path(urlsplit(url).path)])
    ]
    assert [] == missing
    assert len(internal) > 100


def _varied(png: bytes) -> int:
    """How many distinct grey levels a screenshot has: 1 for a blank page."""
    return len(Image.open(io.BytesIO(png)).convert("L").getcolors(256) or ())


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("index.html", "civic-space record"),
        (
            "case/mother-nature-2020.html",
            "Mother Nature Cambodia activists convicted of incitement over a lake protest",
        ),
    ],
)
def test_screenshots_are_not_blank_and_show_the_title(cambodia_site, page, tmp_path, path, title):
    out, _ = cambodia_site
    page.goto((out / path).as_uri())
    shot = page.screenshot(path=tmp_path / "shot.png")
    assert title == page.inner_text("h1")
    assert page.locator("h1").is_visible()
    assert _varied(shot) > 20
    assert [] == page.problems


def test_no_serious_accessibility_violation(cambodia_site, page):
    out, _ = cambodia_site
    axe = Axe()
    chosen = ["index.html", "case/mother-nature-2020.html", "law/khm~2fcode~2fcriminal-code.html"]
    chosen += ["people.html", "vocabulary.html", "person/thun-ratha.html"]
    chosen += [
        next(out.glob(f"{kind}/*.html")).relative_to(out).as_posix()
        for kind in ("country", "statement", "organisation", "election")
    ]
    found = {}
    for path in chosen:
        page.goto((out / path).as_uri())
        results = axe.run(page)
        serious = [
            f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes)"
            for violation in results.response["violations"]
            if violation["impact"] in SERIOUS
        ]
        if serious:
            found[path] = serious
    assert {} == found


def test_a_person_named_like_a_script_shows_as_text_and_runs_nothing(cambodia, page, tmp_path):
    case = next(case for case in cambodia.cases if case.id == "mother-nature-2020")
    person = attrs.evolve(case.people[0], name="<script>alert(1)</script>")
    edited = attrs.evolve(case, people=(person, *case.people[1:]))
    site.build_site(Collection(laws=cambodia.laws, cases=(edited,)), tmp_path, today=TODAY)
    page.goto((tmp_path / "case" / "mother-nature-2020.html").as_uri())
    assert "<script>alert(1)</script>" == page.inner_text("#person-1 th").splitlines()[0]
    assert 0 == page.locator("script").count()
    assert [] == page.problems


def test_the_accessibility_check_finds_what_it_should(page):
    # An image without alt text on a page without a language: axe-core must say so.
    page.set_content(
        '<html><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></body></html>'
    )
    found = {v["id"]: v["impact"] for v in Axe().run(page).response["violations"]}
    assert {"image-alt": "critical", "html-has-lang": "serious"}.items() <= found.items()
