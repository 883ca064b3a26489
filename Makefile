# WeShare: `make run` serves the demo site, `make test` runs the whole suite.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: help setup run test lint import-contract quality migrations-check deploy-check messages dockerfile-lint clean

help:
	@echo "make run    set up, migrate, load the demo content and serve http://127.0.0.1:$(PORT) with the worker"
	@echo "make test   set up and run the whole test suite"
	@echo "make quality  ruff, import direction, migrations check, Dockerfile lint"

$(STAMP): requirements.txt requirements-dev.txt scripts/install.sh
	scripts/install.sh python $(VENV) requirements-dev.txt
	@touch $(STAMP)

setup: $(STAMP)

# The demo's conventions print links (QR code, CRLs) to the address served, so every step sees it.
PUBLIC_BASE_URL ?= http://127.0.0.1:$(PORT)
run: export PUBLIC_BASE_URL := $(PUBLIC_BASE_URL)
run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	PORT=$(PORT) PYTHON=$(PY) exec scripts/serve-dev.sh

test: setup
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Apps import only the apps below them, as .importlinter says.
import-contract: setup
	PYTHONPATH=.:site $(VENV)/bin/lint-imports

migrations-check: setup
	$(PY) manage.py makemigrations --check --dry-run

deploy-check: setup
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$${SECRET_KEY:-check-deploy-$$(date +%s)-0123456789abcdefghijklmnopqrstuvwxyz} \
		DOCUMENTS_ENCRYPTION_KEYS=$${DOCUMENTS_ENCRYPTION_KEYS:-$$($(PY) -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')} \
		PKI_KEY_PASSPHRASE=$${PKI_KEY_PASSPHRASE:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(48))')} \
		AUDIT_HMAC_KEY=$${AUDIT_HMAC_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(48))')} \
		$(PY) manage.py check --deploy --fail-level WARNING

dockerfile-lint: setup
	$(VENV)/bin/hadolint Dockerfile

quality: lint import-contract migrations-check deploy-check dockerfile-lint

messages: setup
	$(PY) manage.py makemessages -l fr -l en -l es -l it -l de -l pt --no-obsolete --ignore='.venv/*' --ignore='var/*' --ignore='tests/*' --ignore='bench/*'
	$(PY) manage.py compilemessages --ignore='.venv/*'

clean:
	rm -rf $(VENV) var
