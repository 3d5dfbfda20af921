"""A tiny fake platform for checker tests: static pages on 127.0.0.1, plus ``/langsam/<ms>/…``
(the same page, answered after a delay: a busy machine) and ``/haenger`` (never answers in
time: a sandbox that hangs). The sandbox bar is there too, so suggestions must skip it."""

from __future__ import annotations

import functools
import http.server
import threading
import time

BAR = """<aside class="sandbox-bar" aria-label="Sandlådan – övningsmiljö" style="position:sticky;top:0;
 background:#333;color:#fff;padding:6px"><a href="/">Sandlådan</a> <a href="/inkorg">Inkorg</a>
 <button>Återställ övningsmiljön</button> <button>Sandlådans tid</button></aside>"""


def page(body: str, title: str = "Fixtur") -> str:
    return (f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body style="margin:0;font:16px sans-serif">{BAR}{body}</body></html>')


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 – the http.server name
        if self.path.startswith("/haenger"):
            time.sleep(4)  # the server side of a hanging sandbox (the test itself never sleeps)
            return self._send("<p>för sent</p>")
        if self.path.startswith("/langsam/"):
            _, _, ms, rest = self.path.split("/", 3)
            time.sleep(int(ms) / 1000)
            self.path = "/" + rest
        return super().do_GET()

    def _send(self, html: str):
        data = html.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def serve(folder, pages: dict[str, str]):
    """Write ``pages`` (path → HTML) under ``folder`` and serve it; returns (base_url, server)."""
    for path, html in pages.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server
