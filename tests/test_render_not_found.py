"""The 404 page's text: every language of the edition, each in its own direction."""

from __future__ import annotations

from macros.render.not_found import render_not_found


def test_not_found_page_speaks_every_language_in_its_own_direction() -> None:
    labels = {
        "not_found_title": {"en": "Page not found", "fr": "Page introuvable", "ar": "الصفحة غير موجودة"},
        "not_found_home": {"en": "Go to the home page", "fr": "Aller à l’accueil", "ar": "الانتقال"},
    }
    text = render_not_found(labels, ["en", "fr", "ar", "ru"], "/collab/")
    assert text.startswith('<h1>Page not found</h1>\n<p><a href="/collab/" hreflang="en">Go to the home page</a></p>')
    assert '<section lang="fr" dir="ltr"><h2>Page introuvable</h2><p><a href="/collab/fr/" hreflang="fr">' in text
    assert '<section lang="ar" dir="rtl"><h2>الصفحة غير موجودة</h2>' in text
    assert 'lang="ru"' not in text  # no Russian text: the English lines stand for it
