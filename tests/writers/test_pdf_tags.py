"""Both PDFs are tagged PDF/UA-1: built from the default outline in every handout
layout, on A4 and letter, with sketched and with real slide thumbnails, then read
back with poppler, qpdf, pdfplumber, pikepdf and the `pdfua` checker."""

from __future__ import annotations

import importlib.util
import io
import itertools
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from fontTools.ttLib import TTFont
from pikepdf import Dictionary, Name

from generator.stamps import build_moment
from generator.writers.guide.pages import write_guide
from generator.writers.handout.pages import write_handout
from generator.writers.pdf.slide_alt import slide_alt

from . import REPO_ROOT, load_plan, outline_titles, render

LAYOUTS = (0, 1, 2, 3, 4, 6)
NAMES = (*(f"handout-{n}" for n in LAYOUTS), "handout-letter", "guide", "guide-letter",
         "handout-real", "guide-real")
PAINT = frozenset({"Tj", "TJ", "'", '"', "Do", "S", "s", "f", "F", "f*", "B", "B*", "b",
                   "b*", "sh", "INLINE IMAGE"})
"""Operators that put something on the page: each must be tagged or an artifact."""


@pytest.fixture(scope="module")
def pdfs(default_deck: object) -> Iterator[dict[str, bytes]]:
    """Return every variant, built once: the handout in each layout and on letter paper,
    the guide on A4 and letter, and both with the real slide thumbnails."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("SOURCE_DATE_EPOCH", raising=False)
        built = {f"handout-{n}": render(write_handout, load_plan(slides_per_page=n))
                 for n in LAYOUTS}
        built["handout-letter"] = render(write_handout, load_plan(paper="letter"))
        built["guide"] = render(write_guide, load_plan())
        built["guide-letter"] = render(write_guide, load_plan(paper="letter"))
        prepared = default_deck.prepared  # type: ignore[attr-defined]
        pack = prepared.pack(build_moment(prepared.plan.workshop.date))
        built["handout-real"] = render(write_handout, pack)
        built["guide-real"] = render(write_guide, pack)
    yield built


def _tool(name: str) -> str:
    """Return a command's path; skip without it, except in CI (which installs it)."""
    from system_tools import need_program

    return need_program(name)


def _run(command: list[str], data: bytes, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``command`` with the PDF ``data`` written to a file as its last argument."""
    path = tmp_path / "file.pdf"
    path.write_bytes(data)
    return subprocess.run([*command, str(path)], capture_output=True, text=True, check=False,
                          timeout=120)


# --------------------------------------------------------------------------- reading back


def _kids(element: pikepdf.Object) -> list[pikepdf.Object]:
    """Return an element's /K entries as a list."""
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _is_element(kid: pikepdf.Object) -> bool:
    return isinstance(kid, Dictionary) and kid.get("/Type") not in (Name.MCR, Name.OBJR)


def _elements(pdf: pikepdf.Pdf) -> list[pikepdf.Object]:
    """Return every structure element in reading order (depth first)."""
    out: list[pikepdf.Object] = []

    def walk(element: pikepdf.Object) -> None:
        out.append(element)
        for kid in _kids(element):
            if _is_element(kid):
                assert kid.P.objgen == element.objgen, "each element's /P is its parent"
                walk(kid)

    for top in _kids(pdf.Root.StructTreeRoot):
        walk(top)
    return out


def _role(element: pikepdf.Object) -> str:
    return str(element.S)[1:]


def _content_refs(element: pikepdf.Object) -> set[tuple[tuple[int, int], int]]:
    """Return the (page object id, MCID) pairs an element owns directly."""
    refs = set()
    for kid in _kids(element):
        if isinstance(kid, int):
            refs.add((element.Pg.objgen, int(kid)))
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
            refs.add((kid.Pg.objgen, int(kid.MCID)))
    return refs


def _number_tree(node: pikepdf.Object) -> dict[int, pikepdf.Object]:
    """Return a number tree's entries."""
    out: dict[int, pikepdf.Object] = {}
    nums = list(node.get("/Nums", []))
    out.update({int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)})
    for kid in node.get("/Kids", []):
        out.update(_number_tree(kid))
    return out


def marking_problems(pdf: pikepdf.Pdf) -> tuple[list[str], dict[int, list[int]]]:
    """Return what is neither tagged nor an artifact (or is wrongly nested), and the
    MCIDs found on each page."""
    problems: list[str] = []
    found: dict[int, list[int]] = {}
    for number, page in enumerate(pdf.pages):
        stack: list[str] = []
        mcids = found.setdefault(number, [])
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                props = operands[1] if op == "BDC" else None
                kind = "artifact" if operands[0] == Name.Artifact else (
                    "tagged" if isinstance(props, Dictionary) and "/MCID" in props else "other")
                if kind != "other" and {"artifact", "tagged"} & set(stack):
                    problems.append(f"page {number + 1}: {kind} content nested in {stack}")
                if kind == "tagged":
                    mcids.append(int(props.MCID))
                stack.append(kind)
            elif op == "EMC":
                if not stack:
                    problems.append(f"page {number + 1}: EMC without BDC")
                else:
                    stack.pop()
            elif op in PAINT and not {"artifact", "tagged"} & set(stack):
                problems.append(f"page {number + 1}: {op} {list(operands)[:1]} is not marked")
        if stack:
            problems.append(f"page {number + 1}: unclosed marked content {stack}")
    return problems, found


def structure_problems(pdf: pikepdf.Pdf) -> list[str]:
    """Return where the parent tree, the elements and the page content disagree."""
    problems, found = marking_problems(pdf)
    tree = pdf.Root.StructTreeRoot
    parents = _number_tree(tree.ParentTree)
    owned: dict[tuple[tuple[int, int], int], int] = {}
    for element in _elements(pdf):
        for ref in _content_refs(element):
            if ref in owned:
                problems.append(f"MCID {ref} owned twice")
            owned[ref] = element.objgen  # type: ignore[assignment]
    for number, page in enumerate(pdf.pages):
        mcids = found[number]
        if sorted(mcids) != list(range(len(mcids))):
            problems.append(f"page {number + 1}: MCIDs {mcids} are not 0..n-1")
        if not mcids:
            continue
        owners = parents.get(int(page.get("/StructParents", -1)))
        if owners is None or len(owners) != len(mcids):
            problems.append(f"page {number + 1}: parent tree has no array for its MCIDs")
            continue
        for mcid, element in enumerate(owners):
            if owned.get((page.objgen, mcid)) != element.objgen:
                problems.append(f"page {number + 1}: MCID {mcid} is not its parent's content")
    if len(owned) != sum(len(m) for m in found.values()):
        problems.append("elements refer to content that is not on the pages")
    for number, page in enumerate(pdf.pages):
        for annotation in page.get("/Annots", []):
            if annotation.get("/Subtype") != Name.Link:
                continue
            link = parents.get(int(annotation.get("/StructParent", -1)))
            objr = [k for k in _kids(link) if isinstance(k, Dictionary)
                    and k.get("/Type") == Name.OBJR] if link is not None else []
            if link is None or _role(link) != "Link" or \
                    [k.Obj.objgen for k in objr] != [annotation.objgen]:
                problems.append(f"page {number + 1}: a link annotation has no Link element")
            if not str(annotation.get("/Contents", "")).strip():
                problems.append(f"page {number + 1}: a link annotation has no /Contents")
    if parents and int(tree.ParentTreeNextKey) <= max(parents):
        problems.append("ParentTreeNextKey is not past every key")
    return problems


def _open(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(data))


# --------------------------------------------------------------------------- the tools


@pytest.mark.parametrize("name", NAMES)
def test_poppler_sees_a_tagged_file_with_embedded_fonts(pdfs: dict[str, bytes], name: str,
                                                        tmp_path: Path) -> None:
    info = _run([_tool("pdfinfo")], pdfs[name], tmp_path)
    assert info.returncode == 0, info.stderr
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.M), info.stdout
    fonts = _run([_tool("pdffonts")], pdfs[name], tmp_path)
    rows = fonts.stdout.splitlines()[2:]
    assert fonts.returncode == 0 and rows, fonts.stdout
    for row in rows:  # name, type, encoding, then emb sub uni object ID
        assert "Helvetica" not in row
        assert row.split()[-5] == "yes", f"not embedded: {row}"


@pytest.mark.parametrize("name", NAMES)
def test_qpdf_check_is_clean(pdfs: dict[str, bytes], name: str, tmp_path: Path) -> None:
    result = _run([_tool("qpdf"), "--check"], pdfs[name], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


@pytest.mark.parametrize("name", NAMES)
def test_pdfua_checker_passes(pdfs: dict[str, bytes], name: str, tmp_path: Path) -> None:
    pytest.importorskip("pdfua")
    result = _run([sys.executable, "-m", "pdfua", "check"], pdfs[name], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------- the structure


@pytest.mark.parametrize("name", NAMES)
def test_all_content_is_tagged_or_an_artifact(pdfs: dict[str, bytes], name: str) -> None:
    with _open(pdfs[name]) as pdf:
        assert structure_problems(pdf) == []


@pytest.mark.parametrize("name", ["handout-3", "guide-real"])
def test_every_character_is_tagged_or_an_artifact(pdfs: dict[str, bytes], name: str) -> None:
    """The same, seen by another reader: pdfplumber gives each character its tag."""
    with pdfplumber.open(io.BytesIO(pdfs[name])) as pdf:
        for page in pdf.pages:
            untagged = "".join(c["text"] for c in page.chars if not c.get("tag"))
            assert untagged == "", f"page {page.page_number}: {untagged[:80]}"


@pytest.mark.parametrize("name", NAMES)
def test_structure_tree_roles(pdfs: dict[str, bytes], name: str) -> None:
    with _open(pdfs[name]) as pdf:
        elements = _elements(pdf)
        roles = {_role(e) for e in elements}
        assert _role(elements[0]) == "Document" and len(_kids(pdf.Root.StructTreeRoot)) == 1
        assert {"H1", "H2", "P", "Table", "TR", "TH", "TD", "L", "LI", "Lbl", "LBody"} <= roles
        if name != "handout-0":
            assert "Figure" in roles
        assert roles <= {"Document", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody",
                         "Table", "TR", "TH", "TD", "Figure", "Link"}


@pytest.mark.parametrize("name", NAMES)
def test_figures_have_alternative_text(pdfs: dict[str, bytes], name: str) -> None:
    with _open(pdfs[name]) as pdf:
        figures = [e for e in _elements(pdf) if _role(e) == "Figure"]
        for figure in figures:
            alt = str(figure.get("/Alt", ""))
            assert re.match(r"Slide( \d+)?[:.]", alt) and len(alt) > 12, alt
            left, bottom, right, top = (float(v) for v in figure.A.BBox)
            assert 0 <= left < right and 0 <= bottom < top
    if name.startswith("guide"):
        plan = load_plan()
        assert len(figures) == len(plan.slides)
        assert str(figures[4].Alt).startswith("Slide 5: Why we are here. Bullets: See why pace")


@pytest.mark.parametrize("name", NAMES)
def test_headings_start_at_h1_and_skip_no_level(pdfs: dict[str, bytes], name: str) -> None:
    with _open(pdfs[name]) as pdf:
        levels = [int(_role(e)[1]) for e in _elements(pdf) if re.fullmatch(r"H\d", _role(e))]
    assert levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1


@pytest.mark.parametrize("name", NAMES)
def test_tables_have_header_cells_and_even_rows(pdfs: dict[str, bytes], name: str) -> None:
    with _open(pdfs[name]) as pdf:
        tables = [e for e in _elements(pdf) if _role(e) == "Table"]
        assert tables
        for table in tables:
            rows = [k for k in _kids(table) if _is_element(k)]
            assert rows and all(_role(r) == "TR" for r in rows)
            widths = {len(_kids(row)) for row in rows}
            assert len(widths) == 1, widths
            cells = [cell for row in rows for cell in _kids(row)]
            assert {_role(c) for c in cells} <= {"TH", "TD"}
            headers = [c for c in cells if _role(c) == "TH"]
            assert headers, "every table has header cells"
            assert all(str(c.A.Scope) in ("/Column", "/Row") for c in headers)


@pytest.mark.parametrize("name", NAMES)
def test_catalog_metadata_and_pages(pdfs: dict[str, bytes], name: str) -> None:
    with _open(pdfs[name]) as pdf:
        root = pdf.Root
        assert bool(root.MarkInfo.Marked) is True
        assert str(root.Lang) == "en-GB"
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        assert all(page.Tabs == Name.S for page in pdf.pages)
        assert pdf.pdf_version >= "1.7"
        info = pdf.docinfo
        kind = "facilitator guide" if name.startswith("guide") else "participant handout"
        assert str(info.Title) == f"Change at pace: {kind}"
        assert str(info.Author) == "Alex Example and Sam Example"
        assert str(info.CreationDate).startswith("D:20261203")
        meta = pdf.open_metadata()
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"] == str(info.Title)
        assert meta["dc:creator"] == ["Alex Example and Sam Example"]
        assert meta["dc:description"] == str(info.Subject)
        assert "en-GB" in meta["dc:language"]
        assert meta["xmp:CreateDate"].startswith("2026-12-03T00:00:00")
    assert outline_titles(pdfs[name])  # the bookmarks are kept


@pytest.mark.parametrize("name", NAMES)
def test_same_input_same_bytes(pdfs: dict[str, bytes], name: str,
                               default_deck: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    kind, _, variant = name.partition("-")
    writer = write_guide if kind == "guide" else write_handout
    if variant == "real":
        prepared = default_deck.prepared  # type: ignore[attr-defined]
        again = render(writer, prepared.pack(build_moment(prepared.plan.workshop.date)))
    elif variant == "letter":
        again = render(writer, load_plan(paper="letter"))
    elif variant:
        again = render(writer, load_plan(slides_per_page=int(variant)))
    else:
        again = render(writer, load_plan())
    assert again == pdfs[name]


def test_fonts_suit_pdf_ua(pdfs: dict[str, bytes]) -> None:
    """Every font is an embedded symbolic TrueType subset with no /Encoding, one cmap
    subtable and a /ToUnicode map, as ISO 14289-1 7.21 asks of such fonts."""
    for data in pdfs.values():
        with _open(data) as pdf:
            fonts = {f.objgen: f for page in pdf.pages
                     for f in page.Resources.get("/Font", {}).values()}
            for font in fonts.values():
                assert font.Subtype == Name.TrueType and "Helvetica" not in str(font.BaseFont)
                descriptor = font.FontDescriptor
                assert int(descriptor.Flags) & 4 and "/Encoding" not in font
                assert "/ToUnicode" in font
                program = TTFont(io.BytesIO(descriptor.FontFile2.read_bytes()))
                tables = program["cmap"].tables
                assert len(tables) == 1 or (3, 0) in {(t.platformID, t.platEncID)
                                                      for t in tables}


# --------------------------------------------------------------------------- what is what


def _tagged_texts(data: bytes, page_index: int) -> list[tuple[str, str]]:
    """Return (tag, text) for each marked-content sequence of a page, in order."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        groups: dict[tuple[str, object], list[str]] = {}
        for char in pdf.pages[page_index].chars:
            groups.setdefault((char["tag"], char.get("mcid")), []).append(char["text"])
    return [(tag, "".join(chars)) for (tag, _mcid), chars in groups.items()]


def test_running_header_and_footer_are_artifacts(pdfs: dict[str, bytes]) -> None:
    texts = _tagged_texts(pdfs["guide"], 3)
    artifacts = "".join(text for tag, text in texts if tag == "Artifact")
    assert "Facilitator guide" in artifacts and "Page 4 of" in artifacts
    assert not any("Page 4 of" in text for tag, text in texts if tag != "Artifact")


def test_headings_lists_and_labels_hold_their_text(pdfs: dict[str, bytes]) -> None:
    handout = pdfs["handout-3"]
    assert ("H1", "Agenda") in _tagged_texts(handout, 1)
    first_worksheet = next(n for n in range(10, 20)
                           if ("H1", "Change temperature check") in _tagged_texts(handout, n))
    worksheet = _tagged_texts(handout, first_worksheet)
    labels = [text for tag, text in worksheet if tag == "Lbl"]
    assert labels[:4] == ["1.", "2.", "3.", "4."]
    cover = _tagged_texts(handout, 0)
    assert ("H1", "Change at pace") in cover
    assert [tag for tag, _text in cover if tag == "H1"] == ["H1"]
    bullets = {text for page in range(3, 6)
               for tag, text in _tagged_texts(pdfs["handout-0"], page) if tag == "Lbl"}
    assert {"•", "–"} <= bullets


def test_nested_bullets_are_lists_inside_list_bodies(pdfs: dict[str, bytes]) -> None:
    with _open(pdfs["handout-0"]) as pdf:
        nested = [e for e in _elements(pdf) if _role(e) == "L" and _role(e.P) == "LBody"]
        assert nested
        assert all(str(e.A.ListNumbering) == "/None" for e in nested)  # "–" bullets
        assert all(_role(e.P.P) == "LI" for e in nested)


def test_repeated_table_header_is_an_artifact(pdfs: dict[str, bytes]) -> None:
    guide = pdfs["guide"]
    run_sheet = [(i, texts) for i in range(1, 4) for texts in [_tagged_texts(guide, i)]
                 if any("Minutes" in text for _tag, text in texts)]
    assert len(run_sheet) == 2, "the run sheet runs onto a second page"
    (_first, head), (_second, repeat) = run_sheet
    assert [tag for tag, text in head if text == "Minutes"] == ["P"]
    assert [tag for tag, text in repeat if "Minutes" in text] == ["Artifact"]
    with _open(guide) as pdf:
        _cover, table = [e for e in _elements(pdf) if _role(e) == "Table"][:2]
        rows = [k for k in _kids(table) if _is_element(k)]
        header_rows = [r for r in rows if all(_role(c) == "TH" for c in _kids(r))]
        assert len(header_rows) == 1
        pages = {ref[0] for row in rows for cell in _kids(row) for p in _kids(cell)
                 if _is_element(p) for ref in _content_refs(p)}
        assert len(pages) == 2, "one Table element across both pages"


def test_links_are_link_elements_with_descriptions(pdfs: dict[str, bytes]) -> None:
    with _open(pdfs["handout-3"]) as pdf:
        links = [e for e in _elements(pdf) if _role(e) == "Link"]
        annotations = [a for page in pdf.pages for a in page.get("/Annots", [])]
        assert len(links) == len(annotations) >= 2
        contents = {str(a.Contents) for a in annotations}
        assert "https://www.gov.uk/service-manual" in contents


LONG = """\
title: One long paragraph
sections:
  - title: Only part
    slides:
      - title: A slide with a very long note
        notes: |
{notes}
"""


def test_a_paragraph_split_across_pages_stays_one_element() -> None:
    words = " ".join(f"word{n:04d}" for n in range(1400))
    data = render(write_guide, load_plan(LONG.format(notes=f"          {words}")))
    with _open(data) as pdf:
        assert structure_problems(pdf) == []
        split = [e for e in _elements(pdf) if _role(e) == "P"
                 and len({ref[0] for ref in _content_refs(e)}) > 1]
        assert len(split) == 1


@pytest.mark.parametrize("fixture", ["crowded.yaml", "accessible.yaml"])
def test_awkward_outlines_are_tagged_too(fixture: str, tmp_path: Path) -> None:
    """Overflowing text, long tables and lists, every kind of picture: still well tagged."""
    text = (REPO_ROOT / "tests" / "fixtures" / fixture).read_text(encoding="utf-8")
    built = [render(write_handout, load_plan(text, REPO_ROOT, slides_per_page=n))
             for n in LAYOUTS]
    built.append(render(write_guide, load_plan(text, REPO_ROOT)))
    for data in built:
        with _open(data) as pdf:
            assert structure_problems(pdf) == []
            levels = [int(_role(e)[1]) for e in _elements(pdf)
                      if re.fullmatch(r"H\d", _role(e))]
            assert levels[0] == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels))
        if importlib.util.find_spec("pdfua") is not None:
            result = _run([sys.executable, "-m", "pdfua", "check"], data, tmp_path)
            assert result.returncode == 0, result.stdout


NO_HEADER = """\
title: A table without a header row
sections:
  - title: Only part
    slides:
      - title: Plain table
        table:
          rows:
            - [Deploying code, Weeks]
            - [Hiring, Months]
"""


def test_a_table_without_header_row_has_data_cells_only() -> None:
    """The build warns about such a table (A11Y-TABLE-HEADER); the PDF tags what is there."""
    data = render(write_handout, load_plan(NO_HEADER, slides_per_page=0))
    with _open(data) as pdf:
        assert structure_problems(pdf) == []
        tables = [e for e in _elements(pdf) if _role(e) == "Table"]
        cells = [_role(c) for row in _kids(tables[-1]) for c in _kids(row)]
        assert cells == ["TD"] * 4


def test_slide_alt_text_says_what_is_on_the_slide() -> None:
    plan = load_plan()
    texts = {plan.slides[i].title: slide_alt(plan, i, i + 1) for i in range(len(plan.slides))}
    assert texts["Welcome"] == "Slide 4: Welcome."  # a decorative picture adds nothing
    assert texts["Three waits, three questions"].startswith(
        "Slide 13: Three waits, three questions. Table of 3 rows. Columns: Process, Ask, "
        "Warning sign. Row: Deploying code, How long from done to live?, Big risky releases.")
    quote = next(t for title, t in texts.items() if title.startswith("Quote: Pink Floyd"))
    assert quote == "Slide 11: Quote: “Hanging on with quiet desperation”, Pink Floyd, “Time”."
    assert slide_alt(plan, 3, 0) == "Slide: Welcome."
    assert all(len(t) <= 700 for t in texts.values())


@pytest.mark.parametrize("name", ["handout-real", "guide-real"])
def test_every_font_subset_has_a_tag_of_its_own(pdfs: dict[str, bytes], name: str) -> None:
    """ISO 32000-1, 9.6.4: different subsets in one file get different six-letter tags."""
    with pikepdf.open(io.BytesIO(pdfs[name])) as pdf:
        names = {str(obj.BaseFont)[1:] for obj in pdf.objects
                 if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font"
                 and "/BaseFont" in obj}
        described = {str(obj.FontName)[1:] for obj in pdf.objects
                     if isinstance(obj, pikepdf.Dictionary)
                     and obj.get("/Type") == "/FontDescriptor"}
    subsets = [n for n in names if re.fullmatch(r"[A-Z]{6}\+.+", n)]
    assert len(subsets) >= 2, names
    tags = [n[:6] for n in subsets]
    assert len(set(tags)) == len(tags), sorted(subsets)
    assert "AAAAAA" not in tags
    assert described == set(subsets)


def test_each_guide_thumbnail_follows_its_slide_heading(pdfs: dict[str, bytes]) -> None:
    """Navigating by headings, a reader meets each slide's heading, then its thumbnail:
    never the thumbnail at the end of the previous slide's part."""
    with pikepdf.open(io.BytesIO(pdfs["guide-real"])) as pdf:
        roles = [(_role(e), str(e.get("/Alt", ""))) for e in _elements(pdf)]
    figures = [i for i, (role, alt) in enumerate(roles) if role == "Figure"
               and alt.startswith("Slide ")]
    assert len(figures) >= 10, roles[:40]
    for index in figures:
        before = next(role for role, _ in reversed(roles[:index])
                      if role in ("H1", "H2", "H3", "Figure"))
        assert before == "H2", (index, roles[max(0, index - 4):index + 1])


def _marked_text(pdf: pikepdf.Pdf, page: pikepdf.Page) -> dict[int, str]:
    """Return the text shown inside each MCID's marked content on ``page``."""
    found: dict[int, str] = {}
    open_ids: list[int | None] = []
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "BDC":
            props = operands[1]
            open_ids.append(int(props.MCID) if isinstance(props, Dictionary)
                            and "/MCID" in props else None)
        elif op == "BMC":
            open_ids.append(None)
        elif op == "EMC":
            open_ids.pop()
        elif op in ("Tj", "TJ") and open_ids and open_ids[-1] is not None:
            parts = operands[0] if op == "TJ" else [operands[0]]
            text = "".join(bytes(p).decode("latin-1") for p in parts
                           if isinstance(p, pikepdf.String))
            found[open_ids[-1]] = found.get(open_ids[-1], "") + text
    return found


@pytest.mark.parametrize("name", ["handout-real", "guide-real"])
def test_each_link_element_holds_its_words_and_its_annotation(pdfs: dict[str, bytes],
                                                              name: str) -> None:
    """PDF11: a Link element holds the link's annotation and the marked content of its
    words, so a screen reader announces the link with its text."""
    with pikepdf.open(io.BytesIO(pdfs[name])) as pdf:
        links = [e for e in _elements(pdf) if _role(e) == "Link"]
        assert links
        texts: dict[tuple[int, int], dict[int, str]] = {}
        for link in links:
            kids = _kids(link)
            objr = [k for k in kids if isinstance(k, Dictionary) and k.get("/Type") == "/OBJR"]
            assert len(objr) == 1, kids
            assert int(objr[0].Obj.F) & 4  # printed as shown
            refs = _content_refs(link)
            assert refs, "a Link element without its words"
            words = ""
            for page_id, mcid in refs:
                if page_id not in texts:
                    page = next(p for p in pdf.pages if p.obj.objgen == page_id)
                    texts[page_id] = _marked_text(pdf, page)
                words += texts[page_id].get(mcid, "")
            assert words.strip(), link
