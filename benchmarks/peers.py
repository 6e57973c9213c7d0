"""The peers the benchmark measures civicspace against, on the same case records.

* pydantic v2 and msgspec models of the case shape, written for the
  benchmark: the same members, types, enums, lengths and patterns as
  ``case.json`` and the schemas it refers to.  Not modelled: the schemas'
  ``anyOf`` / ``dependentRequired`` / ``if``-``then`` rules and the date
  format (a peer would need validators for them), nor any of civicspace's
  cross-field rules.  Patterns are the schemas' own, with the lookarounds
  written out, because pydantic's regex engine has none.
* jsonschema-rs and fastjsonschema over civicspace's published schemas: for
  jsonschema-rs, every shipped schema in one registry; fastjsonschema knows
  only drafts 4, 6 and 7, so the case schema is bundled into one draft-07
  document (``$defs`` to ``definitions``, ``dependentRequired`` to
  ``dependencies``, a ``$ref`` with sibling keywords wrapped in ``allOf``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec
import pydantic
from pydantic import ConfigDict, StringConstraints

import civicspace

# -- Patterns, as in common.json / sentence.json / law.json (lookarounds written out) ------------

YEAR = "([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
PARTIAL_DATE = f"^{YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
DAY = f"^{YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
_TERM = "P(0D|[1-9][0-9]*Y([1-9][0-9]*M)?([1-9][0-9]*D)?|[1-9][0-9]*M([1-9][0-9]*D)?|[1-9][0-9]*D)"
TERM = f"^{_TERM}$"
TERM_OR_LIFE = f"^(life|{_TERM})$"
SUSPENDED = f"^(remainder|{_TERM})$"
AMOUNT = r"^(0|[1-9][0-9]*)(\.[0-9]+)?$"
ID = "^[a-z0-9]([a-z0-9._:/-]*[a-z0-9])?$"
TEXT = r"\S"
URL = r"^https?://[^\s/?#]+([/?#][^\s]*)?$"
ARTICLE = "^[0-9A-Za-z]+([ .-][0-9A-Za-z]+){0,3}$"


def _enum(schema: str, *where: str) -> tuple[str, ...]:
    node: Any = civicspace.schema(schema)
    for step in where:
        node = node[step]
    return tuple(node["enum"])


COUNTRIES = _enum("common", "$defs", "country")
CURRENCIES = _enum("sentence", "$defs", "currency")
EVENT_KINDS = _enum("case", "$defs", "event", "properties", "kind")
ROLES = _enum("person", "$defs", "role")
ORGANISATION_KINDS = _enum("organisation", "$defs", "kind")
CUSTODY_KINDS = _enum("sentence", "$defs", "custody_period", "properties", "kind")
OUTCOMES = _enum("sentence", "$defs", "sentence", "properties", "appeal_outcome")

# -- pydantic v2 -----------------------------------------------------------------------------------

Text = Annotated[str, StringConstraints(min_length=1, max_length=20000, pattern=TEXT)]
Id = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=ID)]
PartialDate = Annotated[str, StringConstraints(min_length=4, max_length=10, pattern=PARTIAL_DATE)]
Day = Annotated[str, StringConstraints(min_length=10, max_length=10, pattern=DAY)]
Url = Annotated[str, StringConstraints(min_length=8, max_length=2000, pattern=URL)]
Term = Annotated[str, StringConstraints(min_length=3, max_length=32, pattern=TERM)]
TermOrLife = Annotated[str, StringConstraints(min_length=3, max_length=32, pattern=TERM_OR_LIFE)]
Suspended = Annotated[str, StringConstraints(min_length=3, max_length=32, pattern=SUSPENDED)]
Amount = Annotated[str, StringConstraints(min_length=1, max_length=40, pattern=AMOUNT)]
Article = Annotated[str, StringConstraints(min_length=1, max_length=30, pattern=ARTICLE)]
Country = Literal[COUNTRIES]  # type: ignore[valid-type]
Currency = Literal[CURRENCIES]  # type: ignore[valid-type]


def _items(item: Any, maximum: int) -> Any:
    return Annotated[tuple[item, ...], pydantic.Field(min_length=1, max_length=maximum)]


class Model(pydantic.BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class PSource(Model):
    url: Url | None = None
    title: Text | None = None
    publisher: Text | None = None
    date: PartialDate | None = None
    quote: Text | None = None


Sources = _items(PSource, 50)


class POtherName(Model):
    name: Text
    note: Text | None = None


class PIdentifier(Model):
    scheme: Text
    identifier: Text


class PAffiliation(Model):
    organisation: Id
    role: Text | None = None


class PPerson(Model):
    id: Id
    name: Text
    other_names: _items(POtherName, 50) | None = None  # type: ignore[valid-type]
    identifiers: _items(PIdentifier, 50) | None = None  # type: ignore[valid-type]
    roles: _items(Literal[ROLES], 20) | None = None  # type: ignore[valid-type]
    affiliations: _items(PAffiliation, 50) | None = None  # type: ignore[valid-type]
    sources: Sources | None = None  # type: ignore[valid-type]


class POrganisation(Model):
    id: Id
    name: Text
    acronym: Text | None = None
    other_names: _items(POtherName, 50) | None = None  # type: ignore[valid-type]
    country: Country | None = None  # type: ignore[valid-type]
    kind: Literal[ORGANISATION_KINDS] | None = None  # type: ignore[valid-type]
    sources: Sources | None = None  # type: ignore[valid-type]


class PEvent(Model):
    kind: Literal[EVENT_KINDS]  # type: ignore[valid-type]
    date: PartialDate | None = None
    people: _items(Id, 500)  # type: ignore[valid-type]
    charges: _items(Id, 200) | None = None  # type: ignore[valid-type]
    in_absentia: bool | None = None
    place: Text | None = None
    note: Text | None = None
    sources: Sources | None = None  # type: ignore[valid-type]


class PReference(Model):
    law: Id
    articles: _items(Article, 100) | None = None  # type: ignore[valid-type]
    as_written: Text | None = None


class PCharge(Model):
    id: Id
    offence: Text
    citations: _items(PReference, 50) | None = None  # type: ignore[valid-type]
    people: _items(Id, 500)  # type: ignore[valid-type]
    date: PartialDate | None = None
    sources: Sources | None = None  # type: ignore[valid-type]


class PMoney(Model):
    amount: Amount
    currency: Currency  # type: ignore[valid-type]


class PReportedAmount(Model):
    amount: PMoney
    equivalent: PMoney | None = None
    approximate: bool | None = None


class PTermRange(Model):
    minimum: Term
    maximum: Term


class PCustodyPeriod(Model):
    start: Day
    end: Day | None = None
    kind: Literal[CUSTODY_KINDS] | None = None  # type: ignore[valid-type]


class PSentence(Model):
    person: Id
    term: TermOrLife | PTermRange | None = None
    suspended: Suspended | None = None
    fine: PReportedAmount | None = None
    compensation: PReportedAmount | None = None
    in_absentia: bool | None = None
    imposed_on: PartialDate | None = None
    court: Text | None = None
    appeal_outcome: Literal[OUTCOMES] | None = None  # type: ignore[valid-type]
    custody_credited: _items(PCustodyPeriod, 50) | None = None  # type: ignore[valid-type]
    sources: Sources | None = None  # type: ignore[valid-type]


class PCase(Model):
    type: Literal["case"]
    id: Id
    country: Country  # type: ignore[valid-type]
    title: Text
    summary: Text | None = None
    people: _items(PPerson, 500)  # type: ignore[valid-type]
    organisations: _items(POrganisation, 200) | None = None  # type: ignore[valid-type]
    events: _items(PEvent, 1000) | None = None  # type: ignore[valid-type]
    charges: _items(PCharge, 200) | None = None  # type: ignore[valid-type]
    sentences: _items(PSentence, 500) | None = None  # type: ignore[valid-type]
    sources: Sources | None = None  # type: ignore[valid-type]


# -- msgspec ---------------------------------------------------------------------------------------


def _s(pattern: str, low: int, high: int) -> Any:
    return Annotated[str, msgspec.Meta(pattern=pattern, min_length=low, max_length=high)]


def _many(item: Any, maximum: int) -> Any:
    return Annotated[tuple[item, ...], msgspec.Meta(min_length=1, max_length=maximum)]


MText = _s(TEXT, 1, 20000)
MId = _s(ID, 1, 200)
MPartialDate = _s(PARTIAL_DATE, 4, 10)
MDay = _s(DAY, 10, 10)


class Struct(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True, kw_only=True
):
    pass


class MSource(Struct):
    url: _s(URL, 8, 2000) | None = None  # type: ignore[valid-type]
    title: MText | None = None  # type: ignore[valid-type]
    publisher: MText | None = None  # type: ignore[valid-type]
    date: MPartialDate | None = None  # type: ignore[valid-type]
    quote: MText | None = None  # type: ignore[valid-type]


MSources = _many(MSource, 50)


class MOtherName(Struct):
    name: MText  # type: ignore[valid-type]
    note: MText | None = None  # type: ignore[valid-type]


class MIdentifier(Struct):
    scheme: MText  # type: ignore[valid-type]
    identifier: MText  # type: ignore[valid-type]


class MAffiliation(Struct):
    organisation: MId  # type: ignore[valid-type]
    role: MText | None = None  # type: ignore[valid-type]


class MPerson(Struct):
    id: MId  # type: ignore[valid-type]
    name: MText  # type: ignore[valid-type]
    other_names: _many(MOtherName, 50) | None = None  # type: ignore[valid-type]
    identifiers: _many(MIdentifier, 50) | None = None  # type: ignore[valid-type]
    roles: _many(Literal[ROLES], 20) | None = None  # type: ignore[valid-type]
    affiliations: _many(MAffiliation, 50) | None = None  # type: ignore[valid-type]
    sources: MSources | None = None  # type: ignore[valid-type]


class MOrganisation(Struct):
    id: MId  # type: ignore[valid-type]
    name: MText  # type: ignore[valid-type]
    acronym: MText | None = None  # type: ignore[valid-type]
    other_names: _many(MOtherName, 50) | None = None  # type: ignore[valid-type]
    country: Literal[COUNTRIES] | None = None  # type: ignore[valid-type]
    kind: Literal[ORGANISATION_KINDS] | None = None  # type: ignore[valid-type]
    sources: MSources | None = None  # type: ignore[valid-type]


class MEvent(Struct):
    kind: Literal[EVENT_KINDS]  # type: ignore[valid-type]
    people: _many(MId, 500)  # type: ignore[valid-type]
    date: MPartialDate | None = None  # type: ignore[valid-type]
    charges: _many(MId, 200) | None = None  # type: ignore[valid-type]
    in_absentia: bool | None = None
    place: MText | None = None  # type: ignore[valid-type]
    note: MText | None = None  # type: ignore[valid-type]
    sources: MSources | None = None  # type: ignore[valid-type]


class MReference(Struct):
    law: MId  # type: ignore[valid-type]
    articles: _many(_s(ARTICLE, 1, 30), 100) | None = None  # type: ignore[valid-type]
    as_written: MText | None = None  # type: ignore[valid-type]


class MCharge(Struct):
    id: MId  # type: ignore[valid-type]
    offence: MText  # type: ignore[valid-type]
    people: _many(MId, 500)  # type: ignore[valid-type]
    citations: _many(MReference, 50) | None = None  # type: ignore[valid-type]
    date: MPartialDate | None = None  # type: ignore[valid-type]
    sources: MSources | None = None  # type: ignore[valid-type]


class MMoney(Struct):
    amount: _s(AMOUNT, 1, 40)  # type: ignore[valid-type]
    currency: Literal[CURRENCIES]  # type: ignore[valid-type]


class MReportedAmount(Struct):
    amount: MMoney
    equivalent: MMoney | None = None
    approximate: bool | None = None


class MTermRange(Struct):
    minimum: _s(TERM, 3, 32)  # type: ignore[valid-type]
    maximum: _s(TERM, 3, 32)  # type: ignore[valid-type]


class MCustodyPeriod(Struct):
    start: MDay  # type: ignore[valid-type]
    end: MDay | None = None  # type: ignore[valid-type]
    kind: Literal[CUSTODY_KINDS] | None = None  # type: ignore[valid-type]


class MSentence(Struct):
    person: MId  # type: ignore[valid-type]
    term: _s(TERM_OR_LIFE, 3, 32) | MTermRange | None = None  # type: ignore[valid-type]
    suspended: _s(SUSPENDED, 3, 32) | None = None  # type: ignore[valid-type]
    fine: MReportedAmount | None = None
    compensation: MReportedAmount | None = None
    in_absentia: bool | None = None
    imposed_on: MPartialDate | None = None  # type: ignore[valid-type]
    court: MText | None = None  # type: ignore[valid-type]
    appeal_outcome: Literal[OUTCOMES] | None = None  # type: ignore[valid-type]
    custody_credited: _many(MCustodyPeriod, 50) | None = None  # type: ignore[valid-type]
    sources: MSources | None = None  # type: ignore[valid-type]


class MCase(Struct, tag_field="type", tag="case"):
    id: MId  # type: ignore[valid-type]
    country: Literal[COUNTRIES]  # type: ignore[valid-type]
    title: MText  # type: ignore[valid-type]
    people: _many(MPerson, 500)  # type: ignore[valid-type]
    summary: MText | None = None  # type: ignore[valid-type]
    organisations: _many(MOrganisation, 200) | None = None  # type: ignore[valid-type]
    events: _many(MEvent, 1000) | None = None  # type: ignore[valid-type]
    charges: _many(MCharge, 200) | None = None  # type: ignore[valid-type]
    sentences: _many(MSentence, 500) | None = None  # type: ignore[valid-type]
    sources: MSources | None = None  # type: ignore[valid-type]


msgspec_decoder = msgspec.json.Decoder(MCase)
msgspec_encoder = msgspec.json.Encoder()

# -- Schema validators over the published schemas -------------------------------------------------


def jsonschema_rs_validator(name: str = "case") -> Any:
    """A jsonschema-rs validator for a shipped schema, every schema in its registry."""
    import jsonschema_rs

    shipped = [civicspace.schema(each) for each in civicspace.schema_names()]
    registry = jsonschema_rs.Registry([(each["$id"], each) for each in shipped])
    return jsonschema_rs.validator_for(
        civicspace.schema(name), registry=registry, validate_formats=True
    )


def jsonschema_validator(name: str = "case") -> Any:
    """A plain jsonschema validator, as a user would build one: a registry, formats checked."""
    from jsonschema import Draft202012Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    shipped = [civicspace.schema(each) for each in civicspace.schema_names()]
    registry: Any = Registry().with_resources(
        (each["$id"], DRAFT202012.create_resource(each)) for each in shipped
    )
    return Draft202012Validator(
        civicspace.schema(name),
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


_ANNOTATIONS = {"description", "title", "examples", "$comment"}


def draft7_bundle(name: str = "case") -> dict[str, Any]:
    """The named schema and everything it refers to as one draft-07 document."""
    definitions: dict[str, Any] = {}

    def target(ref: str, here: str) -> str:
        file, _, pointer = ref.partition("#")
        file = file.removesuffix(".json") or here
        if not pointer:
            return f"#/definitions/{file}"
        return f"#/definitions/{file}.{pointer.removeprefix('/$defs/')}"

    def convert(node: Any, here: str) -> Any:
        if isinstance(node, list):
            return [convert(item, here) for item in node]
        if not isinstance(node, dict):
            return node
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in ("$schema", "$id", "$defs") or key in _ANNOTATIONS:
                continue
            if key == "$ref":
                out[key] = target(value, here)
            elif key == "dependentRequired":
                out["dependencies"] = value
            elif key in ("properties", "dependencies"):
                out[key] = {member: convert(sub, here) for member, sub in value.items()}
            elif key in ("enum", "const", "required"):
                out[key] = value
            else:
                out[key] = convert(value, here)
        if "$ref" in out and len(out) > 1:  # draft 7 ignores a $ref's siblings
            out = {"allOf": [{"$ref": out.pop("$ref")}], **out}
        return out

    for file in civicspace.schema_names():
        contents = civicspace.schema(file)
        for key, sub in contents.get("$defs", {}).items():
            definitions[f"{file}.{key}"] = convert(sub, file)
        definitions[file] = convert(contents, file)
    root = dict(definitions[name])
    root["$schema"] = "http://json-schema.org/draft-07/schema#"
    root["definitions"] = definitions
    return root


def fastjsonschema_validator(name: str = "case") -> Any:
    """fastjsonschema's compiled validator for the draft-07 bundle of the named schema."""
    import fastjsonschema

    return fastjsonschema.compile(draft7_bundle(name))
