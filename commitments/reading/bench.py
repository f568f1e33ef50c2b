"""python -m commitments.reading.bench: milliseconds per report for the fixture reports, after a warm-up."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .extract import extract
from .tokens import tokenize

REPORTS = Path(__file__).resolve().parents[2] / "fixtures" / "reports"


def main(*, rounds: int = 5) -> int:
    files = sorted(REPORTS.glob("*.txt"))
    if not files:
        print(f"没有找到报告：{REPORTS}")
        return 1
    texts = {f.name: f.read_text(encoding="utf-8") for f in files}
    tokenize("预热")  # jieba loads once per process; not part of a report's time
    for text in texts.values():
        extract(text)  # warm-up: caches (zhconv, cities, indicator table)
    worst = 0.0
    for name, text in texts.items():
        start = time.perf_counter()
        for _ in range(rounds):
            extract(text)
        ms = (time.perf_counter() - start) * 1000 / rounds
        worst = max(worst, ms)
        print(f"{name:28s} {len(text.encode('utf-8')) / 1024:6.1f} KB  {ms:7.1f} ms")
    print(f"最慢 {worst:.1f} ms / 报告（目标 < 300 ms）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
