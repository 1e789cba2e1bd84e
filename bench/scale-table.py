#!/usr/bin/env python3
"""Writes the realistic 'scale' table (issue #18) as CSV and Parquet, deterministically.

Usage:
    python3 bench/scale-table.py --rows N --out DIR [--seed S] [--formats csv,parquet]
                                 [--row-group-rows R]

    --rows N            rows to write (default 3000000, the size issue #18 measures)
    --out DIR           folder to write into (created if missing)
    --seed S            random seed (default 18); the same seed, rows and numpy version give
                        byte-identical files (the sha256 of each file is printed)
    --formats LIST      comma-separated subset of csv,parquet (default both)
    --row-group-rows R  Parquet row-group size (default 1048576)

Writes DIR/scale.csv and DIR/scale.parquet with the same rows in the same order, and prints one
line per file: path, bytes, sha256. Needs only python3 and numpy (Debian: python3-numpy).

The table is shaped like a public flight-delay table (3M rows is ~135 MB of CSV):

    column     type                         notes
    scheduled  timestamp (UTC)              ISO-8601 with milliseconds and 'Z' in the CSV,
                                            e.g. 2023-03-14T17:05:42.318Z; TIMESTAMP(MILLIS, UTC)
                                            in Parquet. Six months (2023-01-01 .. 2023-06-30), an
                                            hourly pattern (quiet nights, morning and evening
                                            peaks) and a weekly one (fewer rows on Saturdays).
                                            Rows are sorted by it, as an event log is.
    origin     categorical, 230 levels      three-letter codes, Zipf-skewed frequencies
    dest       categorical, 230 levels      same codes, its own skew, never equal to origin
    distance   integer (miles)              great-circle distance between origin and dest
    seats      integer                      grows with distance, noisy
    delay      integer (minutes), target    depends on hour of day, weekday, month, origin,
                                            dest and distance, plus heavy-tailed noise whose
                                            tail also grows through the day

The columns have no missing values: the table is for measuring speed and memory at scale; the
dirty-data cases live in tests/data/malformed-csv.

Parquet is written by a small writer below (plain and dictionary encodings, uncompressed pages,
required columns) because Debian's Python packages include no Parquet library (no pyarrow or
fastparquet in bookworm); Raciflow's reader (Parquet.Net) and any standard reader read it.
"""

import argparse
import hashlib
import os
import struct
import sys

import numpy as np

COLUMNS = ["scheduled", "origin", "dest", "distance", "seats", "delay"]
LEVELS = 230
START = np.datetime64("2023-01-01T00:00:00", "ms")
DAYS = 181  # 2023-01-01 .. 2023-06-30


# --------------------------------------------------------------------------- the table


def airports(rng):
    """230 distinct three-letter codes with coordinates inside the contiguous United States."""
    letters = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    codes = []
    seen = set()
    while len(codes) < LEVELS:
        code = "".join(rng.choice(letters, 3))
        if code not in seen:
            seen.add(code)
            codes.append(code)
    lat = rng.uniform(25.0, 48.5, LEVELS)
    lon = rng.uniform(-123.0, -70.0, LEVELS)
    return codes, lat, lon


def zipf_weights(rng, exponent):
    """Skewed level frequencies: a few hubs carry most rows, a long tail carries few."""
    ranks = np.arange(1, LEVELS + 1, dtype=np.float64)
    weights = 1.0 / ranks**exponent
    rng.shuffle(weights)  # so the busiest code is not always the first one generated
    return weights / weights.sum()


def great_circle_miles(lat1, lon1, lat2, lon2):
    lat1, lon1, lat2, lon2 = (np.radians(a) for a in (lat1, lon1, lat2, lon2))
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * 3958.8 * np.arcsin(np.sqrt(h))


def make_table(rows, seed):
    rng = np.random.default_rng(seed)
    codes, lat, lon = airports(rng)
    origin_p = zipf_weights(rng, 1.05)
    dest_p = zipf_weights(rng, 0.95)
    origin_effect = rng.normal(0.0, 8.0, LEVELS)
    dest_effect = rng.normal(0.0, 5.6, LEVELS)

    # When: a day weighted by weekday, an hour weighted by the time of day, the rest uniform.
    weekday_weight = np.array([1.02, 0.98, 1.00, 1.03, 1.06, 0.78, 0.93])  # Mon .. Sun
    day_weekday = (np.arange(DAYS) + 6) % 7  # 2023-01-01 was a Sunday (Mon = 0)
    day_p = weekday_weight[day_weekday]
    day_p /= day_p.sum()
    hour_weight = np.array([0.5, 0.2, 0.1, 0.1, 0.3, 1.5, 4.0, 6.0, 6.5, 5.5, 5.0, 5.0,
                            5.0, 5.2, 5.5, 6.0, 6.5, 6.8, 6.5, 5.5, 4.5, 3.5, 2.0, 1.0])
    hour_p = hour_weight / hour_weight.sum()
    day = rng.choice(DAYS, rows, p=day_p)
    hour = rng.choice(24, rows, p=hour_p)
    millis = rng.integers(0, 3_600_000, rows)
    offset = day.astype(np.int64) * 86_400_000 + hour.astype(np.int64) * 3_600_000 + millis
    order = np.argsort(offset, kind="stable")
    offset = offset[order]
    day, hour = day[order], hour[order]
    scheduled = START + offset.astype("timedelta64[ms]")
    weekday = day_weekday[day]
    month = (scheduled.astype("datetime64[M]") - START.astype("datetime64[M]")).astype(np.int64)

    origin = rng.choice(LEVELS, rows, p=origin_p)
    dest = rng.choice(LEVELS, rows, p=dest_p)
    same = origin == dest
    dest[same] = (dest[same] + 1 + rng.integers(0, LEVELS - 1, same.sum())) % LEVELS
    distance = np.maximum(80, np.rint(great_circle_miles(lat[origin], lon[origin], lat[dest], lon[dest])))
    distance = distance.astype(np.int64)
    seats = np.clip(np.rint(60 + 0.09 * distance + rng.normal(0, 25, rows)), 30, 420).astype(np.int64)

    # The delay: the signal a model can learn plus noise it cannot.
    hour_effect = np.array([6, 4, 2, 0, -4, -7, -6, -4, -2, 0, 1, 3,
                            4, 6, 8, 10, 12, 14, 15, 16, 15, 13, 11, 9], dtype=np.float64)
    weekday_effect = np.array([1.0, -2.0, -1.0, 3.0, 6.0, -3.0, 4.0])
    month_effect = np.array([3.0, 0.0, -2.0, -1.0, 2.0, 7.0])
    signal = (1.5 * (hour_effect[hour] + weekday_effect[weekday]) + month_effect[month]
              + origin_effect[origin] + dest_effect[dest] - 0.003 * distance)
    # Late in the day and at congested origins, delays propagate: the long tail gets likelier.
    tail_p = np.clip(0.05 + 0.02 * np.maximum(hour_effect[hour], 0) + 0.01 * np.maximum(origin_effect[origin], 0),
                     0, 0.6)
    tail = rng.random(rows) < tail_p
    noise = rng.normal(0.0, 9.0, rows)
    noise[tail] += rng.exponential(40.0, tail.sum())
    delay = np.rint(signal + noise).astype(np.int64)

    codes_arr = np.array(codes)
    return {
        "scheduled": scheduled,
        "origin": (codes_arr, origin),
        "dest": (codes_arr, dest),
        "distance": distance,
        "seats": seats,
        "delay": delay,
    }


# --------------------------------------------------------------------------- CSV


def write_csv(table, path, chunk=262_144):
    rows = len(table["delay"])
    codes, origin = table["origin"]
    _, dest = table["dest"]
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(",".join(COLUMNS) + "\n")
        for start in range(0, rows, chunk):
            end = min(rows, start + chunk)
            stamps = np.datetime_as_string(table["scheduled"][start:end], unit="ms", timezone="UTC")
            lines = zip(stamps.tolist(), codes[origin[start:end]].tolist(), codes[dest[start:end]].tolist(),
                        table["distance"][start:end].tolist(), table["seats"][start:end].tolist(),
                        table["delay"][start:end].tolist())
            out.write("".join(f"{s},{o},{d},{di},{se},{de}\n" for s, o, d, di, se, de in lines))


# --------------------------------------------------------------------------- Parquet
# Thrift compact protocol, only what a Parquet footer and page headers use.

T_TRUE, T_FALSE, T_I32, T_I64, T_BINARY, T_LIST, T_STRUCT = 1, 2, 5, 6, 8, 9, 12


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def zigzag(n):
    return (n << 1) ^ (n >> 63)


class Struct:
    """A thrift struct: (field id, kind, value) triples written in id order."""

    def __init__(self, *fields):
        self.fields = [f for f in fields if f[2] is not None]

    def encode(self):
        out = bytearray()
        last = 0
        for fid, kind, value in sorted(self.fields, key=lambda f: f[0]):
            wire = (T_TRUE if value else T_FALSE) if kind == "bool" else KINDS[kind]
            delta = fid - last
            if 0 < delta <= 15:
                out.append((delta << 4) | wire)
            else:
                out.append(wire)
                out += varint(zigzag(fid))
            last = fid
            if kind != "bool":
                out += encode_value(kind, value)
        out.append(0)
        return bytes(out)


KINDS = {"i32": T_I32, "i64": T_I64, "string": T_BINARY, "struct": T_STRUCT}


def encode_value(kind, value):
    if kind in ("i32", "i64"):
        return varint(zigzag(value))
    if kind == "string":
        data = value.encode("utf-8")
        return varint(len(data)) + data
    if kind == "struct":
        return value.encode()
    if kind.startswith("list:"):
        element = kind[5:]
        head = bytes([(len(value) << 4) | KINDS[element]]) if len(value) < 15 else \
            bytes([0xF0 | KINDS[element]]) + varint(len(value))
        return head + b"".join(encode_value(element, v) for v in value)
    raise ValueError(kind)


for _name in ("i32", "string", "struct"):
    KINDS["list:" + _name] = T_LIST

# Parquet enums (parquet.thrift)
INT64, DOUBLE, BYTE_ARRAY = 2, 5, 6
REQUIRED = 0
UTF8, TIMESTAMP_MILLIS = 0, 9
PLAIN, RLE, RLE_DICTIONARY = 0, 3, 8
DATA_PAGE, DICTIONARY_PAGE = 0, 2
UNCOMPRESSED = 0


def page_header(page_type, size, values, encoding):
    if page_type == DATA_PAGE:
        body = (5, "struct", Struct((1, "i32", values), (2, "i32", encoding), (3, "i32", RLE), (4, "i32", RLE)))
    else:
        body = (7, "struct", Struct((1, "i32", values), (2, "i32", encoding)))
    return Struct((1, "i32", page_type), (2, "i32", size), (3, "i32", size), body).encode()


def plain_byte_arrays(strings):
    return b"".join(struct.pack("<i", len(s)) + s for s in (x.encode("utf-8") for x in strings))


def dictionary_indices(codes, levels):
    """RLE/bit-packed hybrid, bit-packed runs only: 8 or 16 bits per index are whole bytes."""
    width = 8 if levels <= 256 else 16
    padded = np.zeros(-(-len(codes) // 8) * 8, dtype=np.uint8 if width == 8 else "<u2")
    padded[: len(codes)] = codes
    return bytes([width]) + varint(((len(padded) // 8) << 1) | 1) + padded.tobytes()


def column_chunk(out, name, physical, pages, encodings, rows):
    """Writes the pages (list of (header, body, is_dictionary)) and returns the ColumnChunk."""
    first = out.tell()
    dictionary_offset = data_offset = None
    for header, body, is_dictionary in pages:
        if is_dictionary:
            dictionary_offset = out.tell()
        elif data_offset is None:
            data_offset = out.tell()
        out.write(header)
        out.write(body)
    size = out.tell() - first
    meta = Struct((1, "i32", physical), (2, "list:i32", encodings), (3, "list:string", [name]),
                  (4, "i32", UNCOMPRESSED), (5, "i64", rows), (6, "i64", size), (7, "i64", size),
                  (9, "i64", data_offset), (11, "i64", dictionary_offset))
    return Struct((2, "i64", first), (3, "struct", meta)), size


def write_parquet(table, path, row_group_rows):
    rows = len(table["delay"])
    schema = [Struct((4, "string", "schema"), (5, "i32", len(COLUMNS)))]
    timestamp_type = Struct((8, "struct", Struct((1, "bool", True),
                                                 (2, "struct", Struct((1, "struct", Struct()))))))
    string_type = Struct((1, "struct", Struct()))
    for name in COLUMNS:
        if name == "scheduled":
            schema.append(Struct((1, "i32", INT64), (3, "i32", REQUIRED), (4, "string", name),
                                 (6, "i32", TIMESTAMP_MILLIS), (10, "struct", timestamp_type)))
        elif name in ("origin", "dest"):
            schema.append(Struct((1, "i32", BYTE_ARRAY), (3, "i32", REQUIRED), (4, "string", name),
                                 (6, "i32", UTF8), (10, "struct", string_type)))
        else:
            schema.append(Struct((1, "i32", INT64), (3, "i32", REQUIRED), (4, "string", name)))

    millis = (table["scheduled"] - np.datetime64("1970-01-01T00:00:00", "ms")).astype("<i8")
    row_groups = []
    with open(path, "wb") as out:
        out.write(b"PAR1")
        for start in range(0, rows, row_group_rows):
            end = min(rows, start + row_group_rows)
            count = end - start
            chunks = []
            total = 0
            for name in COLUMNS:
                if name in ("origin", "dest"):
                    codes, index = table[name]
                    dictionary = plain_byte_arrays(codes.tolist())
                    data = dictionary_indices(index[start:end], len(codes))
                    pages = [(page_header(DICTIONARY_PAGE, len(dictionary), len(codes), PLAIN), dictionary, True),
                             (page_header(DATA_PAGE, len(data), count, RLE_DICTIONARY), data, False)]
                    chunk, size = column_chunk(out, name, BYTE_ARRAY, pages, [PLAIN, RLE, RLE_DICTIONARY], count)
                else:
                    values = millis if name == "scheduled" else table[name].astype("<i8")
                    data = values[start:end].tobytes()
                    pages = [(page_header(DATA_PAGE, len(data), count, PLAIN), data, False)]
                    chunk, size = column_chunk(out, name, INT64, pages, [PLAIN, RLE], count)
                chunks.append(chunk)
                total += size
            row_groups.append(Struct((1, "list:struct", chunks), (2, "i64", total), (3, "i64", count)))
        footer = Struct((1, "i32", 1), (2, "list:struct", schema), (3, "i64", rows),
                        (4, "list:struct", row_groups), (6, "string", "raciflow bench/scale-table.py")).encode()
        out.write(footer)
        out.write(struct.pack("<I", len(footer)))
        out.write(b"PAR1")


# --------------------------------------------------------------------------- main


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main(argv):
    parser = argparse.ArgumentParser(description="Write the realistic scale table (issue #18) as CSV and Parquet.")
    parser.add_argument("--rows", type=int, default=3_000_000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--formats", default="csv,parquet")
    parser.add_argument("--row-group-rows", type=int, default=1_048_576)
    args = parser.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    unknown = [f for f in formats if f not in ("csv", "parquet")]
    if args.rows < 1 or args.row_group_rows < 1 or unknown or not formats:
        parser.error("--rows and --row-group-rows must be positive; --formats is a subset of csv,parquet")

    os.makedirs(args.out, exist_ok=True)
    table = make_table(args.rows, args.seed)
    for fmt in formats:
        path = os.path.join(args.out, "scale." + fmt)
        temporary = path + ".tmp"
        if fmt == "csv":
            write_csv(table, temporary)
        else:
            write_parquet(table, temporary, args.row_group_rows)
        os.replace(temporary, path)
        print(f"{path}\t{os.path.getsize(path)}\t{sha256(path)}")


if __name__ == "__main__":
    main(sys.argv[1:])
