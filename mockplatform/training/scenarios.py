"""Scenarios: YAML files in scenarios/ read into dataclasses and checked, with Swedish errors
that name the file and the place in it."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import clock
from ..logtext import shortened
from .days import WEEKDAYS, next_weekday, start_time  # noqa: F401 (the scenario's words)
from .scenario_items import Event, Item, Learn, parse_item, parse_learn, parse_timeline

LEVELS = {"guidad": "Guidad", "tips": "Med tips", "fri": "Fri"}
# A solution step is one action; the value says what to act on (accessible names only).
STEP_ACTIONS = {"goto", "click", "fill", "check", "choose", "login", "advance", "say", "upload"}


class ScenarioError(ValueError):
    pass


@dataclass
class Check:
    name: str
    params: dict


@dataclass
class Step:
    action: str
    value: object
    within: dict | None = None
    caption: str = ""


@dataclass
class Task:
    id: str
    instruction: str
    check: Check
    hints: list[str] = field(default_factory=list)
    handbook: str = ""
    solution: list[Step] = field(default_factory=list)
    opens_with: str | None = None  # a timeline entry's key: the task opens when it arrives
    name: str = ""                 # short, for tables: "Svara Birgitta"

    @property
    def title(self) -> str:
        if self.name:
            return self.name
        return shortened(self.instruction.split(". ")[0].rstrip("."), 60)


@dataclass
class Start:
    persona: str | None = None
    logged_in: bool = False
    time: str | None = None
    url: str = "/"  # where the trainee lands when the scenario starts
    seed: list[Item] = field(default_factory=list)


@dataclass
class Scenario:
    id: str
    title: str
    level: str
    summary: str
    start: Start
    tasks: list[Task]
    requires: list[str] = field(default_factory=list)  # endpoints the scenario's UI needs
    path: str = ""
    timeline: list[Event] = field(default_factory=list)
    learn: Learn | None = None

    @property
    def level_name(self) -> str:
        return LEVELS[self.level]

    def keys(self) -> dict[str, str]:
        """Every keyed object: key → kind."""
        items = self.start.seed + [e.item for e in self.timeline]
        return {i.key: i.kind for i in items if i.key}

    def event(self, key: str) -> Event | None:
        return next((e for e in self.timeline if e.key == key), None)

    @property
    def requires_words(self) -> str:
        """What the scenario needs, as a person says it: 'Business Manager och Instagram'."""
        names = list(dict.fromkeys(PARTS.get(e.split(".")[0], "en del av Sandlådan") for e in self.requires))
        return " och ".join(filter(None, [", ".join(names[:-1]), names[-1]])) if names else ""


# The blueprint of an endpoint a scenario requires → the name a trainer knows it by.
PARTS = {"facebook": "Facebook", "business": "Business Manager", "instagram": "Instagram",
         "appstore": "appbutiken", "training": "Övningar", "sandbox": "Sandlådan",
         "ines": "intranätet Ines", "direkt": "Östhammar Direkts ärendeverktyg", "rules": "regelcoachen"}


_BESIDE = Path(__file__).resolve().parents[2] / "scenarios"


def default_dir() -> Path:
    return Path(os.environ.get("MOCKPLATFORM_SCENARIOS_DIR") or _BESIDE)


def load_all(folder: str | Path | None = None) -> dict[str, Scenario]:
    folder = Path(folder or default_dir())
    out: dict[str, Scenario] = {}
    for path in sorted(folder.glob("*.yaml")):
        sc = load_file(path)
        if sc.id in out:
            raise ScenarioError(f"{path.name}: id '{sc.id}' finns redan i {Path(out[sc.id].path).name}.")
        out[sc.id] = sc
    return out


def load_file(path: str | Path) -> Scenario:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (rad {mark.line + 1})" if mark else ""
        raise ScenarioError(f"{path.name}: filen är inte giltig YAML{where}.") from None
    return parse(data, path.name, str(path))


def parse(data, name: str = "scenariot", path: str = "") -> Scenario:
    def fail(msg: str):
        raise ScenarioError(f"{name}: {msg}")

    if not isinstance(data, dict):
        fail("filen ska innehålla ett scenario (nycklar som id, title, tasks).")
    for key in ("id", "title", "level", "tasks"):
        if not data.get(key):
            fail(f"nyckeln '{key}' saknas.")
    if not re.fullmatch(r"[a-z0-9-]+", str(data["id"])):
        fail(f"id '{data['id']}' får bara innehålla a–z, 0–9 och bindestreck.")
    if data["level"] not in LEVELS:
        fail(f"level '{data['level']}' finns inte. Välj en av: {', '.join(LEVELS)}.")
    from .. import world

    known: dict[str, str] = world.object_keys(world.load())
    start = _start(data.get("start") or {}, fail, known)
    timeline = parse_timeline(data.get("timeline") or [], fail, known)
    if not isinstance(data["tasks"], list):
        fail("'tasks' ska vara en lista med uppgifter.")
    events = {e.key for e in timeline if e.key}
    tasks = [_task(t, i + 1, fail, known, events) for i, t in enumerate(data["tasks"])]
    return Scenario(id=data["id"], title=data["title"], level=data["level"],
                    summary=data.get("summary", ""), start=start, tasks=tasks,
                    requires=list(data.get("requires") or []), path=path, timeline=timeline,
                    learn=parse_learn(data.get("learn"), fail))


def _start(raw: dict, fail, known: dict[str, str]) -> Start:
    from .. import world

    start = Start(persona=raw.get("persona"), logged_in=bool(raw.get("logged_in", False)),
                  time=raw.get("time"), url=str(raw.get("url") or "/"))
    if not start.url.startswith("/") or start.url.startswith("//"):
        fail(f"start.url '{start.url}' ska vara en sökväg i Sandlådan, t.ex. /facebook/.")
    keys = {p["key"] for p in world.load()["personas"]}
    if start.persona and start.persona not in keys:
        fail(f"start.persona '{start.persona}' finns inte i övningsvärlden ({', '.join(sorted(keys))}).")
    if start.time:
        try:
            start_time(start.time, clock.real_now())
        except ValueError as exc:
            fail(f"start.time: {exc}")
    start.seed = [parse_item(entry, f"start.seed nr {i}", fail, known)
                  for i, entry in enumerate(raw.get("seed") or [], 1)]
    return start


def _task(raw, number: int, fail, known: dict[str, str], events: set[str]) -> Task:
    from .checks import REGISTRY, validate_params

    where = f"uppgift {number}"
    if not isinstance(raw, dict):
        fail(f"{where} ska ha nycklar som instruction och check.")
    for key in ("instruction", "check"):
        if not raw.get(key):
            fail(f"{where}: nyckeln '{key}' saknas.")
    spec = raw["check"]
    if isinstance(spec, str):
        spec = {spec: {}}
    if not isinstance(spec, dict) or len(spec) != 1:
        fail(f"{where}: 'check' ska vara en kontroll med parametrar, t.ex. post_published: {{page: …}}.")
    (check_name, params), = spec.items()
    if check_name not in REGISTRY:
        fail(f"{where}: kontrollen '{check_name}' finns inte. Kända: {', '.join(sorted(REGISTRY))}.")
    problem = validate_params(check_name, params or {}, known)
    if problem:
        fail(f"{where}: kontrollen '{check_name}': {problem}")
    opens_with = raw.get("opens_with")
    if opens_with is not None and opens_with not in events:
        fail(f"{where}: opens_with '{opens_with}' är ingen nyckel på tidslinjen.")
    steps = [_step(s, f"{where}, lösningens steg {i}", fail)
             for i, s in enumerate(raw.get("solution") or [], 1)]
    hints = raw.get("hints") or []
    return Task(id=str(raw.get("id") or f"uppgift-{number}"), instruction=raw["instruction"].strip(),
                check=Check(check_name, dict(params or {})),
                hints=[hints] if isinstance(hints, str) else list(hints),
                handbook=(raw.get("handbook") or "").strip(), solution=steps, opens_with=opens_with,
                name=str(raw.get("name") or "").strip())
def _step(raw, where: str, fail) -> Step:
    if isinstance(raw, str):  # a step written as in the guides: click button "Dela nu" in dialog
        from ..guidecheck.syntax import SyntaxProblem, parse_actions

        try:
            actions = parse_actions(raw)
        except SyntaxProblem as exc:
            fail(f"{where}: {exc}")
        if len(actions) != 1 or actions[0].verb in ("run", "show"):
            fail(f"{where}: skriv en åtgärd per steg (inte run eller show), t.ex. click button \"Dela nu\".")
        return Step(action="guide", value=actions[0])
    if not isinstance(raw, dict):
        fail(f"{where}: ett steg ska vara t.ex. {{click: {{role: button, name: Dela nu}}}}.")
    extra = {k: raw[k] for k in ("within", "caption") if k in raw}
    actions = [k for k in raw if k not in extra]
    if len(actions) != 1 or actions[0] not in STEP_ACTIONS:
        fail(f"{where}: okänt steg {actions}. Kända steg: {', '.join(sorted(STEP_ACTIONS))}.")
    action = actions[0]
    value = raw[action]
    if action in ("click", "within") and not (isinstance(value, dict) and value.get("role")
                                              and value.get("name")):
        fail(f"{where}: click behöver role och name (tillgängligt namn), inga CSS-väljare.")
    labelled = ("fill", "check", "choose", "upload")
    if action in labelled and not (isinstance(value, dict) and value.get("label")):
        fail(f"{where}: {action} behöver label (fältets etikett).")
    if action == "upload" and not str(value.get("file", "")).startswith("world/"):
        fail(f"{where}: upload behöver file, en bild i övningsvärlden (world/…).")
    within = extra.get("within")
    if within is not None and not (isinstance(within, dict) and within.get("role")
                                   and (within.get("name") or within.get("has_text"))):
        fail(f"{where}: within behöver role och name (eller has_text).")
    return Step(action=action, value=value, within=within, caption=extra.get("caption", ""))
