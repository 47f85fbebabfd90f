"""Links in LINK BUKTI FISIK: split a cell into links and words, classify each link.

Offline only: nothing here touches the network. ``split_link_cell`` turns what a
person typed or pasted into link candidates (in cell order) and the leftover
words; ``classify`` says whether a candidate is safe to make clickable and what
kind of place it points to; ``is_placeholder`` spots words typed where the link
should be (``menyusul``, ``belum ada``, ``-``).

Safety (``LinkInfo.safety``), one of :data:`SAFETIES`:

``safe``
    http or https with a host name (or an IP address), or ``mailto:`` with an address.
``unsafe``
    any other scheme: ``javascript:``, ``data:``, ``vbscript:``, ``ms-msdt:``, ``tel:``...
``malformed``
    a space, a control character or a backslash inside, no host, a bad port,
    ``https//`` without its colon, ``http:/`` with one slash, a typed scheme such as
    ``htps://``, two links glued together, a copy cut short with ``…``.
``local-path``
    ``C:\\...``, ``\\\\server\\share\\...``, ``file:``, a path with no scheme (how Excel
    stores a link to a file beside the workbook) or a host with no dot
    (``http://server-kantor/``): it opens on one computer or office network only.

Kinds (``LinkInfo.kind``), one of :data:`KINDS`:

``drive-file``     Google Drive file: ``/file/d/ID``, ``/open?id=``, ``/uc?id=``
``drive-folder``   Google Drive folder: ``/drive/folders/ID``, ``/drive/u/0/folders/ID``
``google-docs``    Docs, Sheets, Slides, Forms (``docs.google.com/...``, ``forms.gle``)
``shortener``      bit.ly, s.id, tinyurl.com, cutt.ly, shorturl.at, ...
``government``     a host under ``go.id`` (also ``mil.id``, ``desa.id``)
``web``            any other safe http(s) page, public IP addresses included
``office-network`` 192.168.x.x, 10.x.x.x, 127.0.0.1, ``*.local``: safe to click, but only
                   inside the office (a ``local-path-link`` finding; --check-links
                   still fetches it)
``email``          ``mailto:`` (a bare ``ppid@kpu.go.id`` becomes ``mailto:ppid@kpu.go.id``)
``local-path``     the local paths above
``other``          unsafe and malformed links
"""

from __future__ import annotations

from .cell import PLACEHOLDER_WORDS, is_placeholder, split_link_cell
from .kinds import KINDS, SAFE_SCHEMES, SAFETIES, LinkInfo, classify

__all__ = [
    "KINDS",
    "PLACEHOLDER_WORDS",
    "SAFETIES",
    "SAFE_SCHEMES",
    "LinkInfo",
    "classify",
    "is_placeholder",
    "split_link_cell",
]
