"""Signs every file of the EU DSS corpus with the kit (as a countersignature
where it is already signed) and checks the kit's signature: pdfsig must
call it valid and covering the whole file, the kit's verifier must call it
valid, and pyHanko is asked too. Refusals are listed with the kit's reason.
Called by scripts/sign-corpus; writes the report and exits 1 if any
signature the kit wrote is judged broken.

Usage: sign_corpus.py CORPUS ESERVICE PYTHON OUT.md"""

import json
import os
import subprocess
import sys
import tempfile

corpus, eservice, python, out = sys.argv[1:5]
here = os.path.dirname(os.path.abspath(__file__))
fx = tempfile.mkdtemp(prefix="sign-corpus-")
subprocess.run([python, os.path.join(here, "..", "tests", "oracle", "make_fixtures.py"), fx], check=True, stdout=subprocess.DEVNULL)
key = ["--key", f"{fx}/p256.key.pem", "--cert", f"{fx}/p256.cert.pem", "--chain", f"{fx}/ca.cert.pem", "--crl", f"{fx}/ca.crl"]
PYHANKO = """
import sys
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
r = PdfFileReader(open(sys.argv[1], 'rb'), strict=False)
sig = [s for s in r.embedded_signatures if s.field_name.startswith('Signature')][-1]
st = validate_pdf_signature(sig, ValidationContext(trust_roots=[load_cert_from_pemder(sys.argv[2])], allow_fetching=False))
print('VALID' if st.bottom_line else f'NOT VALID: intact={st.intact} valid={st.valid} trusted={st.trusted}')
"""

files = sorted(os.path.relpath(os.path.join(d, n), corpus) for d, _, ns in os.walk(corpus) for n in ns if n.endswith(".pdf"))
rows, broken = [], []
work = tempfile.mkdtemp(prefix="signed-")
for f in files:
    dst = os.path.join(work, f.replace("/", "_"))
    r = subprocess.run([eservice, "sign", os.path.join(corpus, f), dst, *key], capture_output=True, text=True)
    if r.returncode != 0:
        rows.append((f, "refused", r.stderr.strip().split(": ")[-1], "", ""))
        continue
    sig = subprocess.run(["pdfsig", dst], capture_output=True, text=True).stdout
    last = sig.split("Signature #")[-1]
    pdfsig_ok = "Signature is Valid" in last and "Total document signed" in last
    v = json.loads(subprocess.run([eservice, "verify", "--json", "--trust", f"{fx}/trust.json", dst], capture_output=True, text=True).stdout or "{}")
    kit_ok = bool(v.get("signatures")) and v["signatures"][-1].get("verdict") == "valid"
    p = subprocess.run([python, "-c", PYHANKO, dst, f"{fx}/ca.cert.pem"], capture_output=True, text=True, timeout=120)
    py = p.stdout.strip() or "could not read: " + (p.stderr.strip().splitlines() or ["?"])[-1][:100]
    rows.append((f, "signed", "", "valid" if pdfsig_ok else "NOT VALID", "valid" if kit_ok else "NOT VALID", py))
    if not (pdfsig_ok and kit_ok):
        broken.append(f)

signed = [r for r in rows if r[1] == "signed"]
py_valid = sum(1 for r in signed if r[5] == "VALID")
with open(out, "w") as o:
    o.write("# The kit signing the EU DSS corpus\n\n")
    o.write("Made by `scripts/sign-corpus`: every PDF of `../shared/corpus/pdf-dss` signed by `eservice sign` ")
    o.write("(P-256, a test CA), as a countersignature where the file is already signed; the kit's signature ")
    o.write("is then checked by pdfsig, by the kit's verifier and by pyHanko (test CA trusted).\n\n")
    o.write(f"- files: {len(rows)}; signed: {len(signed)}; refused with a reason: {len(rows) - len(signed)}\n")
    o.write(f"- the kit's signature valid in pdfsig and the kit: {len(signed) - len(broken)} of {len(signed)}\n")
    o.write(f"- valid in pyHanko: {py_valid} of {len(signed)} (the rest: pyHanko cannot read the original file, or judges it by the earlier, broken signatures' revisions)\n\n")
    o.write("| file | kit | pdfsig | kit verifier | pyHanko |\n|---|---|---|---|---|\n")
    for r in rows:
        if r[1] == "refused":
            o.write(f"| {r[0]} | refused: {r[2]} | | | |\n")
        else:
            o.write(f"| {r[0]} | signed | {r[3]} | {r[4]} | {r[5]} |\n")
print(f"sign-corpus: {len(signed)} signed, {len(rows) - len(signed)} refused; kit signatures valid in pdfsig and the kit: {len(signed) - len(broken)} of {len(signed)}; pyHanko: {py_valid}")
for f in broken:
    print(f"BROKEN: {f}")
print(f"{len(signed) - len(broken)} passed, {len(broken)} failed")
sys.exit(1 if broken else 0)
