"""Assemble the static site that runs zi_workbook in the browser.

    python web/build.py --out site/

It runs ``npm ci`` here (``package-lock.json`` pins the npm ``pyodide`` package: the
WebAssembly CPython and its standard library), ``pip download`` of the wheels in
``requirements.txt`` (hashes required; python-calamine's WebAssembly build) and
``pip wheel`` of this repository, then compiles the site's Python (the standard
library and the wheels) to bytecode with that same Pyodide in Node.js
(``precompile.mjs``: the runtime starts about twice as fast), then copies the page.
Only the package registries are asked; the site itself never asks anything of any host
but the one serving it.
``--out`` is replaced whole (it must be absent, empty or an earlier build).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
#: The npm pyodide package's runtime files the page needs (no console, no maps).
RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
           "pyodide-lock.json")
#: The page's own files, copied as they are.
PAGE = ("index.html", "style.css", "app.js", "dom.js", "sections.js", "i18n.js", "worker.js",
        "favicon.svg")
#: The wheel platform of the pinned Pyodide (CPython 3.14, ABI pyemscripten_2026_0).
PLATFORM = ("pyemscripten_2026_0_wasm32", "3.14")
MARK = "manifest.json"


def run(cmd: list[str], cwd: Path = ROOT) -> None:
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=cwd, check=True)


def npm_runtime(skip_npm: bool) -> Path:
    """``npm ci`` (unless --skip-npm and the locked version is already there)."""
    lock = json.loads((HERE / "package-lock.json").read_text("utf-8"))
    want = lock["packages"]["node_modules/pyodide"]["version"]
    pkg = HERE / "node_modules" / "pyodide"
    have = pkg / "package.json"
    if not (skip_npm and have.exists() and json.loads(have.read_text("utf-8"))["version"] == want):
        npm = shutil.which("npm")
        if npm is None:
            sys.exit("build.py: npm is needed (apt-get install npm, or Node.js from nodejs.org)")
        run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=HERE)
    return pkg


def wheels(dest: Path) -> list[str]:
    """The pinned wheels from PyPI and this repository's own wheel."""
    platform, python = PLATFORM
    run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--require-hashes",
         "--only-binary=:all:", "--platform", platform, "--python-version", python,
         "--implementation", "cp", "-r", str(HERE / "requirements.txt"), "-d", str(dest)])
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dest),
         str(ROOT)])
    return sorted(p.name for p in dest.glob("*.whl"))


def precompile(site: Path) -> None:
    """Bytecode for the standard library and the wheels, compiled by the pinned Pyodide."""
    node = shutil.which("node")
    if node is None:
        sys.exit("build.py: Node.js is needed (apt-get install nodejs npm)")
    run([node, str(HERE / "precompile.mjs"), str(site)], cwd=HERE)


def build(out: Path, skip_npm: bool = False) -> None:
    out = out.resolve()
    if out.exists() and any(out.iterdir()) and not (out / MARK).exists():
        sys.exit(f"build.py: {out} is not empty and not an earlier build; not replacing it")
    pkg = npm_runtime(skip_npm)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".site-", dir=out.parent) as tmp:
        site = Path(tmp) / "site"
        (site / "pyodide").mkdir(parents=True)
        for name in RUNTIME:
            shutil.copy2(pkg / name, site / "pyodide" / name)
        names = wheels(site / "wheels")
        precompile(site)
        for name in PAGE:
            shutil.copy2(HERE / name, site / name)
        files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        digest = hashlib.sha256()
        for rel in files:
            digest.update(rel.encode() + b"\0" + (site / rel).read_bytes())
        version = digest.hexdigest()[:16]
        manifest = {"version": version, "wheels": names, "files": ["./", *files, MARK]}
        (site / MARK).write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
        sw = (HERE / "sw.js").read_text("utf-8").replace("__VERSION__", version)
        (site / "sw.js").write_text(sw, "utf-8")
        if out.exists():
            shutil.rmtree(out)
        site.rename(out)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"site: {out} · {len(files) + 2} files · {size / 2**20:.1f} MiB · version {version}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site", help="site folder (site/)")
    parser.add_argument("--skip-npm", action="store_true",
                        help="reuse web/node_modules when it holds the locked pyodide")
    args = parser.parse_args(argv)
    build(args.out, args.skip_npm)


if __name__ == "__main__":
    main()
