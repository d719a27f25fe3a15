"""Quotations and their speakers, from the attribution in the sentence or around it."""

from __future__ import annotations

import pytest

from factsite.lint import suggest_candidates

SPEAKERS = [
    ('"We will rebuild every home," said Mayor Linda Okafor.', "Linda Okafor"),
    ('"We will rebuild every home," Okafor said.', "Okafor"),
    ('Linda Okafor spoke. "We will rebuild every home," Okafor said.', "Linda Okafor"),
    ('Okafor told reporters: "We will rebuild every home."', "Okafor"),
    ('"We will rebuild every home," according to the council.', "the council"),
    ("Putin last week ordered it. \"I'm not bluffing at all,\" he said.", "Putin"),
    ("\u2018You betrayed the trust of voters,\u2019 said Judge Caroline Frost.", "Caroline Frost"),
    ("\u201cWaiting lists are a symptom,\u201d said Helen Marsh of the Patients Association.",
     "Helen Marsh"),
    ('Ray Ortega, a lawyer in Denver, said: "Until penalties hurt, nothing changes."',
     "Ray Ortega"),
    ('Dr Omar Haddad, who chairs the committee, spoke. He told the BBC: "Our members are tired."',
     "Omar Haddad"),
    ('Sam Adeyemi of Avon Police said so. "This was a complex case," he said.', "Sam Adeyemi"),
    ('The embassy asked everyone to leave. "Authorities have arrested several citizens."',
     "the embassy"),
    ('"Nobody has shown us a plan at all."', None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "speaker"), SPEAKERS, ids=[s or "none" for _, s in SPEAKERS])
def test_speaker_is_read_from_the_attribution(text: str, speaker: str | None) -> None:
    quotes = [f for f in suggest_candidates(text) if f.kind == "quotation"]
    assert [(q.speaker, q.value) for q in quotes][-1] == (speaker, speaker)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "this is the plan" today.', ["this is the plan"]),
        ("He said \u201cthis is the plan\u201d today.", ["this is the plan"]),
        ("He said \u2018this is the plan\u2019 today.", ["this is the plan"]),
        ("The nationals\u2019 status and don't worry.", []),
        ('"First paragraph of the quote.\n\n"Second paragraph of it," she said.',
         ["First paragraph of the quote.", "Second paragraph of it,"]),
    ],
    ids=["straight", "curly", "single-curly", "apostrophes-are-not-quotes", "across-paragraphs"],
)  # fmt: skip
def test_quotations_are_paired(text: str, quoted: list[str]) -> None:
    found = [f.text for f in suggest_candidates(text) if f.kind == "quotation"]
    assert found == quoted


def test_continued_quotation_keeps_its_speaker() -> None:
    text = 'Kerry Atkinson spoke. "People opened their homes to strangers," she said. "That is who we are down here."'
    speakers = [f.speaker for f in suggest_candidates(text) if f.kind == "quotation"]
    assert speakers == ["Kerry Atkinson", "Kerry Atkinson"]


def test_short_quoted_phrase_is_a_low_confidence_candidate() -> None:
    (finding,) = [f for f in suggest_candidates('to hold "referenda" soon') if f.kind == "quotation"]
    assert (finding.text, finding.confidence) == ("referenda", 0.3)
