"""The problems an organisation template gives this outline: layout names and example
slides it lacks, branding left on its example slides, layouts that lack boxes,
layouts that leave pictures too little room, and someone's details left on a layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostic, Severity
from generator.layout.picture_room import MIN_HEIGHT_SHARE, MIN_WIDTH_SHARE
from generator.markup import plain_text, side_by_side
from generator.outline.reader import OutlineSource
from generator.plan import Plan
from generator.problems import Problem
from generator.slide_kinds import ColumnsKind

if TYPE_CHECKING:
    from generator.look.template import TemplateInfo


def template_problems(info: TemplateInfo, source: OutlineSource,
                       plan: Plan) -> list[Diagnostic]:
    """Return errors for layout names the outline gave that the template lacks, and
    warnings for the roles this outline uses that the template serves only with
    added pieces."""
    used: set[str] = {slide.role for slide in plan.slides}
    if any(isinstance(s.kind, ColumnsKind) and len(s.kind.slide.columns) == 3
           for s in plan.slides):
        used.add("columns3")
    found = []
    for name in info.unknown_layouts:
        role = next((r for r, n in (source.workshop.layouts if source.workshop else {}).items()
                     if n == name), "")
        found.append(Diagnostic(
            Problem.E_TEMPLATE_LAYOUT, f"the template has no layout named “{name}”",
            position=source.sources.value(("layouts", role)),
            hint="layouts in the template: " + ", ".join(lay.name for lay in info.layouts)))
    for role, ref in info.unknown_slides:
        found.append(Diagnostic(
            Problem.E_TEMPLATE_SLIDE, f"the template has no example slide “{ref}” for "
            f"{role} slides (it has {info.example_count})",
            position=source.sources.value(("template_slides", role)),
            hint="`make-deck check-template` lists the template's example slides by number "
            "and title"))
    if info.lost_branding and not info.patterns:
        found.append(Diagnostic(
            Problem.W_TEMPLATE_BRANDING, f"{info.lost_branding}: slides on those layouts "
            "come out without it", Severity.WARNING, position=source.sources.value(("theme",)),
            hint="name an example slide as the pattern of a role under `template_slides:`, "
            "or a branded layout under `layouts:`"))
    if not info.is_default:
        for choice in info.choices:
            if choice.added and choice.role in used:
                found.append(Diagnostic(
                    Problem.W_TEMPLATE_ROLE, f"the template's layout “{choice.layout}” used for "
                    f"{choice.role} slides lacks what they need, so make-deck adds "
                    f"{' and '.join(choice.added)}", Severity.WARNING,
                    position=source.sources.value(("theme",)),
                    hint="map the role to a better layout under `layouts:`, or run "
                    "`make-deck check-template` to see what the template offers"))
        found.extend(_cramped_pictures(info, source, plan))
        for layout, text in info.personal_text:
            found.append(Diagnostic(
                Problem.W_TEMPLATE_PERSONAL, f"the template's layout “{layout}” shows "
                f"“{text}” on every slide made on it; make-deck cannot change a layout's own "
                "text", Severity.WARNING, position=source.sources.value(("theme",)),
                hint="delete that text box from the layout in PowerPoint (View, Slide "
                "Master), or map the role to another layout under `layouts:`"))
    return found


def _cramped_pictures(info: TemplateInfo, source: OutlineSource,
                      plan: Plan) -> list[Diagnostic]:
    """Return a warning at each picture slide whose layout left its picture too little
    room, so that it was made on a roomier layout instead."""
    choice = next((c for c in info.choices if c.role == "image" and c.cramped), None)
    if choice is None:
        return []
    asked = bool(source.workshop and source.workshop.layouts.get("image"))
    return [Diagnostic(
        Problem.W_TEMPLATE_PICTURE,
        f"the template's layout “{choice.cramped}” leaves the picture of "
        f"“{plain_text(side_by_side(slide.title))}” less than {MIN_WIDTH_SHARE:.0%} of the "
        f"slide's width or {MIN_HEIGHT_SHARE:.0%} of its height, so the slide is made on "
        f"“{choice.layout}”", Severity.WARNING, position=slide.position,
        hint=(f"`layouts: image: {choice.cramped}` asks for that layout; " if asked else "")
        + "map `image` under `layouts:` to a layout with a large area under its title "
        f"(such as “{choice.layout}”)")
        for slide in plan.slides if slide.role == "image"]
