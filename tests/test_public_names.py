"""Public names say what they are, and where users import them from.

- every public class reports the public module it is imported from as its
  ``__module__``, pickles by that name, and shows it in tracebacks;
- a collection finds a record by id, every person across its cases and
  every sentence with its person and case.
"""

import importlib
import inspect
import pickle
import traceback

import pytest
from hypothesis import given, settings

import civicspace
from civicspace import datasets, strategies
from civicspace._model.records import RECORD_TYPES

PUBLIC_MODULES = {
    module.__name__: module
    for module in (
        civicspace,
        *(importlib.import_module(f"civicspace.{name}") for name in civicspace._SUBMODULES),
    )
}
PUBLIC_CLASSES = sorted(
    f"{module.__name__}.{name}"
    for module in PUBLIC_MODULES.values()
    for name in module.__all__
    if inspect.isclass(getattr(module, name))
)


@pytest.mark.parametrize("qualified", PUBLIC_CLASSES)
def test_a_public_class_names_the_public_module_it_is_imported_from(qualified):
    where, _, name = qualified.rpartition(".")
    public = PUBLIC_MODULES[where]
    cls = getattr(public, name)
    module = PUBLIC_MODULES.get(cls.__module__)
    assert module is not None, f"{public.__name__}.{name} reports {cls.__module__}"
    assert cls is getattr(module, cls.__qualname__)
    assert cls is pickle.loads(pickle.dumps(cls))


def test_instances_and_errors_pickle_and_show_public_names():
    cambodia = datasets.load("cambodia")
    assert cambodia == pickle.loads(pickle.dumps(cambodia))
    try:
        civicspace.ratings.CivicusRating.parse("represed")
    except civicspace.ParseError as error:
        shown = traceback.format_exception_only(error)[-1]
        assert pickle.loads(pickle.dumps(error)).args == error.args
    assert shown.startswith("civicspace.errors.ParseError: ")
    with pytest.raises(civicspace.errors.SentenceError) as caught:
        civicspace.sentences.time_to_serve(
            civicspace.Sentence(person="x", term=civicspace.sentences.LIFE)
        )
    assert traceback.format_exception_only(caught.value)[-1].startswith(
        "civicspace.errors.SentenceError: "
    )


def test_type_hints_still_resolve_after_publishing():
    import typing

    hints = typing.get_type_hints(civicspace.cases.CustodyPeriod)
    assert hints["end"] == civicspace.cases.CustodyPeriod.__attrs_attrs__.end.type


def test_an_unknown_name_is_still_an_attribute_error():
    with pytest.raises(AttributeError, match="has no attribute 'no_such_name'"):
        civicspace.no_such_name  # noqa: B018


# -- Collection lookups ----------------------------------------------------------------------------


def test_a_record_by_id_and_kind(cambodia):
    case = cambodia.cases[3]
    assert (case, case) == (cambodia.record(case.id), cambodia.record(case.id, "case"))
    law = cambodia.laws[0]
    assert law == cambodia.record(law.id, "law")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("no-such-id",), "has no record with id 'no-such-id'"),
        (("no-such-id", "case"), "has no record of type 'case'"),
        (("x", "cases"), "'cases' is not a record type a collection holds"),
    ],
)
def test_a_record_that_is_not_there_is_a_clear_error(cambodia, args, message):
    with pytest.raises(civicspace.errors.UnknownRecordError, match=message):
        cambodia.record(*args)


def test_every_record_type_a_collection_holds_can_be_looked_up():
    from civicspace._model.collection import member_types

    held = {name for name, cls in RECORD_TYPES.items() if name != "collection"}
    assert held == set(member_types().values())


def test_people_across_cases_with_their_case(cambodia):
    found = cambodia.people_in_cases()
    assert (0, 45) == (len(cambodia.people), len(found))
    assert all(entry.person in entry.case.people for entry in found)


def test_sentences_with_their_person_and_case(cambodia):
    found = cambodia.sentences()
    assert sum(len(case.sentences) for case in cambodia.cases) == len(found)
    assert all(
        entry.sentence in entry.case.sentences and entry.person.id == entry.sentence.person
        for entry in found
    )


@settings(max_examples=20, deadline=None)
@given(strategies.collections())
def test_every_record_with_an_id_is_found_by_it_and_its_kind(collection):
    for _member, record in collection.members():
        record_id = getattr(record, "id", None)
        if record_id is not None:
            kind = record_type_of[type(record)]
            assert record_id == collection.record(record_id, kind).id
            assert kind == record_type_of[type(collection.record(record_id, kind))]
    assert sum(len(case.people) for case in collection.cases) == len(collection.people_in_cases())


record_type_of = {cls: name for name, cls in RECORD_TYPES.items()}


def test_a_collection_of_records_of_any_type_puts_each_in_its_member(cambodia):
    built = civicspace.Collection.of([cambodia.laws[0], cambodia.cases[0], cambodia.cases[1]])
    assert (cambodia.cases[:2], cambodia.laws[:1]) == (built.cases, built.laws)
    assert cambodia == civicspace.Collection.of([cambodia])
    assert "case" == civicspace.collection.member_types()["cases"]
    with pytest.raises(civicspace.CivicspaceError, match="a collection holds no Sentence"):
        civicspace.Collection.of([next(c for c in cambodia.cases if c.sentences).sentences[0]])
