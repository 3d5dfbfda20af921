"""Error pages in Swedish. Bad input is a 4xx with a clear message, never a 500."""

from __future__ import annotations

from flask import current_app, render_template, request
from flask_limiter.errors import RateLimitExceeded
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from .filters import sv_size

TITLES = {
    400: "Det gick inte",
    403: "Ingen behörighet",
    404: "Sidan finns inte",
    405: "Det gick inte",
    409: "Redan gjort",
    413: "För mycket på en gång",
    414: "Adressen är för lång",
    429: "För många försök",
    431: "För mycket på en gång",
    500: "Något gick fel",
}

MESSAGES = {
    400: "Något i formuläret stämde inte.",
    403: "Du har inte behörighet att göra det här.",
    404: "Sidan finns inte.",
    405: "Det går inte att göra så här på den här sidan.",
    414: "Adressen (länken) är för lång för Sandlådan. Kontrollera länken och försök igen.",
    429: "Du har försökt för många gånger på kort tid. Vänta en stund och försök sedan igen.",
    431: "Webbläsaren skickade för mycket information på en gång. Ladda om sidan och försök igen.",
    500: "Något gick fel i Sandlådan. Försök igen; om det händer igen, säg till utbildaren.",
}


def too_large(config) -> str:
    """The 413 message, with the sizes this server is set to."""
    total, image, film = (sv_size(config[k]) for k in ("MAX_CONTENT_LENGTH", "MAX_IMAGE_BYTES",
                                                        "MAX_VIDEO_BYTES"))
    return (f"Det du skickade var för stort. Största storlek är {total} totalt; en bild får vara "
            f"högst {image} och en film högst {film}. Välj en mindre fil och försök igen.")


def message(code: int) -> str:
    return too_large(current_app.config) if code == 413 else MESSAGES.get(code, "Något gick fel.")


def _kept_text() -> str:
    """What the user typed, so that an error never loses it – but only if the form was already
    read: reading an oversized or cut-off body again here would fail a second time."""
    if request.method != "POST" or "form" not in request.__dict__:
        return ""
    try:
        return (request.form.get("text") or request.form.get("caption") or "")[:70000]
    except Exception:  # a broken body: the page must still answer
        return ""


def handle_http(exc: HTTPException):
    code = exc.code or 500
    # Our own abort(…, description=…) is Swedish; Werkzeug's class defaults are English.
    own = (exc.description and exc.description != type(exc).description
           and not isinstance(exc, RateLimitExceeded))
    description = exc.description if own else message(code)
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
