"""Word (.docx) agreements, read from the package XML in the accepted view.

Tracked insertions count and deletions do not (python-docx's ``paragraph.text`` gets
this wrong both ways), list labels are rebuilt from numbering.xml, tables become one
block per row, and section headers/footers go to the document's furniture. A piece's
Location names its paragraph: the 1-based position among :func:`body_paragraphs`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from ..errors import InputError
from ..model import Document, Furniture, Origin
from .builder import DocumentBuilder, Piece
from .normalize import clean_line
from .numbering import Numbering, w

#: Subtrees whose text is not in the accepted view, or is not body text at all.
_SKIP = frozenset(
    w(t) for t in ("del", "moveFrom", "pPr", "rPr", "instrText", "delText", "txbxContent")
) | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
_TEXT = {w("t"): None, w("tab"): " ", w("br"): " ", w("cr"): " ", w("noBreakHyphen"): "-"}
_REVISIONS = tuple(w(t) for t in ("ins", "del", "moveFrom", "moveTo"))
_HEADING_STYLE = re.compile(r"^(heading\s*\d*|title|subtitle)$", re.IGNORECASE)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def load(path: Path, data: bytes) -> Document:
    """Document of a .docx file whose bytes are ``data``."""
    if data.startswith(_OLE_MAGIC):
        raise InputError(
            "corrupt-docx",
            "the document is password-protected or in the old .doc format; save it as .docx",
        )
    try:
        package = docx.Document(io.BytesIO(data))
        body = package.element.body
        reader = _Reader(_numbering(package), _paragraph_styles(package))
        reader.read(body)
        if not reader.builder.has_text:
            raise InputError("empty", "the document has no text")
        return reader.builder.build(
            str(path),
            "docx",
            pages=_app_pages(package),
            furniture=_furniture(package),
            tracked_changes=any(True for _ in body.iter(*_REVISIONS)),
            struck_text=any(struck(run) for run in body.iter(w("r"))),
            comments=_has_comments(package, body),
        )
    except InputError:
        raise
    except Exception:  # python-docx and lxml raise many kinds for a broken package
        raise InputError("corrupt-docx", "the file is not a valid Word document (.docx)") from None


def body_paragraphs(body: etree._Element) -> Iterator[etree._Element]:
    """``<w:p>`` elements of the body in reading order, table cells included (content
    controls opened, text boxes not): position i (1-based) is Location.paragraph i."""
    for child in body:
        if child.tag == w("p"):
            yield child
        elif child.tag in (w("tbl"), w("tr"), w("tc"), w("sdt"), w("sdtContent")):
            yield from body_paragraphs(child)


def struck(run: etree._Element) -> bool:
    """Whether a run is formatted struck through (single or double), not switched off."""
    props = run.find(w("rPr"))
    if props is None:
        return False
    mark = props.find(w("strike"))
    mark = props.find(w("dstrike")) if mark is None else mark
    return mark is not None and mark.get(w("val"), "true").lower() not in ("0", "false", "off")


def paragraph_text(p: etree._Element) -> str:
    """Accepted-view text of one paragraph: inserted runs in, deleted runs out, field
    results in, field codes out, and text struck through by hand out (a draft's way of
    showing a deletion without tracking it)."""
    out: list[str] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str) or (tag == w("r") and struck(child)):
                continue
            if tag in _TEXT:
                fixed = _TEXT[tag]
                out.append((child.text or "") if fixed is None else fixed)
            else:
                walk(child)

    walk(p)
    return clean_line("".join(out))


class _Reader:
    """Walks the body once, feeding the builder paragraphs, list items and table rows."""

    def __init__(self, numbering: Numbering, styles: dict[str, tuple[bool, tuple[str, int] | None]]) -> None:
        self.numbering = numbering
        self.styles = styles
        self.builder = DocumentBuilder()
        self.index: dict[etree._Element, int] = {}
        self.carry: list[Piece] = []  # text of a paragraph whose mark was deleted

    def read(self, body: etree._Element) -> None:
        self.index = {p: i for i, p in enumerate(body_paragraphs(body), start=1)}
        self._container(body)

    def _container(self, el: etree._Element) -> None:
        for child in el:
            if child.tag == w("p"):
                self._paragraph(child)
            elif child.tag == w("tbl"):
                self._table(child)
            elif child.tag in (w("sdt"), w("sdtContent")):
                self._container(child)

    def _paragraph(self, p: etree._Element) -> None:
        pieces = [*self.carry, (paragraph_text(p), Origin(paragraph=self.index[p]))]
        ppr = p.find(w("pPr"))
        if ppr is not None and ppr.find(f"{w('rPr')}/{w('del')}") is not None:
            self.carry = pieces  # accepted view: this paragraph runs on into the next
            return
        self.carry = []
        style = _style_id(ppr)
        heading, style_num = self.styles.get(style, (False, None))
        label = self._label(ppr, style_num)
        if label is not None:
            self.builder.list_item(label, pieces)
        else:
            self.builder.text_block(pieces, heading=heading)

    def _label(self, ppr: etree._Element | None, style_num: tuple[str, int] | None) -> str | None:
        num_pr = None if ppr is None else ppr.find(w("numPr"))
        num_id, ilvl = style_num or (None, 0)
        if num_pr is not None:
            num_el, lvl_el = num_pr.find(w("numId")), num_pr.find(w("ilvl"))
            if num_el is not None:
                num_id = num_el.get(w("val"))
            if lvl_el is not None:
                ilvl = int(lvl_el.get(w("val"), "0"))
        if not num_id or num_id == "0":
            return None
        return self.numbering.label(num_id, ilvl)

    def _table(self, tbl: etree._Element) -> None:
        table = self.builder.new_table()
        for r, tr in enumerate(tbl.iter(w("tr"))):
            if tr.getparent() is not tbl:
                continue  # a nested table's rows are read as its cell's text
            cells = []
            for c, tc in enumerate(tr.findall(w("tc"))):
                cells.append(
                    [
                        (paragraph_text(p), Origin(paragraph=self.index[p], table=table, row=r, cell=c))
                        for p in body_paragraphs(tc)
                    ]
                )
            self.builder.table_row(table, r, cells)


def _style_id(ppr: etree._Element | None) -> str | None:
    style = None if ppr is None else ppr.find(w("pStyle"))
    return None if style is None else style.get(w("val"))


def _paragraph_styles(package: docx.document.Document) -> dict[str, tuple[bool, tuple[str, int] | None]]:
    """Per paragraph style id: is it a heading style, and the list numbering it applies
    (numPr in the style or a style it is based on)."""
    out: dict[str, tuple[bool, tuple[str, int] | None]] = {}
    for style in package.styles:
        if style.type != docx.enum.style.WD_STYLE_TYPE.PARAGRAPH:
            continue
        heading = bool(_HEADING_STYLE.match(style.name or ""))
        num: tuple[str, int] | None = None
        s = style
        while s is not None and num is None:
            num_pr = s.element.find(f"{w('pPr')}/{w('numPr')}")
            if num_pr is not None:
                num_el, lvl_el = num_pr.find(w("numId")), num_pr.find(w("ilvl"))
                if num_el is not None:
                    num = (num_el.get(w("val")), int(lvl_el.get(w("val"), "0")) if lvl_el is not None else 0)
            s = s.base_style
        out[style.style_id] = (heading, num)
    return out


def _numbering(package: docx.document.Document) -> Numbering:
    try:
        part = package.part.part_related_by(RT.NUMBERING)
    except KeyError:
        return Numbering.from_xml(None)
    return Numbering.from_xml(etree.fromstring(part.blob))


def _furniture(package: docx.document.Document) -> list[Furniture]:
    """Distinct non-empty header and footer paragraphs of every section."""
    seen: set[tuple[str, str]] = set()
    out: list[Furniture] = []
    for section in package.sections:
        for kind, parts in (
            ("header", (section.header, section.first_page_header, section.even_page_header)),
            ("footer", (section.footer, section.first_page_footer, section.even_page_footer)),
        ):
            for part in parts:
                if part.is_linked_to_previous:
                    continue
                for p in part._element.iter(w("p")):
                    text = paragraph_text(p)
                    if text and (kind, text) not in seen:
                        seen.add((kind, text))
                        out.append(Furniture(text=text, kind=kind))
    return out


def _parts(package: docx.document.Document) -> dict[str, bytes]:
    return {str(p.partname): p.blob for p in package.part.package.iter_parts()}


def _app_pages(package: docx.document.Document) -> int | None:
    app = _parts(package).get("/docProps/app.xml")
    m = re.search(rb"<(?:\w+:)?Pages>\s*(\d+)\s*<", app or b"")
    return int(m.group(1)) if m else None


def _has_comments(package: docx.document.Document, body: etree._Element) -> bool:
    if next(body.iter(w("commentRangeStart"), w("commentReference")), None) is not None:
        return True
    comments = _parts(package).get("/word/comments.xml")
    return comments is not None and etree.fromstring(comments).find(w("comment")) is not None
