"""What an operator sets (MOCKPLATFORM_* variables) is checked before the server starts: a
setting Sandlådan cannot use is named in Swedish at start, never a 500 or a silent gap later."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from mockplatform import create_app
from mockplatform.cli import cli
from mockplatform.config import ConfigError


@pytest.fixture
def env(monkeypatch, tmp_path):
    """Set MOCKPLATFORM_* variables for an app made as `mockplatform serve` makes it."""
    for name in ("TRAINER_PASSWORD", "SECRET_KEY", "BEHIND_PROXY", "PUBLIC_URL"):
        monkeypatch.delenv(f"MOCKPLATFORM_{name}", raising=False)
    monkeypatch.setenv("MOCKPLATFORM_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MOCKPLATFORM_WTF_CSRF_ENABLED", "false")

    def set_(**values):
        for key, value in values.items():
            monkeypatch.setenv(f"MOCKPLATFORM_{key}", value)
    return set_


@pytest.mark.parametrize(("key", "value", "said"), [
    ("NEW_WORLD_LIMIT", "garbage", "ingen gräns Sandlådan förstår"),
    ("TRAINER_LOGIN_LIMIT", "5 per fortnight", "ingen gräns Sandlådan förstår"),  # was silently off
    ("JOIN_CODE_LIMIT", "", "ingen gräns Sandlådan förstår"),
    ("WORKSPACE_IDLE_DAYS", "-3", "0 eller mer"),  # would have removed every world
    ("WORKSPACE_IDLE_DAYS", "trettio", "0 eller mer"),
    ("WORKSPACE_IDLE_DAYS", "Infinity", "0 eller mer"),
    ("BEHIND_PROXY", "NaN", "0–5"),
    ("BEHIND_PROXY", "yes", "0–5"),
    ("BEHIND_PROXY", "9", "0–5"),
    ("MAX_IMAGE_BYTES", "tio", "antal byte"),
    ("MAX_CONTENT_LENGTH", "-1", "antal byte"),
    ("PUBLIC_URL", "javascript:alert(1)", "webbadress"),
    ("PUBLIC_URL", "sandladan.kommun.se", "webbadress"),
    ("PUBLIC_URL", "http://[sandladan", "webbadress"),
    ("PUBLIC_URL", "https://sandladan.kommun.se:port", "webbadress"),
    ("MAX_CONTENT_LENGTH", "null", "antal byte"),  # JSON's null: no limit would be read as None
    ("WORKSPACE_IDLE_DAYS", "null", "0 eller mer"),
])
def test_a_setting_sandladan_cannot_use_is_named_at_start(env, key, value, said):
    env(**{key: value})
    with pytest.raises(ConfigError) as err:
        create_app()
    assert f"MOCKPLATFORM_{key}" in err.value.message and said in err.value.message


def test_serve_says_what_is_wrong_in_swedish_and_does_not_start(env):
    env(NEW_WORLD_LIMIT="garbage", WORKSPACE_IDLE_DAYS="-1")
    result = CliRunner().invoke(cli, ["serve", "--port", "1"], standalone_mode=True)
    assert result.exit_code == 1
    assert "Fel: Sandlådan kan inte starta" in result.output
    assert "MOCKPLATFORM_NEW_WORLD_LIMIT" in result.output
    assert "MOCKPLATFORM_WORKSPACE_IDLE_DAYS" in result.output
    assert "Traceback" not in result.output


def test_settings_that_look_like_numbers_stay_text(env):
    env(TRAINER_PASSWORD="12345678", SECRET_KEY="0123", PUBLIC_URL="https://sandladan.kommun.se/")
    app = create_app()
    assert app.config["SECRET_KEY"] == "0123"
    client = app.test_client()
    client.get("/tranare/")
    assert client.post("/tranare/logga-in", data={"password": "12345678"}).status_code == 302
    assert client.post("/tranare/", data={"name": "K", "scenario": "mandagsmorgon"}).status_code == 302
    html = client.get("/tranare/grupp/1/").get_data(as_text=True)
    assert "https://sandladan.kommun.se/ga-med?kod=" in html


def test_limits_switched_off_are_not_checked(env):
    env(RATELIMIT_ENABLED="false", JOIN_CODE_LIMIT="")
    assert create_app().test_client().get("/").status_code == 200


def test_a_data_folder_sandladan_cannot_write_in_is_named(env, tmp_path):
    env(MEDIA_DIR=str(tmp_path / "fil" / "media"))
    (tmp_path / "fil").write_text("en fil, inte en mapp")
    with pytest.raises(ConfigError, match="kan inte skriva i datamappen"):
        create_app()


def test_good_settings_start(env):
    env(NEW_WORLD_LIMIT="5 per minute;30 per hour", WORKSPACE_IDLE_DAYS="0", BEHIND_PROXY="1",
        MAX_IMAGE_BYTES="1048576")
    app = create_app()
    assert app.config["WORKSPACE_IDLE_DAYS"] == 0 and app.config["MAX_IMAGE_BYTES"] == 1048576
    assert app.test_client().get("/").status_code == 200


def test_prune_without_days_when_automatic_removal_is_off_removes_nothing(env, tmp_path):
    env(WORKSPACE_IDLE_DAYS="0")
    create_app().test_client().get("/")  # one world
    result = CliRunner().invoke(cli, ["workspaces", "--prune"])
    assert result.exit_code != 0 and "--days" in result.output
    listing = CliRunner().invoke(cli, ["workspaces"])
    assert "Inga övningsmiljöer" not in listing.output
    zero = CliRunner().invoke(cli, ["workspaces", "--prune", "--days", "0"])
    assert zero.exit_code != 0
