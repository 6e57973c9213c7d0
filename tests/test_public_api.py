"""The habits of a library others depend on: a declared, documented, typed public surface.

- ``__all__`` lists every public name of ``civicspace``, ``civicspace.strategies``
  and ``civicspace.datasets``, and every name it lists exists;
- every public name has a docstring, and so has every public method and
  property of a public class;
- the strategies are typed, cover every model class, and shrink to small
  examples;
- deprecations warn as CONTRIBUTING.md says, and none outlives its removal;
- changelog fragments are well formed and towncrier renders them.
"""

import importlib
import importlib.util
import inspect
import pkgutil
import re
import subprocess
import sys
import typing
import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import find, settings
from hypothesis import strategies as st

import civicspace
from civicspace import charts, datasets, site, strategies
from civicspace._model import RECORD_TYPES
from civicspace._util import deprecation as _deprecation
from civicspace._util.deprecation import Deprecation, deprecated, deprecation_of, minor_version

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import civicspace_docs  # noqa: E402  (lives in docs/_ext)

PUBLIC_MODULES = [civicspace, strategies, datasets, charts, site]

#: Public names that cannot carry a docstring, with where they are documented.
NO_DOCSTRING = {"__version__": "civicspace_docs.VERSION_DOC, on the API reference page"}


def public_names():
    return [(module.__name__, name) for module in PUBLIC_MODULES for name in module.__all__]


# -- __all__ ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("module", PUBLIC_MODULES, ids=lambda module: module.__name__)
def test_all_names_exist_once(module):
    assert [] == [name for name in module.__all__ if not hasattr(module, name)]
    assert sorted(set(module.__all__)) == sorted(module.__all__)


def test_every_public_attribute_of_the_package_is_in_all():
    public = {
        name
        for name, value in vars(civicspace).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert set() == public - set(civicspace.__all__)


def test_every_public_function_of_the_strategies_module_is_in_all():
    defined = {
        name
        for name, value in vars(strategies).items()
        if not name.startswith("_")
        and inspect.isfunction(value)
        and value.__module__ == strategies.__name__
    }
    assert set() == defined - set(strategies.__all__)


def test_private_modules_are_private():
    found = [
        module.name
        for module in pkgutil.iter_modules(civicspace.__path__)
        if not module.name.startswith("_")
        and module.name
        not in {"strategies", "datasets", "errors", "tables", "sheets", "charts", "site"}
    ]
    assert [] == found


# -- Docstrings ------------------------------------------------------------------------------------


def own_docstring(obj):
    """The docstring ``obj`` itself has: a class's is not inherited, a function's may be wrapped."""
    if inspect.isclass(obj):
        return vars(obj).get("__doc__") or ""
    return getattr(obj, "__doc__", None) or ""


@pytest.mark.parametrize(("module", "name"), public_names())
def test_public_name_has_a_docstring(module, name):
    obj = getattr(importlib.import_module(module), name)
    if name in NO_DOCSTRING:
        return
    if inspect.isclass(obj) or callable(obj):
        assert own_docstring(obj).strip(), f"{module}.{name} has no docstring"
    else:
        home = civicspace_docs.home_module(name)
        assert home is not None, f"{module}.{name} is defined in no private module's __all__"
        assert civicspace_docs.attribute_doc(home, name), (
            f"{module}.{name} has no docstring after its assignment in {home}"
        )


def public_members(cls):
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(value, property):
            yield name, value.fget
        elif isinstance(value, staticmethod | classmethod):
            yield name, value.__func__
        elif inspect.isfunction(value):
            yield name, value


def test_public_methods_and_properties_have_docstrings():
    missing = [
        f"{cls.__name__}.{name}"
        for cls in (getattr(civicspace, name) for name in civicspace.__all__)
        if inspect.isclass(cls)
        for name, member in public_members(cls)
        if not (member.__doc__ or "").strip()
    ]
    assert [] == missing


def test_the_docstring_check_can_fail():
    class Undocumented:
        def method(self):
            return 1

    assert ("", ["method"]) == (
        own_docstring(Undocumented),
        [name for name, member in public_members(Undocumented) if not member.__doc__],
    )
    assert civicspace_docs.attribute_doc("civicspace._pipeline.convert", "converter") is not None
    assert civicspace_docs.attribute_doc("civicspace._pipeline.documents", "_CHUNK") is None


# -- Strategies: typed, complete, shrinking --------------------------------------------------------


def _flat(annotation):
    if typing.get_origin(annotation) is None:
        return [annotation]
    return [inner for arg in typing.get_args(annotation) for inner in _flat(arg)]


@pytest.mark.parametrize("name", strategies.__all__)
def test_strategy_is_fully_typed(name):
    function = getattr(strategies, name)
    hints = typing.get_type_hints(function)
    parameters = set(inspect.signature(function).parameters)
    assert (set(), st.SearchStrategy) == (
        parameters - set(hints),
        typing.get_origin(hints["return"]),
    )


def model_classes():
    """Every attrs class a record holds, found through the field types of the record types."""
    seen, waiting = set(), list(RECORD_TYPES.values())
    while waiting:
        cls = waiting.pop()
        if cls in seen:
            continue
        seen.add(cls)
        attrs.resolve_types(cls)
        for field in attrs.fields(cls):
            waiting += [
                arg for arg in _flat(field.type) if isinstance(arg, type) and attrs.has(arg)
            ]
    return seen


def test_every_model_class_has_a_strategy():
    # Enumerations need none: st.sampled_from(civicspace.LawKind) draws them.
    drawn = {
        arg
        for name in strategies.__all__
        for arg in _flat(typing.get_type_hints(getattr(strategies, name))["return"])
    }
    classes = model_classes()
    assert {civicspace.Case, civicspace.Sentence, civicspace.Source} <= classes
    assert [] == sorted(cls.__name__ for cls in classes - drawn)


def test_records_and_documents_cover_every_record_type_and_refuse_others():
    for kind in civicspace.record_types():
        assert isinstance(strategies.records(kind), st.SearchStrategy)
        assert isinstance(strategies.documents(kind), st.SearchStrategy)
    with pytest.raises(ValueError, match="'statements' is not a record type"):
        strategies.records("statements")


def _smallest(strategy, condition=lambda _: True):
    return find(strategy, condition, settings=settings(database=None, max_examples=200))


@pytest.mark.parametrize("kind", ["rating", "person", "organisation"])
def test_smallest_document_has_only_the_required_members(kind):
    # Shrinking leaves out every optional member.  (A case, a law or a
    # collection shrinks the same way but takes far longer: see the report.)
    smallest = _smallest(strategies.documents(kind))
    assert (set(civicspace.schema(kind)["required"]), []) == (
        set(smallest),
        civicspace.validate(smallest),
    )


# -- Deprecations ----------------------------------------------------------------------------------


def test_a_deprecated_function_warns_at_the_caller_and_still_works():
    @deprecated(since="0.2", removed_in="0.3", instead="civicspace.rating_change")
    def compare(before, after):
        """Compare two ratings."""
        return before == after

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = compare(1, 1)
    message = (
        f"{compare.__qualname__} is deprecated since civicspace 0.2 and will be removed in 0.3; "
        "use civicspace.rating_change instead"
    )
    assert (True, [DeprecationWarning], [message], [__file__]) == (
        result,
        [warning.category for warning in caught],
        [str(warning.message) for warning in caught],
        [warning.filename for warning in caught],
    )
    assert ".. deprecated:: 0.2" in compare.__doc__
    assert message == compare.__deprecated__
    assert Deprecation(
        name=compare.__qualname__, since="0.2", removed_in="0.3", instead="civicspace.rating_change"
    ) == deprecation_of(compare)


def test_a_deprecated_class_warns_when_made():
    @deprecated(since="1.4", removed_in="2.0")
    @attrs.frozen
    class OldRating:
        """A rating of old."""

        value: str

    with pytest.warns(DeprecationWarning, match=r"OldRating is deprecated since civicspace 1\.4"):
        made = OldRating("closed")
    assert "closed" == made.value
    assert deprecation_of(OldRating) is not None


def test_a_deprecation_object_warns_for_what_a_decorator_cannot_wrap():
    old_form = Deprecation(name="a rating 'as_of' without a year", since="0.4", removed_in="0.5")
    with pytest.warns(DeprecationWarning) as caught:
        old_form.warn(stacklevel=1)
    assert [__file__] == [warning.filename for warning in caught]


@pytest.mark.parametrize(
    ("since", "removed_in"), [("0.2", "0.2"), ("0.2", "0.2.5"), ("0.3", "0.2"), ("1.9", "1.9.1")]
)
def test_removal_comes_a_minor_release_after_deprecation_at_the_earliest(since, removed_in):
    with pytest.raises(civicspace.CivicspaceError, match="at the earliest"):
        Deprecation(name="x", since=since, removed_in=removed_in)


@pytest.mark.parametrize(
    ("version", "expected"),
    [("0.1.0.dev0", (0, 1)), ("1.2", (1, 2)), ("10.20.3", (10, 20)), ("2.0.0rc1", (2, 0))],
)
def test_minor_version(version, expected):
    assert expected == minor_version(version)


def test_minor_version_refuses_what_is_not_a_version():
    with pytest.raises(civicspace.CivicspaceError):
        minor_version("v1")


def declared_deprecations():
    """Every deprecation in the package: decorated objects and module-level Deprecation values."""
    found = []
    for module_info in pkgutil.walk_packages(civicspace.__path__, "civicspace."):
        if module_info.name == "civicspace.__main__":
            continue
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            candidates = [value, *vars(value).values()] if inspect.isclass(value) else [value]
            for candidate in candidates:
                if isinstance(candidate, Deprecation):
                    found.append(candidate)
                elif deprecation_of(candidate) is not None:
                    found.append(deprecation_of(candidate))
    return found


def test_no_deprecated_name_outlives_its_removal_release():
    current = minor_version(civicspace.__version__)
    overdue = [
        deprecation.name
        for deprecation in declared_deprecations()
        if minor_version(deprecation.removed_in) <= current
    ]
    assert [] == overdue


def test_the_deprecation_module_documents_its_rule():
    assert "one minor release" in _deprecation.__doc__


# -- The changelog ---------------------------------------------------------------------------------

FRAGMENT = re.compile(
    r"(?P<issue>[1-9][0-9]*)\.(?P<type>added|changed|fixed|deprecated)(?:\.[1-9][0-9]*)?\.md"
)


def fragments():
    return sorted(path for path in (ROOT / "changelog.d").iterdir() if path.name != ".gitkeep")


@pytest.mark.parametrize("path", fragments(), ids=lambda path: path.name)
def test_changelog_fragment_is_well_formed(path):
    text = path.read_text("utf-8")
    assert FRAGMENT.fullmatch(path.name), f"{path.name} is not <issue>.<type>.md"
    assert text.strip(), f"{path.name} is empty"
    assert text.endswith("\n") and not text.startswith((" ", "\n", "#"))


def test_fragment_types_are_those_towncrier_is_configured_with():
    import tomllib

    configured = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["towncrier"]
    assert ["added", "changed", "fixed", "deprecated"] == [
        kind["directory"] for kind in configured["type"]
    ]


@pytest.mark.skipif(
    importlib.util.find_spec("towncrier") is None, reason="towncrier is not installed"
)
def test_towncrier_renders_the_fragments():
    done = subprocess.run(
        [sys.executable, "-m", "towncrier", "build", "--draft", "--version", "9.9.9"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert 0 == done.returncode, done.stderr
    for path in fragments():
        issue = FRAGMENT.fullmatch(path.name).group("issue")
        assert f"#{issue}" in done.stdout
    assert "## [9.9.9]" in done.stdout
