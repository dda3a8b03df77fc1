// Earned's offline copy of the safety plan: a service worker for /safety-plan/ only. When the
// person chooses to keep a copy on this device, the plan page and what it needs are kept in the
// browser's cache; without a connection, that copy is shown. Nothing else is kept or sent.
const COPY = "earned-safety-plan";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request).catch(async () => {
      const kept = await caches.match(request, { ignoreSearch: true });
      if (kept) return kept;
      if (request.mode === "navigate") {
        const plan = await caches.match(new URL("/safety-plan/", self.location.origin).href);
        if (plan) return plan;
      }
      return Response.error();
    }),
  );
});
