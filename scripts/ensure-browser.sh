#!/bin/sh
# Makes sure Playwright has a Chromium to drive. Safe to run twice.
# Order: MOCKPLATFORM_BROWSER, Playwright's own Chromium, system chromium/chrome (see mockplatform/browser.py).
PY=${PY:-.venv/bin/python}
if $PY -m mockplatform.browser >/dev/null 2>&1; then
    $PY -m mockplatform.browser
    exit 0
fi
echo "Ingen Chromium hittades – försöker installera en."
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installerar Debians paket chromium med apt-get."
    (apt-get install -y -qq chromium || (apt-get update -qq && apt-get install -y -qq chromium)) >/dev/null
elif $PY -m playwright install chromium; then
    :
fi
if $PY -m mockplatform.browser; then
    exit 0
fi
cat >&2 <<'MSG'
Hittade ingen webbläsare för testerna. Gör ett av följande och kör sedan kommandot igen:
  - .venv/bin/playwright install chromium            (Playwrights egen Chromium, kräver internet)
  - sudo apt-get install chromium                    (Debian/Ubuntu)
  - export MOCKPLATFORM_BROWSER=/sökväg/till/chrome   (en Chrome/Chromium du redan har)
MSG
exit 1
