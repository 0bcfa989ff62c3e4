"""Rows of bench/run for the headless core (bench/README.md, "Headless").

Whole-process `continuity export --format fragment` against `cmark` on the
same file, with a reference to a sample-wiki entity every ~200 words, and
the wiki commands at 100,000 entities: the cost of opening the big wiki
over the sample one, and dump/import time, CPU time and peak RSS, taken
from wait4() for the one process measured. Runs are interleaved (ours,
peer, ours, peer …) and the medians compared; nothing is asserted."""
import json
import os
import statistics
import subprocess
import time

WORDS = ("the long take holds on the stairwell while the score drops out and "
         "every footstep lands like a cue a choreographed exchange of blows "
         "that the editing never interrupts until the light changes").split()


def measured(argv):
    """Runs argv; returns (wall seconds, CPU seconds, peak RSS in MB)."""
    t0 = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - t0
    process.returncode = os.waitstatus_to_exitcode(status)
    err = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(f"{argv[:2]} failed: {err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def interleaved(a, b, runs):
    """Medians (ms) of argv a and b, run alternately."""
    ta, tb = [], []
    for _ in range(runs):
        ta.append(measured(a)[0])
        tb.append(measured(b)[0])
    return statistics.median(ta) * 1000, statistics.median(tb) * 1000


def interleaved_with_cpu(a, b, runs):
    """Medians (ms) of argv a and b, run alternately: wall a, wall b, CPU a,
    CPU b. On a loaded machine the wall times wait for a core; the CPU times
    (user + system of the one process) do not."""
    wa, wb, ca, cb = [], [], [], []
    for _ in range(runs):
        wall, cpu, _ = measured(a)
        wa.append(wall)
        ca.append(cpu)
        wall, cpu, _ = measured(b)
        wb.append(wall)
        cb.append(cpu)
    return tuple(statistics.median(x) * 1000 for x in (wa, wb, ca, cb))


def make_post(path, size, titles):
    """About @size bytes of prose with a [[reference]] every ~200 words
    (none when @titles is empty)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("---\ntitle: Bench\n---\n")
        written, word, ref = 0, 0, 0
        while written < size:
            words = []
            for _ in range(50):
                if titles and word % 200 == 199:
                    words.append(f"[[{titles[ref % len(titles)]}]]")
                    ref += 1
                else:
                    words.append(WORDS[word % len(WORDS)])
                word += 1
            paragraph = " ".join(words) + ".\n\n"
            f.write(paragraph)
            written += len(paragraph.encode())


def rows(continuity, tmp, big_wiki):
    lines = []
    sample = os.path.join(tmp, "headless-sample")
    subprocess.run([continuity, "new", "--sample", sample], check=True, stdout=subprocess.DEVNULL)
    dump = subprocess.run([continuity, "dump", "--wiki", sample], check=True,
                          capture_output=True, text=True).stdout
    titles = [e["title"] for e in json.loads(dump)["entities"]]

    for size, label, runs in ((100_000, "100 KB", 21), (3_000_000, "3 MB", 9)):
        post = os.path.join(tmp, f"headless-{size}.md")
        make_post(post, size, titles)
        ours, cmark, ours_cpu, cmark_cpu = interleaved_with_cpu(
            [continuity, "export", "--wiki", sample, "--format", "fragment", post], ["cmark", post], runs)
        lines.append(f"headless export {label:>6} with references, whole process: continuity {ours:7.1f} ms | "
                     f"cmark {cmark:7.1f} ms (x{ours/cmark:.2f}; CPU {ours_cpu:.1f} | {cmark_cpu:.1f} ms, "
                     f"x{ours_cpu/cmark_cpu:.2f}; median of {runs}, interleaved)")
        print(lines[-1], flush=True)

    # Start-up alone: `continuity --version` against an empty program linked
    # to the same libraries (bench/startup-floor.c) and cmark on an empty
    # file. Over the floor is Continuity's own start-up; between the floor
    # and cmark, what GLib, GIO and SQLite cost to map, which cmark does not
    # link (with the 100 KB row: how much of the budget that leaves).
    floor = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(continuity))),
                         "bench", "startup-floor")
    if os.path.exists(floor):
        empty = os.path.join(tmp, "headless-empty.md")
        open(empty, "w").close()
        ours, base, ours_cpu, base_cpu = interleaved_with_cpu([continuity, "--version"], [floor], 41)
        _, peer, _, peer_cpu = interleaved_with_cpu([floor], ["cmark", empty], 41)
        lines.append(f"headless start-up: continuity --version {ours:5.2f} ms | empty program linked to "
                     f"the same libraries {base:5.2f} ms | cmark on an empty file {peer:5.2f} ms "
                     f"(x{ours/base:.2f} of the floor, floor x{base/peer:.2f} of cmark; CPU {ours_cpu:.2f} | "
                     f"{base_cpu:.2f} | {peer_cpu:.2f} ms; median of 41, interleaved)")
        print(lines[-1], flush=True)

    if not os.path.exists(os.path.join(big_wiki, "wiki.continuity")):
        return lines

    small = os.path.join(tmp, "headless-small.md")
    make_post(small, 2_000, [])
    big, base = interleaved([continuity, "export", "--wiki", big_wiki, "--format", "fragment", small],
                            [continuity, "export", "--wiki", sample, "--format", "fragment", small], 21)
    lines.append(f"headless open: export of a 2 KB post with a 100,000-entity wiki {big:7.1f} ms | "
                 f"with the sample wiki {base:7.1f} ms (+{big - base:.1f} ms; median of 21, interleaved)")
    print(lines[-1], flush=True)

    out = os.path.join(tmp, "headless-dump.json")
    wall, cpu, rss = measured([continuity, "dump", "--wiki", big_wiki, "-o", out])
    lines.append(f"headless dump 100,000 entities ({os.path.getsize(out) >> 20} MB): "
                 f"{wall*1000:7.0f} ms wall, {cpu*1000:7.0f} ms CPU, peak RSS {rss:6.1f} MB")
    print(lines[-1], flush=True)

    fresh = os.path.join(tmp, "headless-import")
    subprocess.run([continuity, "new", fresh], check=True, stdout=subprocess.DEVNULL)
    wall, cpu, rss = measured([continuity, "import", "--wiki", fresh, out])
    lines.append(f"headless import 100,000 entities into an empty wiki: "
                 f"{wall*1000:7.0f} ms wall, {cpu*1000:7.0f} ms CPU, peak RSS {rss:6.1f} MB")
    print(lines[-1], flush=True)
    return lines
