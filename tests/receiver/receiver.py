"""A small e-Service receiver for the tests only: takes submission
packages by multipart POST as docs/openapi.yaml describes, checks that the
package hash is the SHA-256 of its manifest, and answers with a receipt
signed (CMS, detached, by Python's cryptography: independent of the kit)
with the given agency key. The same package again gets the same receipt.

A package sealed to the agency's key (the form's `encryptTo`; the POST
says `sealed=age` and `sealedSha256`) is opened with Debian's `age` and the
identity file given with --age-identity, after its SHA-256 is checked.

Usage: receiver.py PORT KEY.pem CERT.pem CHAIN.pem [--fail-first N] [--age-identity FILE]
GET /deliveries lists what arrived: [{hash, posts, receipts, sealed?}].
"""

import base64
import datetime
import email.parser
import email.policy
import hashlib
import io
import json
import subprocess
import sys
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7

port, key_file, cert_file, chain_file = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
fail_first = int(sys.argv[sys.argv.index("--fail-first") + 1]) if "--fail-first" in sys.argv else 0
age_identity = sys.argv[sys.argv.index("--age-identity") + 1] if "--age-identity" in sys.argv else None
key = serialization.load_pem_private_key(open(key_file, "rb").read(), None)
cert = x509.load_pem_x509_certificate(open(cert_file, "rb").read())
chain = x509.load_pem_x509_certificates(open(chain_file, "rb").read())
receipts, posts, sealed, counter = {}, {}, {}, [0]
THAI = datetime.timezone(datetime.timedelta(hours=7))


def canonical(obj):
    # RFC 8785 for this receipt: string values only, ASCII keys.
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sign(receipt):
    b = pkcs7.PKCS7SignatureBuilder().set_data(canonical(receipt)).add_signer(cert, key, hashes.SHA256())
    for c in chain:
        b = b.add_certificate(c)
    return base64.b64encode(b.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature])).decode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def reply(self, code, body, kind="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_OPTIONS(self):
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.end_headers()

    def do_GET(self):
        if self.path == "/deliveries":
            return self.reply(200, [{"hash": h, "posts": n, "receipts": 1 if h in receipts else 0, **({"sealed": sealed[h]} if h in sealed else {})}
                                    for h, n in posts.items()])
        self.reply(404, {"error": "not found"})

    def do_POST(self):
        if self.path != "/submissions":
            return self.reply(404, {"error": "not found"})
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + self.headers["Content-Type"].encode() + b"\r\n\r\n" + body)
        parts = {p.get_param("name", header="content-disposition"): p.get_payload(decode=True) for p in msg.iter_parts()}
        package, given, reference = parts.get("package"), (parts.get("hash") or b"").decode(), (parts.get("reference") or b"").decode()
        posts[given] = posts.get(given, 0) + 1
        if fail_first and sum(posts.values()) <= fail_first:
            return self.reply(503, {"error": "busy, try again"})
        if (parts.get("sealed") or b"") == b"age":
            if hashlib.sha256(package).hexdigest() != (parts.get("sealedSha256") or b"").decode():
                return self.reply(400, {"error": "the sealed file's SHA-256 does not match"})
            if not age_identity:
                return self.reply(400, {"error": "sealed, and this receiver has no key"})
            opened = subprocess.run(["age", "-d", "-i", age_identity], input=package, capture_output=True)
            if opened.returncode != 0:
                return self.reply(400, {"error": "age could not open it: " + opened.stderr.decode(errors="replace")})
            sealed[given] = hashlib.sha256(package).hexdigest()
            package = opened.stdout
        try:
            manifest = zipfile.ZipFile(io.BytesIO(package)).read("manifest.json")
        except Exception:
            return self.reply(400, {"error": "not a submission package"})
        if hashlib.sha256(manifest).hexdigest() != given:
            return self.reply(400, {"error": "the package hash does not match its manifest"})
        if given not in receipts:
            counter[0] += 1
            receipt = {"packageHash": given, "reference": reference,
                       "received": datetime.datetime.now(THAI).replace(microsecond=0).isoformat(),
                       "agencyReference": f"RCV-{counter[0]:04d}"}
            receipts[given] = {"receipt": receipt, "signature": sign(receipt)}
        self.reply(200, receipts[given])


print(f"receiver on {port}", flush=True)
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
