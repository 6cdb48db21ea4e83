"""Safe output files: written whole or not at all, and never over a hand edit.

Each build writes every output to a temporary file in the output folder, then
renames them into place together. A manifest beside the outputs records the
SHA-256 of what make-deck wrote; a file whose bytes no longer match was edited
by hand, and the build refuses to overwrite it unless forced, in which case the
edited file is first kept as a dated backup. The manifest also records which outline
each file was written for, so that files left from an outline's earlier
``output: name:`` are removed, when they are unedited (`remove_stale`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from generator.diagnostics import Diagnostic
from generator.problems import Problem

MANIFEST_NAME = ".make-deck-manifest.json"

Writer = Callable[[BinaryIO], None]


@dataclass(frozen=True, slots=True)
class PlannedOutput:
    """One file to write: where it goes and the function that writes its bytes."""

    path: Path
    write: Writer


def file_digest(path: Path) -> str:
    """Return the SHA-256 hex digest of the file at ``path``."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _manifest_part(folder: Path, part: str) -> dict[str, str]:
    try:
        data = json.loads((folder / MANIFEST_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    found = data.get(part, {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def read_manifest(folder: Path) -> dict[str, str]:
    """Return the recorded digests of the outputs in ``folder`` (file name -> sha256)."""
    return _manifest_part(folder, "files")


def read_owners(folder: Path) -> dict[str, str]:
    """Return which outline each output in ``folder`` was written for (file name ->
    the outline's path relative to ``folder``); files from older manifests are absent."""
    return _manifest_part(folder, "outlines")


def owner_key(outline: Path, folder: Path) -> str:
    """Return how the manifest in ``folder`` names ``outline``: its path from the folder."""
    return Path(os.path.relpath(outline.resolve(), folder.resolve())).as_posix()


def edited_outputs(paths: list[Path]) -> list[Path]:
    """Return the existing outputs whose bytes differ from what make-deck last wrote."""
    edited: list[Path] = []
    manifests: dict[Path, dict[str, str]] = {}
    for path in paths:
        if not path.exists():
            continue
        manifest = manifests.setdefault(path.parent, read_manifest(path.parent))
        if manifest.get(path.name) != file_digest(path):
            edited.append(path)
    return edited


def backup_name(path: Path, now: dt.datetime) -> Path:
    """Return a free backup path beside ``path``, e.g. ``deck.edited-2026-11-26-1015.pptx``."""
    stamp = now.strftime("%Y-%m-%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.edited-{stamp}{path.suffix}")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.edited-{stamp}-{counter}{path.suffix}")
        counter += 1
    return candidate


def edited_diagnostic(path: Path) -> Diagnostic:
    """Return the problem reported when ``path`` was changed since make-deck wrote it."""
    return Diagnostic(
        Problem.E_OUTPUT_EDITED,
        f"{path} was changed after make-deck wrote it; rebuilding would lose those edits",
        hint="copy your edits into the outline, move the file away, or run again with "
        "--force (the edited file is kept as a dated backup beside it)",
    )


def _file_mode() -> int:
    """Return the permission bits a new file gets under the process's umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _write_temp(output: PlannedOutput) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{output.path.name}.", suffix=".tmp",
                                dir=output.path.parent)
    temp = Path(name)
    try:
        os.fchmod(fd, _file_mode())  # as a plain open() would, not mkstemp's private 0600
        with os.fdopen(fd, "wb") as handle:
            output.write(handle)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def write_outputs(
    outputs: list[PlannedOutput], *, force: bool, now: dt.datetime | None = None,
    one_by_one: bool = False, on_written: Callable[[Path], None] | None = None,
    owner: Path | None = None,
) -> list[Path]:
    """Write every output atomically and return the backups made of edited files.

    Raises `EditedOutputError` (before writing anything) when an output was edited
    by hand and ``force`` is false. If any writer fails, no output is changed,
    unless ``one_by_one``: then each output is put in place as soon as it is
    written, those before a failing writer stay, and outputs edited by hand are
    left alone while the others are written (the error is raised after them).
    ``on_written`` is told of each file put in place, as it happens. ``owner`` is
    the outline the files are written for, recorded in the manifest.
    """
    if not outputs:
        return []
    edited = edited_outputs([o.path for o in outputs])
    if edited and not force:
        if not one_by_one:
            raise EditedOutputError(edited)
        write_outputs([o for o in outputs if o.path not in edited], force=False, now=now,
                      one_by_one=True, on_written=on_written, owner=owner)
        raise EditedOutputError(edited)
    for folder in {o.path.parent for o in outputs}:
        folder.mkdir(parents=True, exist_ok=True)
    moment = now or dt.datetime.now()
    backups: list[Path] = []

    def put_in_place(ready: list[tuple[Path, Path]]) -> None:
        backups.extend(_commit(ready, [p for p in edited if p in {t for _, t in ready}],
                               moment, owner))
        for _, path in ready:
            if on_written is not None:
                on_written(path)

    temps: list[tuple[Path, Path]] = []
    try:
        for output in outputs:
            temps.append((_write_temp(output), output.path))
            if one_by_one:
                put_in_place(temps)
                temps = []
    except BaseException:
        for temp, _ in temps:
            temp.unlink(missing_ok=True)
        raise
    put_in_place(temps)
    return backups


def _commit(temps: list[tuple[Path, Path]], edited: list[Path],
            moment: dt.datetime, owner: Path | None = None) -> list[Path]:
    """Move written temporary files into place, the ``edited`` ones' old files kept as
    backups first, and record their digests; return the backups made."""
    if not temps:
        return []
    backups: list[Path] = []
    for path in edited:
        backup = backup_name(path, moment)
        os.replace(path, backup)
        backups.append(backup)
    manifest_by_folder: dict[Path, tuple[dict[str, str], dict[str, str]]] = {}
    with _locked(sorted({path.parent for _, path in temps})):  # builds running side by side
        for temp, path in temps:
            digest = file_digest(temp)
            os.replace(temp, path)
            files, owners = manifest_by_folder.setdefault(
                path.parent, (read_manifest(path.parent), read_owners(path.parent)))
            files[path.name] = digest
            if owner is not None:
                owners[path.name] = owner_key(owner, path.parent)
        for folder, (files, owners) in manifest_by_folder.items():
            _write_manifest(folder, files, owners)
    return backups


def remove_stale(folder: Path, owner: Path, keep: set[str]) -> tuple[list[Path], list[Path]]:
    """Remove the files in ``folder`` that make-deck wrote for the outline ``owner`` under
    a name it no longer uses (not in ``keep``): an earlier ``output: name:``.

    Only files the manifest says were written for this outline, and whose bytes are
    still what was written, are removed; a file edited since is left where it is, and
    the manifest forgets it (it is the user's now). Returns (removed, kept as edited).
    """
    if not (folder / MANIFEST_NAME).is_file():
        return [], []
    removed: list[Path] = []
    kept: list[Path] = []
    with _locked([folder]):
        files, owners = read_manifest(folder), read_owners(folder)
        mine = owner_key(owner, folder)
        stale = [name for name, whose in owners.items() if whose == mine and name not in keep]
        for name in stale:
            path = folder / name
            if path.is_file() and not path.is_symlink() and name in files:
                if file_digest(path) == files[name]:
                    path.unlink()
                    removed.append(path)
                else:
                    kept.append(path)
            files.pop(name, None)
            owners.pop(name, None)
        if stale:
            _write_manifest(folder, files, owners)
    return removed, kept


@contextlib.contextmanager
def _locked(folders: list[Path]) -> Iterator[None]:
    """Hold an exclusive lock on each folder, so two builds never lose a manifest entry."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: builds there are not run side by side
        yield
        return
    handles: list[int] = []
    try:
        for folder in folders:
            handles.append(os.open(folder, os.O_RDONLY))
            fcntl.flock(handles[-1], fcntl.LOCK_EX)
        yield
    finally:
        for handle in handles:
            os.close(handle)  # closing releases the lock


def _write_manifest(folder: Path, files: dict[str, str],
                    owners: dict[str, str] | None = None) -> None:
    data: dict[str, object] = {"generator": "make-deck", "files": dict(sorted(files.items()))}
    if owners:
        data["outlines"] = dict(sorted(owners.items()))
    text = json.dumps(data, indent=2) + "\n"
    fd, name = tempfile.mkstemp(prefix=f".{MANIFEST_NAME}.", suffix=".tmp", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(name, folder / MANIFEST_NAME)


class EditedOutputError(Exception):
    """Outputs were changed by hand since make-deck wrote them; nothing was written."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        super().__init__(", ".join(str(p) for p in paths))
        self.diagnostics = tuple(edited_diagnostic(p) for p in paths)
