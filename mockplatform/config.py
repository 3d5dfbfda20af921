"""Configuration: defaults, the data folder, the secret key kept beside the data."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask_wtf import CSRFProtect
from werkzeug.routing import IntegerConverter

csrf = CSRFProtect()

MB = 1024 * 1024


class SqliteInt(IntegerConverter):
    """<int:…> in a URL is a row id: beyond SQLite's range it cannot exist, so it is a 404
    (and never an OverflowError when bound to a query)."""

    def __init__(self, map, fixed_digits=0, min=None, max=2**63 - 1, signed=False):
        super().__init__(map, fixed_digits, min, max, signed)


def _secret_key(data_dir: Path) -> str:
    """A key made once per data folder, so sessions survive a restart."""
    path = data_dir / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def configure(app, test_config=None) -> None:
    app.url_map.converters["int"] = SqliteInt
    data_dir = Path(
        (test_config or {}).get("DATA_DIR")
        or os.environ.get("MOCKPLATFORM_DATA_DIR")
        or app.instance_path
    )
    data_dir.mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(
        DATA_DIR=str(data_dir),
        DATABASE=str(data_dir / "sandladan.sqlite"),
        MEDIA_DIR=str(data_dir / "media"),
        WORLD_FILE=None,  # None: the bundled world of Östhammars kommun
        TRAINER_PASSWORD=os.environ.get("MOCKPLATFORM_TRAINER_PASSWORD"),
        MAX_CONTENT_LENGTH=200 * MB,  # per-file limits below; the view keeps the text
        MAX_FORM_MEMORY_SIZE=2 * MB,
        MAX_IMAGE_BYTES=10 * MB,
        MAX_VIDEO_BYTES=50 * MB,
        WTF_CSRF_TIME_LIMIT=None,  # a trainee may leave the composer open for hours
        SESSION_COOKIE_SAMESITE="Lax",
        BEHIND_PROXY=False,  # number of reverse proxies whose X-Forwarded-* headers to trust
        PUBLIC_URL=None,  # e.g. https://sandladan.kommun.se: the join link shown to trainees
        TRAINER_LOGIN_LIMIT="5 per minute;30 per hour",  # wrong trainer passwords per address
        JOIN_CODE_LIMIT="10 per minute;60 per hour",  # failed joins (wrong codes) per address
        NEW_WORLD_LIMIT="120 per minute;1200 per day",  # new seeded worlds per address
        WORKSPACE_IDLE_DAYS=30,  # a world nobody has used for this long is removed
    )
    if test_config is None:
        app.config.from_prefixed_env("MOCKPLATFORM")
    else:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(data_dir)
    Path(app.config["MEDIA_DIR"]).mkdir(parents=True, exist_ok=True)
    csrf.init_app(app)
