"""requirements.txt is compiled from requirements.in, with the hash of every file it may install.

    python scripts/requirements.py check   exit 1, naming each requirement in requirements.txt that has no hash
    python scripts/requirements.py adopt   move plain `name==x.y.z` pins found in requirements.txt into
                                           requirements.in (make requirements runs this, then recompiles)

A merge or a hand edit can leave plain pins in requirements.txt, as the file was written before it was compiled;
`adopt` carries them to requirements.in so that no pin is lost when pip-compile rewrites the file. pip-tools itself
has no check of this kind, so these few lines are ours. Standard library only: it runs before any install.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPILED = ROOT / "requirements.txt"
DIRECT = ROOT / "requirements.in"
NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)")
ADOPTED_NOTE = ("# Moved here from requirements.txt by `make requirements`: keep what this project imports (say why),\n"
                "# and delete what is only a dependency of another package (pip-compile pins those itself).\n")


def requirements(text: str) -> list[tuple[int, str]]:
    """Each requirement of a requirements file with the line it starts on; continuation lines joined, comments
    and options (-r, --index-url...) left out."""
    found, pending, start = [], "", 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not pending:
            start = number
        line = line.strip()
        if not line.startswith("#"):
            pending += " " + line.split(" #", 1)[0].strip()
        if pending.endswith("\\"):
            pending = pending[:-1]
            continue
        requirement, pending = pending.strip(), ""
        if requirement and not requirement.startswith("-"):
            found.append((start, requirement))
    return found


def unhashed(text: str) -> list[tuple[int, str]]:
    """The requirements that carry no --hash, with their line numbers."""
    return [(number, requirement) for number, requirement in requirements(text) if "--hash=" not in requirement]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def check(compiled: Path = COMPILED) -> int:
    missing = unhashed(compiled.read_text(encoding="utf-8"))
    for number, requirement in missing:
        print(f"requirements.txt:{number}: {requirement.split()[0]} has no hash; add it to requirements.in"
              " and run `make requirements`", file=sys.stderr)
    return 1 if missing else 0


def adopt(compiled: Path = COMPILED, direct_file: Path = DIRECT) -> int:
    direct_text = direct_file.read_text(encoding="utf-8")
    direct = {canonical(NAME.match(requirement).group(1)): requirement
              for _, requirement in requirements(direct_text) if NAME.match(requirement)}
    moved = []
    for _, requirement in unhashed(compiled.read_text(encoding="utf-8")):
        match = NAME.match(requirement)
        if not match:
            continue
        name = canonical(match.group(1))
        if name not in direct:
            moved.append(requirement)
            direct[name] = requirement
        elif direct[name] != requirement:
            print(f"requirements.in keeps {direct[name]}; requirements.txt asked for {requirement}")
    if moved:
        direct_file.write_text(direct_text.rstrip("\n") + "\n\n" + ADOPTED_NOTE + "\n".join(moved) + "\n", encoding="utf-8")
        print("moved into requirements.in (review them there): " + ", ".join(moved))
    return 0


if __name__ == "__main__":
    commands = {"check": check, "adopt": adopt}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit(f"usage: python {Path(__file__).relative_to(ROOT)} check|adopt")
    sys.exit(commands[sys.argv[1]]())
