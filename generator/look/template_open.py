"""Open a deck template with python-pptx, whether a presentation or a .potx template.

A .potx is opened as a presentation (its main part's content type swapped), and
layout placeholders that share an idx get their own (see `_unique_placeholder_ids`).
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # python-pptx is imported only when a template must be read
    from pathlib import Path

    from pptx.presentation import Presentation

_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PRESENTATION_TYPE = (
    b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")


def open_template(path: Path) -> Presentation:
    """Return the template opened with python-pptx; a .potx is opened as a presentation."""
    from pptx import Presentation

    data = path.read_bytes()
    if _TEMPLATE_TYPE in _content_types(data):
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as source, \
                zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                body = source.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    body = body.replace(_TEMPLATE_TYPE, _PRESENTATION_TYPE)
                target.writestr(info, body)
        data = out.getvalue()
    prs = Presentation(io.BytesIO(data))
    _unique_placeholder_ids(prs)
    return prs


_BIG_IDX = 1 << 31
"""Placeholder ids at or above this are renumbered (python-pptx takes 32-bit ids only)."""


def _unique_placeholder_ids(prs: Presentation) -> None:
    """Give each non-title placeholder of a layout its own idx.

    LibreOffice writes layout placeholders without an idx, so a body shares the
    title's 0 and slides could not tell them apart; such bodies get the next free
    numbers (titles are found by type, and keep theirs).
    """
    for layout in prs.slide_layouts:
        found = layout._element.xpath(".//p:nvPr/p:ph")
        free = max((int(ph.get("idx", "0")) for ph in found
                    if int(ph.get("idx", "0")) < _BIG_IDX), default=0) + 1
        seen: set[int] = set()
        for ph in found:
            if ph.get("type", "obj") in ("title", "ctrTitle"):
                continue
            idx = int(ph.get("idx", "0"))
            if idx == 0 or idx in seen or idx >= _BIG_IDX:  # some tools write 2**32 - 1 and up
                idx, free = free, free + 1
                ph.set("idx", str(idx))
            seen.add(idx)


def _content_types(data: bytes) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError):
        return b""
