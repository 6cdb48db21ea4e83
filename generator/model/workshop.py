"""The workshop: its sections and breaks and its handout, output and bilingual
settings, at the root of an outline."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Discriminator,
    Field,
    Tag,
    field_validator,
)

from generator.model.slides import (
    Slide,
)
from generator.model.values import (
    _BCP47,
    _STEM,
    Frozen,
    Minutes,
    Role,
    Text,
    TextList,
    _as_text,
    _none_as_empty,
)


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
