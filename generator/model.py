"""The workshop model: frozen, validated, free of I/O.

This is the outline format (version 1) as types. The reader builds it from YAML;
everything downstream (plan, layout, writers) reads only this. Field descriptions
feed the JSON Schema that editors use to complete and check outlines.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)


def _as_text(value: Any) -> Any:
    """Return numbers as the text they were written as; leave anything else alone."""
    source = getattr(value, "yaml_source", None)
    if source is not None:
        return source
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return str(value)
    return value


def _cell(value: Any) -> Any:
    """Return a table cell as text: numbers as written, an empty cell (``~``) as ""."""
    return "" if value is None else _as_text(value)


def _one_or_many(value: Any) -> Any:
    """Return a single text value as a one-item list (``materials: flip chart``)."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return [value]
    return value


def _none_as_empty(value: Any) -> Any:
    """Return an empty list for a key written with nothing after it (``slides:``)."""
    return () if value is None else value


Text = Annotated[str, BeforeValidator(_as_text), Field(min_length=1)]
TextList = Annotated[tuple[Text, ...], BeforeValidator(_one_or_many)]
def _unquoted_number(value: Any) -> Any:
    """Refuse a number written as quoted text ("15"): an editor's schema would too."""
    if isinstance(value, str) and re.fullmatch(r"\s*[-+]?\d+\s*", value):
        raise ValueError(f"`{value}` is text; write the number without quotes")
    return value


Minutes = Annotated[int, Field(ge=0, le=24 * 60, description="Minutes, a whole number."),
                    BeforeValidator(_unquoted_number)]

SLIDE_ROLES = (
    "title", "agenda", "section", "bullets", "columns", "quote", "statement",
    "image", "table", "activity", "break", "closing",
)
Role = Literal[
    "title", "agenda", "section", "bullets", "columns", "quote", "statement",
    "image", "table", "activity", "break", "closing",
]
_BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-[A-Za-z0-9]{5,8})*$")
_STEM = re.compile(r"^[^/\\:*?\"<>|\x00-\x1f]+$")


class Frozen(BaseModel):
    """Base of every model type: immutable, and unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Bullet(Frozen):
    """One bullet point and the bullets nested under it."""

    text: Text = Field(description="The bullet's text; `**bold**` and `*italic*` work.")
    children: tuple[Bullet, ...] = Field(
        (), description="Bullets nested under this one, written as any bullets are."
    )

    @field_validator("children", mode="before")
    @classmethod
    def _nested(cls, value: Any) -> Any:
        return _bullets(value)


def _bullets(value: Any) -> Any:
    """Return YAML bullet items as `Bullet` data.

    A bullet is text, or a one-key mapping ``text: [sub-bullets]``. A mapping whose
    value is text (``- Note: this``) is the bullet ``Note: this``.
    """
    if not isinstance(value, list | tuple):
        return value
    items: list[Any] = []
    for item in value:
        if isinstance(item, dict) and len(item) == 1 and "text" not in item:
            ((key, sub),) = item.items()
            if isinstance(sub, list):
                items.append({"text": key, "children": _bullets(sub)})
            elif sub is None:
                items.append({"text": key})
            elif isinstance(sub, dict):
                items.append(item)  # not a bullet: let validation say so
            else:
                items.append({"text": f"{key}: {_as_text(sub)}"})
        elif isinstance(item, dict):
            items.append(item)
        else:
            items.append({"text": item})
    return items


Bullets = Annotated[tuple[Bullet, ...], BeforeValidator(_bullets)]


class SlideCommon(Frozen):
    """Keys every slide may carry."""

    notes: Text | None = Field(None, description="Speaker notes, shown on the notes page.")
    minutes: Minutes | None = Field(None, description="Time spent on this slide.")
    handout: Text | None = Field(
        None, description="Extra text printed in the handout beside this slide."
    )


class BulletsSlide(SlideCommon):
    """A title and (nested) bullet points."""

    kind: Literal["bullets"] = Field("bullets", exclude=True)
    title: Text | None = Field(None, description="The slide's title.")
    bullets: Bullets = Field((), description="Bullet points; nest with `text: [sub-bullets]`.")


class QuoteSlide(SlideCommon):
    """A quotation with its attribution."""

    kind: Literal["quote"] = Field("quote", exclude=True)
    title: Text | None = Field(None, description="Title for screen readers and the outline.")
    quote: Text = Field(description="The quotation, without quotation marks.")
    by: Text | None = Field(None, description="Who said or wrote it.")


class StatementSlide(SlideCommon):
    """One big line."""

    kind: Literal["statement"] = Field("statement", exclude=True)
    title: Text | None = Field(None, description="Title for screen readers and the outline.")
    statement: Text = Field(description="One short, big statement.")


class Column(Frozen):
    """One column of a columns slide."""

    heading: Text | None = Field(None, description="The column's heading, shown in bold.")
    bullets: Bullets = Field((), description="The column's bullet points.")


class ColumnsSlide(SlideCommon):
    """Two or three columns side by side."""

    kind: Literal["columns"] = Field("columns", exclude=True)
    title: Text | None = Field(None, description="The slide's title.")
    columns: tuple[Column, ...] = Field(
        min_length=2, max_length=3, description="Two or three columns, each with a `heading`."
    )


class ImageSlide(SlideCommon):
    """A picture; ``alt`` is required unless the picture is only decoration."""

    kind: Literal["image"] = Field("image", exclude=True)
    title: Text | None = Field(None, description="The slide's title.")
    image: Text = Field(
        description="Path of a PNG or JPEG, relative to the outline file.",
        examples=["images/chart.png"],
    )
    alt: Text | None = Field(None, description="What the picture shows, for screen readers.")
    caption: Text | None = Field(None, description="A short line shown under the picture.")
    decorative: bool = Field(False, description="True when the picture is only decoration.")

    @model_validator(mode="after")
    def _alt_or_decorative(self) -> ImageSlide:
        if not self.alt and not self.decorative:
            raise ValueError(
                "a picture needs `alt` (what it shows), or `decorative: true` if it is "
                "only decoration"
            )
        return self


class Table(Frozen):
    """A table: an optional header row and rows of cells."""

    header: TextList | None = Field(None, description="The header row: one text per column.")
    rows: tuple[tuple[Annotated[str, BeforeValidator(_cell)], ...], ...] = Field(
        min_length=1,
        description="The rows, each a list of cells; every row has as many cells as the header.",
    )

    @model_validator(mode="after")
    def _same_width(self) -> Table:
        widths = {len(row) for row in self.rows} | ({len(self.header)} if self.header else set())
        if len(widths) > 1:
            raise ValueError(
                f"every row needs the same number of cells (found {sorted(widths)})"
            )
        return self


class TableSlide(SlideCommon):
    """A title and a table."""

    kind: Literal["table"] = Field("table", exclude=True)
    title: Text | None = Field(None, description="The slide's title.")
    table: Table = Field(description="The table: `header` and `rows`.")


def _plain_prompt(value: Any) -> Any:
    """Return a prompt written as text (or a number) as the mapping ``{prompt: text}``."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return {"prompt": value}
    return value


def _one_prompt_or_many(value: Any) -> Any:
    """Return a single prompt (a text, or one mapping) as a one-item list."""
    return [value] if isinstance(value, dict) else _one_or_many(value)


PROMPT_SPACES = ("scale", "grid", "timeline", "table")
"""The keys of a prompt that each draw a space other than ruled lines; one at most."""

PROMPT_ONE_SPACE = "a prompt draws one space, but this one has"
SpaceKind = Literal["lines", "scale", "grid", "timeline", "table"]
Pair = tuple[Text, Text]


class Prompt(Frozen):
    """A worksheet question and the space to answer it in (ruled lines unless it says)."""

    prompt: Text = Field(description="The question, as the slide, worksheet and guide show it.")
    scale: Pair | None = Field(
        None, description="A row of boxes to mark from 1 to `points`: [left end, right end].",
        examples=[["Cautious", "Experimental"]])
    points: Annotated[int, BeforeValidator(_unquoted_number)] = Field(
        5, ge=3, le=10, description="With `scale`: how many boxes, 3 to 10.")
    grid: Pair | None = Field(
        None, description="A 2 x 2 grid: [x axis, y axis] labels.",
        examples=[["Impact on users", "Time to patch"]])
    timeline: Pair | None = Field(
        None, description="A line to mark steps and waits on: [start, end] labels.",
        examples=[["Request", "Live"]])
    table: tuple[Text, ...] | None = Field(
        None, min_length=1, max_length=6,
        description="A table to fill in: its column headings (1 to 6).",
        examples=[["Contract", "Partnership?", "Why"]])
    rows: Annotated[int, BeforeValidator(_unquoted_number)] = Field(
        4, ge=1, le=20, description="With `table`: how many empty rows.")

    @model_validator(mode="after")
    def _one_space(self) -> Prompt:
        given = [key for key in PROMPT_SPACES if getattr(self, key) is not None]
        if len(given) > 1:
            raise ValueError(f"{PROMPT_ONE_SPACE}: " + " and ".join(f"`{k}`" for k in given))
        for key, needs in (("points", "scale"), ("rows", "table")):
            if key in self.model_fields_set and getattr(self, needs) is None:
                raise ValueError(f"`{key}` goes with `{needs}`, which this prompt does not have")
        return self

    @property
    def space(self) -> SpaceKind:
        """Return the kind of space drawn under the question ("lines" unless one is given)."""
        return next((key for key in PROMPT_SPACES if getattr(self, key) is not None),
                    "lines")  # type: ignore[return-value]


class Activity(Frozen):
    """A timed exercise: a slide, a worksheet page and a facilitator-guide entry."""

    title: Text = Field(description="The activity's name, shown on its slide and worksheet.")
    minutes: Minutes = Field(description="How long the activity takes, in minutes.")
    format: Text | None = Field(None, description="How people work, e.g. tables of 4 to 6.")
    materials: TextList = Field((), description="What each group needs, e.g. sticky notes.")
    steps: TextList = Field((), description="The instructions, in order.")
    prompts: Annotated[
        tuple[Annotated[Prompt, BeforeValidator(_plain_prompt)], ...],
        BeforeValidator(_one_prompt_or_many),
    ] = Field((), description="Questions printed on the worksheet: each a text (ruled lines "
              "under it), or `prompt:` with one of `scale`, `grid`, `timeline` or `table`.")
    write_in: Annotated[int, BeforeValidator(_unquoted_number)] = Field(
        4, ge=0, le=40, description="Ruled lines under each prompt written as text.")
    outcome: Text | None = Field(None, description="What the activity should produce.")

    @property
    def questions(self) -> tuple[str, ...]:
        """Return the prompts' questions, as the slide and the guide show them."""
        return tuple(prompt.prompt for prompt in self.prompts)


class ActivitySlide(Frozen):
    """An activity entry in a section's slides."""

    kind: Literal["activity"] = Field("activity", exclude=True)
    activity: Activity = Field(description="The activity: its title, minutes, steps and prompts.")
    notes: Text | None = Field(None, description="Speaker notes, shown on the notes page.")
    handout: Text | None = Field(
        None, description="Extra text printed in the handout beside this slide."
    )

    @property
    def minutes(self) -> int:
        """Return the activity's minutes (an activity slide's time is the activity's)."""
        return self.activity.minutes

    @property
    def title(self) -> str:
        """Return the activity's title."""
        return self.activity.title


SLIDE_KEYS = ("activity", "quote", "statement", "columns", "image", "table", "bullets")


def slide_kind(value: Any) -> str | None:
    """Return a slide's kind from the keys it has, or None when no kind fits."""
    if isinstance(value, BaseModel):
        return getattr(value, "kind", None)
    if not isinstance(value, dict):
        return None
    for key in SLIDE_KEYS:
        if key in value:
            return key
    return "bullets" if "title" in value else None


Slide = Annotated[
    Annotated[BulletsSlide, Tag("bullets")]
    | Annotated[QuoteSlide, Tag("quote")]
    | Annotated[StatementSlide, Tag("statement")]
    | Annotated[ColumnsSlide, Tag("columns")]
    | Annotated[ImageSlide, Tag("image")]
    | Annotated[TableSlide, Tag("table")]
    | Annotated[ActivitySlide, Tag("activity")],
    Discriminator(slide_kind),
]


class Section(Frozen):
    """A part of the workshop with its own time budget."""

    kind: Literal["section"] = Field("section", exclude=True)
    title: Text = Field(description="The section's title, in the agenda and on its divider.")
    minutes: Minutes | None = Field(None, description="The section's time budget.")
    summary: Text | None = Field(None, description="A paragraph for the handout.")
    slides: Annotated[tuple[Slide, ...], BeforeValidator(_none_as_empty)] = Field(
        (), description="The section's slides; each slide's kind follows from its keys."
    )


class Break(Frozen):
    """A break: in the agenda, with a short slide."""

    kind: Literal["break"] = Field("break", exclude=True)
    name: Text = Field(alias="break", description="What the break is called, e.g. Coffee.")
    minutes: Minutes = Field(description="How long the break is, in minutes.")


Part = Annotated[
    Annotated[Section, Tag("section")] | Annotated[Break, Tag("break")],
    Discriminator(lambda v: ("break" if "break" in v else "section") if isinstance(v, dict)
                  else getattr(v, "kind", None)),
]


class HandoutSettings(Frozen):
    """How the participant handout is laid out."""

    paper: Literal["A4", "letter"] = Field("A4", description="Paper size: A4 or letter.")
    slides_per_page: Literal[0, 1, 2, 3, 4, 6] = Field(
        3, description="Slide pictures per page: 0 (none), 1, 2, 3 (with note lines), 4 or 6."
    )
    worksheets: bool = Field(True, description="A worksheet page for each activity.")

    @field_validator("paper", mode="before")
    @classmethod
    def _paper_case(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"a4": "A4", "letter": "letter"}.get(value.strip().lower(), value)
        return value


class OutputSettings(Frozen):
    """Where the outputs go and what they are called."""

    dir: Text | None = Field(
        None, description="Output folder; default `output/` beside the outline."
    )
    name: Text | None = Field(None, description="File stem; default: the outline file's stem.")

    @field_validator("name")
    @classmethod
    def _plain_stem(cls, value: str | None) -> str | None:
        if value is not None and (not _STEM.match(value) or value in {".", ".."}):
            raise ValueError("the name must be a plain file name, without folders")
        return value


class BilingualSettings(Frozen):
    """How a bilingual workshop's outputs hold its two languages."""

    deck: Literal["together", "separate"] = Field(
        "together", description="together: both languages on each slide; separate: one deck "
        "per language.")
    handout: Literal["together", "separate"] = Field(
        "together", description="together: both languages side by side; separate: one "
        "handout per language.")
    guide: Literal["together", "separate"] = Field(
        "together", description="together: both languages side by side; separate: one guide "
        "per language.")

    def mode(self, output: str) -> str:
        """Return how ``output`` (deck, handout, guide, html, guide-html) holds the two
        languages: an HTML page as its PDF twin (the pack as the handout)."""
        document = {"html": "handout", "guide-html": "guide"}.get(output, output)
        return str(getattr(self, document))


class Workshop(Frozen):
    """The whole workshop: the root of an outline."""

    title: Text = Field(description="The workshop's title, on the title slide and covers.")
    subtitle: Text | None = Field(None, description="A line under the title.")
    event: Text | None = Field(
        None, description="The event, shown on the title slide and handout cover."
    )
    date: dt.date | None = Field(
        None, description="ISO date, e.g. 2026-12-03.", examples=["2026-12-03"]
    )
    venue: Text | None = Field(None, description="Where the workshop takes place.")
    start: str | None = Field(
        None, pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$",
        description='Start time "HH:MM"; with it, the agenda shows clock times.',
        examples=["09:30"],
    )
    facilitators: TextList = Field((), description="Who runs the workshop.")
    organisation: Text | None = Field(None, description="The organisation running it.")
    contact: Text | None = Field(
        None, description="How to reach the facilitators after the day, e.g. an email address "
        "or `Alex Example, alex@example.gov.uk, 020 7946 0000`: on the closing slide and the "
        "PDF covers, its email and web addresses as links (make-deck's addition to the format).",
        examples=["alex.example@example.gov.uk"],
    )
    language: str = Field(
        "en-GB", description="BCP 47 language tag, e.g. en-GB or cy-GB.",
        examples=["en-GB", "cy-GB"],
    )
    languages: tuple[str, ...] | None = Field(
        None, min_length=2, max_length=2,
        description="A bilingual workshop's two languages, first language first, in place "
        "of `language`; each text is then a mapping such as `{cy: ..., en: ...}`.",
        examples=[["cy-GB", "en-GB"]],
    )
    bilingual: BilingualSettings = Field(
        BilingualSettings(), description="For a bilingual workshop: whether the deck, handout "
        "and guide hold both languages (`together`) or come one file per language "
        "(`separate`).")
    source: Text | None = Field(None, description="Credit line for the handout and closing slide.")
    theme: Text = Field("default", description="Built-in theme name, theme .yaml or .pptx/.potx.")
    layouts: dict[Role, Text] = Field(
        default_factory=dict,
        description="With an organisation template: slide role -> the template's layout name.",
        examples=[{"bullets": "Title and Content"}],
    )
    template_slides: dict[Role, Annotated[int, Field(ge=1)] | Text] = Field(
        default_factory=dict,
        description="With an organisation template: slide role -> the number (from 1) or "
        "title of one of the template's example slides, whose pictures, lines and shapes "
        "without text are copied onto every slide of that role, on its layout.",
        examples=[{"title": 1, "bullets": "Our priorities"}],
    )
    agenda: bool = Field(True, description="An agenda slide after the title slide.")
    section_slides: bool = Field(True, description="A divider slide opening each section.")
    handout: HandoutSettings = Field(
        HandoutSettings(), description="The handout's paper, slides per page and worksheets."
    )
    output: OutputSettings = Field(
        OutputSettings(), description="The output folder (`dir`) and file stem (`name`)."
    )
    sections: tuple[Part, ...] = Field(
        min_length=1, description="The sections and breaks, in order; at least one."
    )

    @field_validator("start", mode="before")
    @classmethod
    def _start_text(cls, value: Any) -> Any:
        value = _as_text(value)
        if isinstance(value, str) and re.fullmatch(r"[0-9]:[0-5][0-9]", value):
            return "0" + value
        return value

    @field_validator("language")
    @classmethod
    def _language_tag(cls, value: str) -> str:
        if not _BCP47.match(value):
            raise ValueError(f"`{value}` is not a BCP 47 language tag")
        return value

    @field_validator("languages")
    @classmethod
    def _language_tags(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        for tag in value or ():
            if not _BCP47.match(tag):
                raise ValueError(f"`{tag}` is not a BCP 47 language tag")
        return value

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date_only(cls, value: Any) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise ValueError("write the date as YYYY-MM-DD")
        if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise ValueError("write the date as YYYY-MM-DD")
        return value
