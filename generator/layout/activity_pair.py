"""An activity over two slides designed as a pair, for when its steps and prompts do not
fit side by side at the body size: the steps first, then the prompts on a slide of their
own, both at one size."""

from __future__ import annotations

from generator.layout import compose
from generator.layout.compose import BODY, Composed
from generator.layout.fitting import DoesNotFit, SizeRange, fit_exact, fit_in_box
from generator.layout.frames import TextFrame
from generator.layout.geometry import Box
from generator.layout.text import Paragraph, TextStyle
from generator.model import Activity
from generator.words import Words


def activity_pair(activity: Activity, whole: Box, body: Box, sizes: SizeRange, factor: float,
                  numbered: TextStyle, idx: int | None, label: bool, words: Words,
                  small: SizeRange, compact_only: bool = False) -> tuple[Composed, Composed]:
    """Return an activity's two slides, all their text at one size no smaller than
    ``sizes.minimum``: first its numbered steps in ``whole`` with what it needs in a line
    across the foot (``small`` sizes, no larger than the steps, and smaller down to
    ``small.floor`` where the steps need the room; without a ``label`` above the title
    its time and format lead that line), then its prompts in ``body``, without a heading:
    the second slide's title says "<Title>: think about" (see `generator.layout.slides`). The
    first is compact where it must be, or always with ``compact_only`` (see `_steps_slide`).

    Raises `DoesNotFit` when the steps or the prompts do not fit at ``sizes`` (strictly).
    """
    strict = sizes.strict()
    prompts = [Paragraph.from_markup(p, 0, True) for p in activity.questions]
    fitted = fit_in_box(prompts, body, strict, BODY, "prompts", factor)
    steps_only = activity.model_copy(update={"prompts": ()})
    cap = SizeRange(fitted.size, strict.minimum, strict.minimum)  # the steps no larger
    first = _steps_slide(steps_only, whole, cap, factor, numbered, idx, label, words, small,
                         compact_only)
    if first is None:
        raise DoesNotFit("steps", strict.minimum)
    size = first.sizes()["steps"]
    fitted = fit_exact(prompts, body, size, BODY, factor)
    return first, Composed((TextFrame("prompts", idx, body, fitted, BODY),))


def _steps_slide(steps_only: Activity, whole: Box, cap: SizeRange, factor: float,
                 numbered: TextStyle, idx: int | None, label: bool, words: Words,
                 small: SizeRange, compact_only: bool) -> Composed | None:
    """Return the pair's first slide: the steps under "What to do" and the line across the
    foot, that line giving way (down to ``small.floor``) before the steps; where they
    still do not fit, the compact form: the steps without their heading and then, without
    a ``label`` above the title, its time and format run on with what it needs (one line
    where two were). With ``compact_only``, the compact form only. None when none fits
    at ``cap``."""
    for compact in (1, 2) if compact_only else (0, 1, 2):
        for foot in _foot_sizes(small):
            try:
                return compose.activity_slide_foot_under_steps(
                    steps_only, whole, cap, factor, numbered, idx, label, words, foot,
                    small.floor, compact)
            except DoesNotFit:
                continue
    return None


def _foot_sizes(small: SizeRange) -> list[SizeRange]:
    """Return the sizes to try for the line across the foot: the small range, then each
    whole point below its preferred size down to its floor (so a line that wraps at the
    small size may take one line at a smaller one)."""
    found = [small]
    size = small.preferred - 1
    while size >= small.floor:
        found.append(SizeRange(size, size, size))
        size -= 1
    return found
