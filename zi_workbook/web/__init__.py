"""The browser page's Python side and the ``serve`` command's server.

``api`` is what the page's Web Worker calls inside Pyodide: bytes and options in,
dicts and bytes out, through the library's own functions only. ``serve`` hosts a
built site (``python web/build.py --out site/``) on 127.0.0.1 with the standard
library's HTTP server.
"""
