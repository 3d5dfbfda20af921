"""Every feature is a blueprint; this is the one list of them."""


def register_all(app) -> None:
    from .appstore import bp as appstore
    from .business import bp as business
    from .direkt import bp as direkt
    from .facebook import bp as facebook
    from .ines import bp as ines
    from .instagram import bp as instagram
    from .rules import bp as rules
    from .sandbox import bp as sandbox
    from .training import bp as training

    app.register_blueprint(sandbox)
    app.register_blueprint(facebook)
    app.register_blueprint(business)
    app.register_blueprint(instagram)
    app.register_blueprint(appstore)
    app.register_blueprint(training)
    app.register_blueprint(rules)
    app.register_blueprint(direkt)
    app.register_blueprint(ines)
