"""Property tests of the loader: any input gives a result or located problems, never an exception.

Content is untrusted, so the loader meets text no editor would write; hypothesis writes it. Each
reader is fed text built from the characters its syntax turns on, mixed with arbitrary Unicode.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factsite.load.anchor import find_marks
from factsite.load.articles import load_article
from factsite.load.fields import CLAIM_FIELDS, SOURCE_FIELDS, read_mapping
from factsite.load.yaml_nodes import ContentYamlError, compose_yaml
from factsite.model import Location, Problem

EXAMPLES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

YAML_PIECES = st.sampled_from(
    ["\n", "  ", "- ", ": ", "key", "kind", "quote", "'", '"', "&a ", "*a", "!!str ", "!x ", "[",
     "]", "{", "}", ",", "#", "|", "> ", "? ", "---\n", "...\n", "\t", "%YAML 1.1\n", "\\x07",
     "\\ud800", "2024-03-05", "~", "null", "<<: ", "\ufeff", "\x85", "\u2028"]
)  # fmt: skip
MARKDOWN_PIECES = st.sampled_from(
    ["[", "]", "{", "}", "{#", "#", "claim-id", "other", ":", " ", "\n", "\n\n", "`", "```\n",
     "~~~\n", "\\", "(", ")", "](https://x.org)", "<a href='x'>", "</a>", "words", "*", "    ",
     "!["]
)  # fmt: skip


def yaml_texts() -> st.SearchStrategy[str]:
    return st.lists(st.one_of(YAML_PIECES, st.text(max_size=4)), max_size=40).map("".join)


def markdown_texts() -> st.SearchStrategy[str]:
    return st.lists(st.one_of(MARKDOWN_PIECES, st.text(max_size=4)), max_size=60).map("".join)


def plain_data() -> st.SearchStrategy[object]:
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
                        st.dates().map(str))  # fmt: skip
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(
                st.one_of(
                    st.sampled_from(["kind", "verdict", "sources", "value", "url"]),
                    st.text(max_size=8),
                ),
                inner,
                max_size=4,
            ),
        ),
        max_leaves=12,
    )


def assert_located(problem: Problem, path: str, lines: int) -> None:
    assert problem.location.path == path
    assert 0 <= problem.location.line <= lines + 1, problem
    assert problem.location.column >= 0
    assert problem.message


@EXAMPLES
@given(yaml_texts())
def test_compose_yaml_returns_nodes_or_a_located_error(text: str) -> None:
    try:
        document = compose_yaml(text, "f.yaml")
    except ContentYamlError as problem:
        assert problem.location.path == "f.yaml"
        assert 1 <= problem.location.line <= text.count("\n") + 2, (
            problem.location,
            problem.message,
        )
        assert problem.location.column >= 1
    else:
        assert document.path == "f.yaml"


@EXAMPLES
@given(plain_data())
def test_read_mapping_reads_any_yaml_value_with_located_problems(data: object) -> None:
    text = yaml.safe_dump({"claim": data}, allow_unicode=True)
    try:
        document = compose_yaml(text, "f.yaml")
    except ContentYamlError as problem:
        # Control characters in the data: refused, with their place.
        assert problem.location.line >= 1 and "control character" in problem.message
        return
    assert document.root is not None
    node = document.root.value[0][1]
    for fields in (CLAIM_FIELDS, SOURCE_FIELDS):
        problems: list[Problem] = []
        values = read_mapping(document, node, fields, "claim 'x'", problems)
        assert values is not None or problems
        for problem in problems:
            assert_located(problem, "f.yaml", text.count("\n"))


@EXAMPLES
@given(markdown_texts())
def test_find_marks_returns_spans_of_the_text_or_located_problems(body: str) -> None:
    spans, problems = find_marks(body, "f.md", 10)
    for span in spans:
        assert body[span.inner_start : span.inner_end] == span.markdown
        assert body[span.start] == "[" and body[span.end - 1] == "}"
        assert span.location.line >= 10
    assert [span.number for span in spans] == list(range(1, len(spans) + 1))
    for problem in problems:
        assert_located(problem, "f.md", body.count("\n") + 10)


ARTICLE_HEAD = "---\ntitle: T\nurl: https://x.org/a\noutlet: O\npublished: 2024-01-02\nreviewed: 2024-01-03\n"


@EXAMPLES
@given(
    front=yaml_texts(),
    body=markdown_texts(),
    citations=st.one_of(yaml_texts(), plain_data().map(lambda d: yaml.safe_dump(d, allow_unicode=True))),
    raw=st.binary(max_size=64),
)
def test_load_article_never_raises(front: str, body: str, citations: str, raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        articles = root / "content" / "articles"
        articles.mkdir(parents=True)
        (root / "content" / "sources").mkdir()
        markdown, citations_path = articles / "a.md", articles / "a.yaml"
        markdown.write_text(ARTICLE_HEAD + front + "\n---\n" + body, "utf-8")
        citations_path.write_bytes(citations.encode("utf-8") + raw[:8] if raw[:1] == b"\xff" else
                                   citations.encode("utf-8"))  # fmt: skip
        loaded = load_article(markdown, citations_path, root / "content", root)
    assert loaded.article is not None or loaded.problems
    for problem in loaded.problems:
        assert problem.location.path in ("content/articles/a.md", "content/articles/a.yaml")
        assert isinstance(problem.location, Location) and problem.message


@EXAMPLES
@given(raw=st.binary(max_size=200))
def test_load_article_reads_any_bytes(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        articles = root / "content" / "articles"
        articles.mkdir(parents=True)
        markdown, citations = articles / "a.md", articles / "a.yaml"
        markdown.write_bytes(b"---\n" + raw + b"\n---\n" + raw)
        citations.write_bytes(raw)
        loaded = load_article(markdown, citations, root / "content", root)
    assert loaded.article is not None or loaded.problems
