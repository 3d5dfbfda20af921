"""One date syntax for guides and scenario solutions (mockplatform/dates.py)."""

from datetime import UTC, datetime

import pytest

from mockplatform import dates
from mockplatform.guidecheck.syntax import SyntaxProblem, parse_actions

MONDAY_EVENING = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)  # 23:30 Monday in Sweden


@pytest.mark.parametrize("text, want", [
    ("{datum}", "2026-11-30"),
    ("{datum+1}", "2026-12-01"),
    ("{datum:fredag}", "2026-12-04"),
    ("{datum:måndag}", "2026-12-07"),  # never the same day
    ("Kl. 09:00 {datum+2}", "Kl. 09:00 2026-12-02"),
])
def test_tokens_count_from_the_base_time_in_swedish_time(text, want):
    assert dates.fill(text, MONDAY_EVENING) == want


def test_a_local_date_is_swedish_not_utc():
    late = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)  # already Tuesday 00:30 in Sweden
    assert dates.fill("{datum}", late) == "2026-12-01"


@pytest.mark.parametrize("text, words", [
    ('fill "Datum" "{date+1}"', "{date+1} heter nu {datum+1}"),
    ('fill "Datum" "{datum:fredg}"', "”fredg” i {datum:fredg} är ingen veckodag"),
])
def test_a_wrong_date_token_is_a_clear_parse_error(text, words):
    with pytest.raises(SyntaxProblem, match=words.replace("{", r"\{").replace("+", r"\+")):
        parse_actions(text)
