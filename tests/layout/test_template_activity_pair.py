"""An activity too tall for one slide of a template's short body box, but right for two
(as on the University of Padua's and the US CDC's templates), takes a designed pair of
slides at the body minimum or larger, never a "(cont.)" slide; where even the pair's
steps do not fit, they continue as the pair's own, and the prompts keep their title."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.util import Pt

from generator.build import build
from generator.options import BuildOptions

TITLE = "Disruption appetite line-up"
HEAD = """\
title: Pace
theme: short-body.pptx
sections:
  - title: Part one
    slides:
"""
FIRST = f"""\
      - activity:
          title: {TITLE}
          minutes: 10
          format: whole room, standing
          materials: [masking tape line on the floor, signs reading Protect and Disrupt]
          steps:
            - The facilitator reads a proposal, like retiring a legacy system.
            - Everyone stands on the line.
            - Two people from each end and one from the middle say why.
            - Repeat with a second proposal, then sit and note your answers.
          prompts:
            - Where did you stand?
            - What would move you one step towards disrupt?
            - Does our organisation reward avoiding failure or trying new things?
"""
"""An activity whose pair fits only in its compact form on the short body box."""
SECOND = """\
      - activity:
          title: Change temperature check
          minutes: 10
          format: pairs, then the whole room
          materials: [worksheet, sticky dots, a 1 to 5 scale on the wall]
          steps:
            - On your own, score your team from 1 (cautious) to 5 (experimental).
            - In pairs, share an example behind your score.
            - Put a dot on the wall scale.
            - The facilitator reads the spread and asks each end why.
          prompts:
            - How experimental are we?
            - What did you last try without a business case?
            - What would make experimenting safer?
            - Which recent change did users notice first, and why?
"""
"""An activity whose pair fits in its full form, "What to do" over the steps."""
BODY_MIN = 24.0  # the default theme's


def _deck(folder: Path, body_top: float, activities: str = FIRST) -> Presentation:
    """Build the outline against python-pptx's default whose content layout has a title
    box one line tall (no room for a label above it) and a body from ``body_top`` down
    to the foot; return the deck of ``activities``."""
    prs = Presentation()
    for ph in prs.slide_layouts[1].placeholders:
        if ph.placeholder_format.idx == 0:
            ph.left, ph.top, ph.width, ph.height = Pt(36), Pt(90), Pt(648), Pt(64.8)
        elif ph.placeholder_format.idx == 1:
            ph.left, ph.top, ph.width, ph.height = Pt(36), Pt(body_top), Pt(648), \
                Pt(486 - body_top)
    prs.save(str(folder / "short-body.pptx"))
    outline = folder / "outline.yaml"
    outline.write_text(HEAD + activities, encoding="utf-8")
    options = BuildOptions(outputs=("deck",), output_dir=folder / "out")
    return Presentation(str(build(outline, options).written[0]))


def _activity(prs: Presentation) -> list[tuple[str, dict[str, list[float]]]]:
    """Return the activity's slides: each one's title and the run sizes of its text
    boxes by kind (steps, prompts, needs)."""
    found = []
    for slide in prs.slides:
        title = slide.shapes.title.text_frame.text
        if not title.startswith(TITLE):
            continue
        sizes: dict[str, list[float]] = {}
        for shape in slide.shapes:
            if not shape.has_text_frame or shape == slide.shapes.title:
                continue
            text = shape.text_frame.text
            kind = ("Prompts" if "Where did you stand?" in text else
                    "Steps" if "Everyone stands" in text or "Repeat with" in text else
                    "Needs" if "You need:" in text else None)
            if kind is not None:
                sizes[kind] = [r.font.size.pt for p in shape.text_frame.paragraphs
                               for r in p.runs if r.font.size is not None]
        found.append((title, sizes))
    return found


def test_an_activity_right_for_two_slides_gets_the_pair(tmp_path: Path) -> None:
    slides = _activity(_deck(tmp_path, 171.0))
    assert [t for t, _ in slides] == [TITLE, f"{TITLE}: think about"], slides
    (_, first), (_, second) = slides
    assert set(first) == {"Steps", "Needs"} and set(second) == {"Prompts"}, slides
    assert min(first["Steps"] + second["Prompts"]) >= BODY_MIN, slides
    assert max(first["Needs"]) <= min(first["Steps"]), slides


def test_steps_too_long_even_for_the_pair_continue_as_its_own(tmp_path: Path) -> None:
    slides = _activity(_deck(tmp_path, 200.0))
    titles = [t for t, _ in slides]
    assert titles == [TITLE, f"{TITLE} (cont.)", f"{TITLE}: think about"], titles
    (_, first), (_, then), (_, prompts) = slides
    assert set(first) == {"Steps"} and set(then) == {"Steps", "Needs"}, slides
    assert set(prompts) == {"Prompts"}, slides
    assert min(first["Steps"] + then["Steps"] + prompts["Prompts"]) >= BODY_MIN, slides
    assert max(then["Needs"]) <= min(then["Steps"]), slides


def _starts(prs: Presentation) -> list[str]:
    """Return how each text box of the deck begins."""
    return [shape.text_frame.text.split("\n")[0] for slide in prs.slides
            for shape in slide.shapes if shape.has_text_frame]


def test_one_compact_pair_makes_every_pair_of_the_deck_compact(tmp_path: Path) -> None:
    (tmp_path / "alone").mkdir()
    alone = _deck(tmp_path / "alone", 171.0, SECOND)  # on its own: the full form
    assert "What to do" in _starts(alone)
    both = _deck(tmp_path, 171.0, FIRST + SECOND)
    titles = [s.shapes.title.text_frame.text for s in both.slides]
    assert f"{TITLE}: think about" in titles, titles
    assert "Change temperature check: think about" in titles, titles
    assert not any("(cont." in t for t in titles), titles
    assert "What to do" not in _starts(both)


def test_the_prompts_slide_says_think_about_once(tmp_path: Path) -> None:
    # its title ends ": think about"; a "Think about" heading under it would say it twice
    for top, folder in ((171.0, "pair"), (200.0, "continued")):
        (tmp_path / folder).mkdir()
        deck = _deck(tmp_path / folder, top)
        starts = [shape.text_frame.text.split("\n")[0] for slide in deck.slides
                  if slide.shapes.title.text_frame.text == f"{TITLE}: think about"
                  for shape in slide.shapes if shape.has_text_frame]
        assert starts and "Think about" not in starts, (folder, starts)


def test_the_think_about_label_gives_way_to_a_readable_title(tmp_path: Path) -> None:
    # a 16:9 template whose title box is narrow, as R-Ladies' is: "Map the waits" and
    # its label fit, but "Map the waits: think about" under the label only at 20 pt,
    # below the title minimum (28 pt scaled to the slide: 21 pt)
    short = "Map the waits"
    prs = Presentation()
    prs.slide_width, prs.slide_height = Pt(720), Pt(405)
    for ph in prs.slide_layouts[1].placeholders:
        if ph.placeholder_format.idx == 0:
            ph.left, ph.top, ph.width, ph.height = Pt(54), Pt(33), Pt(254), Pt(68)
        elif ph.placeholder_format.idx == 1:
            ph.left, ph.top, ph.width, ph.height = Pt(54), Pt(125), Pt(470), Pt(248)
    prs.save(str(tmp_path / "short-body.pptx"))
    outline = tmp_path / "outline.yaml"
    outline.write_text(HEAD + FIRST.replace(TITLE, short), encoding="utf-8")
    deck = Presentation(str(build(outline, BuildOptions(
        outputs=("deck",), output_dir=tmp_path / "out")).written[0]))
    slides = [s for s in deck.slides if s.shapes.title.text_frame.text.startswith(short)]
    assert [s.shapes.title.text_frame.text for s in slides] == [
        short, f"{short}: think about"]
    labels = [[s for s in slide.shapes if s.has_text_frame
               and s.text_frame.text.startswith("Activity")] for slide in slides]
    assert labels[0], "the first slide keeps its time and format over the title"
    assert not labels[1], "the label over the prompts gives way"
    title = slides[1].shapes.title.text_frame
    assert min(r.font.size.pt for p in title.paragraphs for r in p.runs
               if r.font.size is not None) >= 28.0 * 405 / 540
