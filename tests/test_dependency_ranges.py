"""The declared dependency ranges are the tested ones: constraints/lowest.txt pins each runtime dependency at the
lower end of its range in pyproject.toml (scripts/test runs the suite there too), and every range has an upper end."""

from __future__ import annotations

import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import REPOSITORY


def runtime_requirements() -> dict[str, Requirement]:
    project = tomllib.loads((REPOSITORY / "pyproject.toml").read_text("utf-8"))["project"]
    return {canonicalize_name(r.name): r for r in map(Requirement, project["dependencies"])}


def lowest_pins() -> dict[str, Version]:
    pins = {}
    for line in (REPOSITORY / "constraints" / "lowest.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[canonicalize_name(name.strip())] = Version(version.strip())
    return pins


def test_the_lowest_constraints_pin_every_runtime_dependency_at_its_lower_bound() -> None:
    lower_bounds = {
        name: Version(spec.version)
        for name, requirement in runtime_requirements().items()
        for spec in requirement.specifier
        if spec.operator == ">="
    }
    assert set(lower_bounds) == set(runtime_requirements()), "every runtime dependency has a lower bound"
    assert lowest_pins() == lower_bounds


def test_every_runtime_dependency_has_an_upper_bound() -> None:
    for name, requirement in runtime_requirements().items():
        assert any(spec.operator == "<" for spec in requirement.specifier), f"{name} has no upper bound"
    assert not runtime_requirements()["mkdocs"].specifier.contains("2.0"), "MkDocs 2 has another plugin API"
