"""Render readable .txt agreements into DOCX and PDF beside them, and write fixtures/bad/.

Usage: python scripts/render_fixtures.py [FILE.txt ...] [--corpus] [--out-dir DIR]
       python scripts/render_fixtures.py --scans [--out-dir DIR]

The .txt is read with the project's own TXT extractor, so headings, list items (with
their labels and levels) and pipe tables are exactly what the tool itself sees. DOCX:
headings in Heading styles, list items with real Word numbering (the label is not typed
into the text), pipe tables as Word tables, a running header and a "Page N of M" footer.
PDF: US Letter, wrapped and hyphenated paragraphs, labels drawn as text, ruled tables,
a running header and a "Page N of M" footer on every page. fixtures/pdf/*.txt become PDFs
whose lines also break after the hyphens of words ("speech-" / "language"), as word
processors break them. ``--scans`` writes only fixtures/scans/: the sample mediation PDF
as a realistic scan (an image-only PDF) and a phone photo of its first page (a JPEG), for
OCR. Output is byte-identical on every run (fixed zip times and document dates;
reportlab's invariant mode; seeded scan noise). Needs the optional "fixtures" extra
(reportlab).
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import docx  # noqa: E402
import numpy as np  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.shared import Pt  # noqa: E402
from PIL import ExifTags, Image, ImageFilter  # noqa: E402
from reportlab import rl_config  # noqa: E402
from reportlab.lib.pagesizes import letter  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from agreement_check.extract import load  # noqa: E402
from agreement_check.extract.numbering import W, Level, Numbering  # noqa: E402
from agreement_check.extract.structure import LabelShape, LevelTracker  # noqa: E402
from agreement_check.model import Document  # noqa: E402

rl_config.invariant = 1
FIXED_DATE = datetime(2025, 1, 1, tzinfo=timezone.utc)
ZIP_TIME = (2025, 1, 1, 0, 0, 0)
SAMPLES = ROOT / "fixtures" / "samples"
SCANS = ROOT / "fixtures" / "scans"
BAD = ROOT / "fixtures" / "bad"
PDF = ROOT / "fixtures" / "pdf"


# ----------------------------------------------------------------------------- source


@dataclass(slots=True)
class Unit:
    """One thing to render: a text block, or a whole table (rows of cell texts)."""

    kind: str
    text: str = ""
    label: str | None = None
    level: int = 0
    shape: LabelShape | None = None
    rows: list[list[str]] = field(default_factory=list)


def read_units(doc: Document) -> list[Unit]:
    """The document's blocks, list items split into label and text, tables grouped."""
    units: list[Unit] = []
    tracker = LevelTracker()
    for block in doc.blocks:
        text = doc.block_text(block)
        if block.kind == "table_row":
            if block.row == 0 or not units or units[-1].kind != "table":
                units.append(Unit("table"))
            units[-1].rows.append([doc.text[s:e] for s, e in block.cells])
        elif block.kind == "list_item" and block.label:
            _, shape = tracker.level(block.label)
            units.append(Unit("list_item", text[len(block.label) :].strip(), block.label, block.level, shape))
        else:
            if block.kind == "heading":
                tracker.reset()
            units.append(Unit(block.kind, text))
    return units


def running_title(units: list[Unit], path: Path) -> str:
    """The running header: the first heading in title case, marked confidential."""
    first = next((u.text for u in units if u.kind == "heading"), path.stem.replace("-", " "))
    return " ".join(w.capitalize() if w.isupper() or w.islower() else w for w in first.split()) + " — Confidential"


# ------------------------------------------------------------------------ Word lists


@dataclass(slots=True)
class ListPlan:
    """Word numbering for a document's list items, checked against the labels they
    must show: an item whose label Word would not draw stays literal text."""

    abstracts: list[dict[int, Level]] = field(default_factory=list)
    sim: Numbering = field(default_factory=Numbering)
    current: int | None = None  # index of the open list's abstractNum

    def close(self) -> None:
        """End the open list (at a heading): the next item starts a fresh one."""
        self.current = None

    def place(self, unit: Unit) -> tuple[str, int] | None:
        """(numId, ilvl) that makes Word draw ``unit.label``, or None for literal text.

        The item goes to the level of its depth; when that level already draws another
        style it may take a deeper free level (Word restarts it after any shallower
        item, as the text's own numbering does; a "3.1" there shows "%1.%3")."""
        shape = unit.shape
        if shape is None or (shape.fmt != "bullet" and "%" in shape.template):
            return None
        if self.current is None:
            self._open()
        levels = self.abstracts[self.current]
        num_id = str(self.current + 1)
        inner = max(len(shape.values) - 1, 0)  # outer numbers the label shows
        outer = max(unit.level - inner, 0)
        for ilvl in range(outer + inner, 9):
            want = _level_for(shape, outer, ilvl)
            have = levels.get(ilvl)
            if have is not None and (have.fmt, have.text) != (want.fmt, want.text):
                continue
            added = [j for j in range(outer, outer + inner) if j not in levels]
            for j in added:  # outer levels no item of this list used yet ("3.1" after a heading "3.")
                levels[j] = Level(fmt=shape.formats[j - outer], text=f"%{j + 1}.", start=shape.values[j - outer])
            if have is None:
                added.append(ilvl)
                levels[ilvl] = want
            trial = self.sim.fork()
            if trial.label(num_id, ilvl) == unit.label:
                self.sim = trial
                return num_id, ilvl
            for j in added:
                del levels[j]
        return None

    def _open(self) -> None:
        self.abstracts.append({})
        self.current = len(self.abstracts) - 1
        self.sim.abstracts[str(self.current)] = self.abstracts[-1]
        self.sim.nums[str(self.current + 1)] = str(self.current)

    def xml(self) -> str:
        """numbering.xml: every abstractNum (nine levels each), then every num."""
        parts = [f'<w:numbering xmlns:w="{W}">']
        for i, levels in enumerate(self.abstracts):
            parts.append(f'<w:abstractNum w:abstractNumId="{i}"><w:multiLevelType w:val="multilevel"/>')
            for ilvl in range(9):
                lvl = levels.get(ilvl, Level(text=f"%{ilvl + 1}."))
                text = lvl.text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
                parts.append(
                    f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{lvl.start}"/><w:numFmt w:val="{lvl.fmt}"/>'
                    f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                    f'<w:pPr><w:ind w:left="{540 * (ilvl + 1)}" w:hanging="540"/></w:pPr></w:lvl>'
                )
            parts.append("</w:abstractNum>")
        parts += [
            f'<w:num w:numId="{i + 1}"><w:abstractNumId w:val="{i}"/></w:num>'
            for i in range(len(self.abstracts))
        ]
        return "".join(parts) + "</w:numbering>"


def _level_for(shape: LabelShape, outer: int, ilvl: int) -> Level:
    """The Word level at ``ilvl`` that draws labels of this shape, its outer numbers
    ("3" of "3.1") taken from levels ``outer``, ``outer + 1`` ..."""
    if shape.fmt == "bullet":
        return Level(fmt="bullet", text=shape.template, start=1)
    slots = [outer + j for j in range(len(shape.values) - 1)] + [ilvl]
    text = shape.template.format(*(f"%{k + 1}" for k in slots))
    return Level(fmt=shape.fmt, text=text, start=shape.values[-1])


# ---------------------------------------------------------------------------- DOCX


def render_docx(units: list[Unit], title: str) -> bytes:
    """A Word document of the units, byte-identical for the same input."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    section = document.sections[0]
    section.header.paragraphs[0].text = title
    _page_footer(section.footer.paragraphs[0])
    plan = ListPlan()
    for unit in units:
        if unit.kind == "heading":
            plan.close()
            document.add_heading(unit.text, level=1)
        elif unit.kind == "table":
            _docx_table(document, unit.rows)
        elif unit.kind == "list_item":
            placed = plan.place(unit)
            if placed is None:
                document.add_paragraph(f"{unit.label} {unit.text}", style="List Paragraph")
            else:
                p = document.add_paragraph(unit.text, style="List Paragraph")
                num_id, ilvl = placed
                p._p.get_or_add_pPr().insert(
                    1,
                    parse_xml(
                        f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
                    ),
                )
        else:
            document.add_paragraph(unit.text)
    document.part.numbering_part._element = parse_xml(plan.xml())
    _fix_metadata(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _docx_table(document: docx.document.Document, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = document.styles["Table Grid"] if _has_style(document, "Table Grid") else None
    for r, row in enumerate(rows):
        for c in range(width):
            cell = table.cell(r, c)
            cell.text = row[c] if c < len(row) else ""
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def _has_style(document: docx.document.Document, name: str) -> bool:
    return any(s.name == name and s.type == WD_STYLE_TYPE.TABLE for s in document.styles)


def _page_footer(paragraph: docx.text.paragraph.Paragraph) -> None:
    """"Page N of M" with PAGE and NUMPAGES fields."""
    paragraph.text = ""
    paragraph.add_run("Page ")
    paragraph._p.append(_field("PAGE", "1"))
    paragraph.add_run(" of ")
    paragraph._p.append(_field("NUMPAGES", "1"))


def _field(instr: str, shown: str):  # noqa: ANN202 - an lxml element
    return parse_xml(f'<w:fldSimple xmlns:w="{W}" w:instr=" {instr} "><w:r><w:t>{shown}</w:t></w:r></w:fldSimple>')


def _fix_metadata(document: docx.document.Document) -> None:
    props = document.core_properties
    props.author = props.last_modified_by = "agreement-check fixtures"
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = (  # no <Pages>: the page count of a rendering is not known here
                b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                b"<Application>agreement-check fixtures</Application></Properties>"
            )


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with fixed member times, so reruns are byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# ----------------------------------------------------------------------------- PDF

PAGE_W, PAGE_H = letter
LEFT, RIGHT, TOP, BOTTOM = 72.0, PAGE_W - 72.0, PAGE_H - 72.0, 72.0
BODY, BOLD, SIZE, LEADING = "Helvetica", "Helvetica-Bold", 10.5, 14.0
INDENT, PAD = 24.0, 4.0
VOWELS = frozenset("aeiouy")
#: Consonant pairs that begin a syllable together, or are one sound: never split.
CLUSTERS = frozenset(
    "bl br ch ck cl cr dr fl fr gh gl gr ng ph pl pr qu sc sh sk sl sm sn sp st sw th tr tw wh".split()
)

Op = tuple  # ("text", x, dy, string, font, size) or ("rule", x1, dy1, x2, dy2)


@dataclass(slots=True)
class Row:
    """A vertical slice that never splits across pages: one text line or table row."""

    height: float
    ops: list[Op]
    gap: float = 0.0  # space above it when it opens a block
    keep_with_next: bool = False


def wrap(
    text: str, width: float, font: str = BODY, size: float = SIZE, hyphenate: bool = True, compounds: bool = False
) -> list[str]:
    """Greedy line breaking at spaces. A word that does not fit may break after one of
    its own hyphens if ``compounds`` is on, as word processors do ("speech-" /
    "language"), or else, if it is a long lower-case word and ``hyphenate`` is on,
    between syllables with an added hyphen."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if stringWidth(trial, font, size) <= width or not current:
            current = trial
            continue
        room = width - stringWidth(current + " ", font, size)
        split = (_compound_split(word, room, font, size) if compounds else None) or (
            _hyphen_split(word, room, font, size) if hyphenate else None
        )
        if split:
            lines.append(f"{current} {split[0]}")
            current = split[1]
        else:
            lines.append(current)
            current = word
    return [*lines, current] if current else lines


def _compound_split(word: str, room: float, font: str, size: float) -> tuple[str, str] | None:
    """Split a word after its last hyphen between two letters or digits whose head fits
    in ``room`` ("one-to-" / "one")."""
    for i in range(len(word) - 2, 0, -1):
        if word[i] == "-" and word[i - 1].isalnum() and word[i + 1].isalnum():
            if stringWidth(word[: i + 1], font, size) <= room:
                return word[: i + 1], word[i + 1 :]
    return None


def _hyphen_split(word: str, room: float, font: str, size: float) -> tuple[str, str] | None:
    """Split a lower-case word of 8+ letters so its head plus "-" fits in ``room``, at
    the latest syllable break of the best kind: between two consonants (com-pensatory),
    before a consonant cluster (para-graph), else before a lone consonant (eva-luation);
    the head keeps 3+ letters and the tail 4+. Returns the head with its hyphen."""
    core = word.rstrip(",.;:)")
    if len(core) < 8 or not core.isalpha() or not core.islower():
        return None
    for rule in (_vc_cv, _v_ccv, _v_cv):
        for i in range(len(core) - 4, 2, -1):
            if rule(core, i) and stringWidth(word[:i] + "-", font, size) <= room:
                return word[:i] + "-", word[i:]
    return None


def _vc_cv(w: str, i: int) -> bool:
    return w[i - 2] in VOWELS and w[i - 1] not in VOWELS and w[i] not in VOWELS and w[i + 1] in VOWELS and w[i - 1 : i + 1] not in CLUSTERS


def _v_ccv(w: str, i: int) -> bool:
    return w[i - 1] in VOWELS and w[i : i + 2] in CLUSTERS and i + 2 < len(w) and w[i + 2] in VOWELS


def _v_cv(w: str, i: int) -> bool:
    return w[i - 1] in VOWELS and w[i] not in VOWELS and w[i + 1] in VOWELS


def layout(units: list[Unit], compounds: bool = False) -> list[Row]:
    """Rows of the whole document, in order, before pagination; ``compounds``: lines may
    break after a hyphen of a word (see :func:`wrap`)."""
    rows: list[Row] = []
    for n, unit in enumerate(units):
        if unit.kind == "table":
            rows += _table_rows(unit.rows, compounds)
            continue
        x, first_x, font, size, gap = LEFT, LEFT, BODY, SIZE, 8.0
        label_op: list[Op] = []
        if unit.kind == "heading":
            font, size, gap = BOLD, 14.0 if n == 0 else 12.0, 14.0
        elif unit.kind == "list_item":
            first_x = LEFT + INDENT * unit.level
            x = first_x + max(INDENT, stringWidth(unit.label, BODY, SIZE) + 6)
            label_op = [("text", first_x, 0.0, unit.label, BODY, SIZE)]
        lines = wrap(unit.text, RIGHT - x, font, size, hyphenate=unit.kind != "heading", compounds=compounds)
        for i, line in enumerate(lines):
            ops = (label_op if i == 0 else []) + [("text", x, 0.0, line, font, size)]
            rows.append(Row(LEADING if size == SIZE else size + 6, ops, gap if i == 0 else 0.0, unit.kind == "heading"))
    return rows


def _table_rows(table: list[list[str]], compounds: bool = False) -> list[Row]:
    """Ruled table rows; each visual line of a row is drawn across all its cells before
    the next, so a PDF reader sees the row's lines in reading order."""
    ncols = max(len(r) for r in table)
    cells = [r + [""] * (ncols - len(r)) for r in table]
    widths = _column_widths(cells, RIGHT - LEFT)
    edges = [LEFT + sum(widths[:c]) for c in range(ncols + 1)]
    rows: list[Row] = []
    for r, row in enumerate(cells):
        font = BOLD if r == 0 else BODY
        wrapped = [wrap(text, widths[c] - 2 * PAD, font, hyphenate=False, compounds=compounds) for c, text in enumerate(row)]
        nlines = max(1, *(len(w) for w in wrapped))
        height = nlines * LEADING + 2 * PAD
        ops: list[Op] = [("rule", LEFT, 0.0, RIGHT, 0.0), ("rule", LEFT, height, RIGHT, height)]
        ops += [("rule", x, 0.0, x, height) for x in edges]
        for i in range(nlines):
            for c, lines in enumerate(wrapped):
                if i < len(lines):
                    ops.append(("text", edges[c] + PAD, PAD + i * LEADING, lines[i], font, SIZE))
        rows.append(Row(height, ops, 8.0 if r == 0 else 0.0))
    return rows


def _column_widths(cells: list[list[str]], total: float) -> list[float]:
    """Each column gets at least its longest word; the rest of the width is shared in
    proportion to how much more each column's longest cell wants."""
    cols = range(len(cells[0]))
    least = [max(stringWidth(w, BOLD, SIZE) for r in cells for w in r[c].split() or [""]) + 2 * PAD + 2 for c in cols]
    want = [max(min(stringWidth(r[c], BOLD, SIZE), 180.0) for r in cells) + 2 * PAD + 8 for c in cols]
    spare = total - sum(least)
    extra = [max(w - m, 0.0) for w, m in zip(want, least)]
    if spare <= 0 or not sum(extra):
        return [m * total / sum(least) for m in least]
    share = min(1.0, spare / sum(extra))
    widths = [m + e * share for m, e in zip(least, extra)]
    return [w * total / sum(widths) for w in widths]


def paginate(rows: list[Row]) -> list[list[tuple[float, Row]]]:
    """Pages of (top y, row); a heading moves on with the row after it."""
    pages: list[list[tuple[float, Row]]] = [[]]
    y = TOP
    for i, row in enumerate(rows):
        gap = row.gap if pages[-1] else 0.0
        need = gap + row.height + (rows[i + 1].gap + rows[i + 1].height if row.keep_with_next and i + 1 < len(rows) else 0)
        if pages[-1] and y - need < BOTTOM:
            pages.append([])
            y, gap = TOP, 0.0
        y -= gap
        pages[-1].append((y, row))
        y -= row.height
    return pages


def render_pdf(units: list[Unit], title: str, compounds: bool = False) -> bytes:
    """A PDF of the units, byte-identical for the same input."""
    pages = paginate(layout(units, compounds))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=letter, invariant=1, pageCompression=1)
    c.setTitle(title.split(" — ")[0])
    c.setAuthor("agreement-check fixtures")
    c.setLineWidth(0.6)
    for number, page in enumerate(pages, start=1):
        c.setFont(BODY, 9)
        c.drawString(LEFT, PAGE_H - 40, title)
        c.drawCentredString(PAGE_W / 2, 36, f"Page {number} of {len(pages)}")
        for top, row in page:
            for op in row.ops:
                if op[0] == "text":
                    _, x, dy, string, font, size = op
                    c.setFont(font, size)
                    c.drawString(x, top - dy - size, string)
                else:
                    _, x1, dy1, x2, dy2 = op
                    c.line(x1, top - dy1, x2, top - dy2)
        c.showPage()
    c.save()
    return buffer.getvalue()


# ---------------------------------------------------------------------- bad inputs


def tracked_changes_docx() -> bytes:
    """A short agreement with one tracked insertion, one tracked deletion and a comment."""
    document = docx.Document()
    document.add_heading("MEDIATION AGREEMENT", level=1)
    p = document.add_paragraph("The District will provide speech-language therapy ")
    p._p.append(_revision("ins", 1, "twice weekly for 30 minutes "))
    p._p.append(_revision("del", 2, "as appropriate "))
    p.add_run("beginning on March 3, 2025.")
    q = document.add_paragraph("The District will convene an IEP meeting ")
    q._p.append(_revision("del", 3, "when staff are available"))
    q._p.append(_revision("ins", 4, "by April 15, 2025"))
    q.add_run(".")
    commented = document.add_paragraph("The Parent will sign the consent for evaluation within five (5) school days.")
    document.add_comment(commented.runs, text="Can we make this ten days?", author="R. Martinez", initials="RM")
    _fix_metadata(document)
    for comment in document.comments:
        comment._comment_elm.set(f"{{{W}}}date", "2025-01-01T00:00:00Z")
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _revision(kind: str, rid: int, text: str):  # noqa: ANN202 - an lxml element
    tag = "t" if kind == "ins" else "delText"
    return parse_xml(
        f'<w:{kind} xmlns:w="{W}" w:id="{rid}" w:author="District Counsel" w:date="2025-01-01T00:00:00Z">'
        f'<w:r><w:{tag} xml:space="preserve">{text}</w:{tag}></w:r></w:{kind}>'
    )


def bad_inputs(good_pdf: bytes) -> dict[str, bytes]:
    """Every kind of unreadable (and one readable but unusual) input file."""
    utf16_text = "SETTLEMENT AGREEMENT\n\nThe District will provide speech therapy twice weekly.\n"
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", ZIP_TIME), "<Types/>")
        z.writestr(zipfile.ZipInfo("word/styles.xml", ZIP_TIME), "<styles/>")
    return {
        "empty.txt": b"",
        "empty.pdf": b"",
        "truncated.pdf": good_pdf[: len(good_pdf) // 3],
        "not-a-pdf.pdf": b"This is a plain text note that was saved with a .pdf name.\n",
        "encrypted.pdf": _simple_pdf(lambda c: c.drawString(72, 700, "Confidential settlement"), encrypt="secret"),
        "scanned.pdf": _scanned_pdf(good_pdf),
        "blank-page.pdf": _simple_pdf(lambda c: None),
        "no-pages.pdf": _simple_pdf(None),
        "corrupt.docx": b"This is not a Word document, just text with a .docx name.\n",
        "broken.docx": broken.getvalue(),
        "latin1.txt": "The District will provide the Student’s caf\u00e9 menu in Espa\u00f1ol.\n".encode("cp1252"),
        "utf16.txt": utf16_text.encode("utf-16"),
        "unsupported.rtf": b"{\\rtf1\\ansi The District will provide speech therapy.}\n",
    }


def _simple_pdf(draw: Callable[[canvas.Canvas], None] | None, encrypt: str | None = None) -> bytes:
    """A one-page PDF with what ``draw`` draws; no page at all when ``draw`` is None."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=letter, invariant=1, encrypt=encrypt)
    if draw is not None:
        draw(c)
        c.showPage()
    c.save()
    return buffer.getvalue()


def _scanned_pdf(good_pdf: bytes) -> bytes:
    """The first page of a rendered agreement as a picture only, at 54 dpi: no text layer,
    and too coarse for OCR to read reliably."""
    pdf = pdfium.PdfDocument(good_pdf)
    image = pdf[0].render(scale=0.75, grayscale=True).to_pil()
    pdf.close()
    return _simple_pdf(lambda c: c.drawImage(ImageReader(image), 0, 0, PAGE_W, PAGE_H))


# --------------------------------------------------------------------------- scans

SCAN_DPI = 200
SCAN_TILT = 0.7  # degrees: the sheet lay a little askew on the glass
SCAN_SEED = 20250212


def scanned_pages(pdf_data: bytes) -> list[Image.Image]:
    """Each page of a PDF as a flatbed scanner gives it: 200 dpi grayscale, slightly
    tilted, a little soft, with sensor noise (seeded, so every run gives the same pixels)."""
    rng = np.random.default_rng(SCAN_SEED)
    pdf = pdfium.PdfDocument(pdf_data)
    pages = []
    for page in pdf:
        image = page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L")
        image = image.rotate(SCAN_TILT, resample=Image.Resampling.BICUBIC, fillcolor=255)
        image = image.filter(ImageFilter.GaussianBlur(0.5))
        pages.append(_with_noise(np.asarray(image, dtype=np.float32), rng))
    pdf.close()
    return pages


def _with_noise(pixels: np.ndarray, rng: np.random.Generator) -> Image.Image:
    noisy = pixels + rng.normal(0.0, 6.0, pixels.shape)
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def _jpeg(image: Image.Image, exif: Image.Exif | None = None) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=75, exif=exif or Image.Exif())
    return buffer.getvalue()


def scan_pdf(pages: list[Image.Image]) -> bytes:
    """An image-only PDF of scanned pages (JPEG, as scanners save them), US Letter."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=letter, invariant=1)
    for page in pages:
        c.drawImage(ImageReader(io.BytesIO(_jpeg(page))), 0, 0, PAGE_W, PAGE_H)
        c.showPage()
    c.save()
    return buffer.getvalue()


def phone_photo(page: Image.Image) -> bytes:
    """A page as a phone photographs it: light falling off across the sheet, and the
    pixels stored sideways with an EXIF orientation (6: turn 90° clockwise to view), as
    a phone held upright saves them."""
    rows = np.linspace(1.0, 0.86, page.height, dtype=np.float32)[:, None]
    lit = Image.fromarray((np.asarray(page, dtype=np.float32) * rows).astype(np.uint8))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    return _jpeg(lit.transpose(Image.Transpose.ROTATE_90), exif)


def write_scans(out: Path) -> list[Path]:
    """fixtures/scans/: the sample mediation agreement scanned (an image-only PDF) and
    its first page photographed (a JPEG)."""
    out.mkdir(parents=True, exist_ok=True)
    pages = scanned_pages((SAMPLES / "sample-mediation.pdf").read_bytes())
    files = {"sample-mediation-scan.pdf": scan_pdf(pages), "sample-mediation-photo.jpg": phone_photo(pages[0])}
    for name, data in files.items():
        (out / name).write_bytes(data)
    return [out / name for name in files]


# ----------------------------------------------------------------------------- main


def render(txt: Path, out_dir: Path | None = None) -> list[Path]:
    """Write NAME.docx and NAME.pdf for one .txt; returns the paths written."""
    units = read_units(load(txt))
    title = running_title(units, txt)
    target = (out_dir or txt.parent) / txt.stem
    written = []
    for suffix, data in ((".docx", render_docx(units, title)), (".pdf", render_pdf(units, title))):
        path = target.with_suffix(suffix)
        path.write_bytes(data)
        written.append(path)
    return written


def render_line_breaks(txt: Path, out_dir: Path) -> Path:
    """Write NAME.pdf for one fixtures/pdf/NAME.txt, breaking lines after hyphens too."""
    units = read_units(load(txt))
    path = out_dir / f"{txt.stem}.pdf"
    path.write_bytes(render_pdf(units, running_title(units, txt), compounds=True))
    return path


def write_extras(samples_out: Path, bad_out: Path, pdf_out: Path) -> None:
    """The tracked-changes DOCX, the fixtures/pdf/ PDFs and the bad-input files."""
    (samples_out / "tracked-changes.docx").write_bytes(tracked_changes_docx())
    pdf_out.mkdir(parents=True, exist_ok=True)
    for txt in sorted(PDF.glob("*.txt")):
        render_line_breaks(txt, pdf_out)
    bad_out.mkdir(parents=True, exist_ok=True)
    good = render_pdf(read_units(load(SAMPLES / "sample-mediation.txt")), "Mediation Agreement — Confidential")
    for name, data in bad_inputs(good).items():
        (bad_out / name).write_bytes(data)


def sources(args: argparse.Namespace) -> Iterator[Path]:
    yield from args.files or sorted(SAMPLES.glob("*.txt"))
    if args.corpus:
        yield from sorted((ROOT / "fixtures" / "corpus").glob("*/*.txt"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="the .txt files (default: fixtures/samples/*.txt)")
    parser.add_argument("--corpus", action="store_true", help="also every fixtures/corpus/*/*.txt")
    parser.add_argument("--out-dir", type=Path, help="write here instead of beside each source (tests)")
    parser.add_argument("--scans", action="store_true", help="only fixtures/scans/ (the sample scanned, for OCR)")
    args = parser.parse_args(argv)
    if args.out_dir:
        args.out_dir.mkdir(parents=True, exist_ok=True)
    if args.scans:
        for path in write_scans(args.out_dir / "scans" if args.out_dir else SCANS):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        return 0
    for txt in sources(args):
        for path in render(txt, args.out_dir):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    if not args.files:
        out = args.out_dir
        write_extras(out or SAMPLES, out / "bad" if out else BAD, out / "pdf" if out else PDF)
    return 0


if __name__ == "__main__":
    sys.exit(main())
