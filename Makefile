# Sandlådan: `make run` starts the sandbox, `make test` runs every test.
# Both do the whole set-up on a fresh machine and are safe to run twice.
# Without make (Windows PowerShell, macOS): see "Utan make" in README.md.
NEWEST_OK = import sys; sys.exit(sys.version_info < (3, 11))
# The first Python >= 3.11 found (macOS's python3 may be 3.9); override with PYTHON=...
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c '$(NEWEST_OK)' 2>/dev/null && { echo $$p; break; }; done)
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 5000

# A venv made by a too-old Python is never reused: forget it was installed, so it is rebuilt.
ifneq ($(shell $(PY) -c '$(NEWEST_OK)' 2>/dev/null && echo ok),ok)
$(shell rm -f $(STAMP))
endif

.PHONY: run test browser lint bench clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Sandlådan behöver Python 3.11 eller nyare. Hittade ingen av" \
	  "python3.13, python3.12, python3.11 eller en python3 som är 3.11+. Installera Python 3.11+" \
	  "(https://www.python.org/) eller ange den: make PYTHON=/sökväg/till/python3.12" >&2; exit 1; }
	@if [ -e $(VENV) ] && ! $(PY) -c '$(NEWEST_OK)' 2>/dev/null; then \
	  echo "$(VENV) är gjord med en för gammal Python – gör om den med $(PYTHON)."; rm -rf $(VENV); fi
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m mockplatform serve --host $(HOST) --port $(PORT)

browser: $(STAMP)
	PY=$(PY) sh scripts/ensure-browser.sh

test: $(STAMP) browser
	$(PY) -m ruff check .
	$(PY) -m pytest

bench: $(STAMP) browser
	$(PY) bench/run.py
	$(PY) bench/classroom.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
