"""Entering Business Manager: /business/, the arrow menu on Facebook, the start page, settings."""

from .business_helpers import BIZ, PEOPLE, invite, page_id, persona_id
from .conftest import login


def test_index_sends_a_visitor_to_the_facebook_login_and_back(client):
    response = client.get("/business/")
    assert response.status_code == 302
    assert "/facebook/logga-in?next=/business/" in response.location


def test_index_lists_the_businesses_of_the_persona(eva):
    html = eva.get("/business/").get_data(as_text=True)
    assert "Östhammars kommun" in html and "Roslagens turistsamverkan" in html
    assert f'href="{BIZ}/"' in html


def test_index_without_businesses_says_how_to_get_in(client):
    login(client, "per")
    html = client.get("/business/").get_data(as_text=True)
    assert "inte med i något företag" in html


def test_facebook_arrow_menu_lists_the_businesses(eva):
    html = eva.get("/facebook/").get_data(as_text=True)
    assert "Business Manager" in html
    assert f'href="{BIZ}/"' in html
    assert 'href="/business/roslagsturism/"' in html


def test_start_page_has_the_settings_button_and_the_menu(eva):
    response = eva.get(f"{BIZ}/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'aria-label="Meny"' in html
    assert html.count("Företagsinställningar") >= 2  # the blue button and the menu item
    assert f'action="{PEOPLE}"' in html


def test_start_page_flags_a_page_with_fewer_than_two_publishers(eva):
    html = eva.get(f"{BIZ}/").get_data(as_text=True)
    # Östhammars kommun: only Eva can publish (Sara moderates, Ali advertises, Maria analyses)
    assert "1 person kan publicera – alla konton ska ha minst två utsedda redaktörer" in html
    assert html.count("alla konton ska ha minst två utsedda redaktörer") == 1


def test_start_page_of_a_business_one_is_not_member_of_is_403(client):
    login(client, "per")
    response = client.get(f"{BIZ}/")
    assert response.status_code == 403
    assert "har inte tillgång till Östhammars kommun" in response.get_data(as_text=True)


def test_unknown_business_is_404(eva):
    assert eva.get("/business/finns-inte/").status_code == 404


def test_start_page_needs_a_login(client):
    response = client.get(f"{BIZ}/")
    assert response.status_code == 302 and "next=" in response.location


def test_settings_open_on_the_people_page(eva):
    response = eva.get(f"{BIZ}/installningar/")
    assert response.status_code == 302 and response.location.endswith(PEOPLE)
    html = eva.get(PEOPLE).get_data(as_text=True)
    assert "<h1 id=\"people-h\">Personer</h1>" in html
    assert "Lägg till</button>" in html
    for name in ("Eva Lind", "Sara Ek", "Johan Berg", "Ali Haddad", "Maria Holm", "Lena Nord"):
        assert name in html
    assert "Per Ström" not in html


def test_a_person_shows_their_pages_and_roles(eva, db):
    sara = persona_id(db, eva, "sara")
    html = eva.get(f"{PEOPLE}/{sara}").get_data(as_text=True)
    assert "Sara Ek" in html and "Roll på Östhammars kommun" in html
    assert '<option value="Moderator" ' in html and "selected>Moderator</option>" in html


def test_a_person_outside_the_business_is_404(eva, db):
    per = persona_id(db, eva, "per")
    assert eva.get(f"{PEOPLE}/{per}").status_code == 404
    assert eva.get(f"{PEOPLE}/999999").status_code == 404


def test_an_employee_sees_people_but_cannot_add(client):
    login(client, "sara")
    html = client.get(PEOPLE).get_data(as_text=True)
    assert "Lägg till</button>" not in html
    assert "Bara administratörer" in html


def test_pages_view_flags_too_few_publishers(eva, db):
    html = eva.get(f"{BIZ}/installningar/sidor").get_data(as_text=True)
    assert "För få som kan publicera" in html
    lib = page_id(db, eva, "osthammarsbibliotek")
    html = eva.get(f"{BIZ}/installningar/sidor/{lib}").get_data(as_text=True)
    assert "Johan Berg" in html and "2 personer kan publicera" in html
    assert eva.get(f"{BIZ}/installningar/sidor/999999").status_code == 404


def test_invitation_detail_of_unknown_id_is_404(eva):
    assert eva.get(f"{BIZ}/installningar/inbjudningar/999999").status_code == 404


def test_index_lists_the_invitations_waiting_for_the_persona(client, db):
    login(client, "eva")
    invite(client, "per.strom@osthammar.example", {page_id(db, client, "osthammarskommun"): "Redaktör"})
    login(client, "per")
    html = client.get("/business/").get_data(as_text=True)
    assert "Inbjudningar till dig" in html and 'href="/business/inbjudan/' in html
    assert "Svara på inbjudan nedanför" in html
