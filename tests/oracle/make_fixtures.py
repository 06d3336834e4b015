"""Signed permit PDFs made by pyHanko, an independent PAdES signer, for the
kit to verify; and copies tampered in the ways attackers tamper.

Usage: make_fixtures.py OUT_DIR

Writes into OUT_DIR: a test CA and signers (P-256, RSA 2048 PKCS#1 v1.5,
RSA 3072 PSS), trust.json naming the CA's agency, register.json, and:
  p256.pdf rsa.pdf rsa-pss.pdf       signed by pyHanko, must be valid
  two-signatures.pdf                 signed twice (second is allowed)
  certified.pdf                      DocMDP P=1 (no changes), must be valid
  certified-then-signed.pdf          DocMDP P=2, then another signature
  certified-then-modified.pdf        DocMDP P=2, then a content change
  appended-content.pdf               ISA: a page content change appended
  trailing-garbage.pdf               ISA: bytes after %%EOF
  flipped-byte.pdf                   a signed byte changed
  wider-gap.pdf                      SWA: ByteRange gap widened
  shadow-replace.pdf                 the content stream redefined later
  revoked.pdf                        valid, but revoked in register.json
  untrusted.pdf                      signed by a CA not on the list
  unsigned.pdf
Every signature by the test CA's signers gets the CA's CRL (ca.crl, DER;
ca.crl.pem) in a DSS that pyHanko adds after signing, as PAdES B-LT does;
these differ in their revocation data:
  unchecked.pdf                      none at all: revocation-unchecked
  revoked-signer.pdf                 the CRL revokes the signer two days
                                     before signing: revoked
  crl-wrong-key.pdf                  a CRL in the CA's name signed by
                                     another key: revocation-unchecked
  ocsp-delegated.pdf                 OCSP from a responder the CA made
                                     (OCSPSigning, ocsp-nocheck): valid
  ocsp-no-eku.pdf                    OCSP from a CA-made certificate
                                     without OCSPSigning: unchecked
  ocsp-stale.pdf                     the CA's own OCSP answer, out of date
                                     before signing: unchecked
  ocsp-revoked.pdf                   the CA's OCSP says revoked: revoked
  crl-later.pdf                      a CRL issued an hour after signing:
                                     checked only under the retroactive
                                     policy
The expected verdicts are in expected.json. Beside them, with a trust list
of their own (trust-2020.json, so expected.json does not list them):
  signed-2020.pdf                    signed 15 June 2020 10:20:30 UTC by a
                                     certificate that expired at the end of
                                     2020, with a Thai /Reason, /Location,
                                     /ContactInfo and /Name: valid when the
                                     chain is checked at the time /M states
  signed-2020.json                   what pyHanko wrote there
"""

import datetime
import hashlib
import json
import os
import re
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.validation.dss import DocumentSecurityStore
from asn1crypto import crl as asn1_crl, ocsp as asn1_ocsp
from cryptography.x509 import ocsp

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
NOW = datetime.datetime.now(datetime.timezone.utc)


def name(cn, org):
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "TH"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ])


def cert(subject, key, issuer_name, issuer_key, ca, valid=(NOW - datetime.timedelta(days=30), NOW + datetime.timedelta(days=365)), responder=None):
    b = (x509.CertificateBuilder()
         .subject_name(subject).issuer_name(issuer_name)
         .public_key(key.public_key())
         .serial_number(x509.random_serial_number())
         .not_valid_before(valid[0])
         .not_valid_after(valid[1])
         .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
         .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False))
    if ca:
        b = b.add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        b = b.add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
    else:
        b = b.add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
        # Where revocation is published, as real CAs write it (pyHanko asks
        # OCSP only of certificates that name a responder). Nothing listens:
        # the fixtures carry their answers.
        b = b.add_extension(x509.AuthorityInformationAccess([x509.AccessDescription(
            x509.oid.AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier("http://127.0.0.1:9/ocsp"))]), critical=False)
        b = b.add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
            [x509.UniformResourceIdentifier("http://127.0.0.1:9/ca.crl")], None, None, None)]), critical=False)
    if responder == "ocsp":
        b = b.add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.OCSP_SIGNING]), critical=False)
        b = b.add_extension(x509.OCSPNoCheck(), critical=False)
    return b.sign(issuer_key, hashes.SHA256())


def save(stem, key, crt):
    with open(f"{out}/{stem}.key.pem", "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    with open(f"{out}/{stem}.cert.pem", "wb") as f:
        f.write(crt.public_bytes(serialization.Encoding.PEM))


ca_key = ec.generate_private_key(ec.SECP256R1())
ca_name = name("Test Root CA", "Ministry of Tests")
ca = cert(ca_name, ca_key, ca_name, ca_key, True)
save("ca", ca_key, ca)
stranger_key = ec.generate_private_key(ec.SECP256R1())
stranger_name = name("Unknown CA", "Nobody")
stranger_ca = cert(stranger_name, stranger_key, stranger_name, stranger_key, True)
save("stranger-ca", stranger_key, stranger_ca)

leaves = {
    "p256": ec.generate_private_key(ec.SECP256R1()),
    "rsa": rsa.generate_private_key(65537, 2048),
    "rsa-pss": rsa.generate_private_key(65537, 3072),
}
for stem, key in leaves.items():
    save(stem, key, cert(name("Department of Testing", "Ministry of Tests"), key, ca_name, ca_key, False))
# The agency's keys as CAs hand them out: PKCS#12 with a (Thai) password,
# in today's encryption (PBES2, AES-256, HMAC-SHA-256) and the legacy one
# (SHA-1 3DES) older Windows exports still use.
from cryptography.hazmat.primitives.serialization import pkcs12
P12_PASSWORD = "รหัสผ่าน 1234"
with open(f"{out}/p12-password.txt", "w") as f:
    f.write(P12_PASSWORD + "\n")


def load_pair(stem):
    key = serialization.load_pem_private_key(open(f"{out}/{stem}.key.pem", "rb").read(), None)
    return key, x509.load_pem_x509_certificate(open(f"{out}/{stem}.cert.pem", "rb").read())


for stem, enc in [("p256", serialization.BestAvailableEncryption(P12_PASSWORD.encode())),
                  ("rsa", serialization.PrivateFormat.PKCS12.encryption_builder().kdf_rounds(2048)
                   .key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC).hmac_hash(hashes.SHA1())
                   .build(P12_PASSWORD.encode()))]:
    k, c = load_pair(stem)
    with open(f"{out}/{stem}.p12", "wb") as f:
        f.write(pkcs12.serialize_key_and_certificates(b"agency", k, c, [ca], enc))

DAY = datetime.timedelta(days=1)
revoked_key = ec.generate_private_key(ec.SECP256R1())
revoked_cert = cert(name("Department of Testing", "Ministry of Tests"), revoked_key, ca_name, ca_key, False)
save("revoked-key", revoked_key, revoked_cert)


def make_crl(issuer_name, key, this_update, next_update, revoked=()):
    b = x509.CertificateRevocationListBuilder().issuer_name(issuer_name).last_update(this_update).next_update(next_update)
    for serial, when in revoked:
        b = b.add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when)
                                      .add_extension(x509.CRLReason(x509.ReasonFlags.key_compromise), critical=False).build())
    return b.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


# The CA's CRL: current, and revoking one signer two days ago.
CA_CRL = make_crl(ca_name, ca_key, NOW - DAY, NOW + 30 * DAY, [(revoked_cert.serial_number, NOW - 2 * DAY)])
with open(f"{out}/ca.crl", "wb") as f:
    f.write(CA_CRL)
with open(f"{out}/ca.crl.pem", "w") as f:
    f.write(x509.load_der_x509_crl(CA_CRL).public_bytes(serialization.Encoding.PEM).decode())


def make_ocsp(leaf, responder_cert, responder_key, status=ocsp.OCSPCertStatus.GOOD, this_update=None, next_update=None, revoked_at=None):
    this_update = this_update or NOW - datetime.timedelta(hours=1)
    next_update = next_update or NOW + DAY
    b = ocsp.OCSPResponseBuilder().add_response(
        cert=leaf, issuer=ca, algorithm=hashes.SHA1(), cert_status=status, this_update=this_update, next_update=next_update,
        revocation_time=revoked_at, revocation_reason=x509.ReasonFlags.key_compromise if revoked_at else None)
    b = b.responder_id(ocsp.OCSPResponderEncoding.HASH, responder_cert)
    if responder_cert is not ca:
        b = b.certificates([responder_cert])
    return b.sign(responder_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def ltv(pdf, crls=(), ocsps=()):
    """pyHanko adds validation data in a DSS, in an update after signing."""
    import io
    buf = io.BytesIO(pdf)
    DocumentSecurityStore.add_dss(buf, None, crls=[asn1_crl.CertificateList.load(c) for c in crls],
                                  ocsps=[asn1_ocsp.OCSPResponse.load(o) for o in ocsps])
    return buf.getvalue()


untrusted_key = ec.generate_private_key(ec.SECP256R1())
save("untrusted", untrusted_key, cert(name("Somebody", "Nobody"), untrusted_key, stranger_name, stranger_key, False))


def base_pdf(text):
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    content = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objs[3] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        pdf += b"%010d 00000 n \n" % off
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return pdf


class SignerAt(signers.PdfSigner):
    """pyHanko's signer with its clock set: the time it writes in /M."""

    def __init__(self, *args, at, **kwargs):
        super().__init__(*args, **kwargs)
        self.at = at

    def init_signing_session(self, *args, **kwargs):
        session = super().init_signing_session(*args, **kwargs)
        session.system_time = self.at
        return session


def sign(pdf, stem, field, pss=False, certify=None, chain=("ca",), at=None, crls=(CA_CRL,), **meta):
    """pyHanko signs; then, for the test CA's signers, adds `crls` in a DSS."""
    signed = sign_only(pdf, stem, field, pss, certify, chain, at, **meta)
    return ltv(signed, crls) if chain == ("ca",) and crls else signed


def sign_only(pdf, stem, field, pss=False, certify=None, chain=("ca",), at=None, **meta):
    signer = signers.SimpleSigner.load(f"{out}/{stem}.key.pem", f"{out}/{stem}.cert.pem",
                                       ca_chain_files=[f"{out}/{c}.cert.pem" for c in chain], prefer_pss=pss)
    meta = signers.PdfSignatureMetadata(field_name=field, subfilter=fields.SigSeedSubFilter.PADES,
                                        certify=certify is not None, docmdp_permissions=certify or MDPPerm.FILL_FORMS, **meta)
    import io
    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    if at is not None:
        return SignerAt(meta, signer, at=at).sign_pdf(w).getvalue()
    return signers.sign_pdf(w, meta, signer=signer).getvalue()


def write(fname, data):
    with open(f"{out}/{fname}", "wb") as f:
        f.write(data)
    return data


expected = {}
base = base_pdf("Permit 001 - Somchai Jaidee")
write("unsigned.pdf", base); expected["unsigned.pdf"] = "not-signed"
p256 = write("p256.pdf", sign(base, "p256", "Permit")); expected["p256.pdf"] = "valid"
write("rsa.pdf", sign(base, "rsa", "Permit")); expected["rsa.pdf"] = "valid"
write("rsa-pss.pdf", sign(base, "rsa-pss", "Permit", pss=True)); expected["rsa-pss.pdf"] = "valid"
write("two-signatures.pdf", sign(p256, "rsa", "Second")); expected["two-signatures.pdf"] = "valid"
write("certified.pdf", sign(base, "p256", "Permit", certify=MDPPerm.NO_CHANGES)); expected["certified.pdf"] = "valid"
certified = sign(base, "p256", "Permit", certify=MDPPerm.FILL_FORMS)
write("certified-then-signed.pdf", sign(certified, "rsa", "Second")); expected["certified-then-signed.pdf"] = "valid"
write("untrusted.pdf", sign(base, "untrusted", "Permit", chain=("stranger-ca",))); expected["untrusted.pdf"] = "untrusted"

# ISA: a new content stream and a page pointing at it, as an incremental update.
m = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", p256)
prev = m.group(1).decode()
append = (b"6 0 obj\n<< /Length 44 >>\nstream\nBT /F1 24 Tf 72 720 Td (Permit 999 - Evil) Tj ET\nendstream\nendobj\n"
          b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n")
upd = p256 + append
upd += b"trailer\n<< /Size 7 /Root 1 0 R /Prev " + prev.encode() + b" >>\n%%EOF\n"
write("appended-content.pdf", upd); expected["appended-content.pdf"] = "modified"
shadow = p256 + b"4 0 obj\n<< /Length 44 >>\nstream\nBT /F1 24 Tf 72 720 Td (Permit 999 - Evil) Tj ET\nendstream\nendobj\ntrailer\n<< /Size 7 /Root 1 0 R /Prev " + prev.encode() + b" >>\n%%EOF\n"
write("shadow-replace.pdf", shadow); expected["shadow-replace.pdf"] = "modified"
m2 = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", certified)
write("certified-then-modified.pdf", certified + append + b"trailer\n<< /Size 7 /Root 1 0 R /Prev " + m2.group(1) + b" >>\n%%EOF\n")
expected["certified-then-modified.pdf"] = "modified"
write("trailing-garbage.pdf", p256 + b"\nthis was added after signing\n"); expected["trailing-garbage.pdf"] = "modified"

i = p256.index(b"Permit 001")
flipped = bytearray(p256); flipped[i + 7:i + 10] = b"999"
write("flipped-byte.pdf", bytes(flipped)); expected["flipped-byte.pdf"] = "invalid"

# SWA: widen the ByteRange gap by moving its second start back one byte.
br = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", p256)
a, b, c, d = (int(x) for x in br.groups())
new = f"/ByteRange [{a} {b - 1} {c} {d}]".encode()
new = new.ljust(br.end() - br.start())
wider = p256[:br.start()] + new + p256[br.end():]
write("wider-gap.pdf", wider); expected["wider-gap.pdf"] = "invalid"

revoked = write("revoked.pdf", sign(base_pdf("Permit 002 - Revoked Co"), "p256", "Permit")); expected["revoked.pdf"] = "valid"

# Revocation data, right and wrong.
p256_cert = load_pair("p256")[1]
write("unchecked.pdf", sign(base, "p256", "Permit", crls=())); expected["unchecked.pdf"] = "revocation-unchecked"
write("revoked-signer.pdf", sign(base, "revoked-key", "Permit")); expected["revoked-signer.pdf"] = "revoked"
forged_crl = make_crl(ca_name, stranger_key, NOW - DAY, NOW + 30 * DAY)
write("crl-wrong-key.pdf", sign(base, "p256", "Permit", crls=(forged_crl,))); expected["crl-wrong-key.pdf"] = "revocation-unchecked"
responder_key = ec.generate_private_key(ec.SECP256R1())
responder = cert(name("Test OCSP Responder", "Ministry of Tests"), responder_key, ca_name, ca_key, False, responder="ocsp")
no_eku_key = ec.generate_private_key(ec.SECP256R1())
no_eku = cert(name("Test Not A Responder", "Ministry of Tests"), no_eku_key, ca_name, ca_key, False)
# The answers are fetched just before signing, as a signer does: an answer
# produced after the signing time does not speak for it.
delegated = make_ocsp(p256_cert, responder, responder_key)
not_responder = make_ocsp(p256_cert, no_eku, no_eku_key)
stale = make_ocsp(p256_cert, ca, ca_key, this_update=NOW - 10 * DAY, next_update=NOW - 9 * DAY)
revoked_ocsp = make_ocsp(revoked_cert, ca, ca_key, status=ocsp.OCSPCertStatus.REVOKED, revoked_at=NOW - 2 * DAY)
bare = sign(base, "p256", "Permit", crls=())
write("ocsp-delegated.pdf", ltv(bare, ocsps=[delegated])); expected["ocsp-delegated.pdf"] = "valid"
write("ocsp-no-eku.pdf", ltv(bare, ocsps=[not_responder])); expected["ocsp-no-eku.pdf"] = "revocation-unchecked"
write("ocsp-stale.pdf", ltv(bare, ocsps=[stale])); expected["ocsp-stale.pdf"] = "revocation-unchecked"
# A CRL issued an hour after signing: for that time only under the
# retroactive policy (pyHanko's retroactive_revinfo, the kit's
# retroactiveRevocation).
write("crl-later.pdf", sign(base, "p256", "Permit", crls=(make_crl(ca_name, ca_key, NOW + datetime.timedelta(hours=1), NOW + 30 * DAY),)))
expected["crl-later.pdf"] = "revocation-unchecked"
write("ocsp-revoked.pdf", ltv(sign(base, "revoked-key", "Permit", crls=()), ocsps=[revoked_ocsp])); expected["ocsp-revoked.pdf"] = "revoked"

if os.environ.get("BIG_PDF"):
    # A 50 MB permit (a scanned annex as one stream), for the benchmark.
    big = base_pdf("Permit 003 - Big annex").replace(b"/Length", b"/Length", 1)
    filler = os.urandom(50 * 1024 * 1024)
    big = big.replace(b"%PDF-1.7\n", b"%PDF-1.7\n", 1)
    i = big.index(b"xref")
    extra = b"6 0 obj\n<< /Length %d >>\nstream\n" % len(filler) + filler + b"\nendstream\nendobj\n"
    body = big[:i] + extra
    # Rewrite the xref for the added object.
    offsets = [m.start() for m in re.finditer(rb"(?m)^\d+ 0 obj", body)]
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
    write("big.pdf", sign(body, "p256", "Permit"))

pem = lambda c: c.public_bytes(serialization.Encoding.PEM).decode()
json.dump({"agencies": [{"name": {"th": "กรมทดสอบ", "en": "Department of Testing"}, "certificates": [pem(ca)]}]},
          open(f"{out}/trust.json", "w"), ensure_ascii=False, indent=1)

# Signed in 2020 by a certificate that has long expired: valid only when the
# chain is checked at the signing time pyHanko writes, /M (D\0722020...Z).
UTC = datetime.timezone.utc
SIGNED_2020 = datetime.datetime(2020, 6, 15, 10, 20, 30, tzinfo=UTC)
old_ca_key = ec.generate_private_key(ec.SECP256R1())
old_ca_name = name("Test Root CA 2019", "Ministry of Tests")
old_ca = cert(old_ca_name, old_ca_key, old_ca_name, old_ca_key, True, valid=(datetime.datetime(2019, 1, 1, tzinfo=UTC), datetime.datetime(2039, 1, 1, tzinfo=UTC)))
save("ca-2019", old_ca_key, old_ca)
old_key = ec.generate_private_key(ec.SECP256R1())
save("signer-2020", old_key, cert(name("Department of Testing", "Ministry of Tests"), old_key, old_ca_name, old_ca_key, False,
                                  valid=(datetime.datetime(2020, 1, 1, tzinfo=UTC), datetime.datetime(2021, 1, 1, tzinfo=UTC))))
stated = {"reason": "ออกใบอนุญาตโฆษณาอาหาร", "location": "กรุงเทพมหานคร", "contact_info": "saraban@agency.go.th", "name": "สมชาย ใจดี (ผู้อำนวยการ)"}
# The CA's CRL of that June, as a signer would have embedded it then.
crl_2020 = make_crl(old_ca_name, old_ca_key, datetime.datetime(2020, 6, 1, tzinfo=UTC), datetime.datetime(2020, 7, 1, tzinfo=UTC))
write("signed-2020.pdf", ltv(sign(base, "signer-2020", "Permit", chain=("ca-2019",), at=SIGNED_2020, **stated), [crl_2020]))
json.dump({"utc": SIGNED_2020.strftime("%Y-%m-%dT%H:%M:%SZ"), **stated}, open(f"{out}/signed-2020.json", "w"), ensure_ascii=False, indent=1)
json.dump({"agencies": [{"name": {"th": "กรมทดสอบ", "en": "Department of Testing"}, "certificates": [pem(old_ca)]}]},
          open(f"{out}/trust-2020.json", "w"), ensure_ascii=False, indent=1)
json.dump({"permits": [
    {"number": "P-002", "holder": "Revoked Co", "type": "food advertisement", "issued": "2026-01-01",
     "expires": "2027-01-01", "status": "revoked", "sha256": hashlib.sha256(revoked).hexdigest()},
    {"number": "P-001", "holder": "Somchai Jaidee", "type": "food advertisement", "issued": "2026-01-01",
     "status": "valid", "sha256": hashlib.sha256(p256).hexdigest()},
]}, open(f"{out}/register.json", "w"), ensure_ascii=False, indent=1)
json.dump(expected, open(f"{out}/expected.json", "w"), indent=1)
print(f"fixtures: {len(expected)} PDFs in {out}")
