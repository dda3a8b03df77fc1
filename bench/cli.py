"""The everyday `earned` verbs at three sizes — about 600, 6,000 and 60,000 entries — beside
jrnl 4.6 (the terminal journal people use) holding as many entries, and a floor: a stdlib
script inserting one row into SQLite. Each command runs as its own process, as a person runs
it; all are interleaved round by round, so the machine's noise falls on each alike; medians of
wall time, CPU seconds and peak memory, with each figure beside its target (issue 23). Each
verb is timed unlocked (`earned unlock`: the targets are for these) and locked (the passphrase
read from a file and its key derived, as without unlocking).

Run with bytecode written, as on a person's computer (this machine's PYTHONDONTWRITEBYTECODE
would otherwise make every run compile Earned's sources again). jrnl is installed into a
throwaway environment; if it cannot be, its column is left out and said so."""

from __future__ import annotations

import datetime
import os
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SIZES = (0.1, 1.0, 10.0)  # years of entries: about 600, 6,000 and 60,000
RUNS = 7
IMPORT_RUNS = 3
JRNL = "jrnl==4.6"
BUDGET_MS, BUDGET_MIB = 150, 50  # each everyday verb: wall median, peak memory
PASSPHRASE_FILE = "passphrase"


@dataclass
class Taken:
    wall_ms: list[float]
    cpu_s: list[float]
    peak_mib: list[float]

    def line(self, name: str, beside: str = "") -> str:
        return (
            f"  {name:<37} {statistics.median(self.wall_ms):7.0f} ms "
            f"{statistics.median(self.cpu_s):6.2f} s CPU {max(self.peak_mib):5.0f} MiB{beside}"
        )


def run(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """One process: its wall time (ms), CPU time (s, with any helper it waited for) and peak
    memory (MiB): the most its processes held together (`earned import` of a large file has a
    helper beside it), sampled, or the largest one alone if that was more."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    together = [0]
    done = threading.Event()
    sampling = threading.Thread(target=_sample, args=(child.pid, together, done))
    sampling.start()
    _, status, usage = os.wait4(child.pid, 0)
    done.set()
    sampling.join()
    wall = (time.perf_counter() - started) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"refusing to time a failure: {' '.join(command)}")
    return wall, usage.ru_utime + usage.ru_stime, max(usage.ru_maxrss, together[0]) / 1024


def _sample(pid: int, most: list[int], done: threading.Event) -> None:
    """The most memory (KiB) a process and its children held at once, every 20 ms (Linux)."""
    while not done.wait(0.02):
        most[0] = max(most[0], _held(pid))


def _held(pid: int) -> int:
    """What a process and its children hold now (KiB): nothing where /proc is not."""
    total, waiting = 0, [pid]
    while waiting:
        each = waiting.pop()
        try:
            status = Path(f"/proc/{each}/status").read_text()
            children = Path(f"/proc/{each}/task/{each}/children").read_text().split()
        except OSError:
            continue
        total += sum(int(line.split()[1]) for line in status.splitlines()
                     if line.startswith("VmRSS:"))  # fmt: skip
        waiting += [int(child) for child in children]
    return total


def install_jrnl(folder: Path) -> Path | None:
    venv = folder / "jrnl-env"
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", JRNL], check=True,
                       capture_output=True)  # fmt: skip
    except subprocess.CalledProcessError:
        print(f"  ({JRNL} could not be installed here: its column is left out)")
        return None
    return venv / "bin" / "jrnl"


def jrnl_journal(folder: Path, entries: int) -> Path:
    """A plain jrnl journal of `entries` entries, one a few hours apart, and its config."""
    journal = folder / "journal.txt"
    start = datetime.datetime(2016, 1, 1, 9)
    with journal.open("w") as out:
        for number in range(entries):
            at = start + datetime.timedelta(hours=1.5 * number)
            out.write(f"[{at:%Y-%m-%d %I:%M:%S %p}] Asked Jo for help, time {number}.\n"
                      f"She said yes, and it went better than I feared.\n\n")  # fmt: skip
    config = folder / "jrnl.yaml"
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\ndefault_hour: 9\n"
        "default_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\njournals:\n  default:\n"
        f"    journal: {journal}\nlinewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        "timeformat: '%F %r'\nversion: v4.6\n"
    )
    return config


FLOOR = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    "c.execute('PRAGMA journal_mode=WAL'); c.execute('PRAGMA synchronous=FULL'); "
    "c.execute('INSERT INTO entry (body) VALUES (?)', ('A small note',)); c.commit()"
)


def floor_database(folder: Path, entries: int) -> Path:
    import sqlite3

    path = folder / "floor.sqlite3"
    with sqlite3.connect(path) as database:
        database.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, body TEXT)")
        database.executemany("INSERT INTO entry (body) VALUES (?)",
                             (("Asked Jo for help",) for _ in range(entries)))  # fmt: skip
    return path


def bench_size(folder: Path, years: float, jrnl: Path | None) -> None:
    from bench.__main__ import PASSPHRASE

    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    data = folder / "earned"
    env.update(EARNED_DATA_DIR=str(data), EARNED_PASSPHRASE_FILE=str(folder / PASSPHRASE_FILE))
    (folder / PASSPHRASE_FILE).write_text(PASSPHRASE + "\n")
    (folder / PASSPHRASE_FILE).chmod(0o600)
    made = subprocess.run([sys.executable, "-m", "bench.cli_data", str(data), str(years)],
                          env=env, check=True, capture_output=True, text=True)  # fmt: skip
    entries = int(made.stdout.split()[-1])
    earned = [sys.executable, "-m", "earned"]
    everyday = {
        "journal -m": ["journal", "-m", "A small note"],
        "log (flags)": ["log", "--situation", "Asked Jo for help", "--happened", "She said yes",
                        "--occurred", "10"],
        "checkin midday --word": ["checkin", "midday", "--word", "calm"],
        "search Jo": ["search", "Jo"],
        "expectations": ["expectations"],
        "people": ["people"],
    }  # fmt: skip
    locked = {**env, "EARNED_UNLOCK": "0"}  # the passphrase read from its file, derived
    verbs: dict[str, tuple[list[str], dict[str, str]]] = {}
    for name, args in everyday.items():
        verbs[f"earned {name}"] = ([*earned, *args], env)
        verbs[f"earned {name}, locked"] = ([*earned, *args], locked)
    verbs["earned --version"] = ([*earned, "--version"], env)
    floor = floor_database(folder, entries)
    verbs["floor: sqlite3 insert"] = ([sys.executable, "-c", FLOOR, str(floor)], env)
    if jrnl is not None:
        config = str(jrnl_journal(folder, entries))
        verbs["jrnl add"] = ([str(jrnl), "--config-file", config, "A small note"], env)
        verbs["jrnl -contains Jo"] = ([str(jrnl), "--config-file", config, "-contains", "Jo"],
                                      env)  # fmt: skip
        verbs["jrnl --version"] = ([str(jrnl), "--version"], env)
    subprocess.run([*earned, "unlock", "--for", "2h"], env=env, check=True,
                   capture_output=True)  # fmt: skip
    try:
        for command, its_env in verbs.values():
            run(command, its_env)  # warm: bytecode written, files cached
        taken = {name: Taken([], [], []) for name in verbs}
        for _ in range(RUNS):
            for name, (command, its_env) in verbs.items():
                wall, cpu, peak = run(command, its_env)
                taken[name].wall_ms.append(wall)
                taken[name].cpu_s.append(cpu)
                taken[name].peak_mib.append(peak)
    finally:
        subprocess.run([*earned, "lock"], env=env, check=False, capture_output=True)
    print(f"\n{entries:,} entries (about {years:g} years):")
    for name, figures in taken.items():
        beside = ""
        if name.startswith("earned") and not name.endswith(("--version", "locked")):
            wall, peak = statistics.median(figures.wall_ms), max(figures.peak_mib)
            beside = (f"   target ≤ {BUDGET_MS} ms {'✓' if wall <= BUDGET_MS else '✗'}, "
                      f"≤ {BUDGET_MIB} MiB {'✓' if peak <= BUDGET_MIB else '✗'}")  # fmt: skip
        print(figures.line(name, beside))
    bench_import(folder, env, entries)
    if jrnl is not None:
        wanted = 1.5 if entries < 3000 else 10 if entries > 30000 else None
        for ours, theirs in (("earned journal -m", "jrnl add"), ("earned search Jo",
                                                                 "jrnl -contains Jo")):  # fmt: skip
            # Wall time: unlocked, the work is done in the background process, not this one.
            ratio = statistics.median(taken[theirs].wall_ms) / statistics.median(
                taken[ours].wall_ms
            )
            target = f" (target ≥ {wanted} times)" if wanted else ""
            print(f"  {theirs} / {ours}: {ratio:.1f} times the wall time{target}")


def bench_cli() -> None:
    import tempfile

    print("\nThe everyday command, each verb a process of its own, "
          f"{RUNS} interleaved rounds (median wall, median CPU, peak memory):")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="earned-cli-bench-") as folder:
        jrnl = install_jrnl(Path(folder))
        for years in SIZES:
            size = Path(folder) / f"{years:g}"
            size.mkdir()
            bench_size(size, years, jrnl)


def bench_import(folder: Path, env: dict[str, str], entries: int) -> None:
    """`earned export` of this size's data, then `earned import` of it into a new account,
    as a person moving computers would (the target: 60,000 records in 10 s, 200 MiB), beside
    the floor (bench/import_floor.py: the same file read and its records written as rows by
    the standard library alone), interleaved, IMPORT_RUNS rounds."""
    earned = [sys.executable, "-m", "earned"]
    exported = folder / "export.json"
    locked = {**env, "EARNED_UNLOCK": "0"}
    subprocess.run([*earned, "export", str(exported)], env=locked, check=True,
                   capture_output=True)  # fmt: skip
    ours, floor = Taken([], [], []), Taken([], [], [])
    for round_number in range(IMPORT_RUNS):
        moved = {**locked, "EARNED_DATA_DIR": str(folder / f"moved-{round_number}")}
        subprocess.run([*earned, "user", "add", "Bench"], env=moved, check=True,
                       capture_output=True)  # fmt: skip
        for figures, command in (
            (ours, [*earned, "import", str(exported)]),
            (floor, [sys.executable, "-m", "bench.import_floor", str(exported),
                     str(folder / f"floor-{round_number}.sqlite3")]),
        ):  # fmt: skip
            wall, cpu, peak = run(command, moved)
            figures.wall_ms.append(wall)
            figures.cpu_s.append(cpu)
            figures.peak_mib.append(peak)
    wall, peak = statistics.median(ours.wall_ms), max(ours.peak_mib)
    fits = wall <= 10_000 and peak <= 200
    print(ours.line("earned import (the export of these)",
                    f"   target at 60,000: ≤ 10 s, ≤ 200 MiB "
                    f"{'✓' if fits or entries < 30000 else '✗'}"))  # fmt: skip
    print(floor.line("floor: read and write the rows"))
    ratio = wall / statistics.median(floor.wall_ms)
    print(f"  earned import / floor: {ratio:.1f} times the wall time")
