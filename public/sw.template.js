// CrossMeet service worker (D2): precaches every file of this build so the app opens offline.
// scripts/post-build.sh fills in the build's version and file list; a new build is a
// new cache, and the old one is removed once the new worker takes over.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const CACHE = "crossmeet-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith("crossmeet-") && name !== CACHE)
          .map((name) => caches.delete(name))))
      .then(() => self.clients.claim()));
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Every page is the one app shell; serve it from the cache so the app opens offline.
    event.respondWith(caches.match("./").then((cached) => cached || fetch(request)));
    return;
  }
  event.respondWith(caches.match(request).then((cached) => cached || fetch(request).then((response) => {
    // The team space's worker module is fetched only by those who use it: kept once fetched,
    // so the space works offline too.
    if (response.ok && request.url.includes("space_worker")) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  })));
});
