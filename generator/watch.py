"""``make-deck watch``: rebuild whenever the outline, its pictures or its theme change.

The process stays warm: the pipeline's modules, fonts and template are loaded by
the first build and reused, so each rebuild pays only for the work itself. The
deck is written first, on its own, so that it can be reloaded while the handout
and guide are still rendering (they follow side by side). A
build that fails leaves the last good outputs in place (outputs are written whole
or not at all) and the problems are shown without leaving the watch. Between
builds it reports which slides were added, removed or refitted.

`Rebuilder.step` is one rebuild and returns a `RebuildSummary`; `watch` is the
loop around it (file events come from ``watchfiles``).
"""

from __future__ import annotations

import difflib
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostic, format_diagnostic
from generator.options import BuildOptions

if TYPE_CHECKING:
    from generator.build import BuildResult, Prepared

THEME_SUFFIXES = (".yaml", ".yml", ".pptx", ".potx")


@dataclass(frozen=True, slots=True)
class SlideMark:
    """What a slide looks like for change reports: its title and the sizes it was fitted at."""

    title: str
    sizes: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class RebuildSummary:
    """The outcome of one rebuild, and what changed since the last good one."""

    ok: bool
    seconds: float
    slides: int = 0
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    refitted: tuple[str, ...] = ()
    written: tuple[Path, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    error: str | None = None
    changed: tuple[Path, ...] = ()
    first: bool = False
    deck_seconds: float | None = None
    """When the deck was written, ahead of the PDFs (None: built with them)."""
    decisions: tuple[str, ...] = ()
    """Every text-fitting decision, when asked for (``-v``)."""
    edited: bool = False
    """Nothing was written because an output was edited by hand."""

    def lines(self, source: str | None = None) -> list[str]:
        """Return the report shown after this rebuild (problems first, then the result)."""
        out = ["changed: " + ", ".join(p.name for p in self.changed)] if self.changed else []
        out.extend(format_diagnostic(d, source) for d in self.diagnostics)
        if not self.ok:
            if self.edited:
                out.append("not rebuilt: an output was edited by hand, so nothing was written "
                           "and the deck, handout and guide still agree with each other "
                           "(--force rebuilds them, keeping the edited file as a backup)")
            elif self.written:
                names = ", ".join(p.name for p in self.written)
                out.append(f"build failed ({self.error}) after writing {names}; the other "
                           "outputs are unchanged")
            else:
                out.append(f"build failed ({self.error}); the last good outputs are unchanged")
            return out
        verb = "built" if self.first else "rebuilt"
        ready = (f" (deck ready in {self.deck_seconds:.2f} s)"
                 if self.deck_seconds is not None else "")
        out.append(f"{verb} {self.slides} slides in {self.seconds:.2f} s{ready}")
        out.extend(f"  {line}" for line in self.decisions)
        if not self.first:
            out.extend(_change_lines("added", self.added))
            out.extend(_change_lines("removed", self.removed))
            out.extend(_change_lines("refitted", self.refitted))
            if not (self.added or self.removed or self.refitted):
                out.append("  no slides added, removed or refitted")
        return out


def _change_lines(verb: str, items: tuple[str, ...], limit: int = 8) -> list[str]:
    if not items:
        return []
    shown = [f"  {verb}: {item}" for item in items[:limit]]
    if len(items) > limit:
        shown.append(f"  {verb}: ... and {len(items) - limit} more")
    return shown


def deck_marks(deck: object) -> tuple[SlideMark, ...]:
    """Return the title and fit sizes of every slide of a laid-out deck."""
    return tuple(
        SlideMark(slide.title, tuple((d.slot, d.size) for d in slide.decisions))
        for slide in deck.slides  # type: ignore[attr-defined]
    )


def compare_decks(
    before: tuple[SlideMark, ...], after: tuple[SlideMark, ...]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Return the (added, removed, refitted) slides between two laid-out decks.

    Slides are matched by title in deck order; a matched slide whose fitted text
    sizes differ was refitted (e.g. "Why we are here: body 28 -> 24 pt").
    """
    added: list[str] = []
    removed: list[str] = []
    refitted: list[str] = []
    matcher = difflib.SequenceMatcher(
        None, [m.title for m in before], [m.title for m in after], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for old, new in zip(before[i1:i2], after[j1:j2], strict=True):
                if old.sizes != new.sizes:
                    refitted.append(f"{new.title}: {_size_change(old.sizes, new.sizes)}")
            continue
        removed.extend(m.title for m in before[i1:i2])
        added.extend(m.title for m in after[j1:j2])
    return tuple(added), tuple(removed), tuple(refitted)


def _size_change(old: tuple[tuple[str, float], ...], new: tuple[tuple[str, float], ...]) -> str:
    before, after = dict(old), dict(new)
    parts = [
        f"{slot} {before.get(slot, 0):g} -> {after.get(slot, 0):g} pt"
        for slot in dict.fromkeys([*before, *after])
        if before.get(slot) != after.get(slot)
    ]
    return ", ".join(parts) or "refitted"


class Rebuilder:
    """Builds one outline again and again in this process, remembering the last good deck."""

    def __init__(self, outline: Path, options: BuildOptions | None = None, *,
                 output_dir: Path | None = None, verbose: bool = False) -> None:
        base = options or BuildOptions()
        if output_dir is not None:
            base = replace(base, output_dir=output_dir)
        self.outline = outline
        self.options = base
        self.verbose = verbose
        """Report every text-fitting decision after each rebuild (``-v``)."""
        self.marks: tuple[SlideMark, ...] | None = None
        self.dependencies: frozenset[Path] = frozenset({self._resolve(outline)})
        self.source_text: str | None = None
        self.prepared: Prepared | None = None
        """The last outline prepared without errors (its deck draws the preview's slides)."""

    @staticmethod
    def _resolve(path: Path) -> Path:
        return Path(path).expanduser().resolve()

    def step(self, changed: Iterable[Path] = ()) -> RebuildSummary:
        """Build once; return what happened. Never raises for problems in the outline."""
        from generator.build import output_paths, prepare
        from generator.failures import describe_failure
        from generator.outputs import EditedOutputError, edited_outputs

        start = time.perf_counter()
        changed = tuple(changed)
        first = self.marks is None
        self.source_text = _read_text(self.outline)
        try:
            prepared = prepare(self.outline, self.options)
        except Exception as exc:  # keep watching whatever went wrong
            self._update_dependencies(None)
            failure = describe_failure(exc)
            return RebuildSummary(False, time.perf_counter() - start,
                                  diagnostics=failure.diagnostics, error=failure.summary,
                                  changed=changed, first=first)
        self._update_dependencies(prepared)
        self.prepared = prepared
        paths = output_paths(prepared, self.options)
        edited = [] if self.options.force else edited_outputs(
            [paths[name] for name in self.options.outputs if name in paths])
        if edited:  # written all or none, so that the outputs keep agreeing
            return RebuildSummary(False, time.perf_counter() - start,
                                  diagnostics=EditedOutputError(edited).diagnostics,
                                  changed=changed, first=first, edited=True,
                                  error="an output was edited by hand")
        written: list[Path] = []
        deck_seconds: float | None = None

        def put_in_place(path: Path) -> None:
            nonlocal deck_seconds
            written.append(path)
            if path.suffix == ".pptx" and len(self.options.outputs) > 1:
                deck_seconds = time.perf_counter() - start

        try:
            result = self._write(prepared, put_in_place)
        except Exception as exc:  # an output edited by hand, a folder not writable...
            failure = describe_failure(exc)
            return RebuildSummary(False, time.perf_counter() - start,
                                  diagnostics=failure.diagnostics, error=failure.summary,
                                  changed=changed, first=first, written=tuple(written),
                                  deck_seconds=deck_seconds)
        marks = deck_marks(prepared.deck)
        added, removed, refitted = compare_decks(self.marks or (), marks)
        self.marks = marks
        return RebuildSummary(True, time.perf_counter() - start, len(marks), added, removed,
                              refitted, tuple(written), result.diagnostics, changed=changed,
                              first=first, deck_seconds=deck_seconds,
                              decisions=result.decisions if self.verbose else ())

    def _write(self, prepared: Prepared, on_written: Callable[[Path], None]) -> BuildResult:
        """Write the deck alone first, then the PDFs side by side, each file put in place
        as soon as it is ready; raises `EditedOutputError` for files edited by hand,
        after writing the others."""
        from generator.build import write_prepared
        from generator.outputs import EditedOutputError

        outputs = tuple(self.options.outputs)
        batches = [outputs] if "deck" not in outputs or len(outputs) == 1 else [
            ("deck",), tuple(o for o in outputs if o != "deck")]
        edited: list[Path] = []
        for batch in batches:
            try:
                result = write_prepared(prepared, replace(self.options, outputs=batch),
                                        one_by_one=True, on_written=on_written)
            except EditedOutputError as exc:
                edited.extend(exc.paths)
        if edited:
            raise EditedOutputError(edited)
        return result

    def _update_dependencies(self, prepared: object | None) -> None:
        """Remember the files a rebuild depends on: outline, pictures, theme and template."""
        found = {self._resolve(self.outline)}
        base = self._resolve(self.outline).parent
        if prepared is None:
            self.dependencies = frozenset(self.dependencies | found)
            return
        source = prepared.source  # type: ignore[attr-defined]
        found.update(self._resolve(asset.path) for asset in source.images.values())
        workshop = source.workshop
        theme = getattr(workshop, "theme", None)
        if isinstance(theme, str) and theme.lower().endswith(THEME_SUFFIXES):
            found.add(self._resolve(base / theme))
        template = getattr(prepared, "template", None)
        if isinstance(template, Path) and template.is_relative_to(base):
            found.add(self._resolve(template))
        logo = getattr(getattr(getattr(prepared, "theme", None), "logo", None), "path", None)
        if isinstance(logo, Path):
            found.add(self._resolve(logo))
        self.dependencies = frozenset(found)

    def folders(self) -> frozenset[Path]:
        """Return the folders to watch: those holding the files the build depends on."""
        return frozenset(path.parent for path in self.dependencies)


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


Echo = Callable[[str], None]


def watch(rebuilders: Rebuilder | Sequence[Rebuilder], echo: Echo, *,
          stop: threading.Event | None = None, debounce_ms: int = 400,
          on_step: Callable[[RebuildSummary], None] | None = None) -> None:
    """Build, then rebuild on every change until Ctrl-C (or ``stop`` is set);
    ``on_step`` is told of each build's outcome, after its report is shown.

    With several outlines (``make-deck watch talks/``), each is built first, then
    only the outlines whose own files changed are rebuilt; every line is headed with
    the outline it is about."""
    import watchfiles

    every = [rebuilders] if isinstance(rebuilders, Rebuilder) else list(rebuilders)
    several = len(every) > 1

    def show(rebuilder: Rebuilder, summary: RebuildSummary) -> None:
        for line in summary.lines(rebuilder.source_text):
            echo(f"{rebuilder.outline}: {line}" if several else line)
        if on_step is not None:
            on_step(summary)

    for rebuilder in every:
        show(rebuilder, rebuilder.step())
    others = len(frozenset().union(*(r.dependencies for r in every))) - len(every)
    names = f"{every[0].outline}" if not several else f"{len(every)} outlines"
    echo(f"watching {names} and {others} other file(s); press Ctrl-C to stop")
    while stop is None or not stop.is_set():
        folders = frozenset().union(*(r.folders() for r in every))
        wanted = frozenset().union(*(r.dependencies for r in every))

        def relevant(_change: object, path: str, wanted: frozenset[Path] = wanted) -> bool:
            return Path(path).resolve() in wanted

        for changes in watchfiles.watch(
            *sorted(folders), watch_filter=relevant, debounce=debounce_ms * 4,
            step=min(debounce_ms, 200), recursive=False, stop_event=stop,
            raise_interrupt=True,
        ):
            paths = tuple(sorted({Path(p) for _, p in changes}))
            resolved = {Path(p).resolve() for p in paths}
            for rebuilder in every:
                if resolved & rebuilder.dependencies:
                    show(rebuilder, rebuilder.step(paths))
            if (frozenset().union(*(r.folders() for r in every)) != folders
                    or frozenset().union(*(r.dependencies for r in every)) != wanted):
                break  # a new picture or theme to watch: start watching again
        else:
            return


__all__ = ["RebuildSummary", "Rebuilder", "SlideMark", "compare_decks", "deck_marks", "watch"]
