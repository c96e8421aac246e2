"""Regenerates the enum member lists in python/marrowkb/__init__.pyi from the installed `marrowkb`.

The members come from the Rust core at run time; the stub needs them spelled out for type checkers. Run
after the data changes (with the rebuilt package installed):

    python bindings/python/stubgen.py          # rewrite the stub
    python bindings/python/stubgen.py --check  # exit 1 if the stub is stale (run by the tests)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

STUB = Path(__file__).resolve().parent / "python" / "marrowkb" / "__init__.pyi"
BLOCK = re.compile(r"(?P<indent>[ ]*)# <generated members of (?P<name>\w+)>\n.*?(?P=indent)# </generated>\n", re.S)


def render(text: str) -> str:
    import marrowkb

    def members(match: re.Match[str]) -> str:
        indent, name = match["indent"], match["name"]
        lines = [f"{indent}# <generated members of {name}>\n"]
        lines += [f"{indent}{m.name} = {m.value}\n" for m in getattr(marrowkb, name)]
        lines.append(f"{indent}# </generated>\n")
        return "".join(lines)

    return BLOCK.sub(members, text)


def main(argv: list[str]) -> int:
    current = STUB.read_text(encoding="utf-8")
    wanted = render(current)
    if "--check" in argv:
        if current != wanted:
            print(f"{STUB} is stale: run python bindings/python/stubgen.py", file=sys.stderr)
            return 1
        return 0
    STUB.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
