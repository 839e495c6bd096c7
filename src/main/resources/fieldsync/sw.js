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
var WARM = ["/", "/lapangan", "/pengaduan/baru"];

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

function dropPages() {
  return caches.delete(PAGES_CACHE);
}

// Keeps a page for offline use, first dropping what another user's session kept.
function keepPage(request, response, owner) {
  return caches.open(PAGES_CACHE).then(function (cache) {
    return cache.match(OWNER_KEY).then(function (stored) {
      return stored ? stored.text() : null;
    }).then(function (storedOwner) {
      if (storedOwner !== null && storedOwner !== owner) {
        return dropPages().then(function () { return caches.open(PAGES_CACHE); });
      }
      return cache;
    }).then(function (target) {
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
      return warm(data.id);
    }));
  }
  else if (data.type === "version" && event.ports && event.ports[0]) {
    event.ports[0].postMessage(VERSION);
  }
});

function warm(owner) {
  return caches.open(PAGES_CACHE).then(function (cache) {
    return Promise.all(WARM.map(function (path) {
      return cache.match(path, { ignoreVary: true }).then(function (kept) {
        if (kept) {
          return null;
        }
        return fetch(path, { credentials: "same-origin", redirect: "manual" }).then(function (response) {
          return response.ok && response.headers.get("X-Simpul-Offline") === owner
            ? keepPage(new Request(path), response, owner) : null;
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

function navigate(event) {
  var request = event.request;
  return fetch(request).then(function (response) {
    var url = new URL(response.url || request.url);
    if (url.pathname === "/masuk") {
      // signed out (or the session ended): nothing of the last user's pages stays on the phone
      event.waitUntil(dropPages());
    }
    var owner = response.headers.get("X-Simpul-Offline");
    if (request.method === "GET" && response.ok && owner && !response.redirected) {
      event.waitUntil(keepPage(request, response.clone(), owner));
    }
    return response;
  }, function () {
    if (request.method !== "GET") {
      return offlinePage();
    }
    return caches.open(PAGES_CACHE).then(function (cache) {
      // a page kept from a warm-up fetch and one asked for by a navigation differ in the headers a server's Vary
      // names (Accept, Accept-Encoding): the address is what counts
      return cache.match(kept(request.url), { ignoreVary: true });
    }).then(function (page) {
      return page || offlinePage();
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
