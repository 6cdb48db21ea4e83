"""Layouts chosen as a designer would: by type first, placeholders next, names in any
language as hints; usable areas for boxes that grow with their text."""

from __future__ import annotations

from generator.layout.geometry import Box, LayoutGeometry, Placeholder
from generator.layout.layout_kinds import classify, suitability
from generator.layout.roles import map_roles
from generator.layout.usable import usable_areas

W, H = 960.0, 540.0
TITLE = Placeholder("title", 0, Box(40, 30, 880, 80))
BODY = Placeholder("obj", 1, Box(40, 130, 880, 360))


def layout(name: str, kind: str, *placeholders: Placeholder) -> LayoutGeometry:
    return LayoutGeometry(name, placeholders, kind=kind)


PORTUGUESE = (
    layout("Slide de título", "title", Placeholder("ctrTitle", 0, Box(80, 150, 800, 120)),
           Placeholder("subTitle", 1, Box(80, 300, 800, 80))),
    layout("Título e conteúdo", "obj", TITLE, BODY),
    layout("Cabeçalho da Seção", "secHead", Placeholder("title", 0, Box(60, 200, 820, 100)),
           Placeholder("body", 1, Box(60, 320, 820, 60))),
    layout("Duas Partes de Conteúdo", "twoObj", TITLE,
           Placeholder("obj", 1, Box(40, 130, 430, 360)),
           Placeholder("obj", 2, Box(490, 130, 430, 360))),
    layout("Somente título", "titleOnly", TITLE),
    layout("Imagem com Legenda", "picTx", TITLE, Placeholder("pic", 1, Box(500, 40, 400, 440)),
           Placeholder("body", 2, Box(40, 150, 400, 200))),
    layout("Título e texto vertical", "vertTx", TITLE, BODY),
)


def chosen(layouts: tuple[LayoutGeometry, ...]) -> dict[str, str]:
    _, choices, _ = map_roles(layouts, W, H, TITLE.box)
    return {c.role: c.layout for c in choices}


def test_roles_follow_the_layout_type_whatever_the_language() -> None:
    roles = chosen(PORTUGUESE)
    assert roles["title"] == "Slide de título"
    assert roles["section"] == roles["break"] == "Cabeçalho da Seção"
    assert roles["bullets"] == roles["agenda"] == roles["activity"] == "Título e conteúdo"
    assert roles["columns"] == "Duas Partes de Conteúdo"
    assert roles["image"] == roles["table"] == "Somente título"
    # never a cover, section, vertical or picture-and-caption layout for content
    for role in ("quote", "statement", "closing", "columns3"):
        assert roles[role] not in ("Slide de título", "Cabeçalho da Seção",
                                   "Título e texto vertical", "Imagem com Legenda"), role


def test_names_are_hints_where_the_layout_has_no_type() -> None:
    custom = (
        layout("表紙", "cust", Placeholder("ctrTitle", 0, Box(80, 150, 800, 120)),
               Placeholder("subTitle", 1, Box(80, 300, 800, 80))),
        layout("Section 1", "cust", TITLE, Placeholder("body", 1, Box(40, 300, 880, 100))),
        layout("Closing", "cust", TITLE, BODY, Placeholder("body", 2, Box(40, 430, 880, 60))),
        layout("Title and Content 1", "cust", TITLE, BODY),
        layout("Big Quote", "cust", TITLE, Placeholder("body", 1, Box(60, 120, 840, 260)),
               Placeholder("body", 2, Box(60, 400, 840, 60))),
    )
    roles = chosen(custom)
    assert roles["title"] == "表紙"
    assert roles["section"] == "Section 1"
    assert roles["closing"] == "Closing"
    assert roles["bullets"] == "Title and Content 1"
    assert roles["quote"] == "Big Quote"
    assert classify(custom[0]).cover and not suitability(custom[0], "statement")[0]


def test_a_closing_layout_never_takes_content() -> None:
    closing = layout("Thank you", "cust", TITLE, Placeholder("obj", 1, Box(40, 130, 430, 360)),
                     Placeholder("obj", 2, Box(490, 130, 430, 360)))
    roles = chosen((*PORTUGUESE, closing))
    assert roles["closing"] == "Thank you"
    assert roles["columns"] == "Duas Partes de Conteúdo"


def test_a_box_that_grows_with_its_text_extends_to_the_next_shape() -> None:
    title = Placeholder("title", 0, Box(36, 20, 888, 22), grows=True)
    body = Placeholder("body", 1, Box(36, 90, 888, 22), grows=True)
    logo = Box(36, 470, 120, 40)
    grown = usable_areas(LayoutGeometry("TITLE_AND_BODY", (title, body), obstacles=(logo,)),
                         W, H)
    new_title, new_body = grown.placeholders
    assert new_title.box.bottom < new_body.box.y  # the title stops above the body
    assert new_title.box.h > 40
    assert new_body.box.bottom <= logo.y and new_body.box.h > 300  # down to the logo


def test_a_subtitle_grown_into_its_title_is_moved_clear() -> None:
    title = Placeholder("ctrTitle", 0, Box(80, 100, 800, 200))
    subtitle = Placeholder("subTitle", 1, Box(80, 260, 800, 120))
    fixed = usable_areas(LayoutGeometry("Title", (title, subtitle)), W, H)
    a, b = fixed.placeholders
    assert a.box.bottom <= b.box.y
