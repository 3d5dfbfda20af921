"""Hardening shared by every page: security headers, Secure cookies over https, the opt-in trust
of a reverse proxy's X-Forwarded-* headers, a limit on URL length, and rate limits
(Flask-Limiter) on guessing the trainer password or a class code and on creating new worlds."""

from __future__ import annotations

import sqlite3

from flask import abort, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.middleware.proxy_fix import ProxyFix

from . import limitstore

# Everything a page loads comes from Sandlådan itself; nothing may frame it.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
MAX_URL = 4096

# Endpoint -> limit on *failed* attempts (a wrong password or code); successes never count.
FAILED_ATTEMPT_LIMITS = {
    "training.trainer_login": lambda: _cfg("TRAINER_LOGIN_LIMIT"),
    "training.join": lambda: _cfg("JOIN_CODE_LIMIT"),
}


def _cfg(key: str) -> str:
    return current_app.config[key]


def _failed(response) -> bool:
    return request.method == "POST" and response.status_code >= 400


def add_headers(response):
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


class SecureCookies:
    """WSGI middleware: over https (as the request arrived, or as a trusted proxy says), every
    cookie – the session's too, which Flask writes after the hooks – is marked Secure."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        if environ.get("wsgi.url_scheme") != "https":
            return self.wsgi_app(environ, start_response)

        def secure_start(status, headers, exc_info=None):
            headers = [(k, v + "; Secure" if k.lower() == "set-cookie" and "; Secure" not in v else v)
                       for k, v in headers]
            headers.append(("Strict-Transport-Security", "max-age=31536000"))
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, secure_start)


def check_url_length():
    if len(request.environ.get("RAW_URI") or request.full_path) > MAX_URL:
        abort(414)


def new_world_allowed() -> bool:
    """One address may create only so many new worlds (cookie-less visits) in a while."""
    from limits import parse_many

    limiter = current_app.extensions["sandladan_limiter"]
    if not limiter.enabled:  # RATELIMIT_ENABLED = false: the operator turned every limit off
        return True
    key = get_remote_address()
    limits = parse_many(_cfg("NEW_WORLD_LIMIT"))
    try:
        return all(limiter.limiter.hit(item, "new-world", key) for item in limits)
    except sqlite3.Error:  # the counters' file is busy or unreadable: a visit is worth more than a count
        current_app.logger.warning("Räknarna för nya övningsmiljöer gick inte att läsa; besöket släpps in.")
        return True


def init_app(app) -> None:
    app.wsgi_app = SecureCookies(app.wsgi_app)
    proxies = app.config.get("BEHIND_PROXY")
    if proxies:
        n = 1 if proxies is True else int(proxies)
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n, x_port=n, x_prefix=n)
    # One limiter per app; its counters in the data folder, shared by all of serve's processes.
    # If that file cannot be used: never a 500 for a count. The request goes through (a guess then
    # goes uncounted), and Flask-Limiter checks its limits in memory until the file answers again.
    limiter = Limiter(get_remote_address, app=app, storage_uri=limitstore.uri(app.config["DATA_DIR"]),
                      headers_enabled=False, in_memory_fallback_enabled=True, swallow_errors=True)
    app.extensions["sandladan_limiter"] = limiter
    for endpoint, limit in FAILED_ATTEMPT_LIMITS.items():
        view = app.view_functions[endpoint]
        app.view_functions[endpoint] = limiter.limit(limit, methods=["POST"], deduct_when=_failed)(view)
    app.before_request(check_url_length)
    app.after_request(add_headers)
