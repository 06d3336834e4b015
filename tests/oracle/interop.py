"""The interoperability bar for signing: every PDF the kit signs is judged
VALID by pyHanko (test CA trusted) and by pdfsig ("Signature is Valid",
"Total document signed"), and by the kit's own verifier; countersignatures
either way verify in both; bad inputs are refused by name and leave no
output file.

Usage: interop.py ESERVICE_BINARY
Prints one line per check and "interop: N passed, M failed".
"""

import datetime
import io
import json
import os
import subprocess
import sys
import tempfile

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import copy_into_new_writer
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.errors import NoDSSFoundError
from asn1crypto import crl as asn1_crl
from pyhanko_certvalidator import ValidationContext
from tally import Tally

ESERVICE = os.path.abspath(sys.argv[1])
HERE = os.path.dirname(os.path.abspath(__file__))
d = tempfile.mkdtemp(prefix="interop-")
subprocess.run([sys.executable, os.path.join(HERE, "make_fixtures.py"), d], check=True, stdout=subprocess.DEVNULL)
os.chdir(d)
tally = Tally("interop")
check = tally.check


def kit(*args):
    return subprocess.run([ESERVICE, *args], capture_output=True, text=True)


def pyhanko_verdicts(path):
    ca = load_cert_from_pemder("ca.cert.pem")
    r = PdfFileReader(open(path, "rb"))
    out = []
    for sig in r.embedded_signatures:
        vc = ValidationContext(trust_roots=[ca], allow_fetching=False, revocation_mode="soft-fail")
        st = validate_pdf_signature(sig, vc)
        out.append((st.bottom_line, st.coverage.name, st.modification_level.name if st.modification_level else None))
    return out


def pdfsig_ok(path, count):
    out = subprocess.run(["pdfsig", path], capture_output=True, text=True).stdout
    valid = out.count("Signature Validation: Signature is Valid.")
    return valid == count and "Total document signed" in out.split("Signature #%d" % count)[-1], out


def judged_valid(name, path, count=1, ltv=False):
    """`ltv`: validation data (a DSS) was added after the last signature,
    so it covers its revision, and the rest is an LTA update."""
    v = pyhanko_verdicts(path)
    check(f"{name}: pyHanko judges every signature VALID", len(v) == count and all(b for b, _, _ in v), str(v))
    if ltv:
        check(f"{name}: pyHanko says only validation data came after the last signature", bool(v) and v[-1][1:] == ("ENTIRE_REVISION", "LTA_UPDATES"), str(v))
        out = subprocess.run(["pdfsig", path], capture_output=True, text=True).stdout
        check(f"{name}: pdfsig says every Signature is Valid", out.count("Signature Validation: Signature is Valid.") == count, out)
    else:
        check(f"{name}: pyHanko says the last signature covers the entire file", bool(v) and v[-1][1] == "ENTIRE_FILE", str(v))
        ok, out = pdfsig_ok(path, count)
        check(f"{name}: pdfsig says Signature is Valid and Total document signed", ok, out)
    r = kit("verify", path, "--trust", "trust.json", "--json")
    report = json.loads(r.stdout or "{}")
    check(f"{name}: the kit's verifier says valid", r.returncode == 0 and report.get("verdict") == "valid" and len(report.get("signatures", [])) == count, r.stdout + r.stderr)


def sign(inp, out, *args):
    return kit("sign", inp, out, *args)


# The kit signs the CA's current CRL in (`--crl`), so verifiers can check
# the chain's revocation offline.
pem = ["--key", "p256.key.pem", "--cert", "p256.cert.pem", "--chain", "ca.cert.pem", "--crl", "ca.crl"]
rsa = ["--key", "rsa.key.pem", "--cert", "rsa.cert.pem", "--chain", "ca.cert.pem", "--crl", "ca.crl.pem"]
p12 = lambda stem: ["--p12", f"{stem}.p12", "--password-file", "p12-password.txt", "--crl", "ca.crl"]

# A Word-like file: cross-reference stream instead of a table.
w = copy_into_new_writer(PdfFileReader(open("unsigned.pdf", "rb")), writer_kwargs={"stream_xrefs": True})
buf = io.BytesIO(); w.write(buf); open("xref-stream.pdf", "wb").write(buf.getvalue())

cases = [
    ("P-256 (PEM)", "unsigned.pdf", pem),
    ("RSA 2048 (PEM)", "unsigned.pdf", rsa),
    ("P-256 from .p12 (PBES2 AES-256)", "unsigned.pdf", p12("p256")),
    ("RSA from .p12 (legacy 3DES)", "unsigned.pdf", p12("rsa")),
    ("visible stamp, certified", "unsigned.pdf", pem + ["--visible", "1,340,40,220,70", "--certify", "--reason", "ออกใบอนุญาต"]),
    ("cross-reference stream file", "xref-stream.pdf", pem),
]
for i, (name, src, args) in enumerate(cases):
    out = f"kit-{i}.pdf"
    r = sign(src, out, *args)
    check(f"{name}: kit signs", r.returncode == 0 and os.path.exists(out), r.stderr)
    if os.path.exists(out):
        check(f"{name}: the original bytes are untouched", open(out, "rb").read().startswith(open(src, "rb").read()))
        judged_valid(name, out)


# The stamp's Thai font is embedded as a subset (poppler's pdffonts says so),
# and its text still draws: poppler renders dark pixels inside the stamp box
# (visible at 340,40, 220×70 pt), not only its border.
fonts = subprocess.run(["pdffonts", "kit-4.pdf"], capture_output=True, text=True).stdout
garuda = [l for l in fonts.splitlines() if "+Garuda" in l]
check("visible stamp: Garuda embedded as a subset", len(garuda) == 1 and garuda[0].split()[-5:-2] == ["yes", "yes", "yes"], fonts)
check("visible stamp: the subset keeps the PDF small", os.path.getsize("kit-4.pdf") < os.path.getsize("unsigned.pdf") + 30_000,
      f"{os.path.getsize('kit-4.pdf')} bytes")
render = subprocess.run(["pdftoppm", "-r", "72", "-gray", "kit-4.pdf"], capture_output=True)
pgm = render.stdout
header_end = 0
for _ in range(3):  # P5, width height, maxval
    header_end = pgm.index(b"\n", header_end) + 1
width, height = map(int, pgm.split(b"\n")[1].split())
pixels = pgm[header_end:]
inner = [pixels[y * width + x] for y in range(height - 110 + 4, height - 40 - 4) for x in range(340 + 4, 560 - 4)]
dark = sum(1 for v in inner if v < 128)
check("visible stamp: poppler draws its Thai text", render.returncode == 0 and dark > 200, f"{dark} dark pixels, {render.stderr[:200]!r}")

def pyhanko_sign(src, out, field):
    signer = signers.SimpleSigner.load("rsa.key.pem", "rsa.cert.pem", ca_chain_files=["ca.cert.pem"])
    meta = signers.PdfSignatureMetadata(field_name=field, subfilter=fields.SigSeedSubFilter.PADES)
    wr = IncrementalPdfFileWriter(open(src, "rb"))
    buf = io.BytesIO(signers.sign_pdf(wr, meta, signer=signer).getvalue())
    # pyHanko adds the CA's CRL in a DSS after signing, as B-LT does.
    DocumentSecurityStore.add_dss(buf, None, crls=[asn1_crl.CertificateList.load(open("ca.crl", "rb").read())])
    open(out, "wb").write(buf.getvalue())


# Kit first, pyHanko countersigns.
pyhanko_sign("kit-0.pdf", "kit-then-pyhanko.pdf", "PyHankoSig")
judged_valid("kit-signed, countersigned by pyHanko", "kit-then-pyhanko.pdf", 2, ltv=True)
pyhanko_sign("kit-4.pdf", "certified-then-pyhanko.pdf", "PyHankoSig")
judged_valid("kit-certified (P=2), countersigned by pyHanko", "certified-then-pyhanko.pdf", 2, ltv=True)
# pyHanko first, kit countersigns.
r = sign("p256.pdf", "pyhanko-then-kit.pdf", *rsa)
check("pyHanko-signed, countersigned by the kit: kit signs", r.returncode == 0, r.stderr)
judged_valid("pyHanko-signed, countersigned by the kit", "pyhanko-then-kit.pdf", 2)

# Revocation: the kit's verdict is pyHanko's, on every fixture pyHanko made
# with revocation data right and wrong, under pyHanko's "require" policy
# (every certificate but the anchor needs an answer), at the signing time,
# strict and with retroactive revocation info.
def pyhanko_revocation(path, retroactive):
    ca = load_cert_from_pemder("ca.cert.pem")
    r = PdfFileReader(open(path, "rb"))
    sig = r.embedded_signatures[0]
    kw = dict(trust_roots=[ca], allow_fetching=False, revocation_mode="require", retroactive_revinfo=retroactive, moment=sig.self_reported_timestamp)
    try:
        vc = DocumentSecurityStore.read_dss(r).as_validation_context(kw)
    except NoDSSFoundError:
        vc = ValidationContext(crls=[], ocsps=[], **kw)
    st = validate_pdf_signature(sig, vc)
    if st.bottom_line:
        return "valid"
    if st.revoked:
        return "revoked"
    return "revocation-unchecked" if st.intact and st.valid else "invalid"


expected = json.load(open("expected.json"))
for name in ["p256.pdf", "rsa.pdf", "unchecked.pdf", "revoked-signer.pdf", "crl-wrong-key.pdf", "ocsp-delegated.pdf",
             "ocsp-no-eku.pdf", "ocsp-stale.pdf", "ocsp-revoked.pdf", "crl-later.pdf"]:
    for retroactive in (False, True):
        flags = ["--retroactive-revocation"] if retroactive else []
        r = kit("verify", name, "--trust", "trust.json", "--json", *flags)
        ours = json.loads(r.stdout or "{}").get("verdict")
        theirs = pyhanko_revocation(name, retroactive)
        policy = "retroactive" if retroactive else "strict"
        check(f"revocation, {policy}: {name} is {theirs} for pyHanko and the kit", ours == theirs, f"kit {ours}, pyHanko {theirs}")
    check(f"revocation: {name} is as expected.json says", kit("verify", name, "--trust", "trust.json", "--json").stdout.count(f'"verdict": "{expected[name]}"') >= 1)

# Without revocation data, a kit signature is "revocation not checked"
# (exit 1), unless the backend accepts that; ltv-update adds the CRL later.
r = sign("unsigned.pdf", "bare.pdf", "--key", "p256.key.pem", "--cert", "p256.cert.pem", "--chain", "ca.cert.pem")
r = kit("verify", "bare.pdf", "--trust", "trust.json", "--json")
report = json.loads(r.stdout or "{}")
sig0 = (report.get("signatures") or [{}])[0]
check("a signature without revocation data: revocation-unchecked, exit 1",
      r.returncode == 1 and report.get("verdict") == "revocation-unchecked" and (sig0.get("indication"), sig0.get("subIndication")) == ("INDETERMINATE", "TRY_LATER"), r.stdout)
r = kit("verify", "bare.pdf", "--trust", "trust.json", "--accept-unchecked-revocation")
check("--accept-unchecked-revocation: exit 0, as before revocation was checked", r.returncode == 0, r.stdout + r.stderr)
r = kit("ltv-update", "bare.pdf", "bare-ltv.pdf", "--crl", "ca.crl", "--cert", "ca.cert.pem")
check("ltv-update adds the CA's CRL", r.returncode == 0 and open("bare-ltv.pdf", "rb").read().startswith(open("bare.pdf", "rb").read()), r.stderr)
judged_valid("signed, then ltv-update", "bare-ltv.pdf", ltv=True)
r = kit("verify", "bare-ltv.pdf", "--trust", "trust.json", "--json")
sig0 = (json.loads(r.stdout or "{}").get("signatures") or [{}])[0]
check("after ltv-update: TOTAL-PASSED, the CRL named as the source", sig0.get("indication") == "TOTAL-PASSED"
      and sig0.get("revocation", {}).get("certificates", [{}])[0].get("source") == "crl" and sig0.get("laterValidationData") is True, r.stdout)
check("after ltv-update pyHanko, requiring revocation, agrees", pyhanko_revocation("bare-ltv.pdf", True) == "valid")
r = kit("sign", "unsigned.pdf", "x.pdf", *pem[:6], "--crl", "ca.cert.pem")
check("sign --crl with a certificate instead of a CRL is refused by name", r.returncode == 2 and "ca.cert.pem" in r.stderr and not os.path.exists("x.pdf"), r.stderr)
r = kit("ltv-update", "bare.pdf", "x.pdf", "--ocsp", "ca.crl")
check("ltv-update --ocsp with a CRL is refused by name", r.returncode == 2 and "not a successful OCSP response" in r.stderr and not os.path.exists("x.pdf"), r.stderr)

# A live test PKI (certomancer, tests/oracle/pki) on 127.0.0.1: a
# time-stamp authority, an OCSP responder and CRLs. The kit signs B-T with
# --tsa, then ltv-update adds what it fetched (B-LT); pyHanko and the kit
# agree, and the token's time is proof only when its TSA is trusted.
import urllib.request
pki_dir = os.path.join(d, "pki")
server = subprocess.Popen([sys.executable, os.path.join(HERE, "pki", "serve.py"), pki_dir], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
try:
    line = server.stdout.readline()
    check("the test PKI serves on 127.0.0.1", line.startswith("ready http://127.0.0.1:"), line)
    urls = json.load(open(os.path.join(pki_dir, "urls.json")))
    pk = lambda f: os.path.join(pki_dir, f)
    def fetch(url, body=None, kind=None):
        req = urllib.request.Request(url, data=body, headers={"Content-Type": kind} if kind else {})
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.read()
    open("pki-crl-root.crl", "wb").write(fetch(urls["crl_root"]))
    open("pki-crl-issuing.crl", "wb").write(fetch(urls["crl_issuing"]))
    pem_text = lambda f: open(pk(f)).read()
    json.dump({"agencies": [{"name": {"th": "กรมทดสอบ", "en": "Department of Testing"}, "certificates": [pem_text("issuing.pem")]}],
               "timestampAuthorities": [pem_text("root.pem")]}, open("pki-trust.json", "w"), ensure_ascii=False)
    # The signer's own certificate alone: nothing the TSA chains to.
    json.dump({"agencies": [{"name": {"th": "กรมทดสอบ", "en": "Department of Testing"}, "certificates": [pem_text("signer.cert.pem")]}]},
              open("pki-trust-no-tsa.json", "w"), ensure_ascii=False)
    signer_args = ["--key", pk("signer.key.pem"), "--cert", pk("signer.cert.pem"), "--chain", pk("issuing.pem")]
    r = sign("unsigned.pdf", "bt.pdf", *signer_args, "--tsa", urls["tsa"], "--crl", "pki-crl-issuing.crl")
    check("B-T: the kit signs with the TSA's token", r.returncode == 0, r.stderr)
    report = json.loads(kit("verify", "bt.pdf", "--trust", "pki-trust.json", "--json").stdout or "{}")
    s0 = (report.get("signatures") or [{}])[0]
    check("B-T: the time is the TSA's, trusted through timestampAuthorities",
          s0.get("time", {}).get("source") == "timestamp" and s0.get("timestamp", {}).get("trusted") is True and report.get("verdict") == "valid", json.dumps(report)[:800])
    report = json.loads(kit("verify", "bt.pdf", "--trust", "pki-trust-no-tsa.json", "--json").stdout or "{}")
    s0 = (report.get("signatures") or [{}])[0]
    check("B-T: a TSA the list does not reach is no proof of time", s0.get("timestamp", {}).get("trusted") is False
          and s0.get("time", {}).get("source") == "claimed", json.dumps(s0.get("timestamp")))
    root = load_cert_from_pemder(pk("root.pem"))
    st = validate_pdf_signature(PdfFileReader(open("bt.pdf", "rb")).embedded_signatures[0],
                                ValidationContext(trust_roots=[root], allow_fetching=True, revocation_mode="hard-fail"))
    check("B-T: pyHanko finds the signature valid and its time-stamp trusted", st.bottom_line and st.timestamp_validity is not None
          and st.timestamp_validity.trusted, str(st.summary()))
    # B-LT: the issuing CA's OCSP answer for the signer and the root's CRL, added afterwards.
    from asn1crypto import ocsp as asn1_ocsp
    from pyhanko.sign.general import load_cert_from_pemder as load_cert
    signer_cert, issuing_cert = load_cert(pk("signer.cert.pem")), load_cert(pk("issuing.pem"))
    def ocsp_of(cert, out):
        cert_id = asn1_ocsp.CertId({"hash_algorithm": {"algorithm": "sha1"}, "issuer_name_hash": cert.issuer.sha1,
                                    "issuer_key_hash": issuing_cert.public_key.sha1, "serial_number": cert.serial_number})
        ocsp_req = asn1_ocsp.OCSPRequest({"tbs_request": {"request_list": [{"req_cert": cert_id}]}}).dump()
        open(out, "wb").write(fetch(urls["ocsp"], ocsp_req, "application/ocsp-request"))
    ocsp_of(signer_cert, "pki-signer.ocsp")
    ocsp_of(load_cert(pk("tsa.pem")), "pki-tsa.ocsp")
    r = kit("ltv-update", "bt.pdf", "blt.pdf", "--ocsp", "pki-signer.ocsp", "--ocsp", "pki-tsa.ocsp", "--crl", "pki-crl-root.crl",
            "--cert", pk("issuing.pem"), "--cert", pk("root.pem"))
    check("B-LT: ltv-update adds the fetched OCSP answer and CRL", r.returncode == 0, r.stderr)
    report = json.loads(kit("verify", "blt.pdf", "--trust", "pki-trust.json", "--json").stdout or "{}")
    s0 = (report.get("signatures") or [{}])[0]
    check("B-LT: valid, the OCSP answer and the CRL named as sources", report.get("verdict") == "valid"
          and s0.get("laterValidationData") is True and s0.get("indication") == "TOTAL-PASSED", json.dumps(s0.get("revocation")))
    r = PdfFileReader(open("blt.pdf", "rb"))
    vc = DocumentSecurityStore.read_dss(r).as_validation_context(dict(trust_roots=[root], allow_fetching=False, revocation_mode="hard-fail"))
    st = validate_pdf_signature(r.embedded_signatures[0], vc)
    check("B-LT: pyHanko, offline with the DSS alone, finds it valid", st.bottom_line, str(st.summary()))
    # B-T and B-LT in one go: --ltv fetches what the chain's certificates name.
    open("pki-chain.pem", "w").write(pem_text("issuing.pem") + pem_text("root.pem"))
    r = sign("unsigned.pdf", "bt-ltv.pdf", "--key", pk("signer.key.pem"), "--cert", pk("signer.cert.pem"), "--chain", "pki-chain.pem", "--tsa", urls["tsa"], "--ltv")
    check("sign --tsa --ltv: signs and fetches the chain's revocation data", r.returncode == 0, r.stderr)
    json.dump({"agencies": [{"name": {"th": "กรมทดสอบ", "en": "Department of Testing"}, "certificates": [pem_text("root.pem")]}]},
              open("pki-trust-root.json", "w"), ensure_ascii=False)
    report = json.loads(kit("verify", "bt-ltv.pdf", "--trust", "pki-trust-root.json", "--json").stdout or "{}")
    s0 = (report.get("signatures") or [{}])[0]
    checked = [c.get("status") for c in s0.get("revocation", {}).get("certificates", [])]
    check("sign --ltv: valid to the root, the signer and the issuing CA both checked", report.get("verdict") == "valid"
          and checked == ["good", "good"] and s0.get("laterValidationData") is True, json.dumps(s0.get("revocation")))
    r = PdfFileReader(open("bt-ltv.pdf", "rb"))
    dss = DocumentSecurityStore.read_dss(r)
    check("sign --ltv: the DSS holds the fetched OCSP answer and both CRLs", len(dss.ocsps) >= 1 and len(dss.crls) >= 2, f"{len(dss.ocsps)} OCSP, {len(dss.crls)} CRL")
    vc = DocumentSecurityStore.read_dss(r).as_validation_context(dict(trust_roots=[root], allow_fetching=False, revocation_mode="require"))
    st = validate_pdf_signature(r.embedded_signatures[0], vc)
    check("sign --ltv: pyHanko, offline, requiring revocation for every certificate, finds the signer valid", st.intact and st.valid and st.trusted, str(st.summary()))
    # B-LTA: --lta adds a document time-stamp over the signature and its DSS.
    r = sign("unsigned.pdf", "blta.pdf", "--key", pk("signer.key.pem"), "--cert", pk("signer.cert.pem"), "--chain", "pki-chain.pem", "--tsa", urls["tsa"], "--lta")
    report = json.loads(kit("verify", "blta.pdf", "--trust", "pki-trust-root.json", "--json").stdout or "{}")
    sigs = report.get("signatures") or [{}, {}]
    check("sign --lta: a signature then a trusted document time-stamp; the signature's proof of existence is the stamp's time",
          r.returncode == 0 and report.get("verdict") == "valid" and len(sigs) == 2 and sigs[1].get("kind") == "document-timestamp"
          and sigs[1].get("timestamp", {}).get("trusted") is True and sigs[0].get("proofOfExistence") == sigs[1].get("timestamp", {}).get("time"),
          r.stderr + json.dumps(sigs)[:600])
    import asyncio
    from pyhanko.sign.validation.ades import ades_lta_validation
    from pyhanko.sign.validation.policy_decl import (SignatureValidationSpec, PdfSignatureValidationSpec, RevocationInfoGatheringSpec,
                                                     RevinfoOnlineFetchingRule, CertificateFetchingRule)
    from pyhanko_certvalidator.context import CertValidationPolicySpec
    from pyhanko_certvalidator.registry import SimpleTrustManager
    from pyhanko_certvalidator.policy_decl import CertRevTrustPolicy, REQUIRE_REVINFO, FreshnessReqType
    policy = CertValidationPolicySpec(trust_manager=SimpleTrustManager.build(trust_roots=[root]),
                                      revinfo_policy=CertRevTrustPolicy(REQUIRE_REVINFO, freshness=None, freshness_req_type=FreshnessReqType.MAX_DIFF_REVOCATION_VALIDATION))
    offline = RevocationInfoGatheringSpec(online_fetching_rule=RevinfoOnlineFetchingRule.LOCAL_ONLY, certificate_fetching_rule=CertificateFetchingRule.NEVER_FETCH)
    emb = PdfFileReader(open("blta.pdf", "rb")).embedded_signatures[0]
    res = asyncio.run(ades_lta_validation(emb, PdfSignatureValidationSpec(SignatureValidationSpec(cert_validation_policy=policy, revinfo_gathering_policy=offline))))
    check("sign --lta: pyHanko's AdES LTA validation, offline, passes", res.api_status is not None and res.api_status.bottom_line and res.ades_subindic.name == "OK" and type(res.ades_subindic).__name__ == "AdESPassed",
          f"{res.ades_subindic} {res.failure_msg}")
    # A permit signed earlier without revocation data, brought up to B-LT.
    sign("unsigned.pdf", "bare-pki.pdf", *signer_args)
    before = json.loads(kit("verify", "bare-pki.pdf", "--trust", "pki-trust.json", "--json").stdout or "{}").get("verdict")
    r = kit("ltv-update", "bare-pki.pdf", "bare-pki-ltv.pdf", "--fetch", "--trust", "pki-trust.json")
    after = json.loads(kit("verify", "bare-pki-ltv.pdf", "--trust", "pki-trust.json", "--json").stdout or "{}").get("verdict")
    check("ltv-update --fetch: revocation-unchecked becomes valid", r.returncode == 0 and (before, after) == ("revocation-unchecked", "valid"), f"{before} {after} {r.stderr}")
    r = kit("ltv-update", "bare-pki-ltv.pdf", "bare-pki-lta.pdf", "--tsa", urls["tsa"])
    report = json.loads(kit("verify", "bare-pki-lta.pdf", "--trust", "pki-trust.json", "--json").stdout or "{}")
    check("ltv-update --tsa: a document time-stamp over the permit and its DSS", r.returncode == 0 and report.get("verdict") == "valid"
          and [x.get("kind") for x in report.get("signatures", [])] == ["signature", "document-timestamp"], r.stderr)
    # A certificate that names no address: --ltv says so and writes nothing.
    r = sign("unsigned.pdf", "x.pdf", *pem[:6], "--ltv")
    check("sign --ltv with a chain that names no revocation address is refused, nothing written", r.returncode == 2 and "--ltv" in r.stderr and not os.path.exists("x.pdf"), r.stderr)
    # A revoked signer: the kit signs (it does not judge its own key), the verifier says revoked.
    r = sign("unsigned.pdf", "revoked-bt.pdf", "--key", pk("revoked.key.pem"), "--cert", pk("revoked.cert.pem"), "--chain", pk("issuing.pem"),
             "--tsa", urls["tsa"], "--crl", "pki-crl-issuing.crl")
    report = json.loads(kit("verify", "revoked-bt.pdf", "--trust", "pki-trust.json", "--json").stdout or "{}")
    s0 = (report.get("signatures") or [{}])[0]
    check("a signer revoked in the PKI's CRL: revoked before signing, TOTAL-FAILED/REVOKED",
          r.returncode == 0 and report.get("verdict") == "revoked" and s0.get("subIndication") == "REVOKED", json.dumps(s0.get("revocation")))
    r = sign("unsigned.pdf", "x.pdf", *signer_args, "--tsa", urls["base"] + "/no-such-tsa")
    check("a TSA that answers with an error is named, nothing written", r.returncode == 2 and "time-stamp authority" in r.stderr and not os.path.exists("x.pdf"), r.stderr)
    r = sign("unsigned.pdf", "x.pdf", *signer_args, "--tsa", "https://tsa.example/")
    check("an https TSA address is refused by name", r.returncode == 2 and "http://" in r.stderr and not os.path.exists("x.pdf"), r.stderr)
finally:
    server.stdin.close()
    server.wait(timeout=20)

# Bad inputs: refused by name, no output written.
with open("wrong.txt", "w") as f:
    f.write("not the password\n")
with open("encrypted.pdf", "wb") as f:
    ew = copy_into_new_writer(PdfFileReader(open("unsigned.pdf", "rb")))
    ew.encrypt("owner", "user")
    ew.write(f)
src = open("unsigned.pdf", "rb").read()
broken = src[:src.rindex(b"startxref")] + b"startxref\n99\n%%EOF\n"
open("broken-xref.pdf", "wb").write(broken)
refusals = [
    ("a wrong .p12 password", ["unsigned.pdf", "x.pdf", "--p12", "p256.p12", "--password-file", "wrong.txt"], "Wrong password"),
    ("a wrong legacy .p12 password", ["unsigned.pdf", "x.pdf", "--p12", "rsa.p12", "--password-file", "wrong.txt"], "Wrong password"),
    ("a key that does not match its certificate", ["unsigned.pdf", "x.pdf", "--key", "p256.key.pem", "--cert", "rsa.cert.pem"], "does not match"),
    ("an encrypted PDF", ["encrypted.pdf", "x.pdf", *pem], "encrypted"),
    ("a broken xref", ["broken-xref.pdf", "x.pdf", *pem], "cross-reference table (xref) is broken"),
    ("a certified PDF that allows no changes", ["certified.pdf", "x.pdf", *pem], "no changes allowed"),
    ("a page that does not exist", ["unsigned.pdf", "x.pdf", *pem, "--visible", "4,0,0,100,50"], "There is no page 4"),
]
for name, args, says in refusals:
    r = sign(*args)
    check(f"refuses {name}, saying so", r.returncode == 2 and says in r.stderr, r.stderr)
    check(f"refuses {name}, writing nothing", not os.path.exists("x.pdf") and not os.path.exists("x.pdf.partial"))
r = kit("--lang", "th", "sign", "unsigned.pdf", "x.pdf", "--p12", "p256.p12", "--password-file", "wrong.txt")
check("a wrong password is told in Thai too", "รหัสผ่านของไฟล์ .p12 ไม่ถูกต้อง" in r.stderr, r.stderr)

# Publishing: the register gets the signed file's entry, and verify finds it.
r = sign("unsigned.pdf", "issued.pdf", *pem, "--register", "published.json", "--number", "P-100", "--holder", "สมชาย ใจดี", "--type", "ใบอนุญาตโฆษณาอาหาร", "--expires", "2027-12-31")
reg = json.load(open("published.json")) if os.path.exists("published.json") else {}
import hashlib
entry = (reg.get("permits") or [{}])[-1]
check("signing records the permit in the register", r.returncode == 0 and entry.get("number") == "P-100" and entry.get("status") == "valid"
      and entry.get("sha256") == hashlib.sha256(open("issued.pdf", "rb").read()).hexdigest(), json.dumps(reg, ensure_ascii=False) + r.stderr)
r = kit("verify", "issued.pdf", "--trust", "trust.json", "--register", "published.json", "--json")
check("verify finds the signed permit in the published register", json.loads(r.stdout or "{}").get("register", {}).get("number") == "P-100", r.stdout)

# A key made by the kit: self-signed for testing, added to a trust list,
# signs a permit that pyHanko (trusting that certificate) and the kit accept.
r = kit("keygen", "--cn", "สำนักงานทดสอบ", "--org", "กรมทดสอบ", "--key-out", "new.key.pem", "--self-signed", "new.cert.pem")
check("keygen writes a key and a self-signed certificate", r.returncode == 0 and os.path.exists("new.key.pem") and os.path.exists("new.cert.pem"), r.stderr)
check("keygen's key file is private", os.stat("new.key.pem").st_mode & 0o077 == 0)
r = kit("trust", "add", "new.cert.pem", "--name-th", "กรมทดสอบ", "--name-en", "Department of Testing", "--list", "new-trust.json")
check("trust add writes the list", r.returncode == 0 and len(json.load(open("new-trust.json"))["agencies"]) == 1, r.stderr)
r = sign("unsigned.pdf", "self-signed.pdf", "--key", "new.key.pem", "--cert", "new.cert.pem", "--visible", "1,300,40,240,70")
ca_backup = open("ca.cert.pem").read()
open("ca.cert.pem", "w").write(open("new.cert.pem").read())
v = pyhanko_verdicts("self-signed.pdf")
open("ca.cert.pem", "w").write(ca_backup)
check("a keygen key's signature is VALID in pyHanko, its certificate trusted", r.returncode == 0 and v and v[0][0], str(v) + r.stderr)
r = kit("verify", "self-signed.pdf", "--trust", "new-trust.json")
check("a keygen key's signature is valid in the kit with trust add's list", r.returncode == 0, r.stdout + r.stderr)
r = kit("keygen", "--cn", "Department of Testing", "--key-out", "csr.key.pem", "--csr-out", "agency.csr.pem")
o = subprocess.run(["openssl", "req", "-in", "agency.csr.pem", "-noout", "-verify"], capture_output=True, text=True)
check("keygen's certificate request verifies in OpenSSL", r.returncode == 0 and o.returncode == 0, o.stdout + o.stderr)

# Signing times as pyHanko writes them: /M (D\072...Z), a literal string with
# an octal escape. The kit reports the time pyHanko wrote, not "none", and
# checks the chain at that time.
def kit_time(path, trust, lang="en"):
    r = kit("--lang", lang, "verify", path, "--trust", trust, "--json")
    report = json.loads(r.stdout or "{}")
    return report, ((report.get("signatures") or [{}])[0].get("time") or {})


ph = PdfFileReader(open("p256.pdf", "rb")).embedded_signatures[0].self_reported_timestamp
report, t = kit_time("p256.pdf", "trust.json")
check("pyHanko writes /M with an octal escape", b"/M (D\\072" in open("p256.pdf", "rb").read())
check("the kit reports the signing time pyHanko wrote", ph is not None and t.get("source") == "claimed"
      and t.get("iso") == ph.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), f"{ph} {t}")
said = json.load(open("signed-2020.json"))
report, t = kit_time("signed-2020.pdf", "trust-2020.json")
check("signed in 2020 by a certificate expired since: valid, the chain checked at the signing time",
      report.get("verdict") == "valid" and report.get("passes") is True, json.dumps(report, ensure_ascii=False)[:800])
check("signed in 2020: the time pyHanko wrote, in UTC and in Thai time",
      t.get("source") == "claimed" and t.get("iso") == said["utc"] == "2020-06-15T10:20:30Z" and t.get("thailand") == "2020-06-15T17:20:30+07:00", str(t))
check("signed in 2020: shown in Thai time, Buddhist Era in Thai",
      t.get("shown") == "15 June 2020, 17:20:30 (UTC+7)" and kit_time("signed-2020.pdf", "trust-2020.json", "th")[1].get("shown") == "15 มิถุนายน 2563 17:20:30 น. (เวลาประเทศไทย)", str(t))
stated = (report.get("signatures") or [{}])[0].get("stated") or {}
check("pyHanko's Thai /Name, /Reason, /Location, /ContactInfo (UTF-16BE) read as written",
      stated == {"name": said["name"], "reason": said["reason"], "location": said["location"], "contactInfo": said["contact_info"]}, str(stated))
r = kit("--lang", "th", "verify", "signed-2020.pdf", "--trust", "trust-2020.json")
check("eservice verify says the time in Thai", r.returncode == 0 and "15 มิถุนายน 2563 17:20:30 น. (เวลาประเทศไทย)" in r.stdout, r.stdout + r.stderr)

tally.finish()
