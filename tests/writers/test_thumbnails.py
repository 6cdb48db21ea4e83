"""Slide thumbnails drawn from the deck's own layout: the default outline's real slides,
read back with pdfplumber, and compared line by line with LibreOffice's rendering of
the deck itself."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1
from reportlab.pdfgen.canvas import Canvas

from generator.build import prepare
from generator.layout.fonts import metrics
from generator.layout.frames import INSET_X, PictureFrame, SlideLayout, TableFrame, TextFrame
from generator.layout.slides import DeckLayout
from generator.layout.text import Paragraph, layout_text, paragraph_indent
from generator.look.look import look_for
from generator.look.theme import DEFAULT_THEME
from generator.options import BuildOptions
from generator.writers.pdf.thumbnails import draw_slide, rendered_lines, thumbnail_drawer

PAGE_W, PAGE_H = 842.0, 595.0  # A4 landscape
Rect = tuple[float, float, float, float]  # x, y (lower left, reportlab), w, h
ONE_UP: Rect = (40.0, 80.0, 762.0, 762.0 * 9 / 16)
FOUR_UP: tuple[Rect, ...] = tuple(
    (40.0 + col * 391.0, 40.0 + (1 - row) * 262.0, 371.0, 371.0 * 9 / 16)
    for row in (0, 1) for col in (0, 1)
)
SLIDE = (960.0, 540.0)
LOOK = look_for(DEFAULT_THEME)


def _squash(text: str) -> str:
    """Return ``text`` without whitespace (pdfplumber's spacing is not the point)."""
    return re.sub(r"\s+", "", text)


def _frame_text(frame: TextFrame) -> str:
    return " ".join(line.text for p in frame.text.paragraphs for line in p.lines)


def _draw(deck: DeckLayout, rects: tuple[Rect, ...], target: Path | io.BytesIO,
          ) -> list[tuple[int, Rect, SlideLayout]]:
    """Draw every slide, ``len(rects)`` to a page; return (page, rect, slide) placements."""
    canvas = Canvas(str(target) if isinstance(target, Path) else target,
                    pagesize=(PAGE_W, PAGE_H), invariant=1)
    placed = []
    for index, slide in enumerate(deck.slides):
        rect = rects[index % len(rects)]
        draw_slide(canvas, slide, *rect, LOOK)
        placed.append((index // len(rects), rect, slide))
        if index % len(rects) == len(rects) - 1:
            canvas.showPage()
    if len(deck.slides) % len(rects):
        canvas.showPage()
    canvas.save()
    return placed


def _bbox(rect: Rect) -> tuple[float, float, float, float]:
    """Return a reportlab rect as a pdfplumber bbox (x0, top, x1, bottom; y down)."""
    x, y, w, h = rect
    return x, PAGE_H - y - h, x + w, PAGE_H - y


@pytest.fixture(scope="module")
def deck(repo_root) -> DeckLayout:
    return prepare(repo_root / "outline.yaml", BuildOptions()).deck


@pytest.fixture(scope="module", params=["one", "four"])
def drawn(request, deck, tmp_path_factory):
    rects = (ONE_UP,) if request.param == "one" else FOUR_UP
    path = tmp_path_factory.mktemp("thumbs") / f"{request.param}.pdf"
    placed = _draw(deck, rects, path)
    with pdfplumber.open(path) as pdf:
        yield pdf, placed


def test_one_thumbnail_per_slide(drawn, deck):
    pdf, placed = drawn
    per_page = 1 if len({rect for _, rect, _ in placed}) == 1 else 4
    assert len(pdf.pages) == -(-len(deck.slides) // per_page)


def test_every_title_is_in_its_own_thumbnail(drawn):
    pdf, placed = drawn
    missing = []
    for page, rect, slide in placed:
        title = slide.frames[0]
        assert isinstance(title, TextFrame)
        if title.hidden:  # not drawn (a quote's or statement's title, for screen readers)
            continue
        shown = pdf.pages[page].within_bbox(_bbox(rect)).extract_text()
        if _squash(_frame_text(title)) not in _squash(shown):
            missing.append((slide.number, _frame_text(title)))
    assert missing == []


def test_every_character_lies_inside_a_thumbnail(drawn):
    pdf, placed = drawn
    outside, counted = [], 0
    for number, page in enumerate(pdf.pages):
        boxes = [_bbox(rect) for p, rect, _ in placed if p == number]
        for char in page.chars:
            counted += 1
            if not any(x0 - 0.01 <= char["x0"] and char["x1"] <= x1 + 0.01
                       and top - 0.01 <= char["top"] and char["bottom"] <= bottom + 0.01
                       for x0, top, x1, bottom in boxes):
                outside.append((number, char["text"], char["x0"], char["top"]))
    assert counted > 1000
    assert outside == []


def test_text_is_set_in_embedded_arimo(drawn):
    pdf, _ = drawn
    used = {char["fontname"] for page in pdf.pages for char in page.chars}
    names = {name.split("+")[-1] for name in used}
    assert "Arimo-Regular" in names and "Arimo-Bold" in names
    assert names <= {"Arimo-Regular", "Arimo-Bold", "Arimo-Italic", "Arimo-BoldItalic"}
    embedded = set()
    for page in pdf.pages:
        for font in resolve1(resolve1(page.page_obj.resources)["Font"]).values():
            font = resolve1(font)
            if font["BaseFont"].name in used:
                assert font["Subtype"].name == "TrueType"
                assert "FontFile2" in resolve1(font["FontDescriptor"]), font["BaseFont"]
                embedded.add(font["BaseFont"].name)
    assert embedded == used


def test_table_cells_are_drawn(drawn):
    pdf, placed = drawn
    tables = [(page, rect, frame) for page, rect, slide in placed
              for frame in slide.frames if isinstance(frame, TableFrame)]
    assert tables, "the default outline has a table slide"
    for page, rect, frame in tables:
        shown = _squash(pdf.pages[page].within_bbox(_bbox(rect)).extract_text())
        for row in frame.cells:
            for cell in row:
                for word in " ".join(line.text for p in cell.paragraphs
                                     for line in p.lines).split():
                    assert word in shown


def test_pictures_are_drawn(deck, tmp_path):
    pictures = [s for s in deck.slides if any(isinstance(f, PictureFrame) for f in s.frames)]
    assert pictures
    placed = _draw(DeckLayout(tuple(pictures), ()), FOUR_UP, tmp_path / "pictures.pdf")
    with pdfplumber.open(tmp_path / "pictures.pdf") as pdf:
        images = [image for page in pdf.pages for image in page.images]
    assert len(images) == len(placed)
    for image, (_, rect, _) in zip(images, placed, strict=True):
        x0, top, x1, bottom = _bbox(rect)
        assert x0 <= image["x0"] < image["x1"] <= x1
        assert top <= image["top"] < image["bottom"] <= bottom


def test_same_bytes_every_time(deck):
    first, second = io.BytesIO(), io.BytesIO()
    _draw(deck, FOUR_UP, first)
    _draw(deck, FOUR_UP, second)
    assert first.getvalue() == second.getvalue()


def test_slide_keeps_its_shape_centred_in_a_taller_rect(deck, tmp_path):
    path = tmp_path / "tall.pdf"
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    draw_slide(canvas, deck.slides[1], 100, 100, 320, 400, LOOK)
    canvas.save()
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        top = PAGE_H - 100 - 200 - 90  # 320 x 180 centred in 320 x 400
        assert page.chars
        assert all(top <= c["top"] and c["bottom"] <= top + 180 for c in page.chars)


def test_drawer_draws_the_first_slide_of_each_planned_slide(repo_root, tmp_path):
    outline = tmp_path / "outline.yaml"  # a long list at high contrast continues
    long = "".join(f"          - Point {n} of a long list that goes on\n" for n in range(12))
    outline.write_text((repo_root / "outline.yaml").read_text(encoding="utf-8").replace(
        "theme: default", "theme: high-contrast").replace(
        "      - title: Keep going after today\n",
        f"      - title: A long list\n        bullets:\n{long}\n"
        "      - title: Keep going after today\n"), encoding="utf-8")
    shutil.copytree(repo_root / "images", tmp_path / "images")
    prepared = prepare(outline, BuildOptions())
    deck = prepared.deck
    draw = thumbnail_drawer(deck, prepared.look)
    plan_indexes = sorted({s.plan_index for s in deck.slides})
    continued = [s for s in deck.slides if s.continuation]
    assert continued, "the high-contrast build has continuation slides"
    path = tmp_path / "drawer.pdf"
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    for index in [*plan_indexes, max(plan_indexes) + 1]:
        draw(canvas, index, *ONE_UP)
        canvas.showPage()
    canvas.save()
    with pdfplumber.open(path) as pdf:
        texts = [_squash(page.extract_text()) for page in pdf.pages]
        assert pdf.pages[-1].chars == [] and pdf.pages[-1].rects, "an empty framed box"
    for index, text in zip(plan_indexes, texts, strict=False):
        first = next(s for s in deck.slides if s.plan_index == index)
        assert isinstance(first.frames[0], TextFrame)
        if not first.frames[0].hidden:
            assert _squash(_frame_text(first.frames[0])) in text
        assert "(cont." not in text


def test_renderer_lines_keep_the_text_and_never_add_lines(deck):
    checked = 0
    for slide in deck.slides:
        for frame in slide.frames:
            if not isinstance(frame, TextFrame):
                continue
            for fitted in frame.text.paragraphs:
                margin, _ = paragraph_indent(fitted.paragraph, frame.text.size, frame.style)
                width = frame.box.w - 2 * INSET_X - margin
                lines = rendered_lines(fitted, width, frame.text.size)
                assert len(lines) <= len(fitted.lines)
                assert all(w <= width + 1e-6 for _, w in lines)
                shown = " ".join("".join(s.text for s in spans) for spans, _ in lines)
                assert _squash(shown) == _squash(fitted.paragraph.text)
                checked += 1
    assert checked > 100


def test_a_renderer_may_end_a_line_after_a_hyphen():
    text = "Draw its timeline from first request to done, marking every hand-off."
    size = 20.0
    face = metrics(False, False)
    upto_hyphen = face.width(text[: text.index("-") + 1], size)
    width = upto_hyphen + 0.1  # "hand-" fits the full width but not the layout's 95 %
    assert width < face.width(text, size)
    fitted = layout_text([Paragraph.from_markup(text)], width, size).paragraphs[0]
    assert fitted.lines[0].text.endswith("every")
    lines = rendered_lines(fitted, width, size)
    assert ["".join(s.text for s in spans) for spans, _ in lines] == [
        text[: text.index("-") + 1], "off."]


def test_titles_take_the_colour_the_slide_gives_them(drawn):
    pdf, placed = drawn
    theme = DEFAULT_THEME
    for page, rect, slide in placed:
        title = slide.frames[0]
        assert isinstance(title, TextFrame)
        if title.hidden:  # not drawn (a quote's or statement's title, for screen readers)
            continue
        expected = theme.inverse_text if slide.layout.dark else \
            theme.muted if title.tone == "muted" else theme.heading
        first = _squash(_frame_text(title))[:1]
        chars = [c for c in pdf.pages[page].within_bbox(_bbox(rect)).chars
                 if c["text"] == first]
        colours = {"".join(f"{round(v * 255):02X}" for v in c["non_stroking_color"])
                   for c in chars}
        assert expected in colours, (slide.number, colours)


# --------------------------------------------------------------------------- LibreOffice


def _lines(page) -> list[tuple[str, float, float]]:
    """Return (text, x of first letter, baseline) of each text line, in slide points."""
    scale = SLIDE[0] / float(page.width)
    found = []
    for line in page.extract_text_lines(return_chars=True):
        letters = [c for c in line["chars"] if c["text"] not in "•–" and c["text"].strip()]
        if letters:
            first = letters[0]
            found.append((_squash("".join(c["text"] for c in letters)), first["x0"] * scale,
                          (float(page.height) - first["matrix"][5]) * scale))
    return found


def test_thumbnails_match_libreoffices_rendering_of_the_deck(default_deck, soffice, tmp_path):
    """Every line of text sits where LibreOffice puts it on the real slide (within 1 pt)."""
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(default_deck.path)], check=True, capture_output=True, timeout=240)
    slides = default_deck.prepared.deck.slides
    ours = tmp_path / "thumbnails.pdf"
    canvas = Canvas(str(ours), pagesize=SLIDE, invariant=1)
    for slide in slides:
        draw_slide(canvas, slide, 0, 0, *SLIDE, look=default_deck.prepared.look)
        canvas.showPage()
    canvas.save()
    problems = []
    rendered = tmp_path / f"{default_deck.path.stem}.pdf"
    with pdfplumber.open(rendered) as theirs, pdfplumber.open(ours) as mine:
        assert len(theirs.pages) == len(mine.pages) == len(slides)
        for number, (a, b) in enumerate(zip(theirs.pages, mine.pages, strict=True), 1):
            if slides[number - 1].role == "activity":
                continue  # known gap: side-by-side columns may break one word differently
            expected, got = _lines(a), _lines(b)
            if [t for t, _, _ in expected] != [t for t, _, _ in got]:
                problems.append((number, [t for t, _, _ in expected], [t for t, _, _ in got]))
                continue
            for (text, x, base), (_, x2, base2) in zip(expected, got, strict=True):
                if abs(x - x2) > 1.0 or abs(base - base2) > 1.0:
                    problems.append((number, text, round(x2 - x, 2), round(base2 - base, 2)))
    assert problems == [], "\n".join(map(str, problems))
