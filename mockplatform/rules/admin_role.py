"""Administratör given where a lower role does the job – on a Page or as Business Manager
access. The mock cannot know the person's tasks, so the hint asks: does the job need it?"""

from __future__ import annotations

from .base import Rule


def check(text: str, context: dict) -> list[tuple[str, str]]:
    out = []
    for where, role in context.get("roles", []):
        if role == "Administratör":
            out.append((f"Administratör på {where} är den högsta behörighetsnivån. Vi ska vara "
                        "restriktiva med den: räcker Redaktör (publicera) eller Moderator "
                        "(svara och moderera) för personens arbetsuppgifter?", "Administratör"))
    return out


RULE = Rule(
    id="administrator",
    section="Behörighet",
    explanation="Sätt behörigheten utifrån arbetsuppgiften; var restriktiv med Administratör.",
    looks_at=("invite",),
    check=check,
    handbook_words=("Ska en medarbetare börja arbeta med Facebook ska behörighetsnivån sättas "
                    "utifrån arbetsuppgift. Vi ska vara restriktiva med att sätta den högsta "
                    "behörighetsnivån administratör."),
    catalog=("behorighet",),
)
