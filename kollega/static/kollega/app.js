// Kollega's only script: progressive enhancements on top of server-rendered pages.
// Every page works without it.
(function () {
  "use strict";
  document.documentElement.classList.remove("no-js");

  // The menu button shows and hides the navigation on narrow screens.
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".menu-toggle");
    if (!button) return;
    var nav = document.getElementById(button.getAttribute("aria-controls"));
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("open", open);
  });

  // Escape closes the menu and gives focus back to its button.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var button = document.querySelector('.menu-toggle[aria-expanded="true"]');
    if (!button) return;
    button.click();
    button.focus();
  });

  document.addEventListener("focusin", function (event) {
    if (event.target.matches("[data-select-on-focus]")) event.target.select();
  });

  // htmx leaves 4xx answers unswapped by default. Ours to 400/403 carry the form with its
  // errors (or an error fragment), so show them where the request was aimed.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 400 || status === 403) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Anything else that fails (a 404, a 500, the network) is announced at the top, in
  // words the page translated (data-* attributes on the box).
  function box() {
    return document.getElementById("request-error");
  }
  function announce(text) {
    box().textContent = text;
    box().hidden = false;
  }
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    if (status === 400 || status === 403) return;
    announce(box().dataset.failed.replace("%s", status));
  });
  document.addEventListener("htmx:sendError", function () {
    announce(box().dataset.offline);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful) box().hidden = true;
  });
})();
