// kgraph report: draws the tables from the data island and filters them with the diagram.
// Text from the data goes into the page only as text nodes (textContent), never as markup.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const PAGE = 500; // rows drawn before "Show all"
  const docs = data.documents, ents = data.entities, rels = data.relations, sents = data.sentences;
  const $ = (id) => document.getElementById(id);
  const entityIndex = new Map(ents.map((e, i) => [e.id, i]));

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) for (const k of Object.keys(attrs)) {
      if (attrs[k] === undefined || attrs[k] === null || attrs[k] === false) continue;
      if (k === "text") e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k] === true ? "" : String(attrs[k]));
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }
  const safeUrl = (u) => (typeof u === "string" && /^https?:\/\//i.test(u) ? u : null);
  const classLabel = (c) => (data.classes[c] ? data.classes[c].label : c);
  const typeLabel = (t) => (data.types[t] ? data.types[t].label : t);
  const statusLabel = (s) => data.statuses[s] || s;
  const docName = (i) => (docs[i] && (docs[i].title || docs[i].id)) || "";
  function swatch(color) { return color ? el("span", { class: "swatch", style: "background:" + color, "aria-hidden": "true" }) : null; }
  function wikidata(qid) {
    return /^Q[0-9]+$/.test(qid || "") ? el("a", { href: "https://www.wikidata.org/wiki/" + qid, rel: "noopener", target: "_blank", text: qid }) : null;
  }
  function docLink(i) {
    const d = docs[i] || {};
    const url = safeUrl(d.url);
    // Without a URL, the link leads to the document's row in the corpus table (its path).
    return url ? el("a", { href: url, rel: "noopener", target: "_blank", text: docName(i) }) : el("a", { href: "#document-" + i, title: d.path || d.id, text: docName(i) });
  }

  // Per relation: its dates; per entity: its relations.
  const relDates = rels.map((r) => [...new Set(r.ev.map((e) => e.date).filter(Boolean))].sort());
  const byEntity = ents.map(() => []);
  rels.forEach((r, i) => { byEntity[r.s].push(i); if (r.t !== r.s) byEntity[r.t].push(i); });

  // The claim highlighted: the names of both ends, as written (their aliases), longest first.
  function quote(text, names) {
    const frag = document.createDocumentFragment();
    const spans = [];
    for (const n of names) {
      if (!n) continue;
      for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + n.length)) {
        if (!spans.some(([b, e]) => at < e && at + n.length > b)) spans.push([at, at + n.length]);
      }
    }
    spans.sort((a, b) => a[0] - b[0]);
    let pos = 0;
    for (const [b, e] of spans) {
      frag.append(text.slice(pos, b), el("mark", { text: text.slice(b, e) }));
      pos = e;
    }
    frag.append(text.slice(pos));
    return frag;
  }
  const namesOf = (ent) => [ent.label, ...ent.aliases].sort((a, b) => b.length - a.length);

  // ---------------------------------------------------------------------------------
  // Rows, built once; the filter only shows and hides them.

  function fillSelect(id, entries) {
    const s = $(id);
    for (const [value, label] of entries) s.append(el("option", { value, text: label }));
  }
  fillSelect("f-class", Object.keys(data.classes).map((c) => [c, classLabel(c)]));
  fillSelect("f-type", Object.keys(data.types).map((t) => [t, typeLabel(t)]));
  fillSelect("f-status", Object.keys(data.statuses).map((s) => [s, statusLabel(s)]));

  const docRows = docs.map((d, i) => el("tr", { id: "document-" + i },
    el("td", { class: "n", text: String(i + 1) }),
    el("td", null, safeUrl(d.url) ? docLink(i) : docName(i),
      Array.isArray(d.authors) && d.authors.length ? el("div", { class: "aliases", text: d.authors.join(", ") }) : null),
    el("td", { class: "c-outlet", text: d.outlet || "" }),
    el("td", { class: "c-published" }, d.published ? el("time", { datetime: d.published, text: d.published }) : ""),
    el("td", { text: d.lang || "" }),
    el("td", null, safeUrl(d.url) ? el("a", { href: safeUrl(d.url), rel: "noopener", target: "_blank", text: d.url }) : el("code", { text: d.path || d.id }))));
  $("t-documents").tBodies[0].append(...docRows);
  // Columns no document fills (outlet, date: not every graph has them) are left out.
  for (const field of ["outlet", "published"])
    if (!docs.some((d) => d[field])) $("t-documents").classList.add("no-" + field);

  const entRow = (e, i) => el("tr", { id: "entity-" + i },
    el("th", { scope: "row" }, el("a", { href: "#entity-" + i, "data-entity": i, text: e.label })),
    el("td", null, swatch(data.classes[e.class] && data.classes[e.class].color), classLabel(e.class)),
    el("td", { class: "aliases", text: e.aliases.filter((a) => a !== e.label).join(" · ") }),
    el("td", { class: "n", text: String(e.mentions) }),
    el("td", null, ...e.docs.flatMap((d, k) => (k ? [", ", docLink(d)] : [docLink(d)]))),
    el("td", null, wikidata(e.qid)));

  function evidenceList(r) {
    const names = [...namesOf(ents[r.s]), ...namesOf(ents[r.t])].sort((a, b) => b.length - a.length);
    return r.ev.map((ev) => {
      const [doc, text] = sents[ev.x];
      const facts = [statusLabel(ev.status), ev.date, ev.quantity, ev.role,
        ev.by ? "according to " + (entityIndex.has(ev.by) ? ents[entityIndex.get(ev.by)].label : ev.by) : null].filter(Boolean).join(", ");
      return el("blockquote", null, quote(text, names), el("cite", null, docLink(doc), " — " + facts));
    });
  }
  const relRow = (r, i) => {
    const dropped = r.weight - r.ev.length;
    return el("tr", { id: "relation-" + i, "data-id": r.id },
      el("td", null, el("a", { href: "#entity-" + r.s, text: ents[r.s].label })),
      el("td", null, swatch(data.types[r.type] && data.types[r.type].color), typeLabel(r.type)),
      el("td", null, el("a", { href: "#entity-" + r.t, text: ents[r.t].label })),
      el("td", null, el("span", { class: "status status-" + r.status, text: statusLabel(r.status) })),
      el("td", { class: "dates", text: relDates[i].join(", ") }),
      el("td", { class: "n", text: String(r.weight) }),
      el("td", null, ...evidenceList(r), dropped > 0 ? el("p", { class: "note", text: dropped + " more sentence(s) counted, not kept" }) : null));
  };

  const timeline = [];
  rels.forEach((r, i) => r.ev.forEach((ev) => { if (ev.date) timeline.push([ev.date, i, ev]); }));
  timeline.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const timeRow = ([date, i, ev]) => {
    const r = rels[i];
    return el("li", null, el("time", { datetime: date, text: date }),
      ents[r.s].label + " " + typeLabel(r.type) + " " + ents[r.t].label + " ",
      el("span", { class: "status status-" + ev.status, text: statusLabel(ev.status) }),
      el("blockquote", null, quote(sents[ev.x][1], [...namesOf(ents[r.s]), ...namesOf(ents[r.t])].sort((a, b) => b.length - a.length)),
        el("cite", null, docLink(sents[ev.x][0]))));
  };

  // Tables of many rows draw the first PAGE shown rows; "Show all" draws the rest. A row is
  // made the first time it is drawn, then kept.
  const lists = {
    entities: { body: $("t-entities").tBodies[0], items: ents, make: entRow, rows: [], all: false },
    relations: { body: $("t-relations").tBodies[0], items: rels, make: relRow, rows: [], all: false },
    timeline: { body: $("t-timeline"), items: timeline, make: timeRow, rows: [], all: false },
  };
  function draw(name, shown) {
    const l = lists[name];
    const drawn = [];
    let count = 0;
    for (let i = 0; i < l.items.length; i++) {
      if (!shown[i]) continue;
      if (l.all || count < PAGE) drawn.push(l.rows[i] || (l.rows[i] = l.make(l.items[i], i)));
      count++;
    }
    l.body.replaceChildren(...drawn);
    const more = l.body.closest("section").querySelector(".more");
    more.hidden = drawn.length === count;
    more.querySelector("button").textContent = "Show all " + count;
    l.body.closest("section").setAttribute("data-shown", String(count));
  }
  document.querySelectorAll("[data-more]").forEach((b) => b.addEventListener("click", () => {
    lists[b.dataset.more].all = true;
    apply();
  }));

  // ---------------------------------------------------------------------------------
  // The filter

  const fText = $("f-text"), fClass = $("f-class"), fType = $("f-type"), fStatus = $("f-status"), fFrom = $("f-from"), fTo = $("f-to");
  const lower = ents.map((e) => [e.id, e.label, ...e.aliases].join("\n").toLowerCase());
  // A date matches a bound given as a prefix: 2024 covers 2024-06-19, and 2024-06-19 is in 2024.
  const afterFrom = (d, from) => !from || d >= from || from.startsWith(d);
  const beforeTo = (d, to) => !to || d <= to || d.startsWith(to);

  function apply() {
    const text = fText.value.trim().toLowerCase(), cls = fClass.value, type = fType.value, status = fStatus.value;
    const from = fFrom.value.trim(), to = fTo.value.trim();
    const entityFilter = text !== "" || cls !== "";
    const relationFilter = type !== "" || status !== "" || from !== "" || to !== "";
    const entOk = ents.map((e, i) => (!text || lower[i].includes(text)) && (!cls || e.class === cls));
    const evOk = (ev) => !(from || to) || (ev.date && afterFrom(ev.date, from) && beforeTo(ev.date, to));
    const relOk = rels.map((r) => (!type || r.type === type) && (!status || r.status === status) &&
      (!(from || to) || r.ev.some(evOk)) && (!entityFilter || entOk[r.s] || entOk[r.t]));
    const entShown = ents.map((e, i) => entOk[i] && (!relationFilter || byEntity[i].some((k) => relOk[k])));
    const nodeShown = entShown.slice();
    // The diagram also shows the other end of each shown relation it draws.
    if (entityFilter || relationFilter) rels.forEach((r, i) => { if (relOk[i] && drawnRels.has(i)) nodeShown[r.s] = nodeShown[r.t] = true; });
    else nodeShown.fill(true);
    const docShown = docs.map(() => !(entityFilter || relationFilter));
    rels.forEach((r, i) => { if (relOk[i]) for (const ev of r.ev) if (evOk(ev)) docShown[sents[ev.x][0]] = true; });
    ents.forEach((e, i) => { if (entShown[i] && !relationFilter) for (const d of e.docs) docShown[d] = true; });

    docRows.forEach((row, i) => row.classList.toggle("off", !docShown[i]));
    draw("entities", entShown);
    draw("relations", relOk);
    draw("timeline", timeline.map(([, i, ev]) => relOk[i] && evOk(ev)));
    counts(entShown, relOk);
    diagram(nodeShown, relOk);
    const nEnt = entShown.filter(Boolean).length, nRel = relOk.filter(Boolean).length;
    $("f-result").value = entityFilter || relationFilter ? nEnt + " of " + ents.length + " entities, " + nRel + " of " + rels.length + " relations" : "";
  }

  function counts(entShown, relOk) {
    const perClass = new Map(), perType = new Map();
    ents.forEach((e, i) => { if (entShown[i]) perClass.set(e.class, (perClass.get(e.class) || 0) + 1); });
    rels.forEach((r, i) => {
      if (!relOk[i]) return;
      const c = perType.get(r.type) || [0, 0];
      perType.set(r.type, [c[0] + 1, c[1] + r.weight]);
    });
    $("t-classes").tBodies[0].replaceChildren(...Object.keys(data.classes).filter((c) => perClass.has(c)).map((c) =>
      el("tr", null, el("td", null, swatch(data.classes[c].color), classLabel(c)), el("td", { class: "n", text: String(perClass.get(c)) }))));
    $("t-types").tBodies[0].replaceChildren(...Object.keys(data.types).filter((t) => perType.has(t)).map((t) =>
      el("tr", null, el("td", null, swatch(data.types[t].color), typeLabel(t)), el("td", { class: "n", text: String(perType.get(t)[0]) }),
        el("td", { class: "n", text: String(perType.get(t)[1]) }))));
  }

  [fText, fFrom, fTo].forEach((i) => i.addEventListener("input", apply));
  [fClass, fType, fStatus].forEach((s) => s.addEventListener("change", apply));
  $("kg-filter").addEventListener("submit", (e) => e.preventDefault());
  $("kg-filter").addEventListener("reset", () => setTimeout(apply, 0));

  // ---------------------------------------------------------------------------------
  // The diagram: Graphviz's SVG. Nodes are <g class="node"> whose <title> is the entity id;
  // edges are <g class="edge"> whose id is the stable edge id.

  const box = $("kg-svg"), svg = box && box.querySelector("svg");
  const relIndex = new Map(rels.map((r, i) => [r.id, i]));
  const nodeEls = [], edgeEls = [], drawnRels = new Set();
  if (svg) {
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Diagram of the graph");
    svg.querySelectorAll("g.node").forEach((g) => {
      const title = g.querySelector("title");
      const i = title ? entityIndex.get(title.textContent) : undefined;
      if (i === undefined) return; // the legend
      nodeEls.push([g, i]);
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", ents[i].label + ", " + classLabel(ents[i].class));
      g.addEventListener("click", (ev) => { ev.preventDefault(); card(i, g); });
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); card(i, g); } });
    });
    svg.querySelectorAll("g.edge").forEach((g) => {
      const i = relIndex.get(g.id);
      if (i !== undefined) edgeEls.push([g, i]), drawnRels.add(i);
    });
    panZoom(svg);
  }
  function diagram(nodeShown, relOk) {
    for (const [g, i] of nodeEls) g.classList.toggle("off", !nodeShown[i]);
    for (const [g, i] of edgeEls) g.classList.toggle("off", !relOk[i]);
  }

  function card(i, g) {
    const e = ents[i], c = $("kg-card");
    nodeEls.forEach(([n]) => n.classList.toggle("picked", n === g));
    const close = el("button", { type: "button", text: "Close" });
    close.addEventListener("click", () => { c.hidden = true; g.focus(); });
    const related = byEntity[i].slice(0, 50).map((k) => {
      const r = rels[k];
      return el("li", null, el("a", { href: "#relation-" + k, text: ents[r.s].label + " " + typeLabel(r.type) + " " + ents[r.t].label }),
        " (" + r.weight + ")");
    });
    c.replaceChildren(el("h3", { text: e.label }),
      el("dl", null,
        el("dt", { text: "Class" }), el("dd", { text: classLabel(e.class) }),
        el("dt", { text: "Id" }), el("dd", null, el("code", { text: e.id })),
        el("dt", { text: "Aliases" }), el("dd", { text: e.aliases.join(" · ") }),
        el("dt", { text: "Mentions" }), el("dd", { text: String(e.mentions) }),
        el("dt", { text: "Documents" }), el("dd", null, ...e.docs.flatMap((d, k) => (k ? [", ", docLink(d)] : [docLink(d)]))),
        el("dt", { text: "Wikidata" }), el("dd", null, wikidata(e.qid) || "—")),
      el("p", null, el("a", { href: "#entity-" + i, text: "In the entity table" })),
      el("h4", { text: "Relations (" + byEntity[i].length + ")" }), el("ul", null, ...related), close);
    c.hidden = false;
    c.focus();
  }

  function panZoom(s) {
    const vb = s.viewBox.baseVal;
    if (!vb || !vb.width) return;
    const home = [vb.x, vb.y, vb.width, vb.height];
    const set = (x, y, w, h) => s.setAttribute("viewBox", [x, y, w, h].map((v) => +v.toFixed(2)).join(" "));
    const zoom = (f, cx, cy) => {
      const v = s.viewBox.baseVal;
      if (cx === undefined) { cx = v.x + v.width / 2; cy = v.y + v.height / 2; }
      set(cx - (cx - v.x) * f, cy - (cy - v.y) * f, v.width * f, v.height * f);
    };
    const toSvg = (ev) => {
      const r = s.getBoundingClientRect(), v = s.viewBox.baseVal;
      const scale = Math.max(v.width / r.width, v.height / r.height);
      return [v.x + (ev.clientX - r.left - (r.width - v.width / scale) / 2) * scale, v.y + (ev.clientY - r.top - (r.height - v.height / scale) / 2) * scale, scale];
    };
    s.addEventListener("wheel", (ev) => { ev.preventDefault(); const [x, y] = toSvg(ev); zoom(ev.deltaY > 0 ? 1.2 : 1 / 1.2, x, y); }, { passive: false });
    let drag = null;
    s.addEventListener("pointerdown", (ev) => { if (ev.target.closest("g.node")) return; drag = [ev.clientX, ev.clientY]; s.setPointerCapture(ev.pointerId); });
    s.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const [, , scale] = toSvg(ev), v = s.viewBox.baseVal;
      set(v.x - (ev.clientX - drag[0]) * scale, v.y - (ev.clientY - drag[1]) * scale, v.width, v.height);
      drag = [ev.clientX, ev.clientY];
    });
    s.addEventListener("pointerup", () => { drag = null; });
    document.querySelectorAll("[data-zoom]").forEach((b) => b.addEventListener("click", () => {
      if (b.dataset.zoom === "in") zoom(1 / 1.25);
      else if (b.dataset.zoom === "out") zoom(1.25);
      else set(...home);
    }));
  }

  const nRel = rels.length, nSent = rels.reduce((n, r) => n + r.weight, 0);
  $("kg-counts").textContent = docs.length + " documents, " + ents.length + " entities, " + nRel + " relations, " + nSent + " evidence sentences";
  apply();
})();
