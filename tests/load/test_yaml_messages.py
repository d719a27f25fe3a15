"""YAML mistakes explained: each message names the line where the mistake is and says what to change.

The parser notices most mistakes a line or more later, or at the end of the file; the table holds the exact
message for each common mistake, made in the test article's citations or front matter.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factsite.load.yaml_nodes import ContentYamlError, compose_yaml
from tests.load.article_fixture import ARTICLE, CITATIONS
from tests.load.test_validation import problems_for

# Two corrections before the claims; the cases move the second one's list item.
CORRECTIONS = (
    "corrections:\n  - date: 2024-03-11\n    change: Added.\n    reason: A reader.\n"
    "  - date: 2024-03-12\n    change: Fixed.\n    reason: Typo.\nclaims:"
)

MISTAKES = [
    pytest.param(
        ARTICLE,
        CITATIONS.replace("    speaker: The minister", "      speaker: The minister"),
        [
            (
                "content/articles/jobs.yaml:12:7",
                "'speaker:' is indented 6 spaces, more than 'kind:' on the line before (4), so it reads as "
                "part of that line's value",
                "indent 'speaker:' by 4 spaces, like 'kind:' on line 11",
            ),
        ],
        id="key-too-far",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("    speaker: The minister", "   speaker: The minister"),
        [
            (
                "content/articles/jobs.yaml:12:4",
                "'speaker:' is indented 3 spaces, less than 'kind:' on the line before (4)",
                "indent 'speaker:' by 4 spaces, like 'kind:' on line 11",
            ),
        ],
        id="key-too-little",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("    speaker: The minister", "  speaker: The minister"),
        [
            (
                "content/articles/jobs.yaml:12:3",
                "'speaker:' is indented 2 spaces, less than 'kind:' above it and 'verdict:' below it (4)",
                "indent 'speaker:' by 4 spaces, like 'kind:' on line 11",
            ),
        ],
        id="key-at-the-parent-level",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("    kind: quote", "      kind: quote"),
        [
            (
                "content/articles/jobs.yaml:11:7",
                "'kind:' is indented 6 spaces, more than 'speaker:' after it (4)",
                "indent the keys under 'jobs-quote:' (line 10) by the same number of spaces, e.g. 'kind:' by 4 spaces",
            ),
        ],
        id="first-key-too-far",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("    speaker: The minister", "\tspeaker: The minister"),
        [
            (
                "content/articles/jobs.yaml:12:1",
                "a tab character indents this line; YAML indentation must use spaces",
                "replace the tab with spaces",
            ),
        ],
        id="tab",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("title: Jobs report", 'title: "Jobs report'),
        [
            (
                "content/articles/jobs.yaml:3:12",
                "the value of 'title:' opens a quote (\") that is never closed",
                'end the value with ", or remove the opening "; to write " inside the value, quote it with \' instead',
            ),
        ],
        id="unclosed-double-quote",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("title: Jobs report", "title: 'Jobs report"),
        [
            (
                "content/articles/jobs.yaml:3:12",
                "the value of 'title:' opens a quote (') that is never closed",
                "end the value with ', or remove the opening '; to write ' inside the value, write it twice ('')",
            ),
        ],
        id="unclosed-single-quote",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("sources: [ministry-release]\n  on-tuesday", 'sources: ["ministry-release]\n  on-tuesday'),
        [
            (
                "content/articles/jobs.yaml:14:15",
                'this quote (") is never closed',
                'end the quoted text with ", or remove the opening "',
            ),
        ],
        id="unclosed-quote-in-a-list",
    ),
    pytest.param(
        ARTICLE.replace("outlet: Example News", 'outlet: "Example News'),
        CITATIONS,
        [
            (
                "content/articles/jobs.md:4:9",
                "the value of 'outlet:' opens a quote (\") that is never closed",
                'end the value with ", or remove the opening "; to write " inside the value, quote it with \' instead',
            ),
        ],
        id="unclosed-quote-in-front-matter",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("speaker: The minister", "speaker The minister"),
        [
            (
                "content/articles/jobs.yaml:12:12",
                "'speaker The minister' has no ':' between its key and its value",
                "write 'speaker: The minister'",
            ),
        ],
        id="missing-colon",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("  on-tuesday:", "  on-tuesday"),
        [
            (
                "content/articles/jobs.yaml:15:13",
                "'on-tuesday' has no ':' after it",
                "write 'on-tuesday:'",
            ),
        ],
        id="missing-colon-after-an-id",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("speaker: The minister", "speaker:The minister"),
        [
            (
                "content/articles/jobs.yaml:12:12",
                "'speaker:The minister' has no space after its ':'",
                "write 'speaker: The minister'",
            ),
        ],
        id="no-space-after-colon",
    ),
    pytest.param(
        ARTICLE.replace("reviewer: Test desk", "reviewer Test desk"),
        CITATIONS,
        [
            (
                "content/articles/jobs.md:7:9",
                "'reviewer Test desk' has no ':' between its key and its value",
                "write 'reviewer: Test desk'",
            ),
        ],
        id="missing-colon-in-front-matter",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("claims:", CORRECTIONS.replace("  - date: 2024-03-12", "   - date: 2024-03-12")),
        [
            (
                "content/articles/jobs.yaml:13:4",
                "the list item '- date:' is indented 3 spaces, but the item before it (line 10) is indented 2 spaces",
                "indent it by 2 spaces, like the item on line 10",
            ),
        ],
        id="list-item-too-far",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("claims:", CORRECTIONS.replace("  - date: 2024-03-12", "    - date: 2024-03-12")),
        [
            (
                "content/articles/jobs.yaml:13:5",
                "the list item '- date:' is indented 4 spaces, but the item before it (line 10) is indented 2 spaces",
                "indent it by 2 spaces, like the item on line 10",
            ),
        ],
        id="list-item-at-the-key-level",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace(
            "sources: [ministry-release]\n  on-tuesday",
            "sources:\n      - ministry-release\n     - ministry-release\n  on-tuesday",
        ),
        [
            (
                "content/articles/jobs.yaml:16:6",
                "the list item '- ministry-release' is indented 5 spaces, but the item before it (line 15) is "
                "indented 6 spaces",
                "indent it by 6 spaces, like the item on line 15",
            ),
        ],
        id="list-item-too-little",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS + "  jobs-quote:\n    kind: quote\n  typo-teh:\n    kind: typo\n",
        [
            (
                "content/articles/jobs.yaml:28:3",
                "duplicate key 'jobs-quote' (first defined at line 10)",
                "give each entry its own key, or merge the two entries",
            ),
            (
                "content/articles/jobs.yaml:30:3",
                "duplicate key 'typo-teh' (first defined at line 25)",
                "give each entry its own key, or merge the two entries",
            ),
        ],
        id="duplicate-key",
    ),
    pytest.param(
        ARTICLE,
        CITATIONS.replace("title: Jobs report", "title: Jobs: a report"),
        [
            (
                "content/articles/jobs.yaml:3:12",
                "the value of 'title:' holds ': ', which YAML reads as the start of another key",
                'quote the value: title: "Jobs: a report"',
            ),
        ],
        id="colon-in-a-value",
    ),
]


@pytest.mark.parametrize(("article", "citations", "expected"), MISTAKES)
def test_a_yaml_mistake_is_explained_where_it_is(
    tmp_path: Path, article: str, citations: str, expected: list[tuple[str, str, str]]
) -> None:
    reported = problems_for(tmp_path, article, citations)
    assert reported == [f"{where}: error: {message}\n    hint: {hint}" for where, message, hint in expected]


def test_front_matter_lines_are_counted_in_the_file(tmp_path: Path) -> None:
    # The front matter's YAML starts on the file's second line; the hint's line number is the file's too.
    article = ARTICLE.replace("reviewer: Test desk", "  reviewer: Test desk")
    assert problems_for(tmp_path, article) == [
        "content/articles/jobs.md:7:3: error: 'reviewer:' is indented 2 spaces, more than 'reviewed:' on the line"
        " before (0), so it reads as part of that line's value\n    hint: start 'reviewer:' at the beginning of the"
        " line, like 'reviewed:' on line 6"
    ]


def test_the_unchanged_corrections_are_valid(tmp_path: Path) -> None:
    # The list-item cases fail because of the one line they move, not because of the rest.
    assert problems_for(tmp_path, citations=CITATIONS.replace("claims:", CORRECTIONS)) == []


@pytest.mark.parametrize(
    "text",
    [
        "note: |\n  a: b\n     indented: freely\n",
        "title: 'It''s fine'\n",
        'title: "a \\" quote"\n',
        "items:\n- a\n- b\n",
        "note: >\n  folded\n  text\n",
        'title: "a title\n  over two lines"\n',
    ],
    ids=[
        "block-text",
        "doubled-single-quote",
        "escaped-double-quote",
        "list-at-key-level",
        "folded-text",
        "quoted-over-two-lines",
    ],
)
def test_valid_yaml_is_not_taken_for_the_mistake(text: str) -> None:
    compose_yaml(text, "f.yaml")
    # With a real mistake after it, the message names the mistake, not the valid lines before it.
    lines = text.count("\n")
    with pytest.raises(ContentYamlError) as raised:
        compose_yaml(text + "reviewer Test desk\nsummary: x\n", "f.yaml")
    assert (raised.value.location.line, raised.value.message) == (
        lines + 1,
        "'reviewer Test desk' has no ':' between its key and its value",
    )


SMALL_MISTAKES = [
    pytest.param(
        "claims:\n  - a\n  b: c\n",
        "f.yaml:3:3: 'b:' stands among the items of the list under 'claims:' (line 2), where every line starts with"
        " '- ' (hint: start 'b:' at the beginning of the line if it belongs beside 'claims:', or start it with '- '"
        " if it begins another item)",
        id="key-among-list-items",
    ),
    pytest.param(
        "title: a\n- b\n",
        "f.yaml:2:1: the list item '- b' stands among keys such as 'title:' (line 1) (hint: put the list under a key"
        " of its own, e.g. sources:, with its items indented below it)",
        id="list-item-among-keys",
    ),
    pytest.param(
        "note: |\n  text\n summary: x\n",
        "f.yaml:3:2: 'summary:' is indented 1 space, more than 'note:' on line 1 (0) (hint: start 'summary:' at the"
        " beginning of the line, like 'note:' on line 1)",
        id="key-after-a-block-of-text",
    ),
    pytest.param(
        'title: "Jobs" report\n',
        "f.yaml:1:8: the value of 'title:' goes on after its closing quote (\") (hint: quote the whole value: title:"
        " '\"Jobs\" report')",
        id="text-after-the-closing-quote",
    ),
    pytest.param(
        "reviewer: @desk\n",
        "f.yaml:1:11: the value of 'reviewer:' starts with @, which YAML reserves (hint: quote the value: reviewer:"
        ' "@desk")',
        id="reserved-first-character",
    ),
    pytest.param(
        "sources: [ministry-release, other\nnote: x\n",
        "f.yaml:1:10: the list opened with [ in the value of 'sources:' is never closed (hint: end it with ]:"
        " sources: [ministry-release, other])",
        id="unclosed-bracket",
    ),
    pytest.param(
        'title: "C:\\Users"\n',
        "f.yaml:1:11: '\\U' is not a valid escape in double-quoted text (hint: write \\\\ for a backslash,"
        " or quote the value with ' instead, where a backslash is itself)",
        id="backslash-in-a-windows-path",
    ),
    pytest.param(
        'title: "a \\q"\n',
        "f.yaml:1:11: '\\q' is not a valid escape in double-quoted text (hint: write \\\\ for a backslash,"
        " or quote the value with ' instead, where a backslash is itself)",
        id="unknown-escape",
    ),
    pytest.param(
        "title: a\n---\ntitle: b\n",
        "f.yaml:2:1: YAML syntax error: expected a single document in the stream: but found another document (hint:"
        " a content file holds one YAML document: remove the '---' line, or the part after it)",
        id="two-documents",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SMALL_MISTAKES)
def test_more_mistakes_are_explained(text: str, expected: str) -> None:
    with pytest.raises(ContentYamlError) as raised:
        compose_yaml(text, "f.yaml")
    assert f"{raised.value.location}: {raised.value.message} (hint: {raised.value.hint})" == expected


def test_a_mistake_nothing_explains_keeps_the_parser_message() -> None:
    with pytest.raises(ContentYamlError) as raised:
        compose_yaml("a: }|\n", "f.yaml")
    assert raised.value.message.startswith("YAML syntax error: ")
