"""Check + serialisation of a 30 KB rich-media payload with keyboard: median and p99."""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.payloads import big_rich_media
from viber_desktop.core.checker import check_payload
from viber_desktop.core.text import body_bytes


def main(runs: int = 2000) -> None:
    msg = big_rich_media()
    report = check_payload(msg)
    print(
        f"payload: {report.bytes:,} bytes, {len(report.errors)} errors, "
        f"{len(report.warnings)} warnings"
    )
    for _ in range(100):
        check_payload(msg)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        check_payload(msg)
        body_bytes(msg)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p99 = times[int(len(times) * 0.99) - 1]
    print(
        f"check+serialise over {runs} runs: median {statistics.median(times):.3f} ms, "
        f"p99 {p99:.3f} ms, max {times[-1]:.3f} ms (target p99 < 2 ms)"
    )


if __name__ == "__main__":
    main()
