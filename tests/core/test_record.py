"""Records: the immutable values the content model and the search are made of."""

from __future__ import annotations

from functools import cached_property
from typing import ClassVar

import pytest

from spasmguide.core.record import FrozenRecordError, Record


class Credit(Record):
    """A test record: two required fields, two with defaults, one class constant."""

    KIND: ClassVar[str] = "credit"
    title: str
    year: int
    author: str = ""
    notes: tuple[str, ...] = ()

    @cached_property
    def shout(self) -> str:
        return self.title.upper()


class Revised(Credit):
    revision: int = 1


def test_fields_come_from_annotations_in_order_without_class_constants():
    assert Credit.fields == ("title", "year", "author", "notes")
    assert Revised.fields == ("title", "year", "author", "notes", "revision")


def test_arguments_by_position_or_name_with_defaults():
    credit = Credit("Cramps", 2024, notes=("night",))
    assert (credit.title, credit.year, credit.author, credit.notes) == (
        "Cramps", 2024, "", ("night",)
    )
    assert Credit(year=2024, title="Cramps", notes=("night",)) == credit
    assert Revised("Cramps", 2024).revision == 1


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("Cramps",), {}, "missing the argument 'year'"),
        (("Cramps", 2024, "A", (), "extra"), {}, "takes 4 arguments but 5"),
        (("Cramps", 2024), {"title": "Again"}, "got 'title' twice"),
        (("Cramps", 2024), {"colour": "red"}, "no field 'colour'"),
    ],
)
def test_wrong_arguments_say_what_is_wrong(args, kwargs, message):
    with pytest.raises(TypeError, match=message):
        Credit(*args, **kwargs)


def test_a_required_field_after_a_default_is_refused_when_the_class_is_made():
    with pytest.raises(TypeError, match="needs a default"):
        class Broken(Record):  # made only to be refused
            first: str = ""
            second: str


def test_equal_by_value_and_type_and_hashable():
    assert Credit("Cramps", 2024) == Credit("Cramps", 2024)
    assert Credit("Cramps", 2024) != Credit("Cramps", 2025)
    assert Credit("Cramps", 2024) != Revised("Cramps", 2024)
    assert Credit("Cramps", 2024) != ("Cramps", 2024, "", ())
    assert len({Credit("Cramps", 2024), Credit("Cramps", 2024), Credit("Stretch", 1)}) == 2


def test_fields_cannot_be_changed_or_deleted():
    credit = Credit("Cramps", 2024)
    with pytest.raises(FrozenRecordError):
        credit.title = "Other"  # type: ignore[misc]
    with pytest.raises(AttributeError):  # a FrozenRecordError is an AttributeError
        del credit.year
    assert credit.title == "Cramps"


def test_replace_makes_a_changed_copy_and_checks_names():
    credit = Credit("Cramps", 2024, author="NHS")
    assert credit.replace(year=2025) == Credit("Cramps", 2025, author="NHS")
    assert credit.year == 2024
    with pytest.raises(TypeError, match="no field 'colour'"):
        credit.replace(colour="red")


def test_values_repr_and_derived_values():
    credit = Credit("Cramps", 2024)
    assert credit.values() == ("Cramps", 2024, "", ())
    assert repr(credit) == "Credit(title='Cramps', year=2024, author='', notes=())"
    assert credit.shout == "CRAMPS"  # a cached_property works on a frozen record
    assert credit == Credit("Cramps", 2024)  # ... and is not part of its value


class Draft(Record, frozen=False):
    words: tuple[str, ...]
    weight: float = 0.0


def test_a_record_made_not_frozen_can_be_filled_in_but_not_hashed():
    draft = Draft(("calf",))
    draft.weight = 2.5
    assert draft == Draft(("calf",), 2.5)
    with pytest.raises(TypeError):
        hash(draft)
