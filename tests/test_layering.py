"""The rooms of the code and what each may import: a module imports only from its own room or below.

    jiangmen_api (settings, URLs)  →  apps.explorer  →  apps.curation  →  domain apps  →  apps.sources  →  apps.core

Domain apps may import one another as long as no two import each other, directly or round a cycle.
docs/architecture.md describes each room.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

KERNEL, PROVENANCE, DOMAIN, CURATION, EXPLORER, PROJECT = range(6)
ROOMS = {
    "apps.core": KERNEL,
    "apps.sources": PROVENANCE,
    "apps.curation": CURATION,
    "apps.explorer": EXPLORER,
    "jiangmen_api": PROJECT,
}
DOMAIN_APPS = [name for name in settings.INSTALLED_APPS if name.startswith("apps.") and name not in ROOMS]
ROOT = Path(settings.BASE_DIR)


def room_of(module):
    """The room (its top package under apps/, or the project package) a dotted module name belongs to."""
    parts = module.split(".")
    package = ".".join(parts[:2]) if parts[0] == "apps" else parts[0]
    if package in ROOMS:
        return package, ROOMS[package]
    if package in DOMAIN_APPS:
        return package, DOMAIN
    return None, None


def imports_of(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno


def modules():
    for path in sorted([*ROOT.glob("apps/*/**/*.py"), *ROOT.glob("jiangmen_api/**/*.py")]):
        relative = path.relative_to(ROOT).with_suffix("")
        yield path, ".".join(relative.parts)


def imports_between_rooms():
    for path, module in modules():
        room, level = room_of(module)
        for imported, line in imports_of(path):
            other, other_level = room_of(imported)
            if other is not None and other != room:
                yield f"{path.relative_to(ROOT)}:{line}", room, level, other, other_level


def test_the_rooms_cover_every_installed_app():
    assert set(DOMAIN_APPS) >= {"apps.regions", "apps.zones", "apps.projects", "apps.indicators", "apps.events"}
    for path, module in modules():
        assert room_of(module)[0] is not None, path


def test_no_module_imports_from_a_room_above_its_own():
    upward = [
        f"{where}: {room} imports {other}"
        for where, room, level, other, other_level in imports_between_rooms()
        if other_level > level
    ]
    assert upward == []


def test_the_kernel_imports_no_other_room():
    assert [where for where, room, level, other, _ in imports_between_rooms() if level == KERNEL] == []


def test_no_two_domain_apps_import_each_other_even_round_a_cycle():
    graph = {app: set() for app in DOMAIN_APPS}
    for _, room, level, other, other_level in imports_between_rooms():
        if level == other_level == DOMAIN:
            graph[room].add(other)
    visiting, done = set(), set()

    def visit(app, path):
        if app in visiting:
            pytest.fail(f"domain apps import each other: {' → '.join([*path, app])}")
        if app in done:
            return
        visiting.add(app)
        for other in sorted(graph[app]):
            visit(other, [*path, app])
        visiting.discard(app)
        done.add(app)

    for app in sorted(graph):
        visit(app, [])


def test_the_check_sees_an_upward_import(tmp_path):
    """The rule is only as good as its reading of imports: a kernel module naming a domain app is caught."""
    module = tmp_path / "example.py"
    module.write_text("from apps.projects.models import Project\nimport apps.curation.loader\n")
    found = [room_of(name) for name, _ in imports_of(module)]
    assert found == [("apps.projects", DOMAIN), ("apps.curation", CURATION)]
    assert all(level > KERNEL for _, level in found)
