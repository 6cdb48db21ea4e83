"""A template's example slides: what branding they carry, and which of them the
outline's ``template_slides:`` names as the pattern of a slide role.

Many organisations' templates keep their logos, colour bands and artwork on the
example slides rather than on the layouts, so a deck built on the layouts alone
comes out plain. An example slide named in ``template_slides:`` (by its number,
or by the text of its title) serves as the pattern for its role: each slide of that
role is made on the example's layout, and the example's pictures, lines, shapes and
groups without text are copied onto it, behind the slide's own text. Text boxes are
not copied: they hold the example's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
GRAPHIC_TAGS = {f"{{{P_NS}}}{tag}" for tag in ("pic", "sp", "grpSp", "cxnSp")}


_STAND_IN = re.compile(r"^\s*(?:(title)|sub-?title|subheading)\b", re.IGNORECASE)


def stand_in(element: Any) -> str | None:
    """Return ``title`` or ``subTitle`` for a plain text box a layout draws in place of
    that placeholder (named "Title 1", "Subtitle 2" and holding prompt words, as some
    templates' covers have), else None."""
    if element.tag != f"{{{P_NS}}}sp" or element.find(f".//{{{P_NS}}}ph") is not None:
        return None
    props, name = element.find(f"{{{P_NS}}}nvSpPr/{{{P_NS}}}cNvSpPr"), \
        element.find(f"{{{P_NS}}}nvSpPr/{{{P_NS}}}cNvPr")
    if props is None or name is None or props.get("txBox") != "1":
        return None
    match = _STAND_IN.match(name.get("name", ""))
    return None if match is None else ("title" if match.group(1) else "subTitle")


def is_branding(element: Any) -> bool:
    """Return whether a shape element of a slide's tree is branding to carry over: a
    picture, line, shape or group that is no placeholder and holds no text."""
    if element.tag not in GRAPHIC_TAGS:
        return False
    if element.findall(f".//{{{P_NS}}}ph"):
        return False
    return not any((t.text or "").strip() for t in element.iter(f"{{{A_NS}}}t"))


def _graphics(shapes: Any, with_text: bool = False) -> int:
    """Return how many branding shapes ``shapes`` hold; ``with_text`` also counts the
    shapes and groups with words (a footer band with the department's name), as a
    layout or master draws them on every slide."""
    return sum(1 for shape in shapes
               if is_branding(shape._element) or (
                   with_text and shape._element.tag in GRAPHIC_TAGS
                   and not shape._element.findall(f".//{{{P_NS}}}ph")))


def _title(slide: Any) -> str:
    shape = slide.shapes.title
    return " ".join(shape.text_frame.text.split()) if shape is not None else ""


PERSONAL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d ()-]{8,}\d")
"""An email address or a telephone number: a person's details, not an organisation's
branding."""


def personal_text(shapes: Any) -> list[str]:
    """Return the text of each of ``shapes`` (a layout's or master's own, not a
    placeholder) that holds someone's email address or telephone number: the
    template's author left on a cover, say, shown on every slide made on it."""
    found = []
    for shape in shapes:
        if shape.is_placeholder or not getattr(shape, "has_text_frame", False):
            continue
        text = " ".join(shape.text_frame.text.split())
        if PERSONAL.search(text):
            found.append(text)
    return found


def example_slides(prs: Any) -> dict[str, Any]:
    """Return, as JSON-ready data, each example slide (number, layout, title, how many
    branding shapes it carries), how many the master and each layout draw, and the
    personal details the master and layouts show in text of their own."""
    master = personal_text(prs.slide_masters[0].shapes)
    return {
        "slides": [{"number": n, "layout": slide.slide_layout.name, "title": _title(slide),
                    "graphics": _graphics(slide.shapes)}
                   for n, slide in enumerate(prs.slides, 1)],
        "master_graphics": _graphics(prs.slide_masters[0].shapes, with_text=True),
        "layout_graphics": {layout.name: _graphics(layout.shapes, with_text=True)
                            for layout in prs.slide_layouts},
        "personal_text": {layout.name: found for layout in prs.slide_layouts
                          if (found := personal_text(layout.shapes) + master)},
    }


@dataclass(frozen=True, slots=True)
class Pattern:
    """An example slide serving as the pattern of a slide role."""

    role: str
    number: int
    layout: str


def _fold(text: str) -> str:
    return " ".join(str(text).lower().split())


def find_patterns(data: dict[str, Any], wanted: dict[str, int | str]
                  ) -> tuple[tuple[Pattern, ...], tuple[tuple[str, int | str], ...]]:
    """Return the example slides ``wanted`` names (role -> number or title), and the
    (role, reference) pairs that name no example slide."""
    slides = data.get("slides", [])
    found, unknown = [], []
    for role, ref in wanted.items():
        number = slide_number(ref, data)
        if number is not None:
            match = next((s for s in slides if s["number"] == number), None)
        else:
            match = next((s for s in slides if s["title"] and _fold(s["title"]) == _fold(ref)),
                         None)
        if match is None:
            unknown.append((role, ref))
        else:
            found.append(Pattern(role, match["number"], match["layout"]))
    return tuple(found), tuple(unknown)


def lost_branding(data: dict[str, Any], role_layouts: dict[str, str]) -> str | None:
    """Return what a deck whose roles sit on ``role_layouts`` (role -> layout name)
    would lose because the template's look lives on its example slides or on other
    layouts, or None when nothing is lost: the master draws branding, or the layout of
    bullet slides (the most common) does, or nothing in the template does."""
    layouts = data.get("layout_graphics", {})
    if data.get("master_graphics") or layouts.get(role_layouts.get("bullets", ""), 1):
        return None
    plain = sorted({name for name in role_layouts.values() if not layouts.get(name)})
    slides = [s["number"] for s in data.get("slides", []) if s["graphics"]]
    used = set(role_layouts.values())
    others = [name for name, count in layouts.items() if count and name not in used]
    if not slides and not others:
        return None
    places = []
    if slides:
        shown = ", ".join(map(str, slides[:8])) + (" ..." if len(slides) > 8 else "")
        places.append(f"{len(slides)} example slide(s) ({shown})")
    if others:
        places.append("the layouts " + ", ".join(f"“{name}”" for name in others[:6]))
    return (f"the layouts {', '.join(f'“{name}”' for name in plain)} draw no logo, picture or "
            f"band, and the master none; the template's branding is on {' and '.join(places)}")


def slide_number(ref: int | str, data: dict[str, Any]) -> int | None:
    """Return the example slide number ``ref`` means (a number, or digits that are no
    slide's title), or None when it is a title."""
    if isinstance(ref, int) and not isinstance(ref, bool):
        return ref
    titled = any(_fold(s["title"]) == _fold(ref) for s in data.get("slides", []))
    return int(ref) if str(ref).strip().isdigit() and not titled else None
