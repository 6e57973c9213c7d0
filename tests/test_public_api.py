"""The habits of a library others depend on: a declared, documented, typed public surface.

- ``__all__`` lists every public name of ``civicspace`` and of each public
  module, every name it lists exists, and each name has one public home;
- ``import civicspace`` loads nothing but the package, and every public module
  is an attribute of it after a plain import;
- private packages re-export nothing;
- every public name has a docstring, and so has every public method and
  property of a public class;
- the strategies are typed, cover every model class, and shrink to small
  examples;
- deprecations warn as CONTRIBUTING.md says, and none outlives its removal;
- changelog fragments are well formed and towncrier renders them.
"""

import ast
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
from civicspace import strategies
from civicspace._model.records import RECORD_TYPES
from civicspace._util import deprecation as _deprecation
from civicspace._util.deprecation import Deprecation, deprecated, deprecation_of, minor_version
from civicspace.strategies._common import _RECORD_STRATEGIES

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import civicspace_docs  # noqa: E402  (lives in docs/_ext)

SUBMODULES = sorted(civicspace._SUBMODULES)
PUBLIC_MODULES = [
    civicspace,
    *(importlib.import_module(f"civicspace.{name}") for name in SUBMODULES),
]

#: Public names that cannot carry a docstring, with where they are documented.
NO_DOCSTRING = {"__version__": "civicspace_docs.VERSION_DOC, on the API reference page"}


def public_names():
    return [(module.__name__, name) for module in PUBLIC_MODULES for name in module.__all__]


# -- __all__ ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("module", PUBLIC_MODULES, ids=lambda module: module.__name__)
def test_all_names_exist_once(module):
    assert [] == [name for name in module.__all__ if not hasattr(module, name)]
    assert sorted(set(module.__all__)) == sorted(module.__all__)


@pytest.mark.parametrize("module", PUBLIC_MODULES, ids=lambda module: module.__name__)
def test_every_public_attribute_of_a_public_module_is_in_all(module):
    civicspace.__dir__()  # the root's names load on first use: load them all
    for name in civicspace.__all__:
        getattr(civicspace, name)
    public = {
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and name != "TYPE_CHECKING"
        and not inspect.ismodule(value)
        and getattr(value, "__module__", module.__name__) in (module.__name__, None)
    }
    assert set() == public - set(module.__all__)


def test_each_public_name_has_one_home():
    homes: dict[int, list[str]] = {}
    for module in PUBLIC_MODULES[1:]:
        for name in module.__all__:
            homes.setdefault(id(getattr(module, name)), []).append(f"{module.__name__}.{name}")
    assert [] == [found for found in homes.values() if len(found) > 1]
    # What the root offers beyond its own entry points is the object of a public module.
    _, elsewhere = civicspace_docs.root_names()
    assert {} == {
        name: module
        for name, module in elsewhere.items()
        if getattr(importlib.import_module(module), name) is not getattr(civicspace, name)
    }
    assert 30 <= len(civicspace.__all__) <= 45


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
    ]
    assert SUBMODULES == sorted(found)


def _run(code):
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()


def test_importing_the_package_loads_only_the_package():
    loaded = _run(
        "import sys, civicspace; print(*sorted(m for m in sys.modules if 'civicspace' in m))"
    )
    assert ["civicspace", "civicspace._version"] == loaded


def test_every_public_module_is_an_attribute_after_a_plain_import():
    found = _run(
        "import civicspace\n"
        f"for name in {SUBMODULES!r}: print(getattr(civicspace, name).__name__)\n"
        "print(civicspace.datasets.load('cambodia').cases[0].id)"
    )
    assert [*(f"civicspace.{name}" for name in SUBMODULES), "mother-nature-2015"] == found


def _private_packages():
    return sorted(
        path
        for path in (ROOT / "src" / "civicspace").rglob("__init__.py")
        if any(part.startswith("_") for part in path.relative_to(ROOT / "src").parts[1:-1])
    )


@pytest.mark.parametrize("path", _private_packages(), ids=lambda path: path.parent.name)
def test_a_private_package_re_exports_nothing(path):
    tree = ast.parse(path.read_text())
    assert [] == [
        node.lineno
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(getattr(target, "id", "") == "__all__" for target in node.targets)
        and any(name not in _defined(tree) for name in ast.literal_eval(node.value))
    ]
    imported_here = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    package = ".".join(path.relative_to(ROOT / "src").parts[:-1])
    users = [
        f"{source.relative_to(ROOT)}:{node.lineno}"
        for source in (ROOT / "src").rglob("*.py")
        for node in ast.walk(ast.parse(source.read_text()))
        if isinstance(node, ast.ImportFrom)
        and _resolved(node, source) == package
        and any(alias.name in imported_here for alias in node.names)
    ]
    assert [] == users


def _defined(tree):
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef | ast.ClassDef)}


def _resolved(node, source):
    if node.level == 0:
        return node.module
    parts = list(source.relative_to(ROOT / "src").with_suffix("").parts)
    base = parts[: len(parts) - node.level]
    return ".".join(base + ([node.module] if node.module else []))


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
        home = civicspace_docs.home_module(name, importlib.import_module(module))
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
    # Enumerations need none: st.sampled_from(civicspace.laws.LawKind) draws them.  A record
    # type's strategy is found by its registration (strategies.records) if not by name.
    drawn = {
        arg
        for name in strategies.__all__
        for arg in _flat(typing.get_type_hints(getattr(strategies, name))["return"])
    } | set(_RECORD_STRATEGIES)
    classes = model_classes()
    assert {
        civicspace.Case,
        civicspace.Sentence,
        civicspace.Source,
    } <= classes
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
    @deprecated(since="0.2", removed_in="0.3", instead="civicspace.ratings.rating_change")
    def compare(before, after):
        """Compare two ratings."""
        return before == after

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = compare(1, 1)
    message = (
        f"{compare.__qualname__} is deprecated since civicspace 0.2 and will be removed in 0.3; "
        "use civicspace.ratings.rating_change instead"
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
        name=compare.__qualname__,
        since="0.2",
        removed_in="0.3",
        instead="civicspace.ratings.rating_change",
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

FRAGMENT = civicspace_docs.FRAGMENT
#: The end of a sentence: a full stop (or ! or ?) before a capital, a code span or the end.
SENTENCE_END = re.compile(r"[.!?](?:\s+(?=[A-Z`(])|\s*$)")


def fragments():
    return sorted(path for path in (ROOT / "changelog.d").iterdir() if path.name != ".gitkeep")


def fragment_problems(name, text):
    """What is wrong with a changelog fragment called ``name`` that says ``text``."""
    return [
        problem
        for problem, wrong in (
            (f"{name} is not <issue>.<type>[.<n>].md", not FRAGMENT.fullmatch(name)),
            (f"{name} is empty", not text.strip()),
            (
                f"{name} does not start with its text and end with a newline",
                not text.endswith("\n") or text.startswith((" ", "\n", "#")),
            ),
            (f"{name} says more than two sentences", len(SENTENCE_END.findall(text)) > 2),
        )
        if wrong
    ]


def test_every_changelog_fragment_is_well_formed():
    # Between releases changelog.d/ may hold no fragment at all.
    found = [fragment_problems(path.name, path.read_text("utf-8")) for path in fragments()]
    assert [] == [problem for problems in found for problem in problems]


def test_the_fragment_check_can_fail():
    assert [
        "x.md is not <issue>.<type>[.<n>].md",
        "x.md says more than two sentences",
    ] == fragment_problems("x.md", "One. Two. Three.\n")


def test_fragment_types_are_those_towncrier_is_configured_with():
    import tomllib

    configured = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["towncrier"]
    assert ["added", "changed", "fixed", "deprecated"] == [
        kind["directory"] for kind in configured["type"]
    ]


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


def test_the_roots_three_lists_of_its_names_agree():
    # __all__ and the TYPE_CHECKING imports are written out for type checkers and linters,
    # _ROOT_NAMES for the lazy loading: the three must name the same things.
    tree = ast.parse((ROOT / "src" / "civicspace" / "__init__.py").read_text())
    guarded = next(node for node in tree.body if isinstance(node, ast.If))
    imported = {
        alias.asname or alias.name
        for node in guarded.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert (set(civicspace._ROOT_NAMES), set(civicspace._SUBMODULES)) == (
        set(civicspace.__all__) - {"__version__"},
        imported - set(civicspace._ROOT_NAMES),
    )
    assert set(civicspace._ROOT_NAMES) <= imported
