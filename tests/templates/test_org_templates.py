"""Organisation templates and themes, end to end.

Four templates of different origins (see `make_templates`) are each used to build
the default outline and the crowded one; every deck is rendered by LibreOffice
once (all in one run) and checked: one page per slide, no text outside its box,
a title on every slide, the template's slide size, none of its example slides
left, a package python-pptx reopens and saves, and (where installed) no errors
from openxml-audit. Then `check-template`, `themes`, theme files and the errors
a wrong `theme:` or `layouts:` gives.
"""

from __future__ import annotations

import importlib.util
import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_runner import run
from lxml import etree
from PIL import Image
from pptx import Presentation
from roundtrip import characters_outside, find_soffice, pdf_page_count

from generator.build import Prepared, build, prepare
from generator.diagnostics import Diagnostic, MakeDeckError
from generator.layout.roles import ROLE_NEEDS
from generator.options import BuildOptions
from generator.template_report import template_report
from generator.writers.pptx.deck import slide_title
from tests.ooxml import NS

from .make_templates import EXAMPLE_TEXTS, GOOGLE_WITHOUT_TITLE, make

ROOT = Path(__file__).resolve().parents[2]
OUTLINES = {
    "default": ROOT / "outline.yaml",
    "crowded": ROOT / "tests" / "fixtures" / "crowded.yaml",
}
KINDS = ("python-pptx", "libreoffice", "google", "potx")
CASES = [(kind, outline) for kind in KINDS for outline in OUTLINES]
GOOGLE_LAYOUTS = "layouts:\n  statement: MAIN_POINT\n"
"""The Google-like outline maps statements to a layout without a title placeholder."""

SMALL_OUTLINE = """\
title: Small session
theme: {theme}
{extra}sections:
  - title: Start
    minutes: 10
    slides:
      - title: One thing
        bullets: [A point]
"""


def set_theme(text: str, theme: str, extra: str = "") -> str:
    """Return outline text with its top-level ``theme:`` set (added when absent)."""
    line = f"theme: {theme}\n{extra}"
    if re.search(r"^theme:.*\n", text, flags=re.MULTILINE):
        return re.sub(r"^theme:.*\n", lambda _: line, text, count=1, flags=re.MULTILINE)
    return re.sub(r"^sections:", lambda _: line + "sections:", text, count=1, flags=re.MULTILINE)


def slide_size(template: Path) -> tuple[int, int]:
    """Return a template's slide size in EMU, read from its presentation part."""
    with zipfile.ZipFile(template) as package:
        size = etree.fromstring(package.read("ppt/presentation.xml")).find("p:sldSz", NS)
    return int(size.get("cx")), int(size.get("cy"))


def errors_of(exc: pytest.ExceptionInfo[MakeDeckError], code: str) -> list[Diagnostic]:
    """Return the diagnostics with ``code`` a failed build reported."""
    return [d for d in exc.value.diagnostics if d.code == code]


# -- the templates and the decks built on them ----------------------------------------


@pytest.fixture(scope="module")
def soffice_or_none() -> str | None:
    """Return LibreOffice's command, None when absent (tests needing it skip)."""
    try:
        return find_soffice()
    except pytest.skip.Exception:
        return None


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory,
              soffice_or_none: str | None) -> Callable[[str], Path]:
    """Return a maker of each kind of template, made once in a module folder."""
    folder = tmp_path_factory.mktemp("templates")
    made: dict[str, Path] = {}

    def get(kind: str) -> Path:
        if kind == "libreoffice" and soffice_or_none is None:
            find_soffice()  # skips (fails in CI)
        if kind not in made:
            made[kind] = make(kind, folder / kind, soffice_or_none)
        return made[kind]

    return get


@dataclass
class Case:
    """One outline built on one template, and its LibreOffice rendering."""

    template: Path
    deck: Path | None = None
    prepared: Prepared | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    pdf: Path | None = None
    error: BaseException | None = None

    def ready(self) -> Case:
        """Return the case, re-raising the error its build hit."""
        if self.error is not None:
            raise self.error
        return self


def _build_case(template: Path, outline: Path, folder: Path, extra: str) -> Case:
    folder.mkdir(parents=True)
    shutil.copy(template, folder / template.name)
    if not (folder / "images").exists():
        shutil.copytree(ROOT / "images", folder / "images")
    path = folder / "outline.yaml"
    path.write_text(set_theme(outline.read_text(encoding="utf-8"), template.name, extra),
                    encoding="utf-8")
    case = Case(template)
    try:
        options = BuildOptions(outputs=("deck",), output_dir=folder / "out")
        result = build(path, options)
        case.deck, case.diagnostics = result.written[0], result.diagnostics
        case.prepared = prepare(path, options)
    except Exception as exc:  # reported by each test of this case
        case.error = exc
    return case


@pytest.mark.parametrize("kind", KINDS)
def test_the_templates_are_what_they_claim_to_be(kind: str,
                                                 templates: Callable[[str], Path]) -> None:
    path = templates(kind)
    with zipfile.ZipFile(path) as package:
        types = package.read("[Content_Types].xml")
        app = package.read("docProps/app.xml") if "docProps/app.xml" in package.namelist() \
            else b""
        theme = package.read("ppt/theme/theme1.xml")
        slides = [n for n in package.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    assert (b"template.main+xml" in types) == (kind == "potx")
    if kind == "google":
        assert slide_size(path) == (9144000, 5143500)
        assert b'typeface="Arial"' in theme and b"Calibri" not in theme
        assert len(slides) == 3
    else:
        assert slide_size(path) == (9144000, 6858000)  # 4:3
        assert len(slides) == 2
    if kind in ("python-pptx", "potx"):
        assert b'typeface="Calibri"' in theme
        with zipfile.ZipFile(path) as package:
            layouts = [n for n in package.namelist()
                       if re.fullmatch(r"ppt/slideLayouts/slideLayout\d+\.xml", n)]
        assert len(layouts) == 11
    if kind == "libreoffice":
        assert b"LibreOffice" in app


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory, templates: Callable[[str], Path],
          soffice_or_none: str | None) -> dict[tuple[str, str], Case]:
    """Build every outline on every template, then render all decks in one LibreOffice run.

    The templates name Calibri, which LibreOffice shows with Carlito (same widths)."""
    from system_tools import need_font

    if soffice_or_none is None:
        find_soffice()
    need_font("Carlito")
    folder = tmp_path_factory.mktemp("org-decks")
    built: dict[tuple[str, str], Case] = {}
    for kind, name in CASES:
        extra = GOOGLE_LAYOUTS if kind == "google" else ""
        built[kind, name] = _build_case(templates(kind), OUTLINES[name],
                                        folder / f"{kind}-{name}", extra)
    renders = folder / "renders"
    renders.mkdir()
    decks = {}
    for (kind, name), case in built.items():
        if case.deck is not None:
            decks[kind, name] = renders / f"{kind}-{name}.pptx"
            shutil.copy(case.deck, decks[kind, name])
    if decks:
        subprocess.run(
            [str(soffice_or_none), "--headless",
             f"-env:UserInstallation={(folder / '.lo-profile').as_uri()}",
             "--convert-to", "pdf", "--outdir", str(renders), *map(str, decks.values())],
            check=True, capture_output=True, timeout=600)
    for key, deck in decks.items():
        pdf = deck.with_suffix(".pdf")
        built[key].pdf = pdf if pdf.is_file() else None
    return built


@pytest.fixture(params=CASES, ids=[f"{k}-{o}" for k, o in CASES])
def case(request: pytest.FixtureRequest, cases: dict[tuple[str, str], Case]) -> Case:
    return cases[request.param].ready()


def test_libreoffice_renders_one_page_per_slide(case: Case) -> None:
    assert case.pdf is not None, "LibreOffice did not render the deck"
    slides = len(Presentation(str(case.deck)).slides)
    assert slides == len(case.prepared.deck.slides)
    assert pdf_page_count(case.pdf) == slides


def test_no_text_outside_its_box(case: Case) -> None:
    assert case.pdf is not None, "LibreOffice did not render the deck"
    counted, outside = characters_outside(case.deck, case.pdf)
    assert counted > 300
    assert outside == [], f"{len(outside)} characters outside their boxes: {outside[:10]}"


def test_every_slide_has_its_title_in_a_title_placeholder(case: Case) -> None:
    prs = Presentation(str(case.deck))
    for number, (slide, laid) in enumerate(zip(prs.slides, case.prepared.deck.slides,
                                               strict=True), 1):
        titles = [shape for shape in slide.placeholders
                  if shape._element.ph.get("type") in ("title", "ctrTitle")]
        assert len(titles) == 1, f"slide {number}: {len(titles)} title placeholders"
        text = " ".join(titles[0].text_frame.text.split())
        assert text, f"slide {number}: empty title"
        assert text == " ".join(slide_title(laid).split()), f"slide {number}"


def test_text_boxes_do_not_overlap(case: Case) -> None:
    prs = Presentation(str(case.deck))
    for number, slide in enumerate(prs.slides, 1):
        boxes = [(shape.name, shape.left, shape.top, shape.left + shape.width,
                  shape.top + shape.height) for shape in slide.shapes
                 if shape.has_text_frame and shape.text_frame.text.strip()
                 and not (shape.is_placeholder
                          and "SLIDE_NUMBER" in str(shape.placeholder_format.type))]
        slack = 2 * 12700  # 2 pt
        for i, (name, x0, y0, x1, y1) in enumerate(boxes):
            for other, u0, v0, u1, v1 in boxes[i + 1:]:
                apart = x1 <= u0 + slack or u1 <= x0 + slack or y1 <= v0 + slack \
                    or v1 <= y0 + slack
                assert apart, f"slide {number}: {name} overlaps {other}"


def test_slide_size_is_the_templates(case: Case) -> None:
    prs = Presentation(str(case.deck))
    assert (prs.slide_width, prs.slide_height) == slide_size(case.template)


def test_none_of_the_templates_example_slides_remain(case: Case) -> None:
    with zipfile.ZipFile(case.deck) as package:
        names = package.namelist()
        blob = b"".join(package.read(name) for name in names)
    for text in EXAMPLE_TEXTS:
        assert text.encode() not in blob, text
    slide_parts = [n for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    assert len(slide_parts) == len(case.prepared.deck.slides)
    assert len(Presentation(str(case.deck)).slides) == len(case.prepared.deck.slides)


def test_python_pptx_reopens_and_saves_the_deck(case: Case) -> None:
    prs = Presentation(str(case.deck))
    buffer = io.BytesIO()
    prs.save(buffer)
    again = Presentation(io.BytesIO(buffer.getvalue()))
    assert len(again.slides) == len(prs.slides)
    with zipfile.ZipFile(case.deck) as package:
        assert package.testzip() is None


def test_openxml_audit_finds_no_errors(case: Case) -> None:
    if importlib.util.find_spec("openxml_audit") is None:
        pytest.skip("openxml-audit is not installed (pip show openxml-audit)")
    try:
        from openxml_audit import validate_pptx

        result = validate_pptx(case.deck)
    except Exception as exc:  # the tool itself failed: say so rather than fail the deck
        pytest.skip(f"openxml-audit did not run: {exc!r}")
    assert result.error_count == 0, [str(e) for e in result.errors][:10]


def test_google_statements_get_an_added_title_on_the_titleless_layout(
        cases: dict[tuple[str, str], Case]) -> None:
    case = cases["google", "default"].ready()
    prs = Presentation(str(case.deck))
    statements = [slide for slide, laid in zip(prs.slides, case.prepared.deck.slides,
                                               strict=True) if laid.role == "statement"]
    assert statements, "the default outline has statement slides"
    for slide in statements:
        assert slide.slide_layout.name == "MAIN_POINT"
        layout_kinds = {ph._element.ph.get("type") for ph in slide.slide_layout.placeholders}
        assert not layout_kinds & {"title", "ctrTitle"}
        assert slide.shapes.title is not None and slide.shapes.title.text.strip()
    warnings = [d for d in case.diagnostics if d.code == "W-TEMPLATE-ROLE"]
    assert any("MAIN_POINT" in d.message and "title placeholder" in d.message
               for d in warnings), warnings


def test_template_theme_follows_the_template(cases: dict[tuple[str, str], Case]) -> None:
    google = cases["google", "default"].ready().prepared.theme
    assert google.font_family == "Arial"
    assert google.heading == "595959"
    assert google.title_max == pytest.approx(36 * 405 / 540, abs=0.1)  # scaled to 5.625 in
    pptx_default = cases["python-pptx", "default"].ready().prepared.theme
    assert pptx_default.font_family == "Calibri" and pptx_default.font_width_factor == 1.0


# -- check-template and themes ---------------------------------------------------------


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run the CLI in-process; return (exit code, stdout)."""
    code, out, _ = run(argv, capsys)
    return code, out


@pytest.mark.parametrize(("kind", "complete"), [
    ("python-pptx", False), ("libreoffice", True), ("google", False), ("potx", False)])
# ``complete``: every role served by the template's own placeholders; all four are usable
def test_check_template_names_layouts_and_roles(
        kind: str, complete: bool, templates: Callable[[str], Path],
        capsys: pytest.CaptureFixture[str]) -> None:
    path = templates(kind)
    code, out = run_cli(["check-template", str(path)], capsys)
    assert code == 0, out  # every role is usable, some with added boxes
    from generator.look.template import open_template

    for layout in open_template(path).slide_layouts:
        assert f"\n  {layout.name}" in out, layout.name
    for role in ROLE_NEEDS:
        assert re.search(rf"^  {role} +-> ", out, flags=re.MULTILINE), role
    if not complete:  # no three-column layout in these: a text box is added
        assert re.search(r"^  columns3 +-> .*: WORKS WITH ADDED BOXES\n.*adds 1 text box",
                         out, flags=re.MULTILINE)
    if kind == "google":  # the layouts without a title are named as such
        for name in GOOGLE_WITHOUT_TITLE:
            assert re.search(rf"\n  {name} \[type \w+\] \(no title placeholder\)\n", out)


def test_check_template_reports_the_missing_title(templates: Callable[[str], Path]) -> None:
    path = templates("google")
    report, complete = template_report(path, {"statement": "MAIN_POINT"})
    assert complete  # usable: the title is added
    assert re.search(r"^  statement +-> MAIN_POINT: WORKS WITH ADDED BOXES\n +why: as asked"
                     r".*adds title placeholder", report, flags=re.MULTILINE), report
    assert "Slide size: 10.00 x 5.62 in" in report or "Slide size: 10.00 x 5.63 in" in report


def test_check_template_takes_layouts_like_an_outline(
        templates: Callable[[str], Path], capsys: pytest.CaptureFixture[str]) -> None:
    path = templates("google")
    code, out = run_cli(["check-template", str(path), "--layout", "statement=MAIN_POINT"],
                        capsys)
    assert code == 0
    assert re.search(r"^  statement +-> MAIN_POINT: WORKS WITH ADDED BOXES\n +why: as asked"
                     r".*adds title placeholder", out, flags=re.MULTILINE), out
    code, out = run_cli(["check-template", str(path), "--layout", "bullets=NO_SUCH"], capsys)
    assert code == 1 and "no layout named “NO_SUCH”" in out
    code, _ = run_cli(["check-template", str(path), "--layout", "nonsense"], capsys)
    assert code == 2


def test_themes_lists_the_built_in_themes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_cli(["themes"], capsys)
    assert code == 0
    names = [line.split()[0] for line in out.splitlines() if line.strip()]
    assert names[0] == "default"
    assert {"default", "high-contrast", "civic"} <= set(names)


# -- theme files -----------------------------------------------------------------------

BRAND = """\
extends: civic
name: example-council
colours:
  primary: "5A2D82"
  accent: "E4007C"
font: Arial
logo:
  image: logo.png
  alt: Example Council crest
footer: Example Council · Internal use
"""


def test_a_theme_file_with_logo_and_footer(tmp_path: Path) -> None:
    Image.new("RGB", (200, 80), (90, 45, 130)).save(tmp_path / "logo.png")
    (tmp_path / "brand.yaml").write_text(BRAND, encoding="utf-8")
    shutil.copytree(ROOT / "images", tmp_path / "images")
    outline = tmp_path / "outline.yaml"
    outline.write_text(set_theme((ROOT / "outline.yaml").read_text(encoding="utf-8"),
                                 "brand.yaml"), encoding="utf-8")
    result = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    deck = result.written[0]
    with zipfile.ZipFile(deck) as package:
        theme = etree.fromstring(package.read("ppt/theme/theme1.xml"))
    scheme = {slot.tag.split("}")[1]: slot[0].get("val")
              for slot in theme.find(".//a:clrScheme", NS)}
    assert scheme["dk2"] == scheme["accent1"] == "5A2D82"  # primary
    assert scheme["accent4"] == "E4007C"  # accent
    assert scheme["lt2"] == "EEF7F5" and scheme["hlink"] == "005EA5"  # kept from civic
    assert theme.find(".//a:minorFont/a:latin", NS).get("typeface") == "Arial"
    prs = Presentation(str(deck))
    assert len(prs.slides) == result.slides
    for number, slide in enumerate(prs.slides, 1):
        pictures = [shape._element.nvPicPr.cNvPr.get("descr") for shape in slide.shapes
                    if shape.shape_type is not None and shape._element.tag.endswith("}pic")]
        assert "Example Council crest" in pictures, f"slide {number}: no logo"
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert "Example Council · Internal use" in texts, f"slide {number}: no footer"


def _small_build(tmp_path: Path, theme: str, extra: str = "") -> Path:
    outline = tmp_path / "outline.yaml"
    outline.write_text(SMALL_OUTLINE.format(theme=theme, extra=extra), encoding="utf-8")
    return outline


def test_an_unknown_theme_name_is_positioned_with_a_suggestion(tmp_path: Path) -> None:
    outline = _small_build(tmp_path, "civc")
    with pytest.raises(MakeDeckError) as exc:
        build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path))
    (found,) = errors_of(exc, "E-THEME-UNKNOWN")
    assert (found.position.line, found.position.column) == (2, 8)
    assert Path(found.position.file).name == "outline.yaml"
    assert "did you mean `civic`?" in found.hint
    assert not list(tmp_path.glob("*.pptx"))


def test_a_misspelt_key_in_a_theme_file_is_positioned_in_that_file(tmp_path: Path) -> None:
    (tmp_path / "brand.yaml").write_text(
        "extends: civic\ncolours:\n  primary: \"5A2D82\"\nfont: Arial\nfooterr: Hello\n",
        encoding="utf-8")
    outline = _small_build(tmp_path, "brand.yaml")
    with pytest.raises(MakeDeckError) as exc:
        build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path))
    (found,) = errors_of(exc, "E-KEY-UNKNOWN")
    assert Path(found.position.file).name == "brand.yaml"
    assert found.position.line == 5
    assert "footerr" in found.message


def test_a_bad_colour_in_a_theme_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "brand.yaml").write_text("colours:\n  primary: \"12345G\"\n", encoding="utf-8")
    outline = _small_build(tmp_path, "brand.yaml")
    with pytest.raises(MakeDeckError) as exc:
        build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path))
    found = [d for d in exc.value.diagnostics if "12345G" in d.message]
    assert found, exc.value.diagnostics
    assert "is not a colour" in found[0].message and "six hex digits" in found[0].message
    assert Path(found[0].position.file).name == "brand.yaml"
    assert found[0].position.line == 2


def test_a_layout_the_template_lacks_is_an_error(tmp_path: Path,
                                                 templates: Callable[[str], Path]) -> None:
    template = templates("python-pptx")
    shutil.copy(template, tmp_path / template.name)
    outline = _small_build(tmp_path, template.name, "layouts:\n  bullets: Big Bullets\n")
    with pytest.raises(MakeDeckError) as exc:
        build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path))
    (found,) = errors_of(exc, "E-TEMPLATE-LAYOUT")
    assert "Big Bullets" in found.message
    assert found.position.line == 4  # the `bullets:` line under `layouts:`
    assert "Title and Content" in found.hint
