"""Fast paths for parsing and schema validation, each answering only "proven fine".

Anything not proven fine goes down the strict path (:func:`parse_json`,
jsonschema), which alone writes issues.  So these change speed, never a
verdict, an issue path, a code or a message.

Always on, in pure Python: :func:`proven_valid_pure` runs the shipped
schemas compiled once into closures, with jsonschema's semantics for the
keywords they use; a schema with any other keyword is left to jsonschema.

The ``fast`` extra (jsonschema-rs and orjson), used when installed:

* :func:`parse` reads JSON text with orjson and returns ``None`` (meaning
  "parse it the strict way") unless orjson writes the value back as the
  very same bytes, which rules out keys written twice (orjson keeps the
  last silently) and numbers orjson cannot keep exact.
* :func:`proven_valid` asks jsonschema-rs, over the same shipped schemas in
  one registry, whether a parsed record is valid; ``False`` means "run
  jsonschema for the issues", never "invalid".

Setting the environment variable ``CIVICSPACE_PURE`` to anything but ``""``
or ``"0"`` before import, or calling :func:`use_pure`, turns the ``fast``
extra off (the differential tests compare both paths this way).
"""

from __future__ import annotations

import functools
import importlib
import os
import re
from collections.abc import Callable
from typing import Any

__all__ = ["active", "parse", "proven_valid", "proven_valid_pure", "use_pure"]

_pure = os.environ.get("CIVICSPACE_PURE", "") not in ("", "0")


def use_pure(pure: bool = True) -> None:
    """Turn the fast path off (``True``) or back on when installed (``False``)."""
    global _pure
    _pure = pure


@functools.cache
def _modules() -> tuple[Any, Any] | None:
    try:  # imported by name: neither is a dependency, so neither has stubs here
        return importlib.import_module("jsonschema_rs"), importlib.import_module("orjson")
    except ImportError:
        return None


def active() -> bool:
    """Whether the fast path is used: the ``fast`` extra is installed and not turned off."""
    return not _pure and _modules() is not None


def parse(data: str | bytes | bytearray) -> Any | None:
    """The parsed value of JSON text, or ``None`` when the strict parser must read it.

    orjson's value is taken only when orjson writes it back as exactly the
    same bytes: then no key was written twice (orjson would have dropped
    one), no number was rounded (a long integer read as a float is written
    back as a float), and orjson, which refuses ``NaN``, a byte order mark,
    lone surrogates and bytes that are not UTF-8, read it at all.  Compact
    JSON as exporters write it takes this path; anything else is read the
    strict way.  Returns ``None`` whenever the fast path is not :func:`active`.
    """
    modules = _modules()
    if _pure or modules is None:
        return None
    orjson = modules[1]
    try:
        value = orjson.loads(data)
        text = data.encode() if isinstance(data, str) else data
        same = orjson.dumps(value) == text
    except Exception:  # orjson.JSONDecodeError, a lone surrogate in str: read strictly
        return None
    return value if same else None


# Python's \s (which jsonschema's patterns use) is str.isspace; Rust's differs (U+001C to
# U+001F, U+0085, U+FEFF).  Patterns given to jsonschema-rs spell Python's set out.
_PYTHON_SPACE = "\t-\r\x1c- \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def _python_pattern(pattern: str) -> str:
    r"""``pattern`` with ``\\s`` and ``\\S`` meaning what they mean to Python's ``re``."""
    out = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        pair = pattern[index : index + 2]
        if pair in ("\\s", "\\S"):
            if in_class and pair == "\\s":
                out.append(_PYTHON_SPACE)
            elif pair == "\\s":
                out.append(f"[{_PYTHON_SPACE}]")
            elif not in_class:
                out.append(f"[^{_PYTHON_SPACE}]")
            else:  # \S inside a class has no short equivalent: keep the text's meaning exact
                raise ValueError(f"cannot translate {pattern!r}")
            index += 2
            continue
        if char == "\\":
            out.append(pair)
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)


def _for_rust(node: Any) -> Any:
    if isinstance(node, list):
        return [_for_rust(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {
        key: _python_pattern(value)
        if key == "pattern" and isinstance(value, str)
        else value
        if key in ("enum", "const", "examples")
        else _for_rust(value)
        for key, value in node.items()
    }


@functools.cache
def _validator(name: str) -> Any:
    from ..schemas import _contents

    jsonschema_rs = _modules()[0]  # type: ignore[index]
    shipped = {key: _for_rust(contents) for key, contents in _contents().items()}
    registry = jsonschema_rs.Registry([(each["$id"], each) for each in shipped.values()])
    return jsonschema_rs.validator_for(shipped[name], registry=registry, validate_formats=True)


def proven_valid(name: str, value: Any) -> bool:
    """Whether jsonschema-rs finds ``value`` valid against the schema called ``name``.

    Without the fast path, :func:`proven_valid_pure` answers instead.
    ``False`` when jsonschema-rs refuses the value and when it cannot read
    it (a number beyond 64 bits).
    Call it only on values parsed from JSON text or checked into plain JSON
    (:func:`civicspace._pipeline.parsed_values.checked`): jsonschema-rs and
    jsonschema may disagree on Python values JSON cannot hold (a tuple).
    """
    if not active():
        return proven_valid_pure(name, value)
    try:
        return bool(_validator(name).is_valid(value))
    except Exception:  # a value jsonschema-rs cannot read: jsonschema decides
        return False


# -- The pure accelerator: the shipped schemas compiled into closures ----------------------------
#
# jsonschema walks a schema for every record, resolving each $ref through the registry; most of
# its time goes there.  The closures below are built once per schema and answer only "valid or
# not", with jsonschema's own semantics for the keywords the shipped schemas use (its type
# checks, re.search for patterns, its format checker for formats).  As with jsonschema-rs, a
# record they pass skips jsonschema, and any other goes through it for the issues.  A schema
# using a keyword not handled here gets no closures at all: jsonschema then checks every record.

Check = Callable[[Any], bool]

_IGNORED = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default"}
)


_STRING_KEYWORDS = frozenset(
    {"type", "minLength", "maxLength", "pattern", "enum", "const", "format"}
)
_OBJECT_KEYWORDS = frozenset(
    {
        "type",
        "additionalProperties",
        "properties",
        "required",
        "anyOf",
        "dependentRequired",
        "minProperties",
    }
)


class _Unsupported(Exception):
    """A keyword or value the compiler does not handle: jsonschema decides alone."""


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_TYPES: dict[str, Check] = {
    "array": lambda value: isinstance(value, list),
    "boolean": lambda value: isinstance(value, bool),
    "integer": _is_integer,
    "null": lambda value: value is None,
    "number": _is_number,
    "object": lambda value: isinstance(value, dict),
    "string": lambda value: isinstance(value, str),
}


class _Compiler:
    """Compiles the shipped schemas, one closure per subschema, $refs resolved once."""

    def __init__(self) -> None:
        from ..schemas import _contents

        self.documents = {contents["$id"]: contents for contents in _contents().values()}
        self.compiled: dict[str, Check] = {}
        self.pending: set[str] = set()

    def reference(self, base: str, ref: str) -> Check:
        from urllib.parse import urldefrag, urljoin

        uri, pointer = urldefrag(urljoin(base, ref))
        key = f"{uri}#{pointer}"
        compiled = self.compiled
        if key not in compiled and key not in self.pending:
            if uri not in self.documents:
                raise _Unsupported(uri)
            node: Any = self.documents[uri]
            for step in filter(None, pointer.split("/")):
                node = node[step.replace("~1", "/").replace("~0", "~")]
            self.pending.add(key)
            compiled[key] = self.schema(node, uri)
            self.pending.discard(key)
        if key in compiled:
            return compiled[key]
        return lambda value: compiled[key](value)  # a $ref into itself: looked up when run

    def schema(self, node: Any, base: str) -> Check:
        if node is True:
            return lambda value: True
        if node is False:
            return lambda value: False
        if not isinstance(node, dict):
            raise _Unsupported(repr(node))
        keywords = set(node) - _IGNORED
        if node.get("type") == "string" and keywords <= _STRING_KEYWORDS:
            return self.string(node)
        if (
            node.get("type") == "object"
            and node.get("additionalProperties") is False
            and keywords <= _OBJECT_KEYWORDS
        ):
            return self.object(node, base)
        checks = [self.keyword(key, value, node, base) for key, value in node.items()]
        found = [check for check in checks if check is not None]
        if not found:
            return lambda value: True
        if len(found) == 1:
            return found[0]
        if len(found) == 2:
            first, second = found
            return lambda value: first(value) and second(value)

        def every(value: Any) -> bool:
            for check in found:  # noqa: SIM110 (a loop: faster than all() on a generator)
                if not check(value):
                    return False
            return True

        return every

    def string(self, node: dict[str, Any]) -> Check:
        """One closure for a string schema, the commonest kind (ids, texts, dates)."""
        low = node.get("minLength", 0)
        high = node.get("maxLength")
        search = re.compile(node["pattern"]).search if "pattern" in node else None
        rest = {key: node[key] for key in ("enum", "const", "format") if key in node}
        extra = self.schema(rest, "") if rest else None

        def check(value: Any) -> bool:
            if not isinstance(value, str):
                return False
            size = len(value)
            if size < low or (high is not None and size > high):
                return False
            if search is not None and search(value) is None:
                return False
            return extra is None or extra(value)

        return check

    def object(self, node: dict[str, Any], base: str) -> Check:
        """One closure for an object schema with ``additionalProperties: false``."""
        members = {name: self.schema(sub, base) for name, sub in node.get("properties", {}).items()}
        known = frozenset(members)
        required = tuple(node.get("required", ()))
        rest = {
            key: node[key] for key in ("anyOf", "dependentRequired", "minProperties") if key in node
        }
        extra = self.schema(rest, base) if rest else None

        def check(value: Any) -> bool:
            if not isinstance(value, dict) or not known.issuperset(value):
                return False
            for name in required:
                if name not in value:
                    return False
            for name, item in value.items():
                if not members[name](item):
                    return False
            return extra is None or extra(value)

        return check

    def keyword(self, key: str, expected: Any, node: dict[str, Any], base: str) -> Check | None:
        if key in _IGNORED or key in ("then", "else"):
            return None
        method = getattr(self, "k_" + key.lstrip("$"), None)
        if method is None:
            raise _Unsupported(key)
        check: Check | None = method(expected, node, base)
        return check

    def k_ref(self, ref: str, node: Any, base: str) -> Check:
        return self.reference(base, ref)

    def k_type(self, names: str | list[str], node: Any, base: str) -> Check:
        if isinstance(names, str):
            return _TYPES[names]
        each = [_TYPES[name] for name in names]
        return lambda value: any(check(value) for check in each)

    def k_enum(self, allowed: list[Any], node: Any, base: str) -> Check:
        if not all(type(item) is str for item in allowed):
            raise _Unsupported("enum")
        members = frozenset(allowed)
        return lambda value: isinstance(value, str) and value in members

    def k_const(self, expected: Any, node: Any, base: str) -> Check:
        if type(expected) is bool:  # a flag whose only JSON form is true
            return lambda value: value is expected
        if type(expected) is not str:
            raise _Unsupported("const")
        return lambda value: isinstance(value, str) and value == expected

    def k_pattern(self, pattern: str, node: Any, base: str) -> Check:
        search = re.compile(pattern).search
        return lambda value: not isinstance(value, str) or search(value) is not None

    def k_format(self, name: str, node: Any, base: str) -> Check:
        from jsonschema import Draft202012Validator

        conforms = Draft202012Validator.FORMAT_CHECKER.conforms
        return lambda value: bool(conforms(value, name))

    def k_minLength(self, limit: int, node: Any, base: str) -> Check:
        return lambda value: not isinstance(value, str) or len(value) >= limit

    def k_maxLength(self, limit: int, node: Any, base: str) -> Check:
        return lambda value: not isinstance(value, str) or len(value) <= limit

    def k_minItems(self, limit: int, node: Any, base: str) -> Check:
        return lambda value: not isinstance(value, list) or len(value) >= limit

    def k_maxItems(self, limit: int, node: Any, base: str) -> Check:
        return lambda value: not isinstance(value, list) or len(value) <= limit

    def k_minProperties(self, limit: int, node: Any, base: str) -> Check:
        return lambda value: not isinstance(value, dict) or len(value) >= limit

    def k_minimum(self, limit: float, node: Any, base: str) -> Check:
        return lambda value: not _is_number(value) or value >= limit

    def k_maximum(self, limit: float, node: Any, base: str) -> Check:
        return lambda value: not _is_number(value) or value <= limit

    def k_required(self, names: list[str], node: Any, base: str) -> Check:
        return lambda value: not isinstance(value, dict) or all(name in value for name in names)

    def k_dependentRequired(self, rules: dict[str, list[str]], node: Any, base: str) -> Check:
        pairs = list(rules.items())
        return lambda value: (
            not isinstance(value, dict)
            or all(all(name in value for name in needed) for key, needed in pairs if key in value)
        )

    def k_properties(self, members: dict[str, Any], node: Any, base: str) -> Check:
        checks = {name: self.schema(sub, base) for name, sub in members.items()}

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return True
            for name, item in value.items():
                member = checks.get(name)
                if member is not None and not member(item):
                    return False
            return True

        return check

    def k_additionalProperties(self, schema: Any, node: Any, base: str) -> Check:
        if "patternProperties" in node:
            raise _Unsupported("patternProperties")
        known = frozenset(node.get("properties", ()))
        if schema is False:
            return lambda value: not isinstance(value, dict) or known.issuperset(value)
        extra = self.schema(schema, base)
        return lambda value: (
            not isinstance(value, dict)
            or all(extra(item) for name, item in value.items() if name not in known)
        )

    def k_items(self, schema: Any, node: Any, base: str) -> Check:
        if "prefixItems" in node:
            raise _Unsupported("prefixItems")
        each = self.schema(schema, base)

        def check(value: Any) -> bool:
            if isinstance(value, list):
                for item in value:
                    if not each(item):
                        return False
            return True

        return check

    def k_anyOf(self, branches: list[Any], node: Any, base: str) -> Check:
        each = [self.schema(branch, base) for branch in branches]
        return lambda value: any(check(value) for check in each)

    def k_allOf(self, branches: list[Any], node: Any, base: str) -> Check:
        each = [self.schema(branch, base) for branch in branches]
        return lambda value: all(check(value) for check in each)

    def k_if(self, condition: Any, node: Any, base: str) -> Check:
        test = self.schema(condition, base)
        then = self.schema(node.get("then", True), base)
        otherwise = self.schema(node.get("else", True), base)
        return lambda value: then(value) if test(value) else otherwise(value)


@functools.cache
def _compiled(name: str) -> Check | None:
    from ..schemas import _named

    try:
        return _Compiler().schema(_named(name), _named(name)["$id"])
    except Exception:  # _Unsupported, or a schema jsonschema itself would fail on
        return None


def proven_valid_pure(name: str, value: Any) -> bool:
    """Whether the compiled schema called ``name`` passes ``value`` (pure Python, always on).

    ``False`` also when the schema uses a keyword the compiler does not
    handle; jsonschema then decides.
    """
    check = _compiled(name)
    if check is None:
        return False
    try:
        return check(value)
    except Exception:  # a value the closures cannot compare: jsonschema decides
        return False
