"""Facebook: personal login, news feed, Pages, the composer, editing, scheduling, comments."""

from flask import Blueprint

from .. import clock
from .model import publish_due

bp = Blueprint("facebook", __name__, url_prefix="/facebook")
clock.on_tick(publish_due)

from . import auth, cards, comments, pages, posts, scheduled  # noqa: E402,F401

bp.add_app_template_global(cards.post_card)
