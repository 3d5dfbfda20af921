"""The one signature rule (Tilltal), used by checks, coach and debrief."""

from __future__ import annotations

import pytest

from mockplatform.rules.signature import is_signed

EVA = {"name": "Eva Lind", "title": "kommunikatör",
       "signature": "Eva, kommunikatör på Östhammars kommun"}
SARA = {"name": "Sara Ek", "title": "kommunvägledare på Östhammar Direkt",
        "signature": "Sara, Östhammar Direkt"}


class Row(dict):
    """Like a sqlite3.Row: keys() and [name]."""


@pytest.mark.parametrize("text", [
    "Hej Anna! Vi tar med rätt bild nästa gång.\n\nVänliga hälsningar, Eva, kommunikatör på "
    "Östhammars kommun",
    "Tack för tipset!\n/Eva Lind, kommunikatör",
    "Välkomna! Mvh Eva Lind, Östhammars kommun",
    "Hälsningar Eva (kommunikatör)",
])
def test_name_and_role_at_the_end_is_a_signature(text):
    assert is_signed(text, Row(EVA))


@pytest.mark.parametrize("text", [
    "Vi bevakar vädret och återkommer. Östhammars kommun",        # 'eva' inside another word
    "Hälsningar Eva",                                              # a name, no role
    "Eva har ringt renhållningen. " + "Vi hör av oss så snart vi vet mer om hämtningen. " * 4,
    "Kommunikatör på Östhammars kommun",                           # a role, no name
    "Bokbussen kommer på torsdag!",
    "",
])
def test_no_signature(text):
    assert not is_signed(text, Row(EVA))


def test_a_signature_of_another_person_is_not_mine():
    assert not is_signed("Vänliga hälsningar, Johan, bibliotekarie på Östhammars bibliotek", Row(EVA))


def test_a_unit_counts_as_the_role():
    assert is_signed("Vi hjälper dig gärna. Sara, Östhammar Direkt", Row(SARA))
    assert not is_signed("Vi hjälper dig gärna. Sarah", Row(SARA))
