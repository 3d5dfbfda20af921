"""A private Sandlådan for the checker: a fresh data folder, 127.0.0.1, a free port."""

from __future__ import annotations

import contextlib
import logging
import secrets
import tempfile
import threading

from werkzeug.serving import make_server


@contextlib.contextmanager
def running():
    """Yield the base URL of a sandbox that lives as long as the ``with`` block."""
    from .. import create_app

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no request log in the progress
    with tempfile.TemporaryDirectory(prefix="sandladan-guider-") as data:
        app = create_app({"DATA_DIR": data, "SECRET_KEY": secrets.token_hex(16)})
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()
            thread.join(timeout=5)
