"""Executable handbook guides: parse ``guides/*.md``, run them in a browser, report.

parser   Markdown → Guide (steps, italic labels, claims, hidden actions)
syntax   the hidden machine part (actions in HTML comments)
match    italic label → exactly one visible control (never "first match wins")
claims   colour and position claims of a step's prose, checked against the page
runner   Playwright: one context per guide, a result per step
sandbox  a private Sandlådan on 127.0.0.1 for the checker
reports  JUnit XML, an HTML report that reads as the guide, annotated screenshots
export   the guides as a handbook chapter with fresh screenshots
cli      ``mockplatform guides check | export | list``
"""

from .parser import Guide, GuideError, load_all, parse_file

__all__ = ["Guide", "GuideError", "load_all", "parse_file"]
