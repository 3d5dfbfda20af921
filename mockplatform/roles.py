"""Page roles and what each may do. The one matrix every platform enforces."""

from __future__ import annotations

import json

TASKS = {
    "hantera_sida": "Hantera sidan (roller och inställningar)",
    "skapa_innehall": "Skapa innehåll (publicera, redigera, schemalägga och ta bort inlägg)",
    "moderera": "Moderera (svara på, dölja och ta bort kommentarer)",
    "meddelanden": "Svara på meddelanden",
    "annonser": "Skapa annonser",
    "statistik": "Se statistik",
}

ROLE_TASKS = {
    "Administratör": set(TASKS),
    "Redaktör": set(TASKS) - {"hantera_sida"},
    "Moderator": {"moderera", "meddelanden", "annonser", "statistik"},
    "Annonsör": {"annonser", "statistik"},
    "Analytiker": {"statistik"},
    "Anpassad": set(),  # the tasks ticked for the person
}

ROLE_HELP = {
    "Administratör": "Kan göra allt, även ge andra behörighet. Var restriktiv med den här nivån.",
    "Redaktör": "Kan publicera, redigera och ta bort inlägg, svara på och moderera kommentarer.",
    "Moderator": "Kan svara på, dölja och ta bort kommentarer, men inte publicera inlägg.",
    "Annonsör": "Kan skapa annonser och se statistik.",
    "Analytiker": "Kan bara se statistik.",
    "Anpassad": "Välj själv vilka uppgifter personen får göra.",
}


def tasks_for(role: str, custom: list[str] | str | None = None) -> set[str]:
    if role == "Anpassad":
        if isinstance(custom, str):
            custom = json.loads(custom or "[]")
        return {t for t in (custom or []) if t in TASKS}
    return set(ROLE_TASKS.get(role, set()))


def page_tasks(db, persona_id: int | None, page_id: int) -> set[str]:
    if persona_id is None:
        return set()
    row = db.execute(
        "SELECT role, tasks FROM page_role WHERE persona_id = ? AND page_id = ?",
        (persona_id, page_id),
    ).fetchone()
    return tasks_for(row["role"], row["tasks"]) if row else set()


def can(db, persona_id: int | None, page_id: int, task: str) -> bool:
    if task not in TASKS:
        raise KeyError(task)
    return task in page_tasks(db, persona_id, page_id)


def publishers(db, page_id: int) -> int:
    """How many people may publish on the Page (the handbook: at least two editors)."""
    rows = db.execute("SELECT role, tasks FROM page_role WHERE page_id = ?", (page_id,)).fetchall()
    return sum(1 for r in rows if "skapa_innehall" in tasks_for(r["role"], r["tasks"]))
