"""The pipeline: outline -> model -> plan -> layout -> writers, for one outline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, assert_never

from generator.checks import Where, run_checks
from generator.checks.furniture import check_furniture
from generator.diagnostics import Diagnostic, MakeDeckError, Severity, has_errors
from generator.layout.fonts import missing_characters
from generator.layout.slides import DeckLayout, layout_deck
from generator.look.colours import ratio_text
from generator.look.look import Look, settle_look
from generator.look.theme import Theme
from generator.markup import strip_marks
from generator.model import Workshop
from generator.options import BuildOptions, output_stem
from generator.outline.languages import language_part, together_workshop
from generator.outline.reader import OutlineSource, load_outline
from generator.outputs import PlannedOutput, remove_stale, write_outputs
from generator.pack import Pack
from generator.parallel import side_by_side
from generator.plan import Plan, make_plan
from generator.slide_kinds import (
    ActivityKind,
    AgendaKind,
    BreakKind,
    BulletsKind,
    ClosingKind,
    ColumnsKind,
    ImageKind,
    QuoteKind,
    SectionKind,
    SlideKind,
    StatementKind,
    TableKind,
    TitleKind,
)
from generator.stamps import build_moment
from generator.template_problems import template_problems
from generator.words import Words, together, words_for

if TYPE_CHECKING:
    from generator.writers.pdf.thumbnails import Thumbnail
from generator.problems import Problem


class CheckFailed(MakeDeckError):
    """Errors found once the deck was laid out; ``deck`` lets a report name each slide."""

    def __init__(self, diagnostics: list[Diagnostic], deck: DeckLayout) -> None:
        super().__init__(diagnostics)
        self.deck = deck


@dataclass(frozen=True)
class Prepared:
    """Everything known about an outline before any file is written."""

    source: OutlineSource
    plan: Plan
    deck: DeckLayout
    look: Look
    diagnostics: tuple[Diagnostic, ...]
    look_files: tuple[Path, ...] = ()
    editions: dict[str, Prepared] = field(default_factory=dict)
    """A bilingual outline's outputs written one file per language (`separate`): each
    language's own preparation, first language first."""

    def mode(self, output: str) -> str | None:
        """Return how a bilingual outline writes ``output`` (``together`` or
        ``separate``), or None for an outline in one language."""
        workshop = self.source.workshop
        if workshop is None or not self.source.editions:
            return None
        return workshop.bilingual.mode(output)

    @property
    def theme(self) -> Theme:
        """Return the look's theme (colours, typefaces, sizes) as the deck uses it."""
        return self.look.theme

    @property
    def template(self) -> Path:
        """Return the deck template the outputs build on."""
        return self.look.template_file

    def pack(self, moment: dt.datetime) -> Pack:
        """Return what the writers read, stamped with ``moment``."""
        return Pack(self.plan, self.deck, self.look, moment)


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote, the backups it made, and the warnings it found."""

    written: tuple[Path, ...]
    backups: tuple[Path, ...]
    diagnostics: tuple[Diagnostic, ...]
    slides: int
    decisions: tuple[str, ...] = field(default=())
    look_notes: tuple[str, ...] = field(default=())
    removed: tuple[Path, ...] = field(default=())
    """Files left from the outline's earlier output name, removed (they were unedited)."""
    kept_stale: tuple[Path, ...] = field(default=())
    """Files left from an earlier output name but edited by hand since: not removed."""


def _coverage(plan: Plan) -> list[Diagnostic]:
    """Return an error for each slide text holding a character no font covers."""
    found = []
    for slide in plan.slides:
        texts = [slide.title, *shown_texts(slide.kind)]
        missing = sorted({c for text in texts for c in missing_characters(strip_marks(text))})
        if missing:
            shown = " ".join(f"{c} (U+{ord(c):04X})" for c in missing[:5])
            found.append(Diagnostic(
                Problem.E_FONT_COVERAGE,
                f"no font of the theme has {shown}, used in “{slide.title}”",
                position=slide.position,
                hint="replace the character, or use a theme font that has it",
            ))
    return found


def shown_texts(kind: SlideKind) -> list[str]:
    """Return the texts a slide of ``kind`` shows besides its title."""
    match kind:
        case TitleKind():
            return [t for t in (kind.subtitle, kind.event, kind.venue) if t]
        case ClosingKind():
            return [t for t in (*kind.facilitators, kind.organisation, kind.source) if t]
        case SectionKind(section=section):
            return [section.summary or ""]
        case BreakKind(name=name):
            return [name]
        case AgendaKind():
            return []
        case BulletsKind() | QuoteKind() | StatementKind() | ColumnsKind() | ImageKind() \
                | TableKind() | ActivityKind():
            return _strings(kind.slide.model_dump())
        case _:
            assert_never(kind)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def prepare(outline: Path, options: BuildOptions) -> Prepared:
    """Return the checked, planned and laid-out outline; raises `MakeDeckError` on errors.

    A bilingual outline is prepared once with both languages together (its texts in
    pairs) for the outputs written `together`, and once per language for those
    written `separate` (`Prepared.editions`)."""
    source = load_outline(outline, options)
    if source.workshop is None:
        raise MakeDeckError(source.diagnostics)
    if not source.editions:
        workshop = source.workshop
        return _prepare(source, workshop, words_for(workshop.language), options)
    settings = source.workshop.bilingual
    modes = {settings.mode(name) for name in options.outputs}
    first, second = source.languages
    editions = {tag: _prepare(source, edition, words_for(tag), options)
                for tag, edition in source.editions.items()} if "separate" in modes else {}
    if "together" in modes or not editions:
        main = _prepare(source, together_workshop(source.editions), together(first, second),
                        options)
    else:
        main = editions[first]
    found = dict.fromkeys([*main.diagnostics, *(d for e in editions.values()
                                                for d in e.diagnostics)])
    return replace(main, diagnostics=tuple(sorted(found, key=Diagnostic.sort_key)),
                   editions=editions)


def _prepare(source: OutlineSource, workshop: Workshop, words: Words,
             options: BuildOptions) -> Prepared:
    """Return ``workshop`` (the outline's, or one edition of a bilingual one) planned and
    laid out with make-deck's ``words``; raises `MakeDeckError` on errors."""
    plan = make_plan(workshop, source.sources.value, words)
    look, look_problems, look_files = settle_look(
        workshop.theme, dict(workshop.layouts), source.path.parent,
        source.sources.value(("theme",)), options, dict(workshop.template_slides))
    problems = [*source.diagnostics, *plan.diagnostics, *_coverage(plan), *look_problems]
    if look is None or has_errors(problems):
        raise MakeDeckError(problems)
    problems.extend(template_problems(look.template, source, plan))
    deck = layout_deck(plan, look.template.geometry, look.theme, source.images)
    problems.extend(deck.diagnostics)
    problems.extend(run_checks(source, plan, deck, look.theme))
    problems.extend(check_furniture(deck, look, Where(source.sources, source.text, plan, deck)))
    problems.extend(_document_contrast(look, source))
    if options.strict:
        problems = [d.as_error() if d.severity is Severity.WARNING else d for d in problems]
    problems.sort(key=Diagnostic.sort_key)
    if has_errors(problems):
        raise CheckFailed(problems, deck)
    return Prepared(source, plan, deck, look, tuple(problems), look_files)


def _document_contrast(look: Look, source: OutlineSource) -> list[Diagnostic]:
    """Return an error for each text colour of the handout and the guide that does not
    reach the look's contrast against its background."""
    return [Diagnostic(
        Problem.A11Y_CONTRAST,
        f"the handout's and guide's {use} (#{text} on #{fill}) have a contrast of "
        f"{ratio_text(ratio)}; they need {look.theme.min_contrast:g}:1",
        Severity.ERROR, source.sources.value(("theme",)),
        hint="choose theme colours with more contrast (a WCAG contrast checker shows the "
        "ratio)") for use, text, fill, ratio in look.contrast_problems()]


def output_paths(prepared: Prepared, options: BuildOptions) -> dict[str, Path]:
    """Return where each output goes: the ``deck``, ``handout``, ``guide``, ``html``
    (participant pack) and ``guide-html`` paths."""
    workshop = prepared.source.workshop
    assert workshop is not None
    stem = output_stem(prepared.source.path, workshop.output.name, workshop.output.dir,
                       options)
    return {
        "deck": stem.with_name(f"{stem.name}.pptx"),
        "handout": stem.with_name(f"{stem.name}-handout.pdf"),
        "guide": stem.with_name(f"{stem.name}-guide.pdf"),
        "html": stem.with_name(f"{stem.name}.html"),
        "guide-html": stem.with_name(f"{stem.name}-guide.html"),
    }


def build(outline: Path, options: BuildOptions) -> BuildResult:
    """Build the outputs of ``outline``; raises `MakeDeckError` or `EditedOutputError`."""
    return write_prepared(prepare(outline, options), options)


def write_prepared(prepared: Prepared, options: BuildOptions, *, parallel: bool = True,
                   one_by_one: bool = False,
                   on_written: Callable[[Path], None] | None = None) -> BuildResult:
    """Write the outputs of an already prepared outline; raises `EditedOutputError`.

    With ``parallel``, the outputs render side by side in forked processes. With
    ``one_by_one`` (as watch mode does), each output is put in place as soon as it
    is ready rather than all together, and one edited by hand holds back only
    itself (see `write_outputs`); ``on_written`` is told of each file as it is put
    in place."""
    workshop = prepared.source.workshop
    assert workshop is not None
    moment = build_moment(workshop.date, options.source_date_epoch)
    paths = output_paths(prepared, options)
    writers = _Writers(prepared, moment, paths["deck"].stem)
    planned = []
    for name in options.outputs:
        if prepared.mode(name) == "separate":
            for tag, edition in prepared.editions.items():
                path = paths[name]
                path = path.with_name(f"{path.stem}.{language_part(tag)}{path.suffix}")
                planned.append(PlannedOutput(path, _Writers(edition, moment, path.stem)
                                             .writer(name)))
        else:
            planned.append(PlannedOutput(paths[name], writers.writer(name)))
    with side_by_side(planned, enabled=parallel,
                      warm_up=lambda: writers.warm_up(options.outputs)) as rendered:
        backups = write_outputs(rendered, force=options.force, one_by_one=one_by_one,
                                on_written=on_written, owner=prepared.source.path)
    current = {p.name for p in paths.values()} | {  # a bilingual outline's files too
        f"{p.stem}.{language_part(tag)}{p.suffix}" for p in paths.values()
        for tag in (prepared.source.editions or {})}
    removed, kept = remove_stale(paths["deck"].parent, prepared.source.path, current)
    decisions = tuple(
        f"slide {s.number} ({s.position.file}:{s.position.line}) {d.slot} "
        f"{'shrunk to' if d.shrunk else 'set at'} {d.size:g} pt"
        + (" (continued)" if d.continued else "")
        for s in prepared.deck.slides if s.position for d in s.decisions
    )
    return BuildResult(tuple(p.path for p in planned), tuple(backups), prepared.diagnostics,
                       len(prepared.deck.slides), decisions, prepared.look.notes(),
                       tuple(removed), tuple(kept))


class _Writers:
    """The writers of one prepared outline, sharing what the PDFs need (the thumbnail
    drawer) so that it is made once, before any renderer forks."""

    def __init__(self, prepared: Prepared, moment: dt.datetime, stem: str) -> None:
        self.pack = prepared.pack(moment)
        self.stem = stem
        self._thumbnail: Thumbnail | None = None

    def warm_up(self, outputs: Sequence[str]) -> None:
        """Load the libraries, fonts and template looks that the PDFs among ``outputs``
        use. The deck's python-pptx is left out: the deck is written by the process
        that forks the others, so they never carry it."""
        if {"handout", "guide"} & set(outputs):
            import generator.writers.guide.pages
            import generator.writers.handout.pages  # noqa: F401
            from generator.writers.pdf.style import pdf_style

            pdf_style(self.pack.look)
            self.thumbnail()
        if {"html", "guide-html"} & set(outputs):
            from generator.writers.html.pack import warm_up

            warm_up()

    def thumbnail(self) -> Thumbnail:
        """Return the drawer of slide thumbnails both PDFs share."""
        if self._thumbnail is None:
            from generator.writers.pdf.thumbnails import thumbnail_drawer

            self._thumbnail = thumbnail_drawer(self.pack.deck, self.pack.look)
        return self._thumbnail

    def writer(self, name: str) -> Callable[[BinaryIO], None]:
        """Return the function writing output ``name`` (one of `ALL_OUTPUTS`)."""
        return {"deck": self.deck, "handout": self.handout, "guide": self.guide,
                "html": self.html, "guide-html": self.guide_html}[name]

    def deck(self, target: BinaryIO) -> None:
        """Write the deck to ``target``."""
        from generator.writers.pptx.deck import write_deck

        write_deck(self.pack, target)

    def handout(self, target: BinaryIO) -> None:
        """Write the handout to ``target``."""
        from generator.writers.handout.pages import write_handout

        write_handout(self.pack, target, thumbnail=self.thumbnail())

    def guide(self, target: BinaryIO) -> None:
        """Write the facilitator guide to ``target``."""
        from generator.writers.guide.pages import write_guide

        write_guide(self.pack, target, thumbnail=self.thumbnail())

    def html(self, target: BinaryIO, *, guide: bool = False) -> None:
        """Write the HTML participant pack (or, with ``guide``, the HTML guide) to ``target``."""
        from generator.writers.html.pack import write_pack

        write_pack(self.pack, target, stem=self.stem, guide=guide)

    def guide_html(self, target: BinaryIO) -> None:
        """Write the HTML facilitator guide to ``target``."""
        self.html(target, guide=True)
