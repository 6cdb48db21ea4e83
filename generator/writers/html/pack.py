"""The HTML participant pack and the HTML facilitator guide.

`write_pack` renders one self-contained page (styles and script inline, pictures
as data: URIs, no request to anywhere) from the pack, in the look's colours and
typefaces. The participant pack never holds speaker notes or activity outcomes;
the guide (``guide=True``) holds them, with the run sheet and materials.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

import jinja2
from markupsafe import Markup

from generator.layout.frames import PictureFrame
from generator.look.look import Look
from generator.markup import plain_text
from generator.model import Break, ImageSlide, Section
from generator.outline.assets import sniff_format
from generator.pack import Pack
from generator.plan import AgendaItem, Plan, PlannedSlide, clock
from generator.text import hours_minutes
from generator.wording import break_name
from generator.writers.html.content import (
    Picture,
    attribute_text,
    blocks,
    contact,
    data_uri,
    inline,
    nolinks,
)
from generator.writers.html.look import page_look
from generator.writers.html.spaces import GRID_ITEMS, TIMELINE_STEPS, worksheet_prompts
from generator.writers.html.words import word

TEMPLATES = Path(__file__).resolve().parent / "templates"
CONTENT_ROLES = frozenset(
    {"bullets", "columns", "quote", "statement", "image", "table", "activity"})


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Return a cache of the compiled templates in this user's temporary folder (Jinja's
    own, private to the user, checked against each template's source), or None when
    it cannot be had: compiling takes longer than rendering a pack."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


@jinja2.pass_context
def _duration(context: jinja2.runtime.Context, minutes: int) -> str:
    """Return a length of time in the page's words ("1 hour 10 minutes", "1 awr 10 munud"),
    language-marked (pass it to ``inline``)."""
    return str(context["plan"].words.duration(minutes))


@jinja2.pass_context
def _marked(context: jinja2.runtime.Context, key: str, /, count: int | None = None,
            **values: object) -> str:
    """Return make-deck's word for ``key`` in the page's words, language-marked."""
    return word(context["plan"].words, key, count, **values)


@jinja2.pass_context
def _word(context: jinja2.runtime.Context, key: str, /, count: int | None = None,
          **values: object) -> Markup:
    """Return make-deck's word for ``key`` as HTML, each language in its ``lang`` span."""
    return inline(word(context["plan"].words, key, count, **values))


@jinja2.pass_context
def _attribute_word(context: jinja2.runtime.Context, key: str, /, count: int | None = None,
                    **values: object) -> str:
    """Return make-deck's word for ``key`` as plain text for an attribute or a title."""
    return attribute_text(word(context["plan"].words, key, count, **values))


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Return the templates' environment (loaded once per process)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
        lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(inline=inline, contact=contact, nolinks=nolinks, blocks=blocks,
                       duration=_duration, plain=plain_text, attr=attribute_text)
    env.globals.update(w=_word, wa=_attribute_word, wm=_marked, grid_items=GRID_ITEMS,
                       timeline_steps=TIMELINE_STEPS)
    return env


def warm_up() -> None:
    """Load and compile the templates, so that forked renderers share them."""
    env = environment()
    for name in ("page.html.j2", "blocks.html.j2", "worksheet.html.j2"):
        env.get_template(name)
    for name in ("pack.css", "pack.js"):
        _static(name)


@lru_cache(maxsize=4)
def _static(name: str) -> str:
    return (TEMPLATES / name).read_text("utf-8")


@dataclass(frozen=True, slots=True)
class PartView:
    """One section or break of the agenda, with the slides shown under it."""

    item: AgendaItem
    part: Section | Break
    number: int
    slides: tuple[tuple[int, PlannedSlide], ...]


def _parts(plan: Plan) -> list[PartView]:
    """Return the agenda's sections and breaks with their content slides."""
    out = []
    number = 0
    for item in plan.agenda:
        part = plan.workshop.sections[item.part_index]
        number += isinstance(part, Section)
        slides = tuple((i, s) for i, s in enumerate(plan.slides)
                       if s.part_index == item.part_index and s.role in CONTENT_ROLES)
        out.append(PartView(item, part, number, slides))
    return out


def _pictures(pack: Pack) -> dict[int, Picture]:
    """Return the picture of each image slide, by plan index, as the deck places it."""
    from PIL import Image

    found: dict[int, Picture] = {}
    for laid in pack.deck.slides:
        planned = pack.plan.slides[laid.plan_index]
        if laid.plan_index in found or not isinstance(planned.slide, ImageSlide):
            continue
        for frame in laid.frames:
            if isinstance(frame, PictureFrame):
                kind = sniff_format(frame.path.read_bytes()[:16]) or "png"
                with Image.open(frame.path) as image:
                    width, height = image.size
                found[laid.plan_index] = Picture(data_uri(frame.path, kind), width, height)
                break
    return found


def answers_key(plan: Plan, stem: str) -> str:
    """Return the local-storage key of a workshop's answers: its file name and date,
    and a short digest of its title (two workshops on one computer never share)."""
    workshop = plan.workshop
    digest = hashlib.sha256(workshop.title.encode("utf-8")).hexdigest()[:8]
    return f"make-deck:{stem}:{workshop.date or 'undated'}:{digest}"


def _when(plan: Plan, offset: int) -> str:
    return clock(plan.workshop.start, offset) or f"+{hours_minutes(offset)}"


def _css(look: Look) -> str:
    """Return the page's style sheet: the look as custom properties, then the rules."""
    colours = page_look(look)
    props = "\n".join(f"  --{name.replace('_', '-')}: {getattr(colours, name)};"
                      for name in colours.__slots__)
    return f":root {{\n{props}\n}}\n{_static('pack.css')}"


def render_page(pack: Pack, *, stem: str, guide: bool = False) -> str:
    """Return the participant pack (or, with ``guide``, the facilitator guide) as HTML;
    ``stem`` names the files (answers are saved as ``STEM-answers.txt``)."""
    plan = pack.plan
    workshop = plan.workshop
    template = environment().get_template("page.html.j2")
    return template.render(
        plan=plan, workshop=workshop, lang=workshop.language, guide=guide,
        parts=_parts(plan), numbers=pack.slide_numbers, pictures=_pictures(pack),
        key=answers_key(plan, stem), stem=stem, css=_css(pack.look), js=_static("pack.js"),
        long_date=plan.words.date, when=lambda offset: _when(plan, offset),
        break_name=lambda name: break_name(name, plan.words),
        prompts_of=worksheet_prompts,
        activities=sum(1 for s in plan.slides if s.role == "activity"),
    )


def write_pack(pack: Pack, target: BinaryIO, *, stem: str, guide: bool = False) -> None:
    """Write the page `render_page` makes to ``target`` as UTF-8."""
    target.write(render_page(pack, stem=stem, guide=guide).encode("utf-8"))
