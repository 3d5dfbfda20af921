"""Max 1–2 posts a day, at least two a week (Facebook – Att tänka på). On a post: would this
be the third of the day? On a Page: fewer than two in the last seven days?"""

from __future__ import annotations

from datetime import timedelta

from .. import clock
from .base import Rule


def check(text: str, context: dict) -> list[tuple[str, str]]:
    times = context.get("page_posts")
    if times is None:
        return []
    if context.get("kind") == "post":
        at = context.get("publish_at")
        if at is None:
            return []
        day = clock.local(at).date()
        same_day = 1 + sum(1 for t in times if clock.local(t).date() == day)
        if same_day > 2:
            return [(f"det här blir inlägg nummer {same_day} samma dag på sidan. Max 1–2 inlägg "
                     "per dag – annars får inläggen ingen spridning.", f"{same_day} inlägg samma dag")]
        return []
    now = context.get("now")
    if now is None:
        return []
    out = []
    today = sum(1 for t in times if t <= now and clock.local(t).date() == clock.local(now).date())
    if today > 2:
        out.append((f"sidan har {today} inlägg i dag: max 1–2 inlägg per dag, annars får inläggen "
                    "ingen spridning.", f"{today} inlägg i dag"))
    week = sum(1 for t in times if now - timedelta(days=7) <= t <= now)
    if week < 2:
        out.append((f"sidan har {week} inlägg de senaste sju dagarna: minst två inlägg per vecka.",
                    f"{week} inlägg på en vecka"))
    return out


RULE = Rule(
    id="publiceringstakt",
    section="Att tänka på",
    explanation="Överdriv inte publiceringen: max 1–2 inlägg per dag och minst två per vecka.",
    looks_at=("post", "page"),
    check=check,
    handbook_words="Max 1-2 inlägg per dag och minst två inlägg per vecka.",
    catalog=("publiceringstakt",),
)
