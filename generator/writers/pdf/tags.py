"""Marking content while a PDF is drawn, for a tagged (PDF/UA) file.

reportlab writes no structure tree, so the PDF writers mark what they draw as
they draw it: each piece of real content goes into a marked-content sequence
with an MCID (``/P <</MCID 3>> BDC ... EMC``) owned by a structure element, and
everything else (running headers, rules, writing lines, backgrounds) into an
``/Artifact`` sequence. A `TagRecorder` attached to the canvas keeps the
structure elements, in reading order, with the MCIDs of each page;
`generator.writers.pdf.structure` turns it into the file's structure tree once
reportlab has finished.

Drawing on a canvas with no recorder attached (a thumbnail in a test, say)
marks nothing: every helper here is then a plain pass-through.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas

Attributes = dict[str, str | tuple[float, ...]]


@dataclass(frozen=True, slots=True)
class Marked:
    """A marked-content sequence: page index (from 0) and its MCID on that page."""

    page: int
    mcid: int


@dataclass(frozen=True, slots=True)
class LinkAnnotation:
    """A link annotation: page index and its index in the page's /Annots."""

    page: int
    index: int


@dataclass(eq=False)
class Node:
    """A structure element: standard role, children in reading order, /Alt, /A."""

    role: str
    parent: Node | None = None
    kids: list[Node | Marked | LinkAnnotation] = field(default_factory=list)
    alt: str | None = None
    attributes: Attributes | None = None
    lang: str | None = None
    """The language of the element's text when it is not the document's (/Lang)."""

    def add(self, role: str, alt: str | None = None,
            attributes: Attributes | None = None, lang: str | None = None) -> Node:
        """Return a new child element appended to this one."""
        child = Node(role, self, alt=alt, attributes=attributes, lang=lang)
        self.kids.append(child)
        return child

    def last_child(self, role: str) -> Node | None:
        """Return the last child if it is an element with ``role``, else None."""
        if self.kids and isinstance(self.kids[-1], Node) and self.kids[-1].role == role:
            return self.kids[-1]
        return None


def bdc(role: str, mcid: int) -> str:
    """Return the operator opening a tagged marked-content sequence."""
    return f"/{role} <</MCID {mcid}>> BDC"


EMC = "EMC"


class TagRecorder:
    """The structure elements and marked content of one PDF, in drawing order.

    ``quiet`` is above zero while an artifact or a figure is being drawn: their
    content belongs to them as a whole, so nothing inside is marked again.
    """

    def __init__(self) -> None:
        self.root = Node("Document")
        self.owners: dict[int, list[Node]] = {}
        """For each page index, the element owning each MCID (list index = MCID)."""
        self._stack: list[Node] = [self.root]
        self._keyed: dict[object, Node] = {}
        self.quiet = 0

    @property
    def current(self) -> Node:
        """Return the element new content and elements go into."""
        return self._stack[-1]

    # ------------------------------------------------------------------ elements

    @contextmanager
    def element(self, role: str, *, key: object = None, alt: str | None = None,
                attributes: Attributes | None = None,
                lang: str | None = None) -> Iterator[Node]:
        """Open a new child element of the current one for the block's drawing.

        With ``key`` an element opened before with the same key (the first part
        of a paragraph or table split across pages) is opened again instead.
        """
        node = self._keyed.get(key) if key is not None else None
        if node is None:
            node = self.current.add(role, alt, attributes, lang)
            if key is not None:
                self._keyed[key] = node
        with self.inside(node):
            yield node

    @contextmanager
    def inside(self, node: Node) -> Iterator[Node]:
        """Make ``node`` the current element while the block runs."""
        self._stack.append(node)
        try:
            yield node
        finally:
            self._stack.pop()

    def keyed(self, key: object) -> Node | None:
        """Return the element opened with ``key``, if any."""
        return self._keyed.get(key)

    def remember(self, key: object, node: Node) -> None:
        """Let later parts opened with ``key`` continue ``node``."""
        self._keyed[key] = node

    def list_for(self, level: int, numbering: str) -> Node:
        """Return the list a new item at nesting ``level`` belongs in.

        Items follow one another in one list while nothing but artifacts comes
        between them; a deeper item goes in a list inside the body of the
        previous item.
        """
        parent = self.current
        for _ in range(level):
            outer = parent.last_child("L")
            item = outer.last_child("LI") if outer else None
            body = item.last_child("LBody") if item else None
            if body is None:
                break
            parent = body
        found = parent.last_child("L")
        if found is None:
            found = parent.add("L", attributes={"O": "List", "ListNumbering": numbering})
        return found

    # ------------------------------------------------------------------ content

    def new_mcid(self, canvas: Canvas, node: Node) -> int:
        """Return the next MCID of the canvas's page, recorded as content of ``node``."""
        page = canvas.getPageNumber() - 1
        owners = self.owners.setdefault(page, [])
        node.kids.append(Marked(page, len(owners)))
        owners.append(node)
        return len(owners) - 1

    @contextmanager
    def marked(self, canvas: Canvas, node: Node | None = None) -> Iterator[None]:
        """Mark what the block draws as content of ``node`` (default: the current element)."""
        owner = node or self.current
        canvas.addLiteral(bdc(owner.role, self.new_mcid(canvas, owner)))
        try:
            yield
        finally:
            canvas.addLiteral(EMC)

    @contextmanager
    def artifact(self, canvas: Canvas, kind: str | None = None,
                 subtype: str | None = None) -> Iterator[None]:
        """Mark what the block draws as an artifact (``kind``: Pagination, Layout...;
        ``subtype``: Header, Footer)."""
        props = (f"/Type /{kind}" if kind else "") + (f" /Subtype /{subtype}" if subtype else "")
        canvas.addLiteral(f"/Artifact <<{props}>> BDC" if props else "/Artifact BMC")
        self.quiet += 1
        try:
            yield
        finally:
            self.quiet -= 1
            canvas.addLiteral(EMC)

    def link(self, canvas: Canvas, index: int) -> None:
        """Record the page's annotation ``index`` as a link of the current element."""
        page = canvas.getPageNumber() - 1
        self.current.add("Link").kids.append(LinkAnnotation(page, index))


# --------------------------------------------------------------------------- the canvas

_ATTRIBUTE = "_make_deck_tags"


def attach(canvas: Canvas) -> TagRecorder:
    """Give ``canvas`` a new recorder and return it."""
    recorder = TagRecorder()
    setattr(canvas, _ATTRIBUTE, recorder)
    return recorder


_LAYOUT_ONLY = "_make_deck_layout_only"


def set_layout_only(canvas: Canvas) -> None:
    """Mark ``canvas`` as a layout pass's: its pages are measured, never drawn."""
    setattr(canvas, _LAYOUT_ONLY, True)


def layout_only(canvas: Canvas) -> bool:
    """Return True when ``canvas`` belongs to a layout pass, whose drawing is thrown
    away: flowables then skip drawing, which never changes where they break."""
    return getattr(canvas, _LAYOUT_ONLY, False)


def recorder_of(canvas: Canvas) -> TagRecorder | None:
    """Return the recorder marking ``canvas``, or None when nothing is to be marked
    (no recorder, or inside an artifact or a figure)."""
    recorder = getattr(canvas, _ATTRIBUTE, None)
    if recorder is None or recorder.quiet:
        return None
    return recorder


def artifact(canvas: Canvas, kind: str | None = None,
             subtype: str | None = None) -> AbstractContextManager[None]:
    """Return a context marking what is drawn inside it as an artifact."""
    recorder = recorder_of(canvas)
    return recorder.artifact(canvas, kind, subtype) if recorder else nullcontext()


@contextmanager
def tagged(canvas: Canvas, role: str, *, alt: str | None = None,
           attributes: Attributes | None = None, lang: str | None = None) -> Iterator[None]:
    """Mark what is drawn inside the block as one element of ``role`` (in language
    ``lang`` when it is not the document's)."""
    recorder = recorder_of(canvas)
    if recorder is None:
        yield
        return
    with recorder.element(role, alt=alt, attributes=attributes, lang=lang), \
            recorder.marked(canvas):
        yield


@contextmanager
def figure(canvas: Canvas, alt: str, rect: tuple[float, float, float, float]) -> Iterator[None]:
    """Mark what is drawn inside the block as one figure with ``alt`` text.

    ``rect`` (x, y, width, height in the canvas's current coordinates) becomes
    the figure's bounding box on the page.
    """
    recorder = recorder_of(canvas)
    if recorder is None:
        yield
        return
    attributes: Attributes = {"O": "Layout", "Placement": "Block",
                              "BBox": page_box(canvas, rect)}
    with recorder.element("Figure", alt=alt, attributes=attributes), \
            recorder.marked(canvas):
        recorder.quiet += 1
        try:
            yield
        finally:
            recorder.quiet -= 1


def page_box(canvas: Canvas, rect: tuple[float, float, float, float]) -> tuple[float, ...]:
    """Return ``rect`` in page coordinates as (left, bottom, right, top)."""
    a, b, c, d, e, f = canvas._currentMatrix
    x, y, w, h = rect
    xs, ys = [], []
    for px, py in ((x, y), (x + w, y), (x, y + h), (x + w, y + h)):
        xs.append(a * px + c * py + e)
        ys.append(b * px + d * py + f)
    return tuple(round(v, 2) for v in (min(xs), min(ys), max(xs), max(ys)))
