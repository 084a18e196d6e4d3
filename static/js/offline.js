// The offline page (offline app): the list of pages this browser keeps in
// this language, read from the service worker's caches. Without them (no
// service worker, nothing kept) the list of key pages in the HTML stays.
(function () {
    "use strict";

    var TITLE_HEADER = "X-Offline-Title";

    function inLanguage(path, list) {
        var prefix = list.dataset.prefix;
        var others = (list.dataset.otherPrefixes || "").split(" ").filter(Boolean);
        if (path.indexOf(prefix) !== 0) {
            return false;
        }
        return !others.some(function (other) {
            return other.indexOf(prefix) === 0 && path.indexOf(other) === 0;
        });
    }

    function keptPages() {
        return caches.keys().then(function (names) {
            return Promise.all(names.filter(function (name) {
                return name.indexOf("flensburg-pages-") === 0;
            }).map(function (name) {
                return caches.open(name).then(function (cache) {
                    return cache.keys().then(function (requests) {
                        return Promise.all(requests.map(function (request) {
                            return cache.match(request).then(function (response) {
                                var title = response && response.headers.get(TITLE_HEADER);
                                return { url: request.url, title: title ? decodeURIComponent(title) : "" };
                            });
                        }));
                    });
                });
            }));
        }).then(function (groups) {
            return [].concat.apply([], groups);
        });
    }

    function show(list) {
        keptPages().then(function (pages) {
            var seen = {};
            var own = pages.filter(function (page) {
                var url = new URL(page.url);
                var key = url.pathname + url.search;
                if (seen[key] || url.pathname === list.dataset.offlinePath || !page.title) {
                    return false;
                }
                seen[key] = true;
                page.path = key;
                return inLanguage(url.pathname, list);
            });
            if (!own.length) {
                return;
            }
            own.sort(function (a, b) {
                return a.title.localeCompare(b.title);
            });
            list.replaceChildren.apply(list, own.map(function (page) {
                var item = document.createElement("li");
                var link = document.createElement("a");
                link.className = "kern-link";
                link.dir = "auto";
                link.setAttribute("href", page.path);
                link.textContent = page.title.split(" – ")[0];
                item.append(link);
                return item;
            }));
        }).catch(function () {});
    }

    function start() {
        var list = document.querySelector("[data-offline-list]");
        if (list && window.caches) {
            show(list);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
