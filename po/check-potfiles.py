#!/usr/bin/env python3
"""Fails when a source file with translatable strings is missing from
POTFILES.in (its strings would silently never be translated) or when
POTFILES.in names a file that no longer exists."""
import os
import re
import sys

root = sys.argv[1]
listed = set()
with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)

C_MARK = re.compile(r'\b(?:_|N_|C_|NC_)\s*\(\s*"')
UI_MARK = re.compile(r'translatable="yes"')
found = set()
for top, pattern in (("src", C_MARK), ("resources", UI_MARK)):
    for dirpath, _, names in os.walk(os.path.join(root, top)):
        for name in names:
            if not name.endswith((".c", ".ui")):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8") as f:
                if pattern.search(f.read()):
                    found.add(os.path.relpath(path, root))

problems = [f"missing from po/POTFILES.in: {p}" for p in sorted(found - listed)]
problems += [f"listed in po/POTFILES.in but not found: {p}" for p in sorted(listed)
             if not os.path.exists(os.path.join(root, p))]
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
