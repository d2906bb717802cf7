"""What Viber's formatting costs the checker on each keystroke (issue 18).

Checks a 7,000-character text message: plain (the yardstick), formatted as a marketer writes
(bold, italic, strike, monospace every few words), and two hostile shapes (marks that never
close, spans nested three deep all along). Rounds interleave the four; the ratio to the plain
text is taken per round and its median and range printed, with the median milliseconds.

    .venv/bin/python tests/benchmarks/bench_markup.py [--rounds 15]
"""

import argparse
import statistics
import time
from collections.abc import Callable

from viber_desktop.core import markup
from viber_desktop.core.checker import check_payload

SIZE = 7000
TEXTS = {
    "plain": "Hello world, this is a plain line of text for the summer sale. ",
    "formatted": "*Hello* _world_, this ~is~ a ```CODE-15``` line of text snake_case. ",
    "unclosed": "*a _b ~c ",
    "nested": "*_~a~_* ",
}


def payload(unit: str) -> dict[str, object]:
    text = (unit * (SIZE // len(unit) + 1))[:SIZE]
    return {"receiver": "a", "type": "text", "sender": {"name": "Shop"}, "text": text}


def timed(run: Callable[[], object], repeat: int = 20) -> float:
    best = []
    for _ in range(repeat):
        markup.parse.cache_clear()  # a new text on every keystroke
        began = time.perf_counter()
        run()
        best.append(time.perf_counter() - began)
    return statistics.median(best)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    bodies = {name: payload(unit) for name, unit in TEXTS.items()}
    times: dict[str, list[float]] = {name: [] for name in TEXTS}
    for r in range(rounds):
        order = list(TEXTS)[r % 4 :] + list(TEXTS)[: r % 4]
        for name in order:
            body = bodies[name]
            times[name].append(timed(lambda: check_payload(body)))  # noqa: B023 - called at once
    plain = times["plain"]
    print(f"check_payload on a {SIZE:,}-character text, {rounds} rounds (median of 20 each)")
    for name, values in times.items():
        ratios = [v / p for v, p in zip(values, plain, strict=True)]
        print(
            f"  {name:10} {statistics.median(values) * 1000:7.2f} ms   "
            f"x{statistics.median(ratios):6.1f} plain (range {min(ratios):.1f}-{max(ratios):.1f})"
        )


if __name__ == "__main__":
    main()
