/* kg HTML view: legend and filters, search, details panel. All data goes on
   screen through textContent; nothing here builds HTML from strings. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var TYPES = D.types.map(function (t) { return t[0]; });
  var STYLE = {}; D.types.forEach(function (t) { STYLE[t[0]] = { colour: t[1], shape: t[2] }; });
  var PRED = Object.create(null); Object.keys(D.phrases).forEach(function (p) {
    var f = D.phrases[p]; PRED[p] = { out: f[0], inv: f[1], lineage: f[2] };
  });
  var drawn = D.drawn;
  var typeOn = {}; TYPES.forEach(function (t) { typeOn[t] = true; }); typeOn.Other = true;
  var predOn = Object.create(null); D.predicates.forEach(function (p) { predOn[p[0]] = true; });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function kindOf(i) { var k = D.info[i][0]; return k >= 0 ? TYPES[k] : "Other"; }
  function nameOf(i) { return i >= 0 ? D.info[i][1] : "(unknown paper)"; }

  // adjacency of every link, for the details panel
  var incident = D.info.map(function () { return []; });
  D.links.forEach(function (l, j) { incident[l[0]].push(j); if (l[1] !== l[0]) incident[l[1]].push(j); });
  var degree = incident.map(function (a) { return a.length; });

  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return typeOn[n.group]; } });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      var l = D.links[e.id];
      return predOn[l[2]] && typeOn[kindOf(l[0])] && typeOn[kindOf(l[1])];
    }
  });
  var container = $("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, D.options);
  if (D.physics) {
    network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: { enabled: false } }); });
  }
  // fit the graph into the part of the canvas the details panel leaves free
  function fitVisible(animate) {
    var panel = $("details"), w = container.clientWidth, h = container.clientHeight;
    var free = panel.hidden ? w : w - panel.offsetWidth - 24;
    if (free < w / 3) free = w;
    var ids = nodeView.getIds(), pos = network.getPositions(ids), box = null;
    ids.forEach(function (id) {
      var p = pos[id], r = (nodes.get(id).size || 10) + 20;
      if (!p) return;
      if (!box) box = { x0: p.x - r, x1: p.x + r, y0: p.y - r, y1: p.y + r };
      box.x0 = Math.min(box.x0, p.x - r); box.x1 = Math.max(box.x1, p.x + r);
      box.y0 = Math.min(box.y0, p.y - r); box.y1 = Math.max(box.y1, p.y + r);
    });
    if (!box) return;
    var scale = Math.min(1.25, 0.95 * Math.min(free / (box.x1 - box.x0), h / (box.y1 - box.y0)));
    var target = { position: { x: (box.x0 + box.x1) / 2 + (w - free) / 2 / scale, y: (box.y0 + box.y1) / 2 },
      scale: scale };
    if (animate) target.animation = { duration: 400, easingFunction: "easeInOutQuad" };
    network.moveTo(target);
  }
  function start() {
    if (D.focus >= 0) { network.selectNodes([D.focus]); showDetails(D.focus); fitVisible(false); }
    window.kgReady = performance.now();
    document.body.setAttribute("data-ready", "1");
  }
  if (D.physics) network.once("stabilizationIterationsDone", start);
  else network.once("afterDrawing", start);

  // header
  if (D.note) $("note").textContent = D.note;
  function updateCounts() {
    $("counts").textContent = nodeView.length + " of " + drawn + " nodes · " + edgeView.length + " edges";
  }

  // legend doubling as filters
  function legendItem(list, on, key, swatch, label, count, onChange) {
    var li = el("li"), lab = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = on; box.setAttribute("data-key", key);
    box.addEventListener("change", function () { li.classList.toggle("off", !box.checked); onChange(box.checked); });
    lab.appendChild(box); lab.appendChild(swatch); lab.appendChild(el("span", "name", label));
    lab.appendChild(el("span", "n", count));
    li.appendChild(lab); list.appendChild(li);
    return box;
  }
  var typeBoxes = {};
  D.types.forEach(function (t) {
    if (!t[3]) return;
    var sw = el("span", "swatch " + t[2]); sw.style.background = t[1];
    typeBoxes[t[0]] = legendItem($("types"), true, t[0], sw, t[0], t[3], function (on) { setType(t[0], on); });
  });
  D.predicates.forEach(function (p) {
    var sw = el("span", "line"); sw.style.background = p[1]; sw.style.height = Math.max(2, p[2] * 1.6) + "px";
    legendItem($("predicates"), true, p[0], sw, p[0], p[5], function (on) { predOn[p[0]] = on; refresh(); });
  });
  function refresh() { nodeView.refresh(); edgeView.refresh(); updateCounts(); }
  function setType(kind, on) {
    typeOn[kind] = on;
    if (typeBoxes[kind]) { typeBoxes[kind].checked = on; typeBoxes[kind].closest("li").classList.toggle("off", !on); }
    if (kind === "Paper") $("hide-papers").checked = !on;
    refresh();
  }
  $("hide-papers").addEventListener("change", function () { setType("Paper", !this.checked); });
  if (!typeBoxes.Paper) $("hide-papers").parentNode.hidden = true;
  $("fit").addEventListener("click", function () { fitVisible(true); });
  updateCounts();

  if (D.big) {
    var box = $("big");
    box.appendChild(el("b", null, drawn + " nodes: a large graph. "));
    box.appendChild(document.createTextNode("It is drawn with a precomputed layout and physics off" +
      (D.heavy ? "; edges are hidden while you pan or zoom. " : ". ") +
      "To narrow the view, tick \u201cHide papers\u201d, untick node types or relations, or write the " +
      "neighbourhood of one entity:"));
    box.appendChild(el("code", "block", "kg view OUT NAME --hops 2"));
    box.appendChild(document.createTextNode("or its lineage tree:"));
    box.appendChild(el("code", "block", "kg view OUT NAME --lineage"));
    box.hidden = false;
  }

  // search by name or alias: case, accents, spaces and hyphens do not matter ("tiny bert" finds TinyBERT)
  function norm(text) {
    var t = String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    var key = t.replace(/[^\p{L}\p{N}]+/gu, "");
    return key || t.trim();
  }
  var index = [];
  for (var i = 0; i < drawn; i++) index.push([i, norm(D.info[i][1]), D.info[i][2].map(norm)]);
  function find(q) {
    q = norm(q);
    if (!q) return [];
    var hits = [];
    index.forEach(function (row) {
      var rank = row[1] === q ? 0 : row[2].indexOf(q) >= 0 ? 1 : row[1].indexOf(q) === 0 ? 2 :
        row[2].some(function (a) { return a.indexOf(q) === 0; }) ? 3 : row[1].indexOf(q) >= 0 ? 4 :
        row[2].some(function (a) { return a.indexOf(q) >= 0; }) ? 5 : -1;
      if (rank >= 0) hits.push([rank, kindOf(row[0]) === "Paper" ? 1 : 0, -degree[row[0]], row[1], row[0]]);
    });
    hits.sort(function (a, b) {
      for (var k = 0; k < 4; k++) { if (a[k] < b[k]) return -1; if (a[k] > b[k]) return 1; }
      return a[4] - b[4];
    });
    return hits.slice(0, 12).map(function (h) { return h[4]; });
  }
  var matches = $("matches"), search = $("search"), active = 0, current = [];
  function showMatches() {
    current = find(search.value); active = 0;
    matches.textContent = "";
    if (!search.value.trim()) { matches.hidden = true; return; }
    if (!current.length) matches.appendChild(el("li", "empty", "No node by that name or alias"));
    current.forEach(function (n, k) {
      var li = el("li", k === 0 ? "active" : ""), sw = el("span", "swatch " + (STYLE[kindOf(n)] || {}).shape);
      sw.style.background = (STYLE[kindOf(n)] || {}).colour || "#888";
      li.appendChild(sw); li.appendChild(el("span", null, nameOf(n)));
      var q = norm(search.value);
      var alias = D.info[n][2].filter(function (a) { return norm(a).indexOf(q) >= 0; })[0];
      if (alias && norm(D.info[n][1]).indexOf(q) < 0) li.appendChild(el("span", "alias", "(" + alias + ")"));
      li.appendChild(el("span", "kind", kindOf(n)));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(n); });
      matches.appendChild(li);
    });
    matches.hidden = false;
  }
  function choose(n) { matches.hidden = true; search.blur(); focusNode(n); }
  search.addEventListener("input", showMatches);
  search.addEventListener("blur", function () { matches.hidden = true; });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!current.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : current.length - 1)) % current.length;
      Array.prototype.forEach.call(matches.children, function (li, k) { li.classList.toggle("active", k === active); });
    } else if (ev.key === "Enter") {
      if (current.length) choose(current[active]);
    } else if (ev.key === "Escape") { matches.hidden = true; search.blur(); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== search) { ev.preventDefault(); search.focus(); search.select(); }
    if (ev.key === "Escape" && document.activeElement !== search) { $("details").hidden = true; network.unselectAll(); }
  });

  function focusNode(n) {
    if (n >= drawn) return;
    if (!typeOn[kindOf(n)]) setType(kindOf(n), true);
    network.selectNodes([n]);
    showDetails(n);
    // centre the node in the part of the canvas the details panel leaves free
    var panel = $("details"), shift = panel.hidden ? 0 : (panel.offsetWidth + 24) / 2;
    network.focus(n, { scale: Math.max(network.getScale(), 1.1), offset: { x: -shift, y: 0 },
      animation: D.heavy ? false : { duration: D.big ? 250 : 450, easingFunction: "easeInOutQuad" } });
  }

  // details panel
  function nodeLink(n) {
    var b = el("button", "node-link" + (n < drawn && n >= 0 ? "" : " off"), nameOf(n));
    b.type = "button";
    if (n < drawn && n >= 0) b.addEventListener("click", function () { focusNode(n); });
    else b.title = "not drawn in this view";
    return b;
  }
  function paperLine(p) {
    var meta = D.info[p] ? D.info[p][3] : [];
    return nameOf(p) + (meta && meta[0] ? " (" + meta[0] + ")" : "");
  }
  function evidenceList(evs, neighbour) {
    var box = el("div");
    evs.forEach(function (ev) {
      var q = el("div", "evidence", "\u201c" + ev[1] + "\u201d");
      if (ev[0] !== neighbour) {
        var src = el("span", "src", "\u2014 " + paperLine(ev[0]));
        q.appendChild(src);
      }
      q.title = "confidence " + ev[2];
      box.appendChild(q);
    });
    return box;
  }
  var SHOWN = 25;
  function section(body, heading, items) {
    var h = el("h4", null, heading + " "); h.appendChild(el("span", "n", items.length));
    body.appendChild(h);
    var ul = el("ul");
    function render(limit) {
      ul.textContent = "";
      items.slice(0, limit).forEach(function (it) {
        var li = el("li", "item"); li.appendChild(nodeLink(it.other));
        if (kindOf(it.other) === "Paper") {
          var meta = D.info[it.other][3];
          if (meta && meta[0]) li.appendChild(el("span", "meta", " " + meta[0]));
        }
        li.appendChild(evidenceList(it.evidence, it.other));
        ul.appendChild(li);
      });
      if (items.length > limit) {
        var more = el("button", "more", "Show all " + items.length);
        more.type = "button";
        more.addEventListener("click", function () { render(items.length); });
        ul.appendChild(more);
      }
    }
    render(SHOWN);
    body.appendChild(ul);
  }
  function showDetails(n) {
    var body = $("details-body"), kind = kindOf(n), info = D.info[n];
    body.textContent = "";
    var badge = el("span", "badge", kind); badge.style.background = (STYLE[kind] || {}).colour || "#888";
    body.appendChild(badge);
    body.appendChild(el("h2", null, info[1]));
    if (info[2].length) body.appendChild(el("div", "meta", "Also known as: " + info[2].join(", ")));
    if (kind === "Paper" && info[3].length) {
      var meta = el("div", "meta", info[3][0] ? "Date: " + info[3][0] + " " : "");
      var url = info[3][1];
      if (/^https?:\/\//.test(url)) {
        var a = el("a", null, url); a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
        meta.appendChild(a);
      }
      body.appendChild(meta);
    }
    var total = info.length > 4 ? info[4] : degree[n];
    body.appendChild(el("div", "meta", total + " relation" + (total === 1 ? "" : "s") +
      (total > degree[n] ? ", " + degree[n] + " of them in this view" : "")));
    var groups = Object.create(null), order = [];
    incident[n].forEach(function (j) {
      var l = D.links[j], out = l[0] === n, p = PRED[l[2]] || { out: l[2], inv: l[2] + " (inverse)" };
      var key = (out ? "o:" : "i:") + l[2];
      if (!groups[key]) {
        groups[key] = { heading: out ? p.out || l[2] : p.inv || l[2], items: [], lineage: !!p.lineage, pred: l[2],
          out: out };
        order.push(key);
      }
      groups[key].items.push({ other: out ? l[1] : l[0], evidence: l[3] });
    });
    // parents first, then children, the papers that introduce it, other relations, mentions last
    var rank = function (g) {
      return g.lineage ? (g.out ? 0 : 1) : g.pred === "introduces" ? 2 : g.pred === "mentions" ? 4 : 3;
    };
    order.sort(function (a, b) { return rank(groups[a]) - rank(groups[b]) || (a < b ? -1 : a > b ? 1 : 0); });
    order.forEach(function (k) { section(body, groups[k].heading, groups[k].items); });
    $("details").hidden = false;
    $("details").scrollTop = 0;
  }
  $("close").addEventListener("click", function () { $("details").hidden = true; network.unselectAll(); });
  network.on("click", function (params) {
    if (params.nodes.length) showDetails(params.nodes[0]);
  });

  window.kgView = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    focusNode: focusNode, find: find, setType: setType };
})();
