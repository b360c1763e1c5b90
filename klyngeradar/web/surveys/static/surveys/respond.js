// The respondent's form: keyboard focus and the screen reader's place across htmx swaps.
//
// Every answer control has an id, so htmx puts the focus back on the same control
// after it swaps the questions (an answer that reveals follow-up questions). This
// script moves the focus there itself when htmx could not, and says in a polite
// live region how many questions appeared or disappeared, so a screen reader
// user knows the next Tab leads into them. It also focuses the error summary.
(function () {
  "use strict";

  function shownIds(container) {
    return Array.prototype.map.call(
      container.querySelectorAll('input[name="shown"]'),
      function (input) { return input.value; }
    );
  }

  var before = null;
  var focusedId = null;

  document.addEventListener("htmx:beforeSwap", function (event) {
    var questions = document.getElementById("questions");
    if (!questions || event.detail.target !== questions) return;
    before = shownIds(questions);
    var active = document.activeElement;
    focusedId = active && questions.contains(active) ? active.id : null;
  });

  document.addEventListener("htmx:afterSettle", function () {
    var questions = document.getElementById("questions");
    if (!questions || before === null) return;
    var after = shownIds(questions);
    if (focusedId) {
      var again = document.getElementById(focusedId);
      if (again && document.activeElement !== again) again.focus();
    }
    var status = document.getElementById("questions-status");
    if (status) {
      var added = after.filter(function (id) { return before.indexOf(id) < 0; }).length;
      var removed = before.filter(function (id) { return after.indexOf(id) < 0; }).length;
      var text = "";
      if (added) text = (added === 1 ? status.dataset.addedOne : status.dataset.addedMany).replace("%n", added);
      else if (removed) text = (removed === 1 ? status.dataset.removedOne : status.dataset.removedMany).replace("%n", removed);
      status.textContent = text;
    }
    before = null;
    focusedId = null;
  });

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (summary) summary.focus();
  });
})();
