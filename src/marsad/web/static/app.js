// marsad web UI: a small single-page app over the REST API, with no dependencies.
// Untrusted text (articles, names) only ever goes into the page through textContent and
// attribute setters of el(): never innerHTML. Every request goes to this server only.
"use strict";

// ---------------------------------------------------------------------------------------
// Language: Arabic (right to left) by default, English on request.

const STRINGS = {
  ar: {
    brand: "مرصد", overview: "نظرة عامة", articles: "المقالات", events: "الأحداث",
    map: "الخريطة", timeline: "الخط الزمني", network: "شبكة الفاعلين", analyze: "حلّل مقالاً",
    footer: "بيانات أحداث موثقة المصادر من الأخبار العربية", other: "English",
    search: "بحث", q: "نص", type: "النوع", actor: "الفاعل", country: "الدولة", sector: "القطاع",
    mode: "الأسلوب", place: "المكان", date_from: "من", date_to: "إلى", outlet: "المصدر",
    stance: "الموقف", apply: "تطبيق", date: "التاريخ", who: "الفاعل ← المتلقي",
    reports: "التقارير", n_articles: "مقالات", n_outlets: "منافذ", n_stories: "قصص مستقلة",
    title: "العنوان", published: "تاريخ النشر", source: "المصدر", story: "قصة",
    entities: "الكيانات", places: "الأماكن", times: "التواريخ", attributions: "الإسناد",
    loaded: "ألفاظ مشحونة", record: "السجل الكامل", sentence: "الجملة", said: "قال",
    paste: "الصق نص مقال عربي هنا", run: "حلّل", stats_articles: "مقالات",
    stats_events: "تقارير أحداث", stats_fused: "أحداث مدمجة", stats_entities: "كيانات",
    stats_sources: "مصادر", stats_stories: "قصص", none: "لا شيء", next: "التالي",
    prev: "السابق", of: "من", recent: "أحدث الأحداث", loading: "جارٍ التحميل…",
    error: "خطأ", weight: "عدد الأحداث", open: "افتح", text: "النص",
    search_mode: "البحث", fulltext: "بالكلمات", semantic: "بالمعنى (عربي أو إنجليزي)",
    score: "التشابه", unembedded: "مقالات لم تُضمَّن بعد فلم يشملها البحث بالمعنى (marsad embed)",
  },
  en: {
    brand: "marsad", overview: "Overview", articles: "Articles", events: "Events",
    map: "Map", timeline: "Timeline", network: "Actor network", analyze: "Analyse an article",
    footer: "Sourced event data from Arabic news", other: "العربية",
    search: "Search", q: "Text", type: "Type", actor: "Actor", country: "Country",
    sector: "Sector", mode: "Mode", place: "Place", date_from: "From", date_to: "To",
    outlet: "Outlet", stance: "Stance", apply: "Apply", date: "Date",
    who: "Actor → recipient", reports: "Reports", n_articles: "articles",
    n_outlets: "outlets", n_stories: "independent stories", title: "Title",
    published: "Published", source: "Outlet", story: "Story", entities: "Entities",
    places: "Places", times: "Dates", attributions: "Attributions", loaded: "Loaded terms",
    record: "Full record", sentence: "Sentence", said: "said", paste: "Paste Arabic article text here",
    run: "Analyse", stats_articles: "articles", stats_events: "event reports",
    stats_fused: "fused events", stats_entities: "entities", stats_sources: "outlets",
    stats_stories: "stories", none: "none", next: "Next", prev: "Previous", of: "of",
    recent: "Latest events", loading: "Loading…", error: "Error", weight: "events",
    open: "open", text: "Text", search_mode: "Search", fulltext: "By words",
    semantic: "By meaning (Arabic or English)", score: "similarity",
    unembedded: "Articles not embedded yet, so not searched by meaning (marsad embed)",
  },
};

let lang = localStorage.getItem("marsad.lang") || "ar";
const t = (key) => STRINGS[lang][key] ?? key;

function applyLanguage() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  document.getElementById("lang").textContent = t("other");
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  renderNav();
}

// ---------------------------------------------------------------------------------------
// Safe DOM building.

function el(tag, attrs = {}, ...children) {
  const svg = ["svg", "g", "path", "circle", "line", "rect", "text", "title"].includes(tag);
  const node = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag)
                   : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else if (name === "class") node.setAttribute("class", value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const main = () => document.getElementById("main");

function show(...nodes) {
  main().replaceChildren(...nodes.filter((node) => node !== null));
}

function setTwin(url) {
  const twin = document.getElementById("twin");
  twin.href = url;
  twin.textContent = "JSON: " + url;
}

async function api(url, options) {
  const response = await fetch(url, options);
  const body = await response.json();
  if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
  return body;
}

// ---------------------------------------------------------------------------------------
// Routing: #/page?query

const PAGES = ["overview", "articles", "events", "map", "timeline", "network", "analyze"];

function route() {
  const [path, query] = location.hash.replace(/^#\/?/, "").split("?");
  const [page, ...rest] = path.split("/");
  return { page: page || "overview", arg: rest.map(decodeURIComponent).join("/"),
           params: new URLSearchParams(query || "") };
}

function renderNav() {
  const current = route().page;
  document.getElementById("nav").replaceChildren(...PAGES.map((page) =>
    el("a", { href: `#/${page}`, class: page === current ? "active" : null }, t(page))));
}

async function render() {
  const { page, arg, params } = route();
  renderNav();
  show(el("p", { class: "muted" }, t("loading")));
  try {
    const handler = { overview, articles: articlesPage, article: articlePage, events: eventsPage,
                      map: mapPage, timeline: timelinePage, network: networkPage,
                      analyze: analyzePage }[page] || overview;
    await handler(arg, params);
  } catch (error) {
    show(el("p", { class: "error" }, `${t("error")}: ${error.message}`));
  }
}

// ---------------------------------------------------------------------------------------
// Pages.

async function overview() {
  setTwin("/stats");
  const [stats, latest] = await Promise.all([api("/stats"), api("/events?limit=10")]);
  const cards = [["articles", "stats_articles"], ["events", "stats_events"],
                 ["fused_events", "stats_fused"], ["entities", "stats_entities"],
                 ["sources", "stats_sources"], ["stories", "stats_stories"]]
    .map(([key, label]) => el("div", { class: "card stat", id: `stat-${key}` }, el("b", {}, stats[key]), t(label)));
  show(el("h1", {}, t("overview")), el("div", { class: "stats" }, cards),
       el("h2", {}, t("recent")), eventsTable(latest.items));
}

const EVENT_FILTERS = ["q", "type", "actor", "country", "sector", "mode", "place", "date_from",
                       "date_to", "outlet", "stance"];

function filterForm(names, params, target, extra = []) {
  const inputs = names.map((name) => el("label", {}, t(name),
    el("input", { name, value: params.get(name) || "", type: name.startsWith("date") ? "date" : "text" })));
  const form = el("form", { class: "filters", on: { submit: (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value) query.set(key, value);
    location.hash = `#/${target}?${query}`;
  } } }, inputs, extra, el("button", { class: "primary", type: "submit" }, t("apply")));
  return form;
}

// Full-text search (the default: no "mode" in the URL) or semantic search (/search).
function searchModeSwitch(params) {
  const semantic = params.get("mode") === "semantic";
  return el("label", {}, t("search_mode"), el("select", { name: "mode", id: "search-mode" },
    el("option", { value: "", selected: semantic ? null : "" }, t("fulltext")),
    el("option", { value: "semantic", selected: semantic ? "" : null }, t("semantic"))));
}

function pager(data, params, target) {
  const offset = data.offset, limit = data.limit || 50;
  const go = (to) => { const q = new URLSearchParams(params); q.set("offset", to); return `#/${target}?${q}`; };
  return el("div", { class: "pager" },
    offset > 0 ? el("a", { href: go(Math.max(0, offset - limit)) }, t("prev")) : null,
    el("span", { class: "muted" }, `${Math.min(offset + 1, data.total)}–${Math.min(offset + limit, data.total)} ${t("of")} ${data.total}`),
    offset + limit < data.total ? el("a", { href: go(offset + limit) }, t("next")) : null);
}

async function articlesPage(_arg, params) {
  const semantic = params.get("mode") === "semantic" && params.get("q");
  const url = semantic ? `/search?${params}` : `/articles?${params}`;
  setTwin(url);
  const data = await api(url);
  const rows = data.items.map((a) => el("tr", {},
    el("td", {}, a.published || "—"), el("td", {}, a.source || "—"),
    el("td", {}, el("a", { href: `#/article/${encodeURIComponent(a.id)}` }, a.title || a.id),
      a.score !== undefined ? el("span", { class: "muted score", title: t("score") }, ` ${a.score.toFixed(2)}`) : null,
      a.snippet ? el("div", { class: "muted" }, snippetNode(a.snippet)) : null),
    el("td", { class: "num" }, a.story_size > 1 ? `${t("story")} ×${a.story_size}` : ""),
    el("td", { class: "num" }, a.n_events)));
  show(el("h1", {}, t("articles")),
       filterForm(["q", "outlet", "date_from", "date_to"], params, "articles", [searchModeSwitch(params)]),
       data.unembedded ? el("p", { class: "muted", id: "unembedded" }, `${t("unembedded")}: ${data.unembedded}`) : null,
       el("table", { id: "articles" }, el("tr", {}, [t("published"), t("source"), t("title"), t("story"), t("events")].map((h) => el("th", {}, h))), rows),
       pager(data, params, "articles"));
}

function snippetNode(snippet) {
  if (!snippet.match) return snippet.text;
  const [s, e] = snippet.match;
  return el("span", {}, "…" + snippet.text.slice(0, s), el("mark", { class: "event" }, snippet.text.slice(s, e)),
            snippet.text.slice(e) + "…");
}

function who(event) {
  const names = (list) => (list.length ? list.join("، ") : "—");
  return `${names(event.actors)} ← ${names(event.recipients)}`;
}

function eventsTable(items) {
  const table = el("table", { id: "events" }, el("tr", {},
    [t("date"), t("type"), t("who"), t("place"), t("reports")].map((h) => el("th", {}, h))));
  for (const e of items) {
    const dates = e.date_first ? (e.date_last !== e.date_first ? `${e.date_first} … ${e.date_last}` : e.date_first) : "—";
    table.append(el("tr", { class: "event", "data-id": e.id },
      el("td", {}, dates),
      el("td", {}, el("span", { class: "tag" }, e.type), e.mode ? el("span", { class: "tag" }, e.mode) : null,
         e.polarity !== "asserted" ? el("span", { class: "tag" }, e.polarity) : null),
      el("td", {}, who(e)), el("td", {}, e.place ? e.place.name : "—"),
      el("td", { class: "num" }, `${e.n_articles} ${t("n_articles")} · ${e.n_outlets} ${t("n_outlets")} · ${e.n_stories} ${t("n_stories")}`)));
    table.append(el("tr", { class: "reports" }, el("td", { colspan: 5 }, el("ul", { class: "plain" },
      (e.reports || []).map((r) => el("li", {},
        el("span", { class: "tag" }, r.source || "?"), r.published ? `${r.published} · ` : "",
        el("a", { class: "sentence-link", href: `#/article/${encodeURIComponent(r.article_id)}?s=${r.sentence_start}-${r.sentence_end}` }, r.sentence),
        r.attributed_to ? el("span", { class: "muted" }, ` — ${r.attributed_to} (${r.stance || ""})`) : null))))));
  }
  return table;
}

async function eventsPage(_arg, params) {
  const url = `/events?${params}`;
  setTwin(url);
  const data = await api(url);
  show(el("h1", {}, t("events")), filterForm(EVENT_FILTERS, params, "events"),
       eventsTable(data.items), pager(data, params, "events"));
}

// Article view: the text with every layer of the analysis highlighted, the record beside it.
const LAYERS = [["entity", "entities"], ["place", "places"], ["time", "times"], ["event", "events"],
                ["attribution", "attributions"], ["loaded", "loaded"]];

function spansOf(record) {
  const spans = [];
  for (const e of record.entities) for (const m of e.mentions) spans.push({ start: m.start, end: m.end, kind: "entity", label: `${e.type} ${e.kb_id || ""}` });
  for (const p of record.places) for (const m of p.mentions) spans.push({ start: m.start, end: m.end, kind: "place", label: [p.name_en, p.country].filter(Boolean).join(", ") });
  for (const x of record.times) spans.push({ start: x.start, end: x.end, kind: "time", label: x.value });
  for (const v of record.events) spans.push({ start: v.trigger.start, end: v.trigger.end, kind: "event", label: `${v.type}${v.mode ? "/" + v.mode : ""}` });
  for (const a of record.attributions) spans.push({ start: a.content.start, end: a.content.end, kind: "attribution", label: `${a.source_text}: ${a.stance}` });
  for (const l of record.framing.loaded_terms) spans.push({ start: l.start, end: l.end, kind: "loaded", label: l.neutral ? `→ ${l.neutral}` : l.category });
  return spans;
}

function highlighted(text, spans, focus) {
  // Cut the text at every span boundary; each piece carries the layers that cover it.
  const all = focus ? [...spans, { start: focus[0], end: focus[1], kind: "focus", label: "" }] : spans;
  const cuts = [...new Set([0, text.length, ...all.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const container = el("div", { class: "article-text", id: "article-text" });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = all.filter((s) => s.start <= from && to <= s.end);
    const piece = text.slice(from, to);
    if (!covering.length) { container.append(piece); continue; }
    container.append(el("mark", { class: [...new Set(covering.map((s) => s.kind))].join(" "),
                                  title: covering.map((s) => s.label).filter(Boolean).join(" · ") || null }, piece));
  }
  return container;
}

function recordSummary(record) {
  const list = (items, line) => (items.length ? el("ul", { class: "plain" }, items.map((x) => el("li", {}, line(x)))) : el("p", { class: "muted" }, t("none")));
  return [
    el("h2", {}, t("events")), list(record.events, (v) => [el("span", { class: "tag" }, v.type), record.article.text.slice(v.sentence.start, v.sentence.end)]),
    el("h2", {}, t("entities")), list(record.entities, (e) => [el("span", { class: "tag" }, e.type), e.name, e.kb_id ? el("span", { class: "muted" }, ` ${e.kb_id}`) : null]),
    el("h2", {}, t("places")), list(record.places, (p) => [p.name, el("span", { class: "muted" }, ` ${p.country || ""} ${p.lat ?? ""} ${p.lon ?? ""}`)]),
    el("h2", {}, t("attributions")), list(record.attributions, (a) => [a.source_text, ` (${a.stance})`]),
    el("h2", {}, t("loaded")), list(record.framing.loaded_terms, (l) => [l.text, l.neutral ? ` → ${l.neutral}` : ""]),
    el("h2", {}, t("record")), el("pre", { class: "json" }, JSON.stringify(record, null, 2)),
  ];
}

function articleView(record, focus) {
  const a = record.article;
  const legend = el("p", { class: "legend" }, LAYERS.map(([kind, label]) => el("mark", { class: kind }, t(label))));
  const meta = el("p", { class: "muted" }, [a.published, a.source, a.url].filter(Boolean).join(" · "));
  return el("div", { class: "split" },
    el("section", { class: "card" }, el("h1", {}, a.title || a.id), meta, legend, highlighted(a.text, spansOf(record), focus)),
    el("aside", { class: "card", id: "analysis" }, recordSummary(record)));
}

async function articlePage(id, params) {
  const url = `/articles/${encodeURIComponent(id)}`;
  setTwin(url);
  const record = await api(url);
  const focus = (params.get("s") || "").split("-").map(Number);
  show(articleView(record, focus.length === 2 && focus.every(Number.isFinite) ? focus : null));
  const target = document.querySelector("mark.focus");
  if (target) target.scrollIntoView({ block: "center" });
}

function analyzePage() {
  setTwin("/openapi.json");
  const text = el("textarea", { name: "text", id: "paste", placeholder: t("paste") });
  const date = el("input", { type: "date", name: "published" });
  const out = el("div", { id: "result" });
  const form = el("form", { on: { submit: async (event) => {
    event.preventDefault();
    out.replaceChildren(el("p", { class: "muted" }, t("loading")));
    try {
      const body = { text: text.value, published: date.value || null };
      const record = await api("/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      out.replaceChildren(articleView(record, null));
    } catch (error) {
      out.replaceChildren(el("p", { class: "error" }, `${t("error")}: ${error.message}`));
    }
  } } }, text, el("div", { class: "pager" }, el("label", {}, t("published"), date),
     el("button", { class: "primary", type: "submit", id: "run" }, t("run"))));
  show(el("h1", {}, t("analyze")), el("div", { class: "card" }, form), out);
}

// ---------------------------------------------------------------------------------------
// Map: the bundled world-atlas TopoJSON, drawn in an equirectangular projection.

let worldCache = null;

function topoFeatures(topology, object) {
  const { scale: [kx, ky], translate: [dx, dy] } = topology.transform;
  const arcs = topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([ax, ay]) => [(x += ax) * kx + dx, (y += ay) * ky + dy]);
  });
  const ring = (indexes) => indexes.flatMap((i, n) => {
    const points = i < 0 ? [...arcs[~i]].reverse() : arcs[i];
    return n ? points.slice(1) : points;
  });
  return topology.objects[object].geometries.map((g) => ({
    name: g.properties && g.properties.name,
    polygons: g.type === "Polygon" ? [g.arcs.map(ring)] : g.type === "MultiPolygon" ? g.arcs.map((p) => p.map(ring)) : [],
  }));
}

const W = 960, H = 480;
const project = ([lon, lat]) => [(lon + 180) * (W / 360), (90 - lat) * (H / 180)];

function ringPath(ring) {
  // A ring that crosses the antimeridian is cut there rather than drawn across the map.
  return ring.map((point, i) => {
    const jump = i > 0 && Math.abs(point[0] - ring[i - 1][0]) > 180;
    const [x, y] = project(point);
    return `${i === 0 || jump ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join("") + "Z";
}

async function mapPage(_arg, params) {
  const url = `/events?limit=500&${params}`;
  setTwin(url);
  worldCache = worldCache || await api("/world-110m.json");
  const [events, places] = await Promise.all([api(url), api("/places?limit=500")]);
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, id: "map", role: "img" });
  for (const country of topoFeatures(worldCache, "countries")) {
    const d = country.polygons.flatMap((polygon) => polygon.map(ringPath)).join("");
    svg.append(el("path", { class: "land", d }, el("title", {}, country.name || "")));
  }
  for (const p of places.items.filter((p) => p.lat !== null)) {
    const [x, y] = project([p.lon, p.lat]);
    svg.append(el("circle", { class: "place-dot", cx: x, cy: y, r: 1.6 }, el("title", {}, p.name)));
  }
  for (const e of events.items.filter((e) => e.place && e.place.lat !== null)) {
    const [x, y] = project([e.place.lon, e.place.lat]);
    svg.append(el("circle", { class: "event-dot", cx: x, cy: y, r: 2 + 2 * Math.sqrt(e.n_articles), "data-id": e.id },
      el("title", {}, `${e.type} · ${e.place.name} · ${who(e)} · ${e.n_articles} ${t("n_articles")}`)));
  }
  show(el("h1", {}, t("map")), filterForm(EVENT_FILTERS, params, "map"), svg);
}

// Timeline: fused events per day, stacked by type.
async function timelinePage(_arg, params) {
  const url = `/timeline?${params}`;
  setTwin(url);
  const data = await api(url);
  const days = [...new Set(data.items.map((d) => d.date))];
  const types = [...new Set(data.items.map((d) => d.type))];
  const totals = days.map((day) => data.items.filter((d) => d.date === day).reduce((n, d) => n + d.events, 0));
  const max = Math.max(1, ...totals);
  const width = Math.max(400, days.length * 18), height = 260, base = 220;
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, id: "timeline" });
  const color = (type) => `hsl(${(types.indexOf(type) * 47) % 360} 60% 42%)`;
  days.forEach((day, i) => {
    let y = base;
    for (const d of data.items.filter((d) => d.date === day)) {
      const h = (d.events / max) * 190;
      y -= h;
      svg.append(el("rect", { x: 10 + i * 18, y, width: 14, height: h, fill: color(d.type), class: "bar" },
        el("title", {}, `${day} · ${d.type}: ${d.events}`)));
    }
    if (i % Math.ceil(days.length / 12) === 0) svg.append(el("text", { x: 10 + i * 18, y: base + 16, class: "axis" }, day));
  });
  types.forEach((type, i) => svg.append(el("text", { x: 10 + i * 110, y: 14, fill: color(type), class: "axis" }, `■ ${type}`)));
  show(el("h1", {}, t("timeline")), filterForm(EVENT_FILTERS, params, "timeline"), svg);
}

// Actor network: a small force-directed layout, run to rest before drawing.
function layout(nodes, edges, width, height) {
  const pos = new Map(nodes.map((n, i) => [n.id, { x: width / 2 + 150 * Math.cos(i), y: height / 2 + 150 * Math.sin(i) }]));
  for (let step = 0; step < 300; step++) {
    const force = new Map(nodes.map((n) => [n.id, { x: 0, y: 0 }]));
    for (const a of nodes) for (const b of nodes) {
      if (a === b) continue;
      const pa = pos.get(a.id), pb = pos.get(b.id);
      const dx = pa.x - pb.x, dy = pa.y - pb.y, d2 = Math.max(dx * dx + dy * dy, 25);
      force.get(a.id).x += (dx / d2) * 2000; force.get(a.id).y += (dy / d2) * 2000;
    }
    for (const e of edges) {
      const pa = pos.get(e.source), pb = pos.get(e.target);
      const dx = pb.x - pa.x, dy = pb.y - pa.y;
      force.get(e.source).x += dx * 0.02; force.get(e.source).y += dy * 0.02;
      force.get(e.target).x -= dx * 0.02; force.get(e.target).y -= dy * 0.02;
    }
    for (const n of nodes) {
      const p = pos.get(n.id), f = force.get(n.id);
      p.x = Math.min(width - 40, Math.max(40, p.x + Math.max(-10, Math.min(10, f.x + (width / 2 - p.x) * 0.01))));
      p.y = Math.min(height - 20, Math.max(20, p.y + Math.max(-10, Math.min(10, f.y + (height / 2 - p.y) * 0.01))));
    }
  }
  return pos;
}

async function networkPage(_arg, params) {
  const url = `/network?${params}`;
  setTwin(url);
  const data = await api(url);
  const nodes = data.nodes.slice(0, 80);
  const keep = new Set(nodes.map((n) => n.id));
  const edges = data.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  const width = 900, height = 560;
  const pos = layout(nodes, edges, width, height);
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, id: "network" });
  for (const e of edges) {
    const a = pos.get(e.source), b = pos.get(e.target);
    svg.append(el("line", { class: "edge", x1: a.x, y1: a.y, x2: b.x, y2: b.y, "stroke-width": 1 + Math.log2(e.weight + 1) },
      el("title", {}, `${e.source_name} → ${e.target_name}: ${e.weight} ${t("weight")}`)));
  }
  for (const n of nodes) {
    const p = pos.get(n.id);
    const r = 4 + 2 * Math.sqrt(n.n_events);
    svg.append(el("g", {}, el("circle", { class: "node", cx: p.x, cy: p.y, r },
      el("title", {}, `${n.name} (${n.country || "?"} ${n.sector || ""})`)),
      el("text", { class: "node-label", x: p.x, y: p.y + r + 13, "text-anchor": "middle" }, n.name)));
  }
  show(el("h1", {}, t("network")), filterForm(EVENT_FILTERS, params, "network"), svg);
}

// ---------------------------------------------------------------------------------------

document.getElementById("lang").addEventListener("click", () => {
  lang = lang === "ar" ? "en" : "ar";
  localStorage.setItem("marsad.lang", lang);
  applyLanguage();
  render();
});
window.addEventListener("hashchange", render);
applyLanguage();
render();
