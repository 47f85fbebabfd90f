// Parts of the report that other features add to Report.to_dict() (the Tindak Lanjut
// list, the changes since last month, the LKE coverage) render here, so the page shows
// them as soon as the JSON has them. A key listed in SECTIONS gets its title (and, if
// given, its own renderer); any other new key gets the generic rendering below.
import { el } from "./dom.js";

// The keys the page draws itself (counts, status table, findings).
export const CORE_KEYS = new Set([
  "schema", "file", "as_of", "plan_year", "unit", "sha256", "counts", "rates", "rows", "findings",
]);

export const SECTIONS = [
  { key: "follow_up", title: { id: "Tindak Lanjut", en: "Follow-up" }, render: renderFollowUp },
  {
    key: "changes",
    title: { id: "Perubahan sejak bulan lalu", en: "Changes since last month" },
    render: renderChanges,
  },
  { key: "lke", title: { id: "Cakupan LKE", en: "LKE coverage" }, render: renderLke },
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

// The status workbook's Tindak Lanjut sheet (what to do first), as the library groups it:
// each group's title, then one row per action with its PIC and every problem.
function renderFollowUp(value, ctx) {
  if (!value.groups.length) return el("p", {}, "-");
  return el("div", { class: "scroll" }, el("table", { id: "follow-up" },
    el("thead", {}, el("tr", {}, ...value.headers.map((h) => el("th", { scope: "col" }, h)))),
    ...value.groups.map((g) => el("tbody", { "data-group": g.group },
      el("tr", { class: "group" }, el("th", { scope: "rowgroup", colspan: String(value.headers.length) },
        `${g.title} (${g.rows.length})`)),
      ...g.rows.map((r) => el("tr", { "data-group": g.group }, ...r.map((c) => el("td", {}, c))))))));
}

// validate --previous: the zi-workbook/changes/1 contract, with the library's words.
function renderChanges(value, ctx) {
  const words = ctx.labels.changes;
  const kinds = ctx.labels.change_kinds;
  const side = (v) => `${v.file} (${v.as_of})`;
  const counted = Object.entries(value.counts).filter(([, n]) => n > 0);
  const shown = (obj) => Object.entries(obj || {})
    .map(([k, v]) => `${head(k, ctx)}: ${k === "status" ? ctx.labels.statuses[v] || v : cellText(v, ctx)}`)
    .join("; ") || words.gone;
  return el("div", { class: "changes" },
    el("p", {}, `${words.compared}: ${words.version_old} ${side(value.old)} → ${words.version_new} ${side(value.new)}`),
    counted.length
      ? el("ul", { class: "change-counts", "data-changes": value.changes.length },
        ...counted.map(([k, n]) => el("li", { "data-kind": k, "data-count": n },
          `${kinds[k] || words[k] || k}: `, el("strong", {}, String(n)))))
      : el("p", {}, words.no_changes),
    value.findings.length
      ? el("ul", { class: "change-findings" },
        ...value.findings.map((f) => el("li", { class: `sev-${f.severity}`, "data-code": f.code },
          `${ctx.labels.severities[f.severity]}: ${f.message}`)))
      : null,
    value.changes.length
      ? el("div", { class: "scroll" }, el("table", { class: "changes-table" },
        el("thead", {}, el("tr", {}, ...["change", "area", "action", "old_row", "new_row", "before", "after"]
          .map((k) => el("th", { scope: "col" }, words[k] || head(k, ctx))))),
        el("tbody", {}, ...value.changes.map((c) => el("tr", { "data-kind": c.kind },
          el("td", {}, kinds[c.kind] || c.kind), el("td", {}, c.area || "-"), el("td", {}, c.action),
          el("td", {}, c.old_row ?? "-"), el("td", {}, c.new_row ?? "-"),
          el("td", {}, shown(c.before)), el("td", {}, shown(c.after)))))))
      : null);
}

// The LKE coverage (report "lke"): how many LKE questions the plan answers, per area,
// and the most the plan can score next to the WBK and WBBM minimums.
const LKE_WORDS = {
  id: {
    questions: "pertanyaan LKE", planned: "punya langkah aksi", complete: "selesai",
    none: "tanpa langkah aksi", weight: "Bobot", ceiling: "Nilai tertinggi rencana",
    min: "Minimum", pengungkit: "Komponen pengungkit", below: "di bawah minimum",
  },
  en: {
    questions: "LKE questions", planned: "with an action", complete: "complete",
    none: "with no action", weight: "Weight", ceiling: "The plan's highest score",
    min: "Minimum", pengungkit: "Enablers (pengungkit)", below: "below the minimum",
  },
};

function renderLke(value, ctx) {
  const w = LKE_WORDS[ctx.lang] || LKE_WORDS.id;
  const cov = value.coverage || {};
  const ceiling = value.ceiling || {};
  const mins = value.minimums || {};
  const below = value.below_minimum || {};
  const grades = Object.keys(mins);
  const fmt = (v) => (v == null ? "-" : String(Math.round(v * 100) / 100));
  const areas = Object.entries(cov.areas || {});
  return el("div", { class: "lke" },
    el("p", { id: "lke-line" },
      `${cov.questions} ${w.questions}: ${cov.planned} ${w.planned}, ${cov.complete} ${w.complete}, ${cov.none} ${w.none}.`),
    ceiling.pengungkit != null ? el("p", {},
      `${w.pengungkit}: ${w.ceiling} ${fmt(ceiling.pengungkit)}; ` +
      grades.map((g) => `${w.min} ${g} ${fmt(mins[g].pengungkit)}`).join(", ")) : null,
    el("div", { class: "scroll" }, el("table", { id: "lke-table" },
      el("thead", {}, el("tr", {},
        ...[ctx.labels.columns.area, w.weight, w.ceiling, ...grades.map((g) => `${w.min} ${g}`),
          w.questions, w.planned, w.complete, w.none].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, ...areas.map(([n, a]) => {
        const low = grades.filter((g) => (below[g] || []).includes(n));
        return el("tr", { "data-area": n, class: low.length ? "below" : "" },
          el("td", {}, `${n} ${ctx.labels.areas[n] || ""}`),
          el("td", { class: "num" }, fmt(a.weight)),
          el("td", { class: "num" }, fmt((ceiling.areas || {})[n]) + (low.length ? ` (${w.below} ${low.join(", ")})` : "")),
          ...grades.map((g) => el("td", { class: "num" }, fmt((mins[g].areas || {})[n]))),
          el("td", { class: "num" }, String(a.questions)), el("td", { class: "num" }, String(a.planned)),
          el("td", { class: "num" }, String(a.complete)), el("td", { class: "num" }, String(a.none)));
      })))));
}
