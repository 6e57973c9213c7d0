"""Every example in the docs runs, and the generated reference covers everything.

- The ``pycon`` blocks of every page under ``docs/`` run as doctests, with
  the folders of the Python files the page includes (``literalinclude``) on
  ``sys.path``, so the how-to code on a page is what its examples import.
- Every issue code has an example document in ``docs/issue_examples.json``
  that really produces it, except codes of record types still being built
  (``PENDING_RECORD_TYPES``) and of schema keywords no shipped schema uses.
- The reference pages that ``docs/_ext/civicspace_docs.py`` writes at build
  time name every public name, every schema and every code.
"""

import doctest
import re
import subprocess
import sys
from pathlib import Path

import pytest

import civicspace

DOCS = Path(__file__).resolve().parent.parent / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

import civicspace_docs  # noqa: E402  (lives in docs/_ext)

PAGES = sorted(
    path
    for path in DOCS.rglob("*.md")
    if not {"_generated", "_build"} & set(path.relative_to(DOCS).parts)
)
PAGE_IDS = [page.relative_to(DOCS).as_posix() for page in PAGES]

#: Pages that teach by example, so must have some.
MUST_HAVE_EXAMPLES = {"tutorial.md", "index.md"} | {
    page for page in PAGE_IDS if page.startswith("howto/")
}

#: Record types whose issue codes may lack an example while the type is being
#: built (none at present); the test below fails once one of them is a record
#: type, so the examples get written when the type lands.
PENDING_RECORD_TYPES: set[str] = set()

#: ``schema.*`` codes of keywords that no schema a document is checked against
#: uses, so no document can produce them (checked against the schemas below).
UNREACHABLE_CODES = {
    "schema.exclusive_maximum",
    "schema.exclusive_minimum",
    "schema.max_properties",
    "schema.multiple_of",
    "schema.not",
    "schema.one_of",
    "schema.unique_items",
}

_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*\{?([\w-]*)\}?(.*)$")


def fenced_blocks(text):
    """``(language, first line number from 0, lines)`` of each fenced block of a page."""
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        fence, language = opening.group(2), opening.group(3)
        end = index + 1
        while end < len(lines) and not lines[end].strip().startswith(fence):
            end += 1
        yield language, index + 1, lines[index + 1 : end]
        index = end + 1


def pycon_only(text):
    """The page with every line outside ``pycon`` blocks blanked, line numbers kept."""
    kept = [""] * len(text.splitlines())
    for language, start, lines in fenced_blocks(text):
        if language == "pycon":
            kept[start : start + len(lines)] = lines
    return "\n".join(kept) + "\n"


def included_files(page, text):
    """The files a page shows with ``literalinclude``, resolved from the page's folder."""
    found = []
    for language, start, _lines in fenced_blocks(text):
        if language == "literalinclude":
            header = text.splitlines()[start - 1]
            found.append((page.parent / _FENCE.match(header).group(4).strip()).resolve())
    return found


def run_page(page):
    """Run a page's examples as a reader would: ``(examples tried, failures, report)``.

    The examples start from nothing but what they import; the Python files
    the page includes are importable as the reader saved them, from the
    folder they run Python in (the page's own folder here).
    """
    text = page.read_text("utf-8")
    globs = {"__name__": "__docs__"}
    included = [path for path in included_files(page, text) if path.suffix == ".py"]
    folders = [str(path.parent) for path in included]
    sys.path[:0] = folders
    try:
        test = doctest.DocTestParser().get_doctest(pycon_only(text), globs, page.name, str(page), 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        report = []
        runner.run(test, out=report.append)
    finally:
        del sys.path[: len(folders)]
        for path in included:
            sys.modules.pop(path.stem, None)
    return len(test.examples), runner.failures, "".join(report)


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_page_examples_run(page):
    tried, failures, report = run_page(page)
    assert 0 == failures, report
    page_id = page.relative_to(DOCS).as_posix()
    assert (page_id in MUST_HAVE_EXAMPLES) <= (tried > 0)


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_every_example_on_a_page_is_in_a_pycon_block(page):
    # A ">>>" outside a pycon block would be shown but never run.
    text = page.read_text("utf-8")
    outside = [
        line
        for line in text.splitlines()
        if line.lstrip().startswith(">>>") and line not in pycon_only(text).splitlines()
    ]
    assert [] == outside


def test_a_failing_example_fails(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("```pycon\n>>> 1 + 1\n3\n\n```\n", "utf-8")
    tried, failures, _ = run_page(page)
    assert (1, 1) == (tried, failures)


def test_a_page_example_cannot_use_an_included_name_it_does_not_import(tmp_path):
    (tmp_path / "helper.py").write_text("ANSWER = 42\n", "utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "```{literalinclude} helper.py\n```\n\n```pycon\n>>> ANSWER\n42\n\n```\n"
        "\n```pycon\n>>> from helper import ANSWER\n>>> ANSWER\n42\n\n```\n",
        "utf-8",
    )
    tried, failures, _ = run_page(page)
    assert (3, 1) == (tried, failures)


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_a_page_says_where_to_save_each_file_it_includes(page):
    text = page.read_text("utf-8")
    unsaid = [
        path.name
        for path in included_files(page, text)
        if f"Save this code as `{path.name}`" not in text or f":caption: {path.name}" not in text
    ]
    assert [] == unsaid


def test_included_files_exist():
    missing = [
        (page.name, str(path))
        for page in PAGES
        for path in included_files(page, page.read_text("utf-8"))
        if not path.is_file()
    ]
    assert [] == missing


def test_parallel_howto_runs_as_a_script():
    # The multiprocessing code needs a real __main__ (spawn re-imports it).
    script = DOCS / "howto" / "parallel_validation.py"
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert (0, "") == (done.returncode, done.stderr)
    assert "3 submissions, 1 invalid" in done.stdout


# -- Issue codes and their examples ----------------------------------------------------------------


EXAMPLES = civicspace_docs.issue_examples()


@pytest.mark.parametrize("code", sorted(EXAMPLES))
def test_issue_example_produces_its_code(code):
    assert code in civicspace.ISSUE_CODES
    issues = civicspace_docs.run_example(EXAMPLES[code])
    assert code in [issue.code for issue in issues]


def test_every_issue_code_has_an_example():
    pending = {
        code for code in civicspace.ISSUE_CODES if code.split(".")[0] in PENDING_RECORD_TYPES
    }
    # Codes only a workbook produces have no text example; tests/sheets/ produces each.
    workbook_only = civicspace_docs.WORKBOOK_ONLY_CODES
    missing = set(civicspace.ISSUE_CODES) - set(EXAMPLES) - pending - UNREACHABLE_CODES
    assert set() == missing - workbook_only
    assert set() == workbook_only & set(EXAMPLES)
    assert workbook_only <= set(civicspace.ISSUE_CODES)


def test_pending_record_types_are_not_built_yet():
    assert set() == PENDING_RECORD_TYPES & set(civicspace.record_types())


def test_unreachable_codes_are_those_of_keywords_no_schema_uses():
    assert UNREACHABLE_CODES == set(civicspace_docs.unreachable_schema_codes())
    assert set() == UNREACHABLE_CODES & set(EXAMPLES)


def test_keywords_in_use_sees_references_across_files():
    # rating.json uses "minimum" only through common.json#/$defs/score.
    assert {"enum", "$ref", "minimum", "format", "anyOf"} <= civicspace_docs.keywords_in_use()


# -- The generated reference pages -----------------------------------------------------------------


@pytest.fixture(scope="module")
def generated():
    return civicspace_docs.generated_pages()


def test_api_reference_documents_every_public_name_once(generated):
    documented = re.findall(
        r"^\.\. (?:autoclass|autofunction|py:data):: (civicspace\.[\w.]+)$",
        "\n".join(text for page, text in generated.items() if page.startswith("api")),
        re.MULTILINE,
    )
    own, elsewhere = civicspace_docs.root_names()
    expected = [f"civicspace.{name}" for name in own] + [
        f"civicspace.{module}.{name}"
        for module in civicspace_docs.API_MODULES
        for name in getattr(civicspace, module).__all__
    ]
    assert sorted(expected) == sorted(documented)
    assert set() == {f"{module}.{name}" for name, module in elsewhere.items()} - set(expected)


def test_strategies_reference_is_the_module(generated):
    assert ".. automodule:: civicspace.strategies" in generated["strategies.md"]


def test_every_schema_has_a_page_listed_in_the_index(generated):
    pages = {
        path for path in generated if path.startswith("schemas/") and path != "schemas/index.md"
    }
    assert {f"schemas/{name}.md" for name in civicspace.schema_names()} == pages
    for name in civicspace.schema_names():
        assert f"<schema-{name}>" in generated["schemas/index.md"]


def test_schema_pages_show_every_member_and_definition(generated):
    for name in civicspace.schema_names():
        document = civicspace.schema(name)
        page = generated[f"schemas/{name}.md"]
        for member in document.get("properties", {}):
            assert f"| `{member}` |" in page, (name, member)
        for definition in document.get("$defs", {}):
            assert f"### `{definition}`" in page, (name, definition)


def test_record_schema_pages_name_their_model_class(generated):
    page = generated["schemas/rating.md"]
    assert "{py:class}`civicspace.CountryRating`" in page


def test_issue_code_page_shows_every_code_and_what_validation_says(generated):
    page = generated["issue-codes.md"]
    for code in civicspace.ISSUE_CODES:
        assert f"### `{code}`" in page
    assert '$.rating: "repressd" is not one of' in page


def test_write_pages_writes_only_what_changed_and_removes_stale_pages(tmp_path):
    first = civicspace_docs.write_pages(tmp_path)
    stale = tmp_path / "_generated" / "schemas" / "gone.md"
    stale.write_text("# gone\n", "utf-8")
    second = civicspace_docs.write_pages(tmp_path)
    assert (True, [], False) == (len(first) > 0, second, stale.exists())


def test_attribute_doc_reads_both_conventions():
    assert civicspace_docs.attribute_doc("civicspace._model.terms", "LIFE").startswith("Life")
    assert civicspace_docs.attribute_doc(
        "civicspace._pipeline.documents", "MAX_RECORD_BYTES"
    ).startswith("The largest record")


def test_unreleased_changes_list_every_fragment():
    page = civicspace_docs.unreleased_page()
    for path in (DOCS.parent / "changelog.d").glob("*.md"):
        assert f"(#{path.name.split('.')[0]})" in page
