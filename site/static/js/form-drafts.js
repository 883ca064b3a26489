// What a person types in a step of the application form is kept in this browser as they type,
// so that nothing is lost if they stop, close the page or their session ends before they press
// the button. A step the server shows with nothing stored yet (data-draft-fresh) gets it back,
// with a message saying so; a step showing stored or sent answers keeps the server's. Drafts are
// forgotten once the application is sent, and after a week in any case.
(function () {
  "use strict";
  var PREFIX = "weshare-draft:";
  var WEEK = 7 * 24 * 60 * 60 * 1000;
  var SKIPPED = { hidden: true, password: true, file: true, submit: true, button: true, reset: true };

  function storage() {
    try {
      var probe = PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function keptFields(form) {
    return Array.prototype.filter.call(form.elements, function (element) {
      return element.name && !SKIPPED[element.type] && element.name !== "csrfmiddlewaretoken";
    });
  }

  function read(form) {
    var values = {};
    keptFields(form).forEach(function (element) {
      if (element.type === "checkbox" || element.type === "radio") {
        values[element.name] = values[element.name] || [];
        if (element.checked) {
          values[element.name].push(element.value);
        }
      } else if (element.multiple) {
        values[element.name] = Array.prototype.filter
          .call(element.options, function (option) { return option.selected; })
          .map(function (option) { return option.value; });
      } else {
        values[element.name] = element.value;
      }
    });
    return values;
  }

  function write(form, values) {
    var restored = false;
    keptFields(form).forEach(function (element) {
      if (!Object.prototype.hasOwnProperty.call(values, element.name)) {
        return;
      }
      var value = values[element.name];
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = Array.isArray(value) && value.indexOf(element.value) !== -1;
        restored = restored || element.checked;
      } else if (element.multiple) {
        Array.prototype.forEach.call(element.options, function (option) {
          option.selected = Array.isArray(value) && value.indexOf(option.value) !== -1;
        });
      } else if (typeof value === "string") {
        element.value = value;
        restored = restored || value !== "";
      }
    });
    return restored;
  }

  function forgetOld(store) {
    var now = Date.now();
    for (var index = store.length - 1; index >= 0; index -= 1) {
      var key = store.key(index);
      if (key && key.indexOf(PREFIX) === 0) {
        try {
          var saved = JSON.parse(store.getItem(key));
          if (!saved || now - saved.at > WEEK) {
            store.removeItem(key);
          }
        } catch (error) {
          store.removeItem(key);
        }
      }
    }
  }

  function forgetPage(store, pageId) {
    for (var index = store.length - 1; index >= 0; index -= 1) {
      var key = store.key(index);
      if (key && key.indexOf(PREFIX + pageId + "-") === 0) {
        store.removeItem(key);
      }
    }
  }

  function announce(form, text) {
    var message = document.createElement("p");
    message.className = "draft-restored";
    message.setAttribute("role", "status");
    message.textContent = text;
    form.parentNode.insertBefore(message, form);
  }

  function setUp() {
    var store = storage();
    if (!store) {
      return;
    }
    forgetOld(store);
    Array.prototype.forEach.call(document.querySelectorAll("[data-draft-clear]"), function (marker) {
      forgetPage(store, marker.getAttribute("data-draft-clear"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("form[data-draft]"), function (form) {
      var key = PREFIX + form.getAttribute("data-draft");
      Array.prototype.forEach.call(document.querySelectorAll("[data-draft-note]"), function (note) {
        note.hidden = false;
      });
      if (form.hasAttribute("data-draft-fresh")) {
        try {
          var saved = JSON.parse(store.getItem(key) || "null");
          if (saved && saved.values && write(form, saved.values)) {
            announce(form, form.getAttribute("data-draft-restored") || "");
          }
        } catch (error) {
          store.removeItem(key);
        }
      }
      function save() {
        try {
          store.setItem(key, JSON.stringify({ at: Date.now(), values: read(form) }));
        } catch (error) {
          // A full or refused storage only means the draft is not kept.
        }
      }
      form.addEventListener("input", save);
      form.addEventListener("change", save);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
