#!/usr/bin/env python3
"""Serve the test PKI (certomancer.yml next to this file) on 127.0.0.1.

Usage: serve.py OUT_DIR [--port PORT] [--ignore-stdin]

* Binds 127.0.0.1 on a free port (or --port), *then* loads the certomancer
  config with external-url-prefix = http://127.0.0.1:PORT, so the AIA / CRL
  distribution point URLs inside the certificates point at this server.
* Writes into OUT_DIR:
    root.pem, issuing.pem, tsa.pem, ocsp.pem          (certificates, PEM)
    signer.key.pem, signer.cert.pem                   (PKCS#8 key / cert, PEM)
    revoked.key.pem, revoked.cert.pem                 (revoked signer)
    urls.json  {"base", "tsa", "ocsp", "crl_issuing", "crl_root",
                "ca_issuers_issuing", "ca_issuers_root"}
* Prints exactly one line "ready <base-url>" on stdout once serving.
* Serves until stdin reaches EOF, or SIGTERM / SIGINT is received.
  (Start it with stdin=subprocess.PIPE; with stdin=/dev/null it would exit
  immediately, unless --ignore-stdin is given.)

"now" is the wall clock (no fixed time), so TSA tokens, OCSP responses and
CRLs carry the current time. A request may still fake the time with the
certomancer header "X-Certomancer-Fake-Time: <ISO 8601>".

Requires certomancer (and aiohttp, used for the HTTP server), e.g.
`pip install 'certomancer[web-api-async]'`. Werkzeug/Jinja2 are not needed.
"""

import argparse
import asyncio
import json
import logging
import os
import signal
import socket
import sys
import threading

from asn1crypto import pem

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIG = os.path.join(HERE, 'certomancer.yml')
ARCH = 'testpki'


def _write(path, data: bytes):
    tmp = path + '.tmp'
    with open(tmp, 'wb') as f:
        f.write(data)
    os.replace(tmp, path)


def export(cfg, out_dir, base):
    from certomancer.registry import ArchLabel, CertLabel, ServiceLabel

    arch = cfg.get_pki_arch(ArchLabel(ARCH))
    svc = arch.service_registry

    def cert_pem(label):
        return pem.armor('CERTIFICATE', arch.get_cert(CertLabel(label)).dump())

    def key_pem(label):
        key_label = arch.get_cert_spec(CertLabel(label)).subject_key
        pki = arch.key_set.get_private_key(key_label)  # PrivateKeyInfo
        return pem.armor('PRIVATE KEY', pki.dump())  # PKCS#8, unencrypted

    os.makedirs(out_dir, exist_ok=True)
    files = {
        'root.pem': cert_pem('root'),
        'issuing.pem': cert_pem('issuing'),
        'tsa.pem': cert_pem('tsa'),
        'ocsp.pem': cert_pem('ocsp'),
        'signer.cert.pem': cert_pem('signer'),
        'signer.key.pem': key_pem('signer'),
        'revoked.cert.pem': cert_pem('revoked'),
        'revoked.key.pem': key_pem('revoked'),
    }
    urls = {
        'base': base,
        'tsa': svc.get_tsa_info(ServiceLabel('tsa')).url,
        'ocsp': svc.get_ocsp_info(ServiceLabel('issuing')).url,
        'crl_issuing': svc.get_crl_repo_info(
            ServiceLabel('issuing')
        ).latest_external_url,
        'crl_root': svc.get_crl_repo_info(
            ServiceLabel('root')
        ).latest_external_url,
        'ca_issuers_issuing': svc.get_cert_repo_info(
            ServiceLabel('issuing')
        ).issuer_cert_url(use_pem=False),
        'ca_issuers_root': svc.get_cert_repo_info(
            ServiceLabel('root')
        ).issuer_cert_url(use_pem=False),
    }
    for name, data in files.items():
        _write(os.path.join(out_dir, name), data)
    _write(
        os.path.join(out_dir, 'urls.json'),
        (json.dumps(urls, indent=2) + '\n').encode('ascii'),
    )


async def serve(sock, cfg, watch_stdin):
    from aiohttp import web

    from certomancer.integrations.aiohttp_animator import build_animator_app

    app = build_animator_app(cfg.pki_archs, with_web_ui=False)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.SockSite(runner, sock)
    await site.start()

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    if watch_stdin:

        def _watch():
            try:
                while sys.stdin.buffer.read(4096):
                    pass
            except Exception:
                pass
            loop.call_soon_threadsafe(stop.set)

        threading.Thread(target=_watch, daemon=True).start()

    host, port = sock.getsockname()[:2]
    print(f'ready http://{host}:{port}', flush=True)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('out_dir')
    ap.add_argument('--port', type=int, default=0, help='0 = pick a free port')
    ap.add_argument(
        '--ignore-stdin',
        action='store_true',
        help='do not stop when stdin closes (stop with SIGTERM only)',
    )
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)

    # Bind first so the port is known (and reserved) before the config is
    # rendered; the same socket is handed to aiohttp, so there is no race.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(('127.0.0.1', args.port))
    sock.listen(128)
    sock.setblocking(False)
    port = sock.getsockname()[1]
    base = f'http://127.0.0.1:{port}'

    from certomancer.registry import CertomancerConfig

    cfg = CertomancerConfig.from_file(CONFIG, external_url_prefix=base)
    export(cfg, args.out_dir, base)
    asyncio.run(serve(sock, cfg, watch_stdin=not args.ignore_stdin))


if __name__ == '__main__':
    main()
