// The page: picks files, asks the worker (the library inside Pyodide), shows results.
// No rule is implemented here: statuses, counts, findings, labels and workbooks all
// come from zi_workbook; this file only draws them and filters what is shown.
import { TEXT } from "./i18n.js";
import { el } from "./dom.js";
import { extraSections } from "./sections.js";

const $ = (id) => document.getElementById(id);
const STAGES = ["manifest", "runtime", "packages", "library", "ready"];
const STATUS_ORDER = ["complete", "overdue", "due_soon", "not_due", "needs_fix"];
const COUNT_KEYS = ["complete", "overdue", "not_due", "needs_fix"];

const state = {
  lang: "id",
  labels: {},
  plan: null,      // {name, bytes}
  previous: null,  // last month's version, {name, bytes}, optional
  check: null,     // the worker's answer for the plan
  summaryFiles: null,
  summary: null,
};
const t = (key) => TEXT[state.lang][key] ?? TEXT.id[key] ?? key;
window.ziTimings = { start: performance.now() };

// ---------------------------------------------------------------- the worker
let worker = null;
let ready = null;
let nextId = 1;
const pending = new Map();

function startWorker() {
  worker = new Worker("worker.js", { type: "module" });
  let markReady;
  let markFailed;
  ready = new Promise((resolve, reject) => { markReady = resolve; markFailed = reject; });
  ready.catch(() => {});
  worker.onmessage = ({ data: m }) => {
    if (m.type === "stage") {
      (window.ziTimings.stages ||= {})[m.stage] = performance.now();
      showStage(m.stage);
      if (m.stage === "ready") {
        window.ziTimings.ready = performance.now();
        document.body.dataset.runtime = "ready";
        markReady();
      }
    } else if (m.type === "fatal") {
      showStage("failed", m.message);
      markFailed(new Error(m.message));
    } else if (m.type === "progress") {
      pending.get(m.id)?.progress?.(m);
    } else if (m.type === "result") {
      const job = pending.get(m.id);
      pending.delete(m.id);
      if (!job) return;
      if (m.ok) job.resolve(m.result);
      else job.reject(new Error(m.message));
    }
  };
  worker.onerror = (e) => { showStage("failed", e.message || ""); markFailed(new Error(e.message)); };
  document.body.dataset.runtime = "loading";
}

function call(cmd, args = {}, progress = null) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, progress });
    worker.postMessage({ ...args, cmd, id });
  });
}

function stopWorker() {
  worker.terminate();
  for (const job of pending.values()) job.reject(Object.assign(new Error("stopped"), { stopped: true }));
  pending.clear();
  for (const id of ["check-busy", "summary-busy"]) $(id).hidden = true;
  startWorker();
  $("runtime-stage").textContent = t("stopped");
}

function showStage(name, detail = "") {
  const bar = $("runtime-bar");
  const stageText = $("runtime-stage");
  const box = $("runtime");
  box.dataset.stage = name;
  if (name === "failed") {
    stageText.textContent = `${t("stage_failed")}: ${detail}`;
    box.classList.add("failed");
    return;
  }
  bar.value = STAGES.indexOf(name);
  stageText.textContent = name === "ready" ? t("stage_ready") : `${t("stage_" + name)}…`;
  box.classList.toggle("done", name === "ready");
}

async function labelsFor(lang) {
  if (!state.labels[lang]) state.labels[lang] = await call("labels", { lang });
  const labels = state.labels[lang];
  for (const [status, colour] of Object.entries(labels.colours)) {
    if (colour) document.documentElement.style.setProperty(`--${status.replace("_", "-")}`, colour);
  }
  return labels;
}

// ---------------------------------------------------------------- helpers
function today() {
  const d = new Date();  // the page reads the clock, as the CLI does; the library never does
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function download(data, name, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = el("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function showError(id, message) {
  const box = $(id);
  box.textContent = message || "";
  box.hidden = !message;
}

async function busy(prefix, name, job) {
  const box = $(`${prefix}-busy`);
  const text = $(`${prefix}-busy-text`);
  text.textContent = `${t(prefix === "check" ? "checking" : "summarizing")} ${name}…`;
  if (document.body.dataset.runtime !== "ready") text.textContent += ` (${t("waiting")})`;
  box.hidden = false;
  try {
    await ready;
    text.textContent = `${t(prefix === "check" ? "checking" : "summarizing")} ${name}…`;
    return await job();
  } finally {
    box.hidden = true;
  }
}

function failed(error, where) {
  if (error && error.stopped) return;
  showError(where, `${t("bug")}: ${error && error.message || error}`);
}

// ---------------------------------------------------------------- check one plan
async function choosePlan(file) {
  if (!file) return;
  state.plan = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  await runCheck();
}

async function runCheck() {
  if (!state.plan) return;
  const asOf = $("as-of").value || today();
  const year = $("year").value ? Number($("year").value) : null;
  showError("check-error", "");
  try {
    const answer = await busy("check", state.plan.name, async () => {
      const labels = await labelsFor(state.lang);
      const res = await call("check", {
        bytes: state.plan.bytes, name: state.plan.name, as_of: asOf, lang: state.lang, year,
        previous: state.previous,
      });
      return { res, labels };
    });
    state.check = answer.res;
    if (!answer.res.ok) {
      $("check-result").hidden = true;
      $("check-result").replaceChildren();
      showError("check-error", answer.res.error);
      return;
    }
    renderCheck(answer.res, answer.labels);
    window.ziTimings.checked = performance.now();
  } catch (error) {
    failed(error, "check-error");
  }
}

function renderCheck(res, labels) {
  const report = res.report;
  const ctx = { lang: state.lang, labels };
  const box = $("check-result");
  const counts = report.counts;
  const chip = (status) => el("span", { class: "chip", "data-status": status, "aria-hidden": "true" });
  const sev = res.severity_counts;
  box.replaceChildren(
    el("h3", {}, report.file),
    el("dl", { class: "meta" },
      el("dt", {}, t("unit")), el("dd", {}, report.unit || "-"),
      el("dt", {}, t("plan_year")), el("dd", {}, report.plan_year ?? "-"),
      el("dt", {}, t("as_of")), el("dd", {}, report.as_of)),
    el("h3", {}, t("counts_h")),
    el("p", { id: "counts", class: "counts", "data-total": counts.total },
      el("strong", {}, String(counts.total)), ` ${t("actions")}:`),
    el("ul", { class: "counts", "aria-label": t("counts_h") },
      ...COUNT_KEYS.map((k) => el("li", { "data-status": k, "data-count": counts[k] },
        chip(k), `${labels.statuses[k]}: `, el("strong", {}, String(counts[k]))))),
    report.rates ? el("p", { id: "rates" }, `${t("rates")}: ` + [
      [report.rates.all_complete, t("rate_all")], [report.rates.due_complete, t("rate_due")],
    ].filter(([v]) => v != null).map(([v, words]) => `${Math.round(v * 100)}% ${words}`).join(", ")) : null,
    el("p", { id: "severities", "data-error": sev.error, "data-warning": sev.warning, "data-info": sev.info },
      `${t("findings_count")}: ` + ["error", "warning", "info"]
        .map((s) => `${sev[s]} ${labels.severities[s]}`).join(", ")),
    el("div", { class: "downloads" },
      el("button", { type: "button", id: "download-status", onclick: downloadStatus }, t("download_status")),
      el("button", { type: "button", id: "download-json", onclick: downloadJson }, t("download_json"))),
    ...extraSections({ ...report, follow_up: res.follow_up }, ctx),
    statusTable(res, ctx),
    findingsTable(report, ctx),
  );
  box.hidden = false;
}

function statusOf(row, dueSoon) {
  return row.status === "not_due" && dueSoon ? "due_soon" : row.status;
}

function statusTable(res, ctx) {
  const { labels } = ctx;
  const report = res.report;
  const cols = labels.columns;
  const lke = report.rows.some((r) => r.lke);  // LKE question per action, when the report has it
  const byRow = new Map();
  for (const f of report.findings) {
    const key = `${f.sheet}!${f.row}`;
    if (!byRow.has(key)) byRow.set(key, []);
    byRow.get(key).push(f);
  }
  const rows = report.rows.map((row, i) => {
    const status = statusOf(row, res.due_soon[i]);
    const findings = byRow.get(`${row.sheet}!${row.row}`) || [];
    const links = row.links.length
      ? row.links.map((u) => el("a", { href: u, rel: "noopener noreferrer", target: "_blank" }, u))
      : [row.link_text || "-"];
    return el("tr", { "data-status": status, "data-area": row.area || "-", "data-row": `${row.sheet}!${row.row}` },
      el("td", {}, row.area || "-"),
      el("td", {}, row.no),
      el("td", {}, row.indicator),
      lke ? el("td", { class: "nowrap" }, row.lke ? row.lke.code || "" : "") : null,
      el("td", {}, row.action),
      el("td", {}, row.evidence),
      el("td", { class: "links" }, ...links.flatMap((a, j) => (j ? [el("br"), a] : [a]))),
      el("td", {}, row.target.text),
      el("td", { class: "nowrap" }, row.target.deadline || ""),
      el("td", { class: "status" }, labels.statuses[status]),
      el("td", {}, [...new Set(findings.map((f) => labels.findings[f.code] || f.code))].join("; ")));
  });
  const heads = ["area", "no", "indicator", "action", "evidence", "link", "target", "deadline", "status", "findings"];
  if (lke) heads.splice(3, 0, "lke");
  const tbody = el("tbody", {}, ...rows);
  const shown = el("span", { "aria-live": "polite", class: "shown" });
  const status = select("filter-status", t("filter_status"),
    [["", t("all")], ...STATUS_ORDER.map((s) => [s, labels.statuses[s]])]);
  const area = select("filter-area", t("filter_area"),
    [["", t("all")], ...Object.entries(labels.areas).map(([n, name]) => [n, `${n} ${name}`]), ["-", labels.no_area]]);
  const text = el("input", { type: "search", id: "filter-text" });
  const apply = () => {
    const needle = text.value.trim().toLowerCase();
    let n = 0;
    for (const tr of tbody.rows) {
      const ok = (!status.value || tr.dataset.status === status.value)
        && (!area.value || tr.dataset.area === area.value)
        && (!needle || tr.textContent.toLowerCase().includes(needle));
      tr.hidden = !ok;
      n += ok ? 1 : 0;
    }
    shown.textContent = `${n} ${t("shown")}`;
  };
  for (const control of [status, area]) control.addEventListener("change", apply);
  text.addEventListener("input", apply);
  apply();
  return el("section", { class: "table-section", "aria-labelledby": "table-h" },
    el("h3", { id: "table-h" }, t("table_h")),
    el("div", { class: "filters" },
      el("label", { for: "filter-status" }, t("filter_status")), status,
      el("label", { for: "filter-area" }, t("filter_area")), area,
      el("label", { for: "filter-text" }, t("filter_text")), text, shown),
    el("div", { class: "scroll", tabindex: "0", role: "region", "aria-labelledby": "table-h" },
      el("table", { id: "status-table" },
        el("thead", {}, el("tr", {}, ...heads.map((h) => el("th", { scope: "col" }, cols[h] || "LKE")))),
        tbody)));
}

function select(id, _label, options) {
  return el("select", { id }, ...options.map(([value, text]) => el("option", { value }, text)));
}

function findingsTable(report, ctx) {
  const { labels } = ctx;
  const cols = labels.columns;
  if (!report.findings.length) {
    return el("section", {}, el("h3", {}, t("findings_h")), el("p", {}, t("no_findings")));
  }
  const tbody = el("tbody", {}, ...report.findings.map((f) => el("tr", {
    "data-code": f.code, "data-severity": f.severity, "data-cell": f.column ? `${f.sheet}!${f.column}${f.row}` : `${f.sheet}!${f.row}`,
  },
    el("td", { class: "nowrap" }, f.row ? `${f.sheet}!${f.column || ""}${f.row}` : labels.whole_plan),
    el("td", { class: `sev sev-${f.severity}` }, labels.severities[f.severity]),
    el("td", {}, el("code", {}, f.code), " ", labels.findings[f.code] || ""),
    el("td", {}, f.message))));
  const sev = select("filter-severity", t("filter_severity"),
    [["", t("all")], ...["error", "warning", "info"].map((s) => [s, labels.severities[s]])]);
  sev.addEventListener("change", () => {
    for (const tr of tbody.rows) tr.hidden = !!sev.value && tr.dataset.severity !== sev.value;
  });
  return el("section", { class: "table-section", "aria-labelledby": "findings-h" },
    el("h3", { id: "findings-h" }, t("findings_h")),
    el("div", { class: "filters" }, el("label", { for: "filter-severity" }, t("filter_severity")), sev),
    el("div", { class: "scroll", tabindex: "0", role: "region", "aria-labelledby": "findings-h" },
      el("table", { id: "findings-table" },
        el("thead", {}, el("tr", {}, ...["cell", "severity", "code", "message"].map((h) => el("th", { scope: "col" }, cols[h] || h)))),
        tbody)));
}

function stem(name) {
  return name.replace(/\.[^.]*$/, "");
}

async function downloadStatus() {
  try {
    download(await call("status_workbook"), `status_${stem(state.plan.name)}.xlsx`, XLSX);
  } catch (error) { failed(error, "check-error"); }
}

async function downloadJson() {
  try {
    download(await call("report_json"), `${stem(state.plan.name)}.json`, "application/json");
  } catch (error) { failed(error, "check-error"); }
}

// ---------------------------------------------------------------- many plans
async function chooseSummary(fileList, folder) {
  const files = [...fileList];
  if (!files.length) return;
  state.summaryFiles = await Promise.all(files.map(async (f) =>
    [folder && f.webkitRelativePath ? f.webkitRelativePath : f.name, new Uint8Array(await f.arrayBuffer())]));
  await runSummary();
}

async function runSummary() {
  if (!state.summaryFiles) return;
  const asOf = $("summary-as-of").value || today();
  showError("summary-error", "");
  const bar = $("summary-bar");
  const text = $("summary-busy-text");
  try {
    const answer = await busy("summary", "", async () => {
      const labels = await labelsFor(state.lang);
      const res = await call("summary", { files: state.summaryFiles, as_of: asOf, lang: state.lang }, (p) => {
        bar.max = Math.max(p.total, 1);
        bar.value = p.done;
        text.textContent = `${t("summarizing")} ${p.done}/${p.total}${p.name ? `: ${p.name}` : ""}`;
      });
      return { res, labels };
    });
    state.summary = answer.res;
    if (!answer.res.ok) {
      $("summary-result").hidden = true;
      $("summary-result").replaceChildren();
      showError("summary-error", t("no_plans"));
      return;
    }
    renderSummary(answer.res, answer.labels);
  } catch (error) {
    failed(error, "summary-error");
  }
}

function rate(counts) {
  return counts.total ? Math.round((100 * counts.complete) / counts.total) : null;
}

function renderSummary(res, labels) {
  const summary = res.summary;
  const read = summary.offices.filter((o) => o.counts)
    .sort((a, b) => (rate(b.counts) ?? -1) - (rate(a.counts) ?? -1) || a.file.localeCompare(b.file));
  const keys = ["complete", "overdue", "needs_fix", "not_due"];
  const heads = [t("rank"), t("unit"), t("file"), t("plan_year"), ...keys.map((k) => labels.statuses[k]), t("total"), t("completion")];
  const rows = read.map((o, i) => el("tr", { "data-file": o.file },
    el("td", {}, String(i + 1)), el("td", {}, o.label || o.unit || "-"), el("td", {}, o.file),
    el("td", {}, o.plan_year ?? "-"),
    ...keys.map((k) => el("td", { class: "num", "data-key": k }, String(o.counts[k]))),
    el("td", { class: "num", "data-key": "total" }, String(o.counts.total)),
    el("td", { class: "num" }, rate(o.counts) == null ? "-" : `${rate(o.counts)}%`)));
  const files = (summary.files || []).map((f) => el("tr", { "data-path": f.path, "data-status": f.status, class: `file-${f.status}` },
    el("td", {}, f.path), el("td", {}, labels.file_statuses[f.status] || f.status), el("td", {}, f.reason || "")));
  $("summary-result").replaceChildren(
    el("p", { id: "summary-line" }, `${summary.as_of} · ${res.read} ${t("plans_read")} · ${res.failed} ${t("plans_failed")}`),
    el("div", { class: "downloads" },
      el("button", { type: "button", id: "download-summary", onclick: downloadSummary }, t("download_summary"))),
    el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": t("summary_h") },
      el("table", { id: "summary-table" },
        el("thead", {}, el("tr", {}, ...heads.map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, ...rows))),
    files.length ? el("h3", { id: "files-h" }, t("files_h")) : null,
    files.length ? el("div", { class: "scroll", tabindex: "0", role: "region", "aria-labelledby": "files-h" },
      el("table", { id: "files-table" },
        el("thead", {}, el("tr", {}, ...[t("file"), t("file_status"), t("file_reason")].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, ...files))) : null,
  );
  $("summary-result").hidden = false;
}

async function downloadSummary() {
  try {
    download(await call("summary_workbook"), "ringkasan.xlsx", XLSX);
  } catch (error) { failed(error, "summary-error"); }
}

// ---------------------------------------------------------------- template
async function downloadTemplate(event) {
  event.preventDefault();
  showError("template-error", "");
  const year = $("template-year").value ? Number($("template-year").value) : null;
  try {
    await ready;
    const data = await call("template", { year, unit: $("template-unit").value, lang: state.lang });
    download(data, "rencana_aksi.xlsx", XLSX);
  } catch (error) { failed(error, "template-error"); }
}

// ---------------------------------------------------------------- language
function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.title = t("title");
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-label]")) {
    node.setAttribute("aria-label", t(node.dataset.i18nLabel));
  }
  $("lang").setAttribute("lang", state.lang === "id" ? "en" : "id");
  const stage = $("runtime").dataset.stage;
  if (stage && stage !== "failed") showStage(stage);
}

async function switchLanguage() {
  state.lang = state.lang === "id" ? "en" : "id";
  applyLanguage();
  if (state.plan) await runCheck();
  if (state.summaryFiles) await runSummary();
  document.body.dataset.lang = state.lang;  // everything on the page is now in this language
}

// ---------------------------------------------------------------- wiring
function wire() {
  $("as-of").value = today();
  $("summary-as-of").value = today();
  $("template-year").value = String(new Date().getFullYear());
  $("plan").addEventListener("change", (e) => choosePlan(e.target.files[0]));
  $("as-of").addEventListener("change", runCheck);
  $("year").addEventListener("change", runCheck);
  $("previous").addEventListener("change", async (e) => {
    const file = e.target.files[0];
    state.previous = file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
    await runCheck();
  });
  $("summary-files").addEventListener("change", (e) => chooseSummary(e.target.files, false));
  $("summary-folder").addEventListener("change", (e) => chooseSummary(e.target.files, true));
  $("summary-as-of").addEventListener("change", runSummary);
  $("template-form").addEventListener("submit", downloadTemplate);
  $("lang").addEventListener("click", switchLanguage);
  for (const button of document.querySelectorAll(".stop")) button.addEventListener("click", stopWorker);
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    choosePlan(e.dataTransfer.files[0]);
  });
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("sw.js").catch(() => {});
  }
}

startWorker();
wire();
applyLanguage();
