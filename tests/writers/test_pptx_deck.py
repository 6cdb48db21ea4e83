"""The built default deck, read back with python-pptx and lxml: structure, accessibility
metadata, text styling, notes, sections, properties and byte-for-byte repeatability."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from generator.build import build
from generator.markup import plain_text
from generator.model import (
    BulletsSlide,
    ColumnsSlide,
    ImageSlide,
    QuoteSlide,
    Section,
    StatementSlide,
    TableSlide,
)
from generator.options import BuildOptions
from generator.slide_kinds import SectionKind
from tests.ooxml import NS

CONTENT_TYPES = (BulletsSlide, QuoteSlide, StatementSlide, ColumnsSlide, ImageSlide, TableSlide)
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def prs(default_deck):
    return Presentation(str(default_deck.path))


@pytest.fixture(scope="module")
def laid(default_deck):
    return default_deck.prepared.deck.slides


@pytest.fixture(scope="module")
def workshop(default_deck):
    return default_deck.prepared.source.workshop


@pytest.fixture(scope="module")
def pairs(prs, laid, default_deck):
    """Return (pptx slide, laid-out slide, the outline's slide or, for a slide make-deck
    adds, its kind) for every slide, in order."""
    plan = default_deck.prepared.plan
    return [(slide, lay, plan.slides[lay.plan_index].slide or plan.slides[lay.plan_index].kind)
            for slide, lay in zip(prs.slides, laid, strict=True)]


def slide_by_title(pairs, title: str):
    (found,) = [slide for slide, lay, _ in pairs if lay.title == title]
    return found


def xml_text(element) -> str:
    """Return the text of an element's ``a:t`` descendants, in order."""
    return "".join(t.text or "" for t in element.iter(f"{{{NS['a']}}}t"))


def title_of(slide) -> str:
    return words(slide.shapes.title.text_frame.text)


# ------------------------------------------------------------------ structure


def test_slide_count_matches_the_laid_out_deck(prs, laid, default_deck):
    assert len(prs.slides) == len(laid) == default_deck.result.slides
    with zipfile.ZipFile(default_deck.path) as package:
        parts = [n for n in package.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    assert len(parts) == len(laid)


def test_slides_are_16_by_9(prs):
    assert prs.slide_width * 9 == prs.slide_height * 16
    assert prs.slide_width == 12192000  # 13.333 in, PowerPoint's widescreen


def test_every_slide_has_a_title_placeholder_with_text(pairs):
    for number, (slide, lay, _) in enumerate(pairs, start=1):
        titles = [ph for ph in slide.placeholders if ph.placeholder_format.type in TITLE_TYPES]
        assert len(titles) == 1, f"slide {number}"
        assert slide.shapes.title is not None
        text = title_of(slide)
        assert text, f"slide {number} has an empty title"
        assert text == words(lay.title)


def test_titles_are_unique(prs):
    titles = [title_of(slide) for slide in prs.slides]
    assert [t for t, n in Counter(titles).items() if n > 1] == []


def test_first_slide_is_the_workshop_title_on_a_centred_title(prs, workshop):
    first = prs.slides[0]
    assert first.shapes.title.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE
    assert title_of(first) == workshop.title


def test_no_empty_placeholders_are_left(prs):
    for number, slide in enumerate(prs.slides, start=1):
        for ph in slide.placeholders:
            assert ph.has_text_frame, f"slide {number}: {ph.name}"
            assert ph.text_frame.text.strip(), f"slide {number}: empty {ph.name}"


def test_every_slide_shows_its_number(prs):
    for number, slide in enumerate(prs.slides, start=1):
        numbers = [ph for ph in slide.placeholders
                   if ph.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER]
        if number == 1:  # the title slide shows none
            assert numbers == [], "the title slide"
            continue
        assert len(numbers) == 1, f"slide {number}"
        assert numbers[0]._element.xpath(".//a:fld[@type='slidenum']"), f"slide {number}"


def test_shape_ids_are_unique_on_each_slide(prs):
    for number, slide in enumerate(prs.slides, start=1):
        ids = slide.shapes._spTree.xpath(".//p:cNvPr/@id")
        assert len(ids) == len(set(ids)), f"slide {number}"


# ------------------------------------------------------------------ notes


def note_words(text: str) -> str:
    """Return notes as the words a presenter sees: markup and list dashes dropped."""
    lines = [re.sub(r"^\s*[-*•]\s+", "", line) for line in text.splitlines()]
    return words(plain_text("\n".join(lines)))


def test_every_content_slide_has_the_outlines_notes(pairs):
    checked = 0
    for slide, lay, content in pairs:
        if not isinstance(content, CONTENT_TYPES):
            continue
        assert content.notes, f"the default outline gives notes for “{lay.title}”"
        assert slide.has_notes_slide, lay.title
        shown = note_words(slide.notes_slide.notes_text_frame.text)
        expected = note_words(content.notes)
        if lay.continuation:
            assert expected in shown, lay.title
        else:
            assert shown == expected, lay.title
        checked += 1
    assert checked >= 20


def test_notes_list_items_are_bulleted_paragraphs(pairs):
    slide = slide_by_title(pairs, "Making partnership work")
    paragraphs = slide.notes_slide.notes_text_frame._txBody.findall("a:p", NS)
    items = [p for p in paragraphs if p.find("a:pPr/a:buChar", NS) is not None]
    assert [xml_text(p) for p in items] == [
        "Who in our team would own the relationship day to day?",
        "What would the partner need from us to succeed?",
        "How would we know, within three months, that it is working?",
    ]


def test_notes_render_inline_markup(pairs):
    slide = slide_by_title(pairs, "Welcome")
    body = slide.notes_slide.notes_text_frame._txBody
    assert "*we*" not in xml_text(body)
    italic = [r for r in body.iter(f"{{{NS['a']}}}r")
              if r.find("a:rPr", NS).get("i") == "1"]
    assert [xml_text(r) for r in italic] == ["we"]


# ------------------------------------------------------------------ pictures and tables


def pictures(slide):
    return slide.shapes._spTree.findall(".//p:pic", NS)


def test_picture_alt_text_is_the_outlines_alt(pairs):
    seen = 0
    for slide, _, content in pairs:
        if not isinstance(content, ImageSlide) or content.decorative:
            continue
        (pic,) = pictures(slide)
        c_nv_pr = pic.find("p:nvPicPr/p:cNvPr", NS)
        descr = c_nv_pr.get("descr")
        assert descr == plain_text(content.alt)
        assert not re.search(r"\.(png|jpe?g|gif)$", descr, re.I)
        assert Path(content.image).name not in descr
        seen += 1
    assert seen == 1


def test_decorative_picture_is_marked_and_has_no_description(pairs):
    seen = 0
    for slide, _, content in pairs:
        if not isinstance(content, ImageSlide) or not content.decorative:
            continue
        (pic,) = pictures(slide)
        c_nv_pr = pic.find("p:nvPicPr/p:cNvPr", NS)
        assert c_nv_pr.get("descr") is None
        marks = c_nv_pr.findall("a:extLst/a:ext/adec:decorative", NS)
        assert [m.get("val") for m in marks] == ["1"]
        assert marks[0].getparent().get("uri") == "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
        seen += 1
    assert seen == 1


def test_no_picture_is_described_by_its_file_name(prs):
    for slide in prs.slides:
        for pic in pictures(slide):
            descr = pic.find("p:nvPicPr/p:cNvPr", NS).get("descr") or ""
            assert not re.search(r"\.(png|jpe?g|gif)\b", descr, re.I), descr


def test_table_has_a_marked_header_row(pairs):
    seen = 0
    for slide, _, content in pairs:
        if not isinstance(content, TableSlide):
            continue
        (frame,) = [s for s in slide.shapes if s.has_table]
        tbl_pr = frame._element.find(".//a:tbl/a:tblPr", NS)
        assert tbl_pr.get("firstRow") == "1"
        table = frame.table
        header = [words(table.cell(0, c).text) for c in range(len(table.columns))]
        assert header == [plain_text(h) for h in content.table.header]
        assert len(table.rows) == 1 + len(content.table.rows)
        assert [words(table.cell(1, c).text) for c in range(len(table.columns))] == [
            plain_text(x) for x in content.table.rows[0]]
        seen += 1
    assert seen == 1


# ------------------------------------------------------------------ text


def body_paragraphs(slide):
    return [p for ph in slide.placeholders
            if ph.placeholder_format.type not in (*TITLE_TYPES, PP_PLACEHOLDER.SLIDE_NUMBER)
            for p in ph.text_frame.paragraphs]


def test_nested_bullets_are_at_level_1(pairs):
    slide = slide_by_title(pairs, "Time is of the essence")
    levels = {words(p.text): p.level for p in body_paragraphs(slide)}
    assert levels["Three places to look"] == 0
    for child in ("deploying code", "procurement", "hiring people"):
        assert levels[child] == 1
    assert levels["Find out what slows the system down"] == 0


def test_bold_and_italic_runs(pairs):
    why = slide_by_title(pairs, "Why we are here")
    styled = {(r.text, bool(r.font.bold), bool(r.font.italic))
              for p in body_paragraphs(why) for r in p.runs}
    assert ("personal", True, False) in styled
    assert not any("**" in r.text for p in body_paragraphs(why) for r in p.runs)
    open_ = slide_by_title(pairs, "Open and experimental by default")
    styled = {(r.text, bool(r.font.bold), bool(r.font.italic))
              for p in body_paragraphs(open_) for r in p.runs}
    assert ("Experiments", False, True) in styled


def test_https_address_is_a_hyperlink(pairs):
    slide = slide_by_title(pairs, "Drawing on the wider market")
    linked = [r for p in body_paragraphs(slide) for r in p.runs if r.hyperlink.address]
    assert [(r.text, r.hyperlink.address) for r in linked] == [
        ("https://www.gov.uk/service-manual", "https://www.gov.uk/service-manual")]
    r_id = linked[0]._r.find("a:rPr/a:hlinkClick", NS).get(f"{{{NS['r']}}}id")
    rel = slide.part.rels[r_id]
    assert rel.reltype == RT.HYPERLINK
    assert rel.is_external
    assert rel.target_ref == "https://www.gov.uk/service-manual"


def test_every_run_carries_the_outline_language(prs, workshop):
    runs = 0
    for number, slide in enumerate(prs.slides, start=1):
        parts = [slide._element]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide._element)
        for part in parts:
            for run in part.iter(f"{{{NS['a']}}}r"):
                props = run.find("a:rPr", NS)
                assert props is not None and props.get("lang") == workshop.language, (
                    f"slide {number}: {xml_text(run)!r}")
                runs += 1
    assert runs > 200


def test_section_dividers_number_the_sections_only(pairs):
    parts = []
    for slide, lay, content in pairs:
        if lay.role == "section":
            assert isinstance(content, SectionKind)
            (detail,) = [p for p in body_paragraphs(slide)]
            parts.append(detail.text.split(" · ")[0])
    assert parts == [f"Part {n} of {len(parts)}" for n in range(1, len(parts) + 1)]


# ------------------------------------------------------------------ sections


def test_powerpoint_sections_follow_the_outline(prs, workshop):
    root = prs.part._element
    (section_list,) = root.findall("p:extLst/p:ext/p14:sectionLst", NS)
    sections = section_list.findall("p14:section", NS)
    names = [s.get("name") for s in sections]
    outline_sections = [plain_text(p.title) for p in workshop.sections if isinstance(p, Section)]
    assert [n for n in names if n in outline_sections] == outline_sections
    listed = [i.get("id") for s in sections for i in s.findall("p14:sldIdLst/p14:sldId", NS)]
    assert listed == [s.get("id") for s in root.findall("p:sldIdLst/p:sldId", NS)]
    assert len({s.get("id") for s in sections}) == len(sections)


def test_each_outline_section_holds_its_own_slides(prs, pairs):
    root = prs.part._element
    slide_ids = [s.get("id") for s in root.findall("p:sldIdLst/p:sldId", NS)]
    section_of = {i.get("id"): s.get("name")
                  for s in root.findall("p:extLst/p:ext/p14:sectionLst/p14:section", NS)
                  for i in s.findall("p14:sldIdLst/p14:sldId", NS)}
    for slide_id, (_, lay, _) in zip(slide_ids, pairs, strict=True):
        if lay.section is not None:
            assert section_of[slide_id] == plain_text(lay.section), lay.title


# ------------------------------------------------------------------ properties


def test_core_properties(prs, workshop):
    props = prs.core_properties
    assert props.title == "Change at pace" == workshop.title
    assert props.author == "Alex Example, Sam Example"
    assert props.author == ", ".join(workshop.facilitators)
    assert props.language == "en-GB"
    assert props.created == dt.datetime(2026, 12, 3) == dt.datetime.combine(
        workshop.date, dt.time())
    assert props.modified == props.created


def test_doc_props_name_no_library_and_no_template_dates(default_deck):
    with zipfile.ZipFile(default_deck.path) as package:
        for name in package.namelist():
            if not name.startswith("docProps/"):
                continue
            text = package.read(name).decode("utf-8")
            assert "python-pptx" not in text.lower(), name
            assert not re.search(r"\b2013-\d\d-\d\d", text), name


def test_app_properties_count_the_slides(default_deck, laid):
    with zipfile.ZipFile(default_deck.path) as package:
        app = etree.fromstring(package.read("docProps/app.xml"))
    ns = {"ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}
    assert app.findtext("ep:Slides", namespaces=ns) == str(len(laid))


def test_zip_entries_are_dated_from_the_workshop(default_deck):
    with zipfile.ZipFile(default_deck.path) as package:
        stamps = {info.date_time for info in package.infolist()}
    assert stamps == {(2026, 12, 3, 0, 0, 0)}


# ------------------------------------------------------------------ repeatability


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_building_twice_gives_identical_bytes(default_deck, repo_root, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    again = build(repo_root / "outline.yaml",
                  BuildOptions(outputs=("deck",), output_dir=tmp_path))
    (path,) = again.written
    assert path != default_deck.path
    assert sha256(path) == sha256(default_deck.path)


def test_every_table_cell_has_its_own_fill(prs):
    """The table style is named only by its id, which programs draw differently: each
    cell's fill (and its text colour) is written in the cell itself."""
    from pptx.oxml.ns import qn

    cells = [cell for slide in prs.slides for shape in slide.shapes if shape.has_table
             for row in shape.table.rows for cell in row.cells]
    assert cells
    for cell in cells:
        tc_pr = cell._tc.tcPr
        assert tc_pr is not None and tc_pr.find(qn("a:solidFill")) is not None
        for props in cell._tc.txBody.iter(qn("a:rPr")):
            assert props.find(qn("a:solidFill")) is not None
