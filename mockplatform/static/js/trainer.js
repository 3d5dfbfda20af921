// The trainer's live table: poll the class's JSON and update each trainee's row.
(function () {
  var table = document.querySelector("[data-status-url]");
  if (!table) return;
  function render(data) {
    var body = document.getElementById("trainees");
    data.trainees.forEach(function (t) {
      var row = body.querySelector('tr[data-workspace="' + t.workspace + '"]');
      if (!row) { location.reload(); return; }  // someone joined: the form buttons need the server
      var cells = row.querySelectorAll("td");
      t.tasks.forEach(function (done, i) {
        cells[i].textContent = done ? "✔ klar" : "–";
        cells[i].className = done ? "ok" : "";
        if (!done && t.why && t.why[i]) cells[i].title = t.why[i]; else cells[i].removeAttribute("title");
      });
      cells[t.tasks.length].textContent = t.hints;
      cells[t.tasks.length + 1].textContent = t.mistakes;
      cells[t.tasks.length + 2].textContent = t.minutes === null ? "" : t.minutes;
    });
  }
  setInterval(function () {
    fetch(table.getAttribute("data-status-url"), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) render(data); })
      .catch(function () { /* next time */ });
  }, 3000);
})();
