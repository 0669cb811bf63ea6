"""The package's layers stay as the README draws them: each imports only the layers beneath
it, git runs in one module, nothing edits Python's import path, and the MkDocs hook and the
macros mkdocs.yml names are the package's."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "policy_guide"
#: Each layer, and the layers it may import (beside itself).
MAY_IMPORT = {
    "tools": set(),
    "domain": {"tools"},
    "site": {"domain", "tools"},
    "publishing": {"site", "domain", "tools"},
    "importing": {"domain", "tools"},
}


def imported_layers(path: Path) -> set[str]:
    """The package's layers a module imports, however it writes the import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    relative_to = path.relative_to(PACKAGE).parts[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = relative_to[:len(relative_to) - (node.level - 1)]
                parts = [*base, *(node.module.split(".") if node.module else [])]
            else:
                parts = (node.module or "").split(".")
                if parts[0] != "policy_guide":
                    continue
                parts = parts[1:]
            if parts:
                found.add(parts[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "policy_guide" and len(parts) > 1:
                    found.add(parts[1])
    return found


def test_every_part_of_the_package_is_a_layer():
    folders = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    assert folders == set(MAY_IMPORT), "add the new folder to MAY_IMPORT and to the README"


@pytest.mark.parametrize("layer", MAY_IMPORT)
def test_each_layer_imports_only_the_layers_beneath_it(layer):
    wrong = {}
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        beyond = imported_layers(path) & set(MAY_IMPORT) - MAY_IMPORT[layer] - {layer}
        if beyond:
            wrong[path.relative_to(ROOT).as_posix()] = sorted(beyond)
    assert not wrong, f"these modules import layers above their own: {wrong}"


def python_files() -> list[Path]:
    return [path for folder in ("policy_guide", "tests", "scripts")
            for path in (ROOT / folder).rglob("*.py")]


def test_nothing_edits_the_import_path():
    edits = [path.relative_to(ROOT).as_posix() for path in python_files()
             if re.search(r"sys\.path\.(insert|append)", path.read_text(encoding="utf-8"))
             and path != Path(__file__)]
    assert edits == []


def test_git_runs_in_one_module():
    runs = [path.relative_to(ROOT).as_posix() for path in PACKAGE.rglob("*.py")
            if re.search(r"""\[\s*["']git["']""", path.read_text(encoding="utf-8"))]
    assert runs == ["policy_guide/tools/git.py"]


def test_mkdocs_yml_names_the_packages_hook_and_macros():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = re.findall(r"^  - (\S+\.py)", config.split("\nhooks:\n", 1)[1], re.M)
    assert hooks and all(hook.startswith("policy_guide/site/") for hook in hooks)
    assert all((ROOT / hook).is_file() for hook in hooks)
    assert "modules: [policy_guide.site.macros]" in config
