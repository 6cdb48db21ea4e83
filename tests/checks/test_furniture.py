"""The slide number, footer and logo keep clear of every box on the slide."""

from __future__ import annotations

from dataclasses import replace

from generator.build import prepare
from generator.checks import Where
from generator.checks.furniture import check_furniture
from generator.layout.frames import TableFrame
from generator.options import BuildOptions

TALL_TABLE = """\
title: Tall
sections:
  - title: Part
    minutes: 10
    slides:
      - title: A tall table
        table:
          header: [One, Two, Three]
          rows:
""" + "".join(f"            - [Row {i} of the table, Some more words here, A third cell]\n"
              for i in range(9))


def test_a_tall_table_stays_above_the_slide_number(tmp_outline, repo_root):
    for path in (tmp_outline(TALL_TABLE), repo_root / "outline.yaml"):
        prepared = prepare(path, BuildOptions())
        assert not [d for d in prepared.diagnostics if d.code == "FIT-FURNITURE"], path
        for slide in prepared.deck.slides:
            number = prepared.look.layout_look(slide.layout.name).number_box
            for frame in slide.frames:
                if number is not None and getattr(frame, "slot", "") != "footer":
                    assert frame.box.bottom <= number.y + 0.5 or frame.box.right <= number.x, (
                        slide.number, frame)


def test_an_overlap_with_the_slide_number_is_reported(tmp_outline):
    prepared = prepare(tmp_outline(TALL_TABLE), BuildOptions())
    deck = prepared.deck
    slide = next(s for s in deck.slides if any(isinstance(f, TableFrame) for f in s.frames))
    frames = tuple(replace(f, box=replace(f.box, h=f.box.h + 60))
                   if isinstance(f, TableFrame) else f for f in slide.frames)
    moved = replace(deck, slides=tuple(replace(s, frames=frames) if s is slide else s
                                       for s in deck.slides))
    where = Where(prepared.source.sources, prepared.source.text, prepared.plan, moved)
    (found,) = check_furniture(moved, prepared.look, where)
    assert found.code == "FIT-FURNITURE" and found.slide == slide.number
    assert found.message.startswith("the slide number overlaps the table by ")
