"""Every feature is a blueprint; this is the one list of them."""


def register_all(app) -> None:
    from .business import bp as business
    from .facebook import bp as facebook
    from .sandbox import bp as sandbox

    app.register_blueprint(sandbox)
    app.register_blueprint(facebook)
    app.register_blueprint(business)
