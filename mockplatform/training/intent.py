"""What a text is about, the way a reader sees it: a task's content asks for any of several
words, and Swedish inflections and compounds count ("Biblioteksbussen" is about "bokbuss" when
the task lists both; "sophämtningen" and "hushållssophämtning" are about "sophämtning")."""

from __future__ import annotations

import re

MIN_TERM = 4  # shorter terms would be found inside too many unrelated words


def terms(value) -> list[str]:
    """A check's ``about``: one word or a list of alternatives, lower case."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [str(t).strip().lower() for t in items if str(t).strip()]


def validate(value) -> str | None:
    short = [t for t in terms(value) if len(t) < MIN_TERM]
    if short:
        return f"orden i about ska ha minst {MIN_TERM} bokstäver (för korta: {', '.join(short)})."
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[\wåäöéü]+", (text or "").lower())


def mentions(text: str, about) -> str | None:
    """The first of the ``about`` terms the text is about, or None. A term counts inside a
    word (inflection, compound) and across words for several-word terms."""
    wanted = terms(about)
    if not wanted:
        return ""
    words = _words(text)
    joined = " ".join(words)
    for term in wanted:
        if " " in term:
            if term in joined:
                return term
        elif any(term in w for w in words):
            return term
    return None


def names(text: str, person: str) -> bool:
    """Whether the text addresses a person by first name (a whole word, any case)."""
    first = (person or "").split()[0] if (person or "").split() else ""
    return bool(first) and first.lower() in _words(text)


def has_word(text: str, word: str) -> bool:
    """A whole word (a typo that is still there), not part of a longer word."""
    phrase = " ".join(_words(word))
    return bool(phrase) and f" {phrase} " in f" {' '.join(_words(text))} "
