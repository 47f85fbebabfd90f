"""Hyperlinks for :class:`~._fastsheet.FastSheet`: kept as text until the sheet closes.

xlsxwriter makes a ``Url`` object per link when it is written (its regular expressions
and escapes) and keeps it in a dict per row until the sheet is closed. :class:`LinkCells`
keeps a plain web or mail link as its text and writes its ``<hyperlink>`` element and
relationship directly when the sheet is closed: the same bytes, compared with stock
xlsxwriter in ``tests/test_fastsheet.py``. Any other link goes through xlsxwriter.
"""

from __future__ import annotations

from array import array
from typing import Any

from xlsxwriter.packager import Packager
from xlsxwriter.relationships import PACKAGE_SCHEMA, Relationships
from xlsxwriter.url import Url, UrlTypes
from xlsxwriter.worksheet import Worksheet

from .. import _regex

__all__ = ["NAMES", "FastPackager", "LinkCells", "col_name"]

#: Links Url makes nothing more of than its target (and, for a web link, a location).
_PLAIN_LINKS = ("http://", "https://", "mailto:")
#: The characters Url._escape_url may change in a link; without them it is unchanged.
_URL_SPECIAL = _regex.compile('[%" <>\\[\\]^`{}]')


class LinkCells(Worksheet):  # type: ignore[misc]  # xlsxwriter is untyped here
    """xlsxwriter's worksheet with its links kept as text (FastSheet's base)."""

    def _write_url(
        self,
        row: int,
        col: int,
        url: Any,
        cell_format: Any = None,
        string: str | None = None,
        tip: str | None = None,
    ) -> int:
        """xlsxwriter's, then the link kept as its cell and text rather than as a Url
        object in a dict per row until the sheet is closed (~200 bytes a link). A plain
        web or mail link with its text (every link our workbooks write) is not made a
        Url object at all: the checks xlsxwriter makes before it are made here."""
        me: Any = self
        if (
            url.__class__ is str
            and string is not None
            and tip is None
            and self.constant_memory
            and url.startswith(_PLAIN_LINKS)
            and url.isascii()
            and len(url) <= me.max_url_length
            and me.hlink_count < 65530
            and not me.ignore_write_string
        ):
            if self._check_dimensions(row, col):
                return -1
            me.hlink_count += 1
            if row > me.previous_row:
                self._write_single_row(row)
            fmt = me.default_url_format if cell_format is None else cell_format
            self._write_string(row, col, string, fmt)
            self._keep_link(row, col, url if string is url else (url, string))
            return 0
        done: int = super()._write_url(row, col, url, cell_format, string, tip)
        if done != 0 or not self.constant_memory:
            return done
        links = me.hyperlinks.pop(row)
        kept = links.pop(col)
        if links:  # another link in this row stays where xlsxwriter put it
            me.hyperlinks[row] = links
        # the text alone when it is all xlsxwriter needs to make the same Url again
        if not isinstance(url, str) or tip is not None:
            self._keep_link(row, col, kept)
        else:
            self._keep_link(row, col, url if string is url else (url, string))
        return done

    def keep_link(self, row: int, col: int, url: str) -> bool:
        """Make the cell a link to ``url`` whose text is ``url``, the text written by
        the caller (write_cells, the link format): what ``write_url(row, col, url,
        fmt, string=url)`` does, for a plain web or mail link. False, nothing done, for
        any other link or one xlsxwriter would refuse or warn about."""
        me: Any = self
        if (
            url.__class__ is not str
            or not self.constant_memory
            or not url.startswith(_PLAIN_LINKS)
            or not url.isascii()
            or len(url) > me.max_url_length
            or me.hlink_count >= 65530
            or me.ignore_write_string
            or row < me.previous_row
            or row >= me.xls_rowmax
            or not 0 <= col < me.xls_colmax
        ):
            return False
        me.hlink_count += 1
        self._keep_link(row, col, url)
        return True

    def _keep_link(self, row: int, col: int, link: Any) -> None:
        if not hasattr(self, "_link_keys"):
            self._link_keys = array("q")
            self._link_urls: list[Any] = []
        self._link_keys.append((row << 14) | col)
        self._link_urls.append(link)

    def _write_hyperlinks(self) -> None:
        """The <hyperlinks> element, as xlsxwriter writes it; a kept link is made a Url
        object again only while it is written."""
        keys = getattr(self, "_link_keys", None)
        me: Any = self
        if not keys or me.hyperlinks:  # never both in one sheet of ours
            super()._write_hyperlinks()
            return
        urls = self._link_urls
        order = sorted(range(len(keys)), key=keys.__getitem__)
        write = me.fh.write
        rels = me.external_hyper_links
        write("<hyperlinks>")
        for n, i in enumerate(order):
            key = keys[i]
            if n + 1 < len(order) and keys[order[n + 1]] == key:
                continue  # the cell was linked again: the last link counts
            row, col = key >> 14, key & 0x3FFF
            url = urls[i]
            link = url if url.__class__ is str else url[0] if url.__class__ is tuple else None
            if link is not None and link.startswith(_PLAIN_LINKS):
                # what Url makes of a web or mail link: the part after "#" of a web link
                # is its location, the rest (escaped as Url escapes it) its target
                anchor = ""
                if "#" in link and not link.startswith("mailto:"):
                    link, anchor = link.split("#", 1)
                if _URL_SPECIAL.search(link) is not None:
                    link = Url._escape_url(link)
                me.rel_count += 1
                ref = col_name(col) + str(row + 1)
                if anchor:
                    write(
                        f'<hyperlink ref="{ref}" r:id="rId{me.rel_count}" '
                        f'location="{self._escape_attributes(anchor)}"/>'
                    )
                else:
                    write(f'<hyperlink ref="{ref}" r:id="rId{me.rel_count}"/>')
                rels.append(("/hyperlink", link, "External"))
                continue
            if not isinstance(url, Url):
                link, string = (url, url) if isinstance(url, str) else url
                url = Url(link)
                if string is not None:
                    url._text = string
            if url._link_type in (UrlTypes.URL, UrlTypes.EXTERNAL):
                me.rel_count += 1
                self._write_hyperlink_external(row, col, me.rel_count, url)
                me.external_hyper_links.append(["/hyperlink", url._target(), "External"])
            else:
                self._write_hyperlink_internal(row, col, url)
        write("</hyperlinks>")


class _Rels(Relationships):  # type: ignore[misc]  # xlsxwriter is untyped here
    """xlsxwriter's relationships part, each <Relationship> written as one string (a
    sheet's part has one per link: xlsxwriter made a list of attributes for each)."""

    def _write_relationships(self) -> None:
        me: Any = self
        escape, write = self._escape_attributes, me.fh.write
        write(f'<Relationships xmlns="{escape(PACKAGE_SCHEMA)}">')
        n = me.id
        for kind, target, mode in me.relationships:
            tail = f' TargetMode="{escape(mode)}"' if mode else ""
            write(
                f'<Relationship Id="rId{n}" Type="{escape(kind)}" Target="{escape(target)}"{tail}/>'
            )
            n += 1
        me.id = n
        write("</Relationships>")


class FastPackager(Packager):  # type: ignore[misc]
    """xlsxwriter's packager, each worksheet's relationships written by :class:`_Rels`."""

    def _write_worksheet_rels_files(self) -> None:
        # xlsxwriter's own loop (3.3), with _Rels for Relationships
        me: Any = self
        index = 0
        for worksheet in me.workbook.worksheets():
            if worksheet.is_chartsheet:
                continue
            index += 1
            external_links = (
                worksheet.external_hyper_links
                + worksheet.external_drawing_links
                + worksheet.external_vml_links
                + worksheet.external_background_links
                + worksheet.external_table_links
                + worksheet.external_comment_links
            )
            if not external_links:
                continue
            rels = _Rels()
            for link_data in external_links:
                rels._add_document_relationship(*link_data)
            rels._set_xml_writer(me._filename(f"xl/worksheets/_rels/sheet{index}.xml.rels"))
            rels._assemble_xml_file()


NAMES: dict[int, str] = {}


def col_name(col: int) -> str:
    name = NAMES.get(col)
    if name is None:
        name, n = "", col + 1
        while n:
            n, rem = divmod(n - 1, 26)
            name = chr(65 + rem) + name
        NAMES[col] = name
    return name
