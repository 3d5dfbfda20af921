"""A link without a word of why (tip 6): when a post links, it should say why the followers
should click. Counted are the words left when the links, the greeting and the signature are
taken away."""

from __future__ import annotations

import re

from .base import Rule

URL = re.compile(r"https?://[^\s<>\"]+|www\.[^\s<>\"]+")
WORD = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS = 6


def check(text: str, context: dict) -> list[tuple[str, str]]:
    link = URL.search(text)
    if not link:
        return []
    rest = URL.sub(" ", text)
    persona = context.get("persona") or {}
    first = (persona.get("name") or "").split(" ")[0]
    if first:
        cut = re.search(r"(?<!\w)" + re.escape(first) + r"(?!\w)", rest)
        if cut and cut.start() > len(rest) // 3:
            rest = rest[:cut.start()]
    words = [w for w in WORD.findall(rest)
             if w.lower() not in {"hej", "läs", "mer", "här", "länk", "vänliga", "hälsningar"}]
    if len(words) >= MIN_WORDS:
        return []
    return [("inlägget har en länk men säger inte varför följarna ska klicka. Berätta vad de "
             "får ut av den och uppmuntra dem gärna att säga vad de tycker.", link.group(0))]


RULE = Rule(
    id="lank-med-varfor",
    section="Det snabba sättet att lära dig sociala medier",
    explanation="Tips 6: publicera aldrig bara en länk – berätta varför följarna borde klicka.",
    looks_at=("post",),
    check=check,
    handbook_words=("När du har med en länk är det viktigt att det sociala inte försvinner, genom "
                    "att publicera endast länken. Berätta varför följarna borde klicka på länken"),
    catalog=("nio-tips",),
)
