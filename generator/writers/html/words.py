"""Every word the HTML pages write themselves, in one place (English).

Templates look words up by key (`word`); nothing else in this wing spells out
text of its own, so that the words can move to a message catalogue as they are.
"""

from __future__ import annotations

WORDS_LANGUAGE = "en"
"""The language the words below are written in."""

WORDS: dict[str, str] = {
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
    "total": "Total time: {duration}",
    "total_breaks": "Total time: {duration}, including {breaks} of breaks",
    "section_n": "Section {n}",
    "date": "Date",
    "venue": "Venue",
    "facilitator": "Facilitator",
    "facilitators": "Facilitators",
    "organisation": "Organisation",
    "running_time": "Running time",
    "slides_n": "{n} slides",
    "activity_1": "1 activity",
    "activities_n": "{n} activities",
    "slide_n": "Slide {n}",
    "picture": "Picture",
    "activity": "Activity",
    "what_to_do": "What to do",
    "questions": "Questions",
    "notes": "Notes",
    "how_people_work": "How people work",
    "materials": "Materials",
    "outcome": "Outcome to aim for",
    "speaker_notes": "Speaker notes",
    "in_handout": "In the participant pack",
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
    "your_answer": "Your answer",
    "scale_low": "{n} ({label})",
    "grid_x": "Position across: {label}",
    "grid_y": "Position up: {label}",
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


def word(key: str, **values: object) -> str:
    """Return the word (or sentence) for ``key``, with ``{name}`` places filled in."""
    text = WORDS[key]
    return text.format(**values) if values else text
