# Two commands for a fresh clone:  make replicate   and   make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: help install r tools replicate test verify bench clean
help:  ## list the commands
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m compileall -q replication  # bytecode, as pip writes it for the libraries (not with -e)
	touch $@

install: $(BIN)/.installed  ## create .venv with the exact pinned versions

replicate: install  ## install, then run the whole replication (python -m replication all)
	$(BIN)/python -m replication all

.venv-tools/.installed: requirements-tools.lock
	$(PYTHON) -m venv .venv-tools
	.venv-tools/bin/pip install --quiet --disable-pip-version-check -r requirements-tools.lock
	touch $@

tools: .venv-tools/.installed  ## cffconvert in its own environment (its pins clash with great_expectations)

r:  ## install R with survival, cmprsk and coin (Debian packages) for the R cross-checks
	bash scripts/install_r.sh

test: install r tools  ## install (Python, R where apt-get is available, cffconvert), then run the test suite
	$(BIN)/python -m pytest

bench: install  ## time the replication, a rerun, --help, synthetic 10^3-10^5 war tables and the regime map
	$(BIN)/python scripts/bench.py

verify: install  ## rerun everything into a temporary folder; compare byte for byte with the committed outputs
	$(BIN)/python -m replication verify

clean:  ## remove the virtual environments
	rm -rf $(VENV) .venv-tools
