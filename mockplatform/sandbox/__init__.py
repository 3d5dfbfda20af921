"""The sandbox itself: start page, reset, sandbox time, mailbox, action log, media files."""

from flask import Blueprint

bp = Blueprint("sandbox", __name__)

from . import views  # noqa: E402,F401
