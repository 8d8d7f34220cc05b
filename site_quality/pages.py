"""The few pages that tests and benchmarks name; every other check walks the built folder.

Site-relative URLs as MkDocs links them (a folder URL stands for its index.html). A named page that
the build lacks fails the tests that use it (gates.require_pages)."""

HOME = "wco/"
"""The home page of the default edition, in English: keyboard and search tests start here."""

KEY_PAGES = {
    "home": HOME,
    "work plan": "wco/workplan/",
    "events (IPPC edition, French)": "ippc/fr/events/",
    "sea-containers guide": "wco/guides/sea-containers/",
    "work plan (IPPC edition, Arabic)": "ippc/ar/workplan/",
}
"""Lighthouse and screenshots: name → URL."""
