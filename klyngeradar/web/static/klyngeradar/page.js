/* Behaviour every page shares, kept out of the markup for the Content-Security-Policy:
   an element marked data-focus-on-load (e.g. a form's error summary) takes the focus. */
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
})();
