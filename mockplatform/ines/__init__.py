"""The intranet Ines, as far as the handbook needs it: the list of active accounts, the
planning questions for a new account (sent to the communications unit), and the notice when
an account is closed."""

from flask import Blueprint

bp = Blueprint("ines", __name__, url_prefix="/ines")

from . import views  # noqa: E402,F401
