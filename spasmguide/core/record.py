"""Immutable values with named fields, for the types the guide makes while it starts.

A frozen dataclass writes the source of its ``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__`` and ``__delattr__`` and compiles it when its class is made:
about a millisecond a class, and the content model, the routines and the search need a dozen
of them before the window can show anything. A :class:`Record` behaves the same (fields from
the class's annotations, defaults from its attributes, frozen, equal by value, hashable) with
one shared set of methods, so making the class costs what a plain class costs.

    class Source(Record):
        title: str
        author: str = ""

    Source("Leg cramps", author="NHS") == Source("Leg cramps", "NHS")   # True

``class Plan(Record, frozen=False)`` makes a record whose fields can be changed (and which,
like a dataclass that is not frozen, cannot be hashed).

Differences from a dataclass, all deliberate: a default is shared by every instance, so it
must be immutable (there is no ``default_factory``); values derived from the fields are
``functools.cached_property`` attributes, not ``__post_init__`` fields; and ``replace`` is a
method rather than ``dataclasses.replace``.
"""

from __future__ import annotations

from inspect import get_annotations
from itertools import pairwise
from typing import Any, ClassVar, dataclass_transform

_REQUIRED = object()
"""The default of a field that has none."""

_set = object.__setattr__


class FrozenRecordError(AttributeError):
    """A field of a record was assigned or deleted (records never change)."""


@dataclass_transform(eq_default=True, frozen_default=True)
class Record:
    """Base of an immutable value type; see the module's documentation."""

    __slots__ = ()
    fields: ClassVar[tuple[str, ...]] = ()
    """The names of the fields, in the order ``__init__`` takes them (inherited ones first)."""
    _defaults: ClassVar[tuple[Any, ...]] = ()

    def __init_subclass__(cls, *, frozen: bool = True, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not frozen:  # a working value that is filled in step by step: as a plain dataclass
            cls.__setattr__ = object.__setattr__  # type: ignore[method-assign,assignment]
            cls.__delattr__ = object.__delattr__  # type: ignore[method-assign,assignment]
            cls.__hash__ = None  # type: ignore[assignment]  # equal by value, so not hashable
        defaults = dict(zip(cls.fields, cls._defaults, strict=True))
        # With ``from __future__ import annotations`` each annotation is a string: only read.
        for name, annotation in get_annotations(cls).items():
            if "ClassVar" in str(annotation):
                continue
            defaults[name] = cls.__dict__.get(name, defaults.get(name, _REQUIRED))
        names = tuple(defaults)
        for earlier, name in pairwise(names):
            if defaults[earlier] is not _REQUIRED and defaults[name] is _REQUIRED:
                raise TypeError(f"{cls.__name__}.{name} needs a default: {earlier} has one")
        cls.fields = names
        cls._defaults = tuple(defaults.values())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        names = self.fields
        if len(args) > len(names):
            raise TypeError(
                f"{type(self).__name__}() takes {len(names)} arguments but {len(args)} were given"
            )
        # Set as attributes, never through ``self.__dict__``: once a program touches an
        # instance's dict, CPython reads its attributes by a slower path from then on.
        for name, value in zip(names, args, strict=False):
            _set(self, name, value)
        for name, default in zip(names[len(args):], self._defaults[len(args):], strict=True):
            value = kwargs.pop(name, default)
            if value is _REQUIRED:
                raise TypeError(f"{type(self).__name__}() is missing the argument {name!r}")
            _set(self, name, value)
        if kwargs:
            for name in kwargs:
                if name in names:
                    raise TypeError(f"{type(self).__name__}() got {name!r} twice")
            raise TypeError(f"{type(self).__name__}() has no field {', '.join(map(repr, kwargs))}")

    def values(self) -> tuple[Any, ...]:
        """The fields' values, in the order of :attr:`fields`."""
        return tuple(getattr(self, name) for name in self.fields)

    def replace(self, **changes: Any) -> Any:
        """A copy with ``changes`` made (as ``dataclasses.replace``)."""
        return type(self)(**{**dict(zip(self.fields, self.values(), strict=True)), **changes})

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.values() == other.values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self.values())

    def __repr__(self) -> str:
        pairs = zip(self.fields, self.values(), strict=True)
        shown = ", ".join(f"{name}={value!r}" for name, value in pairs)
        return f"{type(self).__name__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenRecordError(f"{type(self).__name__}.{name} cannot be changed")

    def __delattr__(self, name: str) -> None:
        raise FrozenRecordError(f"{type(self).__name__}.{name} cannot be deleted")
