"""The outline's slides: bullets, quote, statement, columns, image, table and
activity (with its worksheet prompts), and how a slide's kind follows from its keys."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from generator.model.values import (
    Frozen,
    Minutes,
    Text,
    TextList,
    _as_text,
    _cell,
    _one_or_many,
    _unquoted_number,
)


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


