"""Run by precompile.mjs inside the pinned Pyodide (Node.js), at build time only.

Pyodide's CPython writes no bytecode (its files live in memory) and its standard library
ships as source, so every visit compiled each module it imports again: about half of the
runtime's start. Compiled here by that same interpreter, the bytecode always matches
the page's CPython. Unchecked hash-based .pyc files are used as they are, whatever the
files' times.

SITE (set by precompile.mjs) is the site folder being built, mounted from the disk.
"""

import importlib._bootstrap_external as _bootstrap
import importlib.util
import os
import sys
import zipfile

TAG = sys.implementation.cache_tag


def pyc(source: bytes, filename: str) -> bytes:
    code = compile(source, filename, "exec", dont_inherit=True)
    return bytes(_bootstrap._code_to_hash_pyc(code, importlib.util.source_hash(source), False))


def stdlib(path: str) -> int:
    """The standard library zip with each module as .pyc only (zipimport reads them)."""
    done = 0
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(path + ".new", "w") as out:
        for info in src.infolist():
            data = src.read(info)
            name = info.filename
            if name.endswith(".py"):
                try:
                    data = pyc(data, "/lib/python314.zip/" + name)
                except SyntaxError:  # a test data file, say: kept as source
                    pass
                else:
                    name += "c"
                    done += 1
            entry = zipfile.ZipInfo(name, info.date_time)
            entry.external_attr = info.external_attr
            out.writestr(entry, data, zipfile.ZIP_DEFLATED, 9)
    os.replace(path + ".new", path)
    return done


def wheel(path: str) -> int:
    """A wheel with __pycache__/<module>.<tag>.pyc beside each module (sources kept)."""
    done = 0
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(path + ".new", "w") as out:
        names = set(src.namelist())
        for info in src.infolist():
            data = src.read(info)
            out.writestr(info, data, zipfile.ZIP_DEFLATED)
            head, _, file = info.filename.rpartition("/")
            if not file.endswith(".py") or ".dist-info" in head:
                continue
            cached = f"{head}/__pycache__/{file[:-3]}.{TAG}.pyc".lstrip("/")
            if cached in names:
                continue
            try:
                code = pyc(data, "/lib/python3.14/site-packages/" + info.filename)
            except SyntaxError:
                continue
            out.writestr(zipfile.ZipInfo(cached, info.date_time), code, zipfile.ZIP_DEFLATED)
            done += 1
    os.replace(path + ".new", path)
    return done


def main(site: str) -> None:
    print(f"precompile: {stdlib(site + '/pyodide/python_stdlib.zip')} stdlib modules", flush=True)
    for name in sorted(os.listdir(site + "/wheels")):
        if name.endswith(".whl"):
            print(f"precompile: {wheel(site + '/wheels/' + name)} modules in {name}", flush=True)


main(SITE)  # type: ignore[name-defined]  # noqa: F821
