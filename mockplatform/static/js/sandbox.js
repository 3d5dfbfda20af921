// Sandlådan's small shared behaviours: menus, dialogs, confirmations, file size checks.
// Pages work without it where they can; with it they behave like the real platforms.
(function () {
  "use strict";

  function menuOf(button) {
    return document.getElementById(button.getAttribute("aria-controls"));
  }
  function closeMenus(except) {
    document.querySelectorAll('[aria-haspopup="menu"][aria-expanded="true"]').forEach(function (b) {
      if (b !== except) { b.setAttribute("aria-expanded", "false"); var m = menuOf(b); if (m) m.hidden = true; }
    });
  }
  function openMenu(button) {
    var menu = menuOf(button);
    if (!menu) return;
    closeMenus(button);
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    menu.hidden = !open;
    if (open) {
      var first = menu.querySelector('[role^="menuitem"]');
      if (first) first.focus();
    }
  }

  document.addEventListener("click", function (event) {
    var menuButton = event.target.closest('[aria-haspopup="menu"]');
    if (menuButton) { event.preventDefault(); openMenu(menuButton); return; }
    if (!event.target.closest('[role="menu"]')) closeMenus(null);

    var opener = event.target.closest("[data-open-dialog]");
    // Browsers with invoker commands (commandfor/command) open the dialog themselves,
    // even before this script has loaded; this is the fallback for the others.
    if (opener && !("commandForElement" in HTMLButtonElement.prototype)) {
      var dialog = document.getElementById(opener.getAttribute("data-open-dialog"));
      if (dialog && dialog.showModal) { event.preventDefault(); dialog.showModal(); }
    }
    var toggle = event.target.closest("[data-toggle]");
    if (toggle) {
      var region = document.getElementById(toggle.getAttribute("aria-controls"));
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      if (region) {
        region.hidden = !open;
        var field = open && region.querySelector("textarea, input:not([type=hidden])");
        if (field) field.focus();
      }
    }
    var closer = event.target.closest("[data-close-dialog]");
    if (closer) { var d = closer.closest("dialog"); if (d) { event.preventDefault(); d.close(); } }
  });

  document.addEventListener("keydown", function (event) {
    // The label that stands in for a hidden file input opens the file chooser from the keyboard.
    var fileLabel = event.target.closest && event.target.closest("[data-file-label]");
    if (fileLabel && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      var file = document.getElementById(fileLabel.getAttribute("for"));
      if (file) file.click();
      return;
    }
    var menu = event.target.closest && event.target.closest('[role="menu"]');
    if (event.key === "Escape" && menu) {
      // Escape in a menu closes the menu only, not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      var button = document.querySelector('[aria-controls="' + menu.id + '"]');
      closeMenus(null);
      if (button) button.focus();
    }
    if (menu && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      var items = Array.prototype.slice.call(menu.querySelectorAll('[role^="menuitem"]'));
      var i = items.indexOf(document.activeElement);
      var next = items[(i + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length];
      if (next) { event.preventDefault(); next.focus(); }
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) { event.preventDefault(); }
  });

  // A file larger than the server accepts is refused before it is sent, so nothing is lost.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[type="file"][data-max-image]')) return;
    var file = input.files && input.files[0];
    var out = document.getElementById(input.getAttribute("aria-describedby") || "");
    if (!file) return;
    var isVideo = /^video\//.test(file.type);
    var max = Number(input.getAttribute(isVideo ? "data-max-video" : "data-max-image"));
    if (max && file.size > max) {
      input.value = "";
      if (out) out.textContent = (isVideo ? "Filmen" : "Bilden") + " är för stor. Största storlek är " +
        Math.round(max / 1048576) + " MB.";
    } else if (out) { out.textContent = "Vald fil: " + file.name; }
  });

  window.Sandladan = { closeMenus: closeMenus };

  // Dialogs rendered open by the server (after a validation error) are shown as modals; the
  // browser puts the focus on their [autofocus] field. Their opener is not on this page, so
  // closing one (Escape, Avbryt) returns the focus to the control named by data-return-focus.
  document.querySelectorAll("dialog[data-open-on-load]").forEach(function (d) {
    if (d.showModal && !d.open) d.showModal();
    // Editing goes on where the text ends.
    var field = document.activeElement;
    if (field && d.contains(field) && field.tagName === "TEXTAREA") {
      field.selectionStart = field.selectionEnd = field.value.length;
    }
    d.addEventListener("close", function () {
      var back = document.getElementById(d.getAttribute("data-return-focus") || "");
      if (back) back.focus();
    });
  });

  // An error page's "Tillbaka" goes back in history (the link itself leads to the start page).
  document.addEventListener("click", function (event) {
    var back = event.target.closest("[data-history-back]");
    if (back && window.history.length > 1) { event.preventDefault(); window.history.back(); }
  });
})();
