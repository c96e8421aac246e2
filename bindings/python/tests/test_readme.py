"""The READMEs' Python examples (this package's and the repository's) run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[1]
READMES = [HERE / "README.md", HERE.parents[1] / "README.md"]
BLOCKS = [
    (readme, block)
    for readme in READMES
    for block in re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
]


def test_readmes_have_python_examples() -> None:
    assert sum(1 for readme, _ in BLOCKS if readme == READMES[0]) >= 5
    assert sum(1 for readme, _ in BLOCKS if readme == READMES[1]) >= 1


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_readme_block_runs(index: int, capsys: pytest.CaptureFixture[str]) -> None:
    readme, block = BLOCKS[index]
    code = compile(block, f"{readme} python block {index + 1}", "exec")
    exec(code, {"__name__": f"readme_block_{index + 1}"})  # noqa: S102 - the README is ours
    capsys.readouterr()
