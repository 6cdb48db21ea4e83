"""Reading outlines: every kind of problem, with its code, line and column; and the
constructs a person editing YAML by hand expects to just work."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic, Severity
from generator.model import BulletsSlide, Section, TableSlide
from generator.options import BuildOptions
from generator.outline.reader import OutlineSource, load_outline

MINIMAL = "title: T\nsections:\n  - title: S\n"


def read(path: Path, **options: object) -> OutlineSource:
    return load_outline(path, BuildOptions(**options))  # type: ignore[arg-type]


def where(d: Diagnostic) -> tuple[str, int, int]:
    assert d.position is not None, d
    return d.code, d.position.line, d.position.column


def only(source: OutlineSource) -> Diagnostic:
    """Return the one diagnostic of a failed read (and check it failed)."""
    assert source.workshop is None
    assert len(source.diagnostics) == 1, source.diagnostics
    (d,) = source.diagnostics
    assert d.severity is Severity.ERROR
    return d


# ------------------------------------------------------------------ unknown keys


UNKNOWN_KEYS = {
    "top level": (
        "title: T\ntitel: X\nsections:\n  - title: S\n",
        (2, 1), "titel", "title", "the workshop"),
    "section": (
        "title: T\nsections:\n  - title: S\n    minuts: 5\n",
        (4, 5), "minuts", "minutes", "a section"),
    "slide": (
        "title: T\nsections:\n  - title: S\n    slides:\n"
        "      - title: A\n        bulets: [x]\n",
        (6, 9), "bulets", "bullets", "a bullets slide"),
    "column": (
        "title: T\nsections:\n  - title: S\n    slides:\n      - title: C\n        columns:\n"
        "          - heading: H\n            bulet: [a]\n          - heading: I\n",
        (8, 13), "bulet", "bullets", "a column"),
    "activity": (
        "title: T\nsections:\n  - title: S\n    slides:\n      - activity:\n"
        "          title: A\n          minutes: 5\n          stesp: [a]\n",
        (8, 11), "stesp", "steps", "an activity"),
    "contact": (
        "title: T\ncontacts: alex@example.gov.uk\nsections:\n  - title: S\n",
        (2, 1), "contacts", "contact", "unknown key"),
    "handout": (
        "title: T\nhandout:\n  papr: A4\nsections:\n  - title: S\n",
        (3, 3), "papr", "paper", "`handout`"),
    "slide handout": (
        "title: T\nsections:\n  - title: S\n    slides:\n"
        "      - title: A\n        bullets: [x]\n        handot: more\n",
        (7, 9), "handot", "handout", "a bullets slide"),
}


@pytest.mark.parametrize("case", UNKNOWN_KEYS.values(), ids=UNKNOWN_KEYS.keys())
def test_unknown_key_points_at_the_key_and_suggests_the_nearest(tmp_outline, case):
    text, (line, column), key, suggestion, place = case
    d = only(read(tmp_outline(text)))
    assert where(d) == ("E-KEY-UNKNOWN", line, column)
    assert f"`{key}`" in d.message
    assert place in d.message
    assert d.hint is not None and f"did you mean `{suggestion}`?" in d.hint


def test_unknown_key_with_nothing_close_lists_the_known_keys(tmp_outline):
    d = only(read(tmp_outline("title: T\nhandout:\n  zzzzzz: 1\nsections:\n  - title: S\n")))
    assert where(d) == ("E-KEY-UNKNOWN", 3, 3)
    assert d.hint is not None and "did you mean" not in d.hint
    for known in ("`paper`", "`slides_per_page`", "`worksheets`"):
        assert known in d.hint


def test_unknown_key_in_an_activity_slide_reads_as_english(tmp_outline):
    text = ("title: T\nsections:\n  - title: S\n    slides:\n      - activity:\n"
            "          title: A\n          minutes: 5\n        notez: x\n")
    d = only(read(tmp_outline(text)))
    assert where(d) == ("E-KEY-UNKNOWN", 8, 9)
    assert "an activity slide" in d.message


def test_minutes_beside_an_activity_says_where_they_go(tmp_outline):
    text = ("title: T\nsections:\n  - title: S\n    slides:\n      - activity:\n"
            "          title: A\n          minutes: 5\n        minutes: 5\n")
    d = only(read(tmp_outline(text)))
    assert where(d) == ("E-KEY-UNKNOWN", 8, 9)
    assert d.hint is not None and "inside `activity:`" in d.hint


def test_minutes_beside_an_activity_is_not_taken_for_a_typo(tmp_outline):
    text = ("title: T\nsections:\n  - title: S\n    slides:\n      - activity:\n"
            "          title: A\n          minutes: 5\n        minutes: 5\n")
    d = only(read(tmp_outline(text)))
    assert d.hint is not None and "`notes`" not in d.hint


# ------------------------------------------------------------------ values


def test_missing_required_key_at_top_level(tmp_outline):
    d = only(read(tmp_outline("subtitle: x\nsections:\n  - title: S\n")))
    assert where(d) == ("E-VALUE", 1, 1)
    assert "missing required key `title`" in d.message
    assert d.hint == "add `title: ...`"


def test_missing_sections(tmp_outline):
    d = only(read(tmp_outline("title: T\n")))
    assert where(d) == ("E-VALUE", 1, 1)
    assert "`sections`" in d.message


def test_missing_required_key_in_an_activity_points_at_the_activity(tmp_outline):
    text = ("title: T\nsections:\n  - title: S\n    slides:\n      - activity:\n"
            "          title: A\n          steps: [x]\n")
    d = only(read(tmp_outline(text)))
    assert where(d) == ("E-VALUE", 6, 11)
    assert "missing required key `minutes`" in d.message


def test_minutes_written_as_a_word(tmp_outline):
    d = only(read(tmp_outline("title: T\nsections:\n  - title: S\n    minutes: forty\n")))
    assert where(d) == ("E-VALUE", 4, 14)
    assert "`minutes` must be a whole number" in d.message and "`forty`" in d.message
    assert d.hint is not None


def test_bad_paper_and_slides_per_page_list_the_allowed_values(tmp_outline):
    source = read(tmp_outline(
        "title: T\nhandout:\n  paper: A5\n  slides_per_page: 5\nsections:\n  - title: S\n"))
    assert source.workshop is None
    paper, per_page = source.diagnostics
    assert where(paper) == ("E-VALUE", 3, 10)
    assert "`A5`" in paper.message and "`paper`" in paper.message
    assert paper.hint is not None and "A4" in paper.hint and "letter" in paper.hint
    assert where(per_page) == ("E-VALUE", 4, 20)
    assert "`slides_per_page`" in per_page.message
    assert per_page.hint is not None
    for allowed in ("0", "1", "2", "3", "4", "6"):
        assert allowed in per_page.hint
    assert "5" not in per_page.hint


@pytest.mark.parametrize("value", ["9.30", '"25:00"', '"half nine"', '"09:30:00"'])
def test_bad_start_time_hints_at_hh_mm(tmp_outline, value):
    d = only(read(tmp_outline(f"title: T\nstart: {value}\nsections:\n  - title: S\n")))
    assert where(d) == ("E-VALUE", 2, 8)
    assert "`start`" in d.message
    assert d.hint is not None and "HH:MM" in d.hint


@pytest.mark.parametrize("value", ["2026-13-03", "next tuesday", "03/12/2026", "20261203"])
def test_bad_date(tmp_outline, value):
    d = only(read(tmp_outline(f"title: T\ndate: {value}\nsections:\n  - title: S\n")))
    assert where(d) == ("E-VALUE", 2, 7)
    assert "date" in d.message
    assert "YYYY-MM-DD" in f"{d.message} {d.hint}"


@pytest.mark.parametrize("value", ["english please", "en_GB", "e", "en-GB-"])
def test_bad_language_tag(tmp_outline, value):
    d = only(read(tmp_outline(f"title: T\nlanguage: {value}\nsections:\n  - title: S\n")))
    assert where(d) == ("E-VALUE", 2, 11)
    assert "BCP 47" in d.message


# ------------------------------------------------------------------ slide kinds


def test_slide_with_two_kinds_points_at_the_second(tmp_outline):
    text = ("title: T\nsections:\n  - title: S\n    slides:\n"
            "      - quote: Q\n        statement: S\n")
    d = only(read(tmp_outline(text)))
    assert where(d) == ("E-SLIDE-KINDS", 6, 9)
    assert "`quote`" in d.message and "`statement`" in d.message


NO_KIND = ("title: T\nsections:\n  - title: S\n    slides:\n"
           "      - notes: hello\n        minutes: 3\n")


def test_slide_whose_kind_cannot_be_told(tmp_outline):
    source = read(tmp_outline(NO_KIND))
    assert source.workshop is None
    found = [d for d in source.diagnostics if d.code == "E-SLIDE-KIND"]
    assert [where(d) for d in found] == [("E-SLIDE-KIND", 5, 9)]
    assert found[0].hint is not None and "`bullets`" in found[0].hint


def test_slide_whose_kind_cannot_be_told_is_reported_once(tmp_outline):
    assert [d.code for d in read(tmp_outline(NO_KIND)).diagnostics] == ["E-SLIDE-KIND"]


def test_slide_with_only_a_misspelt_key_is_reported_once(tmp_outline):
    text = "title: T\nsections:\n  - title: S\n    slides:\n      - titel: A\n"
    d = only(read(tmp_outline(text)))
    assert where(d) == ("E-KEY-UNKNOWN", 5, 9)


@pytest.mark.parametrize("headings", [["A"], ["A", "B", "C", "D"]], ids=["one", "four"])
def test_columns_need_two_or_three(tmp_outline, headings):
    entries = "".join(f"          - heading: {h}\n" for h in headings)
    text = ("title: T\nsections:\n  - title: S\n    slides:\n      - title: C\n"
            "        columns:\n" + entries)
    d = only(read(tmp_outline(text)))
    assert where(d) == ("E-VALUE", 7, 11)
    assert "2 or 3 columns" in d.message


def test_table_rows_of_different_widths(tmp_outline):
    text = ("title: T\nsections:\n  - title: S\n    slides:\n      - title: Tb\n"
            "        table:\n          header: [a, b]\n          rows:\n"
            "            - [1, 2]\n            - [1, 2, 3]\n")
    d = only(read(tmp_outline(text)))
    assert where(d) == ("E-TABLE-ROW", 10, 15)  # the row that is off
    assert "3 cells" in d.message and "header has 2" in d.message
    assert d.hint and "~" in d.hint


def test_image_without_alt_and_not_decorative(tmp_outline):
    text = ("title: T\nsections:\n  - title: S\n    slides:\n      - title: Pic\n"
            "        image: images/patch-cadence.png\n")
    d = only(read(tmp_outline(text)))
    assert where(d) == ("E-VALUE", 5, 9)
    assert "`alt`" in d.message and "decorative" in d.message


def test_missing_image_names_the_path_looked_for(tmp_outline, tmp_path):
    text = ("title: T\nsections:\n  - title: S\n    slides:\n      - title: Pic\n"
            "        image: images/nope.png\n        alt: A picture\n")
    d = only(read(tmp_outline(text)))
    assert where(d) == ("E-IMAGE-MISSING", 6, 16)
    assert str(tmp_path / "images" / "nope.png") in d.message


# ------------------------------------------------------------------ YAML itself


def test_duplicate_keys_name_both_lines(tmp_outline):
    d = only(read(tmp_outline("title: T\nsections:\n  - title: S\ntitle: U\n")))
    assert where(d) == ("E-YAML-DUPLICATE", 4, 1)
    assert "line 1" in d.message
    assert [(p.line, p.column) for p in d.related] == [(1, 1)]


def test_duplicate_keys_inside_a_slide(tmp_outline):
    text = ("title: T\nsections:\n  - title: S\n    slides:\n      - title: A\n"
            "        bullets: [x]\n        title: B\n")
    d = only(read(tmp_outline(text)))
    assert where(d) == ("E-YAML-DUPLICATE", 7, 9)
    assert [(p.line, p.column) for p in d.related] == [(5, 9)]


@pytest.mark.parametrize("text, line", [
    ("title: T\nsections:\n\t- title: S\n", 3),
    ("title: T\nsections:\n  - title: S\n    slides:\n\t  - title: A\n", 5),
], ids=["first column", "after spaces"])
def test_tab_indentation(tmp_outline, text, line):
    d = only(read(tmp_outline(text)))
    assert where(d) == ("E-YAML-SYNTAX", line, 1)
    assert "tab" in d.message
    assert d.hint is not None and "spaces" in d.hint


def test_yaml_syntax_error_points_at_the_colon(tmp_outline):
    text = ("title: T\nsections:\n  - title: S\n    slides:\n"
            "      - title: Time: 10:30\n")
    d = only(read(tmp_outline(text)))
    assert where(d) == ("E-YAML-SYNTAX", 5, 20)
    assert d.hint is not None and "quoted" in d.hint


def test_language_specific_tag_is_refused_and_never_run(tmp_outline, tmp_path):
    marker = tmp_path / "ran"
    text = (f'title: !!python/object/apply:os.system ["touch {marker}"]\n'
            "sections:\n  - title: S\n")
    source = read(tmp_outline(text))
    assert source.workshop is None
    tags = [d for d in source.diagnostics if d.code == "E-YAML-TAG"]
    assert [where(d) for d in tags] == [("E-YAML-TAG", 1, 8)]
    assert "python/object/apply:os.system" in tags[0].message
    assert not marker.exists()


def test_language_specific_tag_is_the_only_problem_reported(tmp_outline):
    text = 'title: !!python/object/apply:os.system ["true"]\nsections:\n  - title: S\n'
    assert where(only(read(tmp_outline(text)))) == ("E-YAML-TAG", 1, 8)


def test_alias_bomb_is_refused(tmp_outline):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 10) + "]")
    d = only(read(tmp_outline(MINIMAL + "\n".join(lines) + "\n")))
    assert d.code == "E-YAML-SIZE"
    assert d.hint is not None and "aliases" in d.hint
    # Aliases share their anchor's node, so the position lands inside the anchored
    # values (lines 4 to 12), not on a particular alias.
    assert d.position is not None and 4 <= d.position.line <= 12


def test_deep_flow_nesting_is_refused_before_parsing(tmp_outline):
    d = only(read(tmp_outline(MINIMAL + "x: " + "[" * 500 + "]" * 500 + "\n")))
    assert where(d) == ("E-YAML-DEPTH", 4, 1)


def test_deep_block_nesting_is_refused(tmp_outline):
    text = MINIMAL + "".join(" " * i + f"k{i}:\n" for i in range(200))
    d = only(read(tmp_outline(text)))
    # Lines 1-3 take two indentation levels and a dash; key k80 (line 84, indented
    # 80 spaces) is the 81st open level, over the limit of 2 x 40.
    assert where(d) == ("E-YAML-DEPTH", 84, 81)


def test_moderately_deep_nesting_is_caught_while_walking(tmp_outline):
    text = MINIMAL + "x:" + " [" * 45 + " ]" * 45 + "\n"
    source = read(tmp_outline(text))
    assert source.workshop is None
    assert [d.code for d in source.diagnostics] == ["E-YAML-DEPTH"]


# ------------------------------------------------------------------ the file itself


def test_file_that_is_not_utf8(tmp_outline):
    data = "title: Café\nsections:\n  - title: S\n".encode("latin-1")
    d = only(read(tmp_outline(data)))
    assert where(d) == ("E-FILE-ENCODING", 1, 11)  # "title: Caf" is 10 characters
    assert "0xe9" in d.message
    assert d.hint is not None and "UTF-8" in d.hint


def test_binary_file(tmp_outline, repo_root):
    data = (repo_root / "images" / "patch-cadence.png").read_bytes()
    d = only(read(tmp_outline(data, name="outline.png")))
    assert where(d) == ("E-FILE-BINARY", 1, 1)


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"], ids=["empty", "blank",
                                                                          "comment"])
def test_empty_file(tmp_outline, text):
    d = only(read(tmp_outline(text)))
    assert where(d) == ("E-EMPTY", 1, 1)
    assert d.hint is not None and "`title:`" in d.hint


def test_outline_too_large(tmp_outline):
    path = tmp_outline(MINIMAL)
    d = only(read(path, max_outline_bytes=len(MINIMAL) - 1))
    assert where(d) == ("E-FILE-SIZE", 1, 1)
    assert f"{len(MINIMAL):,} bytes" in d.message
    assert read(path, max_outline_bytes=len(MINIMAL)).workshop is not None


def test_missing_outline_file(tmp_path):
    source = read(tmp_path / "nope.yaml")
    assert source.workshop is None
    assert [d.code for d in source.diagnostics] == ["E-FILE-MISSING"]
    assert str(tmp_path / "nope.yaml") in source.diagnostics[0].message


def test_a_utf8_byte_order_mark_is_fine(tmp_outline):
    source = read(tmp_outline(b"\xef\xbb\xbf" + MINIMAL.encode()))
    assert [d.code for d in source.diagnostics] == ["W-SECTION-EMPTY"]  # MINIMAL has no slides
    assert source.workshop is not None and source.workshop.title == "T"


# ------------------------------------------------------------------ pictures


def picture_outline(reference: str) -> str:
    return ("title: T\nsections:\n  - title: S\n    slides:\n      - title: P\n"
            f"        image: {reference}\n        alt: A chart\n")


@pytest.fixture
def outside_picture(tmp_path, repo_root) -> Path:
    """Return a real PNG beside (not inside) the `deck/` folder the outline goes in."""
    target = tmp_path / "x.png"
    shutil.copy(repo_root / "images" / "patch-cadence.png", target)
    return target


def test_picture_outside_the_outline_folder_is_refused(tmp_outline, outside_picture):
    path = tmp_outline(picture_outline("../x.png"), name="deck/outline.yaml")
    d = only(read(path))
    assert where(d) == ("E-IMAGE-OUTSIDE", 6, 16)
    assert "--allow-outside-images" in (d.hint or "")
    allowed = read(path, allow_outside_images=True)
    assert allowed.diagnostics == ()
    assert allowed.images["../x.png"].path == outside_picture.resolve()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_symlink_to_a_picture_outside_is_refused(tmp_outline, outside_picture, tmp_path):
    (tmp_path / "deck" / "pictures").mkdir(parents=True)
    (tmp_path / "deck" / "pictures" / "link.png").symlink_to(outside_picture)
    path = tmp_outline(picture_outline("pictures/link.png"), name="deck/outline.yaml")
    assert where(only(read(path))) == ("E-IMAGE-OUTSIDE", 6, 16)
    assert read(path, allow_outside_images=True).workshop is not None


def test_png_that_is_really_text_is_refused(tmp_outline, tmp_path):
    (tmp_path / "fake.png").write_text("not a picture\n")
    d = only(read(tmp_outline(picture_outline("fake.png"))))
    assert where(d) == ("E-IMAGE-TYPE", 6, 16)
    assert "`fake.png`" in d.message


def test_real_picture_is_accepted_with_its_size(tmp_outline):
    source = read(tmp_outline(picture_outline("images/patch-cadence.png")))
    assert source.diagnostics == ()
    asset = source.images["images/patch-cadence.png"]
    from PIL import Image

    with Image.open(asset.path) as image:
        assert (asset.format, asset.width, asset.height) == ("png", *image.size)


# ------------------------------------------------------------------ all together


def test_every_problem_is_reported_together_sorted_by_line(tmp_outline):
    text = (
        "title: T\n"                   # 1
        "subtitel: oops\n"             # 2  unknown key (found by the structure check)
        "sections:\n"                  # 3
        "  - title: S\n"               # 4
        "    minutes: lots\n"          # 5  wrong type (found by the model)
        "    slides:\n"                # 6
        "      - title: A\n"           # 7
        "        bullets: [x]\n"       # 8
        "        bullets: [y]\n"       # 9  duplicate key (found while reading YAML)
    )
    source = read(tmp_outline(text))
    assert source.workshop is None
    assert [where(d) for d in source.diagnostics] == [
        ("E-KEY-UNKNOWN", 2, 1),
        ("E-VALUE", 5, 14),
        ("E-YAML-DUPLICATE", 9, 9),
    ]


def test_missing_picture_is_reported_with_other_problems(tmp_outline):
    text = ("title: T\ntitel: X\nsections:\n  - title: S\n    slides:\n      - title: P\n"
            "        image: images/nope.png\n        alt: A chart\n")
    source = read(tmp_outline(text))
    assert [where(d) for d in source.diagnostics] == [
        ("E-KEY-UNKNOWN", 2, 1), ("E-IMAGE-MISSING", 7, 16)]


# ------------------------------------------------------------------ valid constructs


VALID = """\
title: T
start: 9:30
facilitators: One Person
handout:
  paper: a4
sections:
  - title: S
    slides:
      - title: A
        bullets:
          - "Note: x"
          - Note: x
          - Three places to look:
              - deploying code
              - procurement
          - 3
          - 1.50
      - title: Prices
        table:
          header: [Item, Cost]
          rows:
            - [Tea, 1.50]
            - [Cake, 2.00]
            - [Total, 007]
            - [Agreed, yes]
            - [When, 2026-01-01]
"""


@pytest.fixture
def valid(tmp_outline):
    source = read(tmp_outline(VALID))
    assert source.diagnostics == ()
    assert source.workshop is not None
    return source.workshop


def test_single_facilitator_is_a_list(valid):
    assert valid.facilitators == ("One Person",)


def test_paper_is_normalised(valid):
    assert valid.handout.paper == "A4"


def test_start_without_leading_zero(valid):
    assert valid.start == "09:30"


def test_bullets_nested_and_with_colons(valid):
    section = valid.sections[0]
    assert isinstance(section, Section)
    slide = section.slides[0]
    assert isinstance(slide, BulletsSlide)
    texts = [b.text for b in slide.bullets]
    assert texts == ["Note: x", "Note: x", "Three places to look", "3", "1.50"]
    assert [b.text for b in slide.bullets[2].children] == ["deploying code", "procurement"]
    assert all(b.children == () for b in slide.bullets[:2])


def test_numbers_dates_and_yes_in_cells_stay_as_written(valid):
    section = valid.sections[0]
    assert isinstance(section, Section)
    slide = section.slides[1]
    assert isinstance(slide, TableSlide)
    assert slide.table.header == ("Item", "Cost")
    assert slide.table.rows == (
        ("Tea", "1.50"), ("Cake", "2.00"), ("Total", "007"), ("Agreed", "yes"),
        ("When", "2026-01-01"),
    )


def test_default_outline_reads_cleanly(repo_root):
    source = read(repo_root / "outline.yaml")
    assert source.diagnostics == ()
    assert source.workshop is not None
    assert source.workshop.title == "Change at pace"
    assert set(source.images) == {"images/workshop-room.png", "images/patch-cadence.png"}


def _png_claiming(width: int, height: int) -> bytes:
    """Return a tiny PNG file whose header claims ``width`` x ``height`` pixels."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("size", [(10_000, 10_000), (100_000, 100_000)])
def test_decompression_bomb_pictures_are_refused(tmp_outline, size):
    text = ("title: T\nsections:\n  - title: S\n    slides:\n      - title: P\n"
            "        image: bomb.png\n        alt: A chart\n")
    path = tmp_outline(text)
    (path.parent / "bomb.png").write_bytes(_png_claiming(*size))
    d = only(read(path))
    assert where(d) == ("E-IMAGE-SIZE", 6, 16)
    assert d.hint


# ------------------------------------------------------------------ worksheet spaces

PROMPT_HEAD = ("title: T\nsections:\n  - title: S\n    slides:\n      - activity:\n"
               "          title: A\n          minutes: 5\n          prompts:\n")

BAD_PROMPTS = {
    "two spaces": ("- prompt: Q\n  scale: [a, b]\n  grid: [x, y]", "E-PROMPT-SPACES", (11, 15),
                   "keep one space"),
    "three scale labels": ("- prompt: Q\n  scale: [a, b, c]", "E-PROMPT-LABELS", (10, 22),
                           "scale: [Cautious, Experimental]"),
    "one timeline label": ("- prompt: Q\n  timeline: [a]", "E-PROMPT-LABELS", (10, 25),
                           "timeline: [Request, Live]"),
    "grid as text": ("- prompt: Q\n  grid: Impact", "E-PROMPT-LABELS", (10, 21), "grid: ["),
    "points too many": ("- prompt: Q\n  scale: [a, b]\n  points: 11", "E-VALUE", (11, 23),
                        "3 to 10"),
    "points too few": ("- prompt: Q\n  scale: [a, b]\n  points: 2", "E-VALUE", (11, 23),
                       "3 to 10"),
    "points alone": ("- prompt: Q\n  points: 4", "E-PROMPT-KEY", (10, 15), "add `scale:`"),
    "rows alone": ("- prompt: Q\n  rows: 4", "E-PROMPT-KEY", (10, 15), "add `table:`"),
    "seven headings": ("- prompt: Q\n  table: [a, b, c, d, e, f, g]", "E-VALUE", (10, 22),
                       "6 headings"),
    "misspelt space": ("- prompt: Q\n  tabel: [a, b]", "E-KEY-UNKNOWN", (10, 15),
                       "did you mean `table`?"),
}


@pytest.mark.parametrize("case", BAD_PROMPTS.values(), ids=BAD_PROMPTS.keys())
def test_a_bad_prompt_is_one_positioned_error_with_a_hint(tmp_outline, case):
    body, code, (line, column), hint = case
    text = PROMPT_HEAD + "".join(f"            {row}\n" for row in body.splitlines())
    d = only(read(tmp_outline(text)))
    assert where(d) == (code, line, column), d
    assert d.hint and hint in d.hint, d.hint


def test_every_worksheet_space_reads_into_the_model(tmp_outline):
    body = ("- Plain\n- prompt: Score\n  scale: [Low, High]\n  points: 7\n"
            "- prompt: Plot\n  grid: [Impact, Delay]\n- prompt: Map\n  timeline: [Ask, Live]\n"
            "- prompt: Sort\n  table: [Contract, Why]\n  rows: 3\n")
    text = PROMPT_HEAD + "".join(f"            {row}\n" for row in body.splitlines())
    source = read(tmp_outline(text))
    assert source.workshop is not None, source.diagnostics
    section = source.workshop.sections[0]
    assert isinstance(section, Section)
    activity = section.slides[0].activity  # type: ignore[union-attr]
    assert [p.space for p in activity.prompts] == ["lines", "scale", "grid", "timeline", "table"]
    assert activity.questions == ("Plain", "Score", "Plot", "Map", "Sort")
    assert activity.prompts[1].points == 7 and activity.prompts[4].rows == 3
    assert activity.prompts[2].grid == ("Impact", "Delay")


# ------------------------------------------------------------------ text lost quietly

ONE_SLIDE = """\
title: T
sections:
  - title: Part
    minutes: 10
    slides:
      - title: Goals
        bullets:
{items}
"""


def test_a_comment_right_after_a_plain_value_warns_with_the_fix(tmp_outline):
    path = tmp_outline(ONE_SLIDE.format(items="          - Leave with #1 priority for the week\n"
                                        "          - Plain value  # an intended comment\n"
                                        '          - "Quoted #1 priority"\n'))
    source = read(path)
    assert source.workshop is not None
    (found,) = [d for d in source.diagnostics if d.code == "W-YAML-COMMENT"]
    assert found.severity is Severity.WARNING
    assert where(found) == ("W-YAML-COMMENT", 8, 24)
    assert "“Leave with”" in found.message
    assert found.hint is not None and '"Leave with #1 priority for the week"' in found.hint
    starter = read(tmp_outline((Path(__file__).parents[2] / "outline.yaml").read_text("utf-8"),
                               "default/outline.yaml", images=True))
    assert not [d for d in starter.diagnostics if d.code == "W-YAML-COMMENT"]


@pytest.mark.parametrize(("key", "lines"), [
    ("materials", "      - activity:\n          title: Do\n          minutes: 5\n"
                  "          materials: sticky notes, marker pens\n"),
    ("facilitators", None),
])
def test_one_text_with_commas_where_a_list_goes_warns(tmp_outline, key, lines):
    text = ONE_SLIDE.format(items="          - A point")
    if lines:
        text += lines
    else:
        text = text.replace("title: T\n", "title: T\nfacilitators: Ann Smith, Bob Jones\n")
    source = read(tmp_outline(text))
    (found,) = [d for d in source.diagnostics if d.code == "W-LIST-TEXT"]
    assert f"`{key}` is one text" in found.message and "not 2" in found.message
    assert found.hint is not None and "[" in found.hint
    listed = text.replace("sticky notes, marker pens", "[sticky notes, marker pens]").replace(
        "Ann Smith, Bob Jones", "[Ann Smith, Bob Jones]")
    assert not [d for d in read(tmp_outline(listed, "b.yaml")).diagnostics
                if d.code == "W-LIST-TEXT"]


@pytest.mark.parametrize("slides", ["    slides:\n", "    slides: []\n", ""])
def test_a_section_without_slides_warns_the_same_however_written(tmp_outline, slides):
    text = "title: T\nsections:\n  - title: Empty\n    minutes: 10\n" + slides
    source = read(tmp_outline(text))
    assert source.workshop is not None
    assert [d.code for d in source.diagnostics] == ["W-SECTION-EMPTY"]
    assert "“Empty” has no slides" in source.diagnostics[0].message
    assert read(tmp_outline(text, "s.yaml"), strict=True).diagnostics[0].severity \
        is Severity.WARNING  # the reader warns; --strict turns it into an error in `prepare`


def test_a_utf16_outline_is_named_as_such(tmp_outline):
    text = ONE_SLIDE.format(items="          - A point")
    for encoded in (text.encode("utf-16"), text.encode("utf-16-le")):
        (found,) = read(tmp_outline(encoded)).diagnostics
        assert found.code == "E-FILE-ENCODING"
        assert "UTF-16" in found.message and "binary" not in found.message
        assert found.hint is not None and "UTF-8" in found.hint


@pytest.mark.parametrize(("text", "key", "above"), [
    ("      - title: S\n          minutes: 5\n        bullets: [A]\n", "minutes", "title"),
    ("      - title: S\n        bullets: [A]\n          minutes: 5\n", "minutes", "bullets"),
])
def test_an_over_indented_key_gets_an_indentation_hint(tmp_outline, text, key, above):
    source = read(tmp_outline("title: T\nsections:\n  - title: A\n    minutes: 10\n"
                              "    slides:\n" + text))
    (found,) = source.diagnostics
    assert found.code == "E-YAML-SYNTAX"
    assert found.hint is not None
    assert f"`{key}:` is indented further than `{above}:`" in found.hint
    assert "must be quoted" not in found.hint
