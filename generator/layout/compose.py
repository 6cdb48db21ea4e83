"""Slides composed as a designer sets them: the closing slide, the break slide, an
activity at a glance, an agenda in two columns, and rows that line up (the title
slide is in `generator.layout.cover`).

Each function takes boxes from the template layout and returns fitted frames; the
caller (`generator.layout.slides` and the slide modules it draws on) adds the title and
the slide's furniture.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.layout.fitting import (
    DoesNotFit,
    SizeRange,
    fit_common,
    fit_exact,
    fit_in_box,
    inner,
)
from generator.layout.fonts import metrics
from generator.layout.frames import INSET_Y, TextFrame
from generator.layout.geometry import Box, LayoutGeometry
from generator.layout.text import WIDTH_SAFETY, FittedText, Paragraph, TextStyle, run_on
from generator.layout.usable import room_below
from generator.look.theme import Theme
from generator.markup import (
    PAIR_BREAK,
    Span,
    contact_spans,
    halves,
    parse_inline,
    plain_text,
    unstyled,
)
from generator.model import Activity
from generator.plan import AgendaItem
from generator.wording import break_name, time_range
from generator.words import Together, Words

BODY = TextStyle()
GUTTER = 21.6
"""Space between an activity's steps and prompts, pt (0.3 in)."""
SPLITS = (0.54, 0.52, 0.56, 0.5, 0.58, 0.48, 0.46)
"""Shares of the width an activity's steps may take beside its prompts (first wins ties)."""
LABEL_GAP_EM = 1.0
"""Space (ems) between an agenda line's times and its title."""


@dataclass(frozen=True, slots=True)
class Composed:
    """Frames of a composed slide and the size each fitted slot was set at."""

    frames: tuple[TextFrame, ...]

    def sizes(self) -> dict[str, float]:
        """Return {slot: size} for every frame."""
        return {f.slot: f.text.size for f in self.frames}


def _styled(text: str, bold: bool = False, italic: bool = False) -> tuple[Span, ...]:
    """Return the runs of a text made from make-deck's words (language marks kept), all
    ``bold`` or ``italic`` when asked."""
    return tuple(Span(s.text, s.bold or bold, s.italic or italic, s.href, s.lang)
                 for s in parse_inline(text))


def _half(text: str, index: int) -> str:
    """Return one language's half of a bilingual pair (``index`` 0 or 1), else ``text``."""
    found = halves(text) if index >= 0 else None
    return found[index][1] if found else text


def _each_language(words: Words, make: Callable[[Words, int], tuple[Span, ...]]
                   ) -> tuple[Span, ...]:
    """Return the runs ``make`` builds from ``words`` (and the half ``index`` of any
    bilingual text); for a bilingual build, the first language's runs, a line break,
    then the second's, each run tagged with its language, like a pair's."""
    first = second = None
    if isinstance(words, Together):
        first, second = words.first, words.second
    if first is None or second is None:
        return make(words, -1)
    one, two = make(first, 0), make(second, 1)
    if plain_text("".join(s.text for s in one)) == plain_text("".join(s.text for s in two)):
        return one

    def tagged(spans: tuple[Span, ...], tag: str) -> tuple[Span, ...]:
        return tuple(Span(s.text, s.bold, s.italic, s.href, tag) for s in spans)

    return (*tagged(one, first.tag), Span(PAIR_BREAK, lang=first.tag), *tagged(two, second.tag))


def closing_lines(facilitators: Sequence[str], organisation: str | None,
                  words: Words, contact: str | None = None, *,
                  compact: bool = False) -> list[Paragraph]:
    """Return the closing slide's lines: who ran the workshop (bold, listed in ``words``'
    language), for whom, and how to reach them (its email and web addresses links).

    ``compact`` (for a template's small closing box) puts the organisation and the
    contact on one line, parted by " · "."""
    lines = []
    if facilitators:
        lines.append(Paragraph(_styled(words.names(facilitators), bold=True)))
    if compact and organisation and contact:
        parted = (*parse_inline(organisation), Span(" · "), *contact_spans(contact))
        return [*lines, Paragraph(parted)]
    if organisation:
        lines.append(Paragraph.from_markup(organisation))
    if contact:
        lines.append(Paragraph(contact_spans(contact)))
    return lines


BACK_AT = TextStyle(1.25, 0.0)
"""The style of a break's "Back at 10:55": one line as tall as the tallest common face
draws it (Calibri's ascent and descent come to 1.22 em), so a renderer never sets its
letters above the box."""


def _on_one_line(paragraph: Paragraph, box: Box, sizes: SizeRange,
                 factor: float) -> FittedText:
    """Return "Back at 10:55" fitted into ``box`` as large as it fits, on one line where
    some size down to ``sizes.minimum`` keeps it on one (a wrapped "Back at / 10:55"
    reads badly); else wrapped as it fits."""
    fitted = fit_in_box([paragraph], box, sizes, BACK_AT, "back", factor)
    size = fitted.size
    while len(fitted.paragraphs[0].lines) > 1 and size - 1 >= sizes.minimum:
        size -= 1
        one = fit_exact([paragraph], box, size, BACK_AT, factor)
        if one.fits and len(one.paragraphs[0].lines) == 1:
            return one
    return fitted


def break_slide(length_minutes: int, back: str | None, layout: LayoutGeometry, theme: Theme,
                factor: float, tone: str, words: Words, slide_height: float) -> Composed:
    """Return a break slide's frames: "Back at 10:55" as large as the slide allows, its
    length under it (or "Back in 15 minutes" without clock times). A template's short
    body box takes the free room below it, and the time may go down to the body size."""
    bodies = layout.bodies()
    own = bodies[0].box
    floor = max(own.bottom, room_below(own, layout, slide_height))
    body = Box(own.x, own.y, own.w, floor - own.y)
    big = SizeRange(theme.hero_max * 2, theme.hero_max, theme.size_floor)
    length_words = words.minutes(length_minutes)
    main = words("Back at {time}", time=words.time(back)) if back else words(
        "Back in {length}", length=length_words)
    length = SizeRange(theme.body_max, theme.small_size, theme.size_floor)
    second = bodies[1].box if len(bodies) > 1 and bodies[1].box.y >= own.bottom else None
    if second is not None:  # a template's own second line holds the length
        top, under = body, second
        rest = fit_in_box([Paragraph.from_markup(length_words)], under, length, BODY,
                          "length", factor) if back else None
    else:
        rest = fit_in_box([Paragraph.from_markup(length_words)], body, length,
                          BODY, "length", factor) if back else None
        below = rest.height + 2 * INSET_Y if rest else 0.0
        top = Box(body.x, body.y, body.w, body.h - below)
        under = Box(body.x, top.bottom, body.w, below)
    fitted = _on_one_line(Paragraph(_styled(main, bold=True)), top, big, factor)
    frames = [TextFrame("back", bodies[0].idx, top, fitted, BACK_AT,
                        align="ctr", anchor="b", tone=tone)]
    if rest is not None:
        frames.append(TextFrame("length", bodies[1].idx if second is not None else None,
                                under, rest, BODY, align="ctr",
                                tone="muted" if tone == "text" else tone))
    return Composed(tuple(frames))


def agenda_lines(items: Sequence[AgendaItem], words: Words
                 ) -> tuple[list[Paragraph], list[tuple[Span, ...]], TextStyle]:
    """Return the agenda's paragraphs, their time labels and the style that hangs the
    labels in a column of their own (so titles line up at one tab stop).

    Breaks are set in italics and named as breaks.
    """
    paragraphs: list[Paragraph] = []
    labels: list[tuple[Span, ...]] = []
    widest = 0.0
    for item in items:
        title = unstyled(item.title)
        title = break_name(title, words) if item.is_break else title
        text = f"{title} · {words.minutes(item.minutes)}"  # a pair: a line per language
        paragraphs.append(Paragraph(_styled(text, italic=item.is_break), 0, True))
        when = time_range(item.start, item.end, words)
        label = _styled(when, bold=True) if when else ()
        labels.append(label)
        widest = max([widest] + [metrics(True, False).width(line, 1.0)
                                 for line in "".join(s.text for s in label).split("\n")])
    if not widest:
        return [Paragraph(p.spans) for p in paragraphs], [], BODY
    return paragraphs, labels, TextStyle(bullet_indent=widest / WIDTH_SAFETY + LABEL_GAP_EM)


def heading(text: str) -> Paragraph:
    """Return a bold heading line (an activity's "What to do", "Think about")."""
    return Paragraph(_styled(text, bold=True))


def glance(activity: Activity, words: Words) -> Paragraph:
    """Return an activity's label line: "Activity · 20 minutes · format", in ``words``'
    language (the format as the outline writes it)."""
    def line(w: Words, half: int) -> tuple[Span, ...]:
        spans = _styled(w("Activity"), bold=True) + _styled(f" · {w.minutes(activity.minutes)}")
        if activity.format:
            spans += _styled(" · ") + parse_inline(_half(activity.format, half))
        return spans

    return Paragraph(_each_language(words, line))


def think_about(words: Words) -> Paragraph:
    """Return the label over an activity's prompts on a slide of their own: "Activity ·
    Think about", in ``words``' language (each language's, for a bilingual build)."""
    return Paragraph(_each_language(words, lambda w, _: _styled(w("**Activity** · Think about"))))


def glance_frame(activity: Activity | Paragraph, title_box: Box, title: FittedText,
                 theme: Theme, factor: float, words: Words) -> TextFrame | None:
    """Return the activity's label line (or the label ``activity`` given as a paragraph)
    set small above its title, in the title box's free top; None when the title leaves
    no line of room there."""
    small = SizeRange(theme.small_size, theme.size_floor, theme.size_floor)
    room = Box(title_box.x, title_box.y, title_box.w,
               title_box.h - title.height - 2 * INSET_Y)
    line = activity if isinstance(activity, Paragraph) else glance(activity, words)
    try:
        fitted = fit_in_box([line], room, small, BODY, "glance", factor)
    except DoesNotFit:
        return None
    return TextFrame("glance", None, Box(room.x, room.y, room.w, fitted.height + 2 * INSET_Y),
                     fitted, BODY, tone="muted")


def materials(activity: Activity, words: Words) -> list[Paragraph]:
    """Return the "You need: ..." line of an activity with materials (else none), in
    ``words``' language."""
    if not activity.materials:
        return []
    def line(w: Words, half: int) -> tuple[Span, ...]:
        spans: tuple[Span, ...] = (*_styled(w("You need:"), bold=True), Span(" "))
        for i, item in enumerate(activity.materials):
            spans += (_styled(", ") if i else ()) + parse_inline(_half(item, half))
        return spans

    return [Paragraph(_each_language(words, line))]


def activity_slide(activity: Activity, box: Box, sizes: SizeRange, factor: float,
                   numbered: TextStyle, idx: int | None, label: bool, words: Words,
                   small: SizeRange | None = None, compact: int = 0) -> Composed:
    """Return an activity on one slide: the numbered steps and the prompts side by
    side at one size (the split between them chosen for the largest size), and what
    it needs in a line across the foot (``small`` sizes; without a ``label`` line above the
    title, its time and format lead that line; ``compact`` 1: no steps' heading, 2: run on).

    Raises `DoesNotFit` when the two columns do not fit at ``sizes`` (strictly).
    """
    steps = [heading(words("What to do"))] * (not compact) + [
        Paragraph.from_markup(s, 0, True) for s in activity.steps]
    extra = ([] if label else [glance(activity, words)]) + materials(activity, words)
    extra = run_on(extra) if compact > 1 else extra
    frames: list[TextFrame] = []
    if extra and small is not None:  # across the foot, small and muted: at a glance
        foot = fit_in_box(extra, box, small, BODY, "needs", factor)
        tall = foot.height + 2 * INSET_Y
        frames.append(TextFrame("needs", None, Box(box.x, box.bottom - tall, box.w, tall),
                                foot, BODY, tone="muted"))
        box = Box(box.x, box.y, box.w, box.h - tall - 6)
        extra = []
    if not activity.prompts:
        fitted = fit_in_box(steps + extra, box, sizes.strict(), numbered, "steps", factor)
        return Composed((TextFrame("steps", idx, box, fitted, numbered, numbered=True),
                         *frames))
    prompts = [heading(words("Think about"))] + [Paragraph.from_markup(p, 0, True)
                                           for p in activity.questions] + extra
    best: tuple[float, Box, Box, FittedText] | None = None
    for split in SPLITS:
        left_w = (box.w - GUTTER) * split
        left = Box(box.x, box.y, left_w, box.h)
        right = Box(left.right + GUTTER, box.y, box.w - left_w - GUTTER, box.h)
        try:
            fitted_steps, _ = fit_common([steps, prompts], [left, right], sizes.strict(),
                                         numbered, "activity", factor)
        except DoesNotFit:
            continue
        if best is None or fitted_steps.size > best[0]:
            best = (fitted_steps.size, left, right, fitted_steps)
    if best is None:
        raise DoesNotFit("activity", sizes.minimum)
    size, left, right, fitted_steps = best
    # the prompts keep the usual bullet indent (narrower than a number's): no more lines
    fitted_prompts = fit_exact(prompts, right, size, BODY, factor)
    return Composed((TextFrame("steps", idx, left, fitted_steps, numbered, numbered=True),
                     TextFrame("prompts", None, right, fitted_prompts, BODY), *frames))


def activity_slide_foot_under_steps(activity: Activity, box: Box, sizes: SizeRange,
                                    factor: float, numbered: TextStyle, idx: int | None,
                                    label: bool, words: Words, small: SizeRange,
                                    floor: float, compact: int = 0) -> Composed:
    """Return `activity_slide` with the line across the foot no larger than the steps:
    where ``small`` sets it larger, it is set again at the steps' size or smaller, down
    to ``floor``. (A smaller line leaves the steps at least their room, so the second
    composition always fits.)"""
    one = activity_slide(activity, box, sizes, factor, numbered, idx, label, words, small,
                         compact)
    if one.sizes().get("needs", 0.0) > (size := one.sizes()["steps"]):
        under = min(size, floor)
        one = activity_slide(activity, box, sizes, factor, numbered, idx, label, words,
                             SizeRange(size, under, under), compact)
    return one


def single_word_lines(fitted: FittedText) -> int:
    """Return how many lines of wrapped paragraphs hold a single word before the last
    line (word-by-word wrapping, which narrow columns at large sizes produce; a last
    word alone is an ordinary short last line)."""
    return sum(1 for p in fitted.paragraphs for line in p.lines[:-1]
               if len(line.text.split()) == 1)


def row_gaps(columns: Sequence[FittedText], box_h: float) -> list[tuple[float, ...]] | None:
    """Return, for side-by-side columns whose paragraphs pair up row by row, the space
    to add above each paragraph so that each row starts level; None when the columns
    do not pair up or the aligned columns would be taller than ``box_h``."""
    counts = {len(c.paragraphs) for c in columns}
    if len(counts) != 1 or len(columns) < 2:
        return None
    heights = [[len(p.lines) * c.line_height for p in c.paragraphs] for c in columns]
    rows = [max(h[i] for h in heights) for i in range(counts.pop())]
    gaps = [tuple(0.0 if i == 0 else rows[i - 1] - h[i - 1] for i in range(len(rows)))
            for h in heights]
    space = columns[0].space_before
    total = sum(rows) + space * (len(rows) - 1)
    if total > inner(Box(0, 0, 100, box_h)).h + 1e-9:
        return None
    return gaps
