"""Where a form may send the user back to: only a path inside Sandlådan."""

from __future__ import annotations

from urllib.parse import urlsplit


def safe_next(target: str | None, default: str) -> str:
    """``target`` if it is a local path ('/facebook/…'), else ``default``. Browsers drop tabs and
    newlines and read backslashes as slashes, so '/\t/evil.example' would leave the site."""
    target = target or ""
    if (not target.startswith("/") or "\\" in target
            or any(ord(c) < 32 or ord(c) == 127 for c in target)):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("//"):
        return default
    return target
