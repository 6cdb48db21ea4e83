"""Turning reportlab's output into a tagged PDF/UA-1 file.

reportlab draws the pages with their content marked (`generator.writers.pdf.tags`);
this writes what a tagged file needs besides: the structure tree with its parent
tree, links tied to their Link elements, /MarkInfo, tab order, the XMP metadata
with the PDF/UA identifier. The bookmarks, the document information and the
fixed dates stay as reportlab wrote them, and the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name

from generator.writers.pdf.tags import LinkAnnotation, Marked, Node, TagRecorder


@dataclass(frozen=True, slots=True)
class FileInfo:
    """What the XMP metadata says: title, author, subject, language, creation time."""

    title: str
    author: str
    subject: str
    language: str
    created: int


TEXT_ROLES = frozenset({"P", "H1", "H2", "H3", "H4", "Lbl", "LBody", "TH", "TD", "Caption",
                        "Span", "Quote", "BlockQuote", "Figure"})
"""Elements that hold text: each says its language (/Lang), even the document's."""


@dataclass
class _Tree:
    """The structure tree being written into ``pdf``."""

    pdf: pikepdf.Pdf
    recorder: TagRecorder
    pages: list[pikepdf.Dictionary] = field(default_factory=list)
    objects: dict[int, pikepdf.Object] = field(default_factory=dict)
    annotation_keys: list[tuple[int, pikepdf.Object]] = field(default_factory=list)
    language: str | None = None

    def key_of_next_annotation(self) -> int:
        """Return the parent-tree key for the next link annotation."""
        return len(self.pages) + len(self.annotation_keys)

    def element(self, node: Node, parent: pikepdf.Object) -> pikepdf.Object:
        """Return ``node`` (and everything under it) as an indirect StructElem."""
        obj = self.pdf.make_indirect(Dictionary(
            Type=Name.StructElem, S=Name("/" + node.role), P=parent))
        self.objects[id(node)] = obj
        marked = [kid.page for kid in node.kids if isinstance(kid, Marked)]
        page = marked[0] if marked else None
        if page is not None:
            obj.Pg = self.pages[page]
        kids = Array()
        for kid in node.kids:
            if isinstance(kid, Node):
                kids.append(self.element(kid, obj))
            elif isinstance(kid, Marked):
                kids.append(kid.mcid if kid.page == page else Dictionary(
                    Type=Name.MCR, Pg=self.pages[kid.page], MCID=kid.mcid))
            else:
                kids.append(self.link(kid, obj))
        if len(kids) == 1:
            obj.K = kids[0]
        elif kids:
            obj.K = kids
        if node.alt is not None:
            obj.Alt = pikepdf.String(node.alt)
        if node.lang is not None or (node.role in TEXT_ROLES and self.language):
            obj.Lang = pikepdf.String(node.lang or self.language)
        if node.attributes:
            obj.A = Dictionary({f"/{k}": _pdf_value(v) for k, v in node.attributes.items()})
        return obj

    def link(self, link: LinkAnnotation, element: pikepdf.Object) -> pikepdf.Object:
        """Return the object reference for a link annotation, tied back to ``element``."""
        page = self.pages[link.page]
        annotation = page.Annots[link.index]
        key = self.key_of_next_annotation()
        annotation.StructParent = key
        annotation.F = 4  # Print: on paper as on screen
        self.annotation_keys.append((key, element))
        if "/Contents" not in annotation:
            action = annotation.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            annotation.Contents = pikepdf.String(uri or "Link")
        return Dictionary(Type=Name.OBJR, Obj=annotation, Pg=page)

    def parent_tree(self) -> pikepdf.Object:
        """Return the number tree from each page's /StructParents (and each link's
        /StructParent) to the elements owning its content."""
        nums = Array()
        for index, page in enumerate(self.pages):
            owners = self.recorder.owners.get(index)
            if not owners:
                continue
            page.StructParents = index
            nums.append(index)
            nums.append(self.pdf.make_indirect(
                Array([self.objects[id(node)] for node in owners])))
        for key, element in self.annotation_keys:
            nums.append(key)
            nums.append(element)
        return self.pdf.make_indirect(Dictionary(Nums=nums))


def _pdf_value(value: str | tuple[float, ...]) -> pikepdf.Object:
    """Return an attribute value: a name for text, an array for numbers."""
    if isinstance(value, tuple):
        return Array(list(value))
    return Name("/" + value)


def tag_pdf(data: bytes, recorder: TagRecorder, info: FileInfo) -> bytes:
    """Return reportlab's ``data`` as a tagged PDF with the structure ``recorder`` holds."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        tree = _Tree(pdf, recorder, [page.obj for page in pdf.pages], language=info.language)
        root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        document = tree.element(recorder.root, root)
        root.K = document
        root.ParentTree = tree.parent_tree()
        root.ParentTreeNextKey = tree.key_of_next_annotation()
        catalog = pdf.Root
        catalog.StructTreeRoot = root
        catalog.MarkInfo = Dictionary(Marked=True)
        catalog.Lang = pikepdf.String(info.language)
        catalog.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        for page in tree.pages:
            page.Tabs = Name.S
        distinct_subset_tags(pdf)
        _write_xmp(pdf, info)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, min_version="1.7",
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def _subset_tag(seed: bytes) -> str:
    """Return six capital letters drawn from ``seed``'s SHA-256 digest."""
    digest = hashlib.sha256(seed).digest()
    return "".join(chr(ord("A") + byte % 26) for byte in digest[:6])


def distinct_subset_tags(pdf: pikepdf.Pdf) -> None:
    """Give every embedded font subset a tag of its own (ISO 32000-1, 9.6.4).

    reportlab tags each font's subsets ``AAAAAA+``, ``AAAAAB+``..., so every font's
    first subset is ``AAAAAA+``. Each tag is made instead from the font's name and the
    bytes of its embedded subset, so a rebuild gives the same tags (deterministic
    output) and different subsets get different ones."""
    used: set[str] = set()
    for font in sorted(_subset_fonts(pdf), key=lambda f: str(f.BaseFont)):
        name = str(font.BaseFont)[1:]
        base = name.split("+", 1)[1]
        descriptor = font.get("/FontDescriptor")
        stream = descriptor.get("/FontFile2") if descriptor is not None else None
        seed = name.encode() + (stream.read_raw_bytes() if stream is not None else b"")
        tag = _subset_tag(seed)
        while tag in used:
            seed += b"+"
            tag = _subset_tag(seed)
        used.add(tag)
        font.BaseFont = Name(f"/{tag}+{base}")
        if descriptor is not None and "/FontName" in descriptor:
            descriptor.FontName = Name(f"/{tag}+{base}")


def _subset_fonts(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Return each font dictionary whose name carries a subset tag (``ABCDEF+Name``)."""
    found: dict[tuple[int, int], pikepdf.Dictionary] = {}
    for obj in pdf.objects:
        if (isinstance(obj, Dictionary) and obj.get("/Type") == Name.Font
                and "/BaseFont" in obj and obj.is_indirect):
            name = str(obj.BaseFont)[1:]
            if len(name) > 7 and name[6] == "+" and name[:6].isalpha() and name[:6].isupper():
                found[obj.objgen] = obj
    return list(found.values())


def _write_xmp(pdf: pikepdf.Pdf, info: FileInfo) -> None:
    """Write the XMP metadata: Dublin Core, the fixed dates and ``pdfuaid:part 1``."""
    when = dt.datetime.fromtimestamp(info.created, dt.UTC).isoformat()
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:title"] = info.title
        if info.author:
            meta["dc:creator"] = [info.author]
        if info.subject:
            meta["dc:description"] = info.subject
        meta["dc:language"] = {info.language}
        meta["dc:format"] = "application/pdf"
        meta["pdf:Producer"] = "make-deck"
        meta["xmp:CreatorTool"] = "make-deck"
        meta["xmp:CreateDate"] = when
        meta["xmp:ModifyDate"] = when
        meta["xmp:MetadataDate"] = when
        meta["pdfuaid:part"] = "1"
