"""Sandlådan (mockplatform): a practice copy of Facebook, Business Manager and Instagram."""

from flask import Flask


def create_app(test_config=None):
    """Application factory, as in Flask's tutorial: config, database, blueprints."""
    app = Flask(__name__, instance_relative_config=True)
    from . import config, templating

    app.jinja_environment = templating.Environment

    config.configure(app, test_config)

    from . import db, errors, filters, workspaces

    db.init_app(app)
    errors.init_app(app)
    filters.init_app(app)
    templating.init_app(app)
    workspaces.init_app(app)

    from .blueprints import register_all

    register_all(app)
    from . import security

    security.init_app(app)
    return app
