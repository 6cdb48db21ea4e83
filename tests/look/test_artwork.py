"""Artwork found inside a layout's full-slide picture: small inked groups are logos;
a frame round the slide, or a photograph, is background."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from generator.layout.geometry import Box
from generator.look.artwork import artwork_boxes

SLIDE = Box(0.0, 0.0, 720.0, 405.0)


def _png(draw) -> bytes:
    picture = Image.new("RGB", (1440, 810), "white")
    draw(ImageDraw.Draw(picture))
    stream = io.BytesIO()
    picture.save(stream, format="PNG")
    return stream.getvalue()


def test_a_crest_in_the_corner_is_found_where_it_is_drawn() -> None:
    data = _png(lambda pen: pen.rectangle((60, 60, 200, 180), fill=(11, 12, 12)))
    (found,) = artwork_boxes(data, SLIDE)
    assert abs(found.x - 30) < 6 and abs(found.y - 30) < 6
    assert abs(found.right - 100) < 6 and abs(found.bottom - 90) < 6


def test_a_frame_round_the_slide_is_not_artwork() -> None:
    data = _png(lambda pen: pen.rounded_rectangle((40, 200, 1400, 780), 60,
                                                  outline=(0, 150, 130), width=6))
    assert artwork_boxes(data, SLIDE) == ()


def test_lettering_beside_the_crest_joins_it() -> None:
    def draw(pen) -> None:
        pen.rectangle((60, 60, 120, 140), fill=(0, 0, 0))
        for x in range(130, 300, 12):  # letters a few pixels apart
            pen.rectangle((x, 100, x + 8, 130), fill=(0, 0, 0))
    (found,) = artwork_boxes(_png(draw), SLIDE)
    assert found.right > 145  # the lettering's end, at x 300 px of 1440
