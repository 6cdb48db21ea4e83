"""Build the default make-deck template reproducibly: `python templates/build_default_template.py
[--out PATH]` writes `templates/default.pptx`. It starts from python-pptx's own default template,
sets a 16:9 slide size and rewrites the theme, master and layouts from `LAYOUTS` (see `describe`).
"""

import argparse
import datetime as dt
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn

DEFAULT_OUT = Path(__file__).resolve().parent / "default.pptx"
SLIDE_W, SLIDE_H = 12192000, 6858000
SCHEME_NAME = "make-deck default"
LANG = "en-GB"
FIXED_TIME = dt.datetime(2026, 1, 1)  # core-property dates and zip entry dates

# Theme colours (hex RGB), roles and contrast ratios: see templates/README.md.
PALETTE: dict[str, str] = {
    "dk1": "0B0C0C", "lt1": "FFFFFF", "dk2": "12436D", "lt2": "F3F2F1",
    "accent1": "12436D", "accent2": "28A197", "accent3": "801650", "accent4": "F46A25",
    "accent5": "505A5F", "accent6": "A285D1", "hlink": "1D70B8", "folHlink": "4C2C92",
}  # fmt: skip
NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
DARK_MAP = (  # on dark layouts hyperlinks use lt1 (white) and, once visited, lt2 (light grey)
    'bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3"'
    ' accent4="accent4" accent5="accent5" accent6="accent6" hlink="lt1" folHlink="lt2"'
)
DECORATIVE = (  # Office's "mark as decorative" flag, so screen readers skip the accent rules
    '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec='
    '"http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>'
)
Box = tuple[int, int, int, int]  # x, y, cx, cy in EMU


def inch(value: float) -> int:
    """Return `value` inches as a whole number of EMU."""
    return round(value * 914400)


MARGIN = inch(0.6)
CONTENT_W = SLIDE_W - 2 * MARGIN
GUTTER = inch(0.4)
RULE_W, RULE_H = inch(1.25), inch(0.08)
TEXT_INSET = inch(0.1)  # the writer's left text inset: rules start at the first letter
TITLE_BOX: Box = (MARGIN, inch(0.6), CONTENT_W, inch(1.2))
RULE_BOX: Box = (MARGIN + TEXT_INSET, inch(1.9), RULE_W, RULE_H)
BODY_Y, BODY_H = inch(2.1), inch(4.3)  # the body area ends 6.4 in down, above the footer band
SLDNUM_BOX: Box = (SLIDE_W - MARGIN - inch(1.5), inch(6.55), inch(1.5), inch(0.4))
EYEBROW_BOX: Box = (MARGIN, MARGIN, CONTENT_W, inch(0.6))
HERO_TITLE_BOX: Box = (MARGIN, inch(1.4), CONTENT_W, inch(2.6))
HERO_RULE_BOX: Box = (MARGIN + TEXT_INSET, inch(4.2), RULE_W, RULE_H)
HERO_BODY_BOX: Box = (MARGIN, inch(4.45), CONTENT_W, inch(1.95))
QUOTE_X = inch(1.0)
QUOTE_W = SLIDE_W - QUOTE_X - MARGIN


def columns(count: int) -> tuple[Box, ...]:
    """Return `count` equal body boxes side by side across the content area."""
    width = (CONTENT_W - (count - 1) * GUTTER) // count
    return tuple((MARGIN + i * (width + GUTTER), BODY_Y, width, BODY_H) for i in range(count))


@dataclass(frozen=True)
class Text:
    """Default text look of a placeholder: size in points, scheme colour, alignment."""

    size: int
    colour: str = "tx1"
    bold: bool = False
    align: str = "l"
    anchor: str = "t"
    bullets: bool = False


@dataclass(frozen=True)
class Placeholder:
    """One placeholder of a layout: its `p:ph` type, idx, box, prompt text and look."""

    kind: str
    idx: int
    box: Box
    prompt: str
    text: Text


def slide_number(idx: int, colour: str) -> Placeholder:
    """Return a slide-number placeholder, right-aligned in the footer band."""
    return Placeholder("sldNum", idx, SLDNUM_BOX, "", Text(14, colour, align="r", anchor="ctr"))


@dataclass(frozen=True)
class Layout:
    """One slide layout: name, OOXML type, background scheme colour, placeholders, rules."""

    name: str
    layout_type: str
    background: str  # "bg1" (white), "bg2" (light grey) or "tx2" (dark blue)
    placeholders: tuple[Placeholder, ...]
    rules: tuple[Box, ...] = ()  # decorative accent rectangles

    @property
    def all_placeholders(self) -> tuple[Placeholder, ...]:
        """Return the placeholders followed by the slide-number placeholder (idx 12)."""
        number_colour = "bg1" if self.background == "tx2" else "accent5"
        return (*self.placeholders, slide_number(12, number_colour))


def _title(prompt: str, colour: str = "tx2", box: Box = TITLE_BOX, size: int = 36,
           align: str = "l") -> Placeholder:  # fmt: skip
    """Return a title placeholder (idx 0), bottom-anchored so it sits on the accent rule."""
    return Placeholder("title", 0, box, prompt, Text(size, colour, True, align, "b"))


def _body(idx: int, box: Box, prompt: str, text: Text) -> Placeholder:
    """Return a body (text) placeholder."""
    return Placeholder("body", idx, box, prompt, text)


BULLETS, COLUMN3 = Text(24, bullets=True), Text(20, bullets=True)
EYEBROW = Text(20, "accent5", True)  # small muted title line at the top left
WHITE = "bg1"

# fmt: off
LAYOUTS: tuple[Layout, ...] = (
    Layout("Title Slide", "title", "tx2", (
        Placeholder("ctrTitle", 0, HERO_TITLE_BOX, "Workshop title",
                    Text(44, WHITE, True, anchor="b")),
        Placeholder("subTitle", 1, HERO_BODY_BOX, "Date, venue and facilitators", Text(24, WHITE)),
    ), (HERO_RULE_BOX,)),
    Layout("Title and Content", "obj", "bg1", (
        _title("Slide title"),
        _body(1, (MARGIN, BODY_Y, CONTENT_W, BODY_H), "Bullet point", BULLETS),
    ), (RULE_BOX,)),
    Layout("Section Header", "secHead", "tx2", (
        _title("Section title", WHITE, HERO_TITLE_BOX, 40),
        _body(1, HERO_BODY_BOX, "Section 1 \u00b7 30 minutes", Text(24, WHITE)),
    ), (HERO_RULE_BOX,)),
    Layout("Two Content", "twoObj", "bg1", (
        _title("Slide title"),
        *(_body(i + 1, box, f"Column {i + 1}", BULLETS) for i, box in enumerate(columns(2))),
    ), (RULE_BOX,)),
    Layout("Three Content", "cust", "bg1", (
        _title("Slide title"),
        *(_body(i + 1, box, f"Column {i + 1}", COLUMN3) for i, box in enumerate(columns(3))),
    ), (RULE_BOX,)),
    Layout("Title Only", "titleOnly", "bg1", (_title("Slide title"),), (RULE_BOX,)),
    Layout("Quote", "cust", "bg2", (
        Placeholder("title", 0, EYEBROW_BOX, "Quote", EYEBROW),
        _body(1, (QUOTE_X, inch(1.6), QUOTE_W, inch(3.6)), "Quote text",
              Text(32, "tx2", anchor="ctr")),
        _body(2, (QUOTE_X, inch(5.4), QUOTE_W, inch(0.8)), "Name, role or organisation",
              Text(20, "accent5")),
    ), ((MARGIN, inch(1.8), RULE_H, inch(3.2)),)),
    Layout("Statement", "cust", "bg1", (
        Placeholder("title", 0, EYEBROW_BOX, "Key message", EYEBROW),
        _body(1, (MARGIN, inch(1.5), CONTENT_W, inch(4.7)), "One key message",
              Text(40, "tx2", True, "ctr", "ctr")),
    )),
    Layout("Break", "cust", "bg2", (  # light, so a break never looks like a section divider
        _title("Break", "tx2", (MARGIN, inch(0.9), CONTENT_W, inch(1.2)), 40, "ctr"),
        _body(1, (MARGIN, inch(2.5), CONTENT_W, inch(3.6)), "Back at 11:00",
              Text(32, "tx2", align="ctr")),
    ), (((SLIDE_W - RULE_W) // 2, inch(2.25), RULE_W, RULE_H),)),
    Layout("Closing", "cust", "tx2", (  # composed like the title slide: the deck's bookends
        _title("Thank you", WHITE, (MARGIN, inch(1.0), CONTENT_W, inch(2.2)), 44),
        _body(1, (MARGIN, inch(3.65), CONTENT_W, inch(1.65)), "Facilitators and organisation",
              Text(24, WHITE)),
        _body(2, (MARGIN, inch(5.5), CONTENT_W, inch(0.9)), "Sources and credits",
              Text(14, WHITE, anchor="b")),
    ), ((MARGIN + TEXT_INSET, inch(3.4), RULE_W, RULE_H),)),
)
# fmt: on


def describe() -> dict[str, list[tuple[str, int, Box]]]:
    """Return {layout name: [(placeholder type, idx, (x, y, cx, cy) EMU), ...]} in order."""
    return {lay.name: [(ph.kind, ph.idx, ph.box) for ph in lay.all_placeholders] for lay in LAYOUTS}


def _fill(colour: str) -> str:
    """Return an `a:solidFill` element referring to scheme colour `colour`."""
    return f'<a:solidFill><a:schemeClr val="{colour}"/></a:solidFill>'


def _sp_pr(box: Box, extra: str = "") -> str:
    """Return a `p:spPr` placing a rectangle at `box`, followed by `extra` (fill, line)."""
    x, y, cx, cy = box
    return (
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{extra}</p:spPr>'
    )


def _level(n: int, text: Text, major: bool = False) -> str:
    """Return the `a:lvlNpPr` paragraph style for outline level `n` (1-9) of `text`."""
    size, gap, bullet, attrs = text.size, 0, "<a:buNone/>", 'marL="0" indent="0"'
    if text.bullets:  # "•" with a 0.375 in hanging indent; each level 0.5 in further in
        size, gap = max(text.size - 4 * min(n - 1, 2), 18), (1000 if n == 1 else 500)
        bullet = '<a:buFont typeface="Arial"/><a:buChar char="\u2022"/>'
        attrs = f'marL="{inch(0.375) + (n - 1) * inch(0.5)}" indent="{-inch(0.375)}"'
    spacing = '<a:lnSpc><a:spcPct val="90000"/></a:lnSpc>' if major else ""
    font = "mj" if major else "mn"
    return (
        f'<a:lvl{n}pPr {attrs} algn="{text.align}" rtl="0">{spacing}'
        f'<a:spcBef><a:spcPts val="{gap}"/></a:spcBef>{bullet}'
        f'<a:defRPr lang="{LANG}" sz="{size * 100}" b="{int(text.bold)}" kern="1200">'
        f'{_fill(text.colour)}<a:latin typeface="+{font}-lt"/><a:ea typeface="+{font}-ea"/>'
        f'<a:cs typeface="+{font}-cs"/></a:defRPr></a:lvl{n}pPr>'
    )


def _placeholder_sp(shape_id: int, ph: Placeholder) -> str:
    """Return a placeholder shape with its box, text style and prompt text (or number field)."""
    major = ph.kind in ("title", "ctrTitle")
    label = {"title": "Title", "ctrTitle": "Title", "subTitle": "Subtitle"}.get(ph.kind, "Text")
    levels = "".join(_level(n, ph.text, major) for n in range(1, 4 if ph.text.bullets else 2))
    attrs = f' idx="{ph.idx}"' if ph.idx else ""
    if ph.kind == "sldNum":
        label, attrs = "Slide Number", f' sz="quarter"{attrs}'
        paragraphs = (
            '<a:p><a:fld id="{5E0B6C1A-3D2F-4A7B-9C8E-2F1D0A6B4C31}" type="slidenum">'
            f'<a:rPr lang="{LANG}"/><a:t>\u2039#\u203a</a:t></a:fld>'
            f'<a:endParaRPr lang="{LANG}"/></a:p>'
        )
    else:
        attrs += ' hasCustomPrompt="1"'
        paragraphs = f'<a:p><a:r><a:rPr lang="{LANG}"/><a:t>{escape(ph.prompt)}</a:t></a:r></a:p>'
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{label} Placeholder {shape_id - 1}"/>'
        '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
        f'<p:nvPr><p:ph type="{ph.kind}"{attrs}/></p:nvPr></p:nvSpPr>{_sp_pr(ph.box)}'
        # The insets and "no autofit" the slides' own text boxes use (generator/writers/
        # pptx/text.py): a program that takes a placeholder's settings from its layout
        # shows the sizes make-deck measured.
        '<p:txBody><a:bodyPr vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440"'
        f' bIns="45720" rtlCol="0" anchor="{ph.text.anchor}"><a:noAutofit/></a:bodyPr>'
        f"<a:lstStyle>{levels}</a:lstStyle>{paragraphs}</p:txBody></p:sp>"
    )


def _c_sld(background: str, shapes: list[str], name: str = "") -> str:
    """Return a `p:cSld` with an optional background scheme colour and the given shapes."""
    bg = f"<p:bg><p:bgPr>{_fill(background)}<a:effectLst/></p:bgPr></p:bg>" if background else ""
    return (
        f'<p:cSld {NS} name="{escape(name)}">{bg}<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/>'
        '<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm>'
        f"</p:grpSpPr>{''.join(shapes)}</p:spTree></p:cSld>"
    )


def layout_xml(layout: Layout) -> str:
    """Return the complete `p:sldLayout` XML for `layout`."""
    shapes = [  # decorative accent rectangles first, so they sit behind the text
        f'<p:sp><p:nvSpPr><p:cNvPr id="{2 + i}" name="Accent rule {1 + i}">{DECORATIVE}</p:cNvPr>'
        f'<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
        f"{_sp_pr(box, _fill('accent4') + '<a:ln><a:noFill/></a:ln>')}</p:sp>"
        for i, box in enumerate(layout.rules)
    ]
    for ph in layout.all_placeholders:
        shapes.append(_placeholder_sp(len(shapes) + 2, ph))
    background = "" if layout.background == "bg1" else layout.background
    user = ' userDrawn="1"' if layout.layout_type == "cust" else ""
    dark = layout.background == "tx2"
    mapping = f"<a:overrideClrMapping {DARK_MAP}/>" if dark else "<a:masterClrMapping/>"
    return (
        f'<p:sldLayout {NS} type="{layout.layout_type}" preserve="1"{user}>'
        f"{_c_sld(background, shapes, layout.name)}"
        f"<p:clrMapOvr>{mapping}</p:clrMapOvr></p:sldLayout>"
    )


def master_parts() -> tuple[str, str]:
    """Return the master's new `p:cSld` and `p:txStyles` XML (everything else is kept)."""
    body = _body(1, (MARGIN, BODY_Y, CONTENT_W, BODY_H), "Text", BULLETS)
    placeholders = (_title("Title"), body, slide_number(4, "accent5"))
    shapes = [_placeholder_sp(i + 2, ph) for i, ph in enumerate(placeholders)]
    levels = range(1, 10)
    tx_styles = (
        f"<p:txStyles {NS}><p:titleStyle>{_level(1, Text(36, 'tx2', True), major=True)}"
        f"</p:titleStyle><p:bodyStyle>{''.join(_level(n, BULLETS) for n in levels)}"
        f'</p:bodyStyle><p:otherStyle><a:defPPr><a:defRPr lang="{LANG}"/></a:defPPr>'
        f"{''.join(_level(n, Text(18)) for n in levels)}</p:otherStyle></p:txStyles>"
    )
    return _c_sld("bg1", shapes), tx_styles


def theme_xml() -> str:
    """Return the theme part XML: colour, font and (flat, shadow-free) format schemes."""
    colours = "".join(f'<a:{k}><a:srgbClr val="{v}"/></a:{k}>' for k, v in PALETTE.items())
    font = '<a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/>'
    solid = _fill("phClr")
    lines = "".join(f'<a:ln w="{w}">{solid}</a:ln>' for w in (9525, 19050, 28575))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:theme xmlns:a="http://schem'
        f'as.openxmlformats.org/drawingml/2006/main" name="{SCHEME_NAME}"><a:themeElements>'
        f'<a:clrScheme name="{SCHEME_NAME}">{colours}</a:clrScheme>'
        f'<a:fontScheme name="{SCHEME_NAME}"><a:majorFont>{font}</a:majorFont>'
        f"<a:minorFont>{font}</a:minorFont></a:fontScheme>"
        f'<a:fmtScheme name="{SCHEME_NAME}"><a:fillStyleLst>{solid * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{lines}</a:lnStyleLst><a:effectStyleLst>"
        f"{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{solid * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements>"
        "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    )


APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas'
    '.openxmlformats.org/officeDocument/2006/extended-properties"><Application>make-deck'
    "</Application><PresentationFormat>Widescreen</PresentationFormat><Slides>0</Slides>"
    "</Properties>"
)


def build_bytes() -> bytes:
    """Return the finished template as normalised .pptx bytes."""
    prs = Presentation()
    if len(prs.slides):  # python-pptx's default has none; the template must have none either
        raise RuntimeError("the starting template unexpectedly has slides")
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    presentation = prs.part._element
    presentation.find(qn("p:sldSz")).attrib.pop("type", None)  # no longer "screen4x3"
    for run_defaults in presentation.xpath(".//a:defRPr[@lang]"):
        run_defaults.set("lang", LANG)
    package = prs.part.package
    for owner in (package, prs.part):  # drop python-pptx's thumbnail and printer settings
        for rel_id, rel in list(owner._rels.items()):
            if rel.reltype in (RT.THUMBNAIL, RT.PRINTER_SETTINGS):
                owner.drop_rel(rel_id)
    layouts = prs.slide_layouts  # keep the first ten layout parts, rewrite them in order
    while len(layouts) > len(LAYOUTS):
        layouts.remove(layouts[len(layouts) - 1])
    for layout, spec in zip(layouts, LAYOUTS, strict=True):
        layout.part._element = parse_xml(layout_xml(spec))
    master = prs.slide_master.part
    for new in map(parse_xml, master_parts()):  # swap p:cSld and p:txStyles in place
        old = master._element.find(new.tag)
        old.addprevious(new)
        master._element.remove(old)
    master.part_related_by(RT.THEME).blob = theme_xml().encode("utf-8")
    package.part_related_by(RT.EXTENDED_PROPERTIES).blob = APP_XML.encode("utf-8")

    props = prs.core_properties
    props.title, props.author = "make-deck default template", "make-deck"
    props.last_modified_by, props.revision, props.language = "make-deck", 1, LANG
    props.subject = props.keywords = props.comments = props.category = ""
    props.created = props.modified = FIXED_TIME

    raw = io.BytesIO()
    prs.save(raw)
    return normalise_zip(raw.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Return `data` re-zipped with fixed entry dates, a stable order and ZIP_DEFLATED."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = {name: src.read(name) for name in src.namelist()}
    order = sorted(entries, key=lambda n: (n != "[Content_Types].xml", n != "_rels/.rels", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 0, 0
            dst.writestr(info, entries[name], compresslevel=9)
    return out.getvalue()


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and `os.replace`; returns None."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    """Build the template at `--out` (default: templates/default.pptx); return exit status 0."""
    parser = argparse.ArgumentParser(description="Build the default make-deck template.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output .pptx path")
    write_atomically(parser.parse_args(argv).out, build_bytes())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
