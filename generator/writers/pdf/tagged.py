"""Paragraphs and tables that mark what they draw (see `generator.writers.pdf.tags`).

`Paragraph` and `Table` are drop-in replacements for reportlab's. A paragraph is
one structure element: H1, H2 or H3 for the heading styles, a list item
(L > LI > Lbl + LBody) when it has a bullet, else P, unless ``role`` says
otherwise. A table is a Table element with a TR per row and a TH or TD per cell
(``header_rows`` and ``header_cols`` say which cells are headers); with
``layout`` it only places its cells side by side and adds no structure of its
own. Backgrounds and rules are artifacts, and so is a header row repeated on a
following page. A paragraph or table split across pages stays one element.
"""

from __future__ import annotations

import re
from contextlib import ExitStack
from typing import Any

from reportlab import platypus
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.tables import TableRenderCB

from generator.markup import halves, in_language, segments, strip_marks
from generator.writers.pdf.link_text import mark_links, tag_link_text
from generator.writers.pdf.tags import (
    EMC,
    Node,
    TagRecorder,
    artifact,
    bdc,
    layout_only,
    recorder_of,
)

_HEADINGS = {"h1": "H1", "h2": "H2", "h3": "H3"}
MARK = "\ue000"


def _second(style: Any) -> Any:
    """Return ``style`` for a pair's second language: the same size, weight and colour,
    straight under the first (no space between)."""
    if style is None:
        return None
    return platypus.paragraph.ParagraphStyle(f"{style.name}-second", parent=style,
                                             spaceBefore=0)


def language_of(markup: str) -> tuple[str, str | None]:
    """Return paragraph markup without its language marks, and the language most of
    its text is marked in (None: the document's)."""
    counts: dict[str | None, int] = {}
    for lang, piece in segments(markup):
        visible = len(re.sub(r"<[^>]*>", "", piece).strip())
        if visible:
            counts[lang] = counts.get(lang, 0) + visible
    lang = max(counts, key=lambda k: counts[k]) if counts else None
    return strip_marks(markup), lang


def numbering(bullet: str | None) -> str:
    """Return the /ListNumbering of a list whose items start with ``bullet``."""
    mark = (bullet or "").strip()
    if re.fullmatch(r"\d+[.)]?", mark):
        return "Decimal"
    return "Disc" if mark == "•" else "None"


LINK_PLACEHOLDER = 'color="@link"'
"""Link markup's colour before the paragraph's style says it (`pdf.style.LINK_COLOUR`)."""


class Paragraph(platypus.Paragraph):
    """A reportlab paragraph that marks its drawing as one structure element.

    ``role`` overrides the role taken from the style and bullet; ``list_level``
    is a list item's nesting depth (0 for a top-level item).
    """

    def __init__(self, text: Any, style: Any = None, bulletText: Any = None,
                 frags: Any = None, caseSensitive: int = 1, encoding: str = "utf8", *,
                 role: str | None = None, list_level: int = 0) -> None:
        if isinstance(text, str) and LINK_PLACEHOLDER in text:
            text = text.replace(LINK_PLACEHOLDER, f'color="{getattr(style, "linkColor", "")}"')
        self.tag_lang: str | None = None
        self.pair: tuple[Paragraph, Paragraph] | None = None
        if isinstance(text, str) and MARK in text:
            found = halves(text)
            if found is not None:  # two languages: each its own paragraph, first above
                (tag1, first), (tag2, second) = found
                self.pair = (
                    Paragraph(in_language(first, tag1), style, bulletText, role=role,
                              list_level=list_level),
                    Paragraph(in_language(second, tag2), _second(style), None,
                              role="P" if bulletText or role == "LI" else role,
                              list_level=list_level))
                text = strip_marks(first)
            text, self.tag_lang = language_of(text)
        super().__init__(text, style, bulletText=bulletText, frags=frags,
                         caseSensitive=caseSensitive, encoding=encoding)
        if role is None:
            role = "LI" if bulletText else _HEADINGS.get(getattr(style, "name", ""), "P")
        self.tag_role = role
        self.list_level = list_level
        self.tag_key: object = None
        self._wrapped: tuple[float, tuple[float, float], object] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return (width, height) at ``availWidth``, as reportlab does.

        The lines depend on the width alone, and tables and kept-together groups
        ask the same paragraph again and again at one width: the lines broken the
        first time are reused while they are still the paragraph's own."""
        if self.pair is not None:
            heights = [p.wrap(availWidth, availHeight)[1] for p in self.pair]
            self.width, self.height = availWidth, sum(heights)
            return availWidth, self.height
        if self._wrapped is not None:
            width, size, lines = self._wrapped
            if width == availWidth and self.__dict__.get("blPara") is lines:
                self.width, self.height = availWidth, size[1]
                return size
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size, self.__dict__.get("blPara"))
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """Split as reportlab does; both parts stay one structure element. The two
        languages of a pair may go to two pages, the first language first."""
        if self.pair is not None:
            first_height = self.pair[0].wrap(availWidth, availHeight)[1]
            return list(self.pair) if first_height <= availHeight else []
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            key = self.tag_key if self.tag_key is not None else object()
            for part in parts:
                part.tag_role, part.list_level, part.tag_key = (
                    self.tag_role, self.list_level, key)
        return parts

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        """Draw the paragraph inside its marked content (nothing in a layout pass)."""
        if layout_only(canvas):
            return
        if self.pair is not None:
            first, second = self.pair
            second_height = second.wrap(self.width, 10_000)[1]
            first.wrap(self.width, 10_000)
            first.drawOn(canvas, x, y + second_height, _sW)
            second.drawOn(canvas, x, y, _sW)
            return
        recorder = recorder_of(canvas)
        if recorder is None:
            super().drawOn(canvas, x, y, _sW)
        elif self.tag_role == "LI":
            self._draw_item(recorder, canvas, x, y, _sW)
        else:
            with recorder.element(self.tag_role, key=self.tag_key,
                                  lang=self.tag_lang) as node:
                self._draw_tagged(recorder, canvas, node, x, y, _sW)

    def _draw_tagged(self, recorder: TagRecorder, canvas: Canvas, node: Node, x: float,
                     y: float, _sW: float) -> None:
        """Draw the paragraph as content of ``node``, each link's words in a Link
        element of its own beside its annotation (`tag_link_text`)."""
        start = len(canvas._code)
        links = self._draw_counting_links(canvas, x, y, _sW)
        if links and tag_link_text(recorder, canvas, node, start, links):
            return
        canvas._code.insert(start, bdc(node.role, recorder.new_mcid(canvas, node)))
        canvas._code.append(EMC)
        _record_links(recorder, canvas, node, links)

    def beginText(self, x: float, y: float) -> Any:
        """Return reportlab's text object for the paragraph, noting where links are."""
        return mark_links(super().beginText(x, y))

    def _draw_counting_links(self, canvas: Canvas, x: float, y: float,
                             _sW: float) -> range:
        """Draw; return the indexes of the link annotations the drawing added."""
        before = len(canvas._annotationrefs)
        super().drawOn(canvas, x, y, _sW)
        return range(before, len(canvas._annotationrefs))

    def _draw_item(self, recorder: TagRecorder, canvas: Canvas, x: float, y: float,
                   _sW: float) -> None:
        """Draw a list item: its bullet as the Lbl, the rest as the LBody."""
        body = recorder.keyed(self.tag_key) if self.tag_key is not None else None
        if body is not None:  # the rest of an item split across pages
            self._draw_tagged(recorder, canvas, body, x, y, _sW)
            return
        listing = recorder.list_for(self.list_level, numbering(_bullet_text(self.bulletText)))
        item = listing.add("LI")
        label = item.add("Lbl") if self.bulletText else None
        body = item.add("LBody", lang=self.tag_lang)
        if self.tag_key is not None:
            recorder.remember(self.tag_key, body)
        code = canvas._code
        start = len(code)
        links = self._draw_counting_links(canvas, x, y, _sW)
        # reportlab draws the bullet first, as a text object of its own.
        cut = next((i + 1 for i in range(start, len(code))
                    if code[i].startswith("BT") and re.search(r"\bT[jJ]\b", code[i])), None)
        if label is not None and cut is not None:
            label_id = recorder.new_mcid(canvas, label)
            if links and tag_link_text(recorder, canvas, body, cut, links):
                code[cut:cut] = [EMC]
                code.insert(start, bdc("Lbl", label_id))
                return
            code[cut:cut] = [EMC, bdc("LBody", recorder.new_mcid(canvas, body))]
            code.insert(start, bdc("Lbl", label_id))
        else:
            if label is not None:
                item.kids.remove(label)
            if links and tag_link_text(recorder, canvas, body, start, links):
                return
            code.insert(start, bdc("LBody", recorder.new_mcid(canvas, body)))
        code.append(EMC)
        _record_links(recorder, canvas, body, links)


def _bullet_text(bullet: Any) -> str | None:
    """Return a bullet as text (reportlab also allows a list of fragments)."""
    if bullet is None or isinstance(bullet, str):
        return bullet
    return "".join(getattr(frag, "text", "") for frag in bullet)


def _record_links(recorder: TagRecorder, canvas: Canvas, node: Node, links: range) -> None:
    """Record the link annotations a paragraph added as links inside ``node``."""
    with recorder.inside(node):
        for index in links:
            recorder.link(canvas, index)


class TableTagger(TableRenderCB):
    """Marks a table's drawing: called by reportlab as each part of it is drawn.

    One tagger serves a table and every part it is split into, so the parts
    make one Table element.
    """

    def __init__(self, header_rows: int = 0, header_cols: int = 0,
                 layout: bool = False, reading_order: tuple[int, ...] | None = None) -> None:
        self.header_rows = header_rows
        self.header_cols = header_cols
        self.layout = layout
        self.reading_order = reading_order
        """For a layout table: the order its columns are read in, when not left to right."""
        self._cells: list[tuple[int, int]] = []

    @staticmethod
    def _open(table: Table) -> ExitStack:
        scopes = table.__dict__.setdefault("_tag_scopes", [])
        scopes.append(ExitStack())
        return scopes[-1]

    @staticmethod
    def _close(table: Table) -> None:
        table._tag_scopes.pop().close()

    def startTable(self, T: Table) -> None:
        scope = self._open(T)
        recorder = recorder_of(T.canv)
        if recorder is not None and not self.layout:
            scope.enter_context(recorder.element("Table", key=self))

    def endTable(self, T: Table) -> None:
        self._close(T)

    def startBG(self, T: Table) -> None:
        self._open(T).enter_context(artifact(T.canv))

    def endBG(self, T: Table) -> None:
        self._close(T)

    def startLines(self, T: Table) -> None:
        self._open(T).enter_context(artifact(T.canv))

    def endLines(self, T: Table) -> None:
        self._close(T)

    def startRow(self, T: Table, rowNo: int) -> None:
        self._cells = []
        scope = self._open(T)
        if T.source_rows[rowNo] is None:
            scope.enter_context(artifact(T.canv, "Pagination"))
            return
        recorder = recorder_of(T.canv)
        if recorder is not None and not self.layout:
            scope.enter_context(recorder.element("TR"))

    def endRow(self, T: Table) -> None:
        self._close(T)
        recorder = recorder_of(T.canv)
        if recorder is not None and self.layout and self.reading_order and self._cells:
            self._reorder(recorder.current.kids)

    def _reorder(self, kids: list[Any]) -> None:
        """Put the structure elements the row's cells added in `reading_order`: a slide's
        heading beside its thumbnail is read before the thumbnail."""
        starts = [*self._cells, (-1, len(kids))]
        groups = {column: kids[start:starts[i + 1][1]]
                  for i, (column, start) in enumerate(self._cells)}
        order = [*self.reading_order, *(c for c in groups if c not in self.reading_order)]
        kids[self._cells[0][1]:] = [kid for column in order for kid in groups.get(column, [])]

    def startCell(self, T: Table, rowNo: int, colNo: int, cellval: Any, cellstyle: Any,
                  pos: Any, size: Any) -> None:
        scope = self._open(T)
        recorder = recorder_of(T.canv)
        if recorder is None:
            return
        text = not isinstance(cellval, list | tuple | platypus.Flowable) and bool(
            str(cellval if cellval is not None else "").strip())
        if self.layout:
            self._cells.append((colNo, len(recorder.current.kids)))
            if text:
                scope.enter_context(recorder.element("P"))
                scope.enter_context(recorder.marked(T.canv))
            return
        source = T.source_rows[rowNo] or 0
        if source < self.header_rows:
            role, attributes = "TH", {"O": "Table", "Scope": "Column"}
        elif colNo < self.header_cols:
            role, attributes = "TH", {"O": "Table", "Scope": "Row"}
        else:
            role, attributes = "TD", None
        scope.enter_context(recorder.element(role, attributes=attributes))
        if text:
            scope.enter_context(recorder.marked(T.canv))

    def endCell(self, T: Table) -> None:
        self._close(T)


class Table(platypus.Table):
    """A reportlab table that marks its drawing as a Table element (or, with
    ``layout``, only marks its backgrounds and rules as artifacts)."""

    def __init__(self, data: Any, *args: Any, header_rows: int = 0, header_cols: int = 0,
                 layout: bool = False, reading_order: tuple[int, ...] | None = None,
                 **kwargs: Any) -> None:
        if kwargs.get("renderCB") is None:
            kwargs["renderCB"] = TableTagger(header_rows, header_cols, layout, reading_order)
        super().__init__(data, *args, **kwargs)
        self.source_rows: list[int | None] = list(range(len(self._cellvalues)))
        """The row of the whole table each row of this part is (None: a repeated header)."""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """Split as reportlab does, noting which rows of the whole table each part has."""
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            first, rest = parts
            kept = len(first._cellvalues)
            tail = self.source_rows[kept:]
            repeated = max(len(rest._cellvalues) - len(tail), 0)
            first.source_rows = self.source_rows[:kept]
            rest.source_rows = ([None] * repeated + tail)[-len(rest._cellvalues):]
        return parts

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        """Draw the table (nothing in a layout pass)."""
        if not layout_only(canvas):
            super().drawOn(canvas, x, y, _sW)
