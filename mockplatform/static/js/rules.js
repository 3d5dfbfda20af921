// The live coach: while the user writes in a box marked data-rules-kind, the text is sent
// (debounced) to the server's rules, and what they find is listed beside the box as
// "Tänk på: …" in a polite live region. The server checks again when the text is saved.
(function () {
  "use strict";
  var WAIT = 600;

  function render(out, findings) {
    var key = findings.map(function (f) { return f.rule + f.quote; }).join("|");
    if (out.getAttribute("data-key") === key) return;  // unchanged: nothing new to announce
    out.setAttribute("data-key", key);
    out.textContent = "";
    if (!findings.length) return;
    var heading = document.createElement("p");
    heading.className = "rules-hints__h";
    heading.textContent = "Tänk på:";
    var list = document.createElement("ul");
    findings.forEach(function (f) {
      var item = document.createElement("li");
      item.className = "rules-hints__item rules-hints__item--" + f.severity;
      item.appendChild(document.createTextNode(f.message.charAt(0).toUpperCase() + f.message.slice(1) + " "));
      if (f.quote) {
        var quote = document.createElement("q");
        quote.textContent = f.quote;
        item.appendChild(quote);
      }
      var section = document.createElement("span");
      section.className = "rules-hints__section";
      section.textContent = " Handboken: " + f.section + ".";
      item.appendChild(section);
      list.appendChild(item);
    });
    out.appendChild(heading);
    out.appendChild(list);
  }

  function watch(box) {
    var out = document.getElementById(box.getAttribute("data-rules-out"));
    var form = box.closest("form");
    var token = form && form.querySelector('input[name="csrf_token"]');
    if (!out) return;
    var timer = null, sent = null;
    function ask() {
      var text = box.value;
      if (text === sent) return;
      sent = text;
      if (!text.trim()) { render(out, []); return; }
      fetch(box.getAttribute("data-rules-url"), {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json",
                   "X-CSRFToken": token ? token.value : "" },
        body: JSON.stringify({ kind: box.getAttribute("data-rules-kind"), text: text,
                               page: box.getAttribute("data-rules-page") || "" })
      }).then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data && box.value === text) render(out, data.findings || []); })
        .catch(function () { sent = null; /* the next keystroke tries again */ });
    }
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, WAIT);
    });
    if (box.value.trim()) ask();
  }

  document.querySelectorAll("[data-rules-kind]").forEach(watch);
})();
