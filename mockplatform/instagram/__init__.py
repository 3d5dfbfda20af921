"""Instagram as a phone app (2019): login, several accounts on one phone, switching between
them, settings, a profile with posts and a composer that asks for consent."""

from flask import Blueprint

bp = Blueprint("instagram", __name__, url_prefix="/instagram")

from . import auth, close, composer, password, views  # noqa: E402,F401
