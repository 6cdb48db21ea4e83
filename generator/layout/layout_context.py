"""What laying out a slide draws on: the deck's geometry, theme, pictures and words
(`LayoutContext`), the text styles the slides share, and fitting text into a placeholder."""

from __future__ import annotations

from dataclasses import dataclass

from generator.layout.fitting import (
    SizeRange,
    fit_clear_of_corner,
)
from generator.layout.frames import (
    FitDecision,
    TextFrame,
)
from generator.layout.geometry import Box, DeckGeometry, LayoutGeometry, Placeholder
from generator.layout.picture_room import content_area
from generator.layout.text import Paragraph, TextStyle
from generator.look.theme import Theme
from generator.markup import Span
from generator.model import Workshop
from generator.outline.assets import ImageAsset
from generator.words import Words

BODY = TextStyle()
TITLE = TextStyle(line_height=1.1, space_before=0.0)
HERO = TextStyle(line_height=1.15, space_before=0.3)
NUMBERED = TextStyle(bullet_indent=1.5)


@dataclass
class LayoutContext:
    """What every slide's layout draws on: the deck's geometry, theme, pictures,
    workshop and words, and the size cap of the slide being laid out."""

    geometry: DeckGeometry
    theme: Theme
    images: dict[str, ImageAsset]
    workshop: Workshop
    words: Words
    cap: float | None = None
    """The largest body or hero size for the slide being laid out (see `slides._harmonise`)."""
    compact_pairs: bool = False
    """Every designed pair of activity slides in its compact form, as one of the deck's
    needs it (see `slides._harmonise`)."""

    @property
    def factor(self) -> float:
        """Return 1: the faces text is measured with carry any margin (see
        `generator.layout.measure`)."""
        return 1.0

    def layout(self, role: str) -> LayoutGeometry:
        """Return the geometry of the layout that serves ``role``."""
        return self.geometry.roles[role]

    def sizes(self, kind: str) -> SizeRange:
        """Return the sizes to try for text of ``kind`` (title, body, hero, small, lead,
        table), body and hero no larger than the slide's cap."""
        t = self.theme
        found = {
            "title": SizeRange(t.title_max, t.title_min, t.size_floor),
            "body": SizeRange(t.body_max, t.body_min, t.size_floor),
            "hero": SizeRange(t.hero_max, t.body_min, t.size_floor),
            "small": SizeRange(t.small_size, t.size_floor, t.size_floor),
            "lead": SizeRange(t.body_max, t.small_size, t.size_floor),  # closing lines
            "table": SizeRange(t.body_min, t.size_floor, t.size_floor),
        }[kind]
        if self.cap is None or kind not in ("body", "hero") or self.cap >= found.preferred:
            return found
        return SizeRange(self.cap, min(found.minimum, self.cap), min(found.floor, self.cap))


def bold(paragraph: Paragraph) -> Paragraph:
    """Return ``paragraph`` with every span set in bold."""
    return Paragraph(tuple(Span(s.text, True, s.italic, s.href, s.lang) for s in paragraph.spans),
                     paragraph.level, paragraph.bullet)


def fitted_text_frame(slot: str, placeholder: Placeholder, text: list[Paragraph],
                      ctx: LayoutContext, kind: str, style: TextStyle = BODY,
                      **extra: object) -> tuple[TextFrame, FitDecision]:
    """Return ``text`` fitted into ``placeholder``'s box at the sizes of ``kind`` (see
    `LayoutContext.sizes`) as the frame of ``slot``, and the fit decision; at the
    placeholder's full width where it was narrowed beside something in its lower corner
    that the text ends above (see `fitting.fit_clear_of_corner`)."""
    sizes = ctx.sizes(kind)
    anchor = extra.get("anchor", "t")
    fitted, box = fit_clear_of_corner(text, placeholder, sizes, style, slot,
                                      ctx.factor, anchor if isinstance(anchor, str) else "t")
    frame = TextFrame(slot, placeholder.idx, box, fitted, style, **extra)  # type: ignore[arg-type]
    return frame, FitDecision(slot, fitted.size, sizes.preferred)


def content_area_in(layout: LayoutGeometry, ctx: LayoutContext) -> Box:
    """Return the area pictures and tables take below a layout's title (see
    `picture_room.content_area`)."""
    return content_area(layout, ctx.layout("bullets"), ctx.geometry.width, ctx.geometry.height)
