#!/usr/bin/env python3
"""Checks that data/sample/wiki.json is exactly what `continuity dump` writes.

Usage: check-sample.py CONTINUITY_BINARY SAMPLE_JSON

Creates a fresh sample wiki with `continuity new DIR --sample`, dumps it, and
compares the bytes with the committed file. A difference means the sample
no longer round-trips (the import changed something) or the dump format
moved on; either way, regenerate the file from a fresh sample with
`continuity dump -o data/sample/wiki.json` and review the diff.
"""
import difflib
import os
import subprocess
import sys
import tempfile


def main():
    binary, sample_json = sys.argv[1:3]
    with open(sample_json, encoding="utf-8") as f:
        expected = f.read()

    with tempfile.TemporaryDirectory() as scratch:
        wiki = os.path.join(scratch, "sample")
        out = os.path.join(scratch, "dump.json")
        for args in (["new", wiki, "--sample"], ["dump", "--wiki", wiki, "-o", out]):
            run = subprocess.run([binary] + args, capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"check-sample: continuity {args[0]} failed: {run.stderr.strip()}")
        with open(out, encoding="utf-8") as f:
            actual = f.read()

    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                    "data/sample/wiki.json", "dump of a fresh sample wiki", n=2)
        sys.stderr.writelines(list(diff)[:80])
        sys.exit("check-sample: the committed sample is not what continuity dump writes")


if __name__ == "__main__":
    main()
