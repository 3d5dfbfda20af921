"""A small mock App Store / Google Play on the practice phone: "Så laddar du ner appen"."""

from flask import Blueprint

bp = Blueprint("appstore", __name__, url_prefix="/appbutik")

from . import views  # noqa: E402,F401
