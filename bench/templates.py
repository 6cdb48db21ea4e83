"""Build the default and the crowded outline against every template in a folder.

    python bench/templates.py                     # ../shared/templates when it exists
    python bench/templates.py FOLDER [FOLDER...]  # every .pptx/.potx in these folders
    python bench/templates.py --no-render FOLDER  # skip LibreOffice and the contact sheets

For each template and outline it reports the build's exit code and its problems
(errors and warnings, by code), `check-template`'s exit code and verdicts, whether
section dividers sit on the template's section layout (when it has one) and no
quote or statement on its cover, and, unless ``--no-render``, how many characters
LibreOffice draws outside their boxes (with the fonts the deck embeds made available
to it, as PowerPoint uses them). A contact sheet of the deck's slides
(``contact-<template>-<outline>.png``) is written to the output folder (default
``output/templates/``) to be looked at. A summary table is printed at the end, and
the whole report is saved as ``report.json``.

The templates are not part of the project; see `bench/README.md` for where the ones
tried come from. The exit code is 0 when every build and every `check-template`
exited 0 and nothing was drawn outside its box.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUTLINES = {"default": REPO / "outline.yaml",
            "crowded": REPO / "tests" / "fixtures" / "crowded.yaml"}
Place = Callable[[float, float, float, float], tuple[float, float, float, float]]
"""Maps a shape's box (x, y, width, height in EMU) to where it lies on the slide."""
PROBLEM = re.compile(r"(error|warning)\[([A-Z0-9-]+)\](?: \(slide \d+\))?: (.*)")


@dataclass
class Run:
    """One outline built against one template, and what was found."""

    template: str
    outline: str
    exit_code: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    outside: int | None = None
    outside_examples: list[str] = field(default_factory=list)
    contact_sheet: str | None = None


@dataclass
class TemplateRun:
    """One template: `check-template`'s exit code and verdicts, and the builds."""

    template: str
    check_exit: int = 0
    verdicts: dict[str, str] = field(default_factory=dict)
    layout_problems: list[str] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)


def _outline_for(outline: Path, template: Path, folder: Path) -> Path:
    """Write a copy of ``outline`` into ``folder`` whose theme is ``template``; return it."""
    text = outline.read_text(encoding="utf-8")
    line = f"theme: {json.dumps(str(template.resolve()))}"
    if re.search(r"^theme:.*$", text, flags=re.M):
        text = re.sub(r"^theme:.*$", line, text, count=1, flags=re.M)
    else:
        text = f"{line}\n{text}"
    images = outline.parent / "images"
    if images.is_dir() and not (folder / "images").exists():
        shutil.copytree(images, folder / "images")
    target = folder / outline.name
    target.write_text(text, encoding="utf-8")
    return target


def _problems(output: str) -> tuple[list[str], list[str]]:
    errors, warnings = [], []
    for severity, code, message in PROBLEM.findall(output):
        (errors if severity == "error" else warnings).append(f"{code}: {message}")
    return errors, warnings


def _check_template(template: Path) -> tuple[int, dict[str, object]]:
    done = subprocess.run([sys.executable, "-m", "generator", "check-template", str(template),
                           "--format", "json"], capture_output=True, text=True, cwd=REPO)
    try:
        return done.returncode, json.loads(done.stdout)
    except ValueError:
        return done.returncode, {"error": done.stderr.strip()[-500:]}


def _layout_problems(report: dict[str, object]) -> list[str]:
    """Return where a role sits on a layout it must not: dividers off the section
    layouts (typed ``secHead``, or a custom layout named as one, as Google Slides
    names "SECTION_TITLE_AND_DESCRIPTION"), quotes and statements on the cover."""
    found = []
    layouts = {lay["name"]: lay for lay in report.get("layouts", [])}  # type: ignore[union-attr]
    has_section = any(lay.get("type") == "secHead" for lay in layouts.values())
    for role in report.get("roles", []):  # type: ignore[union-attr]
        kind = layouts.get(role["layout"], {}).get("type")
        named = kind == "cust" and "its name hints at: section" in role.get("reasons", [])
        if role["role"] == "section" and has_section and kind != "secHead" and not named:
            found.append(f"section dividers on “{role['layout']}” ({kind}), not a section layout")
        if role["role"] in ("quote", "statement") and kind == "title":
            found.append(f"{role['role']} slides on the cover layout “{role['layout']}”")
    return found


def _group_place(group: object, outer: Place) -> Place | None:
    """Return how a group's children's EMU boxes map to the slide, through ``outer``."""
    from pptx.oxml.ns import qn

    xfrm = group._element.grpSpPr.find(qn("a:xfrm"))  # type: ignore[attr-defined]
    parts = [None if xfrm is None else xfrm.find(qn(f"a:{tag}"))
             for tag in ("off", "ext", "chOff", "chExt")]
    if any(part is None for part in parts):
        return None
    off, ext, ch_off, ch_ext = parts
    sx = int(ext.get("cx")) / (int(ch_ext.get("cx")) or 1)
    sy = int(ext.get("cy")) / (int(ch_ext.get("cy")) or 1)
    ox, oy = int(off.get("x")), int(off.get("y"))
    cx, cy = int(ch_off.get("x")), int(ch_off.get("y"))
    return lambda x, y, w, h: outer(ox + (x - cx) * sx, oy + (y - cy) * sy, w * sx, h * sy)


def _drawn_text(shapes: object, place: Place) -> list[tuple[float, float, float, float]]:
    """Return the slide-point boxes of the text among ``shapes`` that is not in a
    placeholder, looking inside groups (``place`` maps a shape's EMU box to the slide)."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE
    from pptx.oxml.ns import qn
    from pptx.util import Emu

    boxes = []
    for shape in shapes:  # type: ignore[attr-defined]
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            inner = _group_place(shape, place)
            boxes += _drawn_text(shape.shapes, inner) if inner else []
        elif not shape.is_placeholder and shape.has_text_frame and shape.width:
            x, y, w, h = place(shape.left, shape.top, shape.width, shape.height)
            if shape._element.find(f".//{qn('a:spAutoFit')}") is not None:
                h *= 3  # it grows with its text: in a substitute font, over more lines
            sizes = [int(e.get("sz")) / 100 for e in shape._element.iter(
                qn("a:rPr"), qn("a:defRPr"), qn("a:endParaRPr")) if e.get("sz", "").isdigit()]
            line = Emu(int(max(sizes, default=0) * 1.3 * 12700))  # one line of its text
            h = max(h, place(0, 0, 0, line)[3])  # a big decorative quote mark overhangs
            boxes.append((Emu(x).pt, Emu(y).pt, Emu(x + w).pt, Emu(y + h).pt))
    return boxes


def template_text_boxes(slide: object) -> list[tuple[float, float, float, float]]:
    """Return the boxes of the text the slide's layout and master draw themselves
    (a department's name in a footer band, also inside a group): LibreOffice draws it,
    and it is no overflow. A box that grows with its text (``spAutoFit``) counts three
    times its height: set in a substitute for a font LibreOffice lacks (a "Confidential"
    stamp in Meiryo), the template's own words take more lines than in PowerPoint. A
    box is at least one line of its largest text tall (a 96 pt quote mark in a box half
    that height overhangs it in PowerPoint too)."""
    layout = slide.slide_layout  # type: ignore[attr-defined]
    boxes = []
    for part in (layout, layout.slide_master):
        boxes += _drawn_text(part.shapes, lambda x, y, w, h: (x, y, w, h))
    return boxes


def embedded_fonts_env(deck: Path, folder: Path) -> dict[str, str] | None:
    """Return an environment in which LibreOffice finds the fonts ``deck`` embeds, as
    PowerPoint and Google Slides use them (LibreOffice 7 does not read a .pptx's
    embedded fonts), or None when it embeds none that can be read."""
    import os

    sys.path.insert(0, str(REPO))
    from generator.look.embedded_fonts import embedded_fonts

    files = [f for family in embedded_fonts(deck) for f in family.files if f is not None]
    if not files:
        return None
    fonts = folder / "embedded-fonts"
    fonts.mkdir(exist_ok=True)
    for file in files:
        shutil.copy(file, fonts / file.name)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{fonts}</dir><cachedir>{folder / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(config)}


def _render(deck: Path, folder: Path, name: str, out: Path) -> tuple[int, list[str], Path]:
    sys.path.insert(0, str(REPO / "tests"))
    from roundtrip import characters_outside

    profile = folder / "lo-profile"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(folder), str(deck)],
                   check=True, capture_output=True, timeout=600,
                   env=embedded_fonts_env(deck, folder))
    pdf = folder / f"{deck.stem}.pdf"
    _, outside = characters_outside(deck, pdf, template_text_boxes)
    pages = folder / "pages"
    pages.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(pdf), str(pages / "p")], check=True)
    sheet = out / f"contact-{name}.png"
    subprocess.run(["montage", *sorted(str(p) for p in pages.glob("p-*.png")), "-tile", "6x",
                    "-geometry", "+4+4", "-background", "#888888", str(sheet)], check=True)
    return len(outside), outside[:8], sheet


def run_template(template: Path, out: Path, render: bool) -> TemplateRun:
    """Return what building both outlines against ``template`` found."""
    result = TemplateRun(template.name)
    result.check_exit, report = _check_template(template)
    result.verdicts = {r["role"]: r["verdict"] for r in report.get("roles", [])}  # type: ignore
    result.layout_problems = _layout_problems(report)
    for label, outline in OUTLINES.items():
        with tempfile.TemporaryDirectory(prefix="make-deck-templates-") as tmp:
            folder = Path(tmp)
            copy = _outline_for(outline, template, folder)
            done = subprocess.run(
                [sys.executable, "-m", "generator", "build", str(copy), "--only", "deck",
                 "--out-dir", str(folder / "out")], capture_output=True, text=True, cwd=REPO)
            run = Run(template.name, label, done.returncode)
            run.errors, run.warnings = _problems(done.stdout + done.stderr)
            if done.returncode not in (0, 1) and not run.errors:
                run.errors.append((done.stdout + done.stderr).strip()[-300:])
            decks = sorted((folder / "out").glob("*.pptx"))
            if render and decks:
                run.outside, run.outside_examples, sheet = _render(
                    decks[0], folder, f"{template.stem}-{label}", out)
                run.contact_sheet = str(sheet)
            result.runs.append(run)
    return result


def _summary(results: list[TemplateRun]) -> str:
    lines = [f"{'template':<28} {'outline':<8} exit errors warnings outside  check  notes"]
    for result in results:
        for run in result.runs:
            outside = "-" if run.outside is None else str(run.outside)
            notes = "; ".join(result.layout_problems)
            lines.append(f"{result.template:<28} {run.outline:<8} {run.exit_code:>4} "
                         f"{len(run.errors):>6} {len(run.warnings):>8} {outside:>7} "
                         f"{result.check_exit:>6}  {notes}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build every template's decks and print the report; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=REPO / "output" / "templates")
    parser.add_argument("--no-render", action="store_true")
    args = parser.parse_args(argv)
    folders = args.folders or [REPO.parent / "shared" / "templates"]
    templates = sorted(p for folder in folders for p in folder.iterdir()
                       if p.suffix.lower() in (".pptx", ".potx"))
    if not templates:
        parser.error(f"no .pptx or .potx templates in {', '.join(map(str, folders))}")
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for template in templates:
        result = run_template(template, args.out, not args.no_render)
        results.append(result)
        for run in result.runs:
            print(f"{template.name} / {run.outline}: exit {run.exit_code}", flush=True)
            for problem in [*run.errors, *run.warnings, *run.outside_examples]:
                print(f"    {problem}")
        for problem in result.layout_problems:
            print(f"    {problem}")
        if result.check_exit:
            unusable = [role for role, v in result.verdicts.items() if v == "unusable"]
            print(f"    check-template exit {result.check_exit}: unusable {unusable}")
    (args.out / "report.json").write_text(json.dumps([asdict(r) for r in results], indent=1))
    print(_summary(results))
    failed = any(r.check_exit or r.layout_problems or any(
        run.exit_code or run.errors or run.outside for run in r.runs) for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
