"""The preview's slides: SVG drawn by the thumbnail drawer, one per deck slide."""

from __future__ import annotations

import re
from html import unescape

from generator.build import prepare
from generator.layout.frames import TextFrame
from generator.options import BuildOptions
from generator.writers.html.slides import slide_pictures, slides_page

from . import DEFAULT_OUTLINE, REPO_ROOT


def test_every_deck_slide_is_a_labelled_svg_with_its_words_and_pictures():
    prepared = prepare(DEFAULT_OUTLINE, BuildOptions(outputs=("html",)))
    pictures = slide_pictures(prepared)
    assert [n for n, _ in pictures] == [s.number for s in prepared.deck.slides]
    for (number, svg), slide in zip(pictures, prepared.deck.slides, strict=True):
        assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 540"')
        label = unescape(re.search(r'aria-label="([^"]*)"', svg).group(1))
        assert label.startswith(f"Slide {number}")
        words = unescape(" ".join(re.findall(r">([^<]+)</text>", svg))).replace("\u00a0", " ")
        shown = [f for f in slide.frames if isinstance(f, TextFrame) and not f.hidden]
        if len(shown) < len([f for f in slide.frames if isinstance(f, TextFrame)]):
            # a quote's or statement's title is not drawn: its first shown text is
            first_shown = shown[0].text.paragraphs[0].lines[0].text.split()[0]
            assert first_shown in words, (number, first_shown)
            continue
        first_word = slide.title.split()[0]
        assert first_word in words, (number, slide.title)
    welcome = next(svg for _, svg in pictures if "Welcome" in svg)
    assert 'href="data:image/png;base64,' in welcome  # the slide's picture, inline


def test_clip_ids_are_unique_across_the_page():
    prepared = prepare(DEFAULT_OUTLINE, BuildOptions(outputs=("html",)))
    page = slides_page(prepared)
    ids = re.findall(r' id="([^"]+)"', page)
    assert ids and len(ids) == len(set(ids))


def test_a_bilingual_slides_page_gives_each_language_its_own_span():
    html = slides_page(prepare(REPO_ROOT / "docs/bilingual-example.yaml",
                               BuildOptions(outputs=("html",))))
    assert '<html lang="cy-GB">' in html
    assert ('<h1><span lang="cy-GB">Newid ar gyflymder: Sleidiau</span><br>'
            '<span lang="en-GB">Change at pace: Slides</span></h1>') in html
    assert '<p><span lang="cy-GB">Sleid 1</span><br><span lang="en-GB">Slide 1</span></p>' \
        in html
