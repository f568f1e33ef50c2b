"""One way to do work in a transaction and take it back on purpose: a dry run, a preview, a refusal decided
after the work, a measurement that keeps nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction


class _Undo(Exception):
    pass


@dataclass
class Work:
    """The block's handle: `undo()` takes everything back at the end of the block."""

    undone: bool = False

    def undo(self) -> None:
        self.undone = True


@contextmanager
def atomic(*, undo: bool = False, on_undo: Callable[[], None] | None = None) -> Iterator[Work]:
    """A transaction that is committed at the end of the block unless `undo` (or `work.undo()` inside it);
    a `return` inside the block is undone too. An exception raised in the block rolls back and propagates.
    `on_undo` runs after an undo: files written meanwhile are not the database's to take back.
    """
    work = Work(undone=undo)
    try:
        with transaction.atomic():
            yield work
            if work.undone:
                raise _Undo
    except _Undo:
        if on_undo:
            on_undo()
