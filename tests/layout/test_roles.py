"""What make-deck adds or leaves out where a template's layout falls short: contact
lines and swatch labels are no bodies, titles a layout lacks clear its header band,
quotes and credits stand over what goes under them."""

from __future__ import annotations

from generator.layout.geometry import Box, LayoutGeometry, Placeholder
from generator.layout.roles import ADDED_BODY, SYNTHETIC_TITLE, map_roles

W, H = 960.0, 540.0
MASTER_TITLE = Box(36, 22, 888, 90)
TITLE = Placeholder("title", 0, Box(66, 29, 780, 104))
CONTENT = LayoutGeometry("Title and Content 1", (TITLE, Placeholder("obj", 1,
                                                                      Box(66, 144, 780, 343))))


def geometry(*layouts: LayoutGeometry) -> dict[str, LayoutGeometry]:
    found, _, _ = map_roles(layouts, W, H, MASTER_TITLE)
    return found.roles


def test_contact_lines_beside_a_picture_take_no_credit() -> None:
    # a closing layout as a course template has it: names under a large title, three
    # one-line contact boxes (1.9 in wide) under a portrait
    closing = LayoutGeometry("Closing", (
        Placeholder("title", 0, Box(66, 135, 464, 225)),
        Placeholder("body", 1, Box(66, 361, 464, 118)),
        Placeholder("pic", 17, Box(608, 116, 262, 257)),
        *(Placeholder("body", idx, Box(592, 373 + 18 * n, 134, 18), grows=True)
          for n, idx in enumerate((14, 15, 16)))))
    chosen = geometry(CONTENT, closing)["closing"]
    assert chosen.name == "Closing"
    names, credit = chosen.bodies()
    assert names.idx == 1 and credit.idx == ADDED_BODY
    assert credit.box.w == names.box.w and credit.box.y >= names.box.bottom
    assert credit.box.h >= H * 0.06  # a line of small print fits


def test_a_row_of_swatch_labels_is_no_columns_layout() -> None:
    # a style guide's page: a title, a wide text band and two labels under colour swatches
    guide = LayoutGeometry("Color and Typography", (
        Placeholder("title", 0, Box(66, 29, 828, 104)),
        Placeholder("body", 10, Box(66, 292, 828, 104)),
        Placeholder("body", 11, Box(370, 482, 189, 45)),
        Placeholder("body", 12, Box(605, 482, 189, 45))))
    columns = geometry(CONTENT, guide)["columns"]
    assert columns.name == "Title and Content 1"
    left, right = columns.bodies()
    assert left.box.h > H * 0.5 and right.box.x > left.box.right


def test_an_added_title_clears_the_header_band() -> None:
    # a layout without placeholders under a red band 1.1 in tall; the master's title
    # sits at 0.3 in, inside it
    banded = LayoutGeometry("Titolo e contenuto", (), obstacles=(Box(-8, 0, 728, 79),
                                                                 Box(19, 12, 199, 55)))
    roles = geometry(banded)
    for role in ("bullets", "quote", "closing"):
        title = roles[role].first("title")
        assert title is not None and title.idx == SYNTHETIC_TITLE
        assert title.box.y >= 79, role
        assert all(body.box.y >= title.box.bottom for body in roles[role].bodies()), role


def test_an_added_title_keeps_the_masters_place_without_a_band() -> None:
    plain = LayoutGeometry("Blank with logo", (), obstacles=(Box(820, 480, 100, 40),))
    title = geometry(plain)["bullets"].first("title")
    assert title is not None and title.box == MASTER_TITLE


def test_an_added_quote_stands_over_its_attribution() -> None:
    bare = LayoutGeometry("Titolo e contenuto", ())
    roles = geometry(bare)
    for role in ("quote", "closing"):
        first, second = roles[role].bodies()
        assert first.box.x == second.box.x and first.box.w == second.box.w, role
        assert second.box.y > first.box.bottom, role
        assert first.box.h > 2 * second.box.h, role


def test_a_body_stops_above_the_logo_in_its_corner() -> None:
    # a user group's template: the master's logo (2.6 x 1.6 in) sits in the body's
    # lower right corner; text set there would run over it
    logo = Box(757, 416, 189, 113)
    content = LayoutGeometry("Title and Content", CONTENT.placeholders, obstacles=(logo,))
    (body,) = geometry(content)["bullets"].bodies()
    assert body.box.bottom <= logo.y
    assert body.box.h >= CONTENT.bodies()[0].box.h * 0.5


def test_columns_grow_over_a_panel_behind_them_but_not_over_a_logo() -> None:
    # a three-column layout as a health agency's template has it: the middle column
    # is drawn shorter than the others, over a large coloured panel in the lower part
    # of the slide; a small logo sits under the right-hand column
    panel, logo = Box(40, 330, 880, 170), Box(700, 440, 120, 40)
    three = LayoutGeometry("Three Content", (
        TITLE,
        Placeholder("body", 1, Box(66, 144, 250, 336)),
        Placeholder("body", 2, Box(346, 144, 250, 106)),
        Placeholder("body", 3, Box(626, 144, 250, 336))), obstacles=(panel, logo))
    left, middle, right = geometry(CONTENT, three)["columns3"].bodies()
    assert middle.box.bottom >= left.box.bottom - 1  # the panel does not stop it
    assert right.box.bottom <= logo.y  # the logo does


def test_a_main_point_title_filling_the_slide_holds_the_added_quote() -> None:
    # Google Slides' MAIN_POINT: a title placeholder over 80 % of the slide's height and
    # nothing else; quote and statement slides keep their titles off the slide, so the
    # added quote, attribution and statement take the title's own room, on the slide
    main_point = LayoutGeometry("MAIN_POINT", (Placeholder("title", 0, Box(52, 51, 654, 429)),))
    roles = geometry(CONTENT, main_point)
    for role in ("quote", "statement"):
        chosen = roles[role]
        assert chosen.name == "MAIN_POINT"
        title = chosen.first("title")
        assert title is not None
        for body in chosen.bodies():
            assert body.idx >= ADDED_BODY
            assert title.box.y <= body.box.y and body.box.bottom <= title.box.bottom <= H
    quote, by = roles["quote"].bodies()
    assert by.box.y >= quote.box.bottom
