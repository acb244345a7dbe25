"""The spaCy pipeline: no downloaded model, abbreviations, extra words from a config."""

from __future__ import annotations

from agreement_check.extract import from_string
from agreement_check.nlp import analyze
from agreement_check.nlp.pipeline import get_nlp


def test_pipeline_is_blank_english_plus_the_project_matcher() -> None:
    nlp = get_nlp()
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["agreement_check_matcher"]
    assert get_nlp() is nlp  # built once per process


def test_legal_abbreviations_stay_one_token() -> None:
    doc = get_nlp().make_doc("See Sec. 3 of 20 U.S.C. 1415, approx. 30 min. by Dr. Ruiz, Ph.D.")
    words = [t.text for t in doc]
    for abbreviation in ("Sec.", "U.S.C.", "approx.", "min.", "Dr.", "Ph.D."):
        assert abbreviation in words


def test_a_date_is_not_a_list_number_and_does_not_end_the_clause() -> None:
    found = analyze(
        from_string("AGREEMENT\n\n1. The District will convene an IEP meeting by Mar. 1. Parent will attend.\n")
    ).commitments
    assert len(found) == 1 and found[0].kind == "meeting"
    assert found[0].elements["deadline"].text == "Mar. 1"


def test_extra_words_extend_a_list_and_get_their_own_pipeline() -> None:
    text = "AGREEMENT\n\n1. The liaison will provide weekly check-ins with the Student.\n"
    assert analyze(from_string(text)).commitments == []  # no name, no noun of agency
    extra = {"parties": ["liaison"], "services": ["check-ins"]}
    found = analyze(from_string(text), extra).commitments
    assert [(c.party, c.kind) for c in found] == [("liaison", "service")]
    assert get_nlp(extra) is not get_nlp()
