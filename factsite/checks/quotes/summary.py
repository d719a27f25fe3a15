"""One readable sentence about a quote comparison, for the claim page and the build report."""

from __future__ import annotations

from collections.abc import Mapping

from factsite.checks.quotes.results import QuoteClass, QuoteComparison, QuoteMatch

EXCERPT_GAP = "in separate passages of the excerpt"
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def summarise(comparison: QuoteComparison, source_names: Mapping[str, str]) -> str:
    best = comparison.best
    if best is None:
        return "Not found: no cited source has text to compare with (add a snapshot or an excerpt)."
    name = f"\u201c{source_names.get(best.source_id, best.source_id)}\u201d"
    if best.classification is QuoteClass.NOT_FOUND:
        return _not_found(comparison, len(comparison.matches), name)
    if best.classification is QuoteClass.OTHER_SPEAKER:
        sentence = _other_speaker(best, name, comparison.speaker)
    else:
        sentence = _SENTENCES[best.classification](best, name)
    others = [
        f"in \u201c{source_names.get(match.source_id, match.source_id)}\u201d it is "
        f"{_AS_ADJECTIVES[match.classification]}"
        for match in comparison.matches[1:]
    ]
    if others:
        # Translations of one speech differ: say how the quote fares in each other source.
        sentence += f" {_and(others)[0].upper()}{_and(others)[1:]}."
    return sentence


def _verbatim(match: QuoteMatch, name: str) -> str:
    uncounted = [token for token in match.diff if token.operation == "minor" and not token.counts]
    aside = ""
    if uncounted:
        aside = " (US/UK spelling aside)" if all(t.note == "US/UK spelling" for t in uncounted) else " (spelling aside)"
    return f"Verbatim: the quote matches {name} word for word{aside}."


def _edited(match: QuoteMatch, name: str) -> str:
    marks = []
    if match.omissions:
        marks.append(f"{_count(match.omissions, 'omission')} marked by an ellipsis")
    if match.editorial_marks:
        marks.append(f"{_count(match.editorial_marks, 'editorial insertion')} in square brackets")
    return f"Verbatim with marked edits: the quote matches {name} apart from {_and(marks)}."


def _minor(match: QuoteMatch, name: str) -> str:
    differences = _count(match.minor_differences, "difference")
    return f"Minor differences: the words match {name}, with {differences} of spelling, punctuation or case."


def _meaning(match: QuoteMatch, name: str) -> str:
    minor = ""
    if match.minor_differences:
        minor = f" (with {_count(match.minor_differences, 'difference')} of spelling, punctuation or case)"
    return f"Edit may change the meaning: the kept words match {name}{minor}, but {_and(describe_edits(match))}."


def describe_edits(match: QuoteMatch) -> list[str]:
    """Each marked edit that hides words carrying meaning, in words: 'the ellipsis leaves out “not” (a
    negation)'."""
    described = []
    for edit in match.meaning_edits:
        words = ", ".join(f"\u201c{word}\u201d" for word in edit.carriers)
        what = _and(list(edit.carries))
        if edit.kind == "omission":
            described.append(f"the ellipsis leaves out {words} ({what})")
        elif edit.kind == "insertion":
            described.append(f"the bracketed \u201c{edit.written}\u201d adds {words} ({what})")
        else:
            described.append(f"the bracketed \u201c{edit.written}\u201d stands for {words} ({what})")
    return described


def _altered(match: QuoteMatch, name: str) -> str:
    return f"Altered: compared with {name}, {_alterations(match)}.{_also_meaning(match)}"


def _spliced(match: QuoteMatch, name: str) -> str:
    pieces = len(match.passages)
    apart = _and(list(dict.fromkeys(joint.distance for joint in match.joints))) or "far apart"
    how = "without an ellipsis"
    if any(joint.reverse for joint in match.joints):
        how = "in reverse order and without an ellipsis"
    if any(joint.ellipsis for joint in match.joints):
        how = "in reverse order, which an ellipsis cannot mark"
    count = _NUMBERS[pieces] if pieces < len(_NUMBERS) else pieces
    if apart == EXCERPT_GAP:
        # The excerpt does not say how much of the original lies between its passages.
        sentence = f"Spliced: joins words from {count} separate passages of the excerpt {name}, {how}."
    else:
        sentence = f"Spliced: joins {count} passages that stand {apart} in {name}, {how}."
    sentence += _speakers(match)
    if match.altered:
        sentence += f" The wording is also altered: {_alterations(match)}."
    return sentence + _also_meaning(match)


def _other_speaker(match: QuoteMatch, name: str, speaker: str) -> str:
    # The transcript gives the words to someone else: whatever their wording, they are not shown to be the
    # quoted speaker's.
    wording = _AS_ADJECTIVES[match.wording or QuoteClass.VERBATIM]
    return (
        f"Other speaker: in {name} the quote is in the turn of \u201c{match.speaker}\u201d, not of {speaker}; "
        f"there it is {wording}."
    )


def _speakers(match: QuoteMatch) -> str:
    """The speakers a spliced quote joins, when its passages are in turns of different speakers."""
    crossed = [joint.speakers for joint in match.joints if joint.speakers]
    if not crossed:
        return ""
    labels = list(dict.fromkeys(f"\u201c{label}\u201d" for pair in crossed for label in pair))
    return f" The passages are in the turns of different speakers: {_and(labels)}."


def _also_meaning(match: QuoteMatch) -> str:
    edits = describe_edits(match)
    return f" A marked edit may also change the meaning: {_and(edits)}." if edits else ""


def _not_found(comparison: QuoteComparison, sources: int, name: str) -> str:
    # Not found in the text the desk has is not a finding that the words were never said: the source
    # text may be an excerpt, a translation or another occasion.
    where = name if sources == 1 else f"any of the {_count(sources, 'cited source')}"
    sentence = f"Not found in the cited sources: no passage of {where} matches the quote"
    if comparison.nearest:
        share = round(100 * comparison.nearest[0].coverage)
        sentence += f"; the nearest passage, shown for reference only, has {share}% of the quote's words"
    return sentence + ". This does not show that the words were never said."


def _alterations(match: QuoteMatch) -> str:
    parts = []
    if match.words_added:
        parts.append(f"{_count(match.words_added, 'word')} added")
    if match.words_dropped:
        parts.append(f"{_count(match.words_dropped, 'word')} dropped")
    if match.words_changed:
        parts.append(f"{_count(match.words_changed, 'word')} changed")
    return _and(parts)


def _count(number: int, noun: str) -> str:
    words = _NUMBERS[number] if number < len(_NUMBERS) else str(number)
    return f"{words} {noun}{'' if number == 1 else 's'}"


def _and(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


_AS_ADJECTIVES = {
    QuoteClass.VERBATIM: "verbatim",
    QuoteClass.EDITED: "verbatim with marked edits",
    QuoteClass.MINOR: "verbatim but for minor differences",
    QuoteClass.MEANING: "edited in a way that may change the meaning",
    QuoteClass.ALTERED: "altered",
    QuoteClass.OTHER_SPEAKER: "in another speaker's turn",
    QuoteClass.SPLICED: "spliced",
    QuoteClass.NOT_FOUND: "not found",
}
_SENTENCES = {
    QuoteClass.VERBATIM: _verbatim,
    QuoteClass.EDITED: _edited,
    QuoteClass.MINOR: _minor,
    QuoteClass.MEANING: _meaning,
    QuoteClass.ALTERED: _altered,
    QuoteClass.SPLICED: _spliced,
}
