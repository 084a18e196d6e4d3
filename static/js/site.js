// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    function setUpMenu() {
        var toggle = document.querySelector(".site-nav__toggle");
        var list = document.getElementById("site-nav-list");
        if (!toggle || !list) {
            return;
        }
        var wide = window.matchMedia("(min-width: 992px)");
        function collapse(collapsed) {
            list.dataset.collapsed = collapsed ? "true" : "false";
            toggle.setAttribute("aria-expanded", collapsed ? "false" : "true");
        }
        toggle.hidden = false;
        collapse(true);
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

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUpMenu);
    } else {
        setUpMenu();
    }
})();
