# Everything runs from .venv and node_modules; `make serve` and `make test` set them up first.
# System packages (Node.js for the search index, Chromium for browser tests) come from Debian:
# `make system-deps` installs them, and setup runs it when they are missing and we are root.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
# pip-compile (pip-tools) for `make lock` only, in a venv of its own: it is not a project dependency.
LOCK_VENV  := .venv-lock
PIP_TOOLS  := pip-tools==7.6.2
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup system-deps lock serve serve-full edit build test check bench clean

setup: $(STAMP) $(NODE_STAMP)

system-deps:
	@missing=""; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing from Debian:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing system packages: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

# requirements.txt is the lock (generated from requirements.in by `make lock`): every package at one
# version with its hashes, so pip installs exactly those files and nothing it would resolve itself.
$(STAMP): requirements.txt pyproject.toml
	@$(MAKE) --no-print-directory system-deps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	@$(MAKE) --no-print-directory system-deps
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# Regenerate the lock from requirements.in, keeping the versions already locked unless asked:
# make lock LOCK_ARGS=--upgrade, or LOCK_ARGS='--upgrade-package NAME'.
lock:
	test -x $(LOCK_VENV)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install --quiet $(PIP_TOOLS); }
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
	  --strip-extras --no-emit-index-url --no-emit-find-links --output-file requirements.txt $(LOCK_ARGS) requirements.in

# --dirty: an edit re-renders only the pages it changes (see newsroom/render/preview.py).
# After editing templates, use `make serve-full`, which re-renders everything each time.
serve: setup
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

serve-full: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The web editor on a writer's machine: decap-server (the local backend, pinned in package.json)
# on 127.0.0.1:$(EDITOR_PORT) commits to this repository's branches (review before publishing:
# one cms/... branch per entry, merged on publish), beside the preview on 127.0.0.1:8000.
# Open http://127.0.0.1:8000/admin/. Commit or stash your own changes first: decap-server
# checks out its branches in this working tree.
EDITOR_PORT ?= 8081
edit: setup
	@echo "The web editor: http://127.0.0.1:8000/admin/ (decap-server on 127.0.0.1:$(EDITOR_PORT))"
	@PORT=$(EDITOR_PORT) BIND_HOST=127.0.0.1 MODE=git GIT_REPO_DIRECTORY="$(CURDIR)" LOG_LEVEL=warn \
	  node node_modules/decap-server/dist/index.js & server=$$!; \
	  trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	  EDITOR_PORT=$(EDITOR_PORT) $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

check: setup
	$(BIN)/newsroom check

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python -m bench.run

clean:
	rm -rf site
