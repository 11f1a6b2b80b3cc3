# Two commands: `make demo` and `make test`; each sets everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup system python demo test lint typecheck unit schemas bench templates docs clean

setup: system python

system:
	@bash tools/setup-system.sh

python: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is required, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,pdf,docs]'
	@touch $(STAMP)

EXAMPLES := $(patsubst examples/%/community.yaml,%,$(wildcard examples/*/community.yaml))

demo: setup
	$(BIN)/safecommunity-docs validate $(addprefix examples/,$(EXAMPLES))
	@for ex in $(EXAMPLES); do \
	  $(BIN)/safecommunity-docs score examples/$$ex || exit 1; \
	  $(BIN)/safecommunity-docs build examples/$$ex -o out/$$ex --formats docx,xlsx,pdf || exit 1; \
	done
	$(BIN)/safecommunity-docs schema -o out/schemas >/dev/null
	@echo "demo: every example's dossier (Word, Excel, PDF, dossier.pdf, manifest.json) in out/<example>/"

bench: setup
	@for ex in $(EXAMPLES); do $(BIN)/python benchmarks/bench_render.py $$ex || exit 1; done
	$(BIN)/python benchmarks/bench_analysis.py
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_pdf.py
	$(BIN)/python benchmarks/bench_dossier.py --dossiers 20

# The documentation site (site/): page images of every document kind rendered from an example,
# the tutorial notebook executed, the API reference from the docstrings; --strict fails on any
# broken link or missing page.
docs: setup
	$(BIN)/python tools/docs_images.py
	$(BIN)/python tools/docs_images.py examples/fenglin-street docs/images improvement_report,rectification_report
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

templates: python
	$(BIN)/python tools/make_templates.py

lint: python
	$(BIN)/ruff check src tests tools benchmarks
	$(BIN)/lint-imports
	$(BIN)/ruff format --check src tests tools || true

typecheck: python
	$(BIN)/mypy --strict src

unit: python
	$(BIN)/pytest -q -n 2 --dist loadfile tests/unit tests/docs

test: setup
	$(BIN)/ruff check src tests tools benchmarks
	$(BIN)/mypy --strict src
	$(BIN)/lint-imports
	$(BIN)/pytest -q -n 2 --dist loadfile tests/unit tests/docs
	$(BIN)/pytest -q -n 2 --dist loadgroup tests/e2e
	$(MAKE) --no-print-directory docs

schemas: python
	$(BIN)/safecommunity-docs schema -o schemas

clean:
	rm -rf $(VENV) out site .cache docs/images .pytest_cache .mypy_cache .ruff_cache
