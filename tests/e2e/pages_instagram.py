"""Page objects for the practice phone: the app store and Instagram. They expose locators and
return the next page object; the tests make the assertions."""

from __future__ import annotations

from collections.abc import Iterator

from playwright.sync_api import Browser, Locator, Page

PASSWORDS = {"osthammarskommun": "ovning-ig-kommun", "osthammarsbibliotek": "ovning-ig-bibliotek",
             "fritidosthammar": "ovning-ig-fritid"}
PHONE = {"width": 390, "height": 844}


def phone_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A page in a phone-sized, touch-enabled context of its own (its own practice world)."""
    context = browser.new_context(base_url=base_url, viewport=PHONE, is_mobile=True, has_touch=True,
                                  device_scale_factor=2, locale="sv-SE", timezone_id="Europe/Stockholm")
    try:
        yield context.new_page()
    finally:
        context.close()


class AppStoreHome:
    def __init__(self, page: Page):
        self.page = page

    def open(self) -> AppStoreHome:
        self.page.goto("/appbutik/")
        return self

    def store(self, name: str) -> Locator:
        return self.page.get_by_role("link", name=name, exact=True)

    def open_store(self, name: str, search_label: str) -> Store:
        self.store(name).tap()
        return Store(self.page, search_label)


class Store:
    def __init__(self, page: Page, search_label: str):
        self.page = page
        self.search_field = page.get_by_role("searchbox", name=search_label)
        self.results = page.get_by_role("list").filter(has=page.get_by_role("link"))

    def search(self, text: str) -> Store:
        self.search_field.tap()
        self.search_field.fill(text)
        self.search_field.press("Enter")
        return self

    def result(self, name: str) -> Locator:
        return self.page.get_by_role("link", name=name)

    def open_app(self, name: str) -> StoreApp:
        self.result(name).first.tap()
        return StoreApp(self.page)


class StoreApp:
    def __init__(self, page: Page):
        self.page = page
        self.heading = page.get_by_role("heading", level=1)
        self.open_link = page.get_by_role("link", name="Öppna")

    def install_button(self, label: str) -> Locator:
        return self.page.get_by_role("button", name=label)

    def install(self, label: str) -> StoreApp:
        self.install_button(label).tap()
        return self

    def open_instagram(self) -> InstagramLogin:
        self.open_link.tap()
        return InstagramLogin(self.page)


class InstagramLogin:
    def __init__(self, page: Page):
        self.page = page
        self.username = page.get_by_label("Användarnamn", exact=True)
        self.password = page.get_by_label("Lösenord", exact=True)
        self.submit = page.get_by_role("button", name="Logga in")
        self.forgot = page.get_by_role("link", name="Glömt lösenordet?")
        self.error = page.get_by_role("alert")
        self.app_store_link = page.get_by_role("link", name="Så laddar du ner appen")

    def open(self) -> InstagramLogin:
        self.page.goto("/instagram/logga-in")
        return self

    def fill(self, username: str, password: str | None = None) -> InstagramLogin:
        self.username.fill(username)
        self.password.fill(PASSWORDS[username] if password is None else password)
        return self

    def try_login(self, username: str, password: str | None = None) -> InstagramLogin:
        """Tap Logga in and stay: for wrong passwords and other refusals."""
        self.fill(username, password)
        self.submit.tap()
        return self

    def login_as(self, username: str, password: str | None = None) -> Feed:
        """Log in and wait for the start page."""
        self.fill(username, password)
        self.submit.tap()
        self.page.wait_for_url("**/instagram/")
        return Feed(self.page)


class TabBar:
    def __init__(self, page: Page):
        self.page = page
        self.tabs = page.get_by_role("navigation", name="Flikar")
        self.profile = self.tabs.get_by_role("link", name="Profil")
        self.new_post = self.tabs.get_by_role("link", name="Ny post")

    def open_profile(self) -> Profile:
        self.profile.tap()
        return Profile(self.page)

    def open_composer(self) -> Composer:
        self.new_post.tap()
        return Composer(self.page)


class Feed(TabBar):
    def __init__(self, page: Page):
        super().__init__(page)
        self.switcher = page.get_by_role("button", name="byt konto")
        self.sheet = page.get_by_role("dialog", name="Byt konto")

    def account_name(self, username: str) -> Locator:
        return self.page.get_by_role("button", name=f"{username} – byt konto")

    def open_account_menu(self) -> Feed:
        self.switcher.tap()
        return self

    def sheet_account(self, username: str) -> Locator:
        return self.sheet.get_by_role("button", name=username)

    def switch_to(self, username: str) -> Feed:
        self.sheet_account(username).tap()
        return Feed(self.page)


class Profile(TabBar):
    def __init__(self, page: Page):
        super().__init__(page)
        self.three_lines = page.get_by_role("button", name="Meny")
        self.menu = page.get_by_role("menu")
        self.settings_item = self.menu.get_by_role("menuitem", name="Inställningar")

    def open_menu(self) -> Profile:
        self.three_lines.tap()
        return self

    def open_settings(self) -> Settings:
        self.settings_item.tap()
        return Settings(self.page)


class Settings(TabBar):
    def __init__(self, page: Page):
        super().__init__(page)
        self.heading = page.get_by_role("heading", name="Inställningar")
        self.list = page.get_by_role("navigation", name="Inställningar")
        self.logins = page.get_by_role("heading", name="Inloggningar")
        self.add_account_link = page.get_by_role("link", name="Lägg till konto")
        self.logout_button = page.get_by_role("button", name="Logga ut", exact=True)
        self.logout_all_button = page.get_by_role("button", name="Logga ut från alla konton")

    def open(self) -> Settings:
        self.page.goto("/instagram/installningar")
        return self

    def add_account(self) -> InstagramLogin:
        self.add_account_link.tap()
        return InstagramLogin(self.page)

    def logout(self) -> Feed:
        self.logout_button.tap()
        return Feed(self.page)

    def logout_all(self) -> InstagramLogin:
        self.logout_all_button.tap()
        return InstagramLogin(self.page)


class Composer:
    def __init__(self, page: Page):
        self.page = page
        self.image = page.get_by_label("Välj bild")
        self.caption = page.get_by_label("Bildtext")
        self.share = page.get_by_role("button", name="Dela", exact=True)
        self.error = page.get_by_role("alert")
        self.adult_consent = page.get_by_role(
            "group", name="Har personen på bilden skrivit under en samtyckesblankett för bildanvändande?")
        self.guardian_consent = page.get_by_role(
            "group", name="Har barnets målsman skrivit under samtyckesblanketten för bildanvändande?")

    def person(self, label: str) -> Locator:
        return self.page.get_by_role("radio", name=label)

    def write(self, image_path: str, caption: str) -> Composer:
        self.image.set_input_files(image_path)
        self.caption.fill(caption)
        return self

    def publish(self) -> Profile:
        self.share.tap()
        return Profile(self.page)
