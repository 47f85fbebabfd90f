// Service worker: after the first visit every file of the site (listed in manifest.json
// by build.py) is kept in the browser's cache, so later visits start faster and work
// with the network off. A new build has a new version and replaces the old cache.
const VERSION = "__VERSION__";
const CACHE = `zi-workbook-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const manifest = await (await fetch("manifest.json", { cache: "no-cache" })).json();
    const cache = await caches.open(CACHE);
    await cache.addAll(manifest.files.map((f) => new Request(f, { cache: "no-cache" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith("zi-workbook-") && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(event.request, { ignoreSearch: true });
    return hit || fetch(event.request);
  })());
});
