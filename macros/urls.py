"""The rules for an address in data/: parsed, not pattern-matched, and explained when refused.

An address lands in `href` attributes on every page: it must be an http(s) or mailto address with a
real host name, and hold nothing that a browser or an HTML parser would read as something else.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

SCHEMES = ("https", "http", "mailto")
_FORBIDDEN = {'"': "a double quote", "'": "a single quote", "<": "'<'", ">": "'>'", "`": "a backquote", "\\": "'\\'"}
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_MAILBOX = re.compile(r"^[A-Za-z0-9.!#$%&*+/=?^_{|}~-]+@[A-Za-z0-9.-]+$")


class UrlError(ValueError):
    """An address that is refused; the message says why and what to write instead."""


def check_url(value: str, schemes: tuple[str, ...] = SCHEMES) -> str:
    """`value` if it is an acceptable address; otherwise UrlError with the reason."""
    for index, character in enumerate(value):
        if character.isspace():
            raise UrlError(f"'{value}' holds a space or line break (character {index + 1}); remove it, or write %20")
        if unicodedata.category(character) in ("Cc", "Cf"):
            raise UrlError(f"'{value}' holds the invisible character U+{ord(character):04X}; remove it")
        if character in _FORBIDDEN:
            raise UrlError(f"'{value}' holds {_FORBIDDEN[character]}, which an address may not hold; remove it")
    try:
        parts = urlsplit(value)
    except ValueError as error:
        raise UrlError(f"'{value}' is not an address that can be read ({error})") from None
    scheme = parts.scheme.lower()
    if scheme not in schemes or not value.lower().startswith(f"{scheme}:"):
        allowed = ", ".join(f"{name}://" if name != "mailto" else "mailto:" for name in schemes)
        raise UrlError(f"'{value}' is not an accepted link: use an address that starts with {allowed}")
    if scheme == "mailto":
        if not _MAILBOX.match(parts.path):
            raise UrlError(f"'{value}' is not an e-mail address: write mailto:name@example.org")
        return value
    if not value.lower().startswith(f"{scheme}://"):
        raise UrlError(f"'{value}' has no host: write {scheme}://host/path")
    host = parts.hostname or ""
    if parts.username is not None or parts.password is not None:
        raise UrlError(f"'{value}' holds a user name or password before the host ('@'); link the page itself")
    _check_host(value, host)
    try:
        parts.port  # noqa: B018 - reading it validates it
    except ValueError:
        raise UrlError(f"'{value}' has a port that is not a number from 0 to 65535") from None
    return value


def _check_host(value: str, host: str) -> None:
    if not host:
        raise UrlError(f"'{value}' has no host name after '//'; write the site's name, e.g. https://www.ippc.int/")
    if host.endswith("."):
        raise UrlError(f"the host '{host}' of '{value}' ends in a dot; remove the dot ({host.rstrip('.')})")
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise UrlError(f"the host '{host}' of '{value}' is not a valid host name") from None
    labels = ascii_host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        raise UrlError(f"the host '{host}' of '{value}' is not a valid host name (e.g. www.ippc.int)")


def host_of(url: str) -> str:
    """The host of an http(s) address, lower case, without `www.`: how the sources register names it."""
    return (urlsplit(url).hostname or "").removeprefix("www.")
