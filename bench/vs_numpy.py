#!/usr/bin/env python3
"""Compare aduan-core's working-day count with numpy.busday_count.

Writes 10,000,000 (begin, end) pairs of day numbers drawn with a fixed seed
uniformly from the dates the Indonesian calendar covers (end may be before
begin), times
numpy.busday_count on them with the holidays of core/data/calendar-id.json,
times the Rust example core/examples/busday_count.rs on the same pairs, checks
that both checksums agree and prints the throughputs.

Both sides get their inputs prepared outside the timing: numpy datetime64[D]
arrays, Rust a vector of dates. Each side's best of three runs counts.
numpy is timed two ways, with the weekmask and holidays passed on every call
and with a prebuilt numpy.busdaycalendar; the faster one is compared.

Run from anywhere: python3 bench/vs_numpy.py [--pairs N]. If numpy is not
installed, a virtual environment is made in bench/.venv with numpy in it, and
the script runs itself again there.
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "bench" / ".venv"
OUT = ROOT / "bench" / "out"
CALENDAR = ROOT / "core" / "data" / "calendar-id.json"
SEED = 20240214
RUNS = 3
TARGET_RATIO = 5.0
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

try:
    import numpy as np
except ImportError:
    if os.environ.get("ADUAN_BENCH_IN_VENV"):
        sys.exit(f"numpy is still missing inside {VENV}; delete that folder and retry")
    python = VENV / "bin" / "python"
    if not python.exists():
        print(f"numpy not found: creating {VENV} and installing numpy", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "numpy"], check=True)
    env = dict(os.environ, ADUAN_BENCH_IN_VENV="1")
    os.execve(str(python), [str(python), str(Path(__file__).resolve()), *sys.argv[1:]], env)


def day_number(date: datetime.date) -> int:
    return (date - datetime.date(1970, 1, 1)).days


def load_calendar():
    """The weekmask, holidays and range of the calendar, from its JSON data."""
    spec = json.loads(CALENDAR.read_text(encoding="utf-8"))
    weekend = {name[:3].lower() for name in spec.get("weekend", ["sat", "sun"])}
    weekmask = "".join("0" if day in weekend else "1" for day in WEEKDAYS)
    holidays = np.array(sorted(h["date"] for h in spec["holidays"]), dtype="datetime64[D]")
    first = datetime.date(spec["first_year"], 1, 1)
    end = datetime.date(spec["last_year"] + 1, 1, 1)
    return weekmask, holidays, first, end


def best_of(runs, fn):
    """The best wall time of `runs` calls of fn, and its last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


def run_rust(pairs_path: Path):
    cargo = ["cargo", "run", "--quiet", "--release", "-p", "aduan-core", "--example", "busday_count"]
    subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "aduan-core", "--example", "busday_count"],
                   cwd=ROOT, check=True)
    reports = []
    for _ in range(RUNS):
        out = subprocess.run([*cargo, "--", str(pairs_path)], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
        reports.append(json.loads(out.strip().splitlines()[-1]))
    checksums = {r["checksum"] for r in reports}
    if len(checksums) != 1:
        sys.exit(f"FAIL: the Rust checksum changed between runs: {sorted(checksums)}")
    return min(reports, key=lambda r: r["seconds"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=10_000_000, help="number of (begin, end) pairs")
    args = parser.parse_args()

    weekmask, holidays, first, end = load_calendar()
    rng = np.random.default_rng(SEED)
    # Dates covered by the calendar, first to last. (numpy counts (end, begin]
    # for a reversed pair, so the day after the last date could not be a
    # begin: the calendar does not know it, and aduan-core refuses it.)
    low, high = day_number(first), day_number(end)
    pairs = rng.integers(low, high, size=(args.pairs, 2), dtype=np.int32)
    OUT.mkdir(parents=True, exist_ok=True)
    pairs_path = OUT / "pairs.bin"
    pairs.astype("<i4").tofile(pairs_path)

    begins = pairs[:, 0].astype("datetime64[D]")
    ends = pairs[:, 1].astype("datetime64[D]")
    calendar = np.busdaycalendar(weekmask=weekmask, holidays=holidays)
    numpy_paths = {
        "busday_count(weekmask=, holidays=)":
            lambda: np.busday_count(begins, ends, weekmask=weekmask, holidays=holidays),
        "busday_count(busdaycal=busdaycalendar)":
            lambda: np.busday_count(begins, ends, busdaycal=calendar),
    }
    numpy_results = {}
    for name, fn in numpy_paths.items():
        seconds, counts = best_of(RUNS, fn)
        numpy_results[name] = (seconds, int(counts.sum(dtype=np.int64)))
        print(f"numpy {name}: {seconds:.4f} s, {args.pairs / seconds:,.0f} counts/s")
    if len({checksum for _, checksum in numpy_results.values()}) != 1:
        sys.exit(f"FAIL: the numpy paths disagree: {numpy_results}")
    numpy_name = min(numpy_results, key=lambda name: numpy_results[name][0])
    numpy_seconds, numpy_checksum = numpy_results[numpy_name]

    rust = run_rust(pairs_path)
    print(f"rust  working_days_between: {rust['seconds']:.4f} s, {args.pairs / rust['seconds']:,.0f} counts/s"
          f" (plus {rust['convert_seconds']:.4f} s converting day numbers to dates, untimed like numpy's)")

    if rust["n"] != args.pairs or rust["checksum"] != numpy_checksum:
        sys.exit(f"FAIL: checksums differ: rust n={rust['n']} checksum={rust['checksum']}, "
                 f"numpy n={args.pairs} checksum={numpy_checksum}")
    print(f"checksums agree: {numpy_checksum}")

    ratio = numpy_seconds / rust["seconds"]
    verdict = "meets" if ratio >= TARGET_RATIO else "BELOW"
    print(f"rust/numpy throughput ratio: {ratio:.1f}x against numpy's faster path, {numpy_name}"
          f" ({verdict} the {TARGET_RATIO:.0f}x target)")


if __name__ == "__main__":
    main()
