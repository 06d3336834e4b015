"""Permit verification: the kit natively (in-process, median of runs) and in
Chromium (#/verify, file chosen to verdict shown), beside pyHanko validating
in-process, on the same pyHanko-signed PDFs: a one-page P-256 permit and a
50 MB one, both B-LT (the CA's CRL in a DSS). Both verifiers check the
chain's revocation from the DSS (pyHanko: its "require" policy, every
certificate but the anchor). Prints a table; figures, never assertions.

Usage: run.py FIXTURE_DIR TIMING_BIN DIST"""

import asyncio
import io
import json
import statistics
import subprocess
import sys
import time

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator import ValidationContext

fx, timing, dist = sys.argv[1], sys.argv[2], sys.argv[3]
root = load_cert_from_pemder(f"{fx}/ca.cert.pem")


def pyhanko_ms(path, n):
    data = open(path, "rb").read()
    runs = []
    for _ in range(n):
        t = time.perf_counter()
        r = PdfFileReader(io.BytesIO(data))
        vc = DocumentSecurityStore.read_dss(r).as_validation_context(dict(trust_roots=[root], allow_fetching=False, revocation_mode="require"))
        st = asyncio.run(async_validate_pdf_signature(r.embedded_signatures[0], vc))
        assert st.bottom_line, st.summary()
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)


def kit_ms(path, n):
    return float(subprocess.check_output([timing, path, f"{fx}/trust.json", str(n)], text=True))


files = [("one-page B-LT permit", "p256.pdf", 50, "< pyHanko / < 30"), ("50 MB B-LT permit", "big.pdf", 5, "≥ 1.5× pyHanko / < 700")]
chromium = json.loads(subprocess.check_output(["node", "bench/verify/chromium.mjs", dist, fx] + [f for _, f, _, _ in files], text=True))
print("\nPermit verification (median ms; lower is better). Chromium: #/verify, file chosen to verdict shown.")
print(f"{'file':24} {'kit native':>11} {'kit Chromium':>13} {'pyHanko':>9} {'pyHanko/native':>15} {'pyHanko/Chromium':>17}  target native/Chromium")
for name, f, n, target in files:
    k, c, p = kit_ms(f"{fx}/{f}", n), chromium[f], pyhanko_ms(f"{fx}/{f}", max(3, n // 10))
    print(f"{name:24} {k:11.2f} {c:13.1f} {p:9.2f} {p / k:14.2f}x {p / c:16.2f}x  {target}")
