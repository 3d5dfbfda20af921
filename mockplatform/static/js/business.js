// Business Manager: the role help, the Administratör warning and Anpassad's tasks follow the
// chosen role; choosing a role for a Page ticks that Page. The server checks everything again.
(function () {
  "use strict";

  function field(control) { return control.closest(".bm-rolefield, fieldset"); }

  function update(control, initial) {
    var box = field(control);
    if (!box) return;
    var value = control.type === "radio"
      ? (box.querySelector('input[type="radio"]:checked') || {}).value
      : control.value;
    var warning = box.querySelector("[data-admin-warning]");
    var original = control.getAttribute("data-original");
    if (warning) warning.hidden = value !== "Administratör" || original === "Administratör";
    if (control.tagName === "SELECT") {
      var help = document.getElementById(control.id + "-help");
      var option = control.selectedOptions[0];
      if (help) help.textContent = (option && option.getAttribute("data-help")) || "";
      var tasks = document.querySelector('[data-tasks-for="' + control.id + '"]');
      if (tasks) tasks.hidden = value !== "Anpassad";
      var page = document.getElementById("inv-page-" + control.getAttribute("data-page"));
      if (page && value && !initial) page.checked = true;
    }
  }

  // After the server refused a step, the first field it named gets the focus (and is scrolled to).
  window.addEventListener("load", function () {
    var invalid = document.querySelector("dialog[open] [aria-invalid=true], form [aria-invalid=true]");
    if (invalid) invalid.focus();
  });

  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-role-select]")) update(event.target);
  });
  // A choice made before this script ran (a slow machine) is shown too.
  Array.prototype.forEach.call(document.querySelectorAll("select[data-role-select]"),
    function (control) { update(control, true); });
})();
