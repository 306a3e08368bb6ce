(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("claims-data").textContent);
  var tip = document.getElementById("tip");
  var FIELDS = [["value", "value"], ["unit", "unit"], ["qualifier", "qualifier"],
    ["bounds", "bounds"], ["period", "period"], ["role", "role"], ["region", "region"],
    ["indicator", "indicator"], ["indicator_key", "indicator key"], ["measure", "measure"]];

  function text(v) { return v === null || v === undefined || v === "" ? "—" : String(v); }

  function showTip(c, el) {
    var dl = document.createElement("dl");
    FIELDS.forEach(function (f) {
      var v = f[0] === "bounds" ? "[" + text(c.lower) + ", " + text(c.upper) + "]" : text(c[f[0]]);
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = f[1]; dd.textContent = v;
      dl.appendChild(dt); dl.appendChild(dd);
    });
    var head = document.createElement("div");
    head.textContent = c.text + " (" + c.kind + ")";
    tip.replaceChildren(head, dl);
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    tip.style.left = Math.max(4, r.left + window.scrollX) + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
    tip.dataset.k = c.k;
  }

  document.addEventListener("mouseover", function (e) {
    var t = e.target.closest ? e.target.closest("mark.c,a.box") : null;
    if (t) { showTip(data[+t.dataset.k], t); } else { tip.hidden = true; }
  });

  // filters: the table's rows, and the claims in the text and on the pages
  var rows = Array.prototype.slice.call(document.querySelectorAll("#claims tbody tr"));
  var marks = {};
  document.querySelectorAll("mark.c,a.box").forEach(function (m) {
    (marks[m.dataset.k] = marks[m.dataset.k] || []).push(m);
  });
  var controls = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
  var count = document.getElementById("count");

  function matches(c) {
    return controls.every(function (ctl) {
      var want = ctl.value.trim();
      if (!want) { return true; }
      var field = ctl.dataset.filter;
      if (field === "indicator") {
        var w = want.toLowerCase();
        return [c.indicator, c.indicator_key].some(function (s) {
          return s && String(s).toLowerCase().indexOf(w) >= 0;
        });
      }
      return String(c[field]) === want;
    });
  }

  function apply() {
    var shown = 0;
    rows.forEach(function (tr) {
      var k = tr.dataset.k, ok = matches(data[+k]);
      tr.hidden = !ok;
      shown += ok ? 1 : 0;
      (marks[k] || []).forEach(function (m) { m.classList.toggle("dim", !ok); });
    });
    count.textContent = shown + " of " + rows.length + " claims";
  }
  controls.forEach(function (ctl) {
    ctl.addEventListener("input", apply);
    ctl.addEventListener("change", apply);
  });
  apply();

  // jumping to a sentence or a claim: show where it landed
  function flash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) { return; }
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }
  window.addEventListener("hashchange", flash);
  document.documentElement.dataset.ready = "1";
})();
