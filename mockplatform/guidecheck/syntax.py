"""The hidden machine part of a guide: short actions inside HTML comments.

    <!-- click -->                                  the italic label of the words before
    <!-- click button "Åtgärder för inlägget" in article "Snöröjningen" -->
    <!-- show "Foto/video"; show "Känsla/aktivitet" -->
    <!-- fill "Inläggets text" "Nu är biblioteket öppet igen!" -->
    <!-- goto /facebook/osthammarskommun/ -->
    <!-- see "Schemalagda inlägg" -->
    <!-- run "Så skapar du ett inlägg" until "Dela nu" -->
    <!-- check "Jag godkänner"; login eva; advance 2h; say "Bildtext" -->

Names are always quoted ("…" or ”…”); role words are not. Statements are separated by ``;``
or new lines. Errors are :class:`SyntaxProblem` with a Swedish message (no traceback).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import dates

# Roles whose accessible names italic labels are matched against.
CONTROL_ROLES = ("button", "link", "menuitem", "menuitemradio", "menuitemcheckbox", "tab",
                 "checkbox", "radio", "switch", "textbox", "searchbox", "combobox", "option")
# Roles that may be named as a target's surroundings (``in article "…"``) or shown.
CONTAINER_ROLES = ("article", "menu", "menubar", "dialog", "region", "navigation", "main",
                   "banner", "complementary", "list", "listitem", "listbox", "form", "group",
                   "tablist", "heading", "img")
ROLES = CONTROL_ROLES + CONTAINER_ROLES

VERBS = {
    "click": "klicka på kontrollen",
    "show": "kontrollera bara att kontrollen finns (och påståendena stämmer)",
    "fill": "skriv en text i ett fält: fill \"Etikett\" \"text\"",
    "select": "välj ett alternativ i en lista: select \"Etikett\" \"alternativ\"",
    "upload": "ladda upp en fil: upload \"Etikett\" fil.png",
    "goto": "öppna en adress i Sandlådan: goto /facebook/",
    "see": "en text ska synas som följd av steget: see \"text\" [in region \"Personer\"]",
    "run": "kör en annan guide: run \"Titel\" [from 2] [until \"Namn\"]",
    "check": "kryssa i en ruta: check \"Etikett\"",
    "login": "logga in som en person i övningsvärlden: login eva (eller instagram:konto)",
    "advance": "flytta fram Sandlådans tid: advance 2h",
    "say": "en bildtext i demoläget (gör inget annat): say \"text\"",
}


class SyntaxProblem(ValueError):
    pass


@dataclass(frozen=True)
class Target:
    name: str | None = None  # None: the unique visible element of ``role``
    role: str | None = None  # None: any control role
    scope_role: str | None = None
    scope_text: str | None = None
    scope_has: str | None = None  # and the container's content holds this (scenario ``within``)

    def describe(self) -> str:
        out = " ".join(p for p in (self.role, f"”{self.name}”" if self.name else None) if p)
        if self.scope_role:
            out += f" i {self.scope_role}" + (f" ”{self.scope_text}”" if self.scope_text else "")
        return out


@dataclass(frozen=True)
class Action:
    verb: str
    target: Target | None = None  # click/show without target: the words' italic label
    value: str | None = None  # fill/select/upload/goto/see/run/login/advance/say
    until: str | None = None  # run … until "Name"
    start: str | None = None  # run … from 2


_TOKEN = re.compile(r'\s*(?:["”“]([^"”“]*)["”“]|([^\s"”“;]+)|(;)|(["”“]))')


def tokenize(text: str) -> list[list[tuple[str, str]]]:
    """Statements of (kind, text) tokens; kind is 'q' (quoted) or 'w' (word)."""
    statements: list[list[tuple[str, str]]] = []
    for line in text.splitlines():
        current: list[tuple[str, str]] = []
        pos = 0
        while pos < len(line.rstrip()):
            m = _TOKEN.match(line, pos)
            if m is None or m.group(4):
                raise SyntaxProblem(f"citattecken utan slut i ”{line.strip()}”")
            pos = m.end()
            if m.group(1) is not None:
                current.append(("q", m.group(1)))
            elif m.group(2):
                current.append(("w", m.group(2)))
            elif current:
                statements.append(current)
                current = []
        if current:
            statements.append(current)
    return statements


def _quoted(tokens, i, what):
    if i >= len(tokens) or tokens[i][0] != "q":
        raise SyntaxProblem(f"{what} saknas (skriv det inom citattecken)")
    return tokens[i][1], i + 1


def _target(tokens, i, *, required: bool) -> tuple[Target | None, int]:
    if i >= len(tokens):
        if required:
            raise SyntaxProblem("namnet på kontrollen saknas")
        return None, i
    role = None
    if tokens[i][0] == "w":
        role = tokens[i][1]
        if role not in ROLES:
            raise SyntaxProblem(f"okänd roll ”{role}” – kända roller: {', '.join(ROLES)}")
        i += 1
    name = None
    if i < len(tokens) and tokens[i][0] == "q":
        name, i = tokens[i][1], i + 1
    elif role in CONTROL_ROLES:
        raise SyntaxProblem(f"{role} behöver ett namn inom citattecken")
    scope_role = scope_text = None
    if i < len(tokens) and tokens[i] == ("w", "in"):
        if i + 1 >= len(tokens) or tokens[i + 1][1] not in ROLES:
            raise SyntaxProblem("efter ”in” ska en roll stå, till exempel: in article \"text\"")
        scope_role, i = tokens[i + 1][1], i + 2
        if i < len(tokens) and tokens[i][0] == "q":
            scope_text, i = tokens[i][1], i + 1
    return Target(name, role, scope_role, scope_text), i


def parse_statement(tokens: list[tuple[str, str]]) -> Action:
    kind, verb = tokens[0]
    if kind != "w" or verb not in VERBS:
        known = "\n".join(f"  {v:7} {h}" for v, h in VERBS.items())
        raise SyntaxProblem(f"okänd åtgärd ”{verb}”. Kända åtgärder:\n{known}")
    i = 1
    if verb in ("click", "show"):
        target, i = _target(tokens, i, required=False)
        action = Action(verb, target)
    elif verb in ("fill", "select", "upload"):
        label, i = _quoted(tokens, i, "fältets etikett")
        if i >= len(tokens):
            raise SyntaxProblem(f"{verb} ”{label}” saknar värde")
        action, i = Action(verb, Target(label), tokens[i][1]), i + 1
    elif verb == "goto":
        if i >= len(tokens) or not tokens[i][1].startswith("/"):
            raise SyntaxProblem("goto behöver en adress i Sandlådan som börjar med /")
        action, i = Action(verb, value=tokens[i][1]), i + 1
    elif verb == "see":
        text, i = _quoted(tokens, i, "texten som ska synas")
        where = None
        if i < len(tokens) and tokens[i] == ("w", "in"):
            if i + 1 >= len(tokens) or tokens[i + 1][1] not in ROLES:
                raise SyntaxProblem("efter ”in” ska en roll stå, till exempel: in region \"Personer\"")
            role, i = tokens[i + 1][1], i + 2
            scope_text = None
            if i < len(tokens) and tokens[i][0] == "q":
                scope_text, i = tokens[i][1], i + 1
            where = Target(scope_role=role, scope_text=scope_text)
        action = Action(verb, where, value=text)
    elif verb == "check":
        label, i = _quoted(tokens, i, "rutans etikett")
        action = Action(verb, Target(label))
    elif verb in ("login", "advance", "say"):
        if i >= len(tokens):
            raise SyntaxProblem(f"{verb} saknar värde – {VERBS[verb]}")
        action, i = Action(verb, value=tokens[i][1]), i + 1
    else:  # run
        title, i = _quoted(tokens, i, "guidens titel")
        until = start = None
        if i + 1 < len(tokens) and tokens[i] == ("w", "from"):
            start, i = tokens[i + 1][1], i + 2
        if i < len(tokens) and tokens[i] == ("w", "until"):
            until, i = _quoted(tokens, i + 1, "namnet efter until")
        action = Action(verb, value=title, until=until, start=start)
    if i < len(tokens):
        raise SyntaxProblem(f"förstår inte ”{tokens[i][1]}” efter {verb}")
    wrong_date = dates.problem(action.value or "")
    if wrong_date:
        raise SyntaxProblem(f"{verb}: {wrong_date}")
    return action


def parse_actions(text: str) -> list[Action]:
    return [parse_statement(s) for s in tokenize(text)]
