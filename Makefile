# Sandlådan: `make run` starts the sandbox, `make test` runs every test.
# Both do the whole set-up on a fresh machine and are safe to run twice.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: run test browser lint bench clean

$(STAMP): pyproject.toml
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

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
