"""Speaker turns of transcripts, and quotes found in another person's turn."""

from __future__ import annotations

import pytest

from factsite.checks.quotes import QuoteClass, check_quote
from factsite.checks.quotes.turns import find_turns, is_other_speaker, speaker_words, turn_at
from factsite.model import Location, Source

BOARD = """\
MARLOW COUNTY BOARD OF COMMISSIONERS
Regular Meeting, Tuesday, November 17, 2026, 6:00 p.m.
Verbatim transcript of Item 7: Opioid Settlement Fund

CHAIR LINDA OKAFOR: We're on item 7. Dr. Vance, the floor is yours.

DR. RAYMOND VANCE, DIRECTOR OF HEALTH AND HUMAN SERVICES: Thank you, Madam Chair. Every dollar we put into
treatment is a dollar that keeps someone alive long enough to recover.

We have 48 recovery beds today. Recovery housing is where people learn to live again.

CHAIR OKAFOR: Thank you. The settlement money won't replace what the county already spends on mental health.
Recovery housing is where people learn to live again, as the director said.

COMMISSIONER TOM BERCIK: Madam Chair, with respect. People are dying while this board writes reports.
"""


def source(text: str, title: str = "Board transcript") -> Source:
    return Source(
        id="transcript",
        title=title,
        publisher="Marlow County",
        url="https://marlow.example.gov/minutes",
        location=Location("content/citations.yaml", 1),
        text=text,
    )


def labels(text: str) -> list[tuple[str, list[str]]]:
    return [(turn.label, sorted(turn.names)) for turn in find_turns(text)]


def test_a_board_transcript_has_a_turn_per_label_over_its_paragraphs() -> None:
    turns = find_turns(BOARD)
    assert [(turn.label, sorted(turn.names)) for turn in turns] == [
        ("CHAIR LINDA OKAFOR", ["linda", "okafor"]),
        ("DR. RAYMOND VANCE, DIRECTOR OF HEALTH AND HUMAN SERVICES", ["raymond", "vance"]),
        ("CHAIR OKAFOR", ["okafor"]),
        ("COMMISSIONER TOM BERCIK", ["bercik", "tom"]),
    ]
    # The director's turn runs over his second paragraph, up to the chair's label.
    beds = BOARD.index("We have 48 recovery beds")
    assert turn_at(turns, beds, beds + 20) is turns[1]
    assert BOARD[turns[1].end :].startswith("CHAIR OKAFOR:")


def test_a_heading_line_with_a_colon_and_a_time_with_one_are_not_turns() -> None:
    # "Verbatim transcript of Item 7:" has lowercase words; "6:00 p.m." and "10:32" are times.
    assert labels(BOARD)[0][0] == "CHAIR LINDA OKAFOR"
    assert find_turns("The meeting resumed at 10:32 and closed at 11:05.\n\n10:32 The chair returned.\n") == ()


def test_a_timestamp_before_a_label_is_not_part_of_it() -> None:
    text = "[10:32] CHAIR OKAFOR: We resume.\n\n[10:33] DR. VANCE: Thank you.\n"
    assert labels(text) == [("CHAIR OKAFOR", ["okafor"]), ("DR. VANCE", ["vance"])]


def test_a_label_split_over_a_line_wrap_is_one_label() -> None:
    text = (
        "CHAIR OKAFOR: Dr. Vance.\n\nDR. RAYMOND VANCE, DIRECTOR OF HEALTH AND\nHUMAN SERVICES: Thank you, Madam "
        "Chair.\n"
    )
    assert labels(text)[1] == ("DR. RAYMOND VANCE, DIRECTOR OF HEALTH AND HUMAN SERVICES", ["raymond", "vance"])


def test_notes_and_headings_of_a_report_name_no_one() -> None:
    report = (
        "Annual report of the fund.\n\nNote: MOUD is medication for opioid use disorder.\n\n"
        'The director said: "Recovery housing is where people learn to live again."\n\n'
        "Note: Shares may not sum because of rounding.\n\nDengue: 12,486 cases have been reported.\n"
        "Key decision: Yes\nAgenda item 9: Temporary accommodation\n"
    )
    assert all(not turn.names for turn in find_turns(report))
    result = check_quote(
        "Recovery housing is where people learn to live again", sources=[source(report)], speaker="Linda Okafor"
    )
    assert result.status == "verbatim"


@pytest.mark.parametrize(
    "text",
    [
        "Q: Are we near the peak?\n\nA: We expect more cases.\n",
        "SPEAKER 1: Good evening.\n\nSPEAKER 2: Thank you.\n",
        "THE PRESIDENT: Thank you all.\n\nQUESTION: Mr President, what about the smoke?\n",
        "REPORTER: Are we near the peak?\n\nCHAIR: Next question.\n",
        "الوزير: المنظومة حققت أعلى إنتاج.\n\nس: المواطن ما زال يشتكي.\n",
        "स्वास्थ्य मंत्री : साथियो, आप सबका स्वागत है।\n\nप्रश्न (संवाददाता) : सरकार क्या कर रही है?\n",
    ],
)
def test_a_label_that_is_a_role_names_no_one(text: str) -> None:
    turns = find_turns(text)
    assert len(turns) == 2
    assert all(not turn.names for turn in turns)


def test_hansard_labels_name_the_member_and_the_minister_in_brackets() -> None:
    text = (
        "Mr Smith (Leeds North): The waiting lists are growing.\n\n"
        "The Minister for Care (Daniel Hart): I thank the Member.\n\n"
        "POWER MINISTER (Shri Gurpreet Singh Sandhu): Speaker Sir, the subsidy is not a burden.\n"
    )
    assert labels(text) == [
        ("Mr Smith (Leeds North)", ["smith"]),
        ("The Minister for Care (Daniel Hart)", ["daniel", "hart"]),
        ("POWER MINISTER (Shri Gurpreet Singh Sandhu)", ["gurpreet", "sandhu", "singh"]),
    ]


def test_a_name_without_a_title_names_a_person_when_labels_repeat_it() -> None:
    text = (
        "Q11 Chair: When will it start to fall?\n\nHelen Ashworth: I will not give a date.\n\n"
        "Q13 Pam Cox: How many courtrooms are out of use?\n\nHelen Ashworth: On the last count, 42.\n"
    )
    assert labels(text) == [
        ("Chair", []),
        ("Helen Ashworth", ["ashworth", "helen"]),
        ("Pam Cox", ["cox", "pam"]),
        ("Helen Ashworth", ["ashworth", "helen"]),
    ]
    # One untitled name alone, in a source without people, is a heading: "Malaria:", "Testing:".
    assert labels("Malaria: 2,104 cases.\n\nTesting: 96 hospitals.\n") == [("Malaria", []), ("Testing", [])]


def test_hindi_and_arabic_labels_name_a_person_after_a_personal_title_only() -> None:
    text = "श्री राजेश कुमार : महोदय, मेरा प्रश्न है।\n\nالسيد أحمد الخطيب: شكرًا.\n\nوزير الكهرباء: نعم.\n"
    assert [sorted(turn.names) for turn in find_turns(text)] == [["कुमार", "राजेश"], ["احمد", "الخطيب"], []]


def test_prose_that_introduces_a_quotation_with_a_colon_is_not_a_label() -> None:
    text = "وقال الوزير: «لن تنقطع الكهرباء».\n\nसचिव ने कहा: “इस बार नकल नहीं हुई।”\n"
    assert find_turns(text) == ()


def test_a_heading_ends_a_turn_the_speaker_after_it_is_not_known() -> None:
    text = (
        "SHRIMATI SUNITA DEVI:\n\nWill the Minister be pleased to state the area sown?\n\nANSWER\n\n"
        "THE MINISTER OF STATE IN THE MINISTRY OF AGRICULTURE\n(SHRI ANIL KUMAR VERMA)\n\n"
        "There is no shortage of seeds or fertilisers in any State at present.\n"
    )
    (turn,) = find_turns(text)
    assert text[turn.start : turn.end].rstrip().endswith("area sown?")
    result = check_quote(
        "There is no shortage of seeds or fertilisers in any State at present",
        sources=[source(text)],
        speaker="Anil Kumar Verma",
    )
    assert result.status == "verbatim"


def test_a_speaker_named_by_a_role_or_not_at_all_names_no_one() -> None:
    for speaker in ("The municipal commissioner", "Leader of the Opposition", "वित्त मंत्री", "وزير الكهرباء", None):
        assert speaker_words(speaker) == frozenset()
    assert speaker_words("Gov. Ellen Park") == {"ellen", "park"}
    assert speaker_words("Susan Lapworth-Hale") >= {"susan", "lapworth", "hale"}


def test_a_quote_in_another_persons_turn_is_other_speaker() -> None:
    result = check_quote(
        "Every dollar we put into treatment is a dollar that keeps someone alive long enough to recover",
        sources=[source(BOARD)],
        speaker="Linda Okafor",
    )
    assert result.status == "other-speaker"
    best = result.details.best
    assert best.classification is QuoteClass.OTHER_SPEAKER and best.wording is QuoteClass.VERBATIM
    assert best.speaker == "DR. RAYMOND VANCE, DIRECTOR OF HEALTH AND HUMAN SERVICES"
    assert result.summary == (
        "Other speaker: in \u201cBoard transcript\u201d the quote is in the turn of \u201cDR. RAYMOND VANCE, "
        "DIRECTOR OF HEALTH AND HUMAN SERVICES\u201d, not of Linda Okafor; there it is verbatim."
    )
    # The basis still names the passage compared with; the result is a finding, not "could not tell".
    assert result.basis.source_id == "transcript" and result.established


@pytest.mark.parametrize("speaker", ["Raymond Vance", "Dr. Vance", None, "The director"])
def test_a_quote_in_its_speakers_turn_or_of_no_named_person_is_judged_on_its_words(speaker: str | None) -> None:
    result = check_quote(
        "Every dollar we put into treatment is a dollar that keeps someone alive long enough to recover",
        sources=[source(BOARD)],
        speaker=speaker,
    )
    assert result.status == "verbatim"


def test_the_speakers_own_turn_wins_where_another_says_the_same_words() -> None:
    quote = "Recovery housing is where people learn to live again"
    okafor = check_quote(quote, sources=[source(BOARD)], speaker="Linda Okafor")
    assert okafor.status == "verbatim"
    assert okafor.details.best.passages[0].speaker == "CHAIR OKAFOR"
    vance = check_quote(quote, sources=[source(BOARD)], speaker="Raymond Vance")
    assert vance.status == "verbatim"
    assert vance.details.best.passages[0].speaker.startswith("DR. RAYMOND VANCE")
    bercik = check_quote(quote, sources=[source(BOARD)], speaker="Tom Bercik")
    assert bercik.status == "other-speaker"


def test_words_a_speaker_quotes_in_their_turn_are_not_theirs_nor_the_quoted_persons() -> None:
    text = (
        "CHAIR LINDA OKAFOR: I will read the director's letter: \u201cRecovery housing is where people learn to live "
        "again.\u201d\n\nCOMMISSIONER TOM BERCIK: Thank you, Madam Chair.\n"
    )
    result = check_quote(
        "Recovery housing is where people learn to live again", sources=[source(text)], speaker="Raymond Vance"
    )
    assert result.status == "verbatim"


def test_an_altered_quote_in_another_persons_turn_says_both() -> None:
    result = check_quote(
        "Every single dollar we put into treatment keeps someone alive long enough to recover",
        sources=[source(BOARD)],
        speaker="Tom Bercik",
    )
    assert result.status == "other-speaker"
    assert result.details.best.wording is QuoteClass.ALTERED
    assert result.summary.endswith("there it is altered.")


def test_a_quote_spanning_two_turns_is_spliced_across_speakers() -> None:
    # The end of the director's turn and the start of the chair's, as one quotation of the chair's.
    result = check_quote(
        "Recovery housing is where people learn to live again. The settlement money won't replace what the county "
        "already spends on mental health.",
        sources=[source(BOARD)],
        speaker="Linda Okafor",
    )
    assert result.status == "spliced"
    (joint,) = result.details.best.joints
    assert joint.speakers == ("DR. RAYMOND VANCE, DIRECTOR OF HEALTH AND HUMAN SERVICES", "CHAIR OKAFOR")
    assert result.summary.endswith(
        "The passages are in the turns of different speakers: \u201cDR. RAYMOND VANCE, DIRECTOR OF HEALTH AND "
        "HUMAN SERVICES\u201d and \u201cCHAIR OKAFOR\u201d."
    )


def test_a_splice_of_two_turns_of_one_person_names_no_other_speaker() -> None:
    text = (
        "GOVERNOR ELLEN PARK: We will not lift the evacuation orders until the wind drops.\n\n"
        "QUESTION: Governor, what about the smoke?\n\n"
        "GOVERNOR PARK: The smoke is the bigger danger for most people.\n"
    )
    result = check_quote(
        "The smoke is the bigger danger for most people. We will not lift the evacuation orders until the wind drops.",
        sources=[source(text, "Briefing")],
        speaker="Gov. Ellen Park",
    )
    assert result.status == "spliced"
    assert all(not joint.speakers for joint in result.details.best.joints)
    assert "different speakers" not in result.summary


def test_without_a_label_between_them_two_sentences_are_one_passage() -> None:
    prose = (
        "Recovery housing is where people learn to live again. Thank you. The settlement money won't replace what "
        "the county already spends on mental health.\n"
    )
    result = check_quote(
        "Recovery housing is where people learn to live again. The settlement money won't replace what the county "
        "already spends on mental health.",
        sources=[source(prose, "Statement")],
        speaker="Linda Okafor",
    )
    assert result.status == "altered"  # "Thank you" dropped, not a change of speaker


def test_is_other_speaker_needs_a_named_person_on_both_sides() -> None:
    turns = find_turns(BOARD)
    assert is_other_speaker(turns[1], speaker_words("Linda Okafor"))
    assert not is_other_speaker(turns[2], speaker_words("Linda Okafor"))
    assert not is_other_speaker(turns[1], speaker_words("The chair"))
    assert not is_other_speaker(None, speaker_words("Linda Okafor"))
    # A name misspelt by a letter is a slip, not another person.
    assert not is_other_speaker(turns[1], speaker_words("Raymond Vanse"))
    assert not is_other_speaker(turns[3], speaker_words("Tom Berzik"))


COMMITTEE_AR = """\
رئيس اللجنة: الكلمة للسيد النائب مقدم الطلب.

الدكتور حسام فؤاد (عضو اللجنة): كل لتر يضيع في الشبكة هو لتر يدفع ثمنه المواطن مرتين.

السيد المهندس طارق الشناوي (رئيس مجلس إدارة الشركة القابضة لمياه الشرب والصرف الصحي): لا يمكن إصلاح ما أفسدته عقود في \
عام واحد.

رئيس اللجنة: رفعت الجلسة.
"""

PRESS_HI = """\
ऊर्जा मंत्री (श्री भंवरलाल सैनी): चोरी करने वालों को बख्शा नहीं जाएगा।

पत्रकार (दैनिक उदाहरण): मंत्री जी, वसूली कब तक पूरी होगी?

प्रबंध निदेशक, जेवीवीएनएल (डॉ. अनुराधा शेखावत): वसूली धीमी है, यह हम मानते हैं।
"""

PRESS_EN = """\
Energy Minister (Mr Bhanwarlal Saini): Those who steal power will not be spared.

Reporter: When will the dues be recovered?

Managing Director, JVVNL (Dr. Anuradha Shekhawat): Recovery is slow, we accept that.

Mr. Tariq El-Shennawy (Chairman of the Holding Company for Drinking Water and Wastewater): Decades of neglect cannot
be repaired in one year.
"""


def test_a_titled_name_with_a_long_role_in_brackets_is_a_label_in_every_script() -> None:
    # Words in brackets after the name (a role, a constituency) do not make a caseless label prose.
    assert labels(COMMITTEE_AR)[1:3] == [
        ("الدكتور حسام فؤاد (عضو اللجنة)", ["حسام", "فواد"]),
        (
            "السيد المهندس طارق الشناوي (رئيس مجلس إدارة الشركة القابضة لمياه الشرب والصرف الصحي)",
            ["الشناوي", "طارق"],
        ),
    ]
    text = "श्री भंवरलाल सैनी (ऊर्जा मंत्री, राजस्थान सरकार): बख्शा नहीं जाएगा।\n"
    assert labels(text) == [("श्री भंवरलाल सैनी (ऊर्जा मंत्री, राजस्थान सरकार)", ["भंवरलाल", "सैनी"])]
    assert labels(PRESS_EN)[3][1] == ["el-shennawy", "shennawy", "tariq"]


def test_a_role_with_a_titled_name_in_brackets_names_that_person_in_every_script() -> None:
    assert labels(PRESS_HI) == [
        ("ऊर्जा मंत्री (श्री भंवरलाल सैनी)", ["भंवरलाल", "सैनी"]),
        ("पत्रकार (दैनिक उदाहरण)", []),  # a reporter and a paper: no title in brackets, no one named
        ("प्रबंध निदेशक, जेवीवीएनएल (डॉ. अनुराधा शेखावत)", ["अनुराधा", "शेखावत"]),
    ]
    text = "وزير الكهرباء (الدكتور محمود عصمت): لن تنقطع الكهرباء.\n\nمراسل (قناة النيل): متى؟\n"
    assert labels(text) == [("وزير الكهرباء (الدكتور محمود عصمت)", ["عصمت", "محمود"]), ("مراسل (قناة النيل)", [])]
    assert labels(PRESS_EN)[:3] == [
        ("Energy Minister (Mr Bhanwarlal Saini)", ["bhanwarlal", "saini"]),
        ("Reporter", []),
        ("Managing Director, JVVNL (Dr. Anuradha Shekhawat)", ["anuradha", "shekhawat"]),
    ]


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "other"),
    [
        (COMMITTEE_AR, "كل لتر يضيع في الشبكة هو لتر يدفع ثمنه المواطن مرتين", "طارق الشناوي", "الدكتور حسام فؤاد"),
        (PRESS_HI, "वसूली धीमी है, यह हम मानते हैं", "भंवरलाल सैनी", "प्रबंध निदेशक, जेवीवीएनएल"),
        (PRESS_EN, "Recovery is slow, we accept that", "Bhanwarlal Saini", "Managing Director, JVVNL"),
    ],
)
def test_a_quote_in_the_turn_of_a_person_named_in_brackets_is_other_speaker(
    text: str, quote: str, speaker: str, other: str
) -> None:
    result = check_quote(quote, sources=[source(text)], speaker=speaker)
    assert result.status == "other-speaker"
    assert result.details.best.speaker.startswith(other)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # Short names, where a one-letter slip is not forgiven: alef maqsura written as ya, a nukta left out.
        ("الدكتورة مني حسن: الشبكات قديمة.\n\nرئيس اللجنة: شكرًا.\n", "الشبكات قديمة", "الدكتورة منى"),
        ("श्रीमती फ़रहा ख़ान (सदस्य): मीटर खराब हैं।\n\nसभापति : धन्यवाद।\n", "मीटर खराब हैं", "श्रीमती फरहा खान"),
        ("DR. ZOË LI (Member): The meters are faulty.\n\nCHAIR: Thank you.\n", "The meters are faulty", "Dr Zoe Li"),
    ],
)
def test_the_speakers_name_compares_as_the_quote_check_folds_spelling(text: str, quote: str, speaker: str) -> None:
    assert check_quote(quote, sources=[source(text)], speaker=speaker).status == "verbatim"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # Untitled words in a script without capitals: an office or a company as well as a person, and no label
        # of the source names them.
        (COMMITTEE_AR, "كل لتر يضيع في الشبكة هو لتر يدفع ثمنه المواطن مرتين", "الشركة القابضة"),
        (PRESS_HI, "वसूली धीमी है, यह हम मानते हैं", "ऊर्जा विभाग"),
        (PRESS_EN, "Recovery is slow, we accept that", "The energy department"),
    ],
)
def test_a_caseless_speaker_no_label_names_decides_nothing(text: str, quote: str, speaker: str) -> None:
    assert check_quote(quote, sources=[source(text)], speaker=speaker).status == "verbatim"


def test_a_caseless_speaker_without_a_title_names_a_person_a_label_of_the_source_names() -> None:
    ar, hi = find_turns(COMMITTEE_AR), find_turns(PRESS_HI)
    assert speaker_words("طارق الشناوي", ar) == {"طارق", "الشناوي"}
    assert speaker_words("الشناوي", ar) == {"الشناوي"}
    assert speaker_words("भंवरलाल सैनी", hi) == {"भंवरलाल", "सैनी"}
    # Without a label that names them, or with words no label has, they name no one.
    assert speaker_words("طارق الشناوي") == frozenset()
    assert speaker_words("भंवरलाल सैनी", ar) == frozenset()
    assert speaker_words("सैनी जी के सचिव", hi) == frozenset()


@pytest.mark.parametrize("heading", ["Main Findings", "Governor's Opening Remarks", "New Clinics Opened In 2026"])
def test_a_title_case_heading_over_a_paragraph_names_no_one(heading: str) -> None:
    # Two capitalised words and a colon at the line's end head a paragraph: the words under them are no one's.
    text = (
        "GOVERNOR ELLEN PARK: Thank you all for coming.\n\nQUESTION: Governor, when will people go home?\n\n"
        f"{heading}:\nWe will not lift the evacuation orders until the wind drops.\n"
    )
    result = check_quote(
        "We will not lift the evacuation orders until the wind drops",
        sources=[source(text, "Briefing")],
        speaker="Gov. Ellen Park",
    )
    assert result.status == "verbatim"
