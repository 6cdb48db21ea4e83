"""Reports on themes and deck templates for the `themes` and `check-template` commands."""

from __future__ import annotations

from pathlib import Path

from generator.layout.roles import ROLE_NEEDS


def themes_listing() -> list[tuple[str, str]]:
    """Return (name, description) of every built-in theme, default first."""
    from generator.look.theme import builtin_theme_names
    from generator.look.theme_reader import builtin_theme

    return [(name, builtin_theme(name).description) for name in builtin_theme_names()]


def _inches(points: float) -> str:
    return f"{points / 72:.2f}"


def template_report(path: Path, overrides: dict[str, str] | None = None) -> tuple[str, bool]:
    """Return a readable report on a template and whether every role is served fully.

    Lists each layout with its placeholders (type, idx, box in inches), then the
    layout each slide role would use and anything make-deck would have to add.
    """
    from generator.look.template import read_template

    info = read_template(path, overrides)
    lines = [f"Template: {path}",
             f"Slide size: {_inches(info.geometry.width)} x {_inches(info.geometry.height)} in",
             f"Fonts: {info.theme.font_family} for text, "
             f"{info.theme.heading_font_family or info.theme.font_family} for headings "
             f"(width margin x{info.theme.font_width_factor:g})",
             "", "Layouts:"]
    for layout in info.layouts:
        shade = " (dark background)" if layout.dark else ""
        untitled = " (no title placeholder)" if layout.first("title") is None else ""
        lines.append(f"  {layout.name}{shade}{untitled}")
        if not layout.placeholders:
            lines.append("    (no text placeholders)")
        for ph in layout.placeholders:
            box = ph.box
            lines.append(f"    {ph.kind:<9} idx {ph.idx!s:<3} at {_inches(box.x)}, {_inches(box.y)}"
                         f"  size {_inches(box.w)} x {_inches(box.h)} in")
    lines += ["", "Slide roles:"]
    complete = True
    for choice in info.choices:
        needs = ROLE_NEEDS[choice.role]
        if overrides and choice.role in overrides and choice.overridden:
            how = "as asked"
        elif info.is_default:
            how = "built-in mapping"
        else:
            how = "chosen by placeholders and name"
        added = f"  MISSING: {', '.join(choice.added)} (added by make-deck)" if choice.added \
            else ""
        where = " side by side" if needs.columns else " one under another" \
            if needs.stacked and needs.bodies > 1 else ""
        lines.append(f"  {choice.role:<9} -> {choice.layout} ({how}; needs a title and "
                     f"{needs.bodies} body box(es){where}){added}")
        complete = complete and not choice.added
    for name in info.unknown_layouts:
        lines.append(f"  no layout named “{name}” (asked for with --layout or `layouts:`)")
        complete = False
    lines += ["", "Every role is served by the template's own placeholders." if complete else
              "Some roles lack placeholders: make-deck adds them so every slide has a title, "
              "but the result may not match the template's design. Map those roles under "
              "`layouts:` in the outline or add the placeholders to the template."]
    return "\n".join(lines), complete
