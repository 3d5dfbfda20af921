"""What every rule module is made of: a ``Rule`` (its handbook section, a Swedish explanation,
what it looks at, hint or refuse) and the ``Finding`` it returns about a piece of text.

A rule's ``check(text, context)`` returns ``(message, quote)`` pairs: ``quote`` is the exact
piece of ``text`` the message is about (or, for rules about a state rather than a text, the
words of the state, e.g. a role's name). ``context`` is a plain dict built by the caller
(``rules.context``); a rule reads only the keys it needs and stays silent when one is missing:

  kind            what is reviewed (one of KINDS)
  persona         {"name", "signature", "title"} of the one who writes
  org_domain      the organisation's e-mail domain (work addresses are fine to publish)
  recent_replies  the Page's other replies of the last days (texts)
  page_posts      publish times of the Page's other published posts
  publish_at, now sandbox times
  image           {"shows_person": none|adult|child, "consent": yes|no, "guardian_consent": …}
  screenshot_saved  on deleting: the screenshot routine was confirmed
  posts           [{"id", "text", "publish_at"}] of a Page or account (for ``page``/``account``)
  publishers      how many can publish on the Page
  roles           [(where, role)] given in an invitation or a role change
  has_rules, last_post_at  of an account
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

KINDS = ("post", "reply", "upload", "invite", "account", "page", "delete")
SEVERITIES = ("hint", "refuse")


@dataclass(frozen=True)
class Finding:
    rule_id: str
    message: str
    quote: str
    section: str
    severity: str = "hint"

    def as_json(self) -> dict:
        return {"rule": self.rule_id, "message": self.message, "quote": self.quote,
                "section": self.section, "severity": self.severity}


@dataclass(frozen=True)
class Rule:
    id: str
    section: str                      # a heading (or phrase) of the handbook text
    explanation: str                  # short, Swedish, in the handbook's spirit
    looks_at: tuple[str, ...]
    check: Callable[[str, dict], list[tuple[str, str]]]
    severity: str = "hint"            # "refuse" only where the handbook says *must not*
    handbook_words: str = ""          # the handbook's own words (a refusal quotes them)
    catalog: tuple[str, ...] = ()     # the catalog entries (rules.catalog) it coaches

    def __post_init__(self):
        assert self.severity in SEVERITIES, self.severity
        assert set(self.looks_at) <= set(KINDS), self.looks_at

    def review(self, text: str, context: dict) -> list[Finding]:
        return [Finding(self.id, message, quote, self.section, self.severity)
                for message, quote in self.check(text or "", context)]


def short(text: str, limit: int = 160) -> str:
    """A quote of a long text: its first line, cut at a word."""
    first = (text or "").strip().split("\n", 1)[0]
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + " …"
