"""Östhammar Direkt's case tool, as far as the handbook needs it: a comment registered as
allmän handling (diarieförd) with a diarienummer, and the person moved to a private channel."""

from flask import Blueprint

bp = Blueprint("direkt", __name__, url_prefix="/direkt")

from . import views  # noqa: E402,F401
