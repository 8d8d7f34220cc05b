"""Validate data files against their JSON Schemas (the pre-commit hook; `make check` validates more).

Usage: tools/check_schemas.py [data/NAME.yml ...]  (default: every data file). Each file is checked
with check-jsonschema against schemas/NAME.json, the schema its first line names.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    files = [Path(name) for name in argv] or sorted((ROOT / "data").glob("*.yml"))
    failed = 0
    for data_file in files:
        schema = ROOT / "schemas" / f"{data_file.stem}.json"
        if not schema.exists():
            print(f"{data_file}: no schema {schema.relative_to(ROOT)}; run `make schemas`", file=sys.stderr)
            failed += 1
            continue
        command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), str(data_file)]
        failed += subprocess.run(command, check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
