"""Generate JSON instances from a bundled schema, independently of the model.

The agreement test "every instance the schema accepts structures into the
model" needs instances drawn from the schema alone.  hypothesis-jsonschema
no longer runs on current Hypothesis, so this covers the keywords the
civicspace schemas use, and refuses any other keyword loudly so that a
schema change cannot silently escape the test.  Every drawn instance is
finally checked against the schema itself.
"""

from typing import Any

from hypothesis import strategies as st
from jsonschema import Draft202012Validator

# Keywords that shape generation, and those only checked by the final filter.
GENERATED = {
    "type",
    "const",
    "enum",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "minItems",
    "maxItems",
    "else",
}
FILTERED = {"anyOf", "if", "then", "format", "dependentRequired", "minProperties"}
ANNOTATIONS = {"title", "description", "examples", "default"}


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    check = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return _strategy(schema).filter(check.is_valid)


def _strategy(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    unknown = set(schema) - GENERATED - FILTERED - ANNOTATIONS
    if unknown:
        raise NotImplementedError(f"no generator for keywords {sorted(unknown)}")
    if "else" in schema:  # if/then/else alternatives: draw from either; the final check sorts
        return st.one_of(_strategy(schema["then"]), _strategy(schema["else"]))
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "object":
        return _object(schema)
    if kind == "array":
        low = schema.get("minItems", 0)
        high = min(schema.get("maxItems", low + 3), low + 3)
        return st.lists(_strategy(schema["items"]), min_size=low, max_size=high)
    if kind == "string":
        return _string(schema)
    if kind == "boolean":
        return st.booleans()
    if kind in {"number", "integer"}:
        low, high = schema.get("minimum"), schema.get("maximum")
        whole = st.integers(low, high)
        if kind == "integer":
            return whole
        return whole | st.floats(low, high, allow_nan=False, allow_infinity=False)
    raise NotImplementedError(f"no generator for type {kind!r}")


def _string(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    low = schema.get("minLength", 0)
    high = schema.get("maxLength", low + 40)
    if "pattern" in schema:
        pattern = schema["pattern"]
        anchored = pattern.startswith("^") and pattern.endswith("$")
        text = st.from_regex(pattern, fullmatch=anchored)
    else:
        text = st.text(st.characters(exclude_categories=("Cs",)), min_size=low, max_size=high)
    return text.filter(lambda value: low <= len(value) <= high)


def _object(schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    if schema.get("additionalProperties", True) is not False:
        raise NotImplementedError("objects must set additionalProperties to false")
    properties = schema.get("properties", {})
    required = set(schema.get("required", ()))
    # Members tied by dependentRequired come together or not at all.
    groups: list[set[str]] = [{name} for name in properties]
    for name, dependents in schema.get("dependentRequired", {}).items():
        tied = {name, *dependents}
        merged = set().union(*(g for g in groups if g & tied))
        groups = [g for g in groups if not g & tied] + [merged]
    # An anyOf of bare "required" branches: draw one branch and require it.
    branches = [set(branch["required"]) for branch in schema.get("anyOf", ())]
    if any(set(branch) != {"required"} for branch in schema.get("anyOf", ())):
        raise NotImplementedError("anyOf is supported only over required members")

    # Built once, not per draw: building a regex strategy costs more than drawing from it.
    members = {name: _strategy(member) for name, member in properties.items()}

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        needed = required | (draw(st.sampled_from(branches)) if branches else set())
        chosen: set[str] = set()
        for group in groups:
            if group & needed or draw(st.booleans()):
                chosen |= group
        return {name: draw(members[name]) for name in properties if name in chosen}

    return build()
