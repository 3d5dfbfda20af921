"""Seeing like a person: rendered is not enough.

A control is seen when it (or, for a visually hidden input, its <label>) is not transparent
(the opacity of it and all its ancestors multiplied), not hidden, at least 4×4 px, on the
screen after scrolling to it, and not covered: the browser's own hit test
(``elementFromPoint``) finds it at one of five points inside it.

A ``see "text"`` is a result of its step: the text must be in an element that was not showing
it when the step began (or inside the place the step names). A dead button that leaves an old
dialog open therefore fails, although the dialog shows the text.
"""

from __future__ import annotations

# Why a person would not see ``el``; null when they would.
PERCEIVE_JS = """el => {
  const hiddenInput = e => { const s = getComputedStyle(e), b = e.getBoundingClientRect();
    return (s.clip && s.clip !== 'auto') || s.opacity === '0' || b.width < 4 || b.height < 4; };
  const labels = el.labels ? [...el.labels] : [];
  const seen = labels.length && hiddenInput(el) ? labels[0] : el;
  const st = getComputedStyle(seen);
  if (st.visibility !== 'visible') return 'osynlig (visibility: ' + st.visibility + ')';
  let opacity = 1;
  for (let e = seen; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
  if (opacity < 0.15) return 'genomskinlig (opacity ' + Math.round(opacity * 100) / 100 + ')';
  const r = seen.getBoundingClientRect();
  if (r.width < 4 || r.height < 4)
    return 'för liten för att synas (' + Math.round(r.width) + '×' + Math.round(r.height) + ' px)';
  if (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight)
    return 'utanför skärmen (vid ' + Math.round(r.left) + ', ' + Math.round(r.top) + ')';
  const mine = t => t && (seen.contains(t) || el.contains(t) || labels.some(l => l.contains(t)) ||
    (t.contains(seen) && getComputedStyle(seen).pointerEvents === 'none'));
  let cover = null;
  for (const [fx, fy] of [[.5, .5], [.2, .3], [.8, .3], [.2, .7], [.8, .7]]) {
    const x = Math.min(Math.max(r.left + r.width * fx, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height * fy, 0), innerHeight - 1);
    const t = document.elementFromPoint(x, y);
    if (mine(t)) return null;
    cover = cover || t;
  }
  if (!cover) return 'inte på skärmen';
  const name = cover.getAttribute('aria-label') || (cover.innerText || '').trim().slice(0, 40);
  return 'täckt av ' + cover.tagName.toLowerCase() + (name ? ' ”' + name + '”' : '');
}"""

# Cheap part of the above for choosing among candidates (no scrolling, no hit test).
SHOWS_JS = """el => {
  const s = getComputedStyle(el); let o = 1;
  for (let e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
  const b = el.getBoundingClientRect(), hidden = (s.clip && s.clip !== 'auto') || b.width < 4 || b.height < 4;
  const labelled = el.labels && el.labels.length > 0;
  return s.visibility === 'visible' && (o >= 0.15 || hidden) && (!hidden || labelled);
}"""

_TEXT_HOLDERS = """(text) => {
  const want = text.replace(/\\s+/g, ' ').trim().toLowerCase();
  const has = e => (e.innerText || '').replace(/\\s+/g, ' ').toLowerCase().includes(want);
  const shows = e => e.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const out = [];
  for (const e of document.body.querySelectorAll('*')) {
    if (!has(e) || !shows(e)) continue;
    if ([...e.children].some(c => has(c) && shows(c))) continue;  // the deepest holder only
    out.push(e);
  }
  return out;
}"""

# At the start of a step: which elements already show each text (per document).
BEFORE_JS = """(texts) => {
  const holders = """ + _TEXT_HOLDERS + """;
  window.__guideBefore = window.__guideBefore || {};
  for (const t of texts) window.__guideBefore[t] = new Set(holders(t));
}"""

# Elements showing ``text`` now: how many are new since the step began, how many are old.
NEW_JS = """(text) => {
  const holders = """ + _TEXT_HOLDERS + """;
  const before = (window.__guideBefore || {})[text];
  const now = holders(text);
  const fresh = before ? now.filter(e => !before.has(e)) : now;
  return {fresh: fresh.length, old: now.length - fresh.length};
}"""
