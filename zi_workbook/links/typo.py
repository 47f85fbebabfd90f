"""A mistyped scheme (``htps://``, ``http//``, ``https:/``, ``hhttps://``) and the link
that was meant, so the message can suggest it.

>>> scheme_fix("htps://kab-batang.kpu.go.id/a")
'https://kab-batang.kpu.go.id/a'
>>> scheme_fix("http//kab-batang.kpu.go.id/a")
'http://kab-batang.kpu.go.id/a'
>>> scheme_fix("https://kab-batang.kpu.go.id/a") is None
True
"""

from __future__ import annotations

import re

from .. import _regex
from .kinds import classify

__all__ = ["scheme_fix"]

# A run of h/t/p/s letters that is not exactly http or https, then ':' and slashes,
# or http(s) with its colon or one slash missing.
_TYPED = _regex.compile(r"^([hpts]{3,6}):/{1,3}(?=[^/])", re.IGNORECASE)
_NO_COLON = _regex.compile(r"^(https?)/{1,3}(?=[^/])", re.IGNORECASE)


def scheme_fix(url: str) -> str | None:
    """The link with its scheme corrected, when the scheme is a typo; else None."""
    url = url.strip()
    if classify(url).is_safe:
        return None
    m = _TYPED.match(url) or _NO_COLON.match(url)
    if m is None:
        return None
    scheme = "https" if "s" in m.group(1).lower() else "http"
    fixed = f"{scheme}://{url[m.end() :]}"
    return fixed if classify(fixed).is_safe else None
