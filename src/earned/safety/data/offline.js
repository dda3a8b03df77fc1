// Earned's offline copy of the safety plan and Help now: a service worker registered for
// /safety-plan/ and /help/ only. When the person chooses to keep a copy on this device, those
// two pages and what they need are kept in the browser's cache; without a connection, that copy
// is shown. The crisis lines are the one page that must always open. Nothing else is kept or
// sent.
const COPY = "earned-safety-plan";
const HELP = "/help/";
const PLAN = "/safety-plan/";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request).catch(async () => {
      // From this copy's own cache: the app's worker keeps a Help now of its own, perhaps
      // from before the person signed in, and a match across every cache could find that.
      const copy = await caches.open(COPY);
      const kept = await copy.match(request, { ignoreSearch: true });
      if (kept) return kept;
      if (request.mode === "navigate") {
        const path = new URL(request.url).pathname;
        const page = path.startsWith(HELP) ? HELP : PLAN;
        const whole = await copy.match(new URL(page, self.location.origin).href);
        if (whole) return whole;
      }
      return Response.error();
    }),
  );
});
