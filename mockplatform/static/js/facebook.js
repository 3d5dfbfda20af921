// The Facebook composer: when to publish (Dela nu / Schemalägg / Tillbakadatera / Spara utkast)
// and feeling/activity. The server checks everything again.
(function () {
  "use strict";
  var composer = document.getElementById("composer");
  if (!composer) return;

  function setMode(mode) {
    composer.querySelectorAll("[data-mode-panel]").forEach(function (panel) {
      var on = panel.getAttribute("data-mode-panel").split(" ").indexOf(mode) !== -1;
      panel.hidden = !on;
      panel.querySelectorAll("input").forEach(function (i) { i.disabled = !on; });
    });
    var submit = composer.querySelector("[data-submit-now]");
    var label = composer.querySelector("[data-when-label]");
    var text = mode === "draft" ? "Spara utkast" : "Dela nu";
    submit.value = mode === "draft" ? "draft" : "now";
    submit.textContent = text;
    label.textContent = text;
    window.Sandladan.closeMenus(null);
    var first = composer.querySelector('[data-mode-panel~="' + mode + '"] input');
    if (first) first.focus();
  }

  function setFeeling(name) {
    document.getElementById("composer-feeling").value = name;
    var chip = document.getElementById("composer-feeling-chip");
    chip.hidden = !name;
    chip.querySelector("[data-feeling-name]").textContent = name;
    composer.querySelectorAll("[data-feeling]").forEach(function (b) {
      b.setAttribute("aria-checked", String(b.getAttribute("data-feeling") === name));
    });
    window.Sandladan.closeMenus(null);
  }

  // A photo or video attached: ask whether it shows a person, and about consent (the handbook).
  var consent = composer.querySelector("[data-consent]");
  function syncConsent() {
    var file = document.getElementById("composer-media");
    if (file && file.files && file.files.length) consent.hidden = false;
    var chosen = consent.querySelector('input[name="shows_person"]:checked');
    consent.querySelectorAll("[data-when-person]").forEach(function (fs) {
      var on = !!chosen && chosen.value === fs.getAttribute("data-when-person");
      fs.hidden = !on;
      fs.disabled = !on;
    });
  }
  composer.addEventListener("change", function (event) {
    if (event.target.id === "composer-media" || event.target.name === "shows_person") syncConsent();
  });

  composer.addEventListener("click", function (event) {
    var modeButton = event.target.closest("[data-mode]");
    if (modeButton) { event.preventDefault(); setMode(modeButton.getAttribute("data-mode")); }
    var feeling = event.target.closest("[data-feeling]");
    if (feeling) { event.preventDefault(); setFeeling(feeling.getAttribute("data-feeling")); }
    if (event.target.closest("[data-clear-feeling]")) { event.preventDefault(); setFeeling(""); }
  });
})();
