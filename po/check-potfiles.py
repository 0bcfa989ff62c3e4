#!/usr/bin/env python3
"""Fails when a source file with translatable strings is missing from
POTFILES.in (its strings would silently never be translated), when
POTFILES.in names a file that no longer exists, or when a translatable
string is glued to a format macro such as G_GINT64_FORMAT: xgettext cuts
the msgid at the macro, so that message can never be translated."""
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
MACRO_IN_MSGID = re.compile(
    r'(?:\b_|\bN_|\bC_|g_dn?gettext\s*\(\s*GETTEXT_PACKAGE\s*,)\s*\(?\s*'
    r'"(?:[^"\\]|\\.)*"\s*G_G\w*_FORMAT')
glued = []
found = set()
for top, pattern in (("src", C_MARK), ("resources", UI_MARK)):
    for dirpath, _, names in os.walk(os.path.join(root, top)):
        for name in names:
            if not name.endswith((".c", ".ui")):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if pattern.search(text):
                found.add(os.path.relpath(path, root))
            for m in MACRO_IN_MSGID.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                glued.append(f"{os.path.relpath(path, root)}:{line}: a format macro inside a "
                             "translatable string (use %lld with a (long long) cast)")

problems = [f"missing from po/POTFILES.in: {p}" for p in sorted(found - listed)]
problems += [f"listed in po/POTFILES.in but not found: {p}" for p in sorted(listed)
             if not os.path.exists(os.path.join(root, p))]
problems += glued
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
