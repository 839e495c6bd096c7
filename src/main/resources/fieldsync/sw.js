// Simpul's service worker (ASCII only: the server stamps its version into it).
// The shell (styles, scripts, icons, the offline page) is kept per version; the pages the server marks for
// offline use are kept for the signed-in user only and dropped at logout or when someone else signs in.
// The outbox lives in IndexedDB, which this worker never touches: updating it never loses a record.
"use strict";

var VERSION = "__VERSION__";
var SHELL_CACHE = "simpul-shell-" + VERSION;
var PAGES_CACHE = "simpul-pages";
var OWNER_KEY = "/__simpul-pages-owner";
var SHELL = ["__SHELL__"];
// the pages a signed-in user needs without signal, fetched into the cache when they are missing
var WARM = ["/", "/lapangan", "/pengaduan/baru", "/tugas"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL_CACHE)
    .then(function (cache) {
      return cache.addAll(SHELL.map(function (path) { return new Request(path, { cache: "reload" }); }));
    })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys()
    .then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("simpul-shell-") === 0 && name !== SHELL_CACHE;
      }).map(function (name) { return caches.delete(name); }));
    })
    .then(function () { return self.clients.claim(); }));
});

// Each drop of the kept pages starts a new generation: a page fetched before it (a warm-up still on its way
// over a slow link when the user logged out) is not kept after it.
var generation = 0;

function dropPages() {
  generation++;
  return caches.delete(PAGES_CACHE);
}

// Keeps a page for offline use, first dropping what another user's session kept.
function keepPage(request, response, owner, since) {
  if (since !== undefined && since !== generation) {
    return Promise.resolve();
  }
  return caches.open(PAGES_CACHE).then(function (cache) {
    return cache.match(OWNER_KEY).then(function (stored) {
      return stored ? stored.text() : null;
    }).then(function (storedOwner) {
      if (storedOwner !== null && storedOwner !== owner) {
        return dropPages().then(function () { return caches.open(PAGES_CACHE); });
      }
      return cache;
    }).then(function (target) {
      if (since !== undefined && since !== generation) {
        return null;
      }
      return Promise.all([
        target.put(OWNER_KEY, new Response(owner)),
        target.put(new Request(kept(request.url)), response)
      ]);
    });
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "logout") {
    event.waitUntil(dropPages());
  }
  else if (data.type === "user" && data.id) {
    event.waitUntil(caches.open(PAGES_CACHE).then(function (cache) {
      return cache.match(OWNER_KEY);
    }).then(function (stored) {
      return stored ? stored.text() : null;
    }).then(function (owner) {
      return owner !== null && owner !== data.id ? dropPages() : null;
    }).then(function () {
      // the fixed pages, and the ones the page asks for (its caseload's case pages and forms), same origin only
      var asked = (data.pages || []).filter(function (path) {
        return typeof path === "string" && path.charAt(0) === "/" && path.charAt(1) !== "/";
      }).slice(0, 100);
      return warm(data.id, WARM, asked);
    }));
  }
  else if (data.type === "version" && event.ports && event.ports[0]) {
    event.ports[0].postMessage(VERSION);
  }
});

// Fetches the pages the user needs offline: the fixed ones when they are missing, the ones a page asked for
// (its caseload) also when what is kept is older than half an hour.
function warm(owner, fixed, asked) {
  var stale = Date.now() - 30 * 60 * 1000;
  var since = generation;
  return caches.open(PAGES_CACHE).then(function (cache) {
    return Promise.all(fixed.concat(asked).map(function (path) {
      return cache.match(kept(new URL(path, self.location.origin).href), { ignoreVary: true }).then(function (found) {
        var date = found && Date.parse(found.headers.get("Date") || "");
        // the fixed pages are fetched again twice a day, the asked ones every half hour
        var fresh = fixed.indexOf(path) >= 0 ? Date.now() - KEPT_FOR_MS / 2 : stale;
        if (found && date > fresh) {
          return null;
        }
        return fetch(path, { credentials: "same-origin", redirect: "manual" }).then(function (response) {
          return response.ok && response.headers.get("X-Simpul-Offline") === owner
            ? keepPage(new Request(path), response, owner, since) : null;
        }, function () { return null; });
      });
    }));
  });
}

// A page's address as kept: without what only the field app adds to it (which record to show or fix, where the
// app was started from); the rest of the query names another page (?jenis=DEEP is not the QUICK form).
function kept(address) {
  var url = new URL(address);
  ["kiriman", "catatan", "sama", "sumber"].forEach(function (name) { url.searchParams.delete(name); });
  return url.href;
}

function offlinePage() {
  return caches.match("/offline.html").then(function (page) {
    return page || new Response("Offline", { status: 503, headers: { "Content-Type": "text/plain" } });
  });
}

// Kept pages are a day's work: one older than this is not shown.
var KEPT_FOR_MS = 24 * 60 * 60 * 1000;

// The page kept for this address, if any and not older than a day.
function keptPage(request) {
  return caches.open(PAGES_CACHE).then(function (cache) {
    // a page kept from a warm-up fetch and one asked for by a navigation differ in the headers a server's Vary
    // names (Accept, Accept-Encoding): the address is what counts
    return cache.match(kept(request.url), { ignoreVary: true });
  }).then(function (page) {
    var date = page && Date.parse(page.headers.get("Date") || "");
    return page && date && Date.now() - date < KEPT_FOR_MS ? page : undefined;
  });
}

// A page the server no longer shows this user (the case given to someone else, a record gone) leaves the phone.
function forget(request) {
  return caches.open(PAGES_CACHE).then(function (cache) {
    return cache.delete(kept(request.url), { ignoreVary: true });
  });
}

// How long a navigation waits for the network before a kept page is shown instead (a signal too weak to carry
// a page); the network's answer still refreshes what is kept.
var PATIENCE_MS = 8000;

function navigate(event) {
  var request = event.request;
  var since = generation;
  var network = fetch(request).then(function (response) {
    var url = new URL(response.url || request.url);
    if (url.pathname === "/masuk") {
      // signed out (or the session ended): nothing of the last user's pages stays on the phone
      event.waitUntil(dropPages());
    }
    var owner = response.headers.get("X-Simpul-Offline");
    if (request.method === "GET" && (response.status === 403 || response.status === 404 || response.status === 410)) {
      event.waitUntil(forget(request));
    }
    if (request.method === "GET" && response.ok && owner && !response.redirected) {
      event.waitUntil(keepPage(request, response.clone(), owner, since));
    }
    return response;
  });
  if (request.method !== "GET") {
    return network.catch(offlinePage);
  }
  return new Promise(function (resolve) {
    var settled = false;
    var settle = function (response) {
      if (!settled) {
        settled = true;
        resolve(response);
      }
    };
    // no signal, or a server away (a proxy's 502/503/504): the kept page; else the offline page
    var fallback = function () {
      return keptPage(request).then(function (page) { return page || offlinePage(); });
    };
    var timer = setTimeout(function () {
      keptPage(request).then(function (page) {
        if (page) {
          settle(page);
        }
      });
    }, PATIENCE_MS);
    network.then(function (response) {
      clearTimeout(timer);
      if (response.status >= 502 && response.status <= 504) {
        return keptPage(request).then(function (page) { settle(page || response); });
      }
      settle(response);
    }, function () {
      clearTimeout(timer);
      fallback().then(settle);
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(event));
    return;
  }
  if (request.method !== "GET" || url.pathname.indexOf("/api/") === 0
      || url.pathname.indexOf("/lapangan/api/") === 0 || url.pathname === "/sw.js") {
    return;
  }
  if (SHELL.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.open(SHELL_CACHE).then(function (cache) {
      return cache.match(url.pathname);
    }).then(function (kept) {
      return kept || fetch(request);
    }));
  }
});
