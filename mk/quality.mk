# Quality tooling: the Node tools of the gates, and the benchmarks (not tests).
# Included by the Makefile. `make test` needs `test-deps`: the Python venv and node_modules/.
NODE_STAMP := node_modules/.installed
SITE ?= site

.PHONY: node_modules test-deps lighthouse bench-pages screenshots linkcheck-external

# npm ci installs exactly package-lock.json. --ignore-scripts: vnu-jar's install script would
# download a Java runtime (java comes from apt, see .ci/run); no package here needs its scripts.
# PUPPETEER_SKIP_DOWNLOAD: Lighthouse drives Debian's /usr/bin/chromium; nothing downloads a browser.
$(NODE_STAMP): package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 CHROMEDRIVER_SKIP_DOWNLOAD=true \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

node_modules: $(NODE_STAMP)

test-deps: $(STAMP) $(NODE_STAMP)

# Lighthouse scores and page weight of the key pages, mobile and desktop, served with gzip, as a
# table (median of RUNS runs each).
RUNS ?= 3
lighthouse: build $(NODE_STAMP)
	$(PY) tools/lighthouse.py --site $(SITE) --runs $(RUNS)

bench-pages: lighthouse

# PNGs of the key pages at desktop and phone widths, light and dark, into screenshots/.
screenshots: build
	$(PY) tools/screenshots.py --site $(SITE) --out screenshots

# External links over the network (not part of `make test`, which checks their form only).
linkcheck-external: build
	$(PY) tools/linkcheck_external.py --site $(SITE)
