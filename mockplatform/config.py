"""Configuration: defaults, the data folder, the secret key kept beside the data, and a check of
what an operator set (MOCKPLATFORM_* variables) before the first request, in Swedish."""

from __future__ import annotations

import math
import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import click
from flask_wtf import CSRFProtect
from werkzeug.routing import IntegerConverter

csrf = CSRFProtect()

MB = 1024 * 1024
# Read as written: "12345678" is a password and "0123" a key, not numbers (from_prefixed_env
# would read them as JSON).
TEXT_SETTINGS = ("TRAINER_PASSWORD", "SECRET_KEY", "PUBLIC_URL", "TRAINER_LOGIN_LIMIT",
                 "JOIN_CODE_LIMIT", "NEW_WORLD_LIMIT")
LIMITS = ("TRAINER_LOGIN_LIMIT", "JOIN_CODE_LIMIT", "NEW_WORLD_LIMIT")
SIZES = ("MAX_CONTENT_LENGTH", "MAX_FORM_MEMORY_SIZE", "MAX_IMAGE_BYTES", "MAX_VIDEO_BYTES")


class ConfigError(click.ClickException):
    """A setting Sandlådan cannot run with: said before the server starts, never as a 500 later."""


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
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"Datamappen {data_dir} går inte att skapa ({exc.strerror}). Välj en annan "
                          "med --data eller MOCKPLATFORM_DATA_DIR.") from exc
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
        for key in TEXT_SETTINGS:
            if f"MOCKPLATFORM_{key}" in os.environ:
                app.config[key] = os.environ[f"MOCKPLATFORM_{key}"]
    else:
        app.config.from_mapping(test_config)
    check(app.config)
    try:
        if not app.config.get("SECRET_KEY"):
            app.config["SECRET_KEY"] = _secret_key(data_dir)
        Path(app.config["MEDIA_DIR"]).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"Sandlådan kan inte skriva i datamappen ({exc.filename}: {exc.strerror}). "
                          "Välj en mapp som kontot som kör Sandlådan får skriva i (--data eller "
                          "MOCKPLATFORM_DATA_DIR).") from exc
    csrf.init_app(app)


def _is_number(value) -> bool:
    """A finite number (the environment's JSON also reads "NaN" and "Infinity")."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def problems(config) -> list[str]:
    """What is wrong with the settings, one Swedish sentence per setting."""
    from limits import parse_many

    out = []
    # Limits turned off (RATELIMIT_ENABLED = false) are never read: nothing to check.
    for key in LIMITS if config.get("RATELIMIT_ENABLED", True) is not False else ():
        value = config.get(key)
        try:
            ok = isinstance(value, str) and bool(parse_many(value))
        except ValueError:
            ok = False
        if not ok:
            out.append(f"MOCKPLATFORM_{key} = {value!r} är ingen gräns Sandlådan förstår. Skriv t.ex. "
                       '"5 per minute;30 per hour". (Alla gränser stängs av med '
                       "MOCKPLATFORM_RATELIMIT_ENABLED=false.)")
    days = config.get("WORKSPACE_IDLE_DAYS")
    if not (_is_number(days) and days >= 0):
        out.append(f"MOCKPLATFORM_WORKSPACE_IDLE_DAYS = {days!r} ska vara ett antal dagar, 0 eller mer "
                   "(0: ta aldrig bort oanvända övningsmiljöer av sig själv).")
    proxies = config.get("BEHIND_PROXY")
    if not (isinstance(proxies, bool) or isinstance(proxies, int) and 0 <= proxies <= 5):
        out.append(f"MOCKPLATFORM_BEHIND_PROXY = {proxies!r} ska vara antalet proxyer framför Sandlådan, "
                   "0–5 (oftast 1).")
    for key in SIZES:
        value = config.get(key)
        if not (isinstance(value, int) and not isinstance(value, bool) and value > 0):
            out.append(f"MOCKPLATFORM_{key} = {value!r} ska vara ett antal byte (ett heltal större än 0).")
    public = config.get("PUBLIC_URL")
    if public:
        try:
            parts = urlsplit(public) if isinstance(public, str) else None
            port_ok = parts is None or parts.port is None or parts.port > 0
        except ValueError:  # "http://[sandladan" or a port that is no number
            parts, port_ok = None, False
        usable = parts and port_ok and parts.scheme in ("http", "https") and parts.hostname
        if not usable or parts.query or parts.fragment:
            out.append(f"MOCKPLATFORM_PUBLIC_URL = {public!r} ska vara en webbadress som deltagarna når, "
                       "t.ex. https://sandladan.kommun.se")
    for key in ("TRAINER_PASSWORD", "SECRET_KEY"):
        if config.get(key) is not None and not isinstance(config.get(key), str):
            out.append(f"MOCKPLATFORM_{key} ska vara text.")
    return out


def check(config) -> None:
    found = problems(config)
    if found:
        raise ConfigError("Sandlådan kan inte starta med de här inställningarna:\n  "
                          + "\n  ".join(found))
