"""The rules for addresses in data/: each rule refuses what it should, with a reason."""

from __future__ import annotations

import pytest

from macros.urls import UrlError, check_url, host_of

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "url",
    [
        "https://www.ippc.int/en/",
        "http://www.wcoomd.org/en/topics.aspx?x=1#y",
        "mailto:ippc@fao.org",
        "https://example.org:8443/a%20b",
        "https://bücher.example/",
    ],
)
def test_good_addresses_pass(url: str) -> None:
    assert check_url(url) == url


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ('https://www.wcoomd.org/"><script>alert(1)</script>', "double quote"),
        ("https://a.example/)<svg/onload=alert(1)>", "'<'"),
        ("https://a.example/ x", "space"),
        ("https://a.example/\u200bx", "invisible character"),
        ("https://ippc.int./en/", "ends in a dot"),
        ("javascript:alert(1)", "not an accepted link"),
        ("JAVASCRIPT:alert(1)", "not an accepted link"),
        ("ftp://a.example/", "not an accepted link"),
        ("https:/a.example/", "has no host"),
        ("https://", "no host name"),
        ("https://user:pw@a.example/", "user name"),
        ("https://a..example/", "not a valid host name"),
        ("https://localhost/", "not a valid host name"),
        ("https://a.example:99999/", "port"),
        ("mailto:nobody", "not an e-mail address"),
        ("https://a.example/`x`", "backquote"),
    ],
)
def test_bad_addresses_are_refused_with_the_reason(url: str, reason: str) -> None:
    with pytest.raises(UrlError, match=reason.replace("(", r"\(").replace("'", "'")):
        check_url(url)


def test_host_of_drops_www_and_case() -> None:
    assert host_of("https://WWW.IPPC.int/en/") == "ippc.int"
