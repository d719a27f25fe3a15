"""The date check: resolve the dates an article states, absolute or relative to its publication.

`find_dates` lists every date expression in a text ("on Tuesday", "last week", "September 21",
"21/9", "two weeks ago", "in 2021"...) with the day or range it means, `resolve_date` resolves one
expression, and `check_date` compares the date a claim mark states with the claim's value and with
the dates in its sources.

Month and weekday names and the order of numeric dates come from Babel for the locale; the relative
phrases are English. The grammar is our own because the libraries do not follow newsroom usage
(dateparser reads a bare "Tuesday" as this week's, cannot return two readings and takes "May" the
verb for a month). Its conventions count from the publication date (a source's relative dates from
the source's publication date); "before publication" means strictly before the publication day.

1. A bare weekday ("on Tuesday", "Wednesday's address") is past: the most recent such day before
   publication, one to seven days earlier (an article published on a Tuesday would say "today", so
   its "on Tuesday" is a week earlier). After a future marker in the same sentence ("will", "is due
   to", "plans to"...), or the present of a schedule right before it ("opens on Friday"), it is
   the first such day after publication.
2. "last <weekday>" is the most recent such day before publication. When that day falls in the
   publication's own Monday-Sunday week the phrase is ambiguous (published Thursday, "last
   Wednesday" is yesterday or eight days ago): the most recent day is the reading, the day a week
   earlier an alternative. "this past <weekday>" is always the most recent one.
3. "next <weekday>" mirrors rule 2 forwards; "this coming <weekday>" is always the first one after
   publication; "this <weekday>" is that day of the publication's week. "this coming weekend" is
   the first weekend after publication; "this coming week/month/year" the next one.
4. Weeks run Monday to Sunday (ISO 8601): "last week" is the week before the publication's, "this
   week" the publication's, "earlier this week" its Monday to the day before publication. "last
   weekend" is the most recent Saturday-Sunday before publication; "next weekend" is read like
   "next <weekday>".
5. Months and years are calendar ones: "last month" is the previous calendar month, "earlier this
   month" the first of the month to the day before publication. "the past week/month/year" are the
   7, 30 or 365 days before publication. "early", "mid" and "late" take thirds: days 1-10, 11-20
   and 21 to the end of a month; January-April, May-August and September-December of a year.
6. "N days/weeks/months/years ago" is the exact day N units before publication ("two weeks ago"
   published Wednesday 28 September 2022 is Wednesday 14 September), give or take half the unit:
   days are exact, weeks +-3 days, months +-15, years +-182 (a month or year back keeps the day of
   the month where it can). A date within the tolerance is "within-range", the exact day a
   "match". "in N weeks' time" and "N weeks from now" mirror them forwards.
7. A date without a year ("September 21", "21/9") takes the year that fits the tense. After a
   future marker ("will", "would", "is due to"...) or a forward preposition (rule 10) it is the
   first such date not before publication. When the nearest verb is plainly past ("had", "was",
   "were", "did") it is the last one not after publication ("December 30" published 3 January
   2023 is 30 December 2022). Otherwise it is the nearer of the two: the past one ("September
   21" published 28 September), or the coming one when that is nearer ("the vote on October 3"
   published 28 September 2022 is 3 October 2022), the past one then an alternative. A month alone ("in
   May") works alike; "last May" is the most recent May before the publication's month, "next
   May" the first one after it.
8. Numeric dates follow the locale's order (Babel's short date pattern: month first for "en" and
   "en_US", day first for "en_GB"); when the other order also makes a date, it is an alternative.
   Two-digit years are 20xx.
9. In prose a date must look like one. Weekday and month names are capitalised. A month needs a
   day, a year, a preposition ("in May") or a modifier ("last May", "early May"), so "may refuse"
   and a headline's "Russia May Refuse" are not months. A year, or a numeric date without a year,
   needs a preposition ("in 2021", "on 21/9"; not "2021 people", "rose by 3/4", "3/4 of voters"), a
   year must not be followed by a counted noun ("in 2000 deaths"), and "24/7" is never a date.
   Names holding a weekday are not dates: "Sunday Times", "The Mail on Sunday", "Good Friday",
   "Sheffield Wednesday", "USA Today".
10. "by", "until", "till" and "from ... on(wards)" look forward: a bare weekday or a date without
   a year after them is the first one not before publication ("the road will be finished by June
   15" published 1 July 2023 is 15 June 2024), unless the nearest verb is plainly past: then both years are
   readings ("was extended until June 15" may be either). "since" looks back.
   The tense is read from the sentence around a claim mark (see scan._tense_around).

A claim's result is "not-found" (could not tell) when it cites sources and none of their dates
agrees: a source's other dates may be about something else, so they are never a "mismatch".
"""

from factsite.checks.dates.compare import check_date
from factsite.checks.dates.grammar import date_grammar as _grammar  # noqa: F401
from factsite.checks.dates.resolve import resolve_date
from factsite.checks.dates.results import (
    DateComparison,
    DateResolution,
    FoundDate,
    SourceDate,
    format_day,
    format_span,
)
from factsite.checks.dates.scan import _matches as _matches
from factsite.checks.dates.scan import find_dates

__all__ = [
    "DateComparison",
    "DateResolution",
    "FoundDate",
    "SourceDate",
    "check_date",
    "find_dates",
    "format_day",
    "format_span",
    "resolve_date",
]
# Also importable from here, for the tests that compare the scan around anchors with a scan of the
# whole text: `_grammar` (grammar.date_grammar) and `_matches` (scan._matches).
