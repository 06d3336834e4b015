"""The incoming register opened as a clerk's spreadsheet opens it (issue 15,
item 4, formula injection): packages whose sender and subject start with
what Excel runs as a formula are added with `eservice register add`; the
workbook is then read with openpyxl and the CSV with Python's csv module.
No cell may be a formula or start with = + - @ tab or CR; each such text is
shown with a leading ' instead; and the kit, reading its own CSV back to add
more, gives the texts back as typed (no quote is added twice).

Usage: spreadsheet.py ESERVICE_BINARY
Prints one line per check and "spreadsheet: N passed, M failed".
"""

import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

from openpyxl import load_workbook
from tally import Tally

ESERVICE = os.path.abspath(sys.argv[1])
d = tempfile.mkdtemp(prefix="spreadsheet-")
tally = Tally("spreadsheet")
check = tally.check
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def package(path, sender, subject):
    """A package as the browser builds it (no evidence): manifest.json in
    RFC 8785 form, which for this data is sorted keys, no spaces, UTF-8."""
    manifest = {
        "kit": {"name": "eservice-kit", "version": "0.1.0"},
        "form": {"id": "demo", "version": None, "schemaSha256": hashlib.sha256(b"{}").hexdigest(), "title": subject, "agency": "กรมทดสอบ"},
        "created": "2026-11-27T10:00:00+07:00",
        "data": {"applicant": {"name": sender}},
        "evidence": [],
    }
    text = json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("manifest.json", text.encode())


# Sender (the applicant's name) and subject (the form's title), both typed by
# whoever built the package. The kit trims a sender's name, so the tab and
# CR cases are in the subject.
cases = [
    ('=HYPERLINK("http://x","y")', "+1"),
    ("-2", "@SUM(A1)"),
    ("@SUM(A1)", "\t=1+1"),
    ("+1", "\r=1+1"),
    ("'quoted", "-2+3"),
    ("ชื่อ\x01แปลก", "คำขอ\x0bพิเศษ"),  # control characters XML cannot hold
    ("สมชาย ใจดี", "คำขอ = ปกติ"),
]
paths = []
for i, (sender, subject) in enumerate(cases):
    p = os.path.join(d, f"p{i}.zip")
    package(p, sender, subject)
    paths.append(p)

reg, xlsx = os.path.join(d, "incoming.csv"), os.path.join(d, "incoming.xlsx")
r = subprocess.run([ESERVICE, "register", "add", *paths[:-1], "--register", reg, "--xlsx", xlsx], capture_output=True, text=True)
check("register add takes the packages", r.returncode == 0 and r.stdout.count("added as row") == len(cases) - 1, r.stdout + r.stderr)
# A second run reads the CSV it wrote and writes it again, with one more row.
r = subprocess.run([ESERVICE, "register", "add", paths[-1], "--register", reg, "--xlsx", xlsx], capture_output=True, text=True)
check("a second add reads the register back and adds a row", r.returncode == 0 and f"added as row {len(cases)}" in r.stdout, r.stdout + r.stderr)

typed = [t for c in cases for t in c]


def shown(text):
    """How the text must be shown: a ' before what would run as a formula
    (and before a ' that was typed)."""
    return "'" + text if text.startswith(DANGEROUS + ("'",)) else text


def excel(value):
    """A cell's text as Excel shows it: openpyxl leaves OOXML's `_xHHHH_`
    escapes (ST_Xstring) as they are; Excel decodes them."""
    if not isinstance(value, str):
        return value
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


# The workbook, as a spreadsheet loads it.
try:
    ws = load_workbook(xlsx).active
    cells = [c for row in ws.iter_rows() for c in row]
    formulas = [c.coordinate for c in cells if c.data_type == "f"]
    check("xlsx: no cell is a formula", not formulas, str(formulas))
    risky = [(c.coordinate, c.value) for c in cells if isinstance(c.value, str) and excel(c.value).startswith(DANGEROUS)]
    check("xlsx: no cell starts with = + - @ tab or CR", not risky, str(risky))
    body = [[excel(c.value) for c in row] for row in ws.iter_rows(min_row=2)]
    got = [(row[2], row[3]) for row in body]
    want = [(shown(s), shown(t)) for s, t in cases]
    check("xlsx: each text is shown, escaped with a leading '", got == want, f"{got!r} != {want!r}")
    check("xlsx: every cell is text", all(c.data_type == "s" for c in cells if c.value is not None), str({c.data_type for c in cells}))
except Exception as e:  # a workbook openpyxl cannot open fails every check
    check("xlsx: opens in openpyxl", False, repr(e))

# The CSV, as a spreadsheet (or Python's csv module) reads it.
with open(reg, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
flat = [c for row in rows for c in row]
risky = [c for c in flat if c.startswith(DANGEROUS)]
check("csv: no cell starts with = + - @ tab or CR", not risky, repr(risky))
got = [(row[2], row[3]) for row in rows[1:]]
check("csv: each text is escaped with exactly one leading ' (also after being read back)", got == [(shown(s), shown(t)) for s, t in cases], repr(got))
raw = open(reg, "rb").read()
lines = [line for line in raw[3:].decode().split("\r\n") if line]
check("csv: UTF-8 with a BOM, every field quoted", raw.startswith(b"\xef\xbb\xbf") and all(line.startswith('"') and line.endswith('"') for line in lines)
      and all(len(row) == 7 for row in rows), repr(lines))

tally.finish()
