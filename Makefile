# Two commands: `make serve` and `make test`. Both set themselves up on a fresh machine.
VENV ?= .venv
PY := $(VENV)/bin/python
DB ?= sqlite:///metalnomist.db

.PHONY: serve test lint bench bench-large mutants clean lock

# Installs exactly the versions in requirements.lock, so a fresh machine gets what CI tested.
$(VENV)/.installed: pyproject.toml requirements.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements.lock -e '.[test]'
	touch $@

# Re-resolves the newest versions pyproject.toml allows in a scratch venv and pins them all.
lock:
	rm -rf .lock-venv
	python3 -m venv .lock-venv
	.lock-venv/bin/python -m pip install -q --upgrade pip
	.lock-venv/bin/python -m pip install -q -e '.[test,mutation,bench]'
	{ sed -n '1,2p' requirements.lock; .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^#'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock
	rm -rf .lock-venv

serve: $(VENV)/.installed
	$(VENV)/bin/metalnomist --db $(DB) serve --sample --host 127.0.0.1 --port 8000

test: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m mypy metalnomist
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m mypy metalnomist

bench: $(VENV)/.installed
	$(PY) -m pip install -q -c requirements.lock -e '.[bench]'
	$(PY) bench/relevance.py
	$(PY) bench/facts.py
	$(PY) bench/extract_speed.py
	$(PY) bench/speed.py --posts 10000 --extract

bench-large: $(VENV)/.installed
	$(PY) -m pip install -q -c requirements.lock -e '.[bench]'
	$(PY) bench/speed.py --posts 10000 100000 1000000 --extract
	$(PY) bench/routes.py --posts 100000 --clients 8 --only /api/search
	$(PY) bench/routes.py --posts 1000000

# Mutation testing of the modules named under [tool.mutmut] in pyproject.toml; not part of `test` (it
# takes tens of minutes). `make mutants MUTANTS='metalnomist.search.query*'` runs one module.
MUTANTS ?=
mutants: $(VENV)/.installed
	$(PY) -m pip install -q -c requirements.lock -e '.[test,mutation]'
	env -u METALNOMIST_TEST_PG nice -n 19 $(VENV)/bin/mutmut run --max-children 2 $(MUTANTS)
	$(PY) tests/mutation_score.py

clean:
	rm -rf $(VENV) metalnomist.db* artifacts .pytest_cache mutants
