"""Tests for the date check: resolving expressions, scanning prose, checking date claims."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factsite.checks.dates import (
    DateComparison,
    _grammar,
    _matches,
    check_date,
    find_dates,
    format_span,
    resolve_date,
)
from factsite.model import Location, Source

D = dt.date
WEDNESDAY = D(2022, 9, 28)  # the seed article's publication date
THURSDAY = D(2022, 9, 29)
MONDAY = D(2022, 9, 26)
SUNDAY = D(2022, 10, 2)
NEW_YEAR = D(2023, 1, 3)  # a Tuesday
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# (expression, published, start, end, granularity, starts of the alternative readings)
RESOLVED = [
    # The seed article's four dates.
    ("on Tuesday", WEDNESDAY, D(2022, 9, 27), None, "day", ()),
    ("last week", WEDNESDAY, D(2022, 9, 19), D(2022, 9, 25), "week", ()),
    ("last Wednesday", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    ("On September 21", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    # A bare weekday: the most recent one before publication, never the publication day.
    ("on Monday", WEDNESDAY, D(2022, 9, 26), None, "day", ()),
    ("on Wednesday", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    ("on Thursday", WEDNESDAY, D(2022, 9, 22), None, "day", ()),
    ("Sunday", WEDNESDAY, D(2022, 9, 25), None, "day", ()),
    ("on Sunday", SUNDAY, D(2022, 9, 25), None, "day", ()),
    ("on Saturday", SUNDAY, D(2022, 10, 1), None, "day", ()),
    ("ON FRIDAY", WEDNESDAY, D(2022, 9, 23), None, "day", ()),
    # "last <weekday>": ambiguous only when the most recent one is in the publication's week.
    ("last Wednesday", THURSDAY, D(2022, 9, 28), None, "day", (D(2022, 9, 21),)),
    ("last Tuesday", WEDNESDAY, D(2022, 9, 27), None, "day", (D(2022, 9, 20),)),
    ("last Monday", WEDNESDAY, D(2022, 9, 26), None, "day", (D(2022, 9, 19),)),
    ("last Friday", WEDNESDAY, D(2022, 9, 23), None, "day", ()),
    ("last Monday", MONDAY, D(2022, 9, 19), None, "day", ()),
    ("last Sunday", SUNDAY, D(2022, 9, 25), None, "day", ()),
    ("this past Tuesday", WEDNESDAY, D(2022, 9, 27), None, "day", ()),
    # Forwards.
    ("next Tuesday", WEDNESDAY, D(2022, 10, 4), None, "day", ()),
    ("next Friday", WEDNESDAY, D(2022, 9, 30), None, "day", (D(2022, 10, 7),)),
    ("next Wednesday", WEDNESDAY, D(2022, 10, 5), None, "day", ()),
    ("this coming Friday", WEDNESDAY, D(2022, 9, 30), None, "day", ()),
    ("this Monday", WEDNESDAY, D(2022, 9, 26), None, "day", ()),
    ("this Friday", WEDNESDAY, D(2022, 9, 30), None, "day", ()),
    # Days named relative to publication.
    ("yesterday", WEDNESDAY, D(2022, 9, 27), None, "day", ()),
    ("today", WEDNESDAY, WEDNESDAY, None, "day", ()),
    ("tomorrow", WEDNESDAY, THURSDAY, None, "day", ()),
    ("the day before yesterday", WEDNESDAY, MONDAY, None, "day", ()),
    ("last night", WEDNESDAY, D(2022, 9, 27), None, "day", ()),
    ("this morning", WEDNESDAY, WEDNESDAY, None, "day", ()),
    ("Yesterday", NEW_YEAR, D(2023, 1, 2), None, "day", ()),
    # Weeks, weekends, months and years.
    ("this week", WEDNESDAY, MONDAY, SUNDAY, "week", ()),
    ("earlier this week", WEDNESDAY, MONDAY, D(2022, 9, 27), "week", ()),
    ("later this week", WEDNESDAY, THURSDAY, SUNDAY, "week", ()),
    ("next week", WEDNESDAY, D(2022, 10, 3), D(2022, 10, 9), "week", ()),
    ("last week", NEW_YEAR, D(2022, 12, 26), D(2023, 1, 1), "week", ()),
    ("the past week", WEDNESDAY, D(2022, 9, 21), D(2022, 9, 27), "week", ()),
    ("last weekend", WEDNESDAY, D(2022, 9, 24), D(2022, 9, 25), "week", ()),
    ("last weekend", SUNDAY, D(2022, 9, 24), D(2022, 9, 25), "week", ()),
    ("next weekend", WEDNESDAY, D(2022, 10, 1), SUNDAY, "week", (D(2022, 10, 8),)),
    ("this coming weekend", WEDNESDAY, D(2022, 10, 1), SUNDAY, "week", ()),
    ("this coming weekend", D(2022, 10, 1), D(2022, 10, 8), D(2022, 10, 9), "week", ()),
    ("this coming week", WEDNESDAY, D(2022, 10, 3), D(2022, 10, 9), "week", ()),
    ("last month", WEDNESDAY, D(2022, 8, 1), D(2022, 8, 31), "month", ()),
    ("last month", NEW_YEAR, D(2022, 12, 1), D(2022, 12, 31), "month", ()),
    ("this month", WEDNESDAY, D(2022, 9, 1), D(2022, 9, 30), "month", ()),
    ("earlier this month", WEDNESDAY, D(2022, 9, 1), D(2022, 9, 27), "month", ()),
    ("next month", WEDNESDAY, D(2022, 10, 1), D(2022, 10, 31), "month", ()),
    ("last year", WEDNESDAY, D(2021, 1, 1), D(2021, 12, 31), "year", ()),
    ("earlier this year", WEDNESDAY, D(2022, 1, 1), D(2022, 9, 27), "year", ()),
    # Counted back and forth.
    ("three days ago", WEDNESDAY, D(2022, 9, 25), None, "day", ()),
    ("10 days ago", WEDNESDAY, D(2022, 9, 18), None, "day", ()),
    ("twenty-one days ago", WEDNESDAY, D(2022, 9, 7), None, "day", ()),
    # Weeks, months and years ago: the exact day, give or take half the unit (rule 6).
    ("a week ago", WEDNESDAY, D(2022, 9, 18), D(2022, 9, 24), "week", ()),
    ("two weeks ago", WEDNESDAY, D(2022, 9, 11), D(2022, 9, 17), "week", ()),
    ("two weeks ago", MONDAY, D(2022, 9, 9), D(2022, 9, 15), "week", ()),
    ("two weeks ago", SUNDAY, D(2022, 9, 15), D(2022, 9, 21), "week", ()),
    ("a couple of weeks ago", WEDNESDAY, D(2022, 9, 11), D(2022, 9, 17), "week", ()),
    ("a fortnight ago", WEDNESDAY, D(2022, 9, 11), D(2022, 9, 17), "week", ()),
    ("three fortnights ago", WEDNESDAY, D(2022, 8, 14), D(2022, 8, 20), "week", ()),
    ("two months ago", WEDNESDAY, D(2022, 7, 13), D(2022, 8, 12), "month", ()),
    ("a month ago", D(2022, 3, 31), D(2022, 2, 13), D(2022, 3, 15), "month", ()),
    ("a year ago", WEDNESDAY, D(2021, 3, 30), D(2022, 3, 29), "year", ()),
    ("in two weeks' time", WEDNESDAY, D(2022, 10, 9), D(2022, 10, 15), "week", ()),
    ("in a fortnight's time", WEDNESDAY, D(2022, 10, 9), D(2022, 10, 15), "week", ()),
    ("three days from now", WEDNESDAY, D(2022, 10, 1), None, "day", ()),
    # Named dates; the year inferred when missing.
    ("on 21 September", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    ("Sept. 21", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    ("Sep 21", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    ("September 21st", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    ("the 21st of September", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    ("September 21, 2022", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    ("21 September 2021", WEDNESDAY, D(2021, 9, 21), None, "day", ()),
    ("Tuesday, September 27, 2022", WEDNESDAY, D(2022, 9, 27), None, "day", ()),
    ("Tuesday 27 September", WEDNESDAY, D(2022, 9, 27), None, "day", ()),
    ("September 19-25", WEDNESDAY, D(2022, 9, 19), D(2022, 9, 25), "day", ()),
    ("19\u201325 September 2022", WEDNESDAY, D(2022, 9, 19), D(2022, 9, 25), "day", ()),
    ("December 30", NEW_YEAR, D(2022, 12, 30), None, "day", ()),
    ("January 2", NEW_YEAR, D(2023, 1, 2), None, "day", ()),
    ("October 3", WEDNESDAY, D(2022, 10, 3), None, "day", (D(2021, 10, 3),)),
    ("September 28", WEDNESDAY, WEDNESDAY, None, "day", ()),
    ("February 29", D(2023, 3, 1), D(2024, 2, 29), None, "day", (D(2020, 2, 29),)),
    # Numeric dates: the locale's order ("en" puts the month first), the other as alternative.
    ("21/9", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    ("on 21/9", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    ("9/21", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    ("5/9", WEDNESDAY, D(2022, 5, 9), None, "day", (D(2022, 9, 5),)),
    ("21/9/2022", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    ("21/09/22", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    ("21.09.2022", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    ("2022-09-21", WEDNESDAY, D(2022, 9, 21), None, "day", ()),
    # Months and years.
    ("September 2022", WEDNESDAY, D(2022, 9, 1), D(2022, 9, 30), "month", ()),
    ("in Sept. 2021", WEDNESDAY, D(2021, 9, 1), D(2021, 9, 30), "month", ()),
    ("in May", WEDNESDAY, D(2022, 5, 1), D(2022, 5, 31), "month", ()),
    ("in September", WEDNESDAY, D(2022, 9, 1), D(2022, 9, 30), "month", ()),
    ("in October", WEDNESDAY, D(2022, 10, 1), D(2022, 10, 31), "month", (D(2021, 10, 1),)),
    ("in December", NEW_YEAR, D(2022, 12, 1), D(2022, 12, 31), "month", ()),
    ("last September", WEDNESDAY, D(2021, 9, 1), D(2021, 9, 30), "month", ()),
    ("last May", WEDNESDAY, D(2022, 5, 1), D(2022, 5, 31), "month", ()),
    ("next May", WEDNESDAY, D(2023, 5, 1), D(2023, 5, 31), "month", ()),
    ("mid-September", WEDNESDAY, D(2022, 9, 11), D(2022, 9, 20), "month", ()),
    ("in late August", WEDNESDAY, D(2022, 8, 21), D(2022, 8, 31), "month", ()),
    ("in 2021", WEDNESDAY, D(2021, 1, 1), D(2021, 12, 31), "year", ()),
    ("early 2021", WEDNESDAY, D(2021, 1, 1), D(2021, 4, 30), "year", ()),
]


@pytest.mark.parametrize(
    ("expression", "published", "start", "end", "granularity", "alternatives"),
    RESOLVED,
    ids=[f"{case[0]}@{case[1]}" for case in RESOLVED],
)
def test_resolve_date(
    expression: str,
    published: dt.date,
    start: dt.date,
    end: dt.date | None,
    granularity: str,
    alternatives: tuple[dt.date, ...],
) -> None:
    resolution = resolve_date(expression, published)
    assert resolution is not None
    assert (resolution.start, resolution.end) == (start, end or start)
    assert resolution.granularity == granularity
    assert tuple(alternative.start for alternative in resolution.alternatives) == alternatives
    assert resolution.expression == expression
    assert resolution.rule


ON_WEDNESDAY = "publication (Wednesday 28 September 2022)"
RULES = [
    ("on Tuesday", WEDNESDAY, f"the most recent Tuesday before {ON_WEDNESDAY}"),
    ("last week", WEDNESDAY, f"the Monday-Sunday week before the one of {ON_WEDNESDAY}"),
    ("yesterday", WEDNESDAY, f"the day before {ON_WEDNESDAY}"),
    (
        "December 30",
        NEW_YEAR,
        "30 December in the nearest year not after publication (Tuesday 3 January 2023)",
    ),
    (
        "5/9",
        WEDNESDAY,
        f"a numeric date read month first in the nearest year not after {ON_WEDNESDAY}",
    ),
    (
        "mid-September",
        WEDNESDAY,
        f"days 11-20 of September in the nearest year not after {ON_WEDNESDAY}",
    ),
]


@pytest.mark.parametrize(("expression", "published", "rule"), RULES, ids=[case[0] for case in RULES])
def test_resolution_rule_explains_the_reading(expression: str, published: dt.date, rule: str) -> None:
    resolution = resolve_date(expression, published)
    assert resolution is not None
    assert resolution.rule == rule


@pytest.mark.parametrize(
    ("expression", "locale", "start", "alternative"),
    [
        ("5/9", "en_GB", D(2022, 9, 5), D(2022, 5, 9)),
        ("5/9", "en_US", D(2022, 5, 9), D(2022, 9, 5)),
        ("13/9", "en_US", D(2022, 9, 13), None),
        ("5/5", "en_GB", D(2022, 5, 5), None),
        ("on 5/9", "en_SG", D(2022, 9, 5), D(2022, 5, 9)),
    ],
    ids=["day-first", "month-first", "one-order-valid", "same-both-ways", "singapore"],
)
def test_numeric_dates_follow_the_locale(
    expression: str, locale: str, start: dt.date, alternative: dt.date | None
) -> None:
    resolution = resolve_date(expression, WEDNESDAY, locale=locale)
    assert resolution is not None
    assert resolution.start == start
    assert [reading.start for reading in resolution.alternatives] == ([alternative] if alternative else [])


@pytest.mark.parametrize(
    ("expression", "start"),
    [
        ("on Friday", D(2022, 9, 30)),
        ("on Wednesday", D(2022, 10, 5)),
        ("September 21", D(2023, 9, 21)),
    ],
    ids=["weekday", "same-weekday", "date-without-year"],
)
def test_future_tense_resolves_forwards(expression: str, start: dt.date) -> None:
    resolution = resolve_date(expression, WEDNESDAY, tense="future")
    assert resolution is not None
    assert resolution.start == start
    assert resolution.alternatives == ()


@pytest.mark.parametrize(
    "expression",
    ["recently", "Sunday Times", "the Embassy", "maybe", "February 30", "31/31", "2022-13-01",
     "in a statement", "3,00,000", "", "September 25-19"],
)  # fmt: skip
def test_resolve_date_refuses_non_dates(expression: str) -> None:
    assert resolve_date(expression, WEDNESDAY) is None


def test_weekday_that_contradicts_the_date_is_noted() -> None:
    resolution = resolve_date("Monday, September 27", WEDNESDAY)
    assert resolution is not None
    assert resolution.start == D(2022, 9, 27)
    assert resolution.notes == ("Tuesday 27 September 2022 is not a Monday.",)


# --- find_dates on prose --------------------------------------------------------------------------


# The seed article as published (IBTimes SG, Wednesday 28 September 2022), scraping leftovers too.
SEED_ARTICLE = "\n".join(
    (
        "Americans In Russia Could Be Forced To FIGHT Against UKRAINE; US Asks Its Citizens "
        "To Leave PUTIN'S Country IMMEDIATELY",
        "",
        "Americans in Russia could be forced to fight against Ukraine, according to th Biden "
        "administration. In the wake of the development, the US has asked its citizens to "
        "leave Russia immediately.",
        "",
        "The US Embassy in Russia has alerted its citizens that Moscow could force them into "
        "military service because of dual citizenship. There are also a possibility that "
        "Moscow could not acknowledge dual nationals' American citizenship, according to the "
        "Embassy.",
        "",
        "Russian conscripts",
        "Russian conscripts Twitter",
        "",
        "Russia Could Force Americans To Fight Against Ukraine",
        "",
        '"On September 21, the Russian government began a mobilization of its citizens to the'
        " armed forces in support of its invasion of Ukraine. Russia may refuse to "
        "acknowledge dual nationals' U.S. citizenship, deny their access to U.S. consular "
        "assistance, prevent their departure from Russia, and conscript dual nationals for "
        'military service," said the Embassy in a statement on Tuesday.',
        "",
        "It also asked American citizens to not travel to Russia and those residing or "
        "travelling in Russia should depart the country immediately while limited commercial "
        "travel options remain.",
        "",
        "Russia May Refuse To Acknowledge Dual Nationals' US Citizenship",
        "",
        "Reminding the US citizens that that the right to peaceful assembly and freedom of "
        "expression are not guaranteed in Russia, the embassy asked everyone to Avoid all "
        "political or social protests and do not photograph security personnel at these "
        'events. "Russian authorities have arrested U.S. citizens who have participated in '
        'demonstrations."',
        "",
        "Underlining that whomsoever wishes to depart, they should make independent "
        "arrangements as soon as possible, the Embassy said that it has severe limitations on"
        " its ability to assist US citizens, and conditions, including transportation "
        "options, may suddenly become even more limited.",
        "",
        "It came as Putin last week ordered a partial mobilization, under which 3,00,000 fighters will be mobilized.",
        "",
        "Accusing the West of nuclear blackmail, he threatened a nuclear response if Ukraine "
        'continues to try to reclaim territories that are set to hold "referenda" and which '
        "he considers historically part of Russia.",
        "",
        "\"I'm not bluffing. That's why I asked the ministry of defense to agree to partial "
        'mobilization," he said in his recent TV address to the nation that was delayed for '
        "hours.",
        "",
        "Under the partial mobilization, Russia's reservists would be conscripted, according "
        "to Putin, who also stated that he has signed a decree and conscription began last "
        "Wednesday.",
        "",
        "Read more",
    )
)


@pytest.mark.parametrize("locale", ["en", "en_SG"])  # en_SG: the article's own locale
def test_find_dates_lists_the_seed_articles_dates(locale: str) -> None:
    found = find_dates(SEED_ARTICLE, WEDNESDAY, locale=locale)
    assert [(date.text, date.resolution.start, date.resolution.end) for date in found] == [
        ("On September 21", D(2022, 9, 21), D(2022, 9, 21)),
        ("on Tuesday", D(2022, 9, 27), D(2022, 9, 27)),
        ("last week", D(2022, 9, 19), D(2022, 9, 25)),
        ("last Wednesday", D(2022, 9, 21), D(2022, 9, 21)),
    ]
    assert all(SEED_ARTICLE[date.start : date.end] == date.text for date in found)


PROSE = [
    ("Wednesday's address was delayed.", [("Wednesday", D(2022, 9, 21))]),
    ("The Sunday Times reported on Monday that", [("on Monday", MONDAY)]),
    ("He said on Tuesday, September 27, that", [("on Tuesday, September 27", D(2022, 9, 27))]),
    ("The talks will resume on Friday.", [("on Friday", D(2022, 9, 30))]),
    ("The talks resumed on Friday. They will end soon.", [("on Friday", D(2022, 9, 23))]),
    ("It is due to open on 3 October.", [("on 3 October", D(2022, 10, 3))]),
    (
        "In May 2021 and again last May",
        [("In May 2021", D(2021, 5, 1)), ("last May", D(2022, 5, 1))],
    ),
    (
        "Since 2019, prices rose by 3/4 in 2021 alone.",
        [("Since 2019", D(2019, 1, 1)), ("in 2021", D(2021, 1, 1))],
    ),
    ("It opened on 21/9 and closed on 24/7 duty.", [("on 21/9", D(2022, 9, 21))]),
    (
        "Two weeks ago the decree; earlier this month a vote.",
        [("Two weeks ago", D(2022, 9, 11)), ("earlier this month", D(2022, 9, 1))],
    ),
    ("RUSSIA MOBILISES ON WEDNESDAY", [("ON WEDNESDAY", D(2022, 9, 21))]),
    (
        "The decree (2022-09-21) took effect in mid-September.",
        [("2022-09-21", D(2022, 9, 21)), ("in mid-September", D(2022, 9, 11))],
    ),
    ("Turnout in Tuesday's vote was low.", [("Tuesday", D(2022, 9, 27))]),
    ("The Mail on Sunday said so on Sunday.", [("on Sunday", D(2022, 9, 25))]),
    ("The court will rule on October 3.", [("on October 3", D(2022, 10, 3))]),
    (
        "Attacks on\nTuesday night, Sept.\n21, 2022.",
        [("on\nTuesday", D(2022, 9, 27)), ("Sept.\n21, 2022", D(2022, 9, 21))],
    ),
    (
        "By the end of 2021, and since last year's vote",
        [("By the end of 2021", D(2021, 9, 1)), ("last year", D(2021, 1, 1))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PROSE, ids=[case[0][:32] for case in PROSE])
def test_find_dates_in_prose(text: str, expected: list[tuple[str, dt.date]]) -> None:
    found = find_dates(text, WEDNESDAY)
    assert [(date.text, date.resolution.start) for date in found] == expected


NON_DATES = [
    "Russia may refuse to acknowledge dual nationals.",
    "Russia May Refuse To Acknowledge Dual Nationals' US Citizenship",
    "Thousands march on the capital; they may March On Parliament.",
    "Theresa May said so.",
    "The Sunday Times and the Mail on Sunday Herald",
    "He resigned on Good Friday after Black Friday sales.",
    "Sheffield Wednesday won.",
    "USA Today and the BBC's Today programme.",
    "Three quarters, or 3/4 of voters, want a 24/7 service.",
    "The war resulted in 2000 deaths; 2021 people signed.",
    "3,00,000 fighters will be mobilized.",
    "Version 1.5.20 shipped at 10.30 with 12/5 odds.",
    "He went to Sunday school.",
    "The summit is in Moscow.",
]


@pytest.mark.parametrize("text", NON_DATES, ids=[text[:32] for text in NON_DATES])
def test_find_dates_ignores_non_dates(text: str) -> None:
    assert find_dates(text, WEDNESDAY) == ()


# --- check_date -----------------------------------------------------------------------------------


def _source(source_id: str, text: str, published: dt.date | None) -> Source:
    return Source(
        id=source_id,
        title=source_id,
        publisher="",
        url="https://example.org/",
        location=Location("sources.yaml"),
        published=published,
        text=text,
    )


EMBASSY = _source(
    "embassy-alert",
    "Event: On September 21, the Russian government began a mobilization of its citizens.",
    D(2022, 9, 27),
)
DECREE = _source(
    "decree-647",
    "1. Announce since September 21, 2022 in the Russian Federation partial mobilization.",
    D(2022, 9, 21),
)
UNDATED = _source("report", "Conscription began yesterday, on 21 September.", None)
NEXT_DAY = _source("next-day", "The embassy said yesterday that citizens should leave.", WEDNESDAY)

CHECKS = [
    ("in a statement on Tuesday", D(2022, 9, 27), [EMBASSY], "match"),
    ("Putin last week ordered", D(2022, 9, 21), [DECREE], "within-range"),
    ("conscription began last Wednesday", D(2022, 9, 21), [DECREE], "match"),
    ("On September 21", D(2022, 9, 21), [EMBASSY], "match"),
    ("on Tuesday", D(2022, 9, 20), [EMBASSY], "mismatch"),
    ("last week", (D(2022, 9, 19), D(2022, 9, 25)), [], "match"),
    ("last week", (D(2022, 9, 12), D(2022, 9, 25)), [], "within-range"),
    ("last week", (D(2022, 9, 22), D(2022, 9, 30)), [], "mismatch"),
    ("last week", [D(2022, 9, 25), D(2022, 9, 19)], [], "match"),
    ("last Tuesday", D(2022, 9, 20), [], "match"),
    ("last Tuesday", D(2022, 9, 13), [], "mismatch"),
    ("on Tuesday", None, [EMBASSY], "match"),
    ("last week", None, [DECREE], "within-range"),
    ("on Tuesday", None, [NEXT_DAY], "match"),
    ("last Wednesday", None, [UNDATED], "match"),
    ("on Monday", None, [EMBASSY], "not-found"),
    ("on Monday", None, [], "resolved"),
    ("in a statement", D(2022, 9, 27), [EMBASSY], "unresolved"),
    ("on tuesday", D(2022, 9, 27), [], "match"),
]


@pytest.mark.parametrize(
    ("marked_text", "value", "sources", "status"),
    CHECKS,
    ids=[f"{case[0]}={case[1]}-{case[3]}" for case in CHECKS],
)
def test_check_date_status(marked_text: str, value: object, sources: list[Source], status: str) -> None:
    result = check_date(marked_text, published=WEDNESDAY, value=value, sources=sources)  # type: ignore[arg-type]
    assert result.check == "date"
    assert result.status == status
    assert isinstance(result.details, DateComparison)
    assert result.summary.endswith(".")


def test_check_date_summary_and_details_for_the_seed_claim() -> None:
    result = check_date("in a statement on Tuesday", published=WEDNESDAY, value=D(2022, 9, 27), sources=[EMBASSY])
    assert result.summary == (
        "“on Tuesday” resolves to Tuesday 27 September 2022, the day before publication; matches"
        " the stated date; the cited source embassy-alert supports it (its publication date)."
    )
    details = result.details
    assert details.value_status == "match"
    assert [(date.source_id, date.text, date.resolution.start) for date in details.agreeing] == [
        ("embassy-alert", "", D(2022, 9, 27))
    ]
    assert [(date.text, date.resolution.start) for date in details.disagreeing] == [("On September 21", D(2022, 9, 21))]


def test_check_date_reads_a_week_as_a_range() -> None:
    result = check_date("Putin last week ordered", published=WEDNESDAY, value=D(2022, 9, 21), sources=[DECREE])
    assert result.summary == (
        "“last week” resolves to Monday 19 to Sunday 25 September 2022; the stated date, Wednesday"
        " 21 September 2022, falls within it; the cited source decree-647 supports it"
        " (“since September 21, 2022”)."
    )


def test_check_date_says_which_reading_of_an_ambiguous_expression_matches() -> None:
    result = check_date("last Tuesday", published=WEDNESDAY, value=D(2022, 9, 20), sources=[])
    assert result.summary == (
        "“last Tuesday” is ambiguous: Tuesday 27 September 2022 (the day before publication) or"
        " Tuesday 20 September 2022 (8 days before publication); matches the stated date under its"
        " second reading."
    )
    assert result.details.reading.start == D(2022, 9, 20)
    assert len(result.findings) == 1


def test_check_date_mismatch_names_the_stated_date() -> None:
    result = check_date("on Tuesday", published=WEDNESDAY, value=D(2022, 9, 20), sources=[])
    assert result.summary == (
        "“on Tuesday” resolves to Tuesday 27 September 2022, the day before publication; but the"
        " stated date is Tuesday 20 September 2022."
    )


def test_check_date_drops_relative_dates_of_an_undated_source() -> None:
    result = check_date("last Wednesday", published=WEDNESDAY, value=None, sources=[UNDATED])
    assert [date.text for date in result.details.source_dates] == ["on 21 September"]


def test_check_date_reports_further_dates_in_the_mark() -> None:
    result = check_date(
        "on Tuesday, a week after Putin's address on Wednesday",
        published=WEDNESDAY,
        value=D(2022, 9, 27),
        sources=[],
    )
    assert result.status == "match"
    assert [date.text for date in result.details.other_dates] == ["on Wednesday"]
    assert "“on Wednesday”" in result.findings[0]


def test_check_date_rejects_a_value_that_is_not_a_date() -> None:
    with pytest.raises(TypeError, match="pair of dates"):
        check_date("on Tuesday", published=WEDNESDAY, value="2022-09-27", sources=[])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (D(2022, 9, 27), D(2022, 9, 27), "Tuesday 27 September 2022"),
        (D(2022, 9, 19), D(2022, 9, 25), "Monday 19 to Sunday 25 September 2022"),
        (D(2022, 8, 29), D(2022, 9, 4), "Monday 29 August to Sunday 4 September 2022"),
        (D(2022, 12, 26), D(2023, 1, 1), "Monday 26 December 2022 to Sunday 1 January 2023"),
        (D(2022, 9, 1), D(2022, 9, 30), "September 2022"),
        (D(2021, 1, 1), D(2021, 12, 31), "2021"),
    ],
    ids=["day", "week", "across-months", "across-years", "month", "year"],
)
def test_format_span(start: dt.date, end: dt.date, text: str) -> None:
    assert format_span(start, end) == text


# --- Properties -----------------------------------------------------------------------------------

publication_dates = st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31))


@given(published=publication_dates, weekday=st.sampled_from(range(7)))
def test_bare_weekday_is_one_to_seven_days_before_publication(published: dt.date, weekday: int) -> None:
    resolution = resolve_date(f"on {WEEKDAYS[weekday]}", published)
    assert resolution is not None
    assert 1 <= (published - resolution.start).days <= 7
    assert resolution.start.weekday() == weekday
    assert resolution.start == resolution.end


@given(published=publication_dates, weekday=st.sampled_from(range(7)))
def test_last_weekday_readings_are_before_publication_and_a_week_apart(published: dt.date, weekday: int) -> None:
    resolution = resolve_date(f"last {WEEKDAYS[weekday]}", published)
    assert resolution is not None
    days = [reading.start for reading in resolution.readings]
    assert all(day < published and day.weekday() == weekday for day in days)
    assert [days[0] - day for day in days[1:]] in ([], [dt.timedelta(weeks=1)])


@given(published=publication_dates, day=st.dates(min_value=D(2000, 1, 1), max_value=D(2000, 12, 31)))
def test_date_without_year_is_the_nearest_with_the_past_one_among_its_readings(
    published: dt.date, day: dt.date
) -> None:
    resolution = resolve_date(f"{day.day} {day.strftime('%B')}", published)
    assert resolution is not None
    assert all((r.start.month, r.start.day) == (day.month, day.day) for r in resolution.readings)
    past = [r for r in resolution.readings if r.start <= published]
    assert len(past) == 1
    if day.month != 2 or day.day != 29:
        assert 0 <= (published - past[0].start).days < 366
        # The primary reading is the nearer one; a later one only when it is nearer.
        assert abs((resolution.start - published).days) <= (published - past[0].start).days


@given(published=publication_dates, count=st.integers(min_value=1, max_value=999))
def test_days_ago_counts_back_from_publication(published: dt.date, count: int) -> None:
    resolution = resolve_date(f"{count} days ago", published)
    assert resolution is not None
    assert resolution.start == published - dt.timedelta(days=count)


@given(published=publication_dates)
def test_found_dates_resolve_as_their_own_text(published: dt.date) -> None:
    for found in find_dates(SEED_ARTICLE, published):
        assert resolve_date(found.text, published) == found.resolution


# Words and separators that make dates, near-dates and traps when strung together at random.
PROSE_PIECES = (
    "on", "in", "last", "next", "this", "the", "of", "since", "by", "a", "two", "twenty-one",
    "weeks", "days", "ago", "week", "month", "year", "time", "from", "now", "yesterday", "today",
    "Tuesday", "Sunday", "Times", "Good", "Friday", "May", "may", "March", "September", "Sept.",
    "21", "21st", "3", "2022", "2000", "24/7", "21/9", "2022-09-21", "9.21.2022", "early", "mid-",
    "people", "will", "said", "statement", "mobilisation", "extraordinarily",
    " ", " ", " ", ", ", ". ", "\n", "'s", "-", "\u2013",
)  # fmt: skip


@given(pieces=st.lists(st.sampled_from(PROSE_PIECES), max_size=60))
def test_scanning_around_anchors_finds_what_a_full_scan_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    grammar = _grammar("en", scanning=True)
    full_scan = [match.span() for match in grammar.pattern.finditer(text)]
    assert [match.span() for match in _matches(text, grammar)] == full_scan


# Rule 6: "N weeks ago" is the day 7*N days before publication on every publication weekday, never
# a Monday-Sunday week that shifts with the weekday.
@given(published=publication_dates, count=st.integers(1, 9))
def test_weeks_ago_is_the_exact_day_give_or_take_three(published: dt.date, count: int) -> None:
    resolution = resolve_date(f"{count} weeks ago", published)
    assert resolution is not None
    assert resolution.point == published - dt.timedelta(weeks=count)
    assert (resolution.end - resolution.point).days == (resolution.point - resolution.start).days == 3
    assert resolution.iso == resolution.point.isoformat()


@pytest.mark.parametrize(
    ("stated", "status"),
    [
        (D(2022, 9, 14), "match"),  # exactly two weeks before Wednesday 28 September
        (D(2022, 9, 12), "within-range"),  # two days off: within the tolerance
        (D(2022, 9, 17), "within-range"),
        (D(2022, 9, 18), "mismatch"),  # four days off: nearer "a week and a half"
        (D(2022, 9, 10), "mismatch"),
    ],
)
def test_weeks_ago_compares_within_its_tolerance(stated: dt.date, status: str) -> None:
    result = check_date("two weeks ago", published=WEDNESDAY, value=stated, sources=[])
    assert result.status == status
    assert result.basis.reading == "2022-09-14"


# Rule 10 and rule 7 in context: (sentence, marked words, published, expected ISO reading).
IN_CONTEXT = [
    # A future event "by June 15" is never a past date.
    ("The ministry will finish the road by June 15.", "by June 15", D(2023, 7, 1), "2024-06-15"),
    ("The road must be finished by June 15.", "by June 15", D(2023, 5, 20), "2023-06-15"),
    ("The office is closed until Friday.", "until Friday", WEDNESDAY, "2022-09-30"),
    ("Trains run on the old timetable till October 3.", "till October 3", WEDNESDAY, "2022-10-03"),
    ("From Monday on, visitors need a pass.", "From Monday on", WEDNESDAY, "2022-10-03"),
    ("Prices have risen since March 4.", "since March 4", D(2023, 3, 2), "2022-03-04"),
    # Month-day without a year: the tense chooses the year.
    ("The vote was held on October 3.", "October 3", WEDNESDAY, "2021-10-03"),
    ("The vote will be held on October 3.", "October 3", WEDNESDAY, "2022-10-03"),
    ("By June 15, 300 people had died.", "By June 15", D(2023, 7, 1), "2023-06-15"),
    # "next" and "this coming" look forward.
    ("The council meets next Tuesday.", "next Tuesday", WEDNESDAY, "2022-10-04"),
    ("The council meets this coming Friday.", "this coming Friday", WEDNESDAY, "2022-09-30"),
]


@pytest.mark.parametrize(("sentence", "marked", "published", "iso"), IN_CONTEXT)
def test_the_sentence_gives_the_direction(sentence: str, marked: str, published: dt.date, iso: str) -> None:
    result = check_date(marked, published=published, value=None, sources=[], sentence=sentence)
    assert result.status == "resolved"
    assert result.basis.reading == iso


def test_a_past_verb_settles_the_year_without_alternative() -> None:
    [found] = find_dates("The vote was held on October 3.", WEDNESDAY)
    assert found.resolution.start == D(2021, 10, 3) and not found.resolution.alternatives
    [found] = find_dates("The vote on October 3 drew crowds.", WEDNESDAY)
    assert [r.start for r in found.resolution.readings] == [D(2022, 10, 3), D(2021, 10, 3)]


def test_a_source_without_the_date_is_not_found_never_a_mismatch() -> None:
    result = check_date("on Monday", published=WEDNESDAY, value=None, sources=[EMBASSY])
    assert result.status == "not-found" and not result.established
    assert (result.basis.reading, result.basis.source_id, result.basis.candidate) == ("2022-09-26", None, None)
    assert "not found in the cited sources (none of their dates bears on it)" in result.summary


def test_basis_names_the_source_date_compared_with() -> None:
    result = check_date("Putin last week ordered", published=WEDNESDAY, value=None, sources=[DECREE])
    assert result.status == "within-range"
    assert result.basis.reading == "2022-09-19/2022-09-25"
    assert (result.basis.source_id, result.basis.candidate) == ("decree-647", "2022-09-21")
    unresolved = check_date("in a statement", published=WEDNESDAY, value=None, sources=[EMBASSY])
    assert unresolved.basis.reading is None and unresolved.basis.reason


def test_a_mismatch_names_the_source_that_gives_the_stated_date() -> None:
    result = check_date("on Monday", published=WEDNESDAY, value=D(2022, 9, 21), sources=[EMBASSY])
    assert result.status == "mismatch"
    assert (result.basis.reading, result.basis.source_id, result.basis.candidate) == (
        "2022-09-26",
        "embassy-alert",
        "2022-09-21",
    )
    assert result.summary.endswith("the cited source embassy-alert gives the stated date (“On September 21”).")


def test_a_past_verb_before_a_forward_preposition_leaves_both_years_open() -> None:
    sentence = "The deadline was extended until June 15."
    result = check_date("until June 15", published=D(2023, 7, 1), value=None, sources=[], sentence=sentence)
    assert [r.start for r in result.details.resolution.readings] == [D(2023, 6, 15), D(2024, 6, 15)]
    result = check_date("until June 15", published=D(2023, 7, 1), value=D(2024, 6, 15), sources=[], sentence=sentence)
    assert result.status == "match"


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The ministry said on Tuesday that it will raise fares.", D(2022, 9, 27)),
        ("The minister said on Tuesday that he would resign on Friday.", D(2022, 9, 27)),
        ("On Friday the council will vote.", D(2022, 9, 30)),  # the date opens the sentence
        ("Prices rose. On Friday, the council will vote.", D(2022, 9, 30)),
    ],
)
def test_a_future_verb_after_the_date_counts_only_when_the_date_opens_the_sentence(text: str, start: dt.date) -> None:
    assert find_dates(text, WEDNESDAY)[0].resolution.start == start


def test_a_mark_is_never_read_as_part_of_a_longer_date_around_it() -> None:
    sentence = "The council met on Tuesday, September 20, to vote."
    result = check_date("on Tuesday", published=WEDNESDAY, value=None, sources=[], sentence=sentence)
    assert result.basis.reading == "2022-09-27"  # the mark's own words: the most recent Tuesday
    result = check_date("September", published=WEDNESDAY, value=None, sources=[], sentence="In September 2021 it fell.")
    assert result.basis.reading == "2022-09-01/2022-09-30"


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The exhibition opens on Friday.", D(2022, 9, 30)),
        ("Parliament meets on Tuesday to debate the bill.", D(2022, 10, 4)),
        ("The rule takes effect on October 1.", D(2022, 10, 1)),
        ("The exhibition opened on Friday.", D(2022, 9, 23)),  # the past of the same verb
        ("The man who opens the shop said on Friday that sales fell.", D(2022, 9, 23)),  # not the date's verb
    ],
)
def test_the_present_of_a_schedule_looks_ahead(text: str, start: dt.date) -> None:
    assert find_dates(text, WEDNESDAY)[0].resolution.start == start


@pytest.mark.parametrize(
    ("mark", "sentence", "text", "locale"),
    [
        (
            "last week",
            "NDRF teams were deployed last week.",
            "Water was released from the barrage on 10 August. NDRF teams have been deployed since 6 August.",
            "en_IN",
        ),
        (
            "गत सप्ताह",
            "एनडीआरएफ की टीमें गत सप्ताह ही तैनात कर दी गई थीं।",
            "कोसी बराज से 10 अगस्त को पानी छोड़ा गया। एनडीआरएफ की टीमें 6 अगस्त से तैनात हैं।",
            "hi_IN",
        ),
    ],
)
def test_of_several_agreeing_source_dates_the_one_of_the_same_event_is_given(
    mark: str, sentence: str, text: str, locale: str
) -> None:
    result = check_date(mark, published=dt.date(2025, 8, 13), value=None, locale=locale, sentence=sentence,
                        sources=[_source("bulletin", text, dt.date(2025, 8, 12))])  # fmt: skip
    assert (result.status, result.basis.candidate) == ("within-range", "2025-08-06"), result.summary


def test_the_main_reading_is_matched_before_its_alternative() -> None:
    # "last Thursday" published on Sunday 16 March is 13 March (6 March the alternative); a source giving both
    # days is matched on the 13th, whichever sentence shares more words.
    text = "The minister spoke on 6 March about jobs. The statistics department published its figures on 13 March."
    result = check_date("last Thursday", published=dt.date(2025, 3, 16), value=None, locale="en_GB",
                        sentence="The minister spoke about jobs last Thursday.",
                        sources=[_source("release", text, dt.date(2025, 3, 14))])  # fmt: skip
    assert (result.status, result.basis.reading, result.basis.candidate) == ("match", "2025-03-13", "2025-03-13")
