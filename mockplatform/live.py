"""A private Sandlådan for the command-line tools (guide checker, scenario autopilot):
a fresh data folder, served on 127.0.0.1 at a free port in a thread, gone afterwards."""

from __future__ import annotations

import contextlib
import logging
import secrets
import tempfile
import threading

from werkzeug.serving import make_server


@contextlib.contextmanager
def running(prefix: str = "sandladan-"):
    """Yield ``(base_url, app)`` of a sandbox that lives as long as the ``with`` block."""
    from . import create_app

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no request log in the terminal
    with tempfile.TemporaryDirectory(prefix=prefix) as data:
        app = create_app({"DATA_DIR": data, "SECRET_KEY": secrets.token_hex(16)})
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}", app
        finally:
            server.shutdown()
            thread.join(timeout=5)
