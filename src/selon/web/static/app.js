/* selon explorer. Article text is untrusted: this script only ever puts it in
   the page through textContent / createTextNode / setAttribute on safe
   attributes (never through an HTML parser), and links only http(s) URLs. */
"use strict";

const EVENT_TYPES = [
  ["VERBAL_COOPERATION", ["AGREE", "CONSULT", "SUPPORT", "REQUEST"]],
  ["MATERIAL_COOPERATION", ["CONCEDE", "COOPERATE", "AID", "RETREAT"]],
  ["VERBAL_CONFLICT", ["ACCUSE", "REJECT", "THREATEN"]],
  ["MATERIAL_CONFLICT", ["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]],
];
const ALL_TYPES = EVENT_TYPES.flatMap(([, ts]) => ts);
const SVGNS = "http://www.w3.org/2000/svg";

// -- DOM helpers (text only) ------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k === "href") { const h = safeHref(v); if (h) node.setAttribute("href", h); }
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c) node.append(c);
  return node;
}

/** Only same-origin paths and http(s) URLs become links; javascript:, data:… never do. */
function safeHref(value) {
  if (typeof value !== "string") return null;
  if (value.startsWith("/") && !value.startsWith("//")) return value;
  try {
    const u = new URL(value, location.origin);
    return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
  } catch (e) { return null; }
}

/** Let the keyboard reach what the mouse can click (Enter or Space). */
function keyboardClickable(root) {
  root.querySelectorAll(".clickable, .evidence").forEach((node) => {
    node.tabIndex = 0;
    node.setAttribute("role", "button");
    node.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); node.click(); }
    });
  });
}

function chip(type) { return el("span", { class: `chip t-${type}`, text: type }); }
function badge(text, cls) { return el("span", { class: `badge ${cls || ""}`, text }); }
function actorName(a) { return a ? (a.name || a.id) : null; }

async function api(path, params, options) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  }
  const res = await fetch(url, options);
  let data = null;
  try { data = await res.json(); } catch (e) { /* not JSON */ }
  if (!res.ok) {
    const msg = data && data.message ? data.message : `${res.status} ${res.statusText}`;
    throw new Error(typeof msg === "string" ? msg : JSON.stringify(msg));
  }
  return data;
}

function showError(container, err) {
  container.prepend(el("div", { class: "error", role: "alert", text: String(err.message || err) }));
}

// -- tooltip --------------------------------------------------------------

const tooltip = () => document.getElementById("tooltip");
function showTip(evt, nodes) {
  const tip = tooltip();
  tip.replaceChildren(...nodes);
  tip.hidden = false;
  moveTip(evt);
}
function moveTip(evt) {
  const tip = tooltip();
  const x = Math.min(evt.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
  const y = evt.clientY + 16 + tip.offsetHeight > window.innerHeight
    ? evt.clientY - tip.offsetHeight - 10 : evt.clientY + 16;
  tip.style.left = `${Math.max(4, x)}px`;
  tip.style.top = `${Math.max(4, y)}px`;
}
function hideTip() { tooltip().hidden = true; }

// -- legend -----------------------------------------------------------------

function legend(present) {
  const groups = EVENT_TYPES.map(([quad, types]) => el("div", { class: "group", title: quad },
    types.filter((t) => !present || present.has(t)).map((t) =>
      el("span", { class: `t-${t}` }, el("span", { class: "sw" }), t))));
  return el("div", { class: "legend", "data-testid": "legend" }, el("span", { class: "muted", text: "Event types:" }), groups);
}

function marksLegend() {
  return el("div", { class: "legend legend-marks" },
    el("span", { class: "mark-sample hl-event t-ASSAULT" }, "event trigger"),
    el("span", { class: "mark-sample hl-actor" }, "actor"),
    el("span", { class: "mark-sample hl-quote" }, "quote"),
    el("span", { class: "mark-sample hl-claim" }, "claim frame"),
    el("span", { class: "mark-sample hl-claim claim-hedged" }, "hedged frame"),
    el("span", { class: "mark-sample hl-evidence" }, "signal evidence"),
    el("span", { class: "mark-sample hl-dropped" }, "dropped boilerplate"));
}

// -- article view -------------------------------------------------------------

/** Every highlight of a record as {start, end, kind, i, item, cls}. */
function spansOf(record) {
  const spans = [];
  const add = (kind, i, item, start, end, cls) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) {
      spans.push({ kind, i, item, start, end, cls });
    }
  };
  (record.events || []).forEach((e, i) => add("event", i, e, e.trigger.start, e.trigger.end,
    ["hl-event", `t-${e.type}`, e.status === "negated" ? "neg" : ""]));
  (record.quotes || []).forEach((q, i) => add("quote", i, q, q.start, q.end, ["hl-quote"]));
  (record.claims || []).forEach((c, i) => add("claim", i, c, c.start, c.end,
    ["hl-claim", c.hedged ? "claim-hedged" : ""]));
  (record.actors || []).forEach((a, i) => add("actor", i, a, a.start, a.end, ["hl-actor"]));
  (record.dropped || []).forEach((d, i) => add("dropped", i, d, d.start, d.end, ["hl-dropped"]));
  ((record.quality || {}).signals || []).forEach((s, i) => (s.evidence || []).forEach((ev) =>
    add("signal", i, s, ev.start, ev.end, ["hl-evidence"])));
  return spans;
}

/** The text split at every span boundary; each piece carries the classes of the
    spans that cover it, so nested and overlapping spans all show. */
function highlightedText(record, onHover, onClick) {
  const text = record.text || "";
  const spans = spansOf(record);
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.min(s.start, text.length)); cuts.add(Math.min(s.end, text.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  const root = el("div", { class: "article-text", "data-testid": "article-text" });
  const anchored = new Set();
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    const piece = text.slice(a, b);
    const active = spans.filter((s) => s.start <= a && s.end >= b);
    if (!active.length) { root.append(document.createTextNode(piece)); continue; }
    const classes = new Set(["seg"]);
    // the innermost (shortest) event gives the colour
    const events = active.filter((s) => s.kind === "event").sort((x, y) => (x.end - x.start) - (y.end - y.start));
    for (const s of active) {
      if (s.kind === "event" && s !== events[0]) continue;
      s.cls.filter(Boolean).forEach((c) => classes.add(c));
    }
    const node = el("span", { class: [...classes].join(" ") }, piece);
    node.dataset.refs = active.map((s) => `${s.kind}:${s.i}`).join(" ");
    for (const s of events) {
      if (!anchored.has(s.i)) { anchored.add(s.i); node.id = node.id || `ev-${s.i}`; }
    }
    node.addEventListener("mouseenter", (evt) => onHover(evt, active));
    node.addEventListener("mousemove", moveTip);
    node.addEventListener("mouseleave", hideTip);
    node.addEventListener("click", () => onClick(active));
    root.append(node);
  }
  return root;
}

function actorLine(a) {
  if (!a) return "—";
  return [a.name || a.id, a.country ? ` (${a.country}${a.kind ? ", " + a.kind : ""})` : ""].join("");
}

/** A short description of one highlighted item, as DOM (for tooltip and side panel). */
function describe(kind, item) {
  const rows = [];
  const row = (k, v) => { if (v !== null && v !== undefined && v !== "") rows.push(el("dt", { text: k }), el("dd", {}, v)); };
  let head;
  if (kind === "event") {
    head = el("div", {}, chip(item.type), " ", el("b", { text: `« ${item.trigger.text} »` }));
    row("quad", item.quad); row("mode", item.mode);
    row("status", item.status + (item.hedged ? " · hedged" : ""));
    row("source", actorLine(item.source)); row("target", actorLine(item.target));
    row("claimed by", item.claimed_by ? actorLine(item.claimed_by) : "the outlet (no attribution)");
    if ((item.claim_chain || []).length > 1) row("chain", item.claim_chain.map(actorName).join(" ← "));
    if (item.date) row("date", `${item.date.value || "?"} (« ${item.date.text} »)`);
    if (item.location) row("location", item.location.text);
  } else if (kind === "quote") {
    head = el("b", { text: item.fragment ? "Quoted term" : "Quote" });
    row("speaker", actorLine(item.speaker)); row("verb", item.verb);
  } else if (kind === "claim") {
    head = el("b", { text: item.hedged ? "Claim frame (hedged)" : "Claim frame" });
    row("claimant", item.claimant ? actorLine(item.claimant) : "unnamed");
    row("cue", item.cue);
  } else if (kind === "actor") {
    head = el("b", { text: `Actor: ${item.name}` });
    row("id", item.id); row("country", item.country); row("kind", item.kind); row("wikidata", item.wikidata);
  } else if (kind === "dropped") {
    head = el("b", { text: "Dropped boilerplate" });
    row("reason", item.reason);
  } else if (kind === "signal") {
    head = el("b", { text: `Reliability signal: ${item.name}` });
    row("score", Number(item.score).toFixed(2));
  }
  return el("div", { class: "item" }, head, el("dl", {}, rows));
}

function renderRecord(record, container) {
  const itemsOf = {
    event: record.events || [], quote: record.quotes || [], claim: record.claims || [],
    actor: record.actors || [], dropped: record.dropped || [],
    signal: (record.quality || {}).signals || [],
  };
  const detail = el("div", { class: "detail", "data-testid": "selection" },
    el("p", { class: "muted small", text: "Hover a highlight for its record; click to pin it here." }));
  const onHover = (evt, active) => showTip(evt, active.map((s) => {
    const d = describe(s.kind, s.item); d.className = "tt-item"; return d;
  }));
  const onClick = (active) => detail.replaceChildren(...active.map((s) => describe(s.kind, s.item)));
  const textNode = highlightedText(record, onHover, onClick);

  const flash = (selector) => {
    const nodes = textNode.querySelectorAll(selector);
    nodes.forEach((n) => n.classList.add("flash"));
    if (nodes[0]) nodes[0].scrollIntoView({ block: "center", behavior: "smooth" });
    setTimeout(() => nodes.forEach((n) => n.classList.remove("flash")), 1600);
  };
  const refSel = (kind, i) => `[data-refs~="${kind}:${i}"]`;

  const present = new Set(itemsOf.event.map((e) => e.type));
  const meta = el("div", { class: "muted" },
    [record.outlet, record.published, record.id && `id ${record.id}`].filter(Boolean).join(" · "));
  const link = safeHref(record.url) ? el("a", { href: record.url, rel: "noopener noreferrer", target: "_blank" }, record.url)
    : (record.url ? el("span", { class: "muted", title: "not an http(s) link" }, record.url) : null);
  const layers = el("div", { class: "layers" }, ["actors", "quotes", "claims", "dropped"].map((name) =>
    el("label", {}, el("input", { type: "checkbox", checked: true, onchange: (e) =>
      textNode.classList.toggle(`layer-off-${name}`, !e.target.checked) }), ` ${name}`)));

  const errors = (record.errors || []).map((e) => el("div", { class: "error", text: `${e.stage || "error"}: ${e.message}` }));

  const eventsList = el("ul", { class: "list", "data-testid": "events-list" }, itemsOf.event.map((e, i) =>
    el("li", { class: "clickable", onclick: () => { flash(refSel("event", i)); onClick([{ kind: "event", item: e }]); } },
      chip(e.type), " ", el("b", { text: e.trigger.text }), " ",
      el("span", { class: "muted", text: `${actorName(e.source) || "?"} → ${actorName(e.target) || "?"}` }),
      e.claimed_by ? el("div", { class: "small muted", text: `claimed by ${actorName(e.claimed_by)}` }) : null,
      e.status !== "occurred" ? badge(e.status, e.status) : null, e.hedged ? badge("hedged", "hedged") : null)));
  const q = record.quality || {};
  const signals = el("ul", { class: "list", "data-testid": "signals" }, (q.signals || []).map((s, i) =>
    el("li", { class: "signal" }, el("b", { text: s.name }), " ", el("span", { class: "muted", text: Number(s.score).toFixed(2) }),
      el("div", { class: "bar" }, el("span", { style: null, "data-w": s.score })),
      (s.evidence || []).map((ev) => el("div", { class: "evidence", title: "show in the text",
        onclick: () => flash(refSel("signal", i)) }, ev.text)))));
  signals.querySelectorAll(".bar > span").forEach((b) => { b.style.width = `${Math.round(100 * Math.min(1, Number(b.dataset.w) || 0))}%`; });
  const scores = el("div", { class: "small muted" },
    `language ${q.language || "?"}${q.language_confidence != null ? " (" + Number(q.language_confidence).toFixed(2) + ")" : ""}` +
    ` · machine translation ${Number(q.machine_translation || 0).toFixed(2)} · content farm ${Number(q.content_farm || 0).toFixed(2)}`);
  const quotes = el("ul", { class: "list" }, itemsOf.quote.map((x, i) =>
    el("li", { class: "clickable", onclick: () => flash(refSel("quote", i)) },
      el("i", { text: `« ${x.text} »` }), el("div", { class: "small muted", text: `— ${actorName(x.speaker) || "unknown speaker"}` }))));
  const dropped = el("ul", { class: "list", "data-testid": "dropped" }, itemsOf.dropped.map((d, i) =>
    el("li", { class: "clickable", onclick: () => flash(refSel("dropped", i)) },
      badge(d.reason), " ", el("span", { class: "muted", text: (record.text || "").slice(d.start, d.end).slice(0, 120) }))));

  container.replaceChildren(
    el("div", { class: "layout-article" },
      el("div", {},
        el("div", { class: "card" },
          el("h1", { "data-testid": "article-title", text: record.title || "(untitled)" }), meta, link,
          errors, el("div", { style: null }, legend(present.size ? present : null)), marksLegend(), layers),
        el("div", { class: "card" }, textNode)),
      el("aside", { class: "side" },
        el("div", { class: "card" }, el("h2", { text: "Selection" }), detail),
        el("div", { class: "card" }, el("h2", { text: `Events (${itemsOf.event.length})` }), eventsList),
        el("div", { class: "card" }, el("h2", { text: "Reliability signals" }), scores, signals),
        itemsOf.quote.length ? el("div", { class: "card" }, el("h2", { text: `Quotes (${itemsOf.quote.length})` }), quotes) : null,
        itemsOf.dropped.length ? el("div", { class: "card" }, el("h2", { text: "Dropped boilerplate" }), dropped) : null)));
  keyboardClickable(container);
  if (location.hash.startsWith("#ev-")) {
    const i = location.hash.slice(4);
    setTimeout(() => flash(refSel("event", i)), 50);
  }
}

async function pageArticle(main, id) {
  const record = await api(`/api/articles/${encodeURIComponent(id)}`);
  document.title = `${record.title || record.id} — selon`;
  renderRecord(record, main);
  // link each event to the other claims about it, when there are any
  const stories = await api(`/api/articles/${encodeURIComponent(id)}/stories`).catch(() => ({ items: [] }));
  const items = main.querySelectorAll("[data-testid=events-list] > li");
  for (const s of stories.items) {
    if (s.n_claims < 2 || !items[s.n]) continue;
    items[s.n].append(el("div", { class: "small" }, el("a", {
      href: `/stories/${encodeURIComponent(s.story_id)}`, "data-testid": "story-link",
      onclick: (e) => e.stopPropagation(),
    }, `${s.n_claims} claims in ${s.n_articles} articles${s.contradiction ? " — contested" : ""} ›`)));
  }
}

// -- explorer -----------------------------------------------------------------

const FILTERS = ["actor", "country", "type", "since", "until", "claimant", "hedged", "status", "outlet"];

function currentFilters() {
  const p = new URLSearchParams(location.search);
  const out = {};
  for (const k of [...FILTERS, "page"]) if (p.get(k)) out[k] = p.get(k);
  return out;
}

function setFilters(values) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) p.set(k, v);
  history.pushState(null, "", `${location.pathname}${p.toString() ? "?" + p : ""}`);
}

function filterForm(values, meta, onApply) {
  const field = (name, label, input) => el("div", {}, el("label", { for: `f-${name}`, text: label }), input);
  const text = (name, placeholder, list) => el("input", { type: "text", id: `f-${name}`, name, value: values[name] || "", placeholder, list });
  const select = (name, options) => el("select", { id: `f-${name}`, name },
    options.map(([v, label]) => el("option", { value: v, selected: (values[name] || "") === v }, label)));
  const form = el("form", { class: "filters card", "data-testid": "filters" },
    el("h2", { text: "Filters" }),
    field("actor", "Actor (source or target)", text("actor", "e.g. Russie", "actor-names")),
    field("country", "Country (ISO alpha-3)", text("country", "e.g. UKR")),
    field("type", "Event type", select("type", [["", "any type"], ...ALL_TYPES.map((t) => [t, t])])),
    field("since", "From date", el("input", { type: "date", id: "f-since", name: "since", value: values.since || "" })),
    field("until", "To date", el("input", { type: "date", id: "f-until", name: "until", value: values.until || "" })),
    field("claimant", "Claimant", text("claimant", "who claims it", "actor-names")),
    field("hedged", "Hedged", select("hedged", [["", "any"], ["true", "hedged only"], ["false", "not hedged"]])),
    field("status", "Status", select("status", [["", "any"], ["occurred", "occurred"], ["planned", "planned"], ["negated", "negated"], ["hypothetical", "hypothetical"]])),
    field("outlet", "Outlet", select("outlet", [["", "any outlet"], ...(meta.outlets || []).map((o) => [o, o])])),
    el("div", { class: "actions" },
      el("button", { type: "submit", "data-testid": "apply" }, "Apply"),
      el("button", { type: "button", class: "secondary", onclick: () => onApply({}) }, "Reset")),
    el("datalist", { id: "actor-names" }));
  form.addEventListener("submit", (evt) => {
    evt.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    onApply(data);
  });
  api("/api/actors", { per_page: 200 }).then((res) => {
    form.querySelector("#actor-names").replaceChildren(...res.items.map((a) => el("option", { value: a.name })));
  }).catch(() => {});
  return form;
}

function timelineChart(items, onPick) {
  if (!items.length) return el("div", { class: "chart-empty", text: "No dated events match." });
  const day = (s) => Date.parse(s.length === 7 ? s + "-01" : s.length === 4 ? s + "-01-01" : s);
  const dates = items.map((x) => x.date).filter((d) => !Number.isNaN(day(d)));
  const lo = Math.min(...dates.map(day)), hi = Math.max(...dates.map(day));
  const nDays = Math.round((hi - lo) / 864e5) + 1;
  // daily up to four months, monthly up to six years, else yearly
  const grain = nDays > 6 * 366 ? "year" : nDays > 120 ? "month" : "day";
  const keyOf = (d) => grain === "year" ? d.slice(0, 4) : grain === "month" ? d.slice(0, 7) : d;
  const buckets = [];
  const a = new Date(lo), b = new Date(hi);
  if (grain === "year") {
    for (let y = a.getUTCFullYear(); y <= b.getUTCFullYear(); y++) buckets.push(String(y));
  } else if (grain === "month") {
    for (let y = a.getUTCFullYear(), m = a.getUTCMonth(); y < b.getUTCFullYear() || (y === b.getUTCFullYear() && m <= b.getUTCMonth()); m = (m + 1) % 12, y += m === 0 ? 1 : 0) {
      buckets.push(`${y}-${String(m + 1).padStart(2, "0")}`);
    }
  } else {
    for (let t = lo; t <= hi; t += 864e5) buckets.push(new Date(t).toISOString().slice(0, 10));
  }
  const counts = new Map(buckets.map((b) => [b, {}]));
  for (const x of items) {
    const b = counts.get(keyOf(x.date));
    if (b) b[x.type] = (b[x.type] || 0) + x.n;
  }
  const max = Math.max(1, ...[...counts.values()].map((c) => Object.values(c).reduce((a, b) => a + b, 0)));
  const W = 640, H = 300, L = 34, B = 26, T = 8;
  const bw = (W - L - 8) / buckets.length;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-label": "events per date by type", "data-testid": "timeline" });
  root.append(svg("line", { class: "axis", x1: L, x2: W - 4, y1: H - B, y2: H - B }));
  for (const v of [0, Math.ceil(max / 2), max]) {
    const y = H - B - (H - B - T) * v / max;
    root.append(svg("text", { x: L - 6, y: y + 4, "text-anchor": "end", text: String(v) }));
  }
  const every = Math.max(1, Math.ceil(buckets.length / 10));
  buckets.forEach((b, i) => {
    let y = H - B;
    const c = counts.get(b);
    for (const t of ALL_TYPES) {
      if (!c[t]) continue;
      const h = (H - B - T) * c[t] / max;
      y -= h;
      const rect = svg("rect", { class: `bar t-${t}`, x: L + i * bw + 1, y, width: Math.max(1, bw - 2), height: h });
      rect.addEventListener("mouseenter", (evt) => showTip(evt, [el("div", {}, el("b", { text: b }), " ", chip(t), ` ${c[t]} event${c[t] > 1 ? "s" : ""}`)]));
      rect.addEventListener("mousemove", moveTip);
      rect.addEventListener("mouseleave", hideTip);
      rect.addEventListener("click", () => onPick(b, t));
      root.append(rect);
    }
    if (i % every === 0) root.append(svg("text", { x: L + i * bw + bw / 2, y: H - 8, "text-anchor": "middle", text: grain === "day" ? b.slice(5) : b }));
  });
  return root;
}

function networkChart(data, selected, onPick) {
  if (!data.edges.length) return el("div", { class: "chart-empty", text: "No events with both a source and a target match." });
  const W = 540, H = 400, cx = W / 2, cy = H / 2, R = H / 2 - 50;
  // label the busiest nodes only; the others name themselves on hover
  const labelled = new Set([...data.nodes].sort((a, b) => b.n - a.n).slice(0, 24).map((n) => n.id));
  const nodes = [...data.nodes].sort((a, b) => (a.country || "~").localeCompare(b.country || "~") || a.name.localeCompare(b.name));
  const pos = new Map(nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n.id, { x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a }];
  }));
  const maxN = Math.max(...data.edges.map((e) => e.n));
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-label": "actor network", "data-testid": "network" });
  const defs = svg("defs");
  for (const t of ALL_TYPES) {
    defs.append(svg("marker", { id: `arrow-${t}`, class: `t-${t}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" },
      svg("path", { d: "M0,0 L10,5 L0,10 z", class: "bar" })));
  }
  root.append(defs);
  const radius = (n) => 5 + 9 * Math.sqrt(n.n / Math.max(...nodes.map((x) => x.n)));
  const rOf = new Map(nodes.map((n) => [n.id, radius(n)]));
  for (const e of data.edges) {
    const a = pos.get(e.source), b = pos.get(e.target);
    if (!a || !b) continue;
    const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
    // bend a little so A→B and B→A stay apart
    const mx = (a.x + b.x) / 2 - dy * 0.12, my = (a.y + b.y) / 2 + dx * 0.12;
    const ra = rOf.get(e.source), rb = rOf.get(e.target) + 2;
    const sx = a.x + dx / len * ra, sy = a.y + dy / len * ra;
    const tx = b.x - dx / len * rb, ty = b.y - dy / len * rb;
    const path = svg("path", { class: `edge t-${e.type}`, d: `M${sx},${sy} Q${mx},${my} ${tx},${ty}`, "stroke-width": 1.2 + 4 * e.n / maxN, "marker-end": `url(#arrow-${e.type})` });
    const names = (id) => (data.nodes.find((n) => n.id === id) || {}).name || id;
    path.addEventListener("mouseenter", (evt) => showTip(evt, [el("div", {}, el("b", { text: `${names(e.source)} → ${names(e.target)}` })),
      ...Object.entries(e.types).map(([t, n]) => el("div", {}, chip(t), ` ${n}`))]));
    path.addEventListener("mousemove", moveTip);
    path.addEventListener("mouseleave", hideTip);
    root.append(path);
  }
  for (const n of nodes) {
    const p = pos.get(n.id);
    const circle = svg("circle", { class: `node${selected && (selected === n.id || selected === n.name) ? " selected" : ""}`, cx: p.x, cy: p.y, r: rOf.get(n.id) });
    circle.addEventListener("click", () => onPick(n));
    circle.addEventListener("mouseenter", (evt) => showTip(evt, [el("div", {}, el("b", { text: n.name }), ` ${n.country || ""} · ${n.n} events`), el("div", { class: "small", text: n.id })]));
    circle.addEventListener("mousemove", moveTip);
    circle.addEventListener("mouseleave", hideTip);
    const right = Math.cos(p.a) >= -0.01;
    const lx = p.x + Math.cos(p.a) * (rOf.get(n.id) + 6), ly = p.y + Math.sin(p.a) * (rOf.get(n.id) + 6) + 4;
    root.append(circle);
    if (labelled.has(n.id)) root.append(svg("text", { class: "node-label", x: lx, y: ly, "text-anchor": right ? "start" : "end", text: n.name }));
  }
  return root;
}

function pager(res, onPage) {
  return el("div", { class: "pager" },
    el("span", { class: "muted", text: `${res.total} result${res.total === 1 ? "" : "s"} · page ${res.page} of ${res.pages}` }),
    el("button", { class: "secondary", disabled: res.page <= 1, onclick: () => onPage(res.page - 1) }, "‹ Previous"),
    el("button", { class: "secondary", disabled: !res.next_page, onclick: () => onPage(res.next_page) }, "Next ›"));
}

function eventsTable(res) {
  const rows = res.items.map((e) => el("tr", { "data-testid": "event-row" },
    el("td", { class: "nowrap", text: e.date || "" }),
    el("td", {}, chip(e.type)),
    el("td", {}, el("b", { text: actorName(e.source) || "?" }), " → ", el("b", { text: actorName(e.target) || "?" })),
    el("td", {}, el("span", { text: e.trigger.text }), e.status !== "occurred" ? badge(e.status, e.status) : null, e.hedged ? badge("hedged", "hedged") : null),
    el("td", { text: actorName(e.claimed_by) || "—" }),
    el("td", {}, el("a", { href: `/articles/${encodeURIComponent(e.article_id)}#ev-${e.n}`, "data-testid": "article-link" }, e.title || e.article_id),
      el("div", { class: "small muted", text: e.outlet || "" }))));
  return el("table", { "data-testid": "events-table" },
    el("thead", {}, el("tr", {}, ["Date", "Type", "Source → target", "Trigger", "Claimed by", "Article"].map((h) => el("th", { text: h })))),
    el("tbody", {}, rows));
}

async function pageExplorer(main) {
  const meta = await api("/api/meta");
  const content = el("div", {});
  const draw = async () => {
    const values = currentFilters();
    const params = { ...values };
    const [events, tl, net] = await Promise.all([
      api("/api/events", { ...params, per_page: 25 }),
      api("/api/events/timeline", { ...params, page: null }),
      api("/api/events/network", { ...params, page: null, limit: 60 }),
    ]);
    const apply = (v) => { setFilters(v); draw().catch((err) => showError(main, err)); };
    const pick = (extra) => apply({ ...currentFilters(), page: null, ...extra });
    const present = new Set(tl.items.map((x) => x.type));
    content.replaceChildren(el("div", { class: "layout" },
      filterForm(values, meta, apply),
      el("div", {},
        el("div", { class: "grid2" },
          el("div", { class: "card" }, el("h2", { text: "Timeline of events by type" }), timelineChart(tl.items, (d) => pick({ since: d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d, until: d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d })),
            legend(present.size ? present : null)),
          el("div", { class: "card" }, el("h2", { text: "Actor network (source → target)" }), networkChart(net, values.actor, (n) => pick({ actor: n.id })))),
        el("div", { class: "card" }, el("h2", { text: "Events" }), eventsTable(events), pager(events, (p) => pick({ page: p }))))));
  };
  main.replaceChildren(content);
  window.addEventListener("popstate", () => draw().catch((err) => showError(main, err)));
  await draw();
}

// -- articles list -----------------------------------------------------------

async function pageArticles(main) {
  const values = currentFilters();
  const q = new URLSearchParams(location.search).get("q") || "";
  const res = await api("/api/articles", { q, outlet: values.outlet, since: values.since, until: values.until, page: values.page, per_page: 50 });
  const search = el("form", { class: "row", style: null },
    el("input", { type: "text", name: "q", value: q, placeholder: "search titles" }), el("button", { type: "submit" }, "Search"));
  search.addEventListener("submit", (e) => { e.preventDefault(); location.search = `?q=${encodeURIComponent(search.q.value)}`; });
  const rows = res.items.map((a) => el("tr", {},
    el("td", { text: a.published || "" }),
    el("td", {}, el("a", { href: `/articles/${encodeURIComponent(a.id)}` }, a.title || a.id)),
    el("td", { text: a.outlet || "" }),
    el("td", { text: String(a.n_events) }),
    el("td", {}, a.n_errors ? badge(`${a.n_errors} errors`, "negated") : "")));
  main.replaceChildren(el("div", { class: "card" }, el("h2", { text: "Articles" }), search,
    el("table", {}, el("thead", {}, el("tr", {}, ["Published", "Title", "Outlet", "Events", ""].map((h) => el("th", { text: h })))), el("tbody", {}, rows)),
    pager(res, (p) => { const s = new URLSearchParams(location.search); s.set("page", p); location.search = s; })));
}

// -- stories -----------------------------------------------------------------

function claimSentence(c) {
  const s = c.sentence.text || "";
  const a = c.trigger.start - c.sentence.start, b = c.trigger.end - c.sentence.start;
  if (a < 0 || b > s.length || a >= b) return el("div", { class: "sentence", text: s });
  return el("div", { class: "sentence" }, s.slice(0, a), el("span", { class: `trigger t-${c.type}`, text: s.slice(a, b) }), s.slice(b));
}

async function pageStory(main, id) {
  const st = await api(`/api/stories/${encodeURIComponent(id)}`);
  const cards = st.claims.map((c) => el("div", { class: `claim-card ${c.stance}`, "data-testid": "claim-card" },
    el("div", { class: "story-row" }, badge(c.stance, c.stance), el("b", { text: c.outlet || "unknown outlet" }), el("span", { class: "muted", text: c.published || "" })),
    el("div", { class: "small" }, "claimed by ", el("b", { text: c.claimed_by ? actorName(c.claimed_by) : "the outlet itself (no attribution)" })),
    claimSentence(c),
    el("div", { class: "small muted" }, `${actorName(c.source) || "?"} → ${actorName(c.target) || "?"} · ${c.date || "no date"}${c.hedged ? " · hedged" : ""}`),
    (c.figures || []).length ? el("div", { class: "small" }, "figures: ", el("b", { text: c.figures.join(", ") })) : null,
    el("a", { href: `/articles/${encodeURIComponent(c.article_id)}#ev-${c.n}` }, "open the article")));
  main.replaceChildren(el("div", { class: "card" },
    el("div", { class: "muted small" }, el("a", { href: "/stories" }, "‹ all stories")),
    el("h1", {}, chip(st.type), " ", `${actorName(st.source) || "?"} → ${actorName(st.target) || "?"}`),
    el("div", { class: "muted", text: `${st.date || "undated"} · ${st.n_claims} claims in ${st.n_articles} articles · claimants: ${st.claimants.join(", ")}` }),
    st.contradiction || st.reason ? el("div", { class: "banner", "data-testid": "contradiction", text: `Sources disagree — ${st.reason || "one denies what another asserts"}` }) : null),
    el("div", { class: "claims" }, cards));
}

async function pageStories(main) {
  const p = new URLSearchParams(location.search);
  const res = await api("/api/stories", { contested: p.get("contested"), type: p.get("type"), page: p.get("page"), min_claims: p.get("min_claims") || 2 });
  const rows = res.items.map((s) => el("tr", { "data-testid": "story-row" },
    el("td", { text: s.date || "" }), el("td", {}, chip(s.type)),
    el("td", {}, el("a", { href: `/stories/${encodeURIComponent(s.id)}` }, `${actorName(s.source) || "?"} → ${actorName(s.target) || "?"}`)),
    el("td", { text: `${s.n_claims} claims / ${s.n_articles} articles` }),
    el("td", { text: s.claimants.join(", ") }),
    el("td", {}, s.contradiction ? badge("contested", "denies") : "")));
  main.replaceChildren(el("div", { class: "card" }, el("h2", { text: "Stories: one event, several claims" }),
    el("p", { class: "muted small", text: "Events of the same type and dyad within a few days, reported by several articles or claimants. Contested ones (a source denies, or figures differ) come first." }),
    el("div", { class: "actions" }, el("a", { href: "/stories?contested=true" }, "contested only"), el("a", { href: "/stories?min_claims=1" }, "include single claims")),
    el("table", {}, el("thead", {}, el("tr", {}, ["Date", "Type", "Dyad", "Claims", "Claimants", ""].map((h) => el("th", { text: h })))), el("tbody", {}, rows)),
    pager(res, (n) => { p.set("page", n); location.search = p; })));
}

// -- paste box ----------------------------------------------------------------

function pagePaste(main) {
  const out = el("div", { "data-testid": "paste-result" });
  const form = el("form", { class: "card", "data-testid": "paste-form" },
    el("h2", { text: "Paste French text or HTML, get it coded" }),
    el("textarea", { name: "body", placeholder: "Collez ici un article en français (texte ou HTML)…", required: true }),
    el("div", { class: "paste-row" },
      el("label", {}, "Input ", el("select", { name: "kind" }, el("option", { value: "auto" }, "detect"), el("option", { value: "text" }, "plain text"), el("option", { value: "html" }, "HTML"))),
      el("label", {}, "Published ", el("input", { type: "date", name: "published" })),
      el("button", { type: "submit", "data-testid": "paste-submit" }, "Code it")),
    el("p", { class: "muted small", text: "The first extraction loads the French model (a few seconds)." }));
  form.addEventListener("submit", async (evt) => {
    evt.preventDefault();
    const body = form.body.value;
    let kind = form.kind.value;
    if (kind === "auto") kind = /^\s*</.test(body) && /<\/(p|div|html|body|article)>/i.test(body) ? "html" : "text";
    const button = form.querySelector("button");
    button.disabled = true; button.textContent = "Coding…";
    out.replaceChildren();
    try {
      const payload = { [kind]: body };
      if (form.published.value) payload.published = form.published.value;
      const record = await api("/api/extract", null, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) });
      renderRecord(record, out);
    } catch (err) {
      showError(out, err);
    } finally {
      button.disabled = false; button.textContent = "Code it";
    }
  });
  main.replaceChildren(form, out);
}

// -- API index (the OpenAPI spec, rendered here: no Swagger UI from a CDN) ----------

async function pageApi(main) {
  const spec = await api("/api/openapi.json");
  const items = [];
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters || []).map((p) => `${p.name}${p.required ? "" : "?"}`).join(", ");
      items.push(el("div", { class: "endpoint" },
        el("span", { class: `method ${method}`, text: method.toUpperCase() }), el("code", { text: path }),
        params ? el("span", { class: "muted small", text: `  (${params})` }) : null,
        el("div", { class: "small", text: op.description || op.summary || "" })));
    }
  }
  main.replaceChildren(el("div", { class: "card" }, el("h2", { text: `${spec.info.title} API ${spec.info.version}` }),
    el("p", {}, "Machine-readable spec: ", el("a", { href: "/api/openapi.json" }, "/api/openapi.json"),
      ". Lists are paged with ", el("code", { text: "page" }), " and ", el("code", { text: "per_page" }),
      "; errors are JSON objects with a ", el("code", { text: "message" }), "."),
    items));
}

// -- router -----------------------------------------------------------------

async function route() {
  const main = document.getElementById("main");
  const path = location.pathname.replace(/\/+$/, "") || "/";
  const seg = path.split("/").filter(Boolean).map(decodeURIComponent);
  const page = seg[0] || "explorer";
  document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("active", a.dataset.page === (page === "events" ? "explorer" : page)));
  api("/api/meta").then((m) => {
    document.getElementById("corpus-info").textContent = `${m.articles} articles · ${m.events} events${m.first_date ? ` · ${m.first_date} → ${m.last_date}` : ""}`;
  }).catch(() => {});
  try {
    if (page === "explorer" || page === "events") await pageExplorer(main);
    else if (page === "articles" && seg[1]) await pageArticle(main, seg[1]);
    else if (page === "articles") await pageArticles(main);
    else if (page === "stories" && seg[1]) await pageStory(main, seg[1]);
    else if (page === "stories") await pageStories(main);
    else if (page === "paste") pagePaste(main);
    else if (page === "api") await pageApi(main);
    document.body.dataset.ready = "true";
  } catch (err) {
    main.replaceChildren();
    showError(main, err);
    document.body.dataset.ready = "error";
  }
}

document.addEventListener("DOMContentLoaded", route);
