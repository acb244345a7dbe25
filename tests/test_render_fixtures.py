"""The fixture renderer: deterministic output equal to the committed files, real Word
numbering, and renderings that read back to the same text as their source."""

from __future__ import annotations

import importlib.util
import re
import sys
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("reportlab")

from agreement_check.extract import from_string, load  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "fixtures" / "samples"
W_NUMPR = b"<w:numPr>"


@pytest.fixture(scope="module")
def render():
    spec = importlib.util.spec_from_file_location("render_fixtures", ROOT / "scripts" / "render_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rendered(render, tmp_path_factory) -> tuple[Path, Path]:
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    render.main(["--out-dir", str(first)])
    render.main(["--out-dir", str(second)])
    return first, second


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_rendering_twice_gives_identical_bytes(rendered) -> None:
    first, second = rendered
    assert files(first) == files(second)
    assert len(files(first)) == 3 * 2 + 1 + 13 + len(list((ROOT / "fixtures" / "pdf").glob("*.txt")))


def test_committed_renderings_are_up_to_date(rendered) -> None:
    out = files(rendered[0])
    committed = {name: (SAMPLES / name).read_bytes() for name in out if "/" not in name}
    committed |= {name: (ROOT / "fixtures" / name).read_bytes() for name in out if name.startswith(("bad/", "pdf/"))}
    stale = [name for name in out if out[name] != committed[name]]
    assert not stale, f"run scripts/render_fixtures.py and commit: {stale}"


@pytest.mark.parametrize("name", ["sample-mediation", "sample-resolution", "sample-settlement"])
def test_docx_has_real_numbering_headings_tables_and_page_field(name: str) -> None:
    txt = load(SAMPLES / f"{name}.txt")
    with zipfile.ZipFile(SAMPLES / f"{name}.docx") as z:
        body = z.read("word/document.xml")
        numbering = z.read("word/numbering.xml")
        footers = b"".join(z.read(n) for n in z.namelist() if n.startswith("word/footer"))
        headers = b"".join(z.read(n) for n in z.namelist() if n.startswith("word/header"))
    items = [b for b in txt.blocks if b.kind == "list_item"]
    assert body.count(W_NUMPR) == len(items)
    texts = re.findall(rb"<w:t(?: [^>]*)?>([^<]*)</w:t>", body)
    assert not [t for t in texts if re.match(rb"(\d+\.|\([a-z]\)|[A-Z]\.)\s", t)]
    assert body.count(b'w:val="Heading1"') == sum(b.kind == "heading" for b in txt.blocks)
    assert body.count(b"<w:tbl>") == len({b.table for b in txt.blocks if b.table is not None})
    assert b"<w:abstractNum " in numbering and b"<w:lvlText" in numbering
    assert b"PAGE" in footers and "— Confidential".encode() in headers


def test_tricky_numbering_reads_back_the_same(render, tmp_path: Path) -> None:
    source = """\
I. Background

A. First recital
B. Second recital

Section 3. Services

3.1 Speech therapy twice weekly.
3.2 Occupational therapy weekly.
   (a) In the classroom.
   (b) With the OT.
      i. Thirty minutes.
      ii. Forty minutes.
3.4 Skipped number on purpose.
A.1 Letter and number.
- dash bullet
• round bullet
a) one
b) two

II. Terms

1. One
5. Five, out of order
"""
    txt = tmp_path / "tricky.txt"
    txt.write_text(source, encoding="utf-8")
    render.render(txt)
    expected = from_string(source)
    for fmt in ("docx", "pdf"):
        doc = load(tmp_path / f"tricky.{fmt}")
        assert doc.text.split() == expected.text.split(), fmt
        assert [b.label for b in doc.blocks] == [b.label for b in expected.blocks], fmt


def test_wrap_hyphenates_only_plain_words_and_rejoins(render) -> None:
    text = "The compensatory evaluation accommodations bi-weekly 2024-2025 reimbursement responsibilities " * 6
    for width in (90, 140, 230, 300):
        lines = render.wrap(text, width)
        assert all(render.stringWidth(line, render.BODY, render.SIZE) <= width or " " not in line for line in lines)
        assert not any(line.endswith(("bi-", "2024-")) for line in lines)
        rebuilt = from_string("\n".join(lines)).text
        assert rebuilt.split() == text.split()
    assert any(line.endswith("-") for w in (90, 140, 230, 300) for line in render.wrap(text, w))


def test_wrap_may_break_after_the_hyphen_of_a_word(render) -> None:
    text = "a licensed speech-language pathologist will hold one-to-one follow-up sessions in 2024-2025 " * 6
    broke = set()
    for width in range(90, 300, 7):
        lines = render.wrap(text, width, hyphenate=False, compounds=True)
        assert all(render.stringWidth(line, render.BODY, render.SIZE) <= width or " " not in line for line in lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # no hyphen added or lost
        broke |= {line.rsplit(" ", 1)[-1] for line in lines if line.endswith("-")}
    assert {"speech-", "follow-"} <= broke and broke <= {"speech-", "one-", "one-to-", "follow-", "2024-"}


def test_pdf_paragraph_split_across_pages_reads_as_one_block(render, tmp_path: Path) -> None:
    paragraphs = [
        f"{n}. The District will provide the services described here, with sessions that are documented "
        "in writing and shared with the Parent, and a copy of each log will be sent home every month "
        "so that the Parent can follow the Student's progress over the school year." * (1 + n % 3)
        for n in range(1, 16)
    ]
    txt = tmp_path / "long.txt"
    txt.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    render.render(txt)
    doc, expected = load(tmp_path / "long.pdf"), load(txt)
    assert doc.pages >= 3
    assert [doc.block_text(b).split() for b in doc.blocks] == [expected.block_text(b).split() for b in expected.blocks]
    crossing = [b for b in doc.blocks if doc.locate(b.start).page != doc.locate(b.end - 1).page]
    assert crossing
