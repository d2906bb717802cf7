"""``check`` on a 50 MB payload of ~2 M unknown keys: wall time and peak memory.

Reads and checks the file the way ``viber-desktop check --json`` does (read_payload, then
check_payload, then the JSON output), once untraced for the time, once under tracemalloc.
"""

import io
import sys
import tempfile
import time
import tracemalloc
from contextlib import redirect_stdout
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from viber_desktop.cli.json_shapes import check_report
from viber_desktop.cli.output import say_json
from viber_desktop.cli.payload_input import read_payload
from viber_desktop.core.checker import check_payload


def write_payload(path: Path, keys: int) -> int:
    head = '{"receiver": "u1", "type": "text", "text": "hi", "sender": {"name": "S"}'
    with path.open("w", encoding="utf-8") as f:
        f.write(head)
        for i in range(keys):
            f.write(f', "k{i:07d}": "v{i:07d}"')
        f.write("}")
    return path.stat().st_size


def run(path: Path) -> tuple[int, int]:
    report = check_payload(read_payload(str(path)))
    out = io.StringIO()
    with redirect_stdout(out):
        say_json(check_report(report))
    return len(report.findings), len(out.getvalue())


def main(keys: int = 2_000_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "flood.json"
        size = write_payload(path, keys)
        t0 = time.perf_counter()
        findings, printed = run(path)
        seconds = time.perf_counter() - t0
        tracemalloc.start()
        run(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(
        f"{size / 1e6:.1f} MB, {keys:,} unknown keys: {findings} findings, {printed:,} bytes "
        f"of JSON printed; {seconds:.1f} s; peak traced memory {peak / 2**20:.0f} MiB"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000)
