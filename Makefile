# The two commands: `make run` serves the hall, `make test` passes every test.
# Both set themselves up first and are safe to run again.
PY      := .venv/bin/python
STAMP   := .venv/.installed
PORT    ?= 8501

.PHONY: setup run kiosk test lint format clean scale-demo

setup: $(STAMP)
	@$(PY) -m tools.axe >/dev/null  # the browser tests' accessibility engine, pinned (once)

$(STAMP): requirements.txt
	python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# The light pages first (only what changed is rewritten); the hall starts even if they fail.
run: setup
	-$(PY) -m hall.publish
	$(PY) -m streamlit run hall_app.py --server.port $(PORT)

kiosk: setup
	HALL_MODE=kiosk $(PY) -m streamlit run hall_app.py --server.port $(PORT)

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

test: setup lint
	$(PY) -m pytest -n auto

# Two replicas + nginx + PostgreSQL on loopback, the load generator through nginx (deploy/).
scale-demo: setup
	$(PY) -m deploy.scale_demo

format: setup
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf .hall test-artifacts .pytest_cache .ruff_cache
