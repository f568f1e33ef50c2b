"""The house's rules that imports can break: the reading and the verification rules stay plain Python, and the
product never imports the tools (which may read tests/data)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "commitments"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_the_reading_and_the_verification_rules_import_no_django():
    plain = [
        *(ROOT / "reading").glob("*.py"),
        *(p for p in (ROOT / "verification").glob("*.py") if p.stem != "workflow"),
    ]
    offenders = {p.name for p in plain if any(n.split(".")[0] == "django" for n in _imports(p))}
    assert not offenders


def test_nothing_in_the_product_imports_the_tools():
    product = [p for p in ROOT.rglob("*.py") if "tools" not in p.parts and "commands" not in p.parts]
    offenders = {
        str(p.relative_to(ROOT)) for p in product if any(n.startswith("commitments.tools") for n in _imports(p))
    }
    assert not offenders
