"""Accessibility by construction: the written decks obey PowerPoint's Accessibility
Checker rules and open-xml validation, and each check finds what it should, where."""

from __future__ import annotations

import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from generator.build import Prepared, build, prepare
from generator.checks import CHECKS
from generator.checks.accessibility import language_problem, vague_link_context
from generator.diagnostics import Diagnostic, MakeDeckError, Severity
from generator.layout.frames import PictureFrame
from generator.options import BuildOptions
from tests.ooxml import NS

DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
VAGUE_LINK_TEXT = {"click here", "here", "link", "more", "read more", "click"}


# -- the decks under test ----------------------------------------------------------


@dataclass(frozen=True)
class Deck:
    """A built deck and the layout it was written from."""

    name: str
    path: Path
    prepared: Prepared


def _build(outline: Path, out: Path) -> Deck:
    options = BuildOptions(outputs=("deck",), output_dir=out)
    result = build(outline, options)
    (path,) = result.written
    return Deck(outline.stem, path, prepare(outline, options))


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> dict[str, Deck]:
    """Build the default outline, the accessible fixture and the crowded fixture."""
    folder = tmp_path_factory.mktemp("a11y-decks")
    shutil.copytree(repo_root / "images", folder / "images")
    built = {}
    for source in (repo_root / "outline.yaml", FIXTURES / "accessible.yaml",
                   FIXTURES / "crowded.yaml"):
        outline = folder / source.name
        shutil.copy(source, outline)
        built[source.stem] = _build(outline, folder / f"out-{source.stem}")
    return built


DECK_NAMES = ["outline", "accessible", "crowded"]


# -- reading the deck as PowerPoint's Accessibility Checker does --------------------


def _slides(path: Path) -> list[tuple[str, etree._Element, dict[str, etree._Element]]]:
    """Return (part name, slide XML, relationships by id) for each slide in show order."""
    with zipfile.ZipFile(path) as archive:
        presentation = etree.fromstring(archive.read("ppt/presentation.xml"))
        rels = etree.fromstring(archive.read("ppt/_rels/presentation.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        slides = []
        for slide_id in presentation.iterfind("p:sldIdLst/p:sldId", NS):
            name = "ppt/" + targets[slide_id.get(f"{{{NS['r']}}}id")]
            folder, base = name.rsplit("/", 1)
            slide_rels = etree.fromstring(archive.read(f"{folder}/_rels/{base}.rels"))
            slides.append((name, etree.fromstring(archive.read(name)),
                           {r.get("Id"): r for r in slide_rels}))
        return slides


def _text(element: etree._Element) -> str:
    return "".join(element.xpath(".//a:t/text()", namespaces=NS))


def _shapes(slide: etree._Element) -> list[etree._Element]:
    tree = slide.find("p:cSld/p:spTree", NS)
    return [child for child in tree if etree.QName(child).localname not in
            ("nvGrpSpPr", "grpSpPr", "extLst")]


def _title_shape(shape: etree._Element) -> bool:
    return bool(shape.xpath("./p:nvSpPr/p:nvPr/p:ph[@type='title' or @type='ctrTitle']",
                            namespaces=NS))


def _decorative(c_nv_pr: etree._Element) -> bool:
    return bool(c_nv_pr.xpath(f"./a:extLst/a:ext[@uri='{DECORATIVE_URI}']"
                              "/adec:decorative[@val='1']", namespaces=NS))


def checker_findings(path: Path) -> list[str]:
    """Return what the Accessibility Checker's rules find in the deck at ``path``.

    Missing or duplicate slide titles, the title not first in reading order,
    pictures without alt text (unless marked decorative), tables without alt text
    or a header row, empty header cells, links with unclear text or a broken
    target, and text without a language.
    """
    found: list[str] = []
    titles: dict[str, int] = {}
    for number, (name, slide, rels) in enumerate(_slides(path), start=1):
        where = f"slide {number} ({name})"
        shapes = _shapes(slide)
        title_shapes = [s for s in shapes if _title_shape(s)]
        if len(title_shapes) != 1:
            found.append(f"{where}: {len(title_shapes)} title placeholders")
            continue
        title = " ".join(_text(title_shapes[0]).split())
        if not title:
            found.append(f"{where}: empty title")
        elif title in titles:
            found.append(f"{where}: title “{title}” repeats slide {titles[title]}")
        titles.setdefault(title, number)
        if shapes[0] is not title_shapes[0]:
            found.append(f"{where}: the title is not first in reading order")
        for picture in slide.iterfind(".//p:pic", NS):
            c_nv_pr = picture.find("p:nvPicPr/p:cNvPr", NS)
            alt = (c_nv_pr.get("descr") or "").strip()
            if _decorative(c_nv_pr):
                if alt:
                    found.append(f"{where}: a decorative picture has alt text")
            elif not alt:
                found.append(f"{where}: a picture has no alt text")
        for frame in slide.iterfind(".//p:graphicFrame", NS):
            table = frame.find(".//a:tbl", NS)
            if table is None:
                continue
            if not (frame.find("p:nvGraphicFramePr/p:cNvPr", NS).get("descr") or "").strip():
                found.append(f"{where}: a table has no alt text")
            if table.find("a:tblPr", NS).get("firstRow") != "1":
                found.append(f"{where}: a table has no header row")
            else:
                header = table.find("a:tr", NS)
                if any(not _text(cell).strip() for cell in header.iterfind("a:tc", NS)):
                    found.append(f"{where}: a table has an empty header cell")
        for run in slide.iterfind(".//a:r", NS):
            link = run.find("a:rPr/a:hlinkClick", NS)
            if link is None:
                continue
            text = " ".join(_text(run).split()).casefold()
            if not text or text in VAGUE_LINK_TEXT:
                found.append(f"{where}: link text “{text}” is unclear")
            target = rels.get(link.get(f"{{{NS['r']}}}id"))
            if target is None or target.get("TargetMode") != "External":
                found.append(f"{where}: a link has no external target")
    return found


def runs_without_language(path: Path) -> list[str]:
    """Return the parts and tags of text runs (slides and notes) that have no ``lang``."""
    missing = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not re.fullmatch(r"ppt/(slides|notesSlides)/[^/]+\.xml", name):
                continue
            root = etree.fromstring(archive.read(name))
            for tag in ("a:rPr", "a:endParaRPr"):
                missing += [f"{name}: {tag}" for e in root.iterfind(f".//{tag}", NS)
                            if not e.get("lang")]
    return missing


# -- (a) the Accessibility Checker's rules on the written XML ----------------------


@pytest.mark.parametrize("name", DECK_NAMES)
def test_deck_passes_the_accessibility_checker_rules(decks: dict[str, Deck], name: str) -> None:
    assert checker_findings(decks[name].path) == []


@pytest.mark.parametrize("name", DECK_NAMES)
def test_every_run_has_a_language(decks: dict[str, Deck], name: str) -> None:
    deck = decks[name]
    assert runs_without_language(deck.path) == []
    language = deck.prepared.source.workshop.language
    with zipfile.ZipFile(deck.path) as archive:
        slide = etree.fromstring(archive.read("ppt/slides/slide1.xml"))
    assert {e.get("lang") for e in slide.iterfind(".//a:rPr", NS)} == {language}


@pytest.mark.parametrize("name", ["outline", "accessible"])
def test_decorative_pictures_carry_the_decorative_extension(decks: dict[str, Deck],
                                                            name: str) -> None:
    deck = decks[name]
    laid = [f for s in deck.prepared.deck.slides for f in s.frames
            if isinstance(f, PictureFrame)]
    pictures = [p.find("p:nvPicPr/p:cNvPr", NS) for _, slide, _ in _slides(deck.path)
                for p in slide.iterfind(".//p:pic", NS)]
    assert len(pictures) == len(laid)
    assert [_decorative(p) for p in pictures] == [f.decorative for f in laid]
    assert any(f.decorative for f in laid) and any(not f.decorative for f in laid)
    described = [p.get("descr") for p in pictures if not _decorative(p)]
    assert described == [f.alt for f in laid if not f.decorative]


def test_the_fixture_has_what_the_rules_are_about(decks: dict[str, Deck]) -> None:
    slides = _slides(decks["accessible"].path)
    xml = b"".join(etree.tostring(s) for _, s, _ in slides)
    assert xml.count(b"<p:pic") >= 2
    assert b"<a:tbl>" in xml and b'firstRow="1"' in xml
    assert xml.count(b"hlinkClick") >= 3
    roles = {s.role for s in decks["accessible"].prepared.deck.slides}
    assert {"quote", "image", "table", "columns", "activity", "break"} <= roles


def test_the_checker_rules_find_problems_in_a_broken_deck(decks: dict[str, Deck],
                                                          tmp_path: Path) -> None:
    """The rules above are not vacuous: break a copy of the deck and they complain."""
    source = decks["accessible"].path
    broken = tmp_path / "broken.pptx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("ppt/slides/slide"):
                data = re.sub(rb' descr="[^"]*"', b"", data)
                data = data.replace(b'firstRow="1"', b'firstRow="0"')
                data = data.replace(b'lang="en-GB"', b"")
            zout.writestr(info, data)
    found = checker_findings(broken)
    assert any("a picture has no alt text" in f for f in found)
    assert any("a table has no alt text" in f for f in found)
    assert any("no header row" in f for f in found)
    assert runs_without_language(broken)


# -- (b) open-xml validation -------------------------------------------------------


@pytest.mark.parametrize("name", DECK_NAMES)
def test_openxml_audit_finds_no_errors(decks: dict[str, Deck], name: str) -> None:
    audit = pytest.importorskip("openxml_audit")
    result = audit.OpenXmlValidator(max_errors=0).validate(decks[name].path)
    assert [str(e) for e in result.errors] == []
    assert result.is_valid


def test_openxml_audit_finds_an_undeclared_attribute(decks: dict[str, Deck],
                                                     tmp_path: Path) -> None:
    audit = pytest.importorskip("openxml_audit")
    broken = tmp_path / "broken.pptx"
    with zipfile.ZipFile(decks["outline"].path) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "ppt/slides/slide2.xml":
                data = data.replace(b'lang="en-GB"', b'lang="en-GB" bogus="1"', 1)
            zout.writestr(info, data)
    assert not audit.OpenXmlValidator().validate(broken).is_valid


# -- the checks on clean outlines ----------------------------------------------------


@pytest.mark.parametrize("name", ["outline", "accessible"])
def test_clean_outlines_have_no_findings(decks: dict[str, Deck], name: str) -> None:
    assert [d.code for d in decks[name].prepared.diagnostics] == []


def test_every_check_is_documented(repo_root: Path) -> None:
    docs = (repo_root / "docs" / "checks.md").read_text("utf-8")
    for code in CHECKS:
        assert f"`{code}`" in docs, code


# -- (c) each check on an outline that fails it --------------------------------------


HEAD = """\
title: Checks
language: en-GB
sections:
  - title: Part one
    minutes: 30
    slides:
"""
"""Six lines: slides start on line 7, with `- ` at column 7 and keys at column 9."""


def findings(path: Path, options: BuildOptions | None = None) -> list[Diagnostic]:
    """Return every diagnostic `prepare` finds in the outline at ``path``."""
    try:
        return list(prepare(path, options or BuildOptions()).diagnostics)
    except MakeDeckError as exc:
        return list(exc.diagnostics)


def where(diagnostics: list[Diagnostic], code: str) -> list[tuple[int, int, str]]:
    """Return (line, column, severity) of each diagnostic with ``code``."""
    found = [d for d in diagnostics if d.code == code]
    assert all(d.position is not None for d in found)
    return [(d.position.line, d.position.column, d.severity.value)  # type: ignore[union-attr]
            for d in found]


def test_title_missing(tmp_outline) -> None:
    path = tmp_outline(HEAD + '      - title: " "\n        bullets: [One point]\n')
    (d,) = [d for d in findings(path) if d.code == "A11Y-TITLE-MISSING"]
    assert (d.position.line, d.position.column, d.severity) == (7, 16, Severity.ERROR)
    assert d.slide == 4


def test_title_missing_when_the_made_up_title_is_blank(tmp_outline) -> None:
    path = tmp_outline(HEAD + '      - bullets: [" ", Second point]\n')
    assert where(findings(path), "A11Y-TITLE-MISSING") == [(7, 9, "error")]


def test_title_duplicate(tmp_outline) -> None:
    path = tmp_outline(HEAD + "      - title: Same\n        bullets: [One]\n"
                       "      - title: same \n        bullets: [Two]\n")
    (d,) = [d for d in findings(path) if d.code == "A11Y-TITLE-DUPLICATE"]
    assert (d.position.line, d.position.column, d.severity) == (9, 16, Severity.WARNING)
    assert d.slide == 5
    assert [(r.line, r.column) for r in d.related] == [(7, 16)]
    assert "slide 4" in d.message


def test_title_duplicate_of_a_section_title(tmp_outline) -> None:
    path = tmp_outline(HEAD + "      - title: Part one\n        bullets: [One]\n")
    assert where(findings(path), "A11Y-TITLE-DUPLICATE") == [(7, 16, "warning")]


IMAGE = HEAD + """\
      - title: Patching
        image: images/patch-cadence.png
        alt: {alt}
"""


def test_alt_missing_when_generic(tmp_outline) -> None:
    path = tmp_outline(IMAGE.format(alt="Image"))
    assert where(findings(path), "A11Y-ALT-MISSING") == [(9, 14, "error")]


def test_alt_missing_when_blank(tmp_outline) -> None:
    path = tmp_outline(IMAGE.format(alt='"  "'))
    assert where(findings(path), "A11Y-ALT-MISSING") == [(9, 14, "error")]


@pytest.mark.parametrize("alt", ["patch-cadence.png", "images/patch-cadence.png",
                                 "patch-cadence", "IMG_2041", "chart.JPG"])
def test_alt_filename(tmp_outline, alt: str) -> None:
    path = tmp_outline(IMAGE.format(alt=alt))
    assert where(findings(path), "A11Y-ALT-FILENAME") == [(9, 14, "error")]


def test_alt_long(tmp_outline) -> None:
    path = tmp_outline(IMAGE.format(alt="A bar chart of patch delays. " * 9))
    found = findings(path)
    assert where(found, "A11Y-ALT-LONG") == [(9, 14, "warning")]
    assert "260 characters" in next(d.message for d in found if d.code == "A11Y-ALT-LONG")


def test_decorative_pictures_need_no_alt(tmp_outline) -> None:
    path = tmp_outline(HEAD + "      - title: Room\n        image: images/workshop-room.png\n"
                       "        decorative: true\n")
    assert [d.code for d in findings(path)] == []


def test_table_without_header(tmp_outline) -> None:
    path = tmp_outline(HEAD + "      - title: Waits\n        table:\n"
                       "          rows:\n            - [Code, Weeks]\n")
    assert where(findings(path), "A11Y-TABLE-HEADER") == [(8, 9, "warning")]


def test_table_header_empty(tmp_outline) -> None:
    path = tmp_outline(HEAD + "      - title: Waits\n        table:\n"
                       '          header: [Process, " "]\n'
                       "          rows:\n            - [Code, Weeks]\n")
    found = findings(path)
    assert where(found, "A11Y-TABLE-HEADER-EMPTY") == [(9, 29, "error")]
    assert "cell 2" in next(d.message for d in found if d.code == "A11Y-TABLE-HEADER-EMPTY")


@pytest.mark.parametrize("bullet", ['"Click here: https://www.gov.uk"',
                                    '"More: https://www.gov.uk"',
                                    "Find out more at https://www.gov.uk",
                                    "https://www.gov.uk link"])
def test_link_text(tmp_outline, bullet: str) -> None:
    path = tmp_outline(HEAD + f"      - title: Links\n        bullets:\n          - {bullet}\n")
    ((line, column, severity),) = where(findings(path), "A11Y-LINK-TEXT")
    assert (line, severity) == (9, "warning")
    assert column >= 13  # within the bullet, at the vague words


def test_link_text_position_is_the_vague_words(tmp_outline) -> None:
    path = tmp_outline(HEAD + "      - title: Links\n        bullets:\n"
                       '          - "Click here: https://www.gov.uk"\n')
    assert where(findings(path), "A11Y-LINK-TEXT") == [(9, 14, "warning")]


def test_link_text_in_notes_and_handout(tmp_outline) -> None:
    path = tmp_outline(HEAD + "      - title: Links\n        bullets: [One]\n"
                       "        notes: |\n          Intro line.\n"
                       "          Click here https://www.gov.uk\n")
    assert where(findings(path), "A11Y-LINK-TEXT") == [(11, 11, "warning")]


def test_link_long(tmp_outline) -> None:
    url = "https://www.gov.uk/guidance/" + "a-very-long-path/" * 3 + "x"
    path = tmp_outline(HEAD + f"      - title: Links\n        bullets:\n"
                       f"          - The guidance: {url}\n")
    assert where(findings(path), "A11Y-LINK-LONG") == [(9, 27, "warning")]


def test_link_long_is_fine_off_the_slides(tmp_outline) -> None:
    url = "https://www.gov.uk/guidance/" + "a-very-long-path/" * 3 + "x"
    path = tmp_outline(HEAD + f"      - title: Links\n        bullets: [One]\n"
                       f"        handout: The guidance is at {url}\n")
    assert where(findings(path), "A11Y-LINK-LONG") == []


@pytest.mark.parametrize(("tag", "expected"), [
    ("en-GB", None), ("cy-GB", None), ("gd", None), ("en", None), ("es-419", None),
    ("sr-Latn-RS", None), ("sco", None),
    ("en-UK", "`UK` in `en-UK` is not a region code"),
    ("xx-GB", "`xx` in `xx-GB` is not a language code"),
    ("eng-GB", "`eng` in `eng-GB` should be written `en`"),
])
def test_language_problem(tag: str, expected: str | None) -> None:
    problem = language_problem(tag)
    assert (problem[0] if problem else None) == expected


def test_language(tmp_outline) -> None:
    path = tmp_outline(HEAD.replace("en-GB", "en-UK") + "      - title: One\n"
                       "        bullets: [One]\n")
    found = findings(path)
    assert where(found, "A11Y-LANGUAGE") == [(2, 11, "warning")]
    assert "en-GB" in next(d.hint for d in found if d.code == "A11Y-LANGUAGE")


@pytest.mark.parametrize(("text", "expected"), [
    ("Click here: https://www.gov.uk", "Click here"),
    ("here https://www.gov.uk", "here"),
    ("Read more at https://www.gov.uk.", "Read more at"),
    ("Link: https://www.gov.uk", "Link"),
    ("The Service Manual: https://www.gov.uk/service-manual", None),
    ("More on patching: https://www.ncsc.gov.uk", None),
    ("https://www.gov.uk", None),
    ("See https://www.gov.uk", None),
    ("Click here to book a room", None),
])
def test_vague_link_context(text: str, expected: str | None) -> None:
    assert vague_link_context(text) == expected


def test_text_small(tmp_outline) -> None:
    tmp_outline("extends: default\nsizes:\n  small: 12\n  floor: 12\n", name="tiny.yaml")
    path = tmp_outline(HEAD.replace("language: en-GB", "theme: tiny.yaml") +
                       "      - quote: Small words\n        by: Someone\n")
    found = findings(path)
    assert (8, 9, "warning") in where(found, "A11Y-TEXT-SMALL")  # the `by:` line
    assert not [d for d in found if d.code == "W-FIT-SMALL"]


def test_density_bullets(tmp_outline) -> None:
    bullets = "".join(f"          - Point {i}\n" for i in range(9))
    path = tmp_outline(HEAD + "      - title: Many\n        bullets:\n" + bullets)
    found = findings(path)
    assert where(found, "DENSITY-BULLETS") == [(8, 9, "warning")]
    assert "9 bullets" in next(d.message for d in found if d.code == "DENSITY-BULLETS")


def test_density_bullets_counts_nested_bullets(tmp_outline) -> None:
    nested = "".join(f"              - Sub {i}\n" for i in range(7))
    path = tmp_outline(HEAD + "      - title: Nested\n        bullets:\n"
                       "          - One\n          - Parent:\n" + nested)
    assert where(findings(path), "DENSITY-BULLETS") == [(8, 9, "warning")]


def test_density_bullets_counts_each_column(tmp_outline) -> None:
    column = "[One, Two, Three, Four, Five]"
    path = tmp_outline(HEAD + "      - title: Columns\n        columns:\n"
                       f"          - bullets: {column}\n          - bullets: {column}\n")
    assert where(findings(path), "DENSITY-BULLETS") == []


def test_density_words(tmp_outline) -> None:
    words = " ".join(["word"] * 81)
    path = tmp_outline(HEAD + f"      - statement: {words}\n")
    found = findings(path)
    assert where(found, "DENSITY-WORDS") == [(7, 9, "warning")]


def test_fit_continued(tmp_outline) -> None:
    bullets = "".join(
        f"          - Point {i} is a long bullet that wraps across most of a wide line\n"
        for i in range(20))
    path = tmp_outline(HEAD + "      - title: Long list\n        bullets:\n" + bullets)
    found = findings(path)
    assert where(found, "FIT-CONTINUED") == [(8, 9, "warning")]
    (d,) = [d for d in found if d.code == "FIT-CONTINUED"]
    assert d.slide == 4


def test_strict_raises_check_warnings_to_errors(tmp_outline) -> None:
    path = tmp_outline(HEAD.replace("en-GB", "en-UK") + "      - title: One\n"
                       "        bullets: [One]\n")
    with pytest.raises(MakeDeckError) as caught:
        prepare(path, BuildOptions(strict=True))
    assert [(d.code, d.severity) for d in caught.value.diagnostics] == [
        ("A11Y-LANGUAGE", Severity.ERROR)]


def test_check_errors_stop_the_build(tmp_outline, tmp_path: Path) -> None:
    path = tmp_outline(IMAGE.format(alt="patch-cadence.png"))
    with pytest.raises(MakeDeckError) as caught:
        build(path, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    assert [d.code for d in caught.value.diagnostics] == ["A11Y-ALT-FILENAME"]
    assert not (tmp_path / "out").exists()
    assert caught.value.deck.slides  # type: ignore[attr-defined]


def test_every_code_found_is_listed(tmp_outline) -> None:
    path = tmp_outline(FIXTURES.joinpath("crowded.yaml").read_text("utf-8"))
    codes = {d.code for d in findings(path)}
    assert codes and {c for c in codes if c.startswith(("A11Y", "DENSITY", "FIT-"))} <= set(
        CHECKS)
    for code, (severity, rule) in CHECKS.items():
        assert isinstance(severity, Severity) and rule, code
