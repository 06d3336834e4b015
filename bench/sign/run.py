"""Permit signing: the kit natively (in-process, key loaded, median of runs)
and in Chromium (#/sign, Sign pressed to download link shown, which
includes opening the .p12), beside pyHanko signing the same one-page
permit in-process with the same key. Prints a table; figures, never
assertions.

Usage: run.py FIXTURE_DIR TIMING_BIN DIST"""

import io
import json
import statistics
import subprocess
import sys
import time

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

fx, timing, dist = sys.argv[1], sys.argv[2], sys.argv[3]


def pyhanko_ms(stem, n):
    signer = signers.SimpleSigner.load(f"{fx}/{stem}.key.pem", f"{fx}/{stem}.cert.pem", ca_chain_files=[f"{fx}/ca.cert.pem"])
    meta = signers.PdfSignatureMetadata(field_name="Signature1", subfilter=fields.SigSeedSubFilter.PADES, reason="Permit issued")
    data = open(f"{fx}/unsigned.pdf", "rb").read()
    runs = []
    for _ in range(n):
        t = time.perf_counter()
        signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(data)), meta, signer=signer)
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)


def kit_ms(stem, n):
    args = [timing, f"{fx}/unsigned.pdf", f"{fx}/{stem}.key.pem", f"{fx}/{stem}.cert.pem", f"{fx}/ca.cert.pem", str(n)]
    return float(subprocess.check_output(args, text=True))


chromium = json.loads(subprocess.check_output(["node", "bench/sign/chromium.mjs", dist, fx, "p256.p12", "rsa.p12"], text=True))
print("\nPermit signing, one page (median ms; lower is better). Chromium: #/sign, Sign pressed to download link shown.")
print(f"{'key':22} {'kit native':>11} {'kit Chromium':>13} {'pyHanko':>9} {'pyHanko/native':>15} {'pyHanko/Chromium':>17}  target native/Chromium")
for name, stem, p12 in [("P-256", "p256", "p256.p12"), ("RSA 2048", "rsa", "rsa.p12")]:
    k, c, p = kit_ms(stem, 50), chromium[p12], pyhanko_ms(stem, 20)
    print(f"{name:22} {k:11.2f} {c:13.1f} {p:9.2f} {p / k:14.2f}x {p / c:16.2f}x  ≤ 10 / ≤ 50")
