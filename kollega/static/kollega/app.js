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
  // Live updates, on pages that ask for them (<body data-live="/live/">): the server sends
  // "activity" (something new in a stream) and "notification" messages. They become the
  // events kollega-activity and kollega-notification on <body>, which elements listen to
  // with hx-trigger (the stream's "N new posts" announcement, the header badge), so what
  // is shown is always rendered, and access-checked, by the server.
  var live = null;
  function openLive() {
    var url = document.body.dataset.live;
    if (!url || !window.EventSource || !window.htmx || live) return;
    live = new EventSource(url);
    // data-live-open tells styles (and browser tests) that updates are arriving.
    live.addEventListener("open", function () {
      document.body.setAttribute("data-live-open", "");
    });
    live.addEventListener("error", function () {
      document.body.removeAttribute("data-live-open");
    });
    live.addEventListener("activity", function () {
      htmx.trigger(document.body, "kollega-activity");
    });
    live.addEventListener("notification", function () {
      htmx.trigger(document.body, "kollega-notification");
    });
    // On errors EventSource reconnects by itself (the server sends "retry").
  }
  function closeLive() {
    if (!live) return;
    live.close();
    live = null;
    document.body.removeAttribute("data-live-open");
  }
  // Close on page hide, so a page in the back-forward cache holds no connection; reopen
  // when it is shown again.
  window.addEventListener("pagehide", closeLive);
  window.addEventListener("pageshow", openLive);
  if (document.readyState !== "loading") openLive();
  else document.addEventListener("DOMContentLoaded", openLive);

  // A button that replaces a region can say where focus goes afterwards (data-focus), so
  // keyboard and screen reader users land on the new content instead of the page top.
  document.addEventListener("htmx:afterSettle", function (event) {
    var config = event.detail.requestConfig;
    var selector = config && config.elt && config.elt.getAttribute("data-focus");
    var target = selector && document.querySelector(selector);
    if (target) target.focus();
  });

  // @mention completion in post and reply textareas (those with data-mentions, the address
  // that suggests people). Typing "@" and a letter or more opens a listbox under the
  // textarea: arrow keys move, Enter or Tab inserts "@username ", Escape closes. Focus stays
  // in the textarea; aria-activedescendant tells screen readers which option is active.
  var MENTION = /(^|[^\w@\/.])@([A-Za-z0-9][\w.+-]{0,49})$/;
  var mention = null; // {area, list, status, start, options, active, seq}

  function closeMentions() {
    if (!mention) return;
    mention.list.remove();
    mention.area.removeAttribute("aria-activedescendant");
    mention.area.setAttribute("aria-expanded", "false");
    mention = null;
  }

  function setActive(index) {
    var options = mention.list.querySelectorAll('[role="option"]');
    if (!options.length) return;
    mention.active = (index + options.length) % options.length;
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", String(i === mention.active));
    });
    mention.area.setAttribute("aria-activedescendant", options[mention.active].id);
  }

  function insertMention(username) {
    var area = mention.area;
    var before = area.value.slice(0, mention.start);
    var after = area.value.slice(area.selectionStart);
    var text = "@" + username + " ";
    area.value = before + text + after;
    var caret = before.length + text.length;
    area.setSelectionRange(caret, caret);
    closeMentions();
    area.focus();
  }

  function showMentions(area, start, people) {
    closeMentions();
    if (!people.length) return;
    if (!area.id) area.id = "mention-area-" + Math.random().toString(36).slice(2);
    var list = document.createElement("ul");
    list.id = area.id + "-mentions";
    list.className = "mention-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", area.dataset.mentionsLabel || "People");
    people.forEach(function (person, i) {
      var option = document.createElement("li");
      option.id = list.id + "-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.username = person.username;
      var name = document.createElement("span");
      name.textContent = person.name;
      var username = document.createElement("span");
      username.className = "username";
      username.textContent = "@" + person.username + (person.title ? " · " + person.title : "");
      option.append(name, username);
      list.append(option);
    });
    area.parentNode.classList.add("mention-host");
    area.insertAdjacentElement("afterend", list);
    area.setAttribute("aria-controls", list.id);
    area.setAttribute("aria-expanded", "true");
    mention = { area: area, list: list, start: start, active: -1 };
    setActive(0);
  }

  var mentionTimer = null;
  var mentionSeq = 0;
  document.addEventListener("input", function (event) {
    var area = event.target;
    if (!area.matches || !area.matches("textarea[data-mentions]")) return;
    var match = MENTION.exec(area.value.slice(0, area.selectionStart));
    clearTimeout(mentionTimer);
    if (!match) {
      closeMentions();
      return;
    }
    var start = area.selectionStart - match[2].length - 1;
    var seq = ++mentionSeq;
    mentionTimer = setTimeout(function () {
      var url = area.dataset.mentions + "?q=" + encodeURIComponent(match[2]);
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : { people: [] };
        })
        .then(function (data) {
          // Only the answer to the latest keystroke counts.
          if (seq === mentionSeq && document.activeElement === area) {
            showMentions(area, start, data.people || []);
          }
        })
        .catch(closeMentions);
    }, 150);
  });

  document.addEventListener("keydown", function (event) {
    if (!mention || event.target !== mention.area) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive(mention.active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" || event.key === "Tab") {
      var option = mention.list.querySelectorAll('[role="option"]')[mention.active];
      if (!option) return;
      event.preventDefault();
      insertMention(option.dataset.username);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      closeMentions();
    }
  }, true);

  // mousedown, not click: it comes before the textarea's blur closes the list.
  document.addEventListener("mousedown", function (event) {
    var option = event.target.closest && event.target.closest(".mention-list [role=option]");
    if (!option || !mention) return;
    event.preventDefault();
    insertMention(option.dataset.username);
  });
  document.addEventListener("focusout", function (event) {
    if (mention && event.target === mention.area) closeMentions();
  });
})();
