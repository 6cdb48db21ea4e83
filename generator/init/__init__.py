"""`make-deck init`: start a new outline, from a commented starter or from an article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

OUTLINE_NAME = "outline.yaml"


class InitError(Exception):
    """Raised when `init` cannot write; ``exit_code`` is the command's exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(frozen=True)
class InitResult:
    """What `init` wrote: the outline, every file written, and notes for the user."""

    outline: Path
    written: tuple[Path, ...]
    notes: tuple[str, ...] = field(default=())


def outline_path(target: Path) -> Path:
    """Return the outline file for ``target``: a folder's ``outline.yaml``, or a .yaml file."""
    if target.suffix.lower() in {".yaml", ".yml"} and not target.is_dir():
        return target
    return target / OUTLINE_NAME


def claim(outline: Path) -> None:
    """Make the outline's folder; raise `InitError` when an outline is already there."""
    if outline.exists():
        raise InitError(
            f"{outline} already exists; init never overwrites an outline. Choose another "
            "folder (`make-deck init my-workshop`) or move the file away first"
        )
    try:
        outline.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InitError(f"cannot make the folder {outline.parent}: {exc.strerror}") from None


def write_new(path: Path, data: str | bytes) -> None:
    """Write a file that must not exist yet (another process may race us to it)."""
    mode = "xb" if isinstance(data, bytes) else "x"
    try:
        if isinstance(data, bytes):
            with path.open(mode) as handle:
                handle.write(data)
        else:
            with path.open(mode, encoding="utf-8", newline="\n") as handle:
                handle.write(data)
    except FileExistsError:
        raise InitError(f"{path} already exists; init never overwrites it") from None
    except OSError as exc:
        raise InitError(f"cannot write {path}: {exc.strerror}") from None


def run_init(target: Path, article: str | Path | None = None) -> InitResult:
    """Write a starter outline at ``target``, or a draft made from the file ``article``;
    return what was written. A web address for ``article`` is refused (exit code 2):
    init reads files only, never the network."""
    if article is None:
        from generator.init.starter import write_starter

        return write_starter(outline_path(target))
    if isinstance(article, str) and re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", article):
        raise InitError(f"{article} is a web address; `init --from` reads a file on this "
                        "computer, not the web. Save the article from your browser as text "
                        "(or Markdown) and pass that file", exit_code=2)
    from generator.init.from_article import write_from_article

    return write_from_article(Path(article), outline_path(target))
