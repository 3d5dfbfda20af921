"""Mistakes for the debrief and the trainer's review: what went wrong, the text it is about
(quoted) and the handbook's rule. Read from the world and the action log."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields

from .. import clock
from ..logtext import shortened
from ..rules.signature import is_signed
from . import checks, items
from .checks_accounts import invited_rights

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
    section: str
    rule: str
    quote: str = ""   # the words the mistake is about, as written
    about: str = ""   # which post, reply or invitation
    at: str = ""      # sandbox time, ISO

    @classmethod
    def of(cls, rule_key: str, text: str, **kw) -> Mistake:
        section, rule = RULES[rule_key]
        return cls(text, section, rule, **kw)

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def find(db, ws: str, scenario, since, memo: dict | None = None) -> list[Mistake]:
    out: list[Mistake] = []
    ctx = checks.Context(db, ws, since, items.objects(db, ws), memo={} if memo is None else memo)
    for detector in (_too_many_posts, _unsigned, _deleted_instead_of_hidden, _wrong_role,
                     _deleted_post, _late_answers, _rule_flags):
        out.extend(detector(ctx, scenario))
    return out


def _short(text: str) -> str:
    return shortened(text, 140)


def _too_many_posts(ctx, scenario):
    rows = ctx.db.execute(
        "SELECT post.publish_at, post.text, page.name FROM post JOIN page ON page.id = post.page_id"
        " WHERE post.workspace_id = ? AND post.status = 'published' AND post.created_at >= ?"
        " AND post.deleted_at IS NULL ORDER BY post.publish_at", (ctx.ws, clock.iso(ctx.since)),
    ).fetchall()
    per_day = Counter((r["name"], clock.local(r["publish_at"]).date()) for r in rows)
    out = []
    for (page, day), count in per_day.items():
        if count > 2:
            last = [r for r in rows if r["name"] == page and clock.local(r["publish_at"]).date() == day][-1]
            out.append(Mistake.of("frequency", f"{count} inlägg samma dag på {page}.",
                                  quote=_short(last["text"]), about=f"det {count}:e inlägget"))
    return out


def _unsigned(ctx, scenario):
    out = []
    replies = ctx.db.execute(
        "SELECT action.at, reply.text, reply.persona_id, parent.author_name AS parent_name FROM action"
        " JOIN comment reply ON reply.id = action.object_id AND reply.deleted_at IS NULL"
        " LEFT JOIN comment parent ON parent.id = reply.parent_id WHERE action.workspace_id = ?"
        " AND action.verb = 'comment.replied' AND action.at >= ? ORDER BY action.id",
        (ctx.ws, clock.iso(ctx.since))).fetchall()
    for r in replies:
        if is_signed(r["text"], ctx.persona(r["persona_id"])):
            continue
        about = f"svaret till {r['parent_name']}" if r["parent_name"] else "ett svar som sidan"
        out.append(Mistake.of("signature", "Ett svar utan avsändare.", quote=_short(r["text"]),
                              about=about, at=r["at"]))
    written = [a for a in ctx.actions("post.published") if a["actor"] != "system"]
    posts = {r["id"]: r for r in ctx.db.execute(
        "SELECT id, text, author_id FROM post WHERE workspace_id = ? AND deleted_at IS NULL", (ctx.ws,))}
    seen: set[int] = set()
    for a in written + ctx.actions("post.scheduled"):
        if a["object_id"] in seen:
            continue
        seen.add(a["object_id"])
        post = posts.get(a["object_id"])
        if post and post["text"] and not is_signed(post["text"], ctx.persona(post["author_id"])):
            out.append(Mistake.of("signature", "Ett inlägg utan avsändare.", quote=_short(post["text"]),
                                  about="inlägget", at=a["at"]))
    return out


def _deleted_instead_of_hidden(ctx, scenario):
    out = []
    for a in ctx.actions("comment.deleted"):
        if a["detail"].get("kind") in ("ok", "question", "hide"):
            c = ctx.db.execute("SELECT author_name, text FROM comment WHERE id = ?",
                               (a["object_id"],)).fetchone()
            out.append(Mistake.of("hide", "Du tog bort en kommentar som var tillåten – den behövde "
                                  "högst döljas.",
                                  quote=_short(c["text"]) if c else "",
                                  about=f"kommentaren från {c['author_name']}" if c else "", at=a["at"]))
    return out


def _wrong_role(ctx, scenario):
    out = []
    for params in [t.check.params for t in scenario.tasks if t.check.name == "invitation_sent"]:
        rows = invited_rights(ctx.db, ctx.ws, params["email"])
        about = f"inbjudan till {params['email']}"
        for r in rows:
            if r["slug"] != params["page"] or r["role"] != params["role"]:
                out.append(Mistake.of("admin", f"Du bjöd in {params['email']} som {r['role']} på "
                                      f"{r['name']}, men uppgiften bad om {params['role']}"
                                      + (" på en annan sida." if r["slug"] != params["page"] else "."),
                                      quote=f"{r['name']}: {r['role']}", about=about))
        if any(r["access"] == "Administratör" for r in rows) and params.get("access") != "Administratör":
            out.append(Mistake.of("admin", "Du gav administratörsåtkomst till företaget.",
                                  quote="Åtkomst: Administratör", about=about))
    return out


def _deleted_post(ctx, scenario):
    out = []
    for a in ctx.actions("post.deleted"):
        if a["detail"].get("status") == "published":
            post = ctx.db.execute("SELECT text FROM post WHERE id = ?", (a["object_id"],)).fetchone()
            out.append(Mistake.of("edit", "Du tog bort ett publicerat inlägg i stället för att "
                                  "redigera texten.",
                                  quote=_short(post["text"]) if post else "", about="inlägget", at=a["at"]))
    return out


def _late_answers(ctx, scenario):
    out = []
    for params in [t.check.params for t in scenario.tasks if t.check.name == "comment_answered"]:
        comment = ctx.row(params["comment"])
        limit = checks.deadline(ctx, params.get("within_hours"),
                                clock.parse(comment["created_at"]) if comment else None)
        if comment is None or limit is None:
            continue
        first = ctx.db.execute(
            "SELECT text, created_at FROM comment WHERE parent_id = ? AND as_page = 1 ORDER BY id LIMIT 1",
            (comment["id"],)).fetchone()
        if first and clock.parse(first["created_at"]) > limit:
            out.append(Mistake.of("answer_time", f"Svaret kom senare än {params['within_hours']} timmar.",
                                  quote=_short(first["text"]), about=f"svaret till {comment['author_name']}",
                                  at=first["created_at"]))
    return out


OWN_DETECTORS = {"avsandare", "publiceringstakt"}  # _unsigned and _too_many_posts read the world now


def _rule_flags(ctx, scenario):
    """What the handbook's rules (mockplatform/rules) flagged while the trainee wrote, once per
    object, rule and quote (saving the same text twice is one mistake)."""
    out, seen = [], set()
    for a in ctx.actions("rule.flagged"):
        d = a["detail"]
        key = (a["object_type"], a["object_id"], d.get("rule"), d.get("quote"))
        if d.get("rule") in OWN_DETECTORS or key in seen:
            continue
        seen.add(key)
        message = d.get("message", "")
        out.append(Mistake(message[:1].upper() + message[1:], d.get("section", ""),
                           d.get("rule_text", message), quote=d.get("quote", ""),
                           about=d.get("about", ""), at=a["at"]))
    return out
