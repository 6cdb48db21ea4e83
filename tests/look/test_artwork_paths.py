"""Artwork inside a large freeform: its outlines traced and grouped like pixels."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest
from lxml import etree

from generator.look.artwork_paths import path_points, vector_artwork

A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
NS = f'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" {A}'
EMU = 12700
CORNER = ('<a:moveTo><a:pt x="18000" y="16000"/></a:moveTo><a:lnTo><a:pt x="18000" '
          'y="20000"/></a:lnTo><a:moveTo><a:pt x="19000" y="16000"/></a:moveTo><a:lnTo>'
          '<a:pt x="19000" y="20000"/></a:lnTo>')


def _path(commands: str) -> etree._Element:
    return etree.fromstring(f'<a:path {A} w="100" h="100">{commands}</a:path>')


def _layout(commands: str, size: tuple[float, float] = (720, 540),
            fill: str = "<a:noFill/><a:ln><a:solidFill><a:srgbClr val=\"000000\"/>"
                        "</a:solidFill></a:ln>", turns: str = "") -> SimpleNamespace:
    """Return a stand-in for a python-pptx layout drawing one freeform of ``size`` (pt)."""
    element = etree.fromstring(
        f'<p:sldLayout {NS}><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="Shape"/>'
        f'<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm {turns}><a:off x="0" y="0"/>'
        f'<a:ext cx="{int(size[0] * EMU)}" cy="{int(size[1] * EMU)}"/></a:xfrm><a:custGeom>'
        f'<a:pathLst><a:path w="21600" h="21600">{commands}</a:path></a:pathLst></a:custGeom>'
        f'{fill}</p:spPr></p:sp></p:spTree></p:cSld></p:sldLayout>')
    return SimpleNamespace(_element=element)


def test_an_arc_is_traced_round_its_centre() -> None:
    # a quarter circle of radius 50 from (100, 50): its centre is at (50, 50)
    points = [p for p in path_points(_path(
        '<a:moveTo><a:pt x="100" y="50"/></a:moveTo>'
        '<a:arcTo wR="50" hR="50" stAng="0" swAng="5400000"/>')) if p is not None]
    assert all(math.dist(p, (50, 50)) == pytest.approx(50) for p in points)
    assert points[-1] == pytest.approx((50, 100))


def test_a_curve_and_a_closed_outline_end_where_they_should() -> None:
    points = list(path_points(_path(
        '<a:moveTo><a:pt x="0" y="0"/></a:moveTo><a:cubicBezTo><a:pt x="0" y="50"/>'
        '<a:pt x="50" y="100"/><a:pt x="100" y="100"/></a:cubicBezTo><a:close/>')))
    assert points[0] is None and points[1] == (0, 0)
    assert (100, 100) in points and points[-1] == pytest.approx((0, 0))


def test_two_strokes_in_the_lower_right_corner_are_found_there() -> None:
    found = vector_artwork(_layout(CORNER), (720, 540))
    assert len(found) == 2
    for box in found:
        assert 590 < box.x < 640 and 395 < box.y < 405 and box.bottom < 505


def test_a_frame_round_the_slide_is_background() -> None:
    frame = ('<a:moveTo><a:pt x="100" y="100"/></a:moveTo><a:lnTo><a:pt x="21500" y="100"/>'
             '</a:lnTo><a:lnTo><a:pt x="21500" y="21500"/></a:lnTo><a:lnTo><a:pt x="100" '
             'y="21500"/></a:lnTo><a:close/>')
    assert vector_artwork(_layout(frame), (720, 540)) == ()


def test_small_or_invisible_freeforms_are_left_alone() -> None:
    assert vector_artwork(_layout(CORNER, size=(200, 200)), (720, 540)) == ()
    hidden = "<a:noFill/><a:ln><a:noFill/></a:ln>"
    assert vector_artwork(_layout(CORNER, fill=hidden), (720, 540)) == ()


def test_a_flipped_freeform_has_its_artwork_where_it_is_drawn() -> None:
    found = vector_artwork(_layout(CORNER, turns='flipH="1" flipV="1"'), (720, 540))
    assert len(found) == 2 and all(box.right < 130 and box.bottom < 145 for box in found)


def test_a_turned_freeform_has_its_artwork_where_it_is_drawn() -> None:
    # a quarter turn clockwise about the slide's centre turns the upright strokes at
    # x 600 and 633 (y 400 to 500) into level ones at y 510 and 543 (x 130 to 230)
    found = sorted(vector_artwork(_layout(CORNER, turns='rot="5400000"'), (720, 540)),
                   key=lambda b: b.y)
    assert len(found) == 2
    assert all(125 < box.x < 135 and 225 < box.right < 240 for box in found)
    assert [round(box.y + box.h / 2) for box in found] == [510, 544]
