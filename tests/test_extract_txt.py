"""TXT/MD extraction and from_string: blocks, labels, tables, wrapping, refs, decoding."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from agreement_check.errors import InputError
from agreement_check.extract import from_string, load

DRAFT = """\
MEDIATION AGREEMENT

The parties met on January 6, 2025 and agreed to the follow-
ing terms for the 2024-
2025 school year.

The District agrees to:
1. Provide speech therapy
   twice weekly.
   (a) Sessions will be 30 minutes.
   (b) Sessions will be held at school.
2. Convene an IEP meeting within 30 days.

| Service | Frequency | Start |
|---|:---:|---|
| Speech | 2x/week |  |
| OT |  | TBD |

## Signatures
"""


@pytest.fixture()
def doc():
    return from_string(DRAFT)


def blocks(doc):
    return [(b.kind, b.label, b.level, doc.block_text(b)) for b in doc.blocks]


def test_blocks_labels_levels_and_wrapping(doc) -> None:
    assert blocks(doc)[:7] == [
        ("heading", None, 0, "MEDIATION AGREEMENT"),
        (
            "paragraph",
            None,
            0,
            "The parties met on January 6, 2025 and agreed to the following terms for the "
            "2024-2025 school year.",
        ),
        ("paragraph", None, 0, "The District agrees to:"),
        ("list_item", "1.", 0, "1. Provide speech therapy twice weekly."),
        ("list_item", "(a)", 1, "(a) Sessions will be 30 minutes."),
        ("list_item", "(b)", 1, "(b) Sessions will be held at school."),
        ("list_item", "2.", 0, "2. Convene an IEP meeting within 30 days."),
    ]
    assert blocks(doc)[-1] == ("heading", None, 0, "Signatures")
    assert doc.text == "\n".join(doc.block_text(b) for b in doc.blocks)


def test_pipe_table_rows_and_cells(doc) -> None:
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [doc.block_text(b) for b in rows] == [
        "Service | Frequency | Start",
        "Speech | 2x/week | ",
        "OT |  | TBD",
    ]
    assert [(b.table, b.row) for b in rows] == [(0, 0), (0, 1), (0, 2)]
    cells = [[doc.text[s:e] for s, e in b.cells] for b in rows]
    assert cells == [["Service", "Frequency", "Start"], ["Speech", "2x/week", ""], ["OT", "", "TBD"]]


@pytest.mark.parametrize(
    "phrase, line",
    [
        ("MEDIATION", 1),
        ("January 6", 3),
        ("ing terms", 4),
        ("2025 school year", 5),
        ("twice weekly", 9),
        ("held at school", 11),
        ("TBD", 17),
        ("Signatures", 19),
    ],
)
def test_locate_names_the_source_line(doc, phrase: str, line: int) -> None:
    start = doc.text.index(phrase)
    loc = doc.locate(start, start + len(phrase))
    assert loc.line == line
    assert phrase.split()[0] in DRAFT.splitlines()[line - 1]


def test_normalises_line_endings_nbsp_soft_hyphen_ligature() -> None:
    doc = from_string("The District\u00a0will pro\u00advide the \ufb01rst\r\nsession.\rNext")
    assert doc.text == "The District will provide the first session. Next"


def test_label_alone_needs_text_and_real_hyphen_kept() -> None:
    doc = from_string("Speech is bi-weekly.\ni. first\nii. second\nh. not roman")
    assert [b.label for b in doc.blocks] == [None, "i.", "ii.", "h."]
    assert doc.block_text(doc.blocks[0]) == "Speech is bi-weekly."


def test_letters_h_i_j_stay_letters() -> None:
    doc = from_string("1. One\ng. gee\nh. aitch\ni. eye\nj. jay\n(i) roman")
    assert [b.level for b in doc.blocks] == [0, 1, 1, 1, 1, 2]


@pytest.mark.parametrize(
    "data",
    [
        DRAFT.encode("utf-8"),
        codecs.BOM_UTF8 + DRAFT.encode("utf-8"),
        DRAFT.encode("utf-16"),  # with BOM, native order
        codecs.BOM_UTF16_BE + DRAFT.encode("utf-16-be"),
        codecs.BOM_UTF16_LE + DRAFT.replace("\n", "\r\n").encode("utf-16-le"),
    ],
)
def test_encodings(tmp_path: Path, data: bytes, doc) -> None:
    f = tmp_path / "draft.TXT"
    f.write_bytes(data)
    loaded = load(f)
    assert loaded.text == doc.text
    assert loaded.format == "txt" and loaded.pages is None


@pytest.mark.parametrize(
    "name, data, code",
    [
        ("a.txt", b"", "empty"),
        ("b.md", b"  \n\n \t", "empty"),
        ("c.txt", "caf\u00e9 au lait".encode("latin-1"), "bad-encoding"),
        ("d.txt", b"\x00\x01binary\x00", "bad-encoding"),
        ("e.rtf", b"{\\rtf1 hi}", "unsupported-format"),
    ],
)
def test_bad_text_inputs(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(InputError) as err:
        load(f)
    assert err.value.code == code
    assert str(tmp_path) not in err.value.message


def test_missing_file_and_from_string_empty(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        load(tmp_path / "nope.txt")
    assert (err.value.code, err.value.message) == ("not-found", "no such file")
    with pytest.raises(InputError) as err:
        from_string("   \n")
    assert err.value.code == "empty"


def test_markdown_extension_is_case_insensitive(tmp_path: Path) -> None:
    f = tmp_path / "draft.MD"
    f.write_text("# Title\n\nBody text here.\n", encoding="utf-8")
    doc = load(f)
    assert doc.format == "md"
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks] == [
        ("heading", "Title"),
        ("paragraph", "Body text here."),
    ]


def test_line_end_hyphen_kept_or_dropped_by_how_the_draft_writes_the_word() -> None:
    doc = from_string(
        "The District will provide individual speech-\n"
        "language therapy, and the speech-language pathologist will hold a follow-\n"
        "up call after the evalu-\n"
        "ation. The case manager will follow the plan and pick up the forms.\n"
    )
    assert doc.text == (
        "The District will provide individual speech-language therapy, and the speech-language "
        "pathologist will hold a follow-up call after the evaluation. The case manager will "
        "follow the plan and pick up the forms."
    )
    assert doc.locate(doc.text.index("language therapy")).line == 2
    assert doc.locate(doc.text.index("up call")).line == 3


def test_hyphenated_word_broken_more_often_whole_is_joined() -> None:
    doc = from_string("The IEP team will review the reevaluation report.\nA second re-\nevaluation follows.\n\nThe reevaluation is free.")
    assert "A second reevaluation follows." in doc.text


MARKDOWN = """\
# **Settlement** Agreement

1. **The District** will provide *speech therapy* as set out in [Attachment A](attachments/a.pdf).
2. The Parent will email the form to `records@district.example` by __March 3, 2025__.
   Parent: ________  Date: ____

| **Service** | Frequency |
|---|---|
| _Speech_ | 2 \\* 30 min/week |
"""


def test_markdown_inline_markup_is_read_as_its_text(tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text(MARKDOWN, encoding="utf-8")
    doc = load(tmp_path / "draft.md")
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks] == [
        ("heading", "Settlement Agreement"),
        ("list_item", "1. The District will provide speech therapy as set out in Attachment A."),
        (
            "list_item",
            "2. The Parent will email the form to records@district.example by March 3, 2025. "
            "Parent: ________ Date: ____",
        ),
        ("table_row", "Service | Frequency"),
        ("table_row", "Speech | 2 * 30 min/week"),
    ]
    lines = MARKDOWN.splitlines()
    for phrase in ("Settlement", "District will", "Attachment A", "records@", "March 3", "Date:", "Frequency", "30 min"):
        line = doc.locate(doc.text.index(phrase)).line
        assert phrase.split()[0].strip(":") in lines[line - 1], phrase
    (tmp_path / "draft.txt").write_text(MARKDOWN, encoding="utf-8")
    assert "**The District** will provide *speech therapy*" in load(tmp_path / "draft.txt").text


def test_a_label_alone_is_no_list_item() -> None:
    doc = from_string("JANE DOE, Petitioner,\n\nv.\n\nCITY SCHOOLS, Respondent.\n\n1.\nThe District will pay.")
    assert [(b.kind, b.label, doc.block_text(b)) for b in doc.blocks] == [
        ("paragraph", None, "JANE DOE, Petitioner,"),
        ("paragraph", None, "v."),
        ("paragraph", None, "CITY SCHOOLS, Respondent."),
        ("list_item", "1.", "1. The District will pay."),
    ]


def test_without_other_evidence_a_line_end_hyphen_stays_unless_the_draft_hyphenates_words() -> None:
    """"one-" "hour": "one" is a word of the draft, "hour" is not; nothing else in the
    draft is hyphenated by line breaking, so the hyphen is the word's own."""
    plain = from_string("The Student will get one-\nhour sessions for one year.")
    assert "one-hour sessions" in plain.text
    # "agree-" "ment" alike, but "evalu-" "ation" shows this draft hyphenates words
    hyphenating = from_string("The parties agree to this agree-\nment and to the evalu-\nation.")
    assert hyphenating.text == "The parties agree to this agreement and to the evaluation."
