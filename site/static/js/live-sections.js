/*
 * Keeps parts of a page current without a reload.
 *
 * Every element with an id and a `data-live` attribute is refreshed from the same address every
 * `data-live` seconds (30 by default): the page is fetched again and the element is replaced by
 * the one with the same id, when it changed. An element the reader is typing in is left alone.
 * A polite live region then reads the element's `data-live-message` (say, "New actions are
 * open"), so that screen readers announce the change.
 */
(function () {
    "use strict";

    var sections = Array.prototype.slice.call(document.querySelectorAll("[data-live][id]"));
    if (!sections.length || !window.fetch || !window.DOMParser) {
        return;
    }
    var announcer = document.createElement("p");
    announcer.className = "visually-hidden live-sections-announcer";
    announcer.setAttribute("aria-live", "polite");
    announcer.setAttribute("role", "status");
    announcer.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);";
    document.body.appendChild(announcer);
    var delay = Math.max(5, parseInt(sections[0].getAttribute("data-live"), 10) || 30) * 1000;

    function busy(element) {
        var active = document.activeElement;
        return active && element.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName);
    }

    function refresh() {
        if (document.hidden) {
            return;
        }
        fetch(window.location.href, { credentials: "same-origin", headers: { "X-Live-Refresh": "1" } })
            .then(function (response) {
                return response.ok ? response.text() : null;
            })
            .then(function (html) {
                if (!html) {
                    return;
                }
                var fresh = new DOMParser().parseFromString(html, "text/html");
                var changed = "";
                sections.forEach(function (element, index) {
                    var replacement = fresh.getElementById(element.id);
                    if (!replacement || replacement.innerHTML === element.innerHTML || busy(element)) {
                        return;
                    }
                    element.replaceWith(replacement);
                    sections[index] = replacement;
                    changed = replacement.getAttribute("data-live-message") || changed;
                });
                if (changed) {
                    announcer.textContent = changed;
                }
            })
            .catch(function () {
                /* Offline for a moment: the next round tries again. */
            });
    }

    window.setInterval(refresh, delay);
    document.addEventListener("visibilitychange", function () {
        if (!document.hidden) {
            refresh();
        }
    });
})();
