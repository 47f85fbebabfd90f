// Parts of the report that other features add to Report.to_dict() (the Tindak Lanjut
// list, the changes since last month, the LKE coverage) render here, so the page shows
// them as soon as the JSON has them. A key listed in SECTIONS gets its title (and, if
// given, its own renderer); any other new key gets the generic rendering below.
import { el } from "./dom.js";

// The keys the page draws itself (counts, status table, findings).
export const CORE_KEYS = new Set([
  "schema", "file", "as_of", "plan_year", "unit", "sha256", "counts", "rows", "findings",
]);

export const SECTIONS = [
  { key: "follow_up", title: { id: "Tindak Lanjut", en: "Follow-up" } },
  { key: "tindak_lanjut", title: { id: "Tindak Lanjut", en: "Follow-up" } },
  { key: "changes", title: { id: "Perubahan sejak bulan lalu", en: "Changes since last month" } },
  { key: "lke", title: { id: "Cakupan LKE", en: "LKE coverage" } },
  { key: "lke_coverage", title: { id: "Cakupan LKE", en: "LKE coverage" } },
];

export function extraSections(report, ctx) {
  const keys = Object.keys(report).filter((k) => !CORE_KEYS.has(k) && report[k] != null);
  const order = SECTIONS.map((s) => s.key);
  keys.sort((a, b) => rank(order, a) - rank(order, b));
  return keys.map((key) => {
    const spec = SECTIONS.find((s) => s.key === key) || {};
    const title = spec.title ? spec.title[ctx.lang] : (ctx.labels.columns[key] || key);
    const body = (spec.render || generic)(report[key], ctx);
    return el("section", { class: "extra", "data-key": key, "aria-label": title },
      el("h3", {}, title), body);
  });
}

function rank(order, key) {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

function head(key, ctx) {
  return ctx.labels.columns[key] || key;
}

export function cellText(value, ctx) {
  if (value == null) return "";
  if (Array.isArray(value)) return value.map((v) => cellText(v, ctx)).join("; ");
  if (typeof value === "object") {
    return Object.entries(value).map(([k, v]) => `${head(k, ctx)}: ${cellText(v, ctx)}`).join(", ");
  }
  if (typeof value === "string" && ctx.labels.statuses[value]) return ctx.labels.statuses[value];
  return String(value);
}

// A list of records becomes a table, a mapping a two-column table, anything else a line.
function generic(value, ctx) {
  if (Array.isArray(value) && value.every((v) => v && typeof v === "object" && !Array.isArray(v))) {
    const cols = [...new Set(value.flatMap((v) => Object.keys(v)))];
    return el("div", { class: "scroll" }, el("table", {},
      el("thead", {}, el("tr", {}, ...cols.map((c) => el("th", { scope: "col" }, head(c, ctx))))),
      el("tbody", {}, ...value.map((v) =>
        el("tr", { "data-status": v.status || "" }, ...cols.map((c) => el("td", {}, cellText(v[c], ctx))))))));
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return el("table", {}, el("tbody", {}, ...Object.entries(value).map(([k, v]) =>
      el("tr", {}, el("th", { scope: "row" }, head(k, ctx)), el("td", {}, cellText(v, ctx))))));
  }
  return el("p", {}, cellText(value, ctx));
}
