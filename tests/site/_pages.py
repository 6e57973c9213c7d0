"""Reading a built site without a browser: the links and resources of each page."""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.ids = set()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        self.tags.append(tag)
        if "id" in found:
            self.ids.add(found["id"])
        for name in ("href", "src"):
            if name in found:
                self.links.append((tag, name, found[name]))


def read(page: Path):
    """``(links, ids, tags)`` of a page: every href and src with its tag, the ids, the tags."""
    parser = _Links()
    parser.feed(page.read_text("utf-8"))
    return parser.links, parser.ids, parser.tags


def broken_links(folder: Path):
    """Every internal link of every page that names no file, or no element of its page."""
    pages = sorted(folder.rglob("*.html"))
    ids = {page: read(page)[1] for page in pages}
    broken = []
    for page in pages:
        links, own, _ = read(page)
        for _tag, _attribute, value in links:
            parts = urlsplit(value)
            if parts.scheme in ("http", "https"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            missing = not target.is_file()
            if missing or (parts.fragment and parts.fragment not in ids.get(target, own)):
                broken.append((page.relative_to(folder).as_posix(), value))
    return broken


def external_resources(folder: Path):
    """Every resource a page loads from outside the site (a link to read is not one)."""
    found = []
    for page in sorted(folder.rglob("*.html")):
        for tag, _attribute, value in read(page)[0]:
            if tag != "a" and urlsplit(value).scheme:
                found.append((page.name, tag, value))
    return found
