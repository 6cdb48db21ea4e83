"""Checks on the files an outline points at: pictures exist, stay inside the
outline's folder, are what their content says and are not decompression bombs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostic, Position
from generator.problems import Problem

_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"GIF87a": "gif",
    b"GIF89a": "gif",
}


@dataclass(frozen=True, slots=True)
class ImageAsset:
    """A picture the outline uses, checked: where it is, its format and pixel size."""

    path: Path
    format: str
    width: int
    height: int


def sniff_format(head: bytes) -> str | None:
    """Return the picture format that a file's first bytes show, or None."""
    for signature, name in _SIGNATURES.items():
        if head.startswith(signature):
            return name
    return None


def check_image(
    reference: str,
    base: Path,
    position: Position | None,
    *,
    allow_outside: bool,
    max_pixels: int,
) -> tuple[ImageAsset | None, list[Diagnostic]]:
    """Return the checked picture at ``reference`` (relative to ``base``) and any problems."""

    def problem(code: str, message: str, hint: str) -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic(code, message, position=position, hint=hint)]

    candidate = (base / reference).expanduser()
    if not allow_outside:
        try:
            resolved = candidate.resolve(strict=False)
            resolved.relative_to(base.resolve())
        except ValueError:
            return problem(
                Problem.E_IMAGE_OUTSIDE,
                f"the picture `{reference}` is outside the outline's folder",
                "keep pictures in the outline's folder or a subfolder, "
                "or pass --allow-outside-images",
            )
    if not candidate.is_file():
        return problem(
            Problem.E_IMAGE_MISSING,
            f"the picture `{reference}` was not found (looked for {candidate})",
            "check the path; it is relative to the outline file",
        )
    with candidate.open("rb") as handle:
        head = handle.read(16)
    kind = sniff_format(head)
    if kind is None:
        return problem(
            Problem.E_IMAGE_TYPE, f"`{reference}` is not a PNG, JPEG or GIF picture",
            "export the picture as PNG or JPEG",
        )
    from PIL import Image  # deferred: only outlines with pictures pay for it

    try:
        with Image.open(candidate) as image:
            width, height = image.size
    except Image.DecompressionBombError:
        return problem(
            Problem.E_IMAGE_SIZE, f"`{reference}` claims so many pixels it looks like a "
            "decompression bomb", "scale the picture down to a few thousand pixels across",
        )
    except Exception:  # Pillow raises many kinds for a damaged file
        return problem(
            Problem.E_IMAGE_TYPE, f"`{reference}` could not be read as a {kind.upper()} picture",
            "the file may be damaged; export it again",
        )
    if width * height > max_pixels:
        return problem(
            Problem.E_IMAGE_SIZE,
            f"`{reference}` is {width} x {height} pixels, over the limit of {max_pixels:,}",
            "scale the picture down; slides need no more than about 4000 pixels across",
        )
    return ImageAsset(candidate.resolve(), kind, width, height), []
