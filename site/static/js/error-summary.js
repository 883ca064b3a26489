// A step sent with problems opens on its list of problems: focus moves there so that screen
// readers announce it and keyboard users start from it. Each link of the list then moves to its
// field and keeps the field's label or question in view above it.
(function () {
  "use strict";
  function setUp() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) {
      return;
    }
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) {
        return;
      }
      var input = document.getElementById(link.getAttribute("href").slice(1));
      if (!input) {
        return;
      }
      event.preventDefault();
      var legend = input.closest("fieldset");
      var label = legend ? legend.querySelector("legend") : document.querySelector("label[for='" + input.id + "']");
      (label || input).scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
