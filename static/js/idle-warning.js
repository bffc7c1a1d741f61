// Warning before the idle logout (WCAG 2.2.1, "Timing adjustable").
//
// For members only: base.html puts the idle limit, the seconds left and the warning lead
// time (all from the server) on <body> as data-idle-* and the dialog into
// <template id="ln-idle-warning">. Some time before the logout a modal dialog
// (role=alertdialog, focus on "Stay logged in") asks whether to stay; staying, or typing
// into a form on the page, calls the keep-alive endpoint (POST, CSRF), at most once per
// few minutes while typing. Without JavaScript nothing of this exists.
(function () {
  "use strict";

  function start() {
    var body = document.body;
    var template = document.getElementById("ln-idle-warning");
    if (!template || !body.dataset.idleLimit) return;
    var limit = parseInt(body.dataset.idleLimit, 10);
    var left = parseInt(body.dataset.idleLeft, 10);
    var lead = parseInt(body.dataset.idleWarning, 10);
    if (!(limit > 0) || isNaN(left) || isNaN(lead)) return;

    var deadline = Date.now() + left * 1000;
    var keepAliveEvery = Math.min(180, Math.max(1, Math.floor(limit / 3))) * 1000;
    var lastKeepAlive = Date.now();
    var dialog = null;
    var ended = false;

    function part(name) {
      return dialog.querySelector("[data-idle-" + name + "]");
    }

    function buildDialog() {
      dialog = template.content.firstElementChild.cloneNode(true);
      body.appendChild(dialog);
      part("keep-alive").addEventListener("submit", function (event) {
        event.preventDefault();
        keepAlive(true);
      });
      // Escape: the member is here, which is all the warning asks.
      dialog.addEventListener("cancel", function (event) {
        event.preventDefault();
        if (!ended) keepAlive(true);
      });
    }

    function formatTime(ms) {
      var lang = document.documentElement.lang || undefined;
      try {
        return new Date(ms).toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
      } catch (error) {
        return new Date(ms).toLocaleTimeString();
      }
    }

    function showWarning() {
      if (!dialog) buildDialog();
      if (dialog.open) return;
      var text = part("text");
      text.textContent = text.dataset.template.replace("{time}", formatTime(deadline));
      dialog.showModal();
      var button = part("keep-alive").querySelector("button");
      if (button) button.focus();
    }

    function showEnded() {
      ended = true;
      if (!dialog) buildDialog();
      part("text").hidden = true;
      part("keep-alive").hidden = true;
      part("title").hidden = true;
      part("ended").hidden = false;
      part("ended-title").hidden = false;
      part("login").hidden = false;
      dialog.setAttribute("aria-labelledby", part("ended-title").id);
      dialog.setAttribute("aria-describedby", part("ended").id);
      if (!dialog.open) dialog.showModal();
      part("login").focus();
    }

    function keepAlive(fromDialog) {
      lastKeepAlive = Date.now();
      if (!dialog) buildDialog();
      var form = part("keep-alive");
      var token = form.querySelector("[name=csrfmiddlewaretoken]");
      return fetch(form.action, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": token ? token.value : "" },
      })
        .then(function (response) {
          var seconds = parseInt(response.headers.get("Landnetz-Idle-Seconds"), 10);
          if (!response.ok || !(seconds > 0)) {
            showEnded();
            return;
          }
          deadline = Date.now() + seconds * 1000;
          if (fromDialog && dialog.open) dialog.close();
        })
        .catch(function () {
          // Offline for a moment: the warning stays and can be answered again.
        });
    }

    function tick() {
      if (ended) return;
      var now = Date.now();
      if (now >= deadline) {
        showEnded();
      } else if (now >= deadline - lead * 1000) {
        showWarning();
      }
    }

    // Typing into a form is activity the server cannot see until the form is sent.
    document.addEventListener("input", function (event) {
      if (ended || !event.target.closest || !event.target.closest("main form")) return;
      if (Date.now() - lastKeepAlive >= keepAliveEvery) keepAlive(false);
    });
    // An htmx request reached the server; it stores the time at most once a minute.
    // A background refresh (hx-headers "Landnetz-Background") is not activity.
    document.addEventListener("htmx:afterRequest", function (event) {
      var config = event.detail && event.detail.requestConfig;
      if (config && config.headers && config.headers["Landnetz-Background"]) return;
      deadline = Math.max(deadline, Date.now() + Math.max(0, limit - 60) * 1000);
    });

    window.setInterval(tick, 1000);
    document.addEventListener("visibilitychange", tick);
    tick();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
