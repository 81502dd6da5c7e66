"""The tree reads as the pipeline: each module belongs to one layer, imports only its own layer or lower
ones, and no modules import each other in a circle."""

import ast
from pathlib import Path

from replication.common import paths

PACKAGE = paths.ROOT / "replication"
# Lower first. A stage may import any layer below it; `common` imports only itself; no stage imports `pipeline`.
LAYERS = ["common", "sources", "wars", "concordance", "survival", "models", "archive", "pipeline"]


def module_name(path: Path) -> str:
    rel = path.relative_to(paths.ROOT).with_suffix("")
    parts = list(rel.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def runtime_nodes(tree):
    """Every node that can run: all of them but the bodies of `if TYPE_CHECKING:` (annotations only)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and isinstance(child.test, ast.Name) and child.test.id == "TYPE_CHECKING":
                stack.extend(child.orelse)
            else:
                stack.append(child)


def imports(name: str, path: Path) -> set[str]:
    """Every replication module `name` imports when it runs, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in runtime_nodes(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        found |= {t for t in targets if t in MODULES and t != name}
    return found


GRAPH = {name: imports(name, path) for name, path in MODULES.items()}


def layer(name: str) -> int | None:
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_module_sits_in_a_layer():
    outside = sorted(n for n in MODULES if layer(n) is None and n not in ("replication", "replication.__main__"))
    assert outside == []


def test_no_module_imports_a_layer_above_its_own():
    upward = sorted(f"{a} -> {b}" for a, targets in GRAPH.items() for b in targets
                    if layer(a) is not None and layer(b) is not None and layer(b) > layer(a))
    assert upward == []


def test_no_import_cycles():
    state, cycles = {}, []

    def visit(node, stack):
        state[node] = "open"
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == "open":
                cycles.append(" -> ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"

    for node in sorted(GRAPH):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_the_check_sees_imports():
    """The graph is not empty by mistake: known edges are found, relative and absolute."""
    assert "replication.common.errors" in GRAPH["replication.sources.appendix_table"]
    assert "replication.wars.schema" in GRAPH["replication.survival.analysis"]
    assert "replication.pipeline.registry" in GRAPH["replication.pipeline.cli"]


def test_the_solver_does_not_use_the_proposition_formulas():
    """models/solver.py solves the games from their primitives: it must not reach propositions.py, directly or
    through another module."""
    seen, stack = set(), ["replication.models.solver"]
    while stack:
        name = stack.pop()
        for dep in GRAPH[name]:
            if dep not in seen:
                seen.add(dep)
                stack.append(dep)
    assert "replication.models.propositions" not in seen and "replication.models" not in seen
