"""The package's shape stays readable: small modules, few of them at the top level."""

from __future__ import annotations

from pathlib import Path

import zi_workbook

PACKAGE = Path(zi_workbook.__file__).parent
MAX_LINES = 400
MAX_TOP_LEVEL = 16


def long_modules(root: Path) -> dict[str, int]:
    """Every .py under ``root`` (subpackages included) over MAX_LINES lines."""
    return {
        str(path.relative_to(root)): n
        for path in sorted(root.rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }


def top_level(root: Path) -> list[str]:
    return sorted(p.name for p in root.glob("*.py"))


def test_no_module_over_400_lines() -> None:
    assert long_modules(PACKAGE) == {}, f"split these modules (over {MAX_LINES} lines)"


def test_at_most_16_modules_at_the_top_level() -> None:
    assert len(top_level(PACKAGE)) <= MAX_TOP_LEVEL, "move some modules into subpackages"


def test_the_limits_see_a_long_module_and_a_crowded_folder(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "long.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    (tmp_path / "sub" / "short.py").write_text("x = 1\n" * MAX_LINES, encoding="utf-8")
    for i in range(MAX_TOP_LEVEL + 1):
        (tmp_path / f"m{i}.py").write_text("", encoding="utf-8")
    assert long_modules(tmp_path) == {str(Path("sub", "long.py")): MAX_LINES + 1}
    assert len(top_level(tmp_path)) == MAX_TOP_LEVEL + 1
