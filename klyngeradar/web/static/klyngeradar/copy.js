// Copy buttons: <button data-copy="ID"> copies the value (or text) of element ID and says so.
// The button is hidden without JavaScript (the field can still be selected and copied).
(function () {
  "use strict";
  function setUp() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var source = document.getElementById(button.dataset.copy);
      var status = document.getElementById(button.dataset.copyStatus);
      if (!source) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var text = source.value !== undefined ? source.value : source.textContent;
        function done(ok) {
          if (status) status.textContent = ok ? button.dataset.copied : button.dataset.failed;
        }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
        } else {
          source.focus();
          source.select();
          var ok = false;
          try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
          done(ok);
        }
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
