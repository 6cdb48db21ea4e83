"""Build options: one typed, frozen object handed down the pipeline (never globals).

It holds only what the stages below the command line read. The environment is read
here, once, when the options are made (``SOURCE_DATE_EPOCH``), never by a stage.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Output = Literal["deck", "handout", "guide", "html", "guide-html"]
ALL_OUTPUTS: tuple[Output, ...] = ("deck", "handout", "guide", "html", "guide-html")

MAX_OUTLINE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000


def source_date_epoch(environ: Mapping[str, str] | None = None) -> int | None:
    """Return ``SOURCE_DATE_EPOCH`` from ``environ`` (the process's environment when
    None) as Unix seconds, or None when it is unset or not a whole number of seconds."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """Everything a run may change, with the defaults a plain `make-deck outline.yaml` uses."""

    strict: bool = False
    outputs: tuple[Output, ...] = ALL_OUTPUTS
    output_dir: Path | None = None
    force: bool = False
    allow_outside_images: bool = False
    max_outline_bytes: int = MAX_OUTLINE_BYTES
    max_image_pixels: int = MAX_IMAGE_PIXELS
    source_date_epoch: int | None = field(default_factory=source_date_epoch)
    """The time stamped into every output (see `generator.stamps`): read from the
    environment when the options are made, unless given."""


def output_stem(outline: Path, name: str | None, folder: str | None,
                options: BuildOptions) -> Path:
    """Return where an outline's outputs go, as folder/stem (``output/talk`` for
    ``output/talk.pptx``, ``output/talk-handout.pdf`` and ``output/talk-guide.pdf``),
    from its ``output: name:`` and ``output: dir:`` (None when not given)."""
    base = options.output_dir or (outline.parent / (folder or "output"))
    return base / (name or outline.stem)
