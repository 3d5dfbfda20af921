// The practice phone's own behaviours: the account menu that slides up from the bottom of the
// screen (a modal <dialog>), and the composer's consent questions. Works without it too.
(function () {
  "use strict";

  function screenBox() {
    var screen = document.getElementById("phone-screen");
    return screen ? screen.getBoundingClientRect() : null;
  }

  // Put the sheet at the bottom of the phone's screen (the whole viewport on a phone).
  function placeSheet(dialog) {
    var box = screenBox();
    if (!box) return;
    var inset = parseFloat(getComputedStyle(document.getElementById("phone-screen")).borderLeftWidth) || 0;
    dialog.style.left = (box.left + inset) + "px";
    dialog.style.width = (box.width - 2 * inset) + "px";
    dialog.style.bottom = (window.innerHeight - box.bottom + inset) + "px";
  }

  document.addEventListener("click", function (event) {
    var opener = event.target.closest("[data-ig-sheet]");
    if (opener) {
      var dialog = document.getElementById(opener.getAttribute("data-ig-sheet"));
      if (dialog && dialog.showModal) {
        event.preventDefault();
        placeSheet(dialog);
        dialog.showModal();
      }
      return;
    }
    // A tap on the dimmed backdrop closes the sheet.
    if (event.target.matches && event.target.matches("dialog.ig-sheet")) event.target.close();
  });

  window.addEventListener("resize", function () {
    document.querySelectorAll("dialog.ig-sheet[open]").forEach(placeSheet);
  });

  // The composer: ask about consent only when the picture shows a person.
  var composer = document.getElementById("ig-composer");
  if (composer) {
    var sync = function () {
      var chosen = composer.querySelector('input[name="shows_person"]:checked');
      composer.querySelectorAll("[data-when-person]").forEach(function (fs) {
        var on = chosen && chosen.value === fs.getAttribute("data-when-person");
        fs.hidden = !on;
        fs.disabled = !on;
      });
    };
    composer.addEventListener("change", function (event) {
      if (event.target.name === "shows_person") sync();
      if (event.target.id === "ig-image") {
        var file = event.target.files && event.target.files[0];
        var preview = document.getElementById("ig-preview");
        if (file && preview && /^image\//.test(file.type)) {
          preview.src = URL.createObjectURL(file);
          preview.hidden = false;
        }
      }
    });
    sync();
  }
})();
