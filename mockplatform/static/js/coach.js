// The coach panel: collapse, announce finished tasks (aria-live), and a light poll so that
// ✔ appears after a task is done on another request.
(function () {
  var coach = document.getElementById("coach");
  if (!coach) return;
  var body = document.getElementById("coach-body");
  var toggle = coach.querySelector(".coach__toggle");
  var live = document.getElementById("coach-live");
  var phone = window.matchMedia("(max-width: 700px)");

  function place() {
    var bar = document.querySelector(".sandbox-bar");
    if (phone.matches && bar && bar.nextElementSibling !== coach) bar.after(coach);
  }
  function setCollapsed(collapsed) {
    coach.classList.toggle("coach--collapsed", collapsed);
    body.hidden = collapsed;
    toggle.setAttribute("aria-expanded", collapsed ? "false" : "true");
    toggle.textContent = collapsed ? "Visa" : "Dölj";
    try { localStorage.setItem("coach-collapsed", collapsed ? "1" : ""); } catch (e) { /* private mode */ }
  }
  function announce(text) {
    if (!text) return;
    live.textContent = "";
    setTimeout(function () { live.textContent = text; }, 250);
  }

  place();
  var stored = "";
  try { stored = localStorage.getItem("coach-collapsed") || ""; } catch (e) { /* private mode */ }
  setCollapsed(stored === "1");
  toggle.addEventListener("click", function () { setCollapsed(!coach.classList.contains("coach--collapsed")); });
  announce(coach.getAttribute("data-announce"));

  function poll() {
    fetch(coach.getAttribute("data-status-url"), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) return;
        if (!data.running) { coach.remove(); document.body.classList.add("coach-gone"); return; }
        if (data.version === coach.getAttribute("data-version")) return;
        var url = coach.getAttribute("data-panel-url") + "?sida=" + encodeURIComponent(location.pathname + location.search);
        var before = (coach.getAttribute("data-done-list") || "").split(" ");
        var newly = data.tasks.filter(function (t) { return t.done && before.indexOf(String(t.number)) < 0; });
        var undone = data.tasks.filter(function (t) { return !t.done && before.indexOf(String(t.number)) >= 0; });
        return fetch(url, { credentials: "same-origin" }).then(function (r) { return r.text(); }).then(function (html) {
          body.innerHTML = html;
          coach.setAttribute("data-done", String(data.done));
          coach.setAttribute("data-version", data.version);
          coach.setAttribute("data-done-list", data.tasks.filter(function (t) { return t.done; })
            .map(function (t) { return t.number; }).join(" "));
          announce(newly.map(function (t) { return "Klart: uppgift " + t.number + "."; })
            .concat(undone.map(function (t) { return "Uppgift " + t.number + " är inte klar längre: " + t.why; }))
            .join(" ")
            + (data.finished ? " Alla uppgifter är klara." : ""));
        });
      })
      .catch(function () { /* the next poll tries again */ });
  }
  setInterval(poll, 3000);
})();
