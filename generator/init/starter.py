"""The starter outline `make-deck init` writes: every construct once, with comments.

It builds as it is, without warnings, so a new user starts from something that
works and changes it a piece at a time. The picture it shows is drawn here with
Pillow, so the starter needs no files beyond this module.
"""

from __future__ import annotations

import io
from pathlib import Path

from generator.init import InitResult, claim, write_new

IMAGE_PATH = "images/example-chart.png"

#: (label, hours, colour) of the bars in the starter's example chart; the outline's
#: `alt` text below says the same.
CHART_BARS = (
    ("Meetings", 12, (0, 94, 165)),
    ("Focused work", 18, (0, 112, 60)),
    ("Email", 10, (180, 60, 0)),
)

STARTER = f"""\
# yaml-language-server: $schema=outline.schema.json
#
# A starter outline for make-deck. It shows each kind of slide once: change the
# words, delete what you do not need, and copy what you want more of.
#
#   make-deck check outline.yaml    checks it, and says where any problem is
#   make-deck outline.yaml          builds the slide deck (.pptx), the participant
#                                   handout and the facilitator guide (PDF) in output/
#
# Indent with spaces, never tabs. Put text in "double quotes" when it contains
# ": " or " #", or starts with a quote mark, *, [, {{, & or #.
# **bold** and *italic* work in any text, and https:// addresses become links.

# ------------------------------------------------------------------ the workshop

title: Working well together          # required: on the title slide and the covers
subtitle: A starter outline to make your own
event: Team away day                   # on the title slide and the handout cover
date: 2026-12-03                       # YYYY-MM-DD
venue: Room 1, Example House
start: "09:30"                         # HH:MM; with it, the agenda shows clock times
facilitators: [Alex Example, Sam Example]
organisation: Example Department
contact: alex.example@example.gov.uk   # on the last slide and the covers
language: en-GB                        # cy-GB for a workshop in Welsh
source: Made from the make-deck starter outline   # credit line: handout and last slide

theme: default         # a built-in theme (`make-deck themes`), a theme .yaml, or a .pptx
# layouts:             # only with an organisation's .pptx: slide kind -> its layout name
#   bullets: Title and Content
agenda: true           # an agenda slide after the title slide
section_slides: true   # a divider slide before each section

handout:
  paper: A4            # A4 or letter
  slides_per_page: 3   # 0 (none), 1, 2, 3 (with lines for notes), 4 or 6
  worksheets: true     # a worksheet page for each activity

output:
  dir: output          # where the files go, next to this outline
  name: workshop       # workshop.pptx, workshop-handout.pdf and workshop-guide.pdf

# ------------------------------------------------------------------ the sections
# Each section's `minutes` is its time budget: the minutes of its slides and
# activities should not add up to more. A slide's keys say what kind it is.

sections:

  - title: Getting started
    minutes: 15
    summary: >
      A paragraph about this section for the handout. The > after `summary:`
      joins these lines into one paragraph.
    slides:

      # Bullets: a title and a list. A bullet ending in ":" takes sub-bullets.
      - title: Why we are here
        minutes: 4
        bullets:
          - Agree what good teamwork looks like
          - Find what gets in our way:
              - unclear priorities
              - too many meetings
          - Leave with **one** next step each
        notes: |
          Speaker notes go on the deck's notes page and in the facilitator guide.
          The | after `notes:` keeps these line breaks.
        handout: Printed in the handout beside this slide.

      # A quote: the words without quotation marks, and who said them.
      - quote: Good teams argue about ideas, never about people
        by: A participant at last year's away day
        minutes: 2

      # A statement: one short line, shown big.
      - statement: Small changes, tried *together*, stick.
        minutes: 2

      # A picture, relative to this file. `alt` says what it shows for people
      # using screen readers; a picture that is only decoration takes
      # `decorative: true` instead.
      - title: Where our week goes
        image: {IMAGE_PATH}
        alt: "Bar chart of an example week: meetings 12 hours, focused work 18, email 10."
        caption: Example figures
        minutes: 3
        notes: |
          Ask whether the chart looks like their own week, and what is missing.

  - break: Coffee        # a break: in the agenda, with its own short slide
    minutes: 15

  - title: Working it out
    minutes: 30
    slides:

      # Two or three columns side by side.
      - title: Meet or message?
        minutes: 3
        columns:
          - heading: Meet when
            bullets: [the decision is hard, people disagree]
          - heading: Message when
            bullets: [it is an update, nobody needs to reply]

      # A table: a header row, then rows with as many cells as the header.
      - title: Hours in a week
        minutes: 3
        table:
          header: [Activity, Now, Goal]
          rows:
            - [Meetings, 12, 8]
            - [Focused work, 18, 22]
            - [Email, 10, 8]

      # An activity: a slide, a worksheet page in the handout, and an entry in
      # the facilitator guide. Its minutes go inside `activity:`.
      - activity:
          title: One thing to change
          minutes: 20
          format: tables of 4 to 6
          materials: [sticky notes, marker pens]
          steps:
            - Each person writes down one habit that slows the team.
            - As a table, choose the habit that costs the most.
            - Agree one small change to try next week.
          prompts:                # questions printed on the worksheet
            - Which habit slows us down most?
            - What will we try instead, and who will start it?
            # a prompt can ask for another space to answer in than ruled lines:
            # scale: [left, right] (points: 3 to 10), grid: [x axis, y axis],
            # timeline: [start, end] or table: [headings] (rows: how many)
            - prompt: How much does the habit cost us today?
              scale: [Hardly at all, A great deal]
          write_in: 4             # ruled lines under each plain prompt
          outcome: One change per table, with a person to start it
        notes: |
          Keep time: give a two-minute warning before the end.
"""


def chart_png() -> bytes:
    """Return the starter's example chart: a small PNG of three labelled bars."""
    from PIL import Image, ImageDraw, ImageFont

    width, height, margin = 960, 540, 60
    image = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.load_default(size=30)
    except TypeError:  # Pillow before 10.1 has only its small bitmap font
        font = ImageFont.load_default()
    floor = height - margin - 50
    top = margin
    most = max(hours for _, hours, _ in CHART_BARS)
    slot = (width - 2 * margin) // len(CHART_BARS)
    draw.line([(margin, floor), (width - margin, floor)], fill=(11, 12, 12), width=3)
    for index, (label, hours, colour) in enumerate(CHART_BARS):
        left = margin + index * slot + slot // 6
        right = left + slot * 2 // 3
        bar_top = floor - (floor - top - 40) * hours // most
        draw.rectangle([(left, bar_top), (right, floor)], fill=colour)
        centre = (left + right) // 2
        draw.text((centre, bar_top - 8), f"{hours} h", fill=(11, 12, 12), font=font,
                  anchor="mb")
        draw.text((centre, floor + 12), label, fill=(11, 12, 12), font=font, anchor="ma")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def write_starter(outline: Path) -> InitResult:
    """Write the starter outline to ``outline`` with its picture and the JSON Schema.

    Raises `InitError` when ``outline`` exists. An existing picture or schema file
    beside it is left as it is.
    """
    from generator.schema import SCHEMA_FILE, schema_text

    claim(outline)
    written = []
    notes = []
    picture = outline.parent / IMAGE_PATH
    if picture.exists():
        notes.append(f"kept the existing {picture}")
    else:
        picture.parent.mkdir(parents=True, exist_ok=True)
        write_new(picture, chart_png())
        written.append(picture)
    write_new(outline, STARTER)
    written.insert(0, outline)
    schema = outline.parent / SCHEMA_FILE
    if not schema.exists():
        write_new(schema, schema_text())
        written.append(schema)
    return InitResult(outline, tuple(written), tuple(notes))
