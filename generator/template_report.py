"""Reports on themes and deck templates for the `themes` and `check-template` commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.layout.embedded import EmbeddedFaces, grouped
from generator.layout.geometry import LayoutGeometry
from generator.layout.roles import ROLE_NEEDS, RoleChoice

WORKS = "works"
WITH_ADDED = "works with added boxes"
UNUSABLE = "unusable"
MIN_TEXT_SHARE = 0.06
"""A body or title box shorter than this share of the slide's height holds no text."""
MIN_PICTURE_SHARE = 0.3
"""The room under the title that a picture or table needs, as a share of the height."""


def themes_listing() -> list[tuple[str, str]]:
    """Return (name, description) of every built-in theme, default first."""
    from generator.look.theme import builtin_theme_names
    from generator.look.theme_reader import builtin_theme

    return [(name, builtin_theme(name).description) for name in builtin_theme_names()]


def _inches(points: float) -> str:
    return f"{points / 72:.2f}"


def _reasons(layout: LayoutGeometry, choice: RoleChoice, default: bool) -> list[str]:
    """Return why ``layout`` was chosen for a role: as asked, its type, placeholders, name."""
    from generator.layout.layout_kinds import HINTS, hinted
    from generator.layout.picture_room import MIN_HEIGHT_SHARE, MIN_WIDTH_SHARE

    if choice.cramped:
        return [f"“{choice.cramped}” leaves a picture under {MIN_WIDTH_SHARE:.0%} of the "
                f"slide's width or {MIN_HEIGHT_SHARE:.0%} of its height; this one has room"]
    if choice.overridden:
        return ["as asked under `layouts:` (or --layout)"]
    if default:
        return ["the built-in template's own mapping"]
    bodies = len(layout.bodies())
    has_title = layout.first("title") is not None
    reasons = [f"type {layout.kind}" + (" (custom: no type)" if layout.kind == "cust" else ""),
               ("a title and " if has_title else "no title, ")
               + f"{bodies} body placeholder(s)"]
    hints = [c for c in HINTS if hinted(layout.name, c)]
    if hints:
        reasons.append(f"its name hints at: {', '.join(hints)}")
    return reasons


def _verdict(role: str, layout: LayoutGeometry, choice: RoleChoice, width: float,
             height: float) -> tuple[str, str]:
    """Return the verdict on the layout serving ``role`` and, when unusable, why."""
    from generator.layout.layout_kinds import suitability

    allowed, _ = suitability(layout, role) if not choice.overridden else (True, 0)
    if not allowed:
        return UNUSABLE, "no layout of the template suits this role"
    title = layout.first("title")
    used = layout.bodies()[:ROLE_NEEDS[role].bodies]
    boxes = [p for p in (title, *used) if p is not None]
    small = [p for p in boxes if p.box.h < height * MIN_TEXT_SHARE or p.box.w < width * 0.12]
    if small:
        p = small[0]
        return UNUSABLE, (f"its {p.kind} box ({_inches(p.box.w)} x {_inches(p.box.h)} in) "
                          "is too small for text")
    if role in ("image", "table") and title is not None and \
            height * 0.9 - title.box.bottom < height * MIN_PICTURE_SHARE:
        return UNUSABLE, "too little room under the title for a picture or a table"
    return (WITH_ADDED if choice.added else WORKS), ""


def template_facts(path: Path, overrides: dict[str, str] | None = None) -> dict[str, Any]:
    """Return what `check-template` reports, as JSON-ready data: the template's size and
    fonts, its layouts, and per role the layout chosen, why, and the verdict."""
    from generator.look.look import look_for
    from generator.look.template import read_template

    info = read_template(path, overrides)
    geometry = info.geometry
    theme = info.theme
    look = look_for(theme, path, overrides)
    roles = []
    for choice in info.choices:
        layout = geometry.roles[choice.role]
        verdict, why = _verdict(choice.role, layout, choice, geometry.width, geometry.height)
        needs = ROLE_NEEDS[choice.role]
        roles.append({
            "role": choice.role, "layout": choice.layout, "verdict": verdict,
            "reasons": _reasons(next(lay for lay in info.layouts if lay.name == choice.layout),
                                choice, info.is_default)
            + (["the quote goes in its title placeholder, who said it in the line under it"]
               if layout.quote_in_title else []),
            "needs": f"a title and {needs.bodies} body box(es)"
                     + (" side by side" if needs.columns else
                        " one under another" if needs.stacked and needs.bodies > 1 else ""),
            "added": list(choice.added), "unusable_because": why,
        })
    return {
        "template": str(path),
        "slide_size_in": [round(geometry.width / 72, 2), round(geometry.height / 72, 2)],
        "fonts": font_facts(theme.font_family, theme.heading_font_family,
                            {face.asked: face.note for face in (look.body_face,
                                                                look.heading_face)},
                            theme.embedded_fonts,
                            (theme.layout_fonts, theme.layout_heading_fonts)),
        "layouts": [
            {"name": lay.name, "type": lay.kind, "dark": lay.dark, "background": lay.background,
             "placeholders": [
                 {"kind": p.kind, "idx": p.idx, "box_in": [round(v / 72, 2) for v in
                                                          (p.box.x, p.box.y, p.box.w, p.box.h)],
                  "grows": p.grows, "colour": p.text_colour, "on": p.background}
                 for p in lay.placeholders]}
            for lay in info.layouts],
        "roles": roles,
        "recoloured": [
            {"layout": r.layout, "placeholder": r.kind, "colour": r.colour,
             "background": r.background, "ratio": r.ratio, "set_in": r.slot,
             "new_ratio": r.fixed_ratio} for r in info.recoloured],
        "unknown_layouts": list(info.unknown_layouts),
        "embedded": list(look.notes()),
        "example_slides": [{"number": n, "layout": layout, "title": title, "branding": count}
                           for n, layout, title, count in info.example_slides],
        "branding_lost": info.lost_branding,
        "personal_text": [{"layout": layout, "text": text}
                          for layout, text in info.personal_text],
        "usable": all(r["verdict"] != UNUSABLE for r in roles) and not info.unknown_layouts,
    }


def font_facts(text: str, headings: str | None, embedded: dict[str, str],
               in_template: tuple[EmbeddedFaces, ...] = (),
               in_layouts: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
               ) -> dict[str, Any]:
    """Return the fonts part of `template_facts`: the text and heading families (and
    those the layouts set text and titles in, ``in_layouts``) and per family how its
    text is measured (exactly, with which file, embedded in the template or with which
    margin and fallback), what the PDFs embed for it (``embedded``: family -> note)
    and the faces the template embeds (``in_template``)."""
    from generator.layout.embedded import embedded_for
    from generator.layout.measure import resolve

    headings = headings or text
    texts, titles = (text, *in_layouts[0]), (headings, *in_layouts[1])
    families = []
    for family in dict.fromkeys((*texts, *titles)):
        faces = embedded_for(family, in_template)
        measure = resolve(family, faces)
        families.append({
            "family": family,
            "used_for": [use for use, names in (("text", texts), ("headings", titles))
                         if family in names],
            "how": measure.how, "measured_with": measure.measured_as,
            "file": str(measure.file) if measure.file else None,
            "margin_percent": round((measure.margin - 1) * 100),
            "fallback": measure.fallback, "measured": measure.note,
            "embedded_in_template": measure.embedded,
            "embedded_faces_read": list(faces.styles()) if faces else [],
            "embedded_problems": list(measure.embedded_problems),
            "pdf": embedded.get(family, ""),
        })
    return {"text": text, "headings": headings, "families": families,
            "layouts_also": sorted(set(in_layouts[0]) | set(in_layouts[1])),
            "in_template": [{"family": e.family, "read": list(e.styles()),
                             "problems": list(e.problems)} for e in in_template]}


def _embedded_lines(fonts: dict[str, Any]) -> list[str]:
    """Return the report's lines on the fonts the template embeds (none when it embeds
    none): per family the styles read and why others were not."""
    lines = []
    for entry in fonts["in_template"]:
        read = ", ".join(entry["read"]) if entry["read"] else "none"
        why = f"; not read: {grouped(entry['problems'])}" if entry["problems"] else ""
        lines.append(f"  {entry['family']}: faces read {read}{why}")
    return ["The template embeds:", *lines] if lines else []


def _ratio(value: float) -> str:
    """Return a contrast ratio cut (never rounded up) to two decimals, e.g. 2.99:1."""
    return f"{int(value * 100) / 100:.2f}:1"


def template_report(path: Path, overrides: dict[str, str] | None = None) -> tuple[str, bool]:
    """Return a readable report on a template and whether every role is usable.

    Lists each layout with its type and placeholders (kind, idx, box in inches), then
    per slide role the layout chosen, why, and the verdict.
    """
    facts = template_facts(path, overrides)
    w, h = facts["slide_size_in"]
    fonts = facts["fonts"]
    lines = [f"Template: {path}", f"Slide size: {w:.2f} x {h:.2f} in",
             f"Fonts: {fonts['text']} for text, {fonts['headings']} for headings"
             + (f" (the layouts also set text in {', '.join(fonts['layouts_also'])})"
                if fonts["layouts_also"] else "") + "; measured:",
             *(f"  {family['measured']}" for family in fonts["families"]),
             *_embedded_lines(fonts), "", "Layouts:"]
    for layout in facts["layouts"]:
        shade = " (dark background)" if layout["dark"] else ""
        untitled = "" if any(p["kind"] in ("title", "ctrTitle") for p in layout["placeholders"]) \
            else " (no title placeholder)"
        lines.append(f"  {layout['name']} [type {layout['type']}]{shade}{untitled}")
        if not layout["placeholders"]:
            lines.append("    (no text placeholders)")
        for ph in layout["placeholders"]:
            x, y, bw, bh = ph["box_in"]
            grows = "  grows with its text" if ph["grows"] else ""
            lines.append(f"    {ph['kind']:<9} idx {ph['idx']!s:<3} at {x:.2f}, {y:.2f}"
                         f"  size {bw:.2f} x {bh:.2f} in{grows}")
    lines += ["", "Slide roles:"]
    for role in facts["roles"]:
        added = f"; make-deck adds {', '.join(role['added'])}" if role["added"] else ""
        why = f" ({role['unusable_because']})" if role["unusable_because"] else ""
        lines.append(f"  {role['role']:<9} -> {role['layout']}: {role['verdict'].upper()}{why}")
        lines.append(f"              why: {'; '.join(role['reasons'])}; "
                     f"needs {role['needs']}{added}")
    for fix in facts["recoloured"]:
        lines.append(f"  note: the {fix['placeholder']} text of “{fix['layout']}” is "
                     f"#{fix['colour']} on #{fix['background']} ({_ratio(fix['ratio'])}); "
                     f"make-deck sets it in {fix['set_in']} ({_ratio(fix['new_ratio'])})")
    for name in facts["unknown_layouts"]:
        lines.append(f"  no layout named “{name}” (asked for with --layout or `layouts:`)")
    lines += ["", "The PDFs embed:", *(f"  {note}" for note in facts["embedded"])]
    if facts["example_slides"]:
        lines += ["", "Example slides (for `template_slides:`; removed from the deck):"]
        for slide in facts["example_slides"]:
            title = f" “{slide['title']}”" if slide["title"] else ""
            branding = f", {slide['branding']} picture(s) or shape(s) without text" \
                if slide["branding"] else ""
            lines.append(f"  {slide['number']:>3}{title} on {slide['layout']}{branding}")
    if facts["branding_lost"]:
        lines += ["", f"Branding: {facts['branding_lost']}; slides on those layouts come out "
                  "without it (name an example slide under `template_slides:`)."]
    for fixed in facts["personal_text"]:
        lines += ["", f"Someone's details: the layout “{fixed['layout']}” shows "
                  f"“{fixed['text']}” in text of its own, on every slide made on it (delete "
                  "that text box from the layout in PowerPoint's Slide Master)."]
    lines += ["", "Every slide role is usable." if facts["usable"] else
              "Some slide roles are unusable with this template: map them to other layouts "
              "under `layouts:` in the outline, or add suitable layouts to the template."]
    return "\n".join(lines), bool(facts["usable"])
