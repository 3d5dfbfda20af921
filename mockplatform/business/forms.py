"""Reading and checking what the Business Manager forms send. Errors are Swedish sentences,
keyed by the field they belong to, so the form can show each one beside its control."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import roles
from . import model

EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
ADMIN_WARNING = ("Vi ska vara restriktiva med att sätta den högsta behörighetsnivån "
                 "administratör. Välj den bara om personens arbetsuppgifter kräver det.")


@dataclass
class Invite:
    """The wizard's state: step 1 (e-mail, business access), step 2 (a role on each Page)."""
    email: str = ""
    access: str = "Medarbetare"
    assignments: dict[int, dict] = field(default_factory=dict)  # page_id -> {role, tasks}
    checked: set[int] = field(default_factory=set)
    errors: dict[str, str] = field(default_factory=dict)


def read_person(form, db, ws: str, business, domain: str) -> Invite:
    invite = Invite(email=(form.get("email") or "").strip().lower(),
                    access=form.get("access") or "")
    if not invite.email:
        invite.errors["email"] = "Skriv medarbetarens e-postadress."
    elif "," in invite.email or ";" in invite.email or " " in invite.email:
        invite.errors["email"] = "Skriv en e-postadress i taget."
    elif not EMAIL.match(invite.email) or len(invite.email) > 254:
        invite.errors["email"] = ("Det ser inte ut som en e-postadress. Skriv till exempel "
                                  f"fornamn.efternamn@{domain}.")
    elif not invite.email.endswith("@" + domain.lower()):
        invite.errors["email"] = (f"I övningsmiljön kan du bara bjuda in adresser som slutar på "
                                  f"@{domain}. Mejl till andra adresser skickas aldrig.")
    else:
        duplicate = _duplicate(db, ws, business, invite.email)
        if duplicate:
            invite.errors["email"] = duplicate
    if invite.access not in model.ACCESS:
        invite.errors["access"] = "Välj vilken behörighet personen ska ha i Business Manager."
        invite.access = invite.access if invite.access in model.ACCESS else "Medarbetare"
    return invite


def _duplicate(db, ws: str, business, email: str) -> str | None:
    persona = model.persona_by_email(db, ws, email)
    if persona and model.membership(db, business["id"], persona["id"]):
        return (f"{persona['name']} är redan med i {business['name']}. Ändra personens behörighet "
                "under Personer i stället.")
    pending = db.execute("SELECT 1 FROM invitation WHERE business_id = ? AND lower(email) = ?"
                         " AND status = 'pending'", (business["id"], email)).fetchone()
    if pending:
        return (f"Det finns redan en inbjudan till {email} som väntar på svar. Dra tillbaka den "
                "först om du vill skicka en ny.")
    return None


def read_assignments(form, pages: list[dict], *, checkboxes: bool = True):
    """Page roles from the form: ``page`` checkboxes (in the wizard), ``role-<id>`` and
    ``tasks-<id>``. Without checkboxes an empty role means no access to that Page.
    Returns (assignments, checked, errors)."""
    by_id = {p["id"]: p for p in pages}
    errors: dict[str, str] = {}
    if checkboxes:
        checked = set()
        for raw in form.getlist("page"):
            if not (raw.isascii() and raw.isdigit()) or int(raw) not in by_id:
                errors["pages"] = "Den sidan tillhör inte företaget."
            else:
                checked.add(int(raw))
    else:
        checked = {p["id"] for p in pages if form.get(f"role-{p['id']}")}
    assignments: dict[int, dict] = {}
    for page_id in sorted(checked):
        name = by_id[page_id]["name"]
        role = form.get(f"role-{page_id}") or ""
        tasks = sorted(t for t in form.getlist(f"tasks-{page_id}") if t in roles.TASKS)
        if role not in roles.ROLE_TASKS:
            errors[f"role-{page_id}"] = f"Välj vilken roll personen ska ha på {name}."
        elif role == "Anpassad" and not tasks:
            errors[f"role-{page_id}"] = f"Kryssa i minst en uppgift för Anpassad på {name}."
        assignments[page_id] = {"role": role, "tasks": tasks if role == "Anpassad" else []}
    if checkboxes and pages and not checked and "pages" not in errors:
        errors["pages"] = "Välj minst en sida som personen ska få tillgång till."
    return assignments, checked, errors
