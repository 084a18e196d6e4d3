/* The site's service worker (offline app, served at /sw.js).
 *
 * Pages (HTML): network first; after CONFIG.timeout ms without an answer the
 * kept copy, without a connection the kept copy or the offline page of the
 * address's language. Every page read is kept, unless it is a form, a form's
 * result, a search with a query, the admin, the API or a download, or its
 * answer is not a plain public 200 (no-store, private, redirected, a CSRF
 * token in the page: it set a cookie).
 * Static files: hashed names are kept for good (cache first), others are
 * asked for first.
 * Per language, when a reader opens its first page there (site.js sends a
 * "page" message): its home, office, help and offline pages (only the
 * offline page with Save-Data), its CSS, JS and fonts. Caches are named after the deploy's version; older ones are deleted
 * when a new worker takes over.
 */
"use strict";

var CONFIG = {{ config }};
{% verbatim %}
var PREFIX = "flensburg-";
var PAGES = PREFIX + "pages-" + CONFIG.version;
var STATIC = PREFIX + "static-" + CONFIG.version;
var TITLE_HEADER = "X-Offline-Title";
var CSRF_FIELD = 'name="csrfmiddlewaretoken"';
var MATCH = { ignoreVary: true };
var pending = new Set();

function startsWithAny(text, prefixes) {
    return prefixes.some(function (prefix) {
        return text.indexOf(prefix) === 0;
    });
}

function languageOf(path) {
    var found = CONFIG.defaultLanguage;
    Object.keys(CONFIG.languages).forEach(function (code) {
        var prefix = CONFIG.languages[code].prefix;
        if (prefix !== "/" && path.indexOf(prefix) === 0) {
            found = code;
        }
    });
    return found;
}

function bypassed(url) {
    return url.origin !== self.location.origin || startsWithAny(url.pathname, CONFIG.neverCache.bypass);
}

function neverKept(url) {
    var rules = CONFIG.neverCache;
    return (
        startsWithAny(url.pathname, rules.forms) ||
        (url.search !== "" && startsWithAny(url.pathname, rules.withQuery)) ||
        rules.formParts.some(function (part) {
            return url.pathname.indexOf(part) !== -1;
        })
    );
}

function track(job) {
    pending.add(job);
    job.then(
        function () { pending.delete(job); },
        function () { pending.delete(job); }
    );
    return job;
}

function decodeEntities(text) {
    return text
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/&amp;/g, "&");
}

// A plain public 200 HTML answer of our own: what may be kept.
function storable(response) {
    if (!response || response.status !== 200 || response.type !== "basic" || response.redirected) {
        return false;
    }
    var control = (response.headers.get("Cache-Control") || "").toLowerCase();
    var type = response.headers.get("Content-Type") || "";
    return !/no-store|private/.test(control) && type.indexOf("text/html") === 0;
}

// Keeps a page under its address (url: a string), with its title for the
// offline page's list. Resolves to true when kept.
function storePage(url, response) {
    if (!storable(response)) {
        return Promise.resolve(false);
    }
    return track(
        response.text().then(function (html) {
            // A form's CSRF token: the server set a cookie for this reader.
            if (html.indexOf(CSRF_FIELD) !== -1) {
                return false;
            }
            var headers = new Headers(response.headers);
            headers.delete("Content-Encoding");
            headers.delete("Content-Length");
            var title = /<title>([^<]*)<\/title>/.exec(html);
            headers.set(TITLE_HEADER, encodeURIComponent(title ? decodeEntities(title[1].trim()) : ""));
            var copy = new Response(html, { status: 200, statusText: "OK", headers: headers });
            return caches.open(PAGES).then(function (cache) {
                return cache.put(url, copy).then(function () {
                    return true;
                });
            });
        })
    );
}

function offlinePage(language) {
    var own = CONFIG.languages[language] || CONFIG.languages[CONFIG.defaultLanguage];
    var fallback = CONFIG.languages[CONFIG.defaultLanguage].offline;
    return caches.match(own.offline, MATCH).then(function (page) {
        return page || caches.match(fallback, MATCH);
    }).then(function (page) {
        return page || Response.error();
    });
}

function keptPage(url, keep) {
    if (!keep) {
        return Promise.resolve(undefined);
    }
    return caches.open(PAGES).then(function (cache) {
        return cache.match(url.href, MATCH);
    });
}

function servePage(event, url) {
    var keep = !neverKept(url);
    var language = languageOf(url.pathname);
    var settle;
    event.waitUntil(new Promise(function (resolve) { settle = resolve; }));
    var network = fetch(event.request).then(
        function (response) {
            settle(keep ? storePage(url.href, response.clone()) : null);
            return response;
        },
        function () {
            settle(null);
            return null;
        }
    );
    var slow = new Promise(function (resolve) {
        setTimeout(function () { resolve("slow"); }, CONFIG.timeout);
    });
    function keptOrOffline() {
        return keptPage(url, keep).then(function (page) {
            return page || offlinePage(language);
        });
    }
    return Promise.race([network, slow]).then(function (first) {
        if (first instanceof Response) {
            return first;
        }
        if (first === null) {
            return keptOrOffline();
        }
        // Slow: the kept copy now (the network's answer still updates it for
        // the next visit); without a copy, wait for the network.
        return keptPage(url, keep).then(function (page) {
            return page || network.then(function (response) {
                return response || offlinePage(language);
            });
        });
    });
}

function serveStatic(event) {
    var request = event.request;
    function fromNetwork() {
        return fetch(request).then(function (response) {
            if (response.status === 200 && response.type === "basic") {
                var copy = response.clone();
                event.waitUntil(caches.open(STATIC).then(function (cache) {
                    return cache.put(request.url, copy);
                }));
            }
            return response;
        });
    }
    if (CONFIG.hashedStatic) {
        return caches.match(request.url, MATCH).then(function (kept) {
            return kept || fromNetwork();
        });
    }
    return fromNetwork().catch(function () {
        return caches.match(request.url, MATCH).then(function (kept) {
            return kept || Response.error();
        });
    });
}

self.addEventListener("install", function () {
    self.skipWaiting();
});

self.addEventListener("activate", function (event) {
    event.waitUntil(
        caches.keys().then(function (names) {
            return Promise.all(names.filter(function (name) {
                return name.indexOf(PREFIX) === 0 && name !== PAGES && name !== STATIC;
            }).map(function (name) {
                return caches.delete(name);
            }));
        }).then(function () {
            return self.clients.claim();
        })
    );
});

self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET") {
        return;
    }
    var url = new URL(request.url);
    if (bypassed(url)) {
        return;
    }
    var accept = request.headers.get("Accept") || "";
    if (request.mode === "navigate" || accept.indexOf("text/html") !== -1) {
        event.respondWith(servePage(event, url));
    } else if (url.pathname.indexOf(CONFIG.staticUrl) === 0) {
        event.respondWith(serveStatic(event));
    }
});

function fetchMissing(cacheName, urls, keep) {
    return caches.open(cacheName).then(function (cache) {
        return Promise.all(urls.map(function (address) {
            return cache.match(address, MATCH).then(function (kept) {
                if (kept) {
                    return null;
                }
                return fetch(address, { credentials: "same-origin" }).then(function (response) {
                    return keep(address, response, cache);
                }).catch(function () {
                    return null;
                });
            });
        }));
    });
}

function keepStatic(address, response, cache) {
    if (response.status === 200 && response.type === "basic") {
        return cache.put(address, response);
    }
    return null;
}

// The language's key pages and files, and the page the reader is on when it
// was loaded before this worker controlled it.
function keepLanguage(message) {
    var url = new URL(message.url);
    var language = languageOf(url.pathname);
    var own = CONFIG.languages[language];
    var loaded = (message.assets || []).filter(function (address) {
        var asset = new URL(address, self.location.origin);
        return asset.origin === self.location.origin && asset.pathname.indexOf(CONFIG.staticUrl) === 0;
    }).map(function (address) {
        return new URL(address, self.location.origin).pathname;
    });
    // A reader who asks to save data (Save-Data) gets no key pages fetched
    // ahead: the offline page (with the office's phone) and what they read.
    var pages = message.saveData ? [own.offline] : own.pages.concat([own.offline]);
    if (!message.controlled && !bypassed(url) && !neverKept(url)) {
        pages.push(url.pathname + url.search);
    }
    return Promise.all([
        fetchMissing(PAGES, pages, storePage),
        fetchMissing(STATIC, own.assets.concat(loaded), keepStatic),
    ]).then(function () {
        return Promise.all(Array.from(pending));
    }).then(function () {
        return language;
    });
}

self.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type !== "page" || typeof data.url !== "string") {
        return;
    }
    event.waitUntil(keepLanguage(data).then(function (language) {
        if (event.source) {
            event.source.postMessage({ type: "offline-ready", language: language });
        }
    }));
});
{% endverbatim %}
