// Sandlådan's Swedish date and time picker, as Facebook had its own instead of the browser's.
// Enhances <input data-sv-date> and <input data-sv-time>: the field shows "2 december 2026" and
// "09:00", accepts what a Swede types ("2026-12-02", "2/12", "2 dec", "0900", "9:00", "9.30"),
// and a hidden twin with the field's name carries the ISO value (ÅÅÅÅ-MM-DD, TT:MM) to the
// server. The date has a calendar (role=grid, Monday first, arrow keys); the time a list of
// times. Same look in every browser, also headless. Without JavaScript the plain text field
// is sent as typed and the server reads it.
(function () {
  "use strict";

  var MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
    "september", "oktober", "november", "december"];
  var DAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"];
  var uid = 0;

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function iso(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function make(y, m, d) {
    var date = new Date(y, m - 1, d, 12);
    return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? date : null;
  }
  function addDays(d, n) { return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n, 12); }
  function addMonths(d, n) {
    var last = new Date(d.getFullYear(), d.getMonth() + n + 1, 0, 12).getDate();
    return new Date(d.getFullYear(), d.getMonth() + n, Math.min(d.getDate(), last), 12);
  }
  function weekday(d) { return (d.getDay() + 6) % 7; }  // måndag = 0
  function sameDay(a, b) { return a && b && iso(a) === iso(b); }

  function svDate(d) { return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear(); }

  function monthNumber(word) {
    word = word.toLowerCase().replace(/\.$/, "");
    if (word.length < 3) return 0;
    for (var i = 0; i < 12; i++) { if (MONTHS[i].indexOf(word) === 0) return i + 1; }
    return 0;
  }

  // A date in Swedish order → Date, or null. A date without a year is the next one from `today`
  // (for a field about the past, data-sv-past, the last one).
  function parseDate(text, today, past) {
    var t = (text || "").trim().toLowerCase().replace(/,/g, " ").replace(/\s+/g, " ");
    DAYS.forEach(function (day) { if (t.indexOf(day + " ") === 0) t = t.slice(day.length + 1); });
    var m, y, mo, d;
    if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) { y = +m[1]; mo = +m[2]; d = +m[3]; }
    else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) { y = +m[1]; mo = +m[2]; d = +m[3]; }
    else if ((m = /^(\d{2})(\d{2})(\d{2})$/.exec(t)) || (m = /^(\d{2})-(\d{2})-(\d{2})$/.exec(t))) {
      y = 2000 + +m[1]; mo = +m[2]; d = +m[3];
    }
    else if ((m = /^(\d{1,2})\/(\d{1,2})(?:[ /-](\d{4}))?$/.exec(t))) { d = +m[1]; mo = +m[2]; y = m[3] && +m[3]; }
    else if ((m = /^(\d{1,2})\.? ([a-zåäö]+\.?)(?: (\d{4}))?$/.exec(t))) {
      d = +m[1]; mo = monthNumber(m[2]); y = m[3] && +m[3];
    }
    else return null;
    if (!mo) return null;
    if (!y) {
      y = today.getFullYear();
      var guess = make(y, mo, d);
      if (guess && !past && guess < today && !sameDay(guess, today)) y += 1;
      if (guess && past && guess > today && !sameDay(guess, today)) y -= 1;
    }
    return make(y, mo, d);
  }

  // A time → "TT:MM", or null: 9, 09, 900, 0900, 9:00, 9.00, kl. 9
  function parseTime(text) {
    var t = (text || "").trim().toLowerCase().replace(/^kl\.?\s*/, "");
    var m = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(t) || /^(\d)(\d{2})$/.exec(t);
    if (!m) return null;
    var h = +m[1], min = m[2] ? +m[2] : 0;
    return h < 24 && min < 60 ? pad(h) + ":" + pad(min) : null;
  }

  function todayOf(input) {
    var fromServer = parseDate(input.getAttribute("data-today") || "", new Date());
    return fromServer || new Date();
  }

  // The field keeps its id (so its <label> still names it); the hidden twin takes its name.
  function twin(input) {
    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = input.name;
    hidden.disabled = input.disabled;
    input.removeAttribute("name");
    input.insertAdjacentElement("afterend", hidden);
    // Disabling the field (the composer's panels do) disables what is sent too.
    new MutationObserver(function () { hidden.disabled = input.disabled; })
      .observe(input, { attributes: true, attributeFilter: ["disabled"] });
    return hidden;
  }

  function wrap(input, kind) {
    var box = document.createElement("span");
    box.className = "svdt svdt--" + kind;
    input.parentNode.insertBefore(box, input);
    box.appendChild(input);
    input.classList.add("svdt__input");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    return box;
  }

  function iconButton(label, glyph, controls) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "svdt__btn";
    b.setAttribute("aria-label", label);
    b.setAttribute("aria-expanded", "false");
    b.setAttribute("aria-controls", controls);
    b.innerHTML = '<span aria-hidden="true">' + glyph + "</span>";
    return b;
  }

  // ---- Date -----------------------------------------------------------------------------
  function enhanceDate(input) {
    var today = todayOf(input);
    var hidden = twin(input);
    var box = wrap(input, "date");
    var id = "svdt-cal-" + (++uid);
    var button = iconButton("Öppna kalendern", "▦", id);
    box.appendChild(button);
    var pop = document.createElement("div");
    pop.className = "svdt__pop";
    pop.id = id;
    pop.hidden = true;
    pop.setAttribute("role", "group");
    pop.setAttribute("aria-label", "Kalender");
    pop.innerHTML =
      '<div class="svdt__head"><button type="button" class="svdt__nav" data-step="-1" aria-label="Föregående månad">‹</button>' +
      '<div class="svdt__title" id="' + id + '-t" aria-live="polite"></div>' +
      '<button type="button" class="svdt__nav" data-step="1" aria-label="Nästa månad">›</button></div>' +
      '<table role="grid" class="svdt__grid" aria-labelledby="' + id + '-t"><thead><tr>' +
      DAYS.map(function (d) { return '<th scope="col" abbr="' + d + '">' + d.slice(0, 2) + "</th>"; }).join("") +
      "</tr></thead><tbody></tbody></table>" +
      '<p class="svdt__help">Piltangenterna byter dag, Page Up/Page Down månad, Enter väljer, Esc stänger.</p>';
    box.insertAdjacentElement("afterend", pop);
    var title = pop.querySelector(".svdt__title");
    var body = pop.querySelector("tbody");
    var chosen = null, focus = today;

    var past = input.hasAttribute("data-sv-past");
    function sync(fromTyping) {
      var d = parseDate(input.value, today, past);
      chosen = d;
      hidden.value = d ? iso(d) : input.value.trim();
      input.setAttribute("aria-invalid", String(!d && input.value.trim() !== ""));
      if (d && !fromTyping) input.value = svDate(d);
    }

    function render() {
      title.textContent = MONTHS[focus.getMonth()] + " " + focus.getFullYear();
      var first = new Date(focus.getFullYear(), focus.getMonth(), 1, 12);
      var day = addDays(first, -weekday(first));
      var rows = "";
      for (var w = 0; w < 6; w++) {
        rows += "<tr>";
        for (var i = 0; i < 7; i++) {
          var other = day.getMonth() !== focus.getMonth();
          var cls = "svdt__day" + (other ? " is-other" : "") + (sameDay(day, today) ? " is-today" : "");
          rows += '<td role="gridcell" class="' + cls + '" data-date="' + iso(day) + '"' +
            ' tabindex="' + (sameDay(day, focus) ? "0" : "-1") + '"' +
            ' aria-selected="' + String(!!sameDay(day, chosen)) + '"' +
            (sameDay(day, today) ? ' aria-current="date"' : "") +
            ' aria-label="' + DAYS[weekday(day)] + " " + svDate(day) + '">' + day.getDate() + "</td>";
          day = addDays(day, 1);
        }
        rows += "</tr>";
        if (day.getMonth() !== focus.getMonth() && w >= 3) break;
      }
      body.innerHTML = rows;
    }

    function moveTo(d) {
      focus = d;
      render();
      body.querySelector('[tabindex="0"]').focus();
    }
    function open() {
      sync(false);
      focus = chosen || today;
      pop.hidden = false;
      button.setAttribute("aria-expanded", "true");
      moveTo(focus);
    }
    function close(returnFocus) {
      if (pop.hidden) return;
      pop.hidden = true;
      button.setAttribute("aria-expanded", "false");
      if (returnFocus) button.focus();
    }
    function pick(d) {
      input.value = svDate(d);
      sync(false);
      close(false);
      input.focus();
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    button.addEventListener("click", function () { if (pop.hidden) open(); else close(true); });
    input.addEventListener("input", function () { sync(true); });
    input.addEventListener("change", function () { sync(false); });
    input.addEventListener("blur", function () { sync(false); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" && e.altKey) { e.preventDefault(); open(); }
    });
    pop.addEventListener("click", function (e) {
      var nav = e.target.closest("[data-step]");
      if (nav) { focus = addMonths(focus, +nav.getAttribute("data-step")); render(); return; }
      var cell = e.target.closest("[data-date]");
      if (cell) pick(parseDate(cell.getAttribute("data-date"), today));
    });
    pop.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); close(true); return; }
      if (!e.target.matches("[data-date]")) return;
      var moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
      var next = null;
      if (e.key in moves) next = addDays(focus, moves[e.key]);
      else if (e.key === "Home") next = addDays(focus, -weekday(focus));
      else if (e.key === "End") next = addDays(focus, 6 - weekday(focus));
      else if (e.key === "PageUp") next = addMonths(focus, e.shiftKey ? -12 : -1);
      else if (e.key === "PageDown") next = addMonths(focus, e.shiftKey ? 12 : 1);
      else if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(focus); return; }
      if (next) { e.preventDefault(); moveTo(next); }
    });
    document.addEventListener("click", function (e) {
      if (!pop.hidden && !pop.contains(e.target) && !box.contains(e.target)) close(false);
    });
    sync(false);
    return { sync: sync };
  }

  // ---- Time -----------------------------------------------------------------------------
  function enhanceTime(input) {
    var hidden = twin(input);
    var box = wrap(input, "time");
    var id = "svdt-times-" + (++uid);
    var button = iconButton("Visa klockslag", "◷", id);
    box.appendChild(button);
    var list = document.createElement("ul");
    list.className = "svdt__times";
    list.id = id;
    list.hidden = true;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Klockslag");
    var html = "";
    for (var h = 0; h < 24; h++) {
      ["00", "30"].forEach(function (mm) {
        var t = pad(h) + ":" + mm;
        html += '<li role="option" tabindex="-1" data-time="' + t + '" aria-selected="false">' + t + "</li>";
      });
    }
    list.innerHTML = html;
    box.insertAdjacentElement("afterend", list);

    function sync(fromTyping) {
      var t = parseTime(input.value);
      hidden.value = t || input.value.trim();
      input.setAttribute("aria-invalid", String(!t && input.value.trim() !== ""));
      if (t && !fromTyping) input.value = t;
      return t;
    }
    function options() { return Array.prototype.slice.call(list.children); }
    function open() {
      var t = sync(false) || "09:00";
      list.hidden = false;
      button.setAttribute("aria-expanded", "true");
      var best = options().filter(function (o) { return o.getAttribute("data-time") <= t; }).pop() || list.firstChild;
      options().forEach(function (o) { o.setAttribute("aria-selected", String(o === best)); });
      list.scrollTop = best.offsetTop - 40;
      best.focus();
    }
    function close(returnFocus) {
      if (list.hidden) return;
      list.hidden = true;
      button.setAttribute("aria-expanded", "false");
      if (returnFocus) button.focus();
    }
    function pick(option) {
      input.value = option.getAttribute("data-time");
      sync(false);
      close(false);
      input.focus();
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
    button.addEventListener("click", function () { if (list.hidden) open(); else close(true); });
    input.addEventListener("input", function () { sync(true); });
    input.addEventListener("change", function () { sync(false); });
    input.addEventListener("blur", function () { sync(false); });
    input.addEventListener("keydown", function (e) {
      // Up and down step a quarter of an hour, as on a clock radio.
      if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
      if (e.altKey) { e.preventDefault(); open(); return; }
      var t = parseTime(input.value) || "09:00";
      var minutes = (+t.slice(0, 2) * 60 + +t.slice(3) + (e.key === "ArrowUp" ? 15 : -15) + 1440) % 1440;
      e.preventDefault();
      input.value = pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60);
      sync(false);
    });
    list.addEventListener("click", function (e) {
      var option = e.target.closest("[data-time]");
      if (option) pick(option);
    });
    list.addEventListener("keydown", function (e) {
      var all = options(), i = all.indexOf(document.activeElement);
      if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); close(true); return; }
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); if (i >= 0) pick(all[i]); return; }
      var next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: all.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      var target = all[Math.max(0, Math.min(all.length - 1, next))];
      all.forEach(function (o) { o.setAttribute("aria-selected", String(o === target)); });
      target.focus();
    });
    document.addEventListener("click", function (e) {
      if (!list.hidden && !box.contains(e.target) && !list.contains(e.target)) close(false);
    });
    sync(false);
    return { sync: sync };
  }

  var pickers = [];
  document.querySelectorAll("input[data-sv-date]").forEach(function (i) { pickers.push(enhanceDate(i)); });
  document.querySelectorAll("input[data-sv-time]").forEach(function (i) { pickers.push(enhanceTime(i)); });
  // Whatever was typed last counts, even if the field never lost focus (Enter in the field).
  document.addEventListener("submit", function () {
    pickers.forEach(function (p) { p.sync(true); });
  }, true);

  window.SvDateTime = { parseDate: parseDate, parseTime: parseTime, format: svDate };
})();
