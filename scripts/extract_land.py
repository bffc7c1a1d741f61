"""Cut one Land out of the shared Destatis and OpenStreetMap files.

Usage: python scripts/extract_land.py 15 [--shared ../shared/data] [--out landnetz/core/data]
"""

import argparse
import csv
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("land", help="two-digit Land key, e.g. 15 for Sachsen-Anhalt")
    parser.add_argument("--shared", default="../shared/data")
    parser.add_argument("--out", default="landnetz/core/data")
    args = parser.parse_args()
    shared, out = Path(args.shared), Path(args.out)

    with (
        open(shared / "gemeindeverzeichnis-destatis.csv", encoding="utf-8-sig", newline="") as f,
        open(out / f"gemeinden-{args.land}.csv", "w", encoding="utf-8", newline="") as o,
    ):
        reader, writer = csv.reader(f), csv.writer(o)
        writer.writerow(next(reader))
        writer.writerows(row for row in reader if row[2] == args.land)

    with (
        open(shared / "plz-ort-landkreis.csv", encoding="utf-8", newline="") as f,
        open(out / f"plz-{args.land}.csv", "w", encoding="utf-8", newline="") as o,
    ):
        reader, writer = csv.reader(f), csv.writer(o)
        writer.writerow(next(reader))
        writer.writerows(row for row in reader if row[1].startswith(args.land))


if __name__ == "__main__":
    main()
