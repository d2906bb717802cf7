"""Start-up against a bare PySide6 window, idle memory, and keystroke latency at 30 KB."""

import argparse
import atexit
import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BARE = """
import time; t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("Hello")); w.resize(1280, 800)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print(f"startup_ms={(time.perf_counter() - t0) * 1000:.0f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""
"""The yardstick: a QMainWindow with a label, shown, first paint, exit."""

KEYRING_SETTINGS = {
    "schema_version": 1,
    "profiles": [{"name": "Prod", "api_url": "https://chatapi.viber.com/pa"}],
    "active_profile": "Prod",
}
"""A profile whose token is in the keyring: the window looks it up at start."""

MIB = 1024 * 1024


def _stats(values: list[float]) -> str:
    values = sorted(values)
    return (
        f"median {statistics.median(values):.2f} ms, "
        f"p99 {values[max(0, int(len(values) * 0.99) - 1)]:.2f} ms, max {values[-1]:.2f} ms"
    )


def run_ms(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(startup_ms printed by the program, process wall time from spawn to exit, and the
    CPU time it used (user + system, all its threads), in ms).

    The CPU time is the steadier figure on a loaded machine: waiting for a core is not in it.

    Trap: it runs in an empty folder. ``python -m`` puts the current folder first on the
    module path, ahead of PYTHONPATH: started from the repository, every ``--compare``
    checkout ran this checkout's code (the measured "old" and "new" were the same program).
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(
        cmd, capture_output=True, text=True, env=env, check=True, cwd=_NEUTRAL
    ).stdout
    wall = (time.perf_counter() - t0) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return float(out.strip().split("startup_ms=")[1].split()[0]), wall, cpu


_ROOT = tempfile.mkdtemp(prefix="bench-ui-")
atexit.register(shutil.rmtree, _ROOT, ignore_errors=True)


def _scratch(prefix: str = "") -> str:
    """A new folder under this run's own, which goes at exit (they piled up in /tmp)."""
    return tempfile.mkdtemp(prefix=prefix, dir=_ROOT)


_NEUTRAL = _scratch("bench-cwd-")
"""The folder programs start in: no checkout's modules in it."""


def bytecode_env(cache: str | None) -> dict[str, str]:
    """The environment with compiled bytecode kept in ``cache``, as an installed wheel has it.

    Trap: with PYTHONDONTWRITEBYTECODE set (as in these sessions) an editable install compiles
    every module of ours from source at each start, about 250 ms that no user pays (pip
    compiles a wheel's modules when it installs them). ``None`` keeps the environment as is.
    """
    env = dict(os.environ)
    if cache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = cache
    return env


def _app_env(settings: dict[str, object] | None, base: dict[str, str]) -> dict[str, str]:
    env = dict(base)
    for name in ("CONFIG", "DATA", "CACHE"):
        env[f"VIBER_DESKTOP_{name}_DIR"] = _scratch()
    env.pop("VIBER_AUTH_TOKEN", None)
    if settings is not None:
        path = Path(env["VIBER_DESKTOP_CONFIG_DIR"]) / "settings.json"
        path.write_text(json.dumps(settings), encoding="utf-8")
    return env


def _low(values: Iterable[float]) -> str:
    """Minimum and 25th percentile: load on a shared machine only ever adds time."""
    ordered = sorted(values)
    return f"min {ordered[0]:.0f} / p25 {ordered[(len(ordered) - 1) // 4]:.0f} ms"


def _spread(values: list[float]) -> str:
    values = sorted(values)
    q1, _, q3 = statistics.quantiles(values, n=4)
    return (
        f"median {statistics.median(values):.2f}x (IQR {q1:.2f}-{q3:.2f}, "
        f"range {values[0]:.2f}-{values[-1]:.2f})"
    )


def startup(
    rounds: int = 17,
    trees: dict[str, str] | None = None,
    *,
    bytecode: bool = True,
    keyring: bool = True,
    working_tree: bool = True,
    python: str = sys.executable,
) -> None:
    """Interleaved rounds of bare window, app, app with a keyring profile; ratio per round.

    The order within a round rotates, so a slow spell of a shared machine does not always
    fall on the same program. Ratios of process wall time (spawn to exit) are reported.
    ``trees`` adds the app of other checkouts (name to folder), e.g. ``git worktree add``
    of an older commit, measured in the same rounds; each app is also compared with the
    first app in the same round (before/after as a ratio per round, not two medians).
    ``keyring`` False leaves out the keyring-profile runs, ``working_tree`` False this
    checkout's app (quick A/B of two worktrees). Every program runs with compiled bytecode
    (see ``bytecode_env``) unless ``bytecode`` is False. ``python`` runs every program (the
    yardstick too): a venv with the wheel installed measures what the issue names; this
    checkout's editable install loads its finder (and pathlib) in every interpreter, which
    adds the same ~20 ms to both sides and flatters the ratio.
    """
    base = bytecode_env(_scratch(prefix="bench-pyc-") if bytecode else None)
    kinds = {"bare window": ([python, "-c", BARE], base)}
    checkouts = {"": "", **(trees or {})} if working_tree else dict(trees or {})
    profiles: list[tuple[str, dict[str, object] | None]] = [("app", None)]
    if keyring:
        profiles.append(("app, keyring profile", KEYRING_SETTINGS))
    for label, tree in checkouts.items():
        suffix = f" [{label}]" if label else ""
        for name, settings in profiles:
            kinds[name + suffix] = smoke_test(python, tree, _app_env(settings, base))
    names = list(kinds)
    for name in names:  # warm the file cache and write the bytecode once
        run_ms(*kinds[name])
    for label in checkouts:
        app_cmd, env = kinds[profiles[0][0] + (f" [{label}]" if label else "")]
        print(f"app{f' [{label}]' if label else ''} runs {_package_folder(env, app_cmd[0])}")
    times: dict[str, list[tuple[float, float, float]]] = {name: [] for name in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            times[name].append(run_ms(*kinds[name]))
    for name in names:
        data = times[name]
        print(
            f"{name}: first paint median {statistics.median(d[0] for d in data):.0f} ms "
            f"(in-process), spawn to exit median {statistics.median(d[1] for d in data):.0f} ms, "
            f"CPU median {statistics.median(d[2] for d in data):.0f} ms; fastest runs: "
            f"wall {_low(d[1] for d in data)}, CPU {_low(d[2] for d in data)}"
        )
    bare = times["bare window"]
    for name in names[1:]:
        ratios = [a[1] / b[1] for a, b in zip(times[name], bare, strict=True)]
        print(f"{name} / bare window, {rounds} rounds: {_spread(ratios)} (target <= 1.6x)")
        cpu = [a[2] / b[2] for a, b in zip(times[name], bare, strict=True)]
        print(f"  CPU time / bare window's: {_spread(cpu)}")
        paint = [a[0] / b[0] for a, b in zip(times[name], bare, strict=True)]
        print(f"  first paint (in-process, from the first line) / bare's: {_spread(paint)}")
    for name, first in _pairs(names[1:], [p for p, _ in profiles]):
        ratios = [a[1] / b[1] for a, b in zip(times[name], times[first], strict=True)]
        cpu = [a[2] / b[2] for a, b in zip(times[name], times[first], strict=True)]
        print(f"{name} / {first}, same rounds: wall {_spread(ratios)}; CPU {_spread(cpu)}")


def smoke_test(python: str, tree: str, env: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """The smoke test of the app ``tree`` names: this checkout's (""), another checkout's
    (a folder, put ahead of the editable install), or another venv's wheel (its bin/python)."""
    if tree and Path(tree).is_file():
        python = tree
    elif tree:
        env = {**env, "PYTHONPATH": str(Path(tree).resolve())}
    return [*app_command(python), "--smoke-test"], env


def app_command(python: str) -> list[str]:
    """How a user starts the app: the ``viber-desktop`` script pip wrote beside ``python``.

    ``python -m viber_desktop`` goes through runpy (median 2 % more CPU over 20 alternated
    starts here) and is not how the app is started.
    """
    script = Path(python).parent / "viber-desktop"
    return [python, str(script)] if script.is_file() else [python, "-m", "viber_desktop"]


def _package_folder(env: dict[str, str], python: str) -> str:
    """Where the app started with ``env`` loads viber_desktop from (a check of --compare)."""
    code = "import viber_desktop, os; print(os.path.dirname(viber_desktop.__file__))"
    return subprocess.run(
        [python, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=_NEUTRAL,
    ).stdout.strip()


def _pairs(apps: list[str], profiles: list[str]) -> list[tuple[str, str]]:
    """(app, the first checkout's app with the same profile) for every other checkout."""
    pairs = []
    for profile in profiles:
        same = [a for a in apps if a == profile or a.startswith(profile + " [")]
        pairs += [(other, same[0]) for other in same[1:]]
    return pairs


EMPTY_DRAFT = {"receiver": "", "type": "text", "text": ""}
"""A draft whose message text is empty: no field holds words to check."""

SECRET_SERVICE = (
    'echo -n bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$0" -c '
    '"from keyring.backends.SecretService import Keyring; '
    "Keyring().set_password('viber-desktop', 'Prod', 'bench-token-1234567890')\" "
    '&& exec "$0" -m viber_desktop'
)
"""Run inside dbus-run-session: a private gnome-keyring holding the profile's token (stored
through keyring's own backend, so any checkout reads it), then the app."""


def _descendant(pid: int, args: tuple[str, ...]) -> int | None:
    """The first process under ``pid`` (itself included) whose command line ends in ``args``."""
    tail = "".join(f"{a}\0" for a in args).encode()
    pending = [pid]
    while pending:
        current = pending.pop(0)
        try:
            if Path(f"/proc/{current}/cmdline").read_bytes().endswith(tail):
                return current
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return None


def _rss_kinds(base: dict[str, str]) -> list[tuple[str, list[str], dict[str, str]]]:
    """(name, command, environment) of each idle state measured."""
    app = [sys.executable, "-m", "viber_desktop"]
    kinds = []
    for name, settings, draft in (
        ("app (first start: the sample text)", None, None),
        ("app, empty draft", None, EMPTY_DRAFT),
        ("app, keyring profile, no session bus", KEYRING_SETTINGS, None),
    ):
        env = _app_env(settings, base)
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # never the user's own keyring
        if draft is not None:
            data = Path(env["VIBER_DESKTOP_DATA_DIR"])
            (data / "draft.json").write_text(json.dumps(draft), encoding="utf-8")
        kinds.append((name, app, env))
    if shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon"):
        env = _app_env(KEYRING_SETTINGS, base)
        env["XDG_DATA_HOME"] = _scratch(prefix="bench-keyring-")  # its keyring files
        env[KEYRING_MARK] = env["XDG_DATA_HOME"]
        cmd = ["dbus-run-session", "--", "sh", "-c", SECRET_SERVICE, sys.executable]
        kinds.append(("app, keyring profile, Secret Service holding its token", cmd, env))
    else:
        print("(no dbus-run-session and gnome-keyring-daemon: the Secret Service case is left out)")
    return kinds


READS_S = (6.0, 40.0)
"""When the RSS is read after start: settled (the window painted, history open, the dictionary
opened when the draft has words, the token looked up), and idle (nothing checked for longer
than the spelling worker's IDLE_S, 30 s: the dictionary let go)."""


def instructions(python: str = sys.executable, trees: dict[str, str] | None = None) -> None:
    """Instructions of one start (bare window, app, each ``--compare`` app) under cachegrind.

    A count, not a time: the same on a busy machine as on an idle one (within 0.5 %), so a
    change of 1 % shows in one run where timed starts need a hundred alternated pairs. It
    leaves out what costs time without instructions (page faults, cache misses, waiting on
    other threads): the time ratio is higher.
    """
    base = bytecode_env(_scratch(prefix="bench-pyc-"))
    kinds = {"bare window": ([python, "-c", BARE], base)}
    for label, tree in {"": "", **(trees or {})}.items():
        kinds["app" + (f" [{label}]" if label else "")] = smoke_test(
            python, tree, _app_env(None, base)
        )
    counts: dict[str, int] = {}
    for name, (cmd, env) in kinds.items():
        run_ms(cmd, env)  # bytecode written, the shiboken cache filled
        valgrind = ["valgrind", "--tool=cachegrind", "--cache-sim=no"]
        out = subprocess.run(
            [*valgrind, "--cachegrind-out-file=/dev/null", *cmd],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            cwd=_NEUTRAL,
        ).stderr
        refs = next(line for line in out.splitlines() if "I   refs:" in line)
        counts[name] = int(refs.split("I   refs:")[1].strip().replace(",", ""))
    bare = counts["bare window"]
    for name, count in counts.items():
        print(f"{name}: {count / 1e6:,.1f} M instructions, {count / bare:.3f}x the bare window's")


def idle_rss(runs: int = 3, trees: dict[str, str] | None = None) -> None:
    """RSS of the real app (``viber-desktop``, no smoke test) at each of READS_S after start;
    then it is stopped.

    Read from /proc/<pid>/status (VmRSS, in KiB), reported in MiB as everything here.
    ``trees`` adds the app of other checkouts (``git worktree add``), run alternately with
    this one's, every program from an empty folder (see ``run_ms``).
    """
    base = bytecode_env(_scratch(prefix="bench-pyc-"))
    checkouts = {"": "", **(trees or {})}
    found: dict[str, list[list[float]]] = {}
    for _ in range(runs):
        for name, cmd, env in _rss_kinds(base):
            for label, tree in checkouts.items():
                run_env = dict(env)
                if tree:
                    run_env["PYTHONPATH"] = str(Path(tree).resolve())
                key = f"{name} [{label}]" if label else name
                found.setdefault(key, []).append(_rss_at(cmd, run_env, READS_S))
    for key, runs_found in found.items():
        print(f"{key}:")
        for i, at in enumerate(READS_S):
            values = [r[i] for r in runs_found]
            print(
                f"  RSS at {at:.0f} s: {statistics.median(values):.1f} MiB "
                f"(runs {', '.join(f'{x:.1f}' for x in values)}; target <= 80)"
            )


def _rss_at(cmd: list[str], env: dict[str, str], reads: tuple[float, ...]) -> list[float]:
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=_NEUTRAL
    )
    start = time.monotonic()
    try:
        found = []
        pid = None
        for at in reads:
            time.sleep(max(0.0, start + at - time.monotonic()))
            pid = pid or _descendant(proc.pid, ("-m", "viber_desktop"))
            assert pid is not None, "the app did not start"
            status = Path(f"/proc/{pid}/status").read_text()
            kib = next(int(x.split()[1]) for x in status.splitlines() if x.startswith("VmRSS"))
            found.append(kib / 1024)
        if pid is not None:
            os.kill(pid, signal.SIGTERM)
        proc.wait(30)  # dbus-run-session stops its bus when the app has gone, not when killed
        return found
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(30)
        if KEYRING_MARK in env:
            _stop_keyring_daemon(env[KEYRING_MARK])


KEYRING_MARK = "BENCH_UI_KEYRING"
"""In the environment of a run with its own gnome-keyring: that daemon's keyring folder."""


def _stop_keyring_daemon(folder: str) -> None:
    """Stop the gnome-keyring-daemon started for a run (it leaves the session it started in)."""
    mark = f"{KEYRING_MARK}={folder}\0".encode()
    for entry in Path("/proc").iterdir():
        try:
            ours = entry.name.isdigit() and mark in (entry / "environ").read_bytes()
            if ours and (entry / "comm").read_text().startswith("gnome-keyring"):
                os.kill(int(entry.name), signal.SIGTERM)
        except OSError:
            continue


def in_process() -> None:
    for name in ("CONFIG", "DATA", "CACHE"):
        os.environ[f"VIBER_DESKTOP_{name}_DIR"] = _scratch()
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

    from tests.benchmarks.payloads import big_rich_media
    from viber_desktop.ui.app import make_app
    from viber_desktop.ui.context import build_context
    from viber_desktop.ui.live_check import PAUSE_MS
    from viber_desktop.ui.main_window import MainWindow

    app = make_app()
    window = MainWindow(build_context())
    window.show()
    window.ctx.runner.wait()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.05)
    rss = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux
    print(
        f"idle memory after start: RSS {rss / MIB:.0f} MiB (peak {peak / MIB:.0f} MiB, "
        "target <= 80)"
    )

    msg = big_rich_media()
    window.composer.load_payload(msg)
    app.processEvents()
    print(f"payload in the window: {window.report.bytes:,} bytes")
    editor = window.composer.forms["rich_media"].editor  # type: ignore[union-attr]
    editor.select(2)
    fields = {
        "tracking_data (not in the preview)": window.composer.tracking,
        "a rich-media button's Text (redraws the preview)": editor.panel.form.widgets["/Text"],
    }

    def settle() -> None:
        """Let what waits for a pause in typing (the check, the preview) run."""
        for _ in range(4):
            time.sleep(PAUSE_MS / 1000 + 0.01)
            app.processEvents()

    for name, field in fields.items():
        field.setFocus()
        # Trap: the check of the loaded payload waits for a pause (PAUSE_MS); without this
        # the first keys paid it and the whole window's relayout it brings (20-90 ms), a
        # cost of loading, not of typing (measured below as "a pause in typing").
        # The yardstick: Qt alone typing into the same text, a key after each of the app's,
        # so both see the same load of the shared machine.
        bare: QWidget = (
            QPlainTextEdit(field.toPlainText())
            if isinstance(field, QPlainTextEdit)
            else QLineEdit(field.text() if isinstance(field, QLineEdit) else "")
        )
        bare.resize(field.size())
        bare.show()
        settle()
        latencies, cpu, deferred, yardstick = [], [], [], []
        for i in range(300):
            key = Qt.Key.Key_A if i % 2 == 0 else Qt.Key.Key_Backspace
            t0, c0 = time.perf_counter(), time.thread_time()
            QTest.keyClick(field, key)
            app.processEvents()  # counters, findings, size meter, Send state, repaint
            latencies.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
            t1 = time.perf_counter()
            window._refresh_views()  # the preview: what the 60 ms debounce runs once typing pauses
            app.processEvents()  # ... with its repaint and the old preview's deletion
            deferred.append((time.perf_counter() - t1) * 1000)
            t2 = time.perf_counter()
            QTest.keyClick(bare, key)
            app.processEvents()
            yardstick.append((time.perf_counter() - t2) * 1000)
        bare.close()
        pauses = []
        for i in range(10):
            QTest.keyClick(field, Qt.Key.Key_A if i % 2 == 0 else Qt.Key.Key_Backspace)
            app.processEvents()
            time.sleep(PAUSE_MS / 1000 + 0.01)
            t0 = time.perf_counter()
            app.processEvents()  # the waiting check, the findings, the meter and their redraw
            app.processEvents()
            pauses.append((time.perf_counter() - t0) * 1000)
        print(f"typing into {name}:")
        print(
            f"  keystroke -> counters, findings, meter, Send state: {_stats(latencies)}"
            " (target p99 < 16 ms)"
        )
        print(f"    CPU of the GUI thread per keystroke: {_stats(cpu)}")
        yard = type(bare).__name__
        print(f"    yardstick, a bare {yard} with the same text: {_stats(yardstick)}")
        print(f"  debounced preview redraw: {_stats(deferred)}")
        print(f"  a pause in typing (the check that waited for it, shown): {_stats(pauses)}")
    window.close()


ENUM_PROBE = Path(__file__).resolve().parent / "enum_probe"
"""Its sitecustomize.py records every enum class PySide makes (see its docstring)."""


def _probe_run(cmd: list[str], env: dict[str, str], plain_style: bool) -> list[dict[str, Any]]:
    """The enum classes one start made, as the probe wrote them (one dict per class)."""
    out = Path(_scratch(prefix="bench-enums-")) / "enums.jsonl"
    env = dict(env, ENUM_OUT=str(out), ENUM_PROBE_PLAIN_STYLE="1" if plain_style else "0")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ENUM_PROBE), env.get("PYTHONPATH")) if p)
    subprocess.run(cmd, capture_output=True, text=True, env=env, check=True, cwd=_NEUTRAL)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def enum_classes(runs: int = 5, top: int = 20, tree: str = "", plain_style: bool = False) -> None:
    """Enum classes PySide makes in a start (the bare window's, the app's smoke test), their
    ms (measured inside the probe, so slower than a plain start), the app's excess over the
    bare window's (classes the bare window does not make) and what in our code made them.
    Medians of ``runs`` starts; ``tree``: the app of that checkout.

    ``plain_style`` adds a start with ``ui.style.AccessibleStyle``'s Python overrides left out
    (a style with paint overrides in Python makes every lazy Qt class at the first paint,
    which hides what the rest of the start makes).
    """
    base = bytecode_env(_scratch(prefix="bench-pyc-"))
    app_env = _app_env(None, base)
    if tree:
        app_env["PYTHONPATH"] = str(Path(tree).resolve())
    app = [sys.executable, "-m", "viber_desktop", "--smoke-test"]
    kinds = {
        "bare window": ([sys.executable, "-c", BARE], base, False),
        "app": (app, app_env, False),
    }
    if plain_style:
        kinds["app, style without Python overrides"] = (app, app_env, True)
    for cmd, env, plain in kinds.values():  # the bytecode, once
        _probe_run(cmd, env, plain)
    found = {name: [_probe_run(*kind) for _ in range(runs)] for name, kind in kinds.items()}
    bare_names = {row["enum"] for run in found["bare window"] for row in run}
    for name, starts in found.items():
        count = statistics.median(len(run) for run in starts)
        ms = statistics.median(sum(row["ms"] for row in run) for run in starts)
        print(f"{name}: {count:.0f} enum classes, {ms:.1f} ms (median of {runs} starts)")
        if name == "bare window":
            continue
        extra = [[row for row in run if row["enum"] not in bare_names] for run in starts]
        extra_ms = statistics.median(sum(row["ms"] for row in run) for run in extra)
        print(f"  beyond the bare window's: {len(extra[0])} classes, {extra_ms:.1f} ms; made at:")
        for where, ms_where, owners in _triggers(extra)[:top]:
            print(f"  {ms_where:5.1f} ms  {where}: {owners}")


def _triggers(starts: list[list[dict[str, Any]]]) -> list[tuple[str, float, str]]:
    """(our deepest frame, median ms of the classes it made, their Qt owners), costliest first."""
    per_start: list[dict[str, float]] = []
    owners: dict[str, dict[str, int]] = {}
    for run in starts:
        sums: dict[str, float] = {}
        for row in run:
            sums[row["where"]] = sums.get(row["where"], 0.0) + row["ms"]
            if run is starts[0]:
                owner = row["enum"].rsplit(".", 1)[0].rsplit(".", 1)[-1]
                counts = owners.setdefault(row["where"], {})
                counts[owner] = counts.get(owner, 0) + 1
        per_start.append(sums)
    wheres = {w for sums in per_start for w in sums}
    rows = [
        (
            w,
            statistics.median(sums.get(w, 0.0) for sums in per_start),
            ", ".join(
                f"{o} {n}" for o, n in sorted(owners.get(w, {}).items(), key=lambda x: -x[1])
            ),
        )
        for w in wheres
    ]
    return sorted(rows, key=lambda row: -row[1])


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--startup", action="store_true", help="only the start-up ratios")
    parser.add_argument("--in-process", action="store_true", help="only memory and typing")
    parser.add_argument("--rss", action="store_true", help="only the idle RSS of the real app")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="instructions of one start, bare window and app (cachegrind: steady when busy)",
    )
    parser.add_argument(
        "--enums",
        action="store_true",
        help="enum classes made at start: bare window, app, the app's excess and what made it",
    )
    parser.add_argument("--tree", default="", help="--enums: the app of this checkout")
    parser.add_argument(
        "--plain-style",
        action="store_true",
        help="--enums: also a start with ui.style's Python paint overrides left out",
    )
    parser.add_argument("--rounds", type=int, default=17)
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="start-up: the interpreter for every program, e.g. a venv with the wheel installed",
    )
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="start-up without compiled bytecode when PYTHONDONTWRITEBYTECODE is set",
    )
    parser.add_argument(
        "--no-keyring", action="store_true", help="start-up without the keyring-profile runs"
    )
    parser.add_argument(
        "--no-working-tree",
        action="store_true",
        help="start-up of the --compare checkouts only (not this one's app)",
    )
    parser.add_argument(
        "--compare",
        action="append",
        default=[],
        metavar="NAME=FOLDER",
        help="also start the app of another checkout (a folder) or of another venv's wheel "
        "(its bin/python) in the same rounds",
    )
    return parser.parse_args()


if __name__ == "__main__":
    opts = _arguments()
    trees = dict(item.split("=", 1) for item in opts.compare)
    if opts.rss:
        idle_rss(trees=trees)
    elif opts.instructions:
        instructions(opts.python, trees)
    elif opts.enums:
        enum_classes(tree=opts.tree, plain_style=opts.plain_style)
    elif opts.in_process:
        in_process()
    else:
        startup(
            opts.rounds,
            trees,
            bytecode=not opts.no_bytecode,
            keyring=not opts.no_keyring,
            working_tree=not opts.no_working_tree,
            python=opts.python,
        )
        if not opts.startup:
            idle_rss()
            subprocess.run([sys.executable, __file__, "--in-process"], check=True)
