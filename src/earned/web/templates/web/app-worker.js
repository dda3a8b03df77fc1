// Earned on a home screen: this worker keeps the app's look (its style, script and icons), Help
// now and a page that says there is no connection — and nothing else. No entry, no page with a
// person's words, is ever kept by it (the safety plan only when the person asks, by its own
// worker). Without a connection, Help now still opens; every other page says, calmly, to try
// again once connected.
const SHELL = "earned-app-shell-{{ version }}";
const HELP = "{{ help }}";
const OFFLINE = "{{ offline }}";
const KEPT = [{% for url in kept %}"{{ url }}"{% if not forloop.last %}, {% endif %}{% endfor %}];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll([...KEPT, HELP, OFFLINE])));
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("earned-app-shell-") && name !== SHELL) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// Help now with the person's own country's lines: the page asks once a visit, when signed in.
self.addEventListener("message", (event) => {
  if (event.data !== "keep-help-current") return;
  event.waitUntil(
    fetch(HELP, { credentials: "same-origin" })
      .then((answer) => answer.ok && !answer.redirected
        ? caches.open(SHELL).then((cache) => cache.put(HELP, answer))
          .then(() => event.ports[0]?.postMessage("kept"))
        : undefined)
      .catch(() => {}),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // Always from this worker's own cache (the safety plan's copy, when kept, has its own).
  const own = () => caches.open(SHELL);
  if (KEPT.includes(url.pathname)) {
    event.respondWith(own().then((cache) => cache.match(url.pathname)).then((kept) => kept || fetch(request)));
  } else if (request.mode === "navigate" && url.pathname === HELP) {
    // Help now opens at once from the kept copy (the person's own country's lines), even on a
    // connection that is there but failing; the network then brings the copy up to date for
    // next time. Without a kept copy, the network as usual.
    event.respondWith(own().then(async (cache) => {
      const kept = await cache.match(HELP);
      const fresh = fetch(request).then((answer) => {
        if (answer.ok && !answer.redirected) cache.put(HELP, answer.clone());
        return answer;
      });
      if (kept) {
        event.waitUntil(fresh.catch(() => {}));
        return kept;
      }
      return fresh.catch(async () => (await cache.match(OFFLINE)) || Response.error());
    }));
  } else if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(async () => {
        const cache = await own();
        const help = url.pathname.startsWith(HELP) ? await cache.match(HELP) : undefined;
        return help || (await cache.match(OFFLINE)) || Response.error();
      }),
    );
  }
});
