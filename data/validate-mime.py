#!/usr/bin/env python3
"""Checks the shared-mime-info XML of Continuity without xmllint.

Usage: validate-mime.py MIME.xml DESKTOP.in METAINFO.xml.in

The MIME type must be declared once, with the glob of the wiki database
and as a sub-class of SQLite, and the desktop file and the AppStream
metadata must both announce it. When update-mime-database is installed,
it also compiles the file in a scratch directory, which is what a
distribution does with it on install.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
TYPE = "application/x-continuity-wiki"


def fail(message):
    print(f"validate-mime: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    if len(sys.argv) != 4:
        fail("usage: validate-mime.py MIME.xml DESKTOP.in METAINFO.xml.in")
    mime_path, desktop_path, metainfo_path = sys.argv[1:]

    try:
        root = ET.parse(mime_path).getroot()
    except ET.ParseError as e:
        fail(f"{mime_path} is not well-formed XML: {e}")
    if root.tag != NS + "mime-info":
        fail(f"{mime_path}: the root must be <mime-info> in the shared-mime-info namespace")

    types = root.findall(NS + "mime-type")
    if [t.get("type") for t in types] != [TYPE]:
        fail(f"{mime_path}: expected exactly one <mime-type type=\"{TYPE}\">")
    mime = types[0]
    if not mime.findtext(NS + "comment"):
        fail(f"{mime_path}: the MIME type needs a <comment>")
    if "wiki.continuity" not in [g.get("pattern") for g in mime.findall(NS + "glob")]:
        fail(f"{mime_path}: missing <glob pattern=\"wiki.continuity\">")
    if "application/vnd.sqlite3" not in [s.get("type") for s in mime.findall(NS + "sub-class-of")]:
        fail(f"{mime_path}: missing <sub-class-of type=\"application/vnd.sqlite3\">")

    with open(desktop_path, encoding="utf-8") as f:
        mime_lines = [l for l in f if l.startswith("MimeType=")]
    if not mime_lines or TYPE not in mime_lines[0].strip().split("=", 1)[1].split(";"):
        fail(f"{desktop_path}: MimeType= does not list {TYPE}")

    provides = ET.parse(metainfo_path).getroot().find("provides")
    if provides is None or TYPE not in [m.text for m in provides.findall("mediatype")]:
        fail(f"{metainfo_path}: <provides> does not list <mediatype>{TYPE}</mediatype>")

    update = shutil.which("update-mime-database")
    if update:
        with tempfile.TemporaryDirectory() as data_home:
            # A mime/ folder under XDG_DATA_HOME, so the tool does not warn
            # that the database is outside the search path.
            scratch = os.path.join(data_home, "mime")
            os.makedirs(os.path.join(scratch, "packages"))
            shutil.copy(mime_path, os.path.join(scratch, "packages", "continuity.xml"))
            env = dict(os.environ, XDG_DATA_HOME=data_home)
            run = subprocess.run([update, scratch], capture_output=True, text=True, env=env)
            if run.returncode != 0 or run.stderr.strip():
                fail(f"update-mime-database rejected {mime_path}: {run.stderr.strip()}")
            with open(os.path.join(scratch, "globs2"), encoding="utf-8") as f:
                if f"{TYPE}:wiki.continuity" not in f.read():
                    fail("update-mime-database did not register the wiki.continuity glob")


if __name__ == "__main__":
    main()
