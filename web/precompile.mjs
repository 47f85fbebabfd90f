// Build step (web/build.py): compile the site's Python to bytecode with the pinned
// Pyodide itself, in Node.js. Usage: node web/precompile.mjs SITE_DIR
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadPyodide } from "./node_modules/pyodide/pyodide.mjs";

const site = resolve(process.argv[2]);
const py = await loadPyodide({ stdout: (s) => console.log(s), stderr: (s) => console.error(s) });
py.FS.mkdirTree("/site");
py.FS.mount(py.FS.filesystems.NODEFS, { root: site }, "/site");
py.globals.set("SITE", "/site");
py.runPython(readFileSync(new URL("./precompile.py", import.meta.url), "utf-8"));
