"""Business Manager and Instagram checks: who was given which rights, which accounts are in."""

from __future__ import annotations

from .checks import DONE, Verdict, check


def invited_rights(db, ws: str, email: str) -> list:
    """What the open (pending or accepted) invitations to ``email`` give: access, role, Page."""
    return db.execute(
        "SELECT invitation.access, invitation_page.role, page.slug, page.name FROM invitation"
        " JOIN invitation_page ON invitation_page.invitation_id = invitation.id"
        " JOIN page ON page.id = invitation_page.page_id"
        " WHERE invitation.workspace_id = ? AND lower(invitation.email) = lower(?)"
        " AND invitation.status != 'withdrawn'", (ws, email)).fetchall()


@check("invitation_sent", required=("email", "page", "role"), optional=("access",))
def invitation_sent(ctx, params):
    """An invitation (pending or accepted) to ``email`` giving ``role`` on ``page`` (the slug) —
    and nothing more: no other Page, no higher business access than asked (default
    Medarbetare). The handbook: give the level the work needs, be restrictive with Administratör."""
    rows = invited_rights(ctx.db, ctx.ws, params["email"])
    if not rows:
        return Verdict(False, f"Ingen inbjudan till {params['email']} ännu.")
    wanted = [r for r in rows if r["slug"] == params["page"]]
    if not wanted:
        return Verdict(False, "Inbjudan gäller inte den sida som uppgiften handlar om.")
    if any(r["role"] != params["role"] for r in wanted):
        return Verdict(False, f"Inbjudan ger fel roll – uppgiften bad om {params['role']}.")
    extra = sorted({r["name"] for r in rows if r["slug"] != params["page"]})
    if extra:
        return Verdict(False, f"Inbjudan ger också behörighet till {', '.join(extra)} – mer än "
                              "arbetet kräver.")
    access = params.get("access", "Medarbetare")
    if any(r["access"] != access for r in rows):
        return Verdict(False, f"Inbjudan ger åtkomsten {rows[0]['access']} till företaget – uppgiften bad om "
                              f"{access}.")
    return DONE


def _ig_sessions(ctx) -> dict[str, int]:
    rows = ctx.db.execute("SELECT ig_account.username, ig_session.active FROM ig_session JOIN ig_account"
                          " ON ig_account.id = ig_session.account_id WHERE ig_session.workspace_id = ?",
                          (ctx.ws,)).fetchall()
    return {r["username"]: r["active"] for r in rows}


@check("ig_logged_in", required=("accounts",))
def ig_logged_in(ctx, params):
    accounts = params["accounts"]
    wanted = [accounts] if isinstance(accounts, str) else list(accounts)
    missing = [a for a in wanted if a not in _ig_sessions(ctx)]
    if missing:
        return Verdict(False, f"Inte inloggad på Instagram som {', '.join(missing)} ännu.")
    return DONE


@check("ig_active", required=("account",), optional=("switched",))
def ig_active(ctx, params):
    """The account is the active one now; ``switched``: the trainee switched to it (not just
    logged in last)."""
    if not _ig_sessions(ctx).get(params["account"]):
        return Verdict(False, f"{params['account']} är inte det aktiva kontot just nu.")
    if params.get("switched") and not any(a["actor"] == params["account"]
                                          for a in ctx.actions("instagram.switched")):
        return Verdict(False, f"Byt till {params['account']} med kontonamnet högst upp.")
    return DONE
