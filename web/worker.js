// The Web Worker: loads Pyodide and the wheels from this site only, then answers the
// page's requests by calling zi_workbook.web.api (the library's own functions).
import { loadPyodide } from "./pyodide/pyodide.mjs";

const base = new URL("./", self.location.href);
let py = null;
let api = null;
let dumps = null;

const stage = (name) => postMessage({ type: "stage", stage: name });

const ready = (async () => {
  stage("manifest");
  // fetched while the runtime starts: the wheels' names are needed only after it
  const manifest = fetch(new URL("manifest.json", base)).then((r) => r.json());
  manifest.catch(() => {});
  stage("runtime");
  py = await loadPyodide({
    indexURL: new URL("pyodide/", base).href,
    packages: [],
    stdout: () => {},
    stderr: () => {},
  });
  stage("packages");
  await py.loadPackage(
    (await manifest).wheels.map((w) => new URL("wheels/" + w, base).href),
    { messageCallback: () => {}, errorCallback: () => {} },
  );
  stage("library");
  api = py.pyimport("zi_workbook.web.api");
  dumps = py.pyimport("json").dumps;
  stage("ready");
})();
ready.catch((e) => postMessage({ type: "fatal", message: String(e && e.message || e) }));

// A Python dict as plain JSON data (None stays null), the proxy freed.
function plain(proxy) {
  try {
    return JSON.parse(dumps(proxy));
  } finally {
    proxy.destroy();
  }
}

function bytes(proxy) {
  try {
    return proxy.toJs();
  } finally {
    proxy.destroy();
  }
}

const COMMANDS = {
  labels: (m) => plain(api.labels(m.lang)),
  check: (m) =>
    plain(api.check.callKwargs(py.toPy(m.bytes), m.name, {
      as_of: m.as_of, lang: m.lang, year: m.year ?? undefined,
      previous: m.previous ? py.toPy(m.previous.bytes) : undefined,
      previous_name: m.previous ? m.previous.name : undefined,
    })),
  report_json: () => api.report_json(),
  status_workbook: () => bytes(api.status_workbook()),
  summary: (m) => {
    const progress = (done, total, name) =>
      postMessage({ type: "progress", id: m.id, done, total, name });
    const files = py.toPy(m.files);
    try {
      return plain(api.summary.callKwargs(files, { as_of: m.as_of, lang: m.lang, progress }));
    } finally {
      files.destroy();
    }
  },
  summary_workbook: () => bytes(api.summary_workbook()),
  template: (m) => bytes(api.template.callKwargs({ year: m.year ?? undefined, unit: m.unit ?? undefined, lang: m.lang })),
};

self.onmessage = async ({ data: m }) => {
  try {
    await ready;
    const result = COMMANDS[m.cmd](m);
    const transfer = result instanceof Uint8Array ? [result.buffer] : [];
    postMessage({ type: "result", id: m.id, ok: true, result }, transfer);
  } catch (e) {
    postMessage({ type: "result", id: m.id, ok: false, message: String(e && e.message || e) });
  }
};
