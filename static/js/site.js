// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";

    function setUpMenu() {
        // The "Menü" link (it unfolds the list without JavaScript) becomes a
        // button with the same look and content.
        var link = document.querySelector("a.site-nav__toggle");
        var list = document.getElementById("site-nav-list");
        if (!link || !list) {
            return;
        }
        var toggle = document.createElement("button");
        toggle.type = "button";
        toggle.className = link.className;
        toggle.setAttribute("aria-controls", list.id);
        toggle.append.apply(toggle, Array.prototype.slice.call(link.childNodes));
        link.replaceWith(toggle);
        var wide = window.matchMedia("(min-width: 992px)");
        function collapse(collapsed) {
            list.dataset.collapsed = collapsed ? "true" : "false";
            toggle.setAttribute("aria-expanded", collapsed ? "false" : "true");
        }
        collapse(window.location.hash !== "#" + list.id);
        toggle.addEventListener("click", function () {
            collapse(list.dataset.collapsed !== "false" ? false : true);
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && list.dataset.collapsed === "false" && !wide.matches) {
                collapse(true);
                toggle.focus();
            }
        });
    }

    // Language switcher (<details>): Escape closes it and gives focus back to
    // its button; a click or focus elsewhere on the page closes it too.
    function setUpLanguageSwitcher() {
        var switcher = document.querySelector(".language-switcher");
        if (!switcher) {
            return;
        }
        var toggle = switcher.querySelector("summary");
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && switcher.open) {
                switcher.open = false;
                toggle.focus();
            }
        });
        function closeIfOutside(event) {
            if (switcher.open && !switcher.contains(event.target)) {
                switcher.open = false;
            }
        }
        document.addEventListener("click", closeIfOutside);
        document.addEventListener("focusin", closeIfOutside);
    }

    // After a failed submit, move focus to the list of errors so that screen
    // readers announce it and keyboard users can jump to each field.
    function focusErrorSummary() {
        var summary = document.querySelector(".form-error-summary");
        if (summary) {
            summary.focus();
        }
    }

    // Handouts: a print button where the browser can print (without
    // JavaScript, the browser's own print command does the same).
    function setUpPrintButtons() {
        document.querySelectorAll("[data-print]").forEach(function (button) {
            button.hidden = false;
            button.addEventListener("click", function () {
                window.print();
            });
        });
    }

    // Offline reading (offline app): the service worker at /sw.js keeps this
    // language's key pages and every page read. Told about each page once it
    // controls it; it answers when the language is kept, which the page
    // notes as data-offline-ready="<language>" on <html>.
    function setUpServiceWorker() {
        if (!("serviceWorker" in navigator) || !window.isSecureContext) {
            return;
        }
        var worker = navigator.serviceWorker;
        var controlled = Boolean(worker.controller);
        worker.addEventListener("message", function (event) {
            if (event.data && event.data.type === "offline-ready") {
                document.documentElement.dataset.offlineReady = event.data.language;
            }
        });
        worker.register("/sw.js", { scope: "/" }).then(function () {
            return worker.ready;
        }).then(function (registration) {
            var assets = performance.getEntriesByType("resource").map(function (entry) {
                return entry.name;
            });
            registration.active.postMessage({
                type: "page",
                url: window.location.href,
                controlled: controlled,
                assets: assets,
                // Save-Data: keep only the offline page and what is read.
                saveData: Boolean(navigator.connection && navigator.connection.saveData)
            });
        }).catch(function () {});
    }

    function start() {
        setUpMenu();
        setUpLanguageSwitcher();
        focusErrorSummary();
        setUpPrintButtons();
        setUpServiceWorker();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
