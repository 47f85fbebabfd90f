"""zi-workbook serve: host the browser page (a site built by ``web/build.py``)."""

from __future__ import annotations

from pathlib import Path

import click

from .base import Command
from .exit import ExitCode
from .options import debug_option, lang_option

__all__ = ["serve"]


@click.command("serve", cls=Command)
@click.option(
    "--site",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder situs yang sudah dibangun / the built site folder (default: ./site).",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Alamat lain hanya bila diminta / another address only when asked for.",
)
@click.option("--open", "open_browser", is_flag=True, help="Buka peramban / open the browser.")
@lang_option
@debug_option
def serve(
    site: Path | None, port: int, host: str, open_browser: bool, lang: str, debug: bool
) -> ExitCode:
    """Sajikan halaman peramban / serve the browser page (python web/build.py --out site/)."""
    from ..web.serve import LOCAL_HOSTS, find_site, make_server

    folder = find_site(site)
    if host not in LOCAL_HOSTS:
        click.echo(
            f"Warning: serving on {host}: other computers can open the page."
            if lang == "en"
            else f"Peringatan: disajikan di {host}: komputer lain dapat membuka halaman ini.",
            err=True,
        )
    try:
        server = make_server(folder, host, port)
    except OSError as error:
        click.echo(f"{host}:{port}: {error.strerror or error}", err=True)
        return ExitCode.INPUT
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{server.server_address[1]}/"
    click.echo(
        f"Serving {folder} at {url} (Ctrl+C to stop)"
        if lang == "en"
        else f"Menyajikan {folder} di {url} (Ctrl+C untuk berhenti)"
    )
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("")
    finally:
        server.server_close()
    return ExitCode.OK
