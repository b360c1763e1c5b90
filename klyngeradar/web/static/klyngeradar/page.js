/* Behaviour every page shares, kept out of the markup for the Content-Security-Policy:
   an element marked data-focus-on-load (e.g. a form's error summary) takes the focus,
   and a form the server shows again after a failed save (503 with X-Form-Kept) is
   swapped in by htmx like any answer, so its message and the typed values are seen. */
(function () {
  "use strict";
  function focusMarked() {
    var target = document.querySelector("[data-focus-on-load]");
    if (target) { target.focus(); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusMarked);
  } else {
    focusMarked();
  }
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.status === 503 && xhr.getResponseHeader("X-Form-Kept")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
