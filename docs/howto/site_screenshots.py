"""Take the two screenshots of the site how-to: ``python docs/howto/site_screenshots.py``.

Builds the Cambodia site in a temporary folder and photographs its index and
the Mother Nature case page at its custody chart in Debian's headless
Chromium (``apt-get install chromium``), as small greyscale PNGs beside this file.
"""

import io
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from civicspace import datasets, site
from civicspace.common import PartialDate

HERE = Path(__file__).parent
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
SHOTS = {
    "site-index.png": ("index.html", None),
    "site-case.png": ("case/mother-nature-2020.html", "#custody"),
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        site.build_site(datasets.load("cambodia"), folder, today=PartialDate(2024, 1, 1))
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 760})
        for name, (path, anchor) in SHOTS.items():
            page.goto((Path(folder) / path).as_uri())
            if anchor:
                page.locator(anchor).scroll_into_view_if_needed()
                page.evaluate(
                    f"window.scrollBy(0, document.querySelector('{anchor}')"
                    ".getBoundingClientRect().top - 10)"
                )
            shot = Image.open(io.BytesIO(page.screenshot())).convert("L").quantize(32)
            shot.save(HERE / name, optimize=True)
        browser.close()


if __name__ == "__main__":
    main()
