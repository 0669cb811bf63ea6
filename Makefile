# One command for each job. Run `make help` to list them.
# Every target sets up the virtual environment first, from the exact pins in requirements.txt,
# then installs the project's own package (policy_guide, in place) and its command,
# policy-guide, which each target calls.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
GUIDE := $(BIN)/policy-guide

# Quieten Material's end-of-life banner in every command's output.
export NO_MKDOCS_2_WARNING := 1

# "Edit this page" links: taken from the git remote when it is an https URL, unless set.
REMOTE := $(shell git remote get-url origin 2>/dev/null)
ifneq ($(filter https://%,$(REMOTE)),)
export REPO_URL ?= $(patsubst %.git,%,$(REMOTE))
export EDIT_URI ?= edit/main/docs/
endif

.DEFAULT_GOAL := help
.PHONY: help setup serve build check test test-fast pdf release publish export export-public \
	compare announce pr-summary search-quality in-force new-policy import schemas codeowners plain-english review-reminders bench lock clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-17s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml scripts/check_python.py
	@$(PYTHON) scripts/check_python.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --no-index -e .
	@touch $(STAMP)

# Node tools for the tests (pa11y-ci), exactly as package-lock.json pins them. Puppeteer's own
# browser download is skipped: the tests run Debian's chromium (policy_guide/tools/browser.py
# finds it).
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $(NODE_STAMP)

setup: $(STAMP) ## Create .venv with the pinned packages and the guide's own command

serve: $(STAMP) ## Preview the library at http://127.0.0.1:8000 as you save [POLICY=one policy only]
	GUIDE_PART=$(or $(POLICY),all) $(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP) ## Build the site strictly into site/ (left unchanged if the build fails)
	$(GUIDE) build

check: $(STAMP) ## Check the policy sources and review dates (fast; no site is built)
	$(GUIDE) check

test: $(STAMP) $(NODE_STAMP) ## Run every test (needs chromium, Java and Node.js; .ci/run installs them)
	$(BIN)/python -m pytest

test-fast: $(STAMP) ## Run the fast tests only (every domain rule, no build, in seconds)
	$(BIN)/python -m pytest -m unit

pdf: $(STAMP) ## Print each policy and its quick card to PDF in pdf/ (or DIR=...)
	$(GUIDE) pdf --out "$(or $(DIR),pdf)"

release: $(STAMP) ## Record a new version: VERSION=1.1 DATE=YYYY-MM-DD DECIDED_BY="..." SUMMARY="..."
	$(GUIDE) release --version "$(VERSION)" --date "$(DATE)" \
	  --decided-by "$(DECIDED_BY)" --summary "$(SUMMARY)" $(if $(POLICY),--policy "$(POLICY)") \
	  $(if $(EFFECTIVE),--effective-from "$(EFFECTIVE)") \
	  $(if $(NEXT_REVIEW),--next-review "$(NEXT_REVIEW)")

publish: test ## Run every test, then publish every new version of every policy [PUSH=1]
	$(GUIDE) publish $(if $(TODAY),--today "$(TODAY)") $(if $(PUSH),--push) \
	  $(if $(BASE),--base "$(BASE)")

export: $(STAMP) ## Write the published library as a folder to serve: DIR=path [BASE=/policies/]
	$(GUIDE) export "$(DIR)" $(if $(BASE),--base "$(BASE)")

export-public: $(STAMP) ## Write the residents' house rules as a small site for the public website: DIR=path
	$(GUIDE) export-public "$(DIR)"

compare: $(STAMP) ## Every difference between two versions: POLICY=social-media FROM=1.0 [TO=1.2]
	$(GUIDE) compare "$(POLICY)" "$(FROM)" $(if $(TO),"$(TO)")

pr-summary: $(STAMP) ## For a pull request's reviewers: each changed policy compared with the version in force [BASE=origin/main]
	$(GUIDE) pr-summary --base "$(or $(BASE),origin/main)"

in-force: $(STAMP) ## Which version of each policy applied on a day: DATE=YYYY-MM-DD [POLICY=]
	$(GUIDE) in-force "$(DATE)" $(if $(POLICY),--policy "$(POLICY)")

search-quality: $(STAMP) ## Ask search the questions in tests/search/questions.yml; print the score and every miss
	$(GUIDE) search-quality

plain-english: $(STAMP) ## Score every page for plain English and list its hardest sentences
	$(GUIDE) plain-english

new-policy: $(STAMP) ## Start a draft policy: NAME=flexible-working [TITLE= OWNER= CONTACT= CATEGORY=]
	$(GUIDE) new-policy "$(NAME)" $(if $(TITLE),--title "$(TITLE)") \
	  $(if $(OWNER),--owner "$(OWNER)") $(if $(CONTACT),--contact "$(CONTACT)") \
	  $(if $(CATEGORY),--category "$(CATEGORY)")

import: $(STAMP) ## Bring a Word policy in as a draft: FILE=policy.docx [NAME= TITLE= OWNER= CATEGORY=], or DIR=folder/
	$(GUIDE) import $(if $(FILE),"$(FILE)") $(if $(DIR),--dir "$(DIR)") \
	  $(if $(NAME),--name "$(NAME)") $(if $(TITLE),--title "$(TITLE)") \
	  $(if $(OWNER),--owner "$(OWNER)") $(if $(CONTACT),--contact "$(CONTACT)") \
	  $(if $(CATEGORY),--category "$(CATEGORY)")

announce: $(STAMP) ## Write the staff bulletin item for a version: POLICY=... [VERSION=1.1 BASE=https://... DIR=announcements]
	$(GUIDE) announce $(if $(POLICY),--policy "$(POLICY)") $(if $(VERSION),--version "$(VERSION)") \
	  $(if $(BASE),--base "$(BASE)") $(if $(DIR),--out "$(DIR)")

codeowners: $(STAMP) ## Rewrite .github/CODEOWNERS from each policy's owning team
	$(GUIDE) codeowners

schemas: $(STAMP) ## Rewrite the editor schemas in policy_source/schemas/ after a model change
	$(GUIDE) schemas

review-reminders: $(STAMP) ## Open a GitHub issue for each review due soon or overdue (needs gh)
	$(GUIDE) review-reminders $(if $(DRY_RUN),--dry-run)

bench: $(STAMP) ## Time our build against plain Material, 20 to 200 real-length policies [SIZES="20 200"]
	$(GUIDE) bench $(foreach size,$(SIZES),--sizes $(size))

lock: $(STAMP) ## Re-pin requirements.txt (with hashes) from pyproject.toml
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra test \
	  --no-emit-index-url --no-emit-find-links -o requirements.txt pyproject.toml

clean: ## Remove the virtual environment, Node tools, built site, PDFs and test results
	rm -rf $(VENV) node_modules site .site-building-* .site-previous .pytest_cache pdf \
	  test-results policy_guide.egg-info
