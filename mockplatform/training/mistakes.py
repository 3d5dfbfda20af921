"""Mistakes for the debrief, read from the action log and the tables, each with the
handbook's rule."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from .. import clock
from .checks import actions_since

RULES = {
    "frequency": ("Facebook – Att tänka på", "Överdriv inte publiceringen. … Max 1-2 inlägg per dag och "
                  "minst två inlägg per vecka."),
    "signature": ("Tilltal", "De inlägg vi skriver ska ha en avsändare. Exempel: ”Vänliga hälsningar, "
                  "Eva, kommunikatör på Östhammars kommun”."),
    "hide": ("Otillåtna inlägg och kommentarer", "Att vi väljer att dölja en kommentar har att göra med "
             "att vi inte vill hjälpa till att ytterligare sprida något som vi anser vara negativt. Skulle "
             "kommentaren vara olaglig eller strida mot våra riktlinjer raderar vi den."),
    "admin": ("Behörighet", "Ska en medarbetare börja arbeta med Facebook ska behörighetsnivån sättas "
              "utifrån arbetsuppgift. Vi ska vara restriktiva med att sätta den högsta "
              "behörighetsnivån administratör."),
    "edit": ("Så redigerar du ett inlägg", "Bild och länk går inte att ändra efter att du har "
             "publicerat ett inlägg."),
    "answer_time": ("Närvaro, engagemang och bevakning", "Generellt ska frågor besvaras snabbt, inom "
                    "ett dygn under kontorstid. … Det viktiga är att visa att vi sett inlägget och "
                    "bekräftar det och ber att få återkomma."),
}


@dataclass(frozen=True)
class Mistake:
    text: str
    rule_key: str
    quote: str = ""                         # the words the mistake is about (a rules finding)
    handbook: tuple[str, str] | None = None  # (section, the handbook's words) of a rules finding

    @property
    def section(self) -> str:
        return self.handbook[0] if self.handbook else RULES[self.rule_key][0]

    @property
    def rule(self) -> str:
        return self.handbook[1] if self.handbook else RULES[self.rule_key][1]


def find(db, ws: str, scenario, since) -> list[Mistake]:
    out: list[Mistake] = []
    for detector in (_too_many_posts, _unsigned, _deleted_instead_of_hidden, _wrong_role,
                     _deleted_post, _late_answers, _flagged):
        out.extend(detector(db, ws, scenario, since))
    return out


def _checks(scenario, name: str) -> list[dict]:
    return [t.check.params for t in scenario.tasks if t.check.name == name]


def _too_many_posts(db, ws, scenario, since):
    rows = db.execute(
        "SELECT post.publish_at, page.name FROM post JOIN page ON page.id = post.page_id"
        " WHERE post.workspace_id = ? AND post.status = 'published' AND post.created_at >= ?"
        " AND post.deleted_at IS NULL", (ws, clock.iso(since)),
    ).fetchall()
    per_day = Counter((r["name"], clock.local(r["publish_at"]).date()) for r in rows)
    return [Mistake(f"{count} inlägg samma dag på {page}.", "frequency")
            for (page, _day), count in per_day.items() if count > 2]


def _unsigned(db, ws, scenario, since):
    unsigned = [a for a in actions_since(db, ws, since, "comment.replied") if not a["detail"].get("signed")]
    if not unsigned:
        return []
    n = len(unsigned)
    return [Mistake(f"{n} svar utan avsändare." if n > 1 else "Ett svar utan avsändare.", "signature")]


def _deleted_instead_of_hidden(db, ws, scenario, since):
    return [Mistake("Du tog bort en kommentar som var tillåten – den behövde högst döljas.", "hide")
            for a in actions_since(db, ws, since, "comment.deleted")
            if a["detail"].get("kind") in ("ok", "question", "hide")]


def _wrong_role(db, ws, scenario, since):
    out = []
    for params in _checks(scenario, "invitation_sent"):
        rows = db.execute(
            "SELECT invitation_page.role, page.name FROM invitation JOIN invitation_page ON"
            " invitation_page.invitation_id = invitation.id JOIN page ON page.id = invitation_page.page_id"
            " WHERE invitation.workspace_id = ? AND lower(invitation.email) = lower(?)",
            (ws, params["email"]),
        ).fetchall()
        for r in rows:
            if r["role"] != params["role"]:
                out.append(Mistake(f"Du bjöd in {params['email']} som {r['role']} på {r['name']}, men "
                                   f"uppgiften bad om {params['role']}.", "admin"))
    return out


def _deleted_post(db, ws, scenario, since):
    return [Mistake("Du tog bort ett publicerat inlägg i stället för att redigera texten.", "edit")
            for a in actions_since(db, ws, since, "post.deleted") if a["detail"].get("status") == "published"]


def _late_answers(db, ws, scenario, since):
    out = []
    for params in _checks(scenario, "comment_answered"):
        limit = params.get("within_hours")
        if limit is None:
            continue
        late = db.execute(
            "SELECT r.created_at FROM comment c JOIN comment r ON r.parent_id = c.id AND r.as_page = 1"
            " WHERE c.workspace_id = ? AND c.text LIKE ? ORDER BY r.id LIMIT 1",
            (ws, f"%{params['comment_contains']}%"),
        ).fetchone()
        if late and clock.parse(late["created_at"]) > since + timedelta(hours=float(limit)):
            out.append(Mistake(f"Svaret kom senare än {limit} timmar efter att övningen började.",
                               "answer_time"))
    return out


def _flagged(db, ws, scenario, since):
    """What the handbook's rules (mockplatform.rules) found in what was saved since the start,
    each once per object, with the quoted words. Unsigned replies and posts per day have
    their own detectors above."""
    from .. import rules

    out, seen = [], set()
    for a in actions_since(db, ws, since, "rule.flagged"):
        d = a["detail"]
        rule = rules.RULES.get(d.get("rule"))
        key = (a["object_type"], a["object_id"], d.get("rule"), d.get("quote"))
        if rule is None or key in seen or d["rule"] == "publiceringstakt" or (
                d["rule"] == "avsandare" and a["object_type"] == "comment"):
            continue
        seen.add(key)
        message = d.get("message") or rule.explanation
        out.append(Mistake(message[:1].upper() + message[1:], rule.id, quote=d.get("quote") or "",
                           handbook=(rule.section, rule.handbook_words)))
    return out
