"""What real organisation templates do, each in a small template of its own (see
`quirk_templates`): a colour map that makes the slides dark, a body line that grows
with its text, a picture as a layout's background, huge shape ids, and layouts
named in Portuguese. Each is built end to end and the deck read back."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.util import Inches

from generator.build import build
from generator.look.colours import contrast_ratio
from generator.look.template import read_template
from generator.options import BuildOptions
from generator.template_report import template_facts
from tests.ooxml import NS

from .quirk_templates import (
    DARK,
    GROWING_LINE_IN,
    LOGO_TOP_IN,
    SECTION_NAME,
    dark_colour_map,
    growing_body,
    huge_shape_ids,
    picture_background,
    portuguese_names,
)

OUTLINE = """\
title: Small session
theme: {theme}
{extra}sections:
  - title: Start
    minutes: 10
    slides:
      - title: One thing
        bullets: [A point, Another point]
      - title: Three ways
        columns:
          - bullets: [First]
          - bullets: [Second]
          - bullets: [Third]
      - quote: Less, but better.
        by: Dieter Rams
  - title: Next
    minutes: 10
    slides:
      - title: Two things
        bullets: [A third point]
"""


def _xpath(element: etree._Element, path: str) -> list[etree._Element]:
    return etree._Element.xpath(element, path, namespaces=NS)


def _build(tmp_path: Path, template: Path, extra: str = "") -> tuple[object, list[str]]:
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE.format(theme=template.name, extra=extra), encoding="utf-8")
    result = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    prs = Presentation(str(next((tmp_path / "out").glob("*.pptx"))))
    return prs, [d.code.value for d in result.diagnostics]


def _scheme(prs: object) -> dict[str, str]:
    """Return the theme's colour slots (``dk1``...) as RRGGBB."""
    master = prs.slide_masters[0]  # type: ignore[attr-defined]
    part = next(rel.target_part for rel in master.part.rels.values()
                if rel.reltype.endswith("/theme"))
    scheme = etree.fromstring(part.blob).find(".//a:clrScheme", NS)
    return {etree.QName(slot).localname: (slot.find("a:srgbClr", NS).get("val")
                                          if slot.find("a:srgbClr", NS) is not None
                                          else slot.find("a:sysClr", NS).get("lastClr"))
            for slot in scheme}


def _run_colours(prs: object, slide: object) -> list[str]:
    """Return the RRGGBB of every run's text on ``slide``: its own scheme colour, else
    the tx1 of the master's styles, through the master's colour map."""
    master = prs.slide_masters[0]._element  # type: ignore[attr-defined]
    mapping = dict(master.find("p:clrMap", NS).attrib)
    scheme = _scheme(prs)
    found = []
    for run in _xpath(slide._element, ".//p:sp//a:r[normalize-space(a:t)]"):  # type: ignore[attr-defined]
        slot = next(iter(_xpath(run, "./a:rPr/a:solidFill/a:schemeClr/@val")), "tx1")
        found.append(scheme[mapping.get(slot, slot)])
    return found


def test_a_colour_map_that_makes_the_slides_dark_gives_light_text(tmp_path: Path) -> None:
    template = dark_colour_map(tmp_path)
    geometry = read_template(template).geometry
    assert geometry.roles["bullets"].dark and geometry.roles["bullets"].background == DARK
    prs, codes = _build(tmp_path, template)
    assert "A11Y-CONTRAST" not in codes
    for slide in prs.slides:
        colours = _run_colours(prs, slide)
        assert colours
        assert all(contrast_ratio(c, DARK) >= 4.5 for c in colours), colours


def test_a_growing_body_line_extends_to_the_logo_below_it(tmp_path: Path) -> None:
    template = growing_body(tmp_path)
    prs, codes = _build(tmp_path, template)
    bullets = next(c for c in read_template(template).choices if c.role == "bullets")
    assert not bullets.added  # the layout's own body serves, grown, not an added box
    slide = next(s for s in prs.slides if s.shapes.title.text == "One thing")
    body = next(s for s in slide.placeholders if s.placeholder_format.idx == 1)
    assert body.height > Inches(3) > Inches(GROWING_LINE_IN)
    assert body.top + body.height <= Inches(LOGO_TOP_IN)
    assert not _xpath(body._element, ".//a:bodyPr/a:spAutoFit")  # set as measured
    assert "W-FIT-SMALL" not in codes


def test_a_picture_background_is_measured_by_its_pixels(tmp_path: Path) -> None:
    template = picture_background(tmp_path)
    bullets = read_template(template).geometry.roles["bullets"]
    assert bullets.dark and bullets.background is not None
    under = bullets.background
    assert contrast_ratio(under, "000000") < 2  # the picture's dark pixels, not the white
    prs, codes = _build(tmp_path, template)
    assert "A11Y-CONTRAST" not in codes
    slide = next(s for s in prs.slides if s.shapes.title.text == "One thing")
    colours = _run_colours(prs, slide)
    assert colours and all(contrast_ratio(c, under) >= 4.5 for c in colours), colours
    facts = template_facts(template)
    assert any(r["layout"] == "Title and Content" for r in facts["recoloured"])


def test_huge_shape_ids_leave_every_slides_ids_unique_and_valid(tmp_path: Path) -> None:
    template = huge_shape_ids(tmp_path)
    prs, _ = _build(tmp_path, template, "template_slides:\n  bullets: Our priorities\n"
                                            "  columns: 1\n")
    for slide in prs.slides:
        ids = [int(i) for i in _xpath(slide._element, ".//p:cNvPr/@id")]
        assert len(ids) == len(set(ids)), ids
        assert all(0 < i <= 0xFFFFFFFF for i in ids), ids
    slide = next(s for s in prs.slides if s.shapes.title.text == "One thing")
    assert len([s for s in slide.shapes if not s.is_placeholder]) >= 1  # the pattern's band
    added = slide.shapes.add_textbox(0, 0, Inches(1), Inches(1))  # editing goes on working
    assert 0 < added.shape_id <= 0xFFFFFFFF


def test_a_portuguese_section_header_serves_the_dividers(tmp_path: Path) -> None:
    template = portuguese_names(tmp_path)
    prs, _ = _build(tmp_path, template)
    dividers = [s for s in prs.slides if s.shapes.title.text in ("Start", "Next")]
    assert len(dividers) == 2
    assert {s.slide_layout.name for s in dividers} == {SECTION_NAME}
    roles = {r["role"]: r["layout"] for r in template_facts(template)["roles"]}
    assert roles["section"] == SECTION_NAME and roles["bullets"] == "Título e Conteúdo"
