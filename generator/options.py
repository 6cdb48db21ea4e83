"""Build options: one typed, frozen object handed down the pipeline (never globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Output = Literal["deck", "handout", "guide"]
ALL_OUTPUTS: tuple[Output, ...] = ("deck", "handout", "guide")

MAX_OUTLINE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """Everything a run may change, with the defaults a plain `make-deck outline.yaml` uses."""

    strict: bool = False
    outputs: tuple[Output, ...] = ALL_OUTPUTS
    output_dir: Path | None = None
    force: bool = False
    verbose: bool = False
    debug: bool = False
    allow_outside_images: bool = False
    max_outline_bytes: int = MAX_OUTLINE_BYTES
    max_image_pixels: int = MAX_IMAGE_PIXELS
    source_date_epoch: int | None = field(default=None)


def output_stem(outline: Path, name: str | None, folder: str | None,
                options: BuildOptions) -> Path:
    """Return where an outline's outputs go, as folder/stem (``output/talk`` for
    ``output/talk.pptx``, ``output/talk-handout.pdf`` and ``output/talk-guide.pdf``),
    from its ``output: name:`` and ``output: dir:`` (None when not given)."""
    base = options.output_dir or (outline.parent / (folder or "output"))
    return base / (name or outline.stem)
