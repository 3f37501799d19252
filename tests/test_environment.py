"""environment.yml (conda users) must list the same packages as pyproject.toml (pip users)."""

from __future__ import annotations

import re
import tomllib

import yaml

from conftest import ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!\[ ;]", requirement.strip(), maxsplit=1)[0].lower()


def test_environment_yml_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = {_name(r) for r in conda + pip if not r.startswith("-e")} - {"python", "pip"}
    assert wanted - listed == set(), "in pyproject.toml but not environment.yml"
    assert listed - wanted == set(), "in environment.yml but not pyproject.toml"
    assert "-e ." in pip, "environment.yml must install the project itself (editable)"
