"""Fixed labels in other languages: gettext message catalogues shipped with the package.

The message ids are the Chinese labels the documents print (headings, code-list labels such as
跌倒/坠落, table headers), so zh_CN needs no catalogue. Other locales read
``safecommunity_docs/locale/<locale>/LC_MESSAGES/safecommunity_docs.mo``, compiled from the
``.po`` beside it with babel (``python tools/compile_messages.py``; a test keeps them equal).
"""

from __future__ import annotations

import functools
import gettext
from importlib.resources import files

from .l10n import DEFAULT_LOCALE

DOMAIN = "safecommunity_docs"
"""The gettext domain: the name of every catalogue file."""

UNTRANSLATED = "[untranslated label]"
"""Printed for a label the catalogue lacks (never the Chinese label in an English document)."""


def catalogue_path(locale: str, suffix: str = ".mo") -> str:
    """The package-relative path of ``locale``'s compiled (``.mo``) or source (``.po``) catalogue."""
    return f"locale/{locale}/LC_MESSAGES/{DOMAIN}{suffix}"


@functools.cache
def translations(locale: str) -> gettext.NullTranslations:
    """The catalogue of ``locale`` (none for zh_CN: the message ids are its labels)."""
    if locale == DEFAULT_LOCALE:
        return gettext.NullTranslations()
    resource = files("safecommunity_docs").joinpath(catalogue_path(locale))
    if not resource.is_file():
        raise ValueError(f"no message catalogue for locale {locale!r} ({catalogue_path(locale)})")
    with resource.open("rb") as fp:
        return gettext.GNUTranslations(fp)


class Labels:
    """Fixed labels of one locale; remembers the message ids it could not translate.

    ``labels("跌倒/坠落")`` is ``"Falls"`` in ``en``; ``labels("{n}个项目", n=6)`` fills in
    the translated pattern. A label the catalogue lacks comes back as ``default`` (else
    :data:`UNTRANSLATED`) and is listed in :attr:`missing`.
    """

    def __init__(self, locale: str = DEFAULT_LOCALE) -> None:
        self.locale = locale
        self._catalogue = translations(locale)
        self.missing: list[str] = []

    def has(self, msgid: str) -> bool:
        """Whether ``msgid`` has a label in this locale."""
        return self.locale == DEFAULT_LOCALE or self._catalogue.gettext(msgid) != msgid

    def __call__(self, msgid: str, default: str | None = None, **values: object) -> str:
        if self.has(msgid):
            text = self._catalogue.gettext(msgid)
        else:
            self.missing.append(msgid)
            text = default if default is not None else UNTRANSLATED
        return text.format(**values) if values else text
