// The search box's suggestions as an ARIA combobox: htmx fills the listbox as you type;
// this adds the keyboard (arrows move, Enter opens the chosen one, Escape closes) and keeps
// aria-expanded / aria-activedescendant true to what is shown.
(function () {
  "use strict";
  function setup(input) {
    if (input.dataset.comboboxReady) return;
    input.dataset.comboboxReady = "1";
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var active = -1;
    function options() { return Array.prototype.slice.call(list.querySelectorAll("[role=option]")); }
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function show(index) {
      var opts = options();
      opts.forEach(function (o, i) { o.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0 && opts[index]) input.setAttribute("aria-activedescendant", opts[index].id);
      else input.removeAttribute("aria-activedescendant");
    }
    list.addEventListener("htmx:afterSwap", function () {
      var any = options().length > 0 && input.value.trim().length > 0;
      list.hidden = !any;
      input.setAttribute("aria-expanded", any ? "true" : "false");
      show(-1);
    });
    input.addEventListener("keydown", function (event) {
      var opts = options();
      if (list.hidden || !opts.length) return;
      if (event.key === "ArrowDown") { event.preventDefault(); show((active + 1) % opts.length); }
      else if (event.key === "ArrowUp") { event.preventDefault(); show(active <= 0 ? opts.length - 1 : active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = opts[active].querySelector("a").href;
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 200); });
  }
  function init() { document.querySelectorAll("[data-search-combobox]").forEach(setup); }
  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("htmx:load", init);
})();
