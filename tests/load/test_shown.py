"""Problems never print characters that change how a terminal or a CI log shows them."""

from __future__ import annotations

from factsite.commands.cli import github_annotation
from factsite.model import Location, Problem, Severity, shown

NAME = "content/articles/jobs\u202etxt.md"


def test_controls_and_direction_marks_are_shown_as_escapes() -> None:
    assert shown("a\u202eb\u2066c\x1b[31md\ne\tf") == "a\\u202eb\\u2066c\\u001b[31md\\u000ae\tf"


def test_a_problem_shows_its_file_and_message_escaped() -> None:
    problem = Problem(Severity.ERROR, Location(NAME, 1, 2), "'jobs\u202etxt' is not valid", "rename\u2028it")
    assert str(problem) == (
        "content/articles/jobs\\u202etxt.md:1:2: error: 'jobs\\u202etxt' is not valid\n    hint: rename\\u2028it"
    )


def test_a_github_annotation_keeps_the_file_exact_and_escapes_the_text() -> None:
    problem = Problem(Severity.WARNING, Location(NAME, 3, 4), "'jobs\u202etxt' is odd")
    assert github_annotation(problem) == (f"::warning file={NAME},line=3,col=4,title=factsite::'jobs\\u202etxt' is odd")
