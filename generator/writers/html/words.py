"""The words the HTML pages write themselves, as keys to the catalogues' messages.

Templates name a word by key (``w("agenda")``); each key maps to the English text
that is its msgid in ``generator/words/catalogues/*.po``, and the page's `Words`
(``plan.words``) gives it in the workshop's language, or in both of a bilingual
workshop's, language-marked, which `generator.writers.html.content.inline` turns
into ``lang`` spans. Nothing in this wing spells out text of its own.
"""

from __future__ import annotations

from generator.words import Words

MESSAGES: dict[str, str] = {
    "skip": "Skip to main content",
    "pack": "Participant pack",
    "slides": "Slides",
    "guide": "Facilitator guide",
    "contents": "Contents",
    "agenda": "Agenda",
    "time": "Time",
    "session": "Session",
    "minutes": "Minutes",
    "break": "Break",
    "total": "Total time: {total}.",
    "total_breaks": "Total time: {total}, including {breaks} of breaks.",
    "section_n": "Section {number}",
    "date": "Date",
    "venue": "Venue",
    "organisation": "Organisation",
    "contact": "Contact",
    "running_time": "Running time",
    "slide": "Slide",
    "slide_n": "Slide {number}",
    "activity": "Activity",
    "what_to_do": "What to do",
    "questions": "Questions",
    "notes": "Notes",
    "how_people_work": "How people work",
    "materials": "Materials",
    "outcome": "Intended outcome",
    "speaker_notes": "Speaker notes",
    "run_sheet": "Run sheet",
    "start": "Start",
    "from_start": "From start",
    "item": "Item",
    "elapsed": "Until",
    "materials_list": "Materials checklist",
    "guide_notice": "For facilitators. This guide holds the speaker notes, the run sheet "
                    "and each activity's intended outcome. Participants have their own "
                    "pack, without them.",
    "answers_intro": "Your answers stay in this browser on this device, and nowhere else. "
                     "You can print them with the pack or save them as a file.",
    "save_answers": "Save my answers as a file",
    "print_pack": "Print the pack",
    "clear_answers": "Clear my answers",
    "clear_confirm": "Clear every answer you typed in this pack?",
    "saved_file": "Your answers were saved as a file.",
    "cleared": "Your answers were cleared.",
    "no_storage": "This browser cannot keep your answers: save them as a file before "
                  "you close the page.",
    "next_steps": "My next steps",
    "next_steps_lead": "Before you leave, note what you will do differently after today, "
                       "and when.",
    "next_start": "One thing I will **start** doing",
    "next_stop": "One thing I will **stop** doing",
    "next_speed": "One thing I will **speed up**",
    "next_who": "Who I need on side, and when I will check my progress",
    "other_notes": "Other notes",
    "grid_item": "Item {n}",
    "grid_name": "Name",
    "not_placed": "Not placed",
    "grid_hint": "Give each item a name, then a place on each axis: 1 is low, 5 is high.",
    "timeline_step": "Step {n}",
    "timeline_what": "What happens",
    "timeline_wait": "Wait before it",
    "row_n": "Row {n}",
    "credit": "Source",
    "made_with": "Made with make-deck from the workshop's outline.",
    "of_duration": "{start} to {end}",
}
"""Each word's key, and its message (msgid) in the catalogues."""

PLURALS: dict[str, tuple[str, str]] = {
    "facilitators": ("Facilitator", "Facilitators"),
    "slides_n": ("{n} slide", "{n} slides"),
    "activities_n": ("{n} activity", "{n} activities"),
}
"""Each word that has plural forms, and its singular and plural messages."""


def word(words: Words, key: str, /, count: int | None = None, **values: object) -> str:
    """Return the word (or sentence) for ``key`` in ``words``' language(s), language-
    marked when it is in another language than the page's, ``{name}`` places filled;
    a key in `PLURALS` takes the form for ``count``."""
    if key in PLURALS:
        singular, plural = PLURALS[key]
        return words.plural(singular, plural, int(count or 0), **values)
    return words(MESSAGES[key], **values)
