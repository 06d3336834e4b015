"""Permit verification: the kit natively (in-process, median of runs) beside
pyHanko validating in-process, on the same pyHanko-signed PDFs: a one-page
P-256 permit and a 50 MB one. Prints a table; figures, never assertions.

Usage: run.py FIXTURE_DIR TIMING_BIN"""

import asyncio
import io
import statistics
import subprocess
import sys
import time

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

fx, timing = sys.argv[1], sys.argv[2]
root = load_cert_from_pemder(f"{fx}/ca.cert.pem")


def pyhanko_ms(path, n):
    data = open(path, "rb").read()
    runs = []
    for _ in range(n):
        t = time.perf_counter()
        r = PdfFileReader(io.BytesIO(data))
        vc = ValidationContext(trust_roots=[root])
        st = asyncio.run(async_validate_pdf_signature(r.embedded_signatures[0], vc))
        assert st.intact and st.valid
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)


def kit_ms(path, n):
    return float(subprocess.check_output([timing, path, f"{fx}/trust.json", str(n)], text=True))


rows = []
for name, path, n in [("one-page permit, P-256", f"{fx}/p256.pdf", 50), ("50 MB permit, P-256", f"{fx}/big.pdf", 5)]:
    k, p = kit_ms(path, n), pyhanko_ms(path, max(3, n // 10))
    rows.append((name, k, p))
print("\nPermit verification (median ms, in-process; lower is better)")
print(f"{'file':28} {'kit native':>12} {'pyHanko':>10} {'pyHanko/kit':>12}")
for name, k, p in rows:
    print(f"{name:28} {k:12.2f} {p:10.2f} {p / k:11.1f}x")
