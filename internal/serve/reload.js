// qms serve: reload the page when the site is rebuilt.
//
// The server adds this script to every page, and only when it serves the
// site for editors (never to a published build). The script's own URL
// carries the generation of the build the page comes from (?g=); the
// server's event stream, __qms/events, sends the current generation, and
// when it differs the page reloads. A rebuild that failed shows a notice
// and keeps the page. The stream is open only while the page is visible,
// so that hidden tabs do not hold the browser's connections.
(function () {
  "use strict";
  var me = document.currentScript;
  var m = me && /[?&]g=([^&]+)/.exec(me.src);
  if (!m || !window.EventSource) {
    return;
  }
  var gen = decodeURIComponent(m[1]);
  var base = document.documentElement.getAttribute("data-base") || "/";
  var es = null;
  var note = null;

  function show(text) {
    if (!note) {
      note = document.createElement("div");
      note.className = "qms-serve-note";
      note.setAttribute("role", "alert");
      note.style.cssText = "position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:1000;" +
        "padding:.75rem 1rem;background:#fff;color:#0b0c0c;border:5px solid #d4351c;white-space:pre-wrap";
      document.body.appendChild(note);
    }
    note.textContent = text;
  }

  function hide() {
    if (note) {
      note.remove();
      note = null;
    }
  }

  function open() {
    if (es) {
      return;
    }
    es = new EventSource(base + "__qms/events");
    es.addEventListener("build", function (e) {
      var d;
      try {
        d = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      if (d.gen !== gen) {
        es.close();
        location.reload();
        return;
      }
      if (d.error) {
        show("Không dựng lại được site; trang đang xem là bản dựng trước.\n" + d.error);
      } else {
        hide();
      }
    });
  }

  function close() {
    if (es) {
      es.close();
      es = null;
    }
  }

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      close();
    } else {
      open();
    }
  });
  if (!document.hidden) {
    open();
  }
})();
