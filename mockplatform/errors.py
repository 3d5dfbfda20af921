"""Error pages in Swedish. Bad input is a 4xx with a clear message, never a 500."""

from __future__ import annotations

from flask import render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

TITLES = {
    400: "Det gick inte",
    403: "Ingen behörighet",
    404: "Sidan finns inte",
    405: "Det gick inte",
    409: "Redan gjort",
    413: "Filen är för stor",
}

MESSAGES = {
    400: "Något i formuläret stämde inte.",
    403: "Du har inte behörighet att göra det här.",
    404: "Sidan finns inte.",
    405: "Det går inte att göra så här på den här sidan.",
    413: "Filen är för stor.",
}


def _kept_text() -> str:
    """What the user typed, so that an error never loses it."""
    if request.method != "POST":
        return ""
    return (request.form.get("text") or request.form.get("caption") or "")[:70000]


def handle_http(exc: HTTPException):
    code = exc.code or 500
    # Our own abort(…, description=…) is Swedish; Werkzeug's class defaults are English.
    own = exc.description and exc.description != type(exc).description
    description = exc.description if own else MESSAGES.get(code, "Något gick fel.")
    return render_template("sandbox/error.html", code=code, message=description,
                           title=TITLES.get(code, "Något gick fel"), kept_text=_kept_text()), code


def handle_csrf(exc: CSRFError):
    message = ("Formuläret hade gått ut eller kom inte från Sandlådan (säkerhetskoden saknades). "
               "Ladda om sidan och försök igen – din text finns kvar här nedanför.")
    return render_template("sandbox/error.html", code=400, message=message,
                           title="Formuläret hade gått ut", kept_text=_kept_text()), 400


def init_app(app) -> None:
    app.register_error_handler(CSRFError, handle_csrf)
    app.register_error_handler(HTTPException, handle_http)
