// Text size and contrast chosen with the controls at the top of every page. Loaded in <head>
// without "defer": it puts the chosen classes on <html> before the page is drawn, also on a page
// the cache served as everybody gets it, so the text never jumps. The choice is kept a year in
// the "weshare-display" cookie, which the server reads to draw the next pages in it too.
(function () {
  "use strict";
  var COOKIE = "weshare-display";
  var GROUPS = { size: ["text-large", "text-larger"], contrast: ["contrast-high"] };
  var root = document.documentElement;

  function chosen() {
    var match = document.cookie.match(/(?:^|;\s*)weshare-display=([^;]*)/);
    var names = match ? decodeURIComponent(match[1]).split(".") : [];
    var result = { size: "", contrast: "" };
    Object.keys(GROUPS).forEach(function (group) {
      GROUPS[group].forEach(function (name) {
        if (names.indexOf(name) !== -1) {
          result[group] = name;
        }
      });
    });
    return result;
  }

  function apply(choice) {
    Object.keys(GROUPS).forEach(function (group) {
      GROUPS[group].forEach(function (name) {
        root.classList.toggle(name, choice[group] === name);
      });
    });
  }

  function keep(choice) {
    var value = [choice.size, choice.contrast].filter(Boolean).join(".");
    var secure = window.location.protocol === "https:" ? "; Secure" : "";
    document.cookie =
      COOKIE + "=" + value + "; Path=/; SameSite=Lax" + secure + (value ? "; Max-Age=31536000" : "; Max-Age=0");
  }

  function showPressed(controls, choice) {
    Array.prototype.forEach.call(controls.querySelectorAll("[data-display-size]"), function (button) {
      button.setAttribute("aria-pressed", button.getAttribute("data-display-size") === choice.size ? "true" : "false");
    });
    Array.prototype.forEach.call(controls.querySelectorAll("[data-display-contrast]"), function (button) {
      var on = button.getAttribute("data-display-contrast") === choice.contrast;
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }

  apply(chosen());

  function setUp() {
    var controls = document.querySelector("[data-display-controls]");
    if (!controls) {
      return;
    }
    controls.hidden = false;
    showPressed(controls, chosen());
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !controls.contains(button)) {
        return;
      }
      var choice = chosen();
      if (button.hasAttribute("data-display-size")) {
        choice.size = button.getAttribute("data-display-size");
      } else if (button.hasAttribute("data-display-contrast")) {
        var contrast = button.getAttribute("data-display-contrast");
        choice.contrast = choice.contrast === contrast ? "" : contrast;
      } else {
        return;
      }
      keep(choice);
      apply(choice);
      showPressed(controls, choice);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
