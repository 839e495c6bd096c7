// Simpul's field app: the service worker's registration, the outbox every field record goes through
// (IndexedDB: a client-made id, the device's time, a sync state per record), drafts of field forms, and what
// logging out does with records still waiting. No personal data leaves the phone but to Simpul's server.
(function () {
  "use strict";

  var DB_NAME = "simpul-field";
  var OUTBOX = "outbox";
  var DRAFTS = "drafts";
  var PHOTOS = "photos";
  var PHOTO_EDGE = 1600;
  var CHUNK = 256 * 1024;
  var WAITING = ["queued", "sending", "error"];
  var RETRY_MAX_MS = 5 * 60 * 1000;

  // ---- texts: the page renders them in the user's language (fragments/field); these are the fallbacks ----
  var DEFAULT_TEXTS = {
    pending: "{0} menunggu dikirim", offline: "Tanpa sinyal: catatan disimpan di ponsel ini dan dikirim nanti.",
    login: "Sesi berakhir: masuk lagi untuk mengirim catatan yang menunggu.", queuedNotice: "Tersimpan di ponsel. Dikirim begitu ada sinyal.",
    duplicate: "Catatan yang sama sudah menunggu dikirim.", stateQueued: "Menunggu dikirim", stateSending: "Sedang dikirim",
    stateSynced: "Terkirim", stateWarning: "Terkirim, dengan catatan", stateError: "Ditolak server",
    send: "Kirim sekarang", fix: "Perbaiki", drop: "Hapus", done: "Selesai", view: "Lihat", share: "Bagikan lewat WhatsApp",
    confirmDrop: "Hapus catatan ini dari ponsel? Yang belum terkirim akan hilang.", recorded: "Dicatat {0}",
    received: "Diterima server {0}", clock: "Jam ponsel tidak cocok: waktu catat diganti waktu diterima server.",
    draftRestored: "Isian yang belum dikirim dipulihkan.", draftDrop: "Buang isian", fixLead: "Perbaiki lalu kirim lagi:",
    empty: "Tidak ada kiriman di ponsel ini.", others: "{0} catatan pengguna lain di ponsel ini menunggu ia masuk lagi.",
    retry: "Server belum bisa dihubungi; dicoba lagi otomatis.", shareText: "Tiket {0}, kode lacak {1}. Lacak status di {2}",
    receipt: "Tanda terima", kind_complaint: "Pengaduan", kind_assessment: "Asesmen", "kind_case-note": "Catatan kasus",
    fact_form: "Formulir", kind_visit: "Kunjungan rumah", kind_household: "Pendaftaran rumah tangga",
    fact_kkNumber: "No. KK", photos: "Foto: {0} dari {1} terkirim", existing: "Buka data yang sudah ada", logoutOffline: "Keluar perlu sinyal: tanpa sinyal server tidak tahu Anda keluar. Coba lagi saat ada sinyal.", fact_ticketNumber: "Tiket", fact_trackingCode: "Kode lacak", untitled: "Catatan",
    confirmDropAll: "Buang {0} catatan yang belum terkirim? Catatan itu akan hilang."
  };

  function texts() {
    var node = document.getElementById("field-texts");
    var result = {};
    Object.keys(DEFAULT_TEXTS).forEach(function (key) {
      var attribute = "data-" + key.replace(/[A-Z_]/g, function (c) { return c === "_" ? "-" : "-" + c.toLowerCase(); });
      result[key] = node && node.getAttribute(attribute) || DEFAULT_TEXTS[key];
    });
    return result;
  }

  var T = null;

  function text(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    var value = (T || DEFAULT_TEXTS)[key] || key;
    return value.replace(/\{(\d)\}/g, function (match, index) { return args[+index] === undefined ? match : args[+index]; });
  }

  function meta(name) {
    var node = document.querySelector('meta[name="' + name + '"]');
    return node ? node.content : null;
  }

  // ---- IndexedDB ----
  var opening = null;

  function db() {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        var request = indexedDB.open(DB_NAME, 2);
        // a new version of this script adds stores and indexes here; it never deletes one that holds records
        request.onupgradeneeded = function () {
          var base = request.result;
          if (!base.objectStoreNames.contains(OUTBOX)) {
            base.createObjectStore(OUTBOX, { keyPath: "id" }).createIndex("user", "userId");
          }
          if (!base.objectStoreNames.contains(DRAFTS)) {
            base.createObjectStore(DRAFTS, { keyPath: "key" });
          }
          if (!base.objectStoreNames.contains(PHOTOS)) {
            base.createObjectStore(PHOTOS, { keyPath: "id" }).createIndex("record", "recordId");
          }
        };
        request.onsuccess = function () {
          // a newer version of this script in another tab needs the database: this one steps aside
          request.result.onversionchange = function () { request.result.close(); opening = null; };
          resolve(request.result);
        };
        request.onerror = function () { reject(request.error); };
        // an old tab holds the database open: after a while the form is posted as a page form instead
        request.onblocked = function () {
          setTimeout(function () {
            opening = null;
            reject(new Error("outbox blocked by another tab"));
          }, 3000);
        };
      });
    }
    return opening;
  }

  function store(name, mode, work) {
    return db().then(function (base) {
      return new Promise(function (resolve, reject) {
        var tx = base.transaction(name, mode);
        var result;
        Promise.resolve(work(tx.objectStore(name))).then(function (value) { result = value; });
        tx.oncomplete = function () { resolve(result); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error); };
      });
    });
  }

  function wrap(request) {
    return new Promise(function (resolve, reject) {
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function allRecords() {
    return store(OUTBOX, "readonly", function (outbox) { return wrap(outbox.getAll()); }).then(function (records) {
      return records.sort(function (a, b) { return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0; });
    });
  }

  function getRecord(id) {
    return store(OUTBOX, "readonly", function (outbox) { return wrap(outbox.get(id)); });
  }

  function putRecord(record) {
    record.updatedAt = new Date().toISOString();
    return store(OUTBOX, "readwrite", function (outbox) { outbox.put(record); }).then(function () {
      changed();
      return record;
    });
  }

  // Deletes records from the phone, and the photos kept with them.
  function deleteRecords(ids) {
    return store(OUTBOX, "readwrite", function (outbox) {
      ids.forEach(function (id) { outbox.delete(id); });
    }).then(function () {
      return store(PHOTOS, "readwrite", function (photos) {
        return wrap(photos.getAll()).then(function (all) {
          all.filter(function (p) { return ids.indexOf(p.recordId) >= 0; }).forEach(function (p) { photos.delete(p.id); });
        });
      });
    }).then(changed);
  }

  // ---- photos: made smaller on the phone, kept with their record, sent in chunks after it ----
  function allPhotos() {
    return store(PHOTOS, "readonly", function (photos) { return wrap(photos.getAll()); });
  }

  function updatePhoto(id, change) {
    var stored = null;
    return store(PHOTOS, "readwrite", function (photos) {
      return wrap(photos.get(id)).then(function (photo) {
        if (photo && change(photo) !== false) {
          photos.put(photo);
          stored = photo;
        }
      });
    }).then(function () {
      changed();
      return stored;
    });
  }

  // A camera's photo as a JPEG of at most PHOTO_EDGE pixels a side, with its SHA-256.
  function shrink(file) {
    return createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(1, PHOTO_EDGE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) { canvas.toBlob(resolve, "image/jpeg", 0.8); });
    }).then(function (blob) {
      return blob.arrayBuffer().then(function (bytes) {
        return crypto.subtle.digest("SHA-256", bytes);
      }).then(function (digest) {
        var hex = Array.prototype.map.call(new Uint8Array(digest), function (b) {
          return (b + 0x100).toString(16).slice(1);
        }).join("");
        return { blob: blob, size: blob.size, sha256: hex };
      });
    });
  }

  // The photos chosen in a form's photo inputs, made smaller, ready to be kept with the record.
  function formPhotos(form) {
    var files = [];
    Array.prototype.forEach.call(form.querySelectorAll("input[type=file][data-photos]"), function (input) {
      Array.prototype.forEach.call(input.files || [], function (file) { files.push(file); });
    });
    return Promise.all(files.slice(0, 10).map(shrink));
  }

  function keepPhotos(record, shrunk) {
    if (!shrunk.length) {
      return Promise.resolve();
    }
    return store(PHOTOS, "readwrite", function (photos) {
      shrunk.forEach(function (photo) {
        photos.put({ id: uuid(), recordId: record.id, recordKind: record.kind, userId: record.userId, blob: photo.blob,
          size: photo.size, sha256: photo.sha256, sent: 0, state: "queued" });
      });
    });
  }

  function photoHeaders(photo, me, offset) {
    var headers = { "Content-Type": "image/jpeg", Accept: "application/json", "X-Record-Kind": photo.recordKind,
      "X-Record-Id": photo.recordId, "X-Photo-Size": String(photo.size), "X-Photo-Sha256": photo.sha256,
      "X-Chunk-Offset": String(offset) };
    headers[me.csrfHeader] = me.csrfToken;
    return headers;
  }

  // Sends a photo from where the server has it; answers "next" or "stop" (try later) or "login".
  function sendPhoto(photo, me) {
    var offset = photo.sent || 0;
    var chunk = photo.blob.slice(offset, offset + CHUNK);
    return timed("/lapangan/api/foto/" + photo.id, PHOTO_TIMEOUT_MS, {
      method: "PUT", credentials: "same-origin", redirect: "manual", cache: "no-store",
      headers: photoHeaders(photo, me, offset), body: chunk
    }).then(function (response) {
      if (response.ok) {
        return response.json().then(function (progress) {
          return updatePhoto(photo.id, function (stored) {
            stored.sent = progress.received;
            if (progress.restarted) {
              // what arrived was damaged on the way: again from the start, a few times at most
              stored.restarts = (stored.restarts || 0) + 1;
              if (stored.restarts > 3) {
                stored.state = "error";
              }
            }
            if (progress.complete) {
              stored.state = "synced";
              // the server holds it, encrypted: the phone keeps no copy
              stored.blob = null;
            }
          });
        }).then(function (stored) {
          return stored && stored.state === "queued" ? sendPhoto(stored, me) : "next";
        });
      }
      if (response.status === 401 || response.status === 403 || response.type === "opaqueredirect") {
        return "login";
      }
      if (response.status >= 500 || response.status === 429) {
        return "stop";
      }
      return problemOf(response).then(function (problem) {
        return updatePhoto(photo.id, function (stored) {
          stored.state = "error";
          stored.problem = problem;
        }).then(function () { return "next"; });
      });
    }).catch(function () { return "stop"; });
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = bytes[6] & 0x0f | 0x40;
    bytes[8] = bytes[8] & 0x3f | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  // ---- forms: what a field form holds, and putting it back ----
  var SKIPPED = { _csrf: true, formToken: true };

  function formFields(form) {
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (SKIPPED[name] || typeof value !== "string") {
        return;
      }
      (fields[name] = fields[name] || []).push(value);
    });
    return fields;
  }

  function fillForm(form, fields) {
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || SKIPPED[element.name] || !(element.name in fields)) {
        return;
      }
      var values = fields[element.name];
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = values.indexOf(element.value) >= 0;
      }
      else if (element.type !== "hidden" && element.type !== "file" && element.tagName !== "BUTTON") {
        element.value = values[0];
      }
    });
  }

  function sameFields(a, b) {
    return JSON.stringify(sortedFields(a)) === JSON.stringify(sortedFields(b));
  }

  function sortedFields(fields) {
    return Object.keys(fields).sort().map(function (name) { return [name, fields[name]]; });
  }

  // ---- the count on every page, the offline banner ----
  var currentUser = null;

  function changed() {
    renderCount();
    if (document.getElementById("outbox")) {
      renderOutbox();
    }
  }

  function renderCount() {
    var link = document.getElementById("outbox-count");
    if (!link || !currentUser) {
      return;
    }
    Promise.all([allRecords(), allPhotos()]).then(function (both) {
      var records = both[0];
      var waiting = records.filter(function (r) {
        return r.userId === currentUser && WAITING.indexOf(r.state) >= 0;
      }).length + both[1].filter(function (p) {
        return p.userId === currentUser && p.state !== "synced";
      }).length;
      link.hidden = waiting === 0;
      link.textContent = text("pending", waiting);
      link.classList.toggle("has-error", records.some(function (r) {
        return r.userId === currentUser && r.state === "error";
      }));
    });
  }

  function renderConnection() {
    var banner = document.getElementById("offline-banner");
    if (banner) {
      banner.hidden = navigator.onLine !== false;
    }
  }

  var loginNeeded = false;

  function renderLogin() {
    var banner = document.getElementById("login-banner");
    if (banner) {
      banner.hidden = !loginNeeded;
    }
  }

  // ---- sending ----
  var running = null;
  var again = null;
  var lastCsrf = null;
  var retryTimer = null;
  var retryDelay = 5000;

  function scheduleRetry() {
    if (retryTimer) {
      return;
    }
    retryTimer = setTimeout(function () {
      retryTimer = null;
      sendAll();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
  }

  function session() {
    return timed("/lapangan/api/sesi", {
      credentials: "same-origin", redirect: "manual", cache: "no-store", headers: { Accept: "application/json" }
    }).then(function (response) {
      if (response.status === 401 || response.type === "opaqueredirect") {
        return null;
      }
      if (!response.ok) {
        throw new Error("session " + response.status);
      }
      return response.json().then(function (me) {
        lastCsrf = me.csrfToken;
        return me;
      });
    });
  }

  // A request that has not answered in this time is given up (a signal too weak to carry it); the record waits.
  var TIMEOUT_MS = 20000;
  // a photo's chunk (256 KB) on a slow link: 60 s carry it at about 35 kbit/s
  var PHOTO_TIMEOUT_MS = 60000;

  function timed(url, timeout, options) {
    if (!options) {
      options = timeout;
      timeout = TIMEOUT_MS;
    }
    if (!window.AbortController) {
      return fetch(url, options);
    }
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, timeout);
    options.signal = controller.signal;
    return fetch(url, options).then(function (response) {
      clearTimeout(timer);
      return response;
    }, function (error) {
      clearTimeout(timer);
      throw error;
    });
  }

  function post(record, me) {
    var headers = { "Content-Type": "application/json", Accept: "application/json", "Idempotency-Key": record.id };
    headers[me.csrfHeader] = me.csrfToken;
    return timed("/lapangan/api/kirim", {
      method: "POST", credentials: "same-origin", redirect: "manual", cache: "no-store", headers: headers,
      body: JSON.stringify({ id: record.id, kind: record.kind, userId: record.userId, recordedAt: record.createdAt,
        fields: record.fields })
    });
  }

  function problemOf(response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      return {
        status: response.status, title: body.title || "", detail: body.detail || "",
        existing: typeof body.existing === "string" && body.existing.charAt(0) === "/" && body.existing.charAt(1) !== "/"
          ? body.existing : null,
        errors: (body.errors || []).map(function (e) { return { field: e.field, code: e.code, message: e.message }; })
      };
    });
  }

  function csrfRefused(problem) {
    return problem.status === 403 && problem.errors.some(function (e) { return e.code === "CSRF_INVALID"; });
  }

  // Changes a record in one transaction with what the database holds now (another tab, a delete, a fix may
  // have changed it since it was read): change(record) answers false to leave it as it is. Answers the record
  // as stored, or null when it is gone or was left.
  function updateRecord(id, change) {
    var stored = null;
    return store(OUTBOX, "readwrite", function (outbox) {
      return wrap(outbox.get(id)).then(function (record) {
        if (record && change(record) !== false) {
          record.updatedAt = new Date().toISOString();
          outbox.put(record);
          stored = record;
        }
      });
    }).then(function () {
      changed();
      return stored;
    });
  }

  // A record being sent goes back to waiting (no answer, a busy server, a login needed).
  function backToQueue(id, note) {
    return updateRecord(id, function (record) {
      if (record.state !== "sending") {
        return false;
      }
      record.state = "queued";
      record.attempts = (record.attempts || 0) + 1;
      record.lastTry = note || null;
    });
  }

  // Sends one record; answers "next" (go on), "stop" (try later) or "login".
  function sendOne(id, me, retried) {
    var sent = null;
    return updateRecord(id, function (record) {
      // deleted meanwhile, sent by another tab, being fixed: not this run's to send
      if (record.state !== "queued" || record.userId !== me.userId) {
        return false;
      }
      record.state = "sending";
    }).then(function (record) {
      if (!record) {
        return "next";
      }
      sent = record;
      return post(record, me).then(function (response) {
        if (response.status === 201 || response.status === 200) {
          return response.json().then(function (answer) {
            return updateRecord(id, function (stored) {
              stored.answer = { location: answer.location, facts: answer.facts || {}, receivedAt: answer.receivedAt,
                recordedAt: answer.recordedAt };
              stored.state = answer.recordedAt && Date.parse(answer.recordedAt) !== Date.parse(stored.createdAt)
                ? "warning" : "synced";
              stored.problem = null;
              // what was typed has reached the server: the phone keeps only what the user still needs to see
              stored.fields = null;
              stored.title = null;
            }).then(function () { return "next"; });
          });
        }
        if (response.status === 401 || response.type === "opaqueredirect") {
          return backToQueue(id).then(function () { return "login"; });
        }
        if (response.status >= 500 || response.status === 429 || response.status === 408) {
          return backToQueue(id, text("retry")).then(function () { return "stop"; });
        }
        return problemOf(response).then(function (problem) {
          if (csrfRefused(problem) && !retried) {
            return backToQueue(id).then(function () {
              return session();
            }).then(function (fresh) {
              // a fresh token of another user (a logout and a login in another tab) never sends this one's record
              return fresh && fresh.userId === sent.userId ? sendOne(id, fresh, true) : "login";
            });
          }
          return updateRecord(id, function (stored) {
            stored.state = "error";
            stored.problem = problem;
          }).then(function () { return "next"; });
        });
      });
    }).catch(function () {
      // no answer at all (no signal, the connection dropped, an answer cut short): the record waits; the
      // server's ledger makes a second sending of it harmless if the first one did arrive
      return backToQueue(id).then(function () { return "stop"; });
    });
  }

  // Sends items one after the other: "next" goes on, "stop" waits for a retry, "login" for the user; after the
  // last, done().
  function inOrder(items, send, done) {
    var index = 0;
    var next = function () {
      if (index >= items.length) {
        return done();
      }
      return send(items[index++]).then(function (outcome) {
        if (outcome === "login") {
          loginNeeded = true;
          renderLogin();
          return null;
        }
        if (outcome === "stop") {
          scheduleRetry();
          return null;
        }
        return next();
      });
    };
    return next();
  }

  // One sending at a time in this page (and, through a Web Lock, across the app's pages); asked again while
  // one runs, it runs once more after it, for the records added meanwhile.
  function sendAll() {
    if (!currentUser) {
      return Promise.resolve();
    }
    if (running) {
      again = again || running.then(function () {
        again = null;
        return sendAll();
      });
      return again;
    }
    var run = function () {
      return recoverInterrupted().then(function () {
        return Promise.all([allRecords(), allPhotos()]);
      }).then(function (both) {
        var records = both[0];
        var mine = records.filter(function (r) { return r.userId === currentUser && r.state === "queued"; });
        var photos = both[1].filter(function (p) { return p.userId === currentUser && p.state === "queued"; });
        if (mine.length === 0 && photos.length === 0) {
          return null;
        }
        return session().then(function (me) {
          loginNeeded = !me;
          renderLogin();
          if (!me && navigator.serviceWorker && navigator.serviceWorker.controller) {
            // the session ended: the pages kept for it leave the phone (the outbox stays, for the next login)
            navigator.serviceWorker.controller.postMessage({ type: "logout" });
          }
          if (!me || me.userId !== currentUser) {
            return null;
          }
          // a record's photos go after it: the server takes a photo only of a record it holds
          var sendPhotos = function () {
            return allRecords().then(function (now) {
              var arrived = {};
              now.forEach(function (r) { arrived[r.id] = r.state === "synced" || r.state === "warning"; });
              return allPhotos().then(function (all) {
                var ready = all.filter(function (p) {
                  return p.userId === currentUser && p.state === "queued" && arrived[p.recordId];
                });
                return inOrder(ready, function (photo) { return sendPhoto(photo, me); }, function () {
                  retryDelay = 5000;
                });
              });
            });
          };
          return inOrder(mine, function (record) { return sendOne(record.id, me, false); }, sendPhotos);
        }, function () {
          scheduleRetry();
        });
      });
    };
    var locked = navigator.locks && navigator.locks.request
      ? navigator.locks.request("simpul-outbox", run) : run();
    running = Promise.resolve(locked).catch(function () {
      scheduleRetry();
    }).then(function () {
      running = null;
    });
    return running;
  }

  // A record left "sending" when its page closed went out or did not; it is sent again (once, by its id). Run
  // under the outbox's lock, so that no other page is sending it right now.
  function recoverInterrupted() {
    return allRecords().then(function (records) {
      var stuck = records.filter(function (r) { return r.state === "sending"; });
      // a record sent a week ago has been seen; what the server answered about it leaves the phone
      var weekAgo = new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString();
      return allPhotos().then(function (photos) {
        var unsent = {};
        photos.forEach(function (p) {
          if (p.state !== "synced") {
            unsent[p.recordId] = true;
          }
        });
        // only this user's, and only once their photos have gone up too
        var old = records.filter(function (r) {
          return r.userId === currentUser && (r.state === "synced" || r.state === "warning") && r.updatedAt < weekAgo
            && !unsent[r.id];
        }).map(function (r) { return r.id; });
        return Promise.all(stuck.map(function (r) {
          return backToQueue(r.id);
        }).concat(old.length ? [deleteRecords(old)] : []));
      });
    });
  }

  // ---- field forms: every submit goes into the outbox ----
  function draftKey(form) {
    return currentUser + "|" + location.pathname + "|" + (form.getAttribute("data-outbox") || "");
  }

  function saveDraft(form) {
    var fields = formFields(form);
    return store(DRAFTS, "readwrite", function (drafts) {
      drafts.put({ key: draftKey(form), userId: currentUser, fields: fields, savedAt: new Date().toISOString() });
    });
  }

  function dropDraft(form) {
    return store(DRAFTS, "readwrite", function (drafts) { drafts.delete(draftKey(form)); });
  }

  function notice(form, message, className) {
    var node = document.createElement("p");
    node.className = className || "notice";
    node.setAttribute("role", "status");
    node.textContent = message;
    form.parentNode.insertBefore(node, form);
    return node;
  }

  function restoreDraft(form) {
    return store(DRAFTS, "readonly", function (drafts) { return wrap(drafts.get(draftKey(form))); }).then(function (draft) {
      if (!draft) {
        return;
      }
      fillForm(form, draft.fields);
      var shown = notice(form, text("draftRestored") + " ");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "link";
      button.textContent = text("draftDrop");
      button.addEventListener("click", function () {
        dropDraft(form).then(function () { location.reload(); });
      });
      shown.appendChild(button);
    });
  }

  // The form's input a problem names: the same name (members[2].nik), an assessment's answer (answers.x is the
  // question q.x), or a nested name the form flattens (subject.birthDate is subjectBirthDate, ppksCodes[0] is
  // the ppksCodes boxes).
  function inputFor(form, problemField) {
    var candidates = [problemField, problemField.replace(/^answers\./, "q."),
      problemField.replace(/\[\d+\]$/, "").replace(/\.([a-z])/g, function (m, c) { return c.toUpperCase(); })];
    for (var i = 0; i < candidates.length; i++) {
      var input = form.querySelector('[name="' + candidates[i].replace(/["\\]/g, "\\$&") + '"]');
      if (input) {
        return input;
      }
    }
    return null;
  }

  function showProblem(form, problem) {
    var lead = notice(form, text("fixLead"), "warning outbox-problem");
    lead.setAttribute("role", "alert");
    var list = document.createElement("ul");
    (problem.errors.length ? problem.errors : [{ message: problem.detail || problem.title }]).forEach(function (error) {
      var item = document.createElement("li");
      item.textContent = error.message;
      list.appendChild(item);
      var input = error.field && inputFor(form, error.field);
      if (input) {
        input.setAttribute("aria-invalid", "true");
        var inline = document.createElement("p");
        inline.className = "error";
        inline.textContent = error.message;
        var question = input.closest(".question");
        if (question) {
          question.appendChild(inline);
        }
        else {
          (input.closest("label.check") || input).insertAdjacentElement("afterend", inline);
        }
      }
    });
    lead.appendChild(list);
    // a form in steps opens the part with the first problem
    form.dispatchEvent(new CustomEvent("simpul:problems"));
  }

  // A page's address without what only the field app adds to it (which record to fix or show).
  function pageOf(where) {
    var params = new URLSearchParams(where.search);
    ["kiriman", "catatan", "sama"].forEach(function (name) { params.delete(name); });
    var query = params.toString();
    return where.pathname + (query ? "?" + query : "");
  }

  function fixAddress(record) {
    var page = record.page || record.action;
    return page + (page.indexOf("?") >= 0 ? "&" : "?") + "kiriman=" + encodeURIComponent(record.id);
  }

  function titleOf(form, fields) {
    var names = (form.getAttribute("data-outbox-title") || "").split(/\s+/);
    var parts = names.map(function (name) { return fields[name] && fields[name][0]; }).filter(Boolean);
    return parts.join(" · ");
  }

  function enqueue(form, fixing) {
    var fields = formFields(form);
    var kind = form.getAttribute("data-outbox");
    return allRecords().then(function (records) {
      var same = records.filter(function (r) {
        return r.userId === currentUser && r.kind === kind && WAITING.indexOf(r.state) >= 0 && r.fields
          && sameFields(r.fields, fields) && (!fixing || r.id !== fixing.id);
      })[0];
      if (same) {
        return { record: same, duplicate: true };
      }
      var fill = function (record) {
        record.action = form.getAttribute("action") || location.pathname;
        // the page the form is on (an assessment's asks for its kind: ?jenis=DEEP), to fix the record there
        record.page = pageOf(location);
        record.title = titleOf(form, fields);
        record.fields = fields;
        record.state = "queued";
        record.problem = null;
      };
      if (fixing) {
        return updateRecord(fixing.id, function (stored) {
          if (stored.state !== "error") {
            return false;
          }
          fill(stored);
        }).then(function (saved) {
          // no longer refused (sent meanwhile from another page, or deleted): the outbox shows what became of it
          return { record: saved || fixing, duplicate: false, stale: !saved };
        });
      }
      var record = { id: uuid(), userId: currentUser, kind: kind, createdAt: new Date().toISOString() };
      fill(record);
      return formPhotos(form).catch(function () { return []; }).then(function (shrunk) {
        // the record first: photos without their record would never be sent
        return putRecord(record).then(function (saved) {
          return keepPhotos(saved, shrunk).then(function () { return saved; });
        });
      }).then(function (saved) { return { record: saved, duplicate: false }; });
    });
  }

  function attachOutboxForm(form) {
    var fixingId = new URLSearchParams(location.search).get("kiriman");
    var fixing = null;
    var ready = fixingId ? getRecord(fixingId).then(function (record) {
      // only a record the server refused is fixed: one still waiting may be on its way right now
      if (record && record.userId === currentUser && record.fields && record.state === "error") {
        fixing = record;
        fillForm(form, record.fields);
        if (record.problem) {
          showProblem(form, record.problem);
        }
      }
    }) : restoreDraft(form);
    var timer = null;
    var remember = function () {
      clearTimeout(timer);
      timer = setTimeout(function () { saveDraft(form); }, 400);
    };
    ready.then(function () {
      if (!fixing) {
        form.addEventListener("input", remember);
        form.addEventListener("change", remember);
      }
    });
    var busy = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (busy) {
        return;
      }
      busy = true;
      clearTimeout(timer);
      var submitter = event.submitter;
      if (submitter) {
        submitter.disabled = true;
      }
      var toOutbox = function (record, duplicate) {
        location.assign("/lapangan?catatan=" + encodeURIComponent(record.id) + (duplicate ? "&sama=1" : ""));
      };
      enqueue(form, fixing).then(function (outcome) {
        return dropDraft(form).then(function () {
          if (outcome.duplicate || outcome.stale || navigator.onLine === false) {
            toOutbox(outcome.record, outcome.duplicate);
            return null;
          }
          // with signal the record goes up now, and the user sees what the desk saw before: the receipt, or the
          // form again with the server's reasons
          return sendAll().then(function () { return getRecord(outcome.record.id); }).then(function (record) {
            if (record && (record.state === "synced" || record.state === "warning")) {
              openResult(record);
            }
            else if (record && record.state === "error" && record.fields) {
              location.assign(fixAddress(record));
            }
            else {
              toOutbox(outcome.record, false);
            }
          });
        });
      }).catch(function () {
        // the phone could not keep it (storage full, private mode): the form is posted as a page form, which
        // the server still takes once
        form.submit();
      });
    });
  }

  // What a record became on the server: a complaint's receipt shows its tracking code, which only the phone
  // holds; it is posted back (never put in an address), with the page's CSRF token.
  function openResult(record) {
    var answer = record.answer || {};
    var code = answer.facts && answer.facts.trackingCode;
    if (!code || !answer.location) {
      location.assign(answer.location || "/lapangan");
      return;
    }
    var form = document.createElement("form");
    form.method = "post";
    form.action = answer.location + "/tanda-terima";
    form.hidden = true;
    var add = function (name, value) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.appendChild(input);
    };
    add("trackingCode", code);
    add("_csrf", lastCsrf || meta("csrf-token") || "");
    document.body.appendChild(form);
    form.submit();
  }

  // ---- the outbox page ----
  function when(iso) {
    if (!iso) {
      return "";
    }
    return new Date(iso).toLocaleString(document.documentElement.lang || "id",
      { day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit" });
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (content !== undefined) {
      node.textContent = content;
    }
    return node;
  }

  function button(label, className, handler) {
    var node = element("button", className, label);
    node.type = "button";
    node.addEventListener("click", handler);
    return node;
  }

  var STATE_TEXT = { queued: "stateQueued", sending: "stateSending", synced: "stateSynced", warning: "stateWarning",
    error: "stateError" };

  function renderRecord(record, highlighted) {
    var item = element("li", "outbox-item state-" + record.state);
    item.id = "kiriman-" + record.id;
    item.setAttribute("data-state", record.state);
    if (highlighted) {
      item.classList.add("highlighted");
    }
    var head = element("p", "outbox-head");
    head.appendChild(element("strong", null, text("kind_" + record.kind) + (record.title ? ": " + record.title : "")));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(element("span", "badge state", text(STATE_TEXT[record.state] || "stateQueued")));
    item.appendChild(head);
    item.appendChild(element("p", "muted", text("recorded", when(record.createdAt))
      + (record.answer && record.answer.receivedAt ? " · " + text("received", when(record.answer.receivedAt)) : "")));
    if (record.state === "queued" && record.lastTry) {
      item.appendChild(element("p", "muted", record.lastTry));
    }
    if (record.state === "warning") {
      item.appendChild(element("p", "warning", text("clock")));
    }
    if (record.state === "error" && record.problem) {
      var reasons = element("ul", "error-list");
      reasons.setAttribute("role", "alert");
      (record.problem.errors.length ? record.problem.errors : [{ message: record.problem.detail || record.problem.title }])
        .forEach(function (e) { reasons.appendChild(element("li", "error", e.message)); });
      item.appendChild(reasons);
      if (record.problem.existing) {
        // registered meanwhile by someone else: go on from what exists (a visit), not a second family
        var existing = element("a", "button", text("existing"));
        existing.href = record.problem.existing;
        item.appendChild(element("p")).appendChild(existing);
      }
    }
    var recordPhotos = photosByRecord[record.id] || [];
    if (recordPhotos.length) {
      item.appendChild(element("p", "muted photo-progress", text("photos", recordPhotos.filter(function (p) {
        return p.state === "synced";
      }).length, recordPhotos.length)));
    }
    if (record.answer && record.answer.facts) {
      var facts = element("dl", "facts");
      Object.keys(record.answer.facts).forEach(function (name) {
        facts.appendChild(element("dt", null, text("fact_" + name)));
        facts.appendChild(element("dd", "fact-" + name, record.answer.facts[name]));
      });
      item.appendChild(facts);
    }
    var actions = element("p", "actions");
    if (record.state === "queued" || record.state === "error") {
      if (record.state === "queued") {
        actions.appendChild(button(text("send"), "primary", function () { sendAll(); }));
      }
      if (record.fields && record.state === "error") {
        var fix = element("a", "button", text("fix"));
        fix.href = fixAddress(record);
        actions.appendChild(fix);
      }
      actions.appendChild(button(text("drop"), "danger", function () {
        if (window.confirm(text("confirmDrop"))) {
          deleteRecords([record.id]);
        }
      }));
    }
    if (record.state === "synced" || record.state === "warning") {
      if (record.answer && record.answer.facts && record.answer.facts.trackingCode) {
        actions.appendChild(button(text("receipt"), "primary", function () { openResult(record); }));
      }
      else if (record.answer && record.answer.location) {
        var view = element("a", "button", text("view"));
        view.href = record.answer.location;
        actions.appendChild(view);
      }
      var facts2 = record.answer && record.answer.facts || {};
      if (facts2.ticketNumber && facts2.trackingCode) {
        var share = element("a", "button share", text("share"));
        share.href = "https://wa.me/?text=" + encodeURIComponent(text("shareText", facts2.ticketNumber,
          facts2.trackingCode, location.origin + "/lacak"));
        share.rel = "noopener";
        share.target = "_blank";
        actions.appendChild(share);
      }
      // done only once its photos have gone up too
      if (!recordPhotos.some(function (p) { return p.state !== "synced"; })) {
        actions.appendChild(button(text("done"), "link", function () { deleteRecords([record.id]); }));
      }
    }
    item.appendChild(actions);
    return item;
  }

  var photosByRecord = {};

  function renderOutbox() {
    var list = document.getElementById("outbox");
    if (!list || !currentUser) {
      return;
    }
    var params = new URLSearchParams(location.search);
    var highlight = params.get("catatan");
    Promise.all([allRecords(), allPhotos()]).then(function (both) {
      var records = both[0];
      photosByRecord = {};
      both[1].forEach(function (p) { (photosByRecord[p.recordId] = photosByRecord[p.recordId] || []).push(p); });
      var mine = records.filter(function (r) { return r.userId === currentUser; }).reverse();
      var others = records.filter(function (r) { return r.userId !== currentUser && WAITING.indexOf(r.state) >= 0; });
      list.textContent = "";
      mine.forEach(function (record) { list.appendChild(renderRecord(record, record.id === highlight)); });
      var empty = document.getElementById("outbox-empty");
      if (empty) {
        empty.hidden = mine.length > 0;
        empty.textContent = text("empty");
      }
      var other = document.getElementById("outbox-others");
      if (other) {
        other.hidden = others.length === 0;
        other.textContent = text("others", others.length);
      }
      var duplicate = document.getElementById("outbox-duplicate");
      if (duplicate) {
        duplicate.hidden = params.get("sama") !== "1";
        duplicate.textContent = text("duplicate");
      }
    });
  }

  // ---- logging out: records still waiting are never dropped silently ----
  function forgetPages() {
    var work = [];
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: "logout" });
    }
    if (window.caches) {
      work.push(caches.delete("simpul-pages"));
    }
    work.push(store(DRAFTS, "readwrite", function (drafts) {
      return wrap(drafts.getAll()).then(function (all) {
        all.filter(function (d) { return d.userId === currentUser; }).forEach(function (d) { drafts.delete(d.key); });
      });
    }));
    return Promise.all(work).catch(function () { return null; });
  }

  function attachLogout(form) {
    var dialog = document.getElementById("logout-dialog");
    var confirmed = false;
    form.addEventListener("submit", function (event) {
      if (confirmed || !currentUser) {
        return;
      }
      event.preventDefault();
      if (navigator.onLine === false) {
        // without signal the server would not hear of it: the session would stay open on this phone
        window.alert(text("logoutOffline"));
        return;
      }
      Promise.all([allRecords(), allPhotos()]).then(function (both) {
        var records = both[0];
        // a record sent whose photos have not all gone up is still waiting
        var unsent = {};
        both[1].forEach(function (p) {
          if (p.userId === currentUser && p.state !== "synced") {
            unsent[p.recordId] = true;
          }
        });
        var waiting = records.filter(function (r) {
          return r.userId === currentUser && (WAITING.indexOf(r.state) >= 0 || unsent[r.id]);
        });
        var leave = function () {
          forgetPages().then(function () {
            confirmed = true;
            form.submit();
          });
        };
        if (waiting.length === 0 || !dialog || !dialog.showModal) {
          leave();
          return;
        }
        var count = dialog.querySelector(".logout-count");
        if (count) {
          count.textContent = text("pending", waiting.length);
        }
        dialog.showModal();
        dialog.onclose = function () {
          var choice = dialog.returnValue;
          if (choice === "keep") {
            leave();
          }
          else if (choice === "send") {
            sendAll().then(function () { location.assign("/lapangan"); });
          }
          else if (choice === "drop" && window.confirm(text("confirmDropAll", waiting.length))) {
            deleteRecords(waiting.map(function (r) { return r.id; })).then(leave);
          }
        };
      });
    });
  }

  // ---- the phone's position, when the user allows it ----
  function attachLocate(buttonNode) {
    var form = buttonNode.form;
    var status = form && form.querySelector(".locate-status");
    buttonNode.addEventListener("click", function () {
      if (!navigator.geolocation || !form) {
        return;
      }
      if (status) {
        status.textContent = buttonNode.getAttribute("data-locating");
      }
      navigator.geolocation.getCurrentPosition(function (position) {
        var set = function (name, value) {
          var input = form.querySelector('[name="' + name + '"]');
          if (input) {
            input.value = value;
          }
        };
        set("latitude", position.coords.latitude.toFixed(6));
        set("longitude", position.coords.longitude.toFixed(6));
        set("accuracyM", String(Math.round(position.coords.accuracy)));
        if (status) {
          status.textContent = buttonNode.getAttribute("data-located").replace("{0}", Math.round(position.coords.accuracy));
        }
      }, function () {
        if (status) {
          status.textContent = buttonNode.getAttribute("data-locate-failed");
        }
      }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
    });
  }

  // Every member row has its remove button while there is more than one row, none when one is left.
  function memberButtons(form) {
    var rows = form.querySelectorAll("fieldset.member");
    Array.prototype.forEach.call(rows, function (row) {
      var named = row.querySelector("[name^='members[']");
      var index = named ? named.name.replace(/^members\[(\d+)].*$/, "$1") : "0";
      var existing = row.querySelector("button[name=action]");
      if (rows.length < 2) {
        if (existing) {
          existing.remove();
        }
        return;
      }
      if (!existing) {
        existing = document.createElement("button");
        existing.type = "submit";
        existing.name = "action";
        existing.className = "danger";
        existing.textContent = form.getAttribute("data-remove-label") || "Hapus anggota";
        row.appendChild(existing);
      }
      existing.value = "remove-" + index;
    });
  }

  // ---- a household form's member rows, added and removed on the phone (no signal needed) ----
  function attachMemberRows(form) {
    form.addEventListener("click", function (event) {
      var target = event.target.closest("button[name=action]");
      if (!target || target.value === "save") {
        return;
      }
      event.preventDefault();
      var rows = form.querySelectorAll("fieldset.member");
      if (target.value === "add-member" && rows.length) {
        var last = rows[rows.length - 1];
        var index = Math.max.apply(null, Array.prototype.map.call(rows, function (row) {
          var named = row.querySelector("[name^='members[']");
          return named ? +named.name.replace(/^members\[(\d+)].*$/, "$1") : 0;
        })) + 1;
        var copy = last.cloneNode(true);
        Array.prototype.forEach.call(copy.querySelectorAll("[name], [id], [for]"), function (node) {
          ["name", "id", "for"].forEach(function (attribute) {
            var value = node.getAttribute(attribute);
            if (value && value.indexOf("members[") === 0) {
              node.setAttribute(attribute, value.replace(/^members\[\d+]/, "members[" + index + "]"));
            }
          });
          if (node.tagName === "INPUT") {
            node.value = "";
          }
          if (node.tagName === "SELECT") {
            node.selectedIndex = 0;
          }
        });
        Array.prototype.forEach.call(copy.querySelectorAll(".error"), function (node) { node.remove(); });
        var removeButton = copy.querySelector("button[name=action]");
        if (removeButton) {
          removeButton.remove();
        }
        last.insertAdjacentElement("afterend", copy);
      }
      else if (target.value.indexOf("remove-") === 0 && rows.length > 1) {
        target.closest("fieldset.member").remove();
      }
      memberButtons(form);
    });
  }

  // ---- start ----
  function start() {
    T = texts();
    currentUser = meta("simpul-user");
    renderConnection();
    window.addEventListener("online", function () { renderConnection(); sendAll(); });
    window.addEventListener("offline", renderConnection);
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
        return navigator.serviceWorker.ready;
      }).then(function (registration) {
        if (currentUser && registration.active) {
          // the pages this one links to for a day without signal (the caseload's cases and their forms)
          var pages = Array.prototype.map.call(document.querySelectorAll("a[data-offline]"), function (link) {
            return link.getAttribute("href");
          });
          registration.active.postMessage({ type: "user", id: currentUser, pages: pages });
        }
      }).catch(function () { return null; });
    }
    if (location.pathname === "/masuk" && window.caches) {
      // at the login page nobody is signed in: no one's pages stay on the phone
      caches.delete("simpul-pages");
    }
    if (!window.indexedDB) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("form[data-outbox]"), attachOutboxForm);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-outbox] button[data-locate]"), attachLocate);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-outbox=household]"), attachMemberRows);
    Array.prototype.forEach.call(document.querySelectorAll("form.logout"), attachLogout);
    changed();
    sendAll();
    setInterval(function () { if (navigator.onLine !== false) { sendAll(); } }, 30000);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") {
        sendAll();
      }
    });
  }

  window.simpulOutbox = { records: allRecords, send: sendAll };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  }
  else {
    start();
  }
})();
