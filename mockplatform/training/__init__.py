"""Training: scenarios with checked tasks, the coach panel, the debrief, autopilot demos and
the trainer dashboard (/tranare/)."""

from flask import Blueprint

from .. import workspaces

bp = Blueprint("training", __name__)
workspaces.keep_on_reset("training_member")  # 'Återställ' never drops a trainee from a class

from .. import clock  # noqa: E402
from . import classclock, progress  # noqa: E402

clock.on_tick(progress.tick)       # timeline entries arrive when sandbox time passes them
clock.guard(classclock.guard)      # forward only in an exercise; the trainer's in a class

from . import dashboard, export, joining, review, views  # noqa: E402,F401
