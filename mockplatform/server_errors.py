"""The servers' own answers in Swedish. Some requests never reach Flask: a body larger than
waitress accepts (a 300 MB film from a phone), a broken request line or headers, an address
longer than gunicorn reads. waitress and gunicorn answer those themselves, in English plain
text. Here they get Sandlådan's own Swedish error page instead, rendered once when the server
starts, with the same security headers as every other answer."""

from __future__ import annotations

from flask import render_template

from .errors import TITLES, message
from .security import HEADERS

# What the servers answer themselves; another code gets the page of its class (4xx or 5xx).
CODES = (400, 403, 413, 414, 417, 431, 500, 501)
_NOT_UNDERSTOOD = "Webbläsaren skickade något som Sandlådan inte förstod. Ladda om sidan och försök igen."
SAID = {400: _NOT_UNDERSTOOD, 417: _NOT_UNDERSTOOD, 501: _NOT_UNDERSTOOD}  # not a form the user filled in

_pages: dict[int, bytes] = {}  # filled before the server starts (and before gunicorn forks)


def prepare(app) -> None:
    with app.test_request_context("/"):
        for code in CODES:
            title = TITLES.get(code, "Det gick inte" if code < 500 else "Något gick fel")
            html = render_template("sandbox/error.html", code=code, title=title,
                                   message=SAID.get(code) or message(code), kept_text="")
            _pages[code] = html.encode("utf-8")


def page(code: int) -> bytes:
    return _pages.get(code) or _pages[500 if code >= 500 else 400]


def headers() -> list[tuple[str, str]]:
    return [("Content-Type", "text/html; charset=utf-8"), *HEADERS.items()]


def waitress_channel():
    """waitress's connection class with a Swedish error task."""
    from waitress.channel import HTTPChannel
    from waitress.task import ErrorTask

    class SwedishErrorTask(ErrorTask):
        def execute(self):
            error = self.request.error
            body = page(error.code)
            self.status = f"{error.code} {error.reason}"
            self.response_headers.extend(headers())
            self.set_close_on_finish()
            self.content_length = len(body)
            self.write(body)

    class Channel(HTTPChannel):
        error_task_class = SwedishErrorTask

    return Channel


def use_in_waitress(server) -> None:
    """On the server ``create_server`` returned: each of its listening sockets (one, or several
    when a name resolves to more than one address) hands new connections to ``Channel``."""
    channel = waitress_channel()
    for listener in [server, *getattr(server, "map", {}).values()]:
        if hasattr(listener, "channel_class"):
            listener.channel_class = channel


def gunicorn_worker():
    """gunicorn's threaded worker, writing the Swedish page where gunicorn writes its own."""
    from gunicorn import util
    from gunicorn.workers.gthread import ThreadWorker

    def write_error(sock, status_int, reason, _mesg):
        body = page(status_int)
        head = f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers())
        head += f"Content-Length: {len(body)}\r\n\r\n"
        util.write_nonblock(sock, head.encode("latin-1") + body)

    class SwedishThreadWorker(ThreadWorker):
        def init_process(self):
            from gunicorn.http import wsgi

            util.write_error = write_error  # this process serves Sandlådan only
            wsgi.SERVER = "Sandladan"  # the Server header, as waitress's ident says it
            super().init_process()

    return SwedishThreadWorker
