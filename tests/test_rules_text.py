"""Each text rule with realistic Swedish text that triggers it and text that must not."""

import pytest

from mockplatform.rules import RULES, review
from mockplatform.rules.signature import is_signed

EVA = {"name": "Eva Lind", "signature": "Eva, kommunikatör på Östhammars kommun",
       "title": "kommunikatör"}
SARA = {"name": "Sara Ek", "signature": "Sara, Östhammar Direkt",
        "title": "kommunvägledare på Östhammar Direkt"}
SIGN = "\n\nVänliga hälsningar, Eva, kommunikatör på Östhammars kommun"
CTX = {"persona": EVA, "org_domain": "osthammar.example"}


def found(kind, text, rule, **extra):
    return [f.quote for f in review(kind, text, CTX | extra) if f.rule_id == rule]


@pytest.mark.parametrize("text", [
    "Eva, kommunikatör på Östhammars kommun",
    "Tack för tipset! /Eva Lind, kommunikatör",
    "Vi återkommer.\nVänliga hälsningar Eva Lind, Östhammars kommun",
    "Allt gott! / Eva, kommunikatör på Östhammars kommun",
])
def test_signed_with_name_and_role(text):
    assert is_signed(text, EVA)


@pytest.mark.parametrize("text", [
    "Vi bevakar vädret i Östhammars kommun",      # 'eva' inside a word
    "Hälsningar Eva",                             # a name without a role
    "Evas kommunikatör har semester",
    "Kommunikatör på Östhammars kommun",          # a role without a name
    "",
])
def test_not_signed(text):
    assert not is_signed(text, EVA)


def test_signature_of_another_persona():
    assert is_signed("Hej! Vi tittar på det. Sara, Östhammar Direkt", SARA)
    assert not is_signed("Hej! Vi tittar på det. Sara, Östhammar Direkt", EVA)


def test_personnummer_with_check_digit_only():
    assert found("reply", "Hans personnummer är 19900101-0017, kan ni kolla?" + SIGN,
                 "personuppgifter") == ["19900101-0017"]
    assert found("post", "Beslutet togs 900101-0017." + SIGN, "personuppgifter") == ["900101-0017"]
    # a wrong check digit, a date, a case number, a time span: not personnummer
    for text in ["Nummer 19900101-0018 är fel.", "Julmarknad 2026-12-02 kl. 10–14.",
                 "Diarienummer KS 2026/1234.", "Öppet vardagar 10–19 och lördagar 10–14."]:
        assert found("post", text + SIGN, "personuppgifter") == [], text


def test_private_mobile_number_but_not_the_switchboard():
    assert found("reply", "Ring mig på 070-123 45 67 så löser vi det." + SIGN,
                 "personuppgifter") == ["070-123 45 67"]
    assert found("post", "Frågor? Ring +46 70 123 45 67." + SIGN, "personuppgifter")
    assert found("reply", "Ring oss på 0173-860 00 så hjälper vi dig." + SIGN, "personuppgifter") == []
    assert found("post", "Bokbussen kommer kl. 13–15 på torsdag." + SIGN, "personuppgifter") == []


def test_private_email_but_not_work_email():
    assert found("reply", "Mejla Kalle på kalle.svensson@gmail.com." + SIGN,
                 "personuppgifter") == ["kalle.svensson@gmail.com"]
    assert found("reply", "Mejla mig på eva.lind@osthammar.example." + SIGN, "personuppgifter") == []


def test_home_address_in_a_reply_or_where_someone_lives():
    assert found("reply", "Vi skickar någon till Storgatan 12 i morgon." + SIGN,
                 "personuppgifter") == ["Storgatan 12"]
    assert found("post", "Grannen som bor på Köpmangatan 4 har hittat en katt." + SIGN,
                 "personuppgifter") == ["Köpmangatan 4"]
    assert found("post", "Julmarknaden hålls på Rådhustorget 1 i Öregrund." + SIGN,
                 "personuppgifter") == []
    assert found("reply", "När plogas Storgatan i Gimo?", "personuppgifter") == []


def test_sensitive_data_about_a_person_not_a_topic():
    assert found("post", "Johan Berg är sjukskriven, så sagostunden är inställd." + SIGN,
                 "kansliga-personuppgifter")
    assert found("reply", "Vi vet att du har diabetes, så du får förtur." + SIGN,
                 "kansliga-personuppgifter")
    assert found("post", "Hon är medlem i Kommunal och vill inte jobba helger." + SIGN,
                 "kansliga-personuppgifter")
    for text in ["Föreläsning om diabetes på biblioteket i kväll.",
                 "Du som har diabetes är välkommen till en träff om kost.",
                 "Välkommen på Pride i Östhammar! Alla är välkomna.",
                 "Nu är isen på Gimo damm spolad och klar för skridskor."]:
        assert found("post", text + SIGN, "kansliga-personuppgifter") == [], text


def test_missing_sender():
    assert found("post", "Vinterbad i Öregrund? Bastun har öppet på söndag.", "avsandare")
    assert found("reply", "Vi kollar.", "avsandare")
    assert found("post", "Bastun har öppet på söndag." + SIGN, "avsandare") == []
    assert found("post", "Vi bevakar vädret.", "avsandare")  # 'eva' in 'bevakar' is no sender


def test_copy_paste_replies():
    before = ["Hej Anna! Tack för din fråga. Snöröjningen sker enligt vår plan och gång- och "
              "cykelvägar prioriteras först. Vänliga hälsningar, Eva, kommunikatör på Östhammars kommun"]
    again = ("Hej Mats! Tack för din fråga. Snöröjningen sker enligt vår plan och gång- och "
             "cykelvägar prioriteras först. Vänliga hälsningar, Eva, kommunikatör på Östhammars kommun")
    assert found("reply", again, "kopierade-svar", recent_replies=before)
    own = ("Hej Mats! Storgatan i Gimo står på tur i morgon bitti, plogbilen har haft problem "
           "med en hydraulslang. Vänliga hälsningar, Eva, kommunikatör på Östhammars kommun")
    assert found("reply", own, "kopierade-svar", recent_replies=before) == []
    assert found("reply", "Tack! /Eva, kommunikatör", "kopierade-svar",
                 recent_replies=["Tack! /Eva, kommunikatör"]) == []


def test_individual_case():
    assert found("reply", "Hej Birgitta! Du får tillbaka 450 kr på nästa faktura." + SIGN,
                 "enskilt-arende") == ["Du får tillbaka", "450 kr"]
    assert found("reply", "Ring mig privat så tar vi det." + SIGN, "enskilt-arende") == ["Ring mig privat"]
    assert found("reply", "Jag har tittat i ditt ärende och det ser bra ut." + SIGN,
                 "enskilt-arende") == ["ditt ärende"]
    for kind, text in [("post", "Julmarknad på lördag. Entré 50 kr, barn gratis."),
                       ("reply", "Biljetten kostar 50 kr för dig som är pensionär."),
                       ("reply", "Hej! Kontakta Östhammar Direkt på 0173-860 00 så hjälper de dig."),
                       ("post", "Senast den 1 december kan ni söka aktivitetsbidrag.")]:
        assert found(kind, text + SIGN, "enskilt-arende") == [], text


def test_bare_link():
    assert found("post", "https://www.osthammar.example/foreningsbidrag", "lank-med-varfor")
    assert found("post", "Läs mer: https://www.osthammar.example/x" + SIGN, "lank-med-varfor")
    assert found("post", "Är du aktiv i en förening? Senast den 1 december kan ni söka bidrag: "
                 "https://www.osthammar.example/foreningsbidrag" + SIGN, "lank-med-varfor") == []
    assert found("post", "Ingen länk här alls." + SIGN, "lank-med-varfor") == []


def test_every_rule_has_a_handbook_section_and_swedish_explanation():
    for rule in RULES.values():
        assert rule.section and rule.explanation and rule.looks_at, rule.id
        assert rule.severity in ("hint", "refuse")
        assert rule.severity == "hint" or "måste" in rule.handbook_words, rule.id
