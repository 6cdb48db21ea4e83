"""A link's words inside its Link structure element (PDF technique PDF11, WCAG 2.4.4).

A tagged link is a Link element holding both its annotation (an object reference)
and the marked content of the words it covers, so a screen reader announces the
link with its text. reportlab draws a paragraph's words, links among them, as one
text object and adds each link's annotation at the end of its line. While a
paragraph draws, `mark_links` has reportlab's text object note where each link's
words start and end; `tag_link_text` then rewrites that text object: the
paragraph's own words become marked content of the paragraph, each link's words
marked content of a Link element beside its annotation, all inside the text object
(marked content and text objects must nest). Anything else the paragraph draws
(underlines) is an artifact.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas

from generator.writers.pdf.tags import EMC, LinkAnnotation, Node, TagRecorder, bdc

START, END = "%make-deck-link-start", "%make-deck-link-end"
"""Placeholders left in a text object's code where a link's words start and end."""


def mark_links(tx: Any) -> Any:
    """Have reportlab's text object ``tx`` note where each link's words start and end;
    returns ``tx``."""

    def record(_link: object, what: str) -> None:
        code = tx._code
        if what == "start":  # told after the link's first words were added
            code.insert(len(code) - 1, START)
        else:  # told before the words after the link are added
            code.append(END)

    tx._linkRecord = record
    return tx


def tag_link_text(recorder: TagRecorder, canvas: Canvas, owner: Node, start: int,
                  links: range) -> bool:
    """Tag what a paragraph drew into the canvas's code from ``start``: its words as
    content of ``owner``, each link's words in a Link element with its annotation.

    Returns False, changing nothing, when the drawing holds no link placeholders or
    they do not pair with the ``links`` annotations (the caller tags it whole)."""
    code = canvas._code
    _whole_link(code, start, links)
    texts = [i for i in range(start, len(code)) if code[i].startswith("BT") and START in code[i]]
    starts = sum(code[i].count(START) for i in texts)
    if not texts or starts != len(links):
        for i in range(start, len(code)):
            code[i] = code[i].replace(START, "").replace(END, "")
        return False
    page = canvas.getPageNumber() - 1
    annotations = iter(links)
    rewritten: list[str] = []
    run: list[str] = []

    def flush_run() -> None:
        if any(part.strip() for part in run):
            rewritten.extend(["/Artifact BMC", *run, EMC])
        run.clear()

    for i in range(start, len(code)):
        entry = code[i]
        if i not in texts:
            run.append(entry.replace(START, "").replace(END, ""))
            continue
        flush_run()
        inner = entry[2:-2] if entry.endswith("ET") else entry[2:]
        out = ["BT", bdc(owner.role, recorder.new_mcid(canvas, owner))]
        for piece in _pieces(inner):
            if piece == START:
                link = owner.add("Link")
                out += [EMC, bdc("Link", recorder.new_mcid(canvas, link))]
                link.kids.append(LinkAnnotation(page, next(annotations)))
            elif piece == END:
                out += [EMC, bdc(owner.role, recorder.new_mcid(canvas, owner))]
            else:
                out.append(piece)
        out += [EMC, "ET"]
        rewritten.append(" ".join(p for p in out if p))
    flush_run()
    code[start:] = rewritten
    return True


def _whole_link(code: list[str], start: int, links: range) -> None:
    """Mark the words of a paragraph that is one link on one line (reportlab draws a
    paragraph of one style without noting its link) as that link's, in place."""
    texts = [i for i in range(start, len(code)) if code[i].startswith("BT")]
    if len(links) != 1 or len(texts) != 1 or START in code[texts[0]]:
        return
    entry = code[texts[0]]
    words = min((at for at in (entry.find(" ("), entry.find(" [")) if at > 0), default=-1)
    if words < 0:
        return
    inner = entry[:-2] if entry.endswith("ET") else entry
    code[texts[0]] = f"{inner[:words]} {START}{inner[words:]} {END} ET"


def _pieces(text: str) -> list[str]:
    """Return ``text`` cut at the link placeholders, the placeholders kept as pieces."""
    out: list[str] = []
    rest = text
    while rest:
        at = [(rest.find(m), m) for m in (START, END) if m in rest]
        if not at:
            out.append(rest.strip())
            break
        index, marker = min(at)
        out += [rest[:index].strip(), marker]
        rest = rest[index + len(marker):]
    return out
