"""Regenerates the generated parts of python/marrowkb/__init__.pyi.

- The enum member lists come from the installed `marrowkb` (the Rust core at run time); the stub needs them
  spelled out for type checkers.
- The `Literal[...]` types of the closed vocabularies' keys come from crates/marrowkb/data/vocabularies.toml
  (each vocabulary with a `python` alias), the file the core's and the C library's enums are generated from.

Run after the data changes (with the rebuilt package installed):

    python bindings/python/stubgen.py          # rewrite the stub
    python bindings/python/stubgen.py --check  # exit 1 if the stub is stale (run by the tests)
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
STUB = HERE / "python" / "marrowkb" / "__init__.pyi"
VOCABULARIES = HERE.parent.parent / "crates" / "marrowkb" / "data" / "vocabularies.toml"
BLOCK = re.compile(r"(?P<indent>[ ]*)# <generated members of (?P<name>\w+)>\n.*?(?P=indent)# </generated>\n", re.S)
LITERALS = re.compile(r"# <generated vocabularies>\n.*?# </generated>\n", re.S)
LINE_LENGTH = 120


def literal(alias: str, keys: list[str]) -> str:
    """`_Name = Literal[...]` on one line, or wrapped the way black wraps it."""
    quoted = [f'"{key}"' for key in keys]
    one_line = f"{alias} = Literal[{', '.join(quoted)}]"
    if len(one_line) <= LINE_LENGTH:
        return one_line + "\n"
    inner = "    " + ", ".join(quoted)
    if len(inner) <= LINE_LENGTH:
        return f"{alias} = Literal[\n{inner}\n]\n"
    return f"{alias} = Literal[\n" + "".join(f"    {q},\n" for q in quoted) + "]\n"


def literals() -> str:
    with open(VOCABULARIES, "rb") as f:
        vocabularies = tomllib.load(f)["vocabulary"]
    lines = ["# <generated vocabularies>\n"]
    for vocabulary in vocabularies:
        if "python" in vocabulary:
            lines.append(literal(vocabulary["python"], [value["key"] for value in vocabulary["value"]]))
    lines.append("# </generated>\n")
    return "".join(lines)


def render(text: str) -> str:
    import marrowkb

    def members(match: re.Match[str]) -> str:
        indent, name = match["indent"], match["name"]
        lines = [f"{indent}# <generated members of {name}>\n"]
        lines += [f"{indent}{m.name} = {m.value}\n" for m in getattr(marrowkb, name)]
        lines.append(f"{indent}# </generated>\n")
        return "".join(lines)

    text = BLOCK.sub(members, text)
    if not LITERALS.search(text):
        raise SystemExit(f"{STUB} has no '# <generated vocabularies>' block")
    return LITERALS.sub(lambda _: literals(), text)


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
