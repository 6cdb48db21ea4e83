"""The guide's materials checklist: every material the activities list, once.

Near-duplicates are folded into one row: "Sticky notes", "sticky notes in three
colours" and "a sticky note" are one material (sticky notes), each use noting what
it adds ("in three colours"). A quantity the outline gives, in brackets or as a
count ("scenario cards (one set per table)", "2 flip charts", "pens x 6"), is shown
in its own column and beside the activity that asks for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from generator.markup import languages_of, plain_text
from generator.plan import Plan
from generator.writers.pdf.common import inline, markup_of, slide_label
from generator.writers.pdf.document import bookmark
from generator.writers.pdf.flowables import CheckBox
from generator.writers.pdf.style import PdfStyle
from generator.writers.pdf.tagged import Paragraph, Table

MAX_USES_SHOWN = 12
"""A material used by more activities lists the first ones and a count (a table row
must fit on a page)."""

_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                 "ten", "eleven", "twelve", "a dozen")
_QUANTITY_WORDS = re.compile(r"\b(per|each|every|set|sets|pack|packs|box|boxes)\b|\d")
_BRACKETED = re.compile(r"^(?P<name>.*?)\s*\((?P<qty>[^()]*)\)\s*$")
_COUNT_FIRST = re.compile(r"^(?P<qty>\d+|" + "|".join(_NUMBER_WORDS) + r")\s+(?P<name>\D.*)$",
                          re.I)
_TIMES = re.compile(r"^(?P<name>.*?)\s*[x×]\s*(?P<qty>\d+)\s*$", re.I)
_AFTER_COMMA = re.compile(r"^(?P<name>[^,]+),\s*(?P<qty>.+)$")
_JOINS = (" in ", " with ", " on ", " for ", " reading ", " from ", " showing ")
_ARTICLE = re.compile(r"^(a|an|the|some)\s+", re.I)


def _is_quantity(text: str) -> bool:
    """Return True for a quantity: "6", "one set per table", "two each" (not "A1")."""
    lowered = text.casefold().strip()
    return (lowered[:1].isdigit() or lowered.startswith(_NUMBER_WORDS)
            or bool(_QUANTITY_WORDS.search(lowered) and re.search(r"\b(per|each|every)\b",
                                                                   lowered)))


def split_quantity(text: str) -> tuple[str, str | None]:
    """Return a material's name and the quantity its text gives (None when it gives
    none): "scenario cards (one set per table)" -> ("scenario cards", "one set per
    table"); "2 flip charts" -> ("flip charts", "2")."""
    text = " ".join(plain_text(text).split())
    for pattern in (_BRACKETED, _TIMES, _AFTER_COMMA):
        found = pattern.match(text)
        if found and _is_quantity(found["qty"]):
            return found["name"].strip(), found["qty"].strip()
    found = _COUNT_FIRST.match(text)
    if found and not found["name"].lower().startswith(("to ", "or ")) and (
            " of " not in found["name"]):
        return found["name"].strip(), found["qty"]
    return text, None


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def material_key(name: str) -> tuple[str, str]:
    """Return the key near-duplicate materials share and what this spelling adds:
    "sticky notes in three colours" -> ("sticky note", "in three colours")."""
    written = _ARTICLE.sub("", name.strip())
    lowered = written.lower()
    head, detail = lowered, ""
    cuts = [lowered.find(join) for join in _JOINS if lowered.find(join) > 0]
    if cuts:
        head, detail = lowered[: min(cuts)], written[min(cuts):].strip()
    words = re.sub(r"[^\w\s-]", " ", head).split()
    return " ".join(_singular(word) for word in words), detail


@dataclass
class Material:
    """One row of the checklist: the material's name (as first written; its head
    only when spellings differ), the quantities given, and each use."""

    name: str
    quantities: list[str] = field(default_factory=list)
    needs: list[tuple[str, str, str | None]] = field(default_factory=list)
    """Each use: the activity (markup), what its spelling adds, the quantity it gives."""
    folded: bool = False
    """True when different spellings were folded into this one row."""

    @property
    def uses(self) -> list[str]:
        """Return each use as markup: the activity, then what it asks for beyond the
        row (its spelling's detail once spellings are folded; its quantity when more
        than one activity needs the material)."""
        out: list[str] = []
        for where, detail, quantity in self.needs:
            extra = [detail] if self.folded and detail else []
            if quantity and len(self.needs) > 1:
                extra.append(quantity)
            use = where + (": " + markup_of(", ".join(extra)) if extra else "")
            if use not in out:
                out.append(use)
        return out


def gather_materials(plan: Plan, numbers: list[int]) -> list[Material]:
    """Return each material once, near-duplicates folded, in the order first listed."""
    found: dict[str, Material] = {}
    for index, slide in enumerate(plan.slides):
        activity = slide.activity
        if activity is None:
            continue
        where = f"{inline(activity.title)} ({slide_label(numbers[index], plan.words).lower()})"
        for written in activity.materials:
            if languages_of(written):  # a bilingual pair: listed as written, not folded
                name, quantity, (key, detail) = written, None, (written, "")
            else:
                name, quantity = split_quantity(written)
                key, detail = material_key(name)
            entry = found.setdefault(key, Material(name))
            if name.casefold() != entry.name.casefold():
                entry.folded = True
            entry.needs.append((where, detail, quantity))
            if quantity and quantity not in entry.quantities:
                entry.quantities.append(quantity)
    for entry in found.values():
        if entry.folded:  # name the shared material, not one use's variant of it
            entry.name = _head_as_written(entry.name)
    return list(found.values())


def _head_as_written(name: str) -> str:
    """Return a material's name without what one use adds ("in three colours")."""
    cleaned = _ARTICLE.sub("", name.strip())
    lowered = cleaned.casefold()
    cuts = [lowered.find(join) for join in _JOINS if lowered.find(join) > 0]
    return cleaned[: min(cuts)] if cuts else cleaned


def materials_checklist(ps: PdfStyle, plan: Plan, numbers: list[int],
                        width: float) -> list[Flowable]:
    """Return the materials checklist: a tick box, the material, the quantity where the
    outline gives one, and the activities that use it."""
    st, c = ps.styles, ps.colours
    words = plan.words
    out: list[Flowable] = [
        CondPageBreak(160),
        Spacer(1, 10),
        bookmark(Paragraph(words("Materials checklist"), st.h1), words("Materials checklist")),
    ]
    materials = gather_materials(plan, numbers)
    if not materials:
        out.append(Paragraph(words("No activity lists any materials."), st.body))
        return out
    out.append(Paragraph(words("Gather these before the day. Each is listed once, with the "
                               "activities that use it and what each asks for."), st.meta))
    out.append(Spacer(1, 6))
    head = st.cell_head
    counted = any(m.quantities for m in materials)
    rows: list[list[Flowable | str]] = [
        ["", Paragraph(words("Material"), head),
         *([Paragraph(words("Quantity"), head)] if counted else []),
         Paragraph(words("Needed for"), head)]
    ]
    for material in materials:
        uses = material.uses
        shown = uses if len(uses) <= MAX_USES_SHOWN else [
            *uses[: MAX_USES_SHOWN - 1],
            words.plural("and {n} more activity", "and {n} more activities",
                         len(uses) - MAX_USES_SHOWN + 1)]
        quantity = [Paragraph(markup_of("; ".join(material.quantities)) or "–", st.cell)]
        name = material.name if languages_of(material.name) else (
            material.name[:1].upper() + material.name[1:])
        rows.append([CheckBox(c.text, 10), Paragraph(inline(name), st.cell),
                     *(quantity if counted else []),
                     Paragraph("<br/>".join(shown), st.cell_small)])
    rest = width - 28
    widths = [28, rest * 0.34, rest * 0.22, rest * 0.44] if counted else [
        28, rest * 0.45, rest * 0.55]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", header_rows=1)
    table.setStyle(ps.table([
        ("BACKGROUND", (0, 0), (-1, 0), c.table_header),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, c.rule),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 1), (0, -1), 8),
        ("LEFTPADDING", (0, 0), (0, -1), 8),
    ]))
    out.append(table)
    return out
