"""Training: scenarios with checked tasks, the coach panel, the debrief, autopilot demos and
the trainer dashboard (/tranare/)."""

from flask import Blueprint

from .. import workspaces

bp = Blueprint("training", __name__)
workspaces.keep_on_reset("training_member")  # 'Återställ' never drops a trainee from a class

from . import dashboard, export, joining, views  # noqa: E402,F401
