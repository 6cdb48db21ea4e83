"""Flowables that choose their content from the room left on the page: the guide's
closing entry takes a smaller form rather than sit alone on a last page, and a
worksheet sizes its write-in spaces to the page it is on.

Each is laid out only when the frame places it: it asks to be split (as
reportlab's KeepTogether does) and hands the frame the flowables made for the room
left. It must not sit inside a KeepTogether or a table, which measure their parts
with unlimited room.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus.doctemplate import NullActionFlowable
from reportlab.platypus.flowables import _listWrapOn

_UNPLACED = 0xFFFFFF
"""The height a deferred flowable gives for itself, so the frame asks it to split."""


def stacked_height(flowables: Sequence[Flowable], width: float, canvas: object) -> float:
    """Return the height ``flowables`` take stacked in a ``width`` column (spaces
    between them merged as the frame merges them)."""
    return float(_listWrapOn(list(flowables), width, canvas)[1])


class Deferred(Flowable):
    """Flowables made when the frame places them: ``make(width, height)`` returns them
    for the ``height`` left on the page (they may still run on to the next)."""

    def __init__(self, make: Callable[[float, float, object], list[Flowable]]) -> None:
        super().__init__()
        self.make = make

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return a height no frame holds, so the frame asks for the split."""
        self.width = availWidth
        self.height = _UNPLACED
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Return the flowables made for the room left here (after a no-op, so the
        frame places them one by one rather than insisting the first fits)."""
        return [NullActionFlowable(), *self.make(availWidth, availHeight, self.canv)]

    def draw(self) -> None:
        """Draw nothing (the flowables it makes are drawn instead)."""


def first_that_fits(alternatives: Sequence[Sequence[Flowable]], keep: int) -> Deferred:
    """Return a flowable that becomes the first of ``alternatives`` (largest first)
    whose whole height fits the room left on the page; when none does, the first,
    its opening ``keep`` flowables kept together on the next page."""

    def make(width: float, height: float, canvas: object) -> list[Flowable]:
        for option in alternatives:
            if stacked_height(option, width, canvas) <= height:
                return list(option)
        first = list(alternatives[0])
        return [KeepTogether(first[:keep]), *first[keep:]]

    return Deferred(make)
