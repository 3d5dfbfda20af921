"""Business Manager: enter a business from the personal account, Företagsinställningar,
invite a person with a role on each Page, accept the invitation, change or remove roles."""

from flask import Blueprint

bp = Blueprint("business", __name__, url_prefix="/business")

from . import accept, invite, members, views  # noqa: E402,F401
