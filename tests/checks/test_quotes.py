"""The quote check: labelled quotes against realistic sources, the seed cases, a property."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factsite.checks.quotes import (
    QuoteClass,
    QuoteComparison,
    check_quote,
    compare_quote,
    locate_quote,
    normalise_quote_text,
)
from factsite.model import CheckResult, Location, Source

KREMLIN_TRANSCRIPT = """\
Address by the President of the Russian Federation

Friends,

The subject of my address is the situation in Donbass and the course of the special military
operation to liberate it from the neo-Nazi regime that seized power in Kiev in 2014.

I address you today, citizens of Russia, people of different generations, ages and ethnicities,
the people of our great Motherland, all those who are united by our great historical Russia,
soldiers and officers, volunteers fighting on the front line and serving at their combat
positions, our brothers and sisters in the Donetsk and Lugansk people's republics, the Kherson
and Zaporozhye regions and the other areas liberated from the neo-Nazi regime.

We are talking about the measures that are necessary and urgent to protect the sovereignty,
security and territorial integrity of Russia, and about supporting the desire and will of our
compatriots to decide their own future.

The aggressive policy of some Western elites has been going on for decades. In its aggressive
anti-Russia policy the West has crossed every line. We constantly hear threats against our
country and our people.

Some irresponsible politicians in the West are not just talking about plans to organise the
supply of long-range offensive weapons to Ukraine, systems that would allow attacks on Crimea
and other Russian regions.

Such terrorist attacks, including with the use of Western weapons, are already being carried out
against border settlements in the Belgorod and Kursk regions. NATO is conducting reconnaissance
across the entire south of Russia in real time, using modern systems, aircraft, ships,
satellites and strategic drones.

Washington, London and Brussels are openly encouraging Kiev to move the hostilities to our
territory. They openly say that Russia must be defeated on the battlefield by any means, and
subsequently deprived of political, economic, cultural and any other sovereignty and ransacked.

The Kiev regime has responded to our proposals for a peaceful settlement with an outright
refusal. The parliaments of the people's republics of Donbass, and the civil-military
administrations of the Kherson and Zaporozhye regions, have decided to hold referendums on the
future of these territories and have appealed to us to support this move.

We cannot, we have no moral right to hand over people close to us to be torn apart by
executioners; we cannot but respond to their sincere desire to decide their own fate. We will do
everything to ensure safe conditions for the referendums, so that people can express their will.

Today our armed forces, as I have said, are operating on a combat line that is over 1,000
kilometres long, fighting not only against neo-Nazi units but actually the entire military
machine of the collective West.

In this situation, I consider it necessary to support the proposal of the Defence Ministry and
the General Staff on partial mobilisation in the Russian Federation to defend our Motherland and
its sovereignty and territorial integrity, and to ensure the safety of our people and people in
the liberated territories.

As I said, we are talking about partial mobilisation, that is, only military reservists,
primarily those who served in the armed forces and have specific military occupational
specialities and corresponding experience, will be called up.

Those called up for military service will undergo mandatory additional military training based
on the experience of the special military operation before departing to their units.

The decree on partial mobilisation has been signed. In accordance with the law, the Federal
Assembly, that is, the Federation Council and the State Duma, will be officially informed about
it today. The mobilisation measures will start today, September 21.

I instruct the heads of the regions to provide the necessary assistance to the work of the
military commissariats. I want to emphasise that the Government will decide all matters of
material support for the reservists and the personnel taking part in the operation.

The defence industry enterprises have been instructed to expand production of weapons and
military equipment without delay. The Government will take the necessary decisions on funding,
and all the issues related to the work of these enterprises will be resolved promptly.

Dear friends, the goal of the West is to weaken, divide and ultimately destroy our country. They
are saying openly now that in 1991 they managed to split the Soviet Union and now is the time to
do the same to Russia.

Nuclear blackmail has also been used. I am referring not only to the Western-encouraged shelling
of the Zaporozhye Nuclear Power Plant, which poses a threat of a nuclear disaster, but also to
the statements made by some high-ranking representatives of the leading NATO countries on the
possibility and admissibility of using weapons of mass destruction against Russia.

I would like to remind those who make such statements regarding Russia that our country has
different types of weapons as well, and some of them are more modern than the weapons NATO
countries have.

In the event of a threat to the territorial integrity of our country and to defend Russia and
our people, we will certainly make use of all weapon systems available to us. This is not a
bluff.

The citizens of Russia can rest assured that the territorial integrity of our Motherland, our
independence and freedom will be defended with all the systems available to us. Those who are
trying to blackmail us with nuclear weapons should know that the prevailing winds can turn in
their direction.

It is our historical tradition and the destiny of our people to stop those who are pushing for
global domination and threaten to dismember and enslave our Motherland. We will do this now as
well, and this is what will happen.

I believe in your support.
"""

EMBASSY_ALERT = """\
Security Alert \u2013 U.S. Embassy Moscow, Russia (September 27, 2022)

Location: Russia

Event: On September 21, the Russian government began a mobilization of its citizens to the armed
forces in support of its invasion of Ukraine. Russia may refuse to acknowledge dual nationals\u2019
U.S. citizenship, deny their access to U.S. consular assistance, prevent their departure from
Russia, and conscript dual nationals for military service.

U.S. citizens should not travel to Russia and those residing or travelling in Russia should
depart Russia immediately while limited commercial travel options remain.

We remind U.S. citizens that the right to peaceful assembly and freedom of expression are not
guaranteed in Russia. Avoid all political or social protests and do not photograph security
personnel at these events. Russian authorities have arrested U.S. citizens who have participated
in demonstrations.

If you wish to depart Russia, you should make independent arrangements as soon as possible. The
U.S. Embassy has severe limitations on its ability to assist U.S. citizens, and conditions,
including transportation options, may suddenly become even more limited.
"""

# A second English translation of the end of the address, worded as news agencies rendered it.
AGENCY_TRANSLATION = """\
If the territorial integrity of our country is threatened, we will certainly use all the means at
our disposal to protect Russia and our people. It's not a bluff.

Those who are trying to blackmail us with nuclear weapons should know that the wind rose can turn
around.
"""

MINISTER_STATEMENT = """\
The minister said the answer \u2014 as always \u2014 was no. "We will not be drawn into a so-called
'negotiation' on these terms," she added, before leaving for a well-known restaurant.

Every day, 300,000 people cross the border. The programme of checks will continue.
"""

SOURCES = {
    "kremlin": Source(
        id="kremlin-address",
        title="Address by the President of the Russian Federation",
        publisher="President of Russia",
        url="http://en.kremlin.ru/events/president/news/69390",
        location=Location("content/citations.yaml", 10),
        text=KREMLIN_TRANSCRIPT,
    ),
    "alert": Source(
        id="embassy-alert",
        title="Security Alert \u2013 U.S. Embassy Moscow, Russia (September 27, 2022)",
        publisher="U.S. Embassy in Russia",
        url="https://ru.usembassy.gov/security-alert-u-s-embassy-moscow-russia-september-27-2022/",
        location=Location("content/citations.yaml", 20),
        text=EMBASSY_ALERT,
    ),
    "agency": Source(
        id="agency-translation",
        title="Putin's address, agency translation",
        publisher="News agency",
        url="https://example.org/putin-address",
        location=Location("content/citations.yaml", 30),
        text=AGENCY_TRANSLATION,
    ),
    "statement": Source(
        id="minister-statement",
        title="Statement by the minister",
        publisher="Ministry",
        url="https://example.org/statement",
        location=Location("content/citations.yaml", 40),
        excerpt=MINISTER_STATEMENT,
        text=MINISTER_STATEMENT,
    ),
}

EMBASSY_QUOTE = (
    "On September 21, the Russian government began a mobilization of its citizens to the armed"
    " forces in support of its invasion of Ukraine. Russia may refuse to acknowledge dual"
    " nationals' U.S. citizenship, deny their access to U.S. consular assistance, prevent their"
    " departure from Russia, and conscript dual nationals for military service,"
)
PUTIN_QUOTE = "\"I'm not bluffing. That's why I asked the ministry of defense to agree to partial mobilization,\""
ARREST_QUOTE = "Russian authorities have arrested U.S. citizens who have participated in demonstrations."

V, E, M, A, S, N = (
    QuoteClass.VERBATIM,
    QuoteClass.EDITED,
    QuoteClass.MINOR,
    QuoteClass.ALTERED,
    QuoteClass.SPLICED,
    QuoteClass.NOT_FOUND,
)

CASES = [
    # The seed article's three quotes.
    pytest.param("alert", f'"{EMBASSY_QUOTE}"', V, id="seed-embassy-in-quotation-marks"),
    pytest.param("alert", EMBASSY_QUOTE, V, id="seed-embassy-bare"),
    pytest.param("alert", f"\u201c{EMBASSY_QUOTE}\u201d", V, id="seed-embassy-curly-marks"),
    pytest.param("kremlin", PUTIN_QUOTE, S, id="seed-putin-spliced"),
    pytest.param("alert", ARREST_QUOTE, V, id="seed-arrested"),
    pytest.param("alert", f'"{ARREST_QUOTE}"', V, id="seed-arrested-in-quotation-marks"),
    # Verbatim: what does not count.
    pytest.param("kremlin", "the Donetsk and Lugansk people\u2019s republics", V, id="curly-apostrophe"),
    pytest.param(
        "alert",
        "Russia may refuse to acknowledge dual nationals' U.S.",
        V,
        id="straight-apostrophe",
    ),
    pytest.param("alert", "Security Alert \u2014 U.S. Embassy Moscow", V, id="em-dash-for-en-dash"),
    pytest.param("alert", "Security Alert -- U.S. Embassy Moscow", V, id="double-hyphen-for-en-dash"),
    pytest.param("statement", "the answer - as always - was no", V, id="hyphen-for-em-dash"),
    pytest.param(
        "statement",
        "We will not be drawn into a so-called \u201cnegotiation\u201d on these terms",
        V,
        id="nested-quotation-marks-restyled",
    ),
    pytest.param("alert", "Those residing or travelling in Russia should depart", V, id="capital-at-start"),
    pytest.param(
        "kremlin",
        "Washington, London and Brussels are openly encouraging Kiev ' to move the hostilities",
        V,
        id="stray-apostrophe",
    ),
    pytest.param(
        "alert",
        "Russian   authorities have\n  arrested U.S. citizens",
        V,
        id="whitespace-and-line-break",
    ),
    pytest.param(
        "kremlin",
        "I consider it necessary to support the proposal of the Defense Ministry and the General"
        " Staff on partial mobilization in the Russian Federation",
        V,
        id="us-spelling-of-uk-source",
    ),
    pytest.param(
        "alert",
        "those residing or traveling in Russia should depart Russia immediately",
        V,
        id="us-spelling-traveling",
    ),
    pytest.param(
        "alert",
        "conscript dual nationals for military service,",
        V,
        id="trailing-comma-for-full-stop",
    ),
    pytest.param(
        "kremlin",
        "The decree on partial mobilisation has been signed. In accordance with the law, the"
        " Federal Assembly, that is, the Federation Council and the State Duma, will be officially"
        " informed about it today.",
        V,
        id="two-consecutive-sentences",
    ),
    # Verbatim with marked edits: ellipses and square brackets used properly.
    pytest.param(
        "alert",
        "Russia may refuse to acknowledge dual nationals' U.S. citizenship ... and conscript dual"
        " nationals for military service",
        E,
        id="ellipsis-three-dots",
    ),
    pytest.param(
        "alert",
        "Russia may refuse to acknowledge dual nationals' U.S. citizenship\u2026 and conscript dual"
        " nationals for military service",
        E,
        id="ellipsis-character",
    ),
    pytest.param(
        "alert",
        "Russia may refuse to acknowledge dual nationals' U.S. citizenship [...] and conscript",
        E,
        id="ellipsis-in-brackets",
    ),
    pytest.param(
        "alert",
        "... should depart Russia immediately while limited commercial travel options remain.",
        E,
        id="leading-ellipsis",
    ),
    pytest.param(
        "kremlin",
        "The decree on partial mobilisation has been signed ... This is not a bluff.",
        E,
        id="ellipsis-across-paragraphs",
    ),
    pytest.param(
        "alert",
        "[The Embassy] has severe limitations on its ability to assist U.S. citizens",
        E,
        id="bracketed-substitution",
    ),
    pytest.param(
        "alert",
        "Russian authorities have arrested U.S. citizens who have participated in [anti-war] demonstrations.",
        E,
        id="bracketed-insertion",
    ),
    pytest.param(
        "alert",
        "[T]he right to peaceful assembly and freedom of expression are not guaranteed in Russia.",
        E,
        id="bracketed-capital",
    ),
    pytest.param(
        "alert",
        "deny their access to U.S. consular assistance [sic], prevent their departure",
        E,
        id="bracketed-sic",
    ),
    pytest.param(
        "alert",
        "[Russia] may refuse to acknowledge dual nationals' U.S. citizenship ... and conscript"
        " [them] for military service",
        E,
        id="ellipsis-and-brackets",
    ),
    pytest.param(
        "kremlin",
        "Nuclear blackmail has also been used ... not only to the",
        E,
        id="segment-of-function-words-after-an-ellipsis",
    ),
    pytest.param(
        "alert",
        "of its ... forces in support of its invasion of Ukraine.",
        E,
        id="segment-of-function-words-before-an-ellipsis",
    ),
    # Minor differences: spelling slips, punctuation, case, word division.
    pytest.param(
        "alert",
        "On September 21 the Russian government began a mobilization",
        M,
        id="comma-dropped",
    ),
    pytest.param(
        "alert",
        "On September 21, the Russian goverment began a mobilization",
        M,
        id="one-letter-slip",
    ),
    pytest.param(
        "alert",
        "Russia may refuse to acknowledge dual nationals' u.s. citizenship",
        M,
        id="case-inside",
    ),
    pytest.param(
        "alert",
        "Russian authorities have arrested US citizens who have participated in demonstrations.",
        M,
        id="US-for-U.S.",
    ),
    pytest.param("statement", "before leaving for a well known restaurant", M, id="hyphen-dropped"),
    pytest.param("statement", "Everyday, 300,000 people cross the border", M, id="word-joined"),
    pytest.param("statement", "Every day, 300000 people cross the border", M, id="digits-joined"),
    # Altered: words added, dropped or changed.
    pytest.param(
        "alert",
        "Russian authorities have arrested many U.S. citizens who have participated in demonstrations.",
        A,
        id="word-added",
    ),
    pytest.param(
        "alert",
        "Russian authorities arrested U.S. citizens who have participated in demonstrations.",
        A,
        id="word-dropped",
    ),
    pytest.param(
        "alert",
        "Russian authorities have detained U.S. citizens who have participated in demonstrations.",
        A,
        id="word-changed",
    ),
    pytest.param(
        "alert",
        "Russian authorities arrest U.S. citizens who have participated in demonstrations.",
        A,
        id="tense-changed",
    ),
    pytest.param(
        "alert",
        "the right to peaceful assembly and freedom of expression are guaranteed in Russia",
        A,
        id="negation-dropped",
    ),
    pytest.param(
        "alert",
        "Russia may refuse to acknowledge dual nationals' U.S. citizenship, prevent their departure"
        " from Russia, and conscript dual nationals for military service.",
        A,
        id="clause-dropped-without-ellipsis",
    ),
    pytest.param(
        "alert",
        "Russian officials have arrested American citizens who took part in protests.",
        A,
        id="several-words-changed",
    ),
    pytest.param(
        "kremlin",
        "we will certainly make use of all weapon systems available to us. The citizens of Russia can rest assured",
        A,
        id="short-sentence-dropped-without-ellipsis",
    ),
    # Spliced: pieces from separate places joined without an ellipsis.
    pytest.param(
        "kremlin",
        "The decree on partial mobilisation has been signed. This is not a bluff.",
        S,
        id="two-places",
    ),
    pytest.param(
        "kremlin",
        "The decree on partial mobilisation has been signed. This is not a bluff. I believe in your support.",
        S,
        id="three-places",
    ),
    pytest.param(
        "kremlin",
        "This is not a bluff ... The decree on partial mobilisation has been signed.",
        S,
        id="ellipsis-in-reverse-order",
    ),
    pytest.param(
        "kremlin",
        "our independence and freedom will be defended with all the systems available to us. It is"
        " our historical tradition",
        S,
        id="long-stretch-dropped-without-ellipsis",
    ),
    pytest.param(
        "kremlin",
        "We will do everything to ensure safe conditions for the referendums and make use of all"
        " weapon systems available to us.",
        S,
        id="two-clauses-in-one-sentence",
    ),
    # Not found.
    pytest.param("kremlin", "We will use nuclear weapons against NATO tomorrow morning", N, id="invented"),
    pytest.param("kremlin", "The weather in Paris was lovely this spring.", N, id="unrelated"),
    pytest.param("alert", "The embassy will close on Friday.", N, id="unrelated-short"),
]


def compare(source_key: str, quote: str) -> QuoteComparison:
    return compare_quote(quote, [SOURCES[source_key]])


@pytest.mark.parametrize(("source_key", "quote", "expected"), CASES)
def test_classification(source_key: str, quote: str, expected: QuoteClass) -> None:
    assert compare(source_key, quote).classification is expected


@pytest.mark.parametrize(("source_key", "quote", "expected"), CASES)
def test_passages_are_the_source_text_at_their_offsets(source_key: str, quote: str, expected: QuoteClass) -> None:
    comparison = compare(source_key, quote)
    text = SOURCES[source_key].text
    passages = comparison.best.passages if comparison.best else ()
    for passage in (*passages, *comparison.nearest):
        assert text[passage.start : passage.end] == passage.text
        assert text[: passage.start].endswith(passage.context_before)
        assert text[passage.end :].startswith(passage.context_after)


# The seed article's quotes, in detail.


def test_seed_embassy_quote_is_verbatim_from_the_event_line() -> None:
    result = check_quote(f'"{EMBASSY_QUOTE}"', sources=[SOURCES["alert"]])
    assert (result.check, result.status) == ("quote", "verbatim")
    assert result.summary.startswith("Verbatim: the quote matches")
    (passage,) = result.details.best.passages
    assert passage.text.startswith("On September 21, the Russian government")
    assert passage.text.endswith("conscript dual nationals for military service")
    assert passage.context_before.rstrip().endswith("Event:")
    assert [token.operation for token in result.details.best.diff] == ["equal"]


def test_seed_putin_quote_is_spliced_from_two_passages_far_apart() -> None:
    result = check_quote(PUTIN_QUOTE, sources=[SOURCES["kremlin"]])
    match = result.details.best
    assert result.status == "spliced"
    assert [passage.quote_text for passage in match.passages] == [
        "I'm not bluffing.",
        "That's why I asked the ministry of defense to agree to partial mobilization,",
    ]
    bluff, mobilisation = (" ".join((passage.context_before + passage.text).split()) for passage in match.passages)
    assert bluff.endswith("This is not a bluff")
    assert "support the proposal of the Defence Ministry" in mobilisation
    assert mobilisation.endswith("on partial mobilisation")
    assert match.altered
    (joint,) = match.joints
    assert joint.reverse and not joint.ellipsis
    assert joint.distance == "9 paragraphs apart"
    assert "joined" in [token.operation for token in match.diff]
    assert result.summary.startswith(
        "Spliced: joins two passages that stand 9 paragraphs apart in \u201cAddress by the"
        " President of the Russian Federation\u201d, in reverse order and without an ellipsis."
    )


def test_seed_arrest_quote_is_verbatim() -> None:
    result = check_quote(ARREST_QUOTE, sources=[SOURCES["alert"]])
    assert result.status == "verbatim"
    assert " ".join(result.details.best.passages[0].text.split()) == ARREST_QUOTE.rstrip(".")


# What the diff shows.


def operations(comparison: QuoteComparison) -> list[tuple[str, str, str]]:
    assert comparison.best is not None
    return [(token.operation, token.text, token.source_text) for token in comparison.best.diff]


DIFF_CASES = [
    pytest.param(
        "alert",
        "Russian authorities have detained U.S. citizens",
        [
            ("equal", "Russian authorities have", ""),
            ("deleted", "arrested", ""),
            ("inserted", "detained", ""),
            ("equal", "U.S. citizens", ""),
        ],
        id="changed-word-struck-then-inserted",
    ),
    pytest.param(
        "alert",
        "Russian authorities have arrested many U.S. citizens",
        [
            ("equal", "Russian authorities have arrested", ""),
            ("inserted", "many", ""),
            ("equal", "U.S. citizens", ""),
        ],
        id="added-word",
    ),
    pytest.param(
        "kremlin",
        "I consider it necessary to support the proposal of the Defense Ministry",
        [
            ("equal", "I consider it necessary to support the proposal of the", ""),
            ("minor", "Defense", "Defence"),
            ("equal", "Ministry", ""),
        ],
        id="us-uk-spelling-shown-as-minor",
    ),
    pytest.param(
        "alert",
        "Russia may refuse to acknowledge\u2026 and conscript dual nationals",
        [
            ("equal", "Russia may refuse to acknowledge", ""),
            (
                "omitted",
                "\u2026",
                "dual nationals\u2019 U.S. citizenship, deny their access to U.S. consular"
                " assistance, prevent their departure from Russia,",
            ),
            ("equal", "and conscript dual nationals", ""),
        ],
        id="omission-shows-the-omitted-words",
    ),
    pytest.param(
        "alert",
        "[The Embassy] has severe limitations",
        [
            ("editorial", "[The Embassy]", "The U.S. Embassy"),
            ("equal", "has severe limitations", ""),
        ],
        id="substitution-shows-what-it-replaces",
    ),
    pytest.param(
        "alert",
        "On September 21 the Russian government",
        [
            ("equal", "On September", ""),
            ("minor", "21", "21,"),
            ("equal", "the Russian government", ""),
        ],
        id="punctuation",
    ),
    pytest.param(
        "statement",
        "Everyday, 300,000 people",
        [("minor", "Everyday,", "Every day,"), ("equal", "300,000 people", "")],
        id="word-division",
    ),
]


@pytest.mark.parametrize(("source_key", "quote", "expected"), DIFF_CASES)
def test_diff(source_key: str, quote: str, expected: list[tuple[str, str, str]]) -> None:
    assert operations(compare(source_key, quote)) == expected


def test_spelling_variants_are_shown_but_not_counted() -> None:
    match = compare("alert", "those residing or traveling in Russia").best
    assert match is not None
    (minor,) = [token for token in match.diff if token.operation == "minor"]
    assert (minor.text, minor.source_text, minor.note, minor.counts) == (
        "traveling",
        "travelling",
        "US/UK spelling",
        False,
    )
    assert match.minor_differences == 0


def test_curly_apostrophes_in_the_source_are_not_a_difference() -> None:
    match = compare("alert", "Russia may refuse to acknowledge dual nationals' U.S. citizenship").best
    assert match is not None
    assert [token.operation for token in match.diff] == ["equal"]


@pytest.mark.parametrize(
    ("quote", "added", "dropped", "changed"),
    [
        pytest.param("Russian authorities have arrested many U.S. citizens", 1, 0, 0, id="added"),
        pytest.param("Russian authorities arrested U.S. citizens", 0, 1, 0, id="dropped"),
        pytest.param("Russian authorities have detained U.S. citizens", 0, 0, 1, id="changed"),
        pytest.param(
            "Russian officials have arrested American citizens who took part in protests",
            0,
            0,
            5,
            id="paraphrase",
        ),
    ],
)
def test_alteration_counts(quote: str, added: int, dropped: int, changed: int) -> None:
    match = compare("alert", quote).best
    assert match is not None
    assert (match.words_added, match.words_dropped, match.words_changed) == (
        added,
        dropped,
        changed,
    )


def test_three_places_are_three_passages_in_the_quote_order() -> None:
    match = compare("kremlin", CASES_BY_ID["three-places"]).best
    assert match is not None
    assert [" ".join(passage.text.split()) for passage in match.passages] == [
        "The decree on partial mobilisation has been signed",
        "This is not a bluff",
        "I believe in your support",
    ]
    assert [joint.distance for joint in match.joints] == ["6 paragraphs apart", "3 paragraphs apart"]


def test_clause_splice_cuts_where_the_second_place_starts() -> None:
    match = compare("kremlin", CASES_BY_ID["two-clauses-in-one-sentence"]).best
    assert match is not None
    assert [" ".join(passage.text.split()) for passage in match.passages] == [
        "We will do everything to ensure safe conditions for the referendums",
        "make use of all weapon systems available to us",
    ]


# Not found, and several sources.


def test_not_found_shows_the_nearest_passages_best_first() -> None:
    result = check_quote(CASES_BY_ID["invented"], sources=[SOURCES["kremlin"]])
    comparison = result.details
    assert result.status == "not-found"
    assert 1 <= len(comparison.nearest) <= 3
    scores = [passage.score for passage in comparison.nearest]
    assert scores == sorted(scores, reverse=True)
    assert all(passage.source_id == "kremlin-address" for passage in comparison.nearest)
    assert result.summary.startswith("Not found in the cited sources: no passage of \u201cAddress by the President")
    assert re.search(r"; the nearest passage, shown for reference only, has \d+% of", result.summary)
    assert result.summary.endswith("This does not show that the words were never said.")
    assert not result.established
    assert (result.basis.source_id, result.basis.candidate) == (None, None)


def test_found_quotes_have_no_nearest_passages() -> None:
    assert compare("alert", ARREST_QUOTE).nearest == ()


def test_several_sources_best_classification_wins_and_every_match_is_kept() -> None:
    quote = "we will certainly use all the means at our disposal"
    result = check_quote(quote, sources=[SOURCES["kremlin"], SOURCES["agency"]])
    comparison = result.details
    assert result.status == "verbatim"
    assert [match.source_id for match in comparison.matches] == [
        "agency-translation",
        "kremlin-address",
    ]
    assert comparison.best is comparison.matches[0]
    assert comparison.matches[1].classification is not QuoteClass.VERBATIM
    assert result.summary.startswith(
        "Verbatim: the quote matches \u201cPutin's address, agency translation\u201d word for word."
    )
    assert result.summary.endswith(" In \u201cAddress by the President of the Russian Federation\u201d it is altered.")


def test_several_sources_where_none_matches_pool_the_nearest_passages() -> None:
    comparison = compare_quote(
        "We will use nuclear weapons against NATO tomorrow morning",
        [SOURCES["kremlin"], SOURCES["agency"]],
    )
    assert comparison.classification is QuoteClass.NOT_FOUND
    assert {passage.source_id for passage in comparison.nearest} <= {
        "kremlin-address",
        "agency-translation",
    }
    assert len(comparison.nearest) <= 3


@pytest.mark.parametrize(
    "sources",
    [
        pytest.param([], id="no-source"),
        pytest.param([Source("empty", "Empty", "", "", Location("x"))], id="no-text"),
    ],
)
def test_without_source_text_the_quote_is_not_found(sources: list[Source]) -> None:
    result = check_quote(ARREST_QUOTE, sources=sources)
    assert isinstance(result, CheckResult)
    assert result.status == "not-found"
    assert result.details.best is None
    assert "no cited source has text" in result.summary


@pytest.mark.parametrize("marked", ['""', "\u201c \u201d", "...", "[...]"])
def test_a_mark_without_words_is_not_found(marked: str) -> None:
    result = check_quote(marked, sources=[SOURCES["alert"]])
    assert result.status == "not-found"
    assert result.summary == "Not found: the marked quote has no words to look for."


# locate_quote and normalise_quote_text.


def test_locate_quote_finds_the_passage_with_context() -> None:
    (passage, *_) = locate_quote("partial mobilisation has been signed", KREMLIN_TRANSCRIPT)
    start = KREMLIN_TRANSCRIPT.index("partial mobilisation has been signed")
    assert (passage.start, passage.end) == (
        start,
        start + len("partial mobilisation has been signed"),
    )
    assert passage.score == 1.0
    assert len(WORD.findall(passage.context_before)) == 30
    assert len(WORD.findall(passage.context_after)) == 30


def test_locate_quote_lists_several_places_best_first_within_the_limit() -> None:
    passages = locate_quote("partial mobilisation", KREMLIN_TRANSCRIPT, limit=2)
    assert len(passages) == 2
    assert all(passage.text == "partial mobilisation" for passage in passages)
    assert len({passage.start for passage in passages}) == 2


def test_locate_quote_in_an_empty_source_finds_nothing() -> None:
    assert locate_quote("anything at all", "") == ()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("nationals\u2019 citizenship", "nationals' citizenship", id="apostrophes"),
        pytest.param("\u201cno\u201d", '"no"', id="double-quotes"),
        pytest.param("answer \u2014 as always \u2013 no", "answer - as always - no", id="dashes"),
        pytest.param("partial  mobilisation\n in", "partial mobilization in", id="spaces-spelling"),
        pytest.param("Defence Ministry", "defense ministry", id="case-and-spelling"),
        pytest.param("wait\u2026", "wait...", id="ellipsis"),
    ],
)
def test_normalise_quote_text_folds_what_does_not_count(first: str, second: str) -> None:
    assert normalise_quote_text(first) == normalise_quote_text(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("arrested", "detained", id="word"),
        pytest.param("21, the", "21 the", id="comma"),
        pytest.param("not guaranteed", "guaranteed", id="negation"),
    ],
)
def test_normalise_quote_text_keeps_what_counts(first: str, second: str) -> None:
    assert normalise_quote_text(first) != normalise_quote_text(second)


# Property: any stretch of a source, restyled, is verbatim and found where it stands.

WORD = re.compile(r"[\w'\u2019]+")


@st.composite
def restyled_stretches(draw: st.DrawFn) -> tuple[str, str, set[int]]:
    source_key = draw(st.sampled_from(["alert", "kremlin"]))
    text = SOURCES[source_key].text
    words = list(WORD.finditer(text))
    length = draw(st.integers(min_value=3, max_value=40))
    first = draw(st.integers(min_value=0, max_value=len(words) - length))
    stretch = text[words[first].start() : words[first + length - 1].end()]
    quote = re.sub(r"\s+", lambda _: draw(st.sampled_from([" ", "  ", "\n", " \n "])), stretch)
    quote = re.sub(r"['\u2019]", lambda _: draw(st.sampled_from(["'", "\u2019"])), quote)
    if draw(st.booleans()):
        quote = quote[0].upper() + quote[1:]
    opening, closing = draw(st.sampled_from([("", ""), ('"', '"'), ("\u201c", "\u201d")]))
    keys = [normalise_quote_text(match.group()) for match in words]
    wanted = keys[first : first + length]
    starts = {words[at].start() for at in range(len(words) - length + 1) if keys[at : at + length] == wanted}
    return source_key, f"{opening}{quote}{closing}", starts


@settings(max_examples=150, deadline=None)
@given(restyled_stretches())
def test_a_restyled_stretch_of_the_source_is_verbatim_where_it_stands(
    case: tuple[str, str, set[int]],
) -> None:
    source_key, quote, starts = case
    comparison = compare(source_key, quote)
    assert comparison.classification is QuoteClass.VERBATIM
    assert comparison.best is not None
    assert comparison.best.passages[0].start in starts


CASES_BY_ID = {case.id: case.values[1] for case in CASES}


# Property: whatever the marked text and the source, the check answers and its passages hold.

PIECES_OF_TEXT = st.sampled_from(
    [
        *("Russia", "mobilisation", "the", "U.S.", "don't", "bluff", "Defence", "300,000"),
        *("\u2019", "'", '"', "\u201c", "[", "]", "[T]he", "[sic]", "...", "\u2026", ". . ."),
        *("(...)", "-", "\u2014", ",", ".", "?", "\n", "\n\n", "  "),
        *("\u00e9t\u00e9", "\u0130stanbul", "stra\u00dfe"),
    ]
)
TEXTS = st.lists(PIECES_OF_TEXT, max_size=60).map(" ".join) | st.text(max_size=200)


@st.composite
def quotes_and_sources(draw: st.DrawFn) -> tuple[str, str]:
    """A source, and a quote cut from it with a few pieces spliced in, or any text at all."""
    source_text = draw(TEXTS)
    if draw(st.booleans()):
        return draw(TEXTS), source_text
    start = draw(st.integers(0, len(source_text)))
    end = draw(st.integers(start, len(source_text)))
    quote = source_text[start:end]
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(quote)))
        quote = quote[:at] + draw(PIECES_OF_TEXT) + quote[at:]
    return quote, source_text


@settings(max_examples=300, deadline=None)
@given(quotes_and_sources())
def test_any_quote_against_any_source_gets_an_answer(case: tuple[str, str]) -> None:
    quote, source_text = case
    source = Source("any", "Any source", "", "", Location("x"), text=source_text)
    result = check_quote(quote, sources=[source])
    assert result.status in {value.value for value in QuoteClass}
    assert result.summary.endswith(".")
    for match in result.details.matches:
        for passage in match.passages:
            assert source_text[passage.start : passage.end] == passage.text
    for passage in locate_quote(quote, source_text):
        assert source_text[passage.start : passage.end] == passage.text


def test_a_bracket_ending_the_quote_over_the_source_s_first_word_gets_an_answer() -> None:
    # Found by the property above: the quote's last step, a marked edit, aligned from the source's first word, and
    # the search for where the quoted sentence ends asked for the gap before that word (an IndexError).
    source = Source("any", "Any source", "", "", Location("x"), text="Russia")
    result = check_quote("mobilisation ... mobilisation [ [T]he", sources=[source])
    assert result.status in {value.value for value in QuoteClass}
    assert result.summary.endswith(".")


# Marked edits that may change the meaning.

BUDGET = Source(
    id="budget-speech",
    title="Budget speech",
    publisher="Ministry of Finance",
    url="https://gov.example.org/budget",
    location=Location("content/citations.yaml", 30),
    text=(
        'The minister said: "We will not cut a single job this year, unless the budget fails. '
        'We will hire 300 nurses." She added that it may take time. Citizens should not travel '
        "to the border and those living near it should leave immediately.\n"
    ),
)


@pytest.mark.parametrize(
    "quote,carriers,status",
    [
        ("We will ... cut a single job this year", ["not"], "edit-may-change-meaning"),
        ("We will not cut a single job this year...", ["unless"], "edit-may-change-meaning"),
        ("... cut a single job this year", ["not"], "edit-may-change-meaning"),
        ("We will hire [more] nurses", ["300"], "edit-may-change-meaning"),
        ("[The government will] cut a single job", ["not"], "edit-may-change-meaning"),
        ("She added that it ... take time", ["may"], "edit-may-change-meaning"),
        ("We will not cut a single job this year ... We will hire 300 nurses", ["unless"], "edit-may-change-meaning"),
        ("We will [never] cut a single job this year", ["not", "never"], "edit-may-change-meaning"),
        ("We will [not] hire 300 nurses", ["not"], "edit-may-change-meaning"),
        ("We [won't] cut a single job this year", [], "verbatim-with-marked-edits"),
        ("We will hire 300 [new] nurses", [], "verbatim-with-marked-edits"),
        ("We will hire 300 nurses [in 2025]", [], "verbatim-with-marked-edits"),
        # Faithful edits: the hidden words carry none of it, or the bracket repeats them.
        ("[The government] will not cut a single job", [], "verbatim-with-marked-edits"),
        ("We will hire [300 new] nurses", [], "verbatim-with-marked-edits"),
        ("We will not cut a single job ... unless the budget fails", [], "verbatim-with-marked-edits"),
        ("... those living near it should leave immediately", [], "verbatim-with-marked-edits"),
    ],
)
def test_an_edit_hiding_a_negation_condition_quantity_or_hedge_may_change_the_meaning(
    quote: str, carriers: list[str], status: str
) -> None:
    result = check_quote(quote, sources=[BUDGET])
    assert result.status == status
    best = result.details.best
    assert [word for edit in best.meaning_edits for word in edit.carriers] == carriers
    if carriers:
        assert all(word in result.summary for word in carriers)
        assert result.summary.startswith("Edit may change the meaning:")


def test_an_ellipsis_hiding_not_is_never_verbatim_with_marked_edits() -> None:
    result = check_quote("We will ... cut a single job this year", sources=[BUDGET])
    (edit,) = result.details.best.meaning_edits
    assert (edit.kind, edit.written, edit.hidden, edit.carries) == ("omission", "...", "not", ("a negation",))
    assert result.status != "verbatim-with-marked-edits"


def test_meaning_class_ranks_between_faithful_edits_and_altered() -> None:
    assert QuoteClass.MINOR.rank < QuoteClass.MEANING.rank < QuoteClass.ALTERED.rank


def test_an_altered_quote_still_names_the_edit_that_may_change_the_meaning() -> None:
    result = check_quote("We will ... cut a single nurse this year", sources=[BUDGET])
    assert result.status == "altered"
    assert "may also change the meaning" in result.summary and "\u201cnot\u201d" in result.summary


EXCERPT = Source(
    id="hearing-excerpt",
    title="Hearing, excerpts",
    publisher="Parliament",
    url="https://parliament.example.org/hearing",
    location=Location("content/citations.yaml", 40),
    text=(
        "We have met every target for the new clinics.\n\n[...]\n\n"
        "The waiting lists will be cleared by spring.\n\n\u2026\n\nNobody expected that.\n"
    ),
)


def test_passages_across_an_excerpts_gap_marker_are_in_separate_passages_of_the_excerpt() -> None:
    result = check_quote(
        "We have met every target for the new clinics. The waiting lists will be cleared by spring.",
        sources=[EXCERPT],
    )
    assert result.status == "spliced"
    (joint,) = result.details.best.joints
    assert joint.distance == "in separate passages of the excerpt"
    assert "paragraph" not in result.summary
    assert result.summary.startswith(
        "Spliced: joins words from two separate passages of the excerpt \u201cHearing, excerpts\u201d, without"
    )
    joined = [t.note for t in result.details.best.diff if t.operation == "joined"]
    assert joined == [
        "joined without an ellipsis: the source has the next words later, in a separate passage of the excerpt"
    ]


@pytest.mark.parametrize(
    "quote,reading,candidate",
    [
        ('"We will hire 300 nurses."', "We will hire 300 nurses.", "We will hire 300 nurses"),
        ("We will ... cut a single job", "We will ... cut a single job", "We will [\u2026] cut a single job"),
    ],
)
def test_the_basis_is_the_quote_as_read_and_the_passage_it_was_compared_with(
    quote: str, reading: str, candidate: str
) -> None:
    basis = check_quote(quote, sources=[BUDGET]).basis
    assert (basis.reading, basis.source_id, basis.candidate) == (reading, "budget-speech", candidate)


def test_a_bracket_at_the_start_stands_for_the_speakers_words_not_the_reporting_words() -> None:
    source = Source(
        id="s",
        title="S",
        publisher="P",
        url="https://e.org/s",
        location=Location("c.yaml", 1),
        text='The minister did not hesitate: "We will cut a single job this year." Then she left.\n',
    )
    result = check_quote("[The government] will cut a single job this year", sources=[source])
    assert result.status == "verbatim-with-marked-edits"
    assert [(t.text, t.source_text) for t in result.details.best.diff if t.operation == "editorial"] == [
        ("[The government]", "We")
    ]


@pytest.mark.parametrize(
    "hidden,carriers",
    [
        ("COVID-19 and the G20", []),
        ("40,000 people in the 1990s", ["40,000", "1990s"]),
        ("it isn't sure", ["isn't"]),
        ("only if residents agree", ["only", "if"]),
        ("it might take a year", ["might"]),
    ],
)
def test_words_that_carry_meaning(hidden: str, carriers: list[str]) -> None:
    from factsite.checks.quotes.meaning import carriers as found

    assert [word for word, _ in found(hidden)] == carriers


BRIEFING = Source(
    id="briefing",
    title="Media briefing",
    publisher="County Health Department",
    url="https://health.example.gov/briefing",
    location=Location("content/citations.yaml", 50),
    text=(
        "If you are not vaccinated, and you have not had measles, you should assume you are at risk. "
        "We have paid every rupee to the contractors on time. We are not compromising on safety."
    ),
)


@pytest.mark.parametrize(
    "quote,status",
    [
        ('"All posts will be filled this year ... the calendar is out this month"', "edit-may-change-meaning"),
        ('"All posts will be filled this year ... but the calendar is out this month"', "edit-may-change-meaning"),
        ('"We will hire ... the nurses"', "verbatim-with-marked-edits"),
    ],
)
def test_a_hidden_clause_that_points_back_at_the_kept_words_carries_its_negation(quote: str, status: str) -> None:
    # "that is not possible" speaks of the clause before it; "we will not cut" is a clause of its own.
    source = Source(
        id="hearing",
        title="Hearing",
        publisher="Assembly",
        url="https://assembly.example.org/hearing",
        location=Location("content/citations.yaml", 50),
        text=(
            'She said: "All posts will be filled this year, that is not possible, but the calendar is out this '
            'month. We will hire, and we will not cut, the nurses."'
        ),
    )
    assert check_quote(quote, sources=[source]).status == status


@pytest.mark.parametrize(
    "quote,status",
    [
        # The whole sentence between the kept ones (with its "No") does not govern them.
        (
            '"We paid a record sum this season. ... Mills that do not pay on time will face recovery."',
            "verbatim-with-marked-edits",
        ),
        # A whole sentence opening with "That" is left out whole too: it is no clause of the kept sentence.
        (
            '"Mills that do not pay on time will face recovery. ... Seven mills have been served notice."',
            "verbatim-with-marked-edits",
        ),
        # Words left out of a kept sentence still count.
        ('"Mills that ... pay on time will face recovery."', "edit-may-change-meaning"),
    ],
)
def test_whole_sentences_left_out_between_kept_ones_do_not_count(quote: str, status: str) -> None:
    source = Source(
        id="conference",
        title="Press conference",
        publisher="Cane Department",
        url="https://cane.example.gov/conference",
        location=Location("content/citations.yaml", 50),
        text=(
            'The minister said: "We paid a record sum this season. No mill will be allowed to hold back dues, not '
            "even for a week. Mills that do not pay on time will face recovery. That is not a threat. Seven mills "
            'have been served notice."'
        ),
    )
    assert check_quote(quote, sources=[source]).status == status


def test_a_quote_may_start_after_the_conjunction_of_its_sentence() -> None:
    # As the Arabic quote may leave out the "and" glued to its first word (tests/languages/test_native_quotes.py).
    source = Source(
        id="conference",
        title="Press conference",
        publisher="Cane Department",
        url="https://cane.example.gov/conference",
        location=Location("content/citations.yaml", 50),
        text='The minister said: "Prices rose last year. And we will not raise them again this year."',
    )
    assert check_quote('"We will not raise them again this year."', sources=[source]).status == "verbatim"


def test_an_omission_inside_a_condition_that_hides_a_negation_may_change_the_meaning() -> None:
    result = check_quote("If you are not vaccinated ... you should assume you are at risk", sources=[BRIEFING])
    assert result.status == "edit-may-change-meaning"
    assert [word for edit in result.details.best.meaning_edits for word in edit.carriers] == ["not"]


@pytest.mark.parametrize(
    "quote,status",
    [
        ("[The association] has paid every rupee to the contractors on time", "verbatim-with-marked-edits"),
        ("[The association has] paid every rupee to the contractors on time", "verbatim-with-marked-edits"),
        ("[The association] is not compromising on safety", "verbatim-with-marked-edits"),
        # Only the verb right after the bracket, and only its agreement form.
        ("[The association] had paid every rupee to the contractors on time", "altered"),
        ("We has paid every rupee to the contractors on time", "altered"),
    ],
)
def test_a_verb_agreeing_with_a_bracketed_subject_is_part_of_the_marked_edit(quote: str, status: str) -> None:
    assert check_quote(quote, sources=[BRIEFING]).status == status


@pytest.mark.parametrize(
    "quote,status",
    [
        ("[N]o tenant in this state should have to live without heat", "verbatim-with-marked-edits"),
        ("No tenant [in the state] should have to live without heat", "verbatim-with-marked-edits"),
        ("[A] tenant in this state should have to live without heat", "edit-may-change-meaning"),
    ],
)
def test_a_bracket_inside_a_word_repeats_the_word(quote: str, status: str) -> None:
    source = Source(
        id="ag",
        title="Release",
        publisher="Attorney General",
        url="https://ag.example.gov/release",
        location=Location("content/citations.yaml", 60),
        text='"No tenant in this state should have to live without heat," the Attorney General said.',
    )
    assert check_quote(quote, sources=[source]).status == status


# Words added at the end of a quoted sentence: a word or two, even where the source has them elsewhere, are added,
# not a passage spliced in; a whole sentence from elsewhere is spliced.

WAITING_INTERVIEW = Source(
    id="interview",
    title="Interview",
    publisher="TV",
    url="https://tv.example.org/interview",
    location=Location("content/citations.yaml", 50),
    text=(
        "INTERVIEWER: And the waiting time?\n\n"
        "JANE DOE: The average wait today is fourteen months. We will cut the waiting to six months.\n\n[...]\n\n"
        "JANE DOE: Families with complete files only will be served first. Registration opens this year.\n"
    ),
)
WAITING_RELEASE = Source(
    id="release",
    title="Release",
    publisher="Bank",
    url="https://bank.example.org/release",
    location=Location("content/citations.yaml", 60),
    text=(
        'The manager said the average wait is fourteen months today. "We will cut the waiting to six months." '
        "She said paper files would be accepted only in the first week, and only from applicants over sixty.\n"
    ),
)


@pytest.mark.parametrize(
    ("quote", "source", "added"),
    [
        # The sentence is the last before the excerpt's "[...]": "only" is added, not a passage after the gap.
        ("We will cut the waiting to six months only.", WAITING_INTERVIEW, 1),
        ("We will cut the waiting to six months this year.", WAITING_INTERVIEW, 2),
        ("We will cut the waiting to six months, families first.", WAITING_INTERVIEW, 2),
        # The source has "only" in the next sentence: the quote adds it still, and changes no word of that sentence.
        ("We will cut the waiting to six months only.", WAITING_RELEASE, 1),
    ],
)
def test_a_word_or_two_added_to_a_sentence_are_added_not_spliced(quote: str, source: Source, added: int) -> None:
    result = check_quote(quote, sources=[source], speaker="Jane Doe")
    assert result.status == "altered", result.summary
    best = result.details.best
    assert (best.words_added, best.words_dropped, best.words_changed, best.joints) == (added, 0, 0, ())
    (passage,) = best.passages
    assert passage.text == "We will cut the waiting to six months"
    assert result.summary.endswith(f"{'one word' if added == 1 else 'two words'} added.")


def test_a_whole_sentence_from_across_an_excerpt_gap_is_spliced() -> None:
    quote = "We will cut the waiting to six months. Registration opens this year."
    result = check_quote(quote, sources=[WAITING_INTERVIEW], speaker="Jane Doe")
    assert result.status == "spliced", result.summary
    assert [passage.text for passage in result.details.best.passages] == [
        "We will cut the waiting to six months",
        "Registration opens this year",
    ]
    assert not result.details.best.altered
