"""Tests of the writers, and helpers the PDF tests share to build and read back PDFs."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import pikepdf
from pypdf import PdfReader

from generator.layout.slides import layout_deck
from generator.look.look import settle_look
from generator.markup import plain_text
from generator.model import ImageSlide, Section
from generator.options import BuildOptions
from generator.outline.assets import check_image
from generator.outline.reader import read_outline
from generator.pack import Pack
from generator.plan import Plan, make_plan
from generator.stamps import build_moment

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTLINE = REPO_ROOT / "outline.yaml"

Writer = Callable[..., None]


def load_plan(text: str | None = None, base: Path = REPO_ROOT, **handout: Any) -> Plan:
    """Return the plan of an outline's text (default: the repository's `outline.yaml`).

    ``base`` is the folder pictures are found in. Keyword arguments replace handout
    settings (``slides_per_page=0``, ``paper=...``).
    """
    if text is None:
        text = DEFAULT_OUTLINE.read_text(encoding="utf-8")
    source = read_outline(text, "outline.yaml", base, BuildOptions())
    assert source.workshop is not None, source.diagnostics
    workshop = source.workshop
    if handout:
        workshop = workshop.model_copy(
            update={"handout": workshop.handout.model_copy(update=handout)}
        )
    return make_plan(workshop, source.sources.value)


def pack_of(plan: Plan, base: Path = REPO_ROOT) -> Pack:
    """Return the pack a build makes of ``plan``: its look settled from the outline's
    ``theme:`` (relative to ``base``), its deck laid out, its pictures read from ``base``."""
    workshop = plan.workshop
    options = BuildOptions()
    look, problems, _files = settle_look(workshop.theme, dict(workshop.layouts), base, None,
                                         options)
    assert look is not None, problems
    images = {}
    for part in workshop.sections:
        for slide in part.slides if isinstance(part, Section) else ():
            if isinstance(slide, ImageSlide):
                asset, found = check_image(slide.image, base, None, allow_outside=False,
                                           max_pixels=options.max_image_pixels)
                assert asset is not None, found
                images[slide.image] = asset
    deck = layout_deck(plan, look.template.geometry, look.theme, images)
    return Pack(plan, deck, look, build_moment(workshop.date))


def render(writer: Writer, subject: Plan | Pack, **kwargs: Any) -> bytes:
    """Return the bytes ``writer`` produces for a pack, or for the pack of a plan."""
    pack = subject if isinstance(subject, Pack) else pack_of(subject)
    buffer: BinaryIO = io.BytesIO()
    writer(pack, buffer, **kwargs)
    return buffer.getvalue()  # type: ignore[attr-defined]


def page_texts(data: bytes) -> list[str]:
    """Return the extracted text of each page."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


_STRAIGHT = str.maketrans("‘’“”", "''\"\"")


def squash(text: str) -> str:
    """Return ``text`` without any whitespace, so line wrapping does not matter, and
    with curly quotes made straight, so outline text compares equal to what the PDFs
    print (the PDFs' own quotes are tested on their own)."""
    return "".join(text.translate(_STRAIGHT).split())


def all_text(data: bytes) -> str:
    """Return the whole document's text with whitespace removed."""
    return squash("".join(page_texts(data)))


def outline_titles(data: bytes) -> list[str]:
    """Return every bookmark title, depth first."""
    reader = PdfReader(io.BytesIO(data))
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def font_problems(data: bytes) -> list[str]:
    """Return fonts that are not embedded TrueType (FontFile2) or are Helvetica."""
    problems: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            fonts = page.Resources.get("/Font", {})
            for key, font in fonts.items():
                name = str(font.get("/BaseFont", "?"))
                descriptor = font.get("/FontDescriptor")
                if "/DescendantFonts" in font:
                    descriptor = font.DescendantFonts[0].get("/FontDescriptor")
                if descriptor is None or "/FontFile2" not in descriptor:
                    problems.append(f"page {number}: {key} {name} not embedded")
                if "helvetica" in name.lower():
                    problems.append(f"page {number}: {key} is {name}")
    return problems


def catalog(data: bytes) -> dict[str, Any]:
    """Return the catalog's /Lang and /ViewerPreferences /DisplayDocTitle."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root
        prefs = root.get("/ViewerPreferences", {})
        return {
            "lang": str(root.get("/Lang", "")),
            "display_doc_title": bool(prefs.get("/DisplayDocTitle", False)),
        }


def sentences(text: str, shortest: int = 25) -> list[str]:
    """Return the sentences of an outline text (markup removed) at least ``shortest`` long."""
    flat = " ".join(plain_text(text).split())
    parts = (part.strip().lstrip("-").strip()
             for part in re.split(r"(?<=[.?!:;])\s+|\s+-\s+", flat))
    return [part for part in parts if len(part) >= shortest]
