"""Build many outlines at once: ``make-deck a.yaml b.yaml`` or ``make-deck talks/``.

Outlines are built in parallel, one worker process per core, with a progress bar
and a summary table (outline, slides, time, result) at the end. One outline
failing does not stop the others; the run fails (exit code 1) if any did.
Outlines that would write the same files (the same output folder and name) are
found before anything is built, and none of them is built.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from generator.options import BuildOptions, output_stem

OUTLINE_SUFFIXES = (".yaml", ".yml")
_SECTIONS_KEY = re.compile(rb"^sections\s*:", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class BatchItem:
    """The result of building one outline of a batch (plain data: it crosses processes)."""

    outline: Path
    ok: bool
    slides: int
    seconds: float
    result: str
    messages: tuple[str, ...] = ()
    written: tuple[Path, ...] = ()


def find_outlines(paths: Sequence[Path]) -> list[Path]:
    """Return the outlines named by ``paths``: files as given, and the outlines in folders.

    A folder contributes its ``.yaml``/``.yml`` files (not its subfolders) that have a
    top-level ``sections:`` key, so theme files beside the outlines are left out.
    Duplicates are dropped; the order is kept (folders' outlines by name).
    """
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            for candidate in sorted(path.iterdir()):
                if (candidate.suffix.lower() in OUTLINE_SUFFIXES and candidate.is_file()
                        and _looks_like_outline(candidate)):
                    found.setdefault(candidate, None)
        else:
            found.setdefault(path, None)
    return list(found)


def _looks_like_outline(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        return False
    return bool(_SECTIONS_KEY.search(head))


def build_one(outline: Path, options: BuildOptions) -> BatchItem:
    """Build one outline and return what happened; never raises (it runs in a worker)."""
    from generator.build import prepare, write_prepared
    from generator.diagnostics import format_diagnostic
    from generator.failures import describe_failure

    start = time.perf_counter()
    try:
        source: str | None = outline.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        source = None
    try:
        # The batch already keeps every core busy: no second level of processes.
        result = write_prepared(prepare(outline, options), options, parallel=False)
    except Exception as exc:  # one broken outline must not stop the batch
        failure = describe_failure(exc)
        messages = () if failure.internal else tuple(failure.messages(source, str(outline)))
        return BatchItem(outline, False, 0, time.perf_counter() - start, failure.summary,
                         messages)
    warnings = len(result.diagnostics)
    summary = f"ok, {len(result.written)} file(s)" + (
        f", {warnings} warning(s)" if warnings else "")
    return BatchItem(outline, True, result.slides, time.perf_counter() - start, summary,
                     tuple(format_diagnostic(d, source, str(outline)) for d in result.diagnostics),
                     result.written)


def default_workers(count: int) -> int:
    """Return how many worker processes to use for ``count`` outlines (one per core)."""
    return max(1, min(count, os.cpu_count() or 1))


Progress = Callable[[BatchItem], None]


def _planned_stem(outline: Path, options: BuildOptions) -> Path | None:
    """Return `output_stem` for ``outline``, read quickly from its ``output:`` settings
    without checking the rest; None when the outline cannot be read (its build will
    say why). The outline is read by the hardened reader, with the build's limits."""
    from generator.outline.reader import outline_tree

    data = outline_tree(outline, options)
    if not isinstance(data, dict):
        return None
    output = data.get("output")
    output = output if isinstance(output, dict) else {}
    name, folder = (value if isinstance(value, str) and value else None
                    for value in (output.get("name"), output.get("dir")))
    return output_stem(outline, name, folder, options).resolve()


def _clashes(outlines: Sequence[Path], options: BuildOptions) -> dict[Path, BatchItem]:
    """Return a failed result for each outline whose outputs another one would write."""
    by_stem: dict[Path, list[Path]] = {}
    for outline in outlines:
        stem = _planned_stem(outline, options)
        if stem is not None:
            by_stem.setdefault(stem, []).append(outline)
    failed: dict[Path, BatchItem] = {}
    for stem, sharing in by_stem.items():
        if len(sharing) < 2:
            continue
        for outline in sharing:
            others = ", ".join(str(o) for o in sharing if o != outline)
            failed[outline] = BatchItem(
                outline, False, 0, 0.0, f"would write the same files as {others}",
                (f"{outline}: its outputs ({stem.name}.pptx and its PDFs in {stem.parent}) "
                 f"are also those of {others}; nothing was built",
                 "give each outline its own `output: name:`"))
    return failed


def run_batch(outlines: Sequence[Path], options: BuildOptions, *, workers: int | None = None,
              on_done: Progress | None = None) -> list[BatchItem]:
    """Build every outline, in parallel when there are several; return results in order.

    Outlines that would write each other's files are not built (see `_clashes`)."""
    everything = list(outlines)
    results: dict[Path, BatchItem] = _clashes(everything, options)
    if on_done:
        for item in results.values():
            on_done(item)
    outlines = [o for o in everything if o not in results]
    workers = workers or default_workers(len(outlines))
    if workers <= 1 or len(outlines) <= 1:
        for outline in outlines:
            results[outline] = build_one(outline, options)
            if on_done:
                on_done(results[outline])
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures: dict[Future[BatchItem], Path] = {
                pool.submit(build_one, outline, options): outline for outline in outlines
            }
            for future in as_completed(futures):
                outline = futures[future]
                try:
                    item = future.result()
                except Exception as exc:  # a worker died (killed, out of memory)
                    item = BatchItem(outline, False, 0, 0.0,
                                     f"worker failed: {type(exc).__name__}: {exc}")
                results[outline] = item
                if on_done:
                    on_done(item)
    return _flag_collisions([results[o] for o in everything])


def _flag_collisions(items: list[BatchItem]) -> list[BatchItem]:
    """Fail outlines whose outputs another outline of the batch wrote too."""
    owners: dict[Path, list[int]] = {}
    for index, item in enumerate(items):
        for path in item.written:
            owners.setdefault(path.resolve(), []).append(index)
    clashing = {i for indexes in owners.values() if len(indexes) > 1 for i in indexes}
    out = []
    for index, item in enumerate(items):
        if index in clashing:
            item = BatchItem(item.outline, False, item.slides, item.seconds,
                             "another outline wrote the same output files",
                             (*item.messages, "give each outline its own `output: name:`"),
                             item.written)
        out.append(item)
    return out


def summary_table(items: Sequence[BatchItem]) -> object:
    """Return a rich table: outline, slides, time and result, with a totals caption."""
    from rich.table import Table

    table = Table(title="make-deck batch", title_justify="left")
    table.add_column("outline", overflow="fold")
    table.add_column("slides", justify="right")
    table.add_column("time", justify="right")
    table.add_column("result")
    for item in items:
        style = "green" if item.ok else "red"
        table.add_row(str(item.outline), str(item.slides) if item.ok else "-",
                      f"{item.seconds:.2f} s", f"[{style}]{_escape(item.result)}[/{style}]")
    failed = sum(not item.ok for item in items)
    table.caption = f"{len(items) - failed} built, {failed} failed"
    return table


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def run_with_progress(outlines: Sequence[Path], options: BuildOptions,
                      workers: int | None = None) -> tuple[list[BatchItem], object]:
    """Run the batch with a progress bar on stderr; return the results and the summary table."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("building", total=len(outlines))

        def done(item: BatchItem) -> None:
            progress.update(task, advance=1, description=f"built {item.outline.name}")

        items = run_batch(outlines, options, workers=workers, on_done=done)
    return items, summary_table(items)
