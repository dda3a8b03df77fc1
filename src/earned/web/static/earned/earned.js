// Earned — small progressive enhancements. Every page works without this file.
"use strict";

// On a phone the menu is one row that scrolls sideways: start it where this page is.
function currentPageInMenu() {
  const current = document.querySelector(".site-nav a[aria-current=page]");
  const row = current?.closest("ul");
  if (!row || row.scrollWidth <= row.clientWidth) return;
  row.scrollLeft = current.offsetLeft - (row.clientWidth - current.offsetWidth) / 2;
}

// Earned on a home screen: a worker keeps the app's look and Help now for when there is no
// connection (never an entry), and where the browser offers to install, so does the page.
function homeScreen() {
  const worker = document.body.dataset.worker;
  if (worker && "serviceWorker" in navigator) {
    navigator.serviceWorker.register(worker, { scope: "/" }).catch(() => {});
    if (document.body.dataset.drafts && !sessionStorage.getItem("earned-help-kept")) {
      // Signed in: keep Help now with the lines for their country. Asked again on the next page
      // until the worker says it is kept (a page left quickly may never hear back).
      navigator.serviceWorker.ready.then((ready) => {
        const answer = new MessageChannel();
        answer.port1.onmessage = () => sessionStorage.setItem("earned-help-kept", "1");
        ready.active?.postMessage("keep-help-current", [answer.port2]);
      });
    }
  }
  const offers = [...document.querySelectorAll("[data-install]")];
  if (!offers.length) return;
  let offered = null;
  window.addEventListener("beforeinstallprompt", (event) => {
    event.preventDefault(); // offered calmly in the page, not in a banner
    offered = event;
    for (const offer of offers) {
      offer.hidden = offer.dataset.install === "hint" && localStorage.getItem("earned-install-hint") === "no";
    }
  });
  for (const offer of offers) {
    offer.querySelector("[data-install-now]")?.addEventListener("click", async () => {
      if (!offered) return;
      offered.prompt();
      await offered.userChoice;
      offered = null;
      for (const each of offers) each.hidden = true;
    });
    offer.querySelector("[data-install-later]")?.addEventListener("click", () => {
      localStorage.setItem("earned-install-hint", "no");
      offer.hidden = true;
    });
  }
}

// Pre-fill the time zone from the browser, unless the person has already chosen one.
function fillTimezone() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return;
  for (const select of document.querySelectorAll("select[data-fill-timezone]")) {
    if (select.value === "UTC" && [...select.options].some((option) => option.value === zone)) {
      select.value = zone;
    }
  }
}

// Live strength feedback while choosing a passphrase, from the same check the server applies.
function passphraseStrength() {
  for (const input of document.querySelectorAll("input[data-strength]")) {
    const endpoint = input.dataset.strength;
    if (!endpoint) continue;
    const token = input.form.querySelector("input[name=csrfmiddlewaretoken]").value;
    const wrapper = document.createElement("div");
    wrapper.className = "strength";
    wrapper.hidden = true;
    const meter = document.createElement("meter");
    meter.min = 0; meter.max = 4; meter.low = 2; meter.high = 3; meter.optimum = 4; meter.value = 0;
    meter.setAttribute("aria-hidden", "true");
    const output = document.createElement("output");
    output.setAttribute("aria-live", "polite");
    output.htmlFor = input.id;
    wrapper.append(meter, output);
    input.insertAdjacentElement("afterend", wrapper);

    const update = async () => {
      wrapper.hidden = !input.value;
      if (!input.value) { meter.value = 0; output.textContent = ""; return; }
      const body = new URLSearchParams({ passphrase: input.value });
      const response = await fetch(endpoint, {
        method: "POST", body, headers: { "X-CSRFToken": token }, credentials: "same-origin",
      });
      if (!response.ok) return;
      const result = await response.json();
      meter.value = result.score;
      output.textContent = input.value.length < 10
        ? `${10 - input.value.length} more characters needed. ${result.message}`
        : result.message;
    };

    let timer;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(update, 250);
    });
    if (input.value) update(); // a value kept after a validation error

  }
}

// In a dialogue, each turn is labelled with its voice's name as the name is typed.
function voiceNames() {
  for (const input of document.querySelectorAll("input[data-names-voice]")) {
    const voice = input.dataset.namesVoice;
    const fallback = voice === "1" ? "The first voice" : "The second voice";
    const rename = () => {
      for (const label of document.querySelectorAll(`[data-voice="${voice}"] label`)) {
        label.textContent = input.value.trim() || fallback;
      }
    };
    input.addEventListener("input", rename);
    if (input.value.trim()) rename(); // typed before this script ran
  }
}

// A slider shows its number beside its label as it moves.
function sliderValues() {
  for (const output of document.querySelectorAll("output[data-shows]")) {
    const slider = document.getElementById(output.dataset.shows);
    if (!slider) continue;
    const show = () => { output.textContent = slider.value; };
    slider.addEventListener("input", show);
    show(); // a slider moved before this script ran still shows its own number
  }
}

// Reorder a ladder's steps by dragging; the Move up / Move down buttons do the same from the
// keyboard (and without this file).
function draggableSteps() {
  for (const list of document.querySelectorAll("ol[data-arrange]")) {
    const token = document.querySelector("input[name=csrfmiddlewaretoken]")?.value;
    let dragged = null;
    for (const item of list.querySelectorAll("li[data-step]")) {
      item.draggable = true;
      item.addEventListener("dragstart", (event) => {
        dragged = item;
        item.classList.add("is-dragging");
        event.dataTransfer.effectAllowed = "move";
      });
      item.addEventListener("dragend", () => item.classList.remove("is-dragging"));
      item.addEventListener("dragover", (event) => {
        if (!dragged || dragged === item) return;
        event.preventDefault();
        const box = item.getBoundingClientRect();
        const above = event.clientY < box.top + box.height / 2;
        item.insertAdjacentElement(above ? "beforebegin" : "afterend", dragged);
      });
    }
    list.addEventListener("drop", async (event) => {
      event.preventDefault();
      if (!dragged) return;
      dragged = null;
      const body = new URLSearchParams();
      for (const item of list.querySelectorAll("li[data-step]")) body.append("step", item.dataset.step);
      const response = await fetch(list.dataset.arrange, {
        method: "POST", body, credentials: "same-origin",
        headers: { "X-CSRFToken": token, "X-Requested-With": "fetch" },
      });
      if (response.ok) window.location.reload();
    });
  }
}

// Rehearsal: one line at a time, then all of them again.
class EarnedLines extends HTMLElement {
  connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = "1";
    this.items = [...this.querySelectorAll("li")];
    if (this.items.length < 2) return;
    this.shown = 0;
    const controls = document.createElement("div");
    controls.className = "lines-controls";
    this.next = document.createElement("button");
    this.next.type = "button";
    this.next.className = "button button--small";
    this.status = document.createElement("p");
    this.status.className = "hint";
    this.status.setAttribute("aria-live", "polite");
    controls.append(this.next, this.status);
    this.append(controls);
    this.next.addEventListener("click", () => this.step());
    this.show();
  }

  step() {
    this.shown = this.shown + 1 >= this.items.length ? 0 : this.shown + 1;
    this.show();
    this.items[this.shown].querySelector("p")?.focus?.();
  }

  show() {
    this.items.forEach((item, index) => { item.hidden = index !== this.shown; });
    const last = this.shown === this.items.length - 1;
    this.next.textContent = last ? "Once more, from the start" : "Next line";
    this.status.textContent = `Line ${this.shown + 1} of ${this.items.length}`;
  }
}

customElements.define("earned-lines", EarnedLines);

// A page that works in steps (search getting its index ready) goes on to the next by itself;
// without this file, the person chooses Go on.
function carryOn() {
  for (const form of document.querySelectorAll("form[data-continue]")) {
    setTimeout(() => form.requestSubmit(), 150);
  }
}

// Buttons that only make sense with JavaScript: print this page; close a notice.
function printButtons() {
  for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
  for (const button of document.querySelectorAll("[data-dismiss]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const notice = button.closest("[data-dismissable]");
      if (notice) notice.remove();
      document.getElementById("main")?.focus();
    });
  }
}

// The safety plan and Help now, kept in this browser for when there is no connection — only if
// the person asks. The copy lives in one named cache, refreshed on each visit to the plan,
// removed on request. The worker looks after those two pages' paths and no others.
const PLAN_COPY = "earned-safety-plan";
const KEPT_PAGES = ["/safety-plan/", "/help/"];

async function offlineCopy() {
  const section = document.querySelector("[data-offline-copy]");
  if (!section || !("serviceWorker" in navigator) || !("caches" in window)) return;
  section.hidden = false;
  const status = section.querySelector("[data-offline-status]");
  const keep = section.querySelector("[data-offline-keep]");
  const remove = section.querySelector("[data-offline-remove]");
  const parts = () =>
    [...document.querySelectorAll('link[rel="stylesheet"], script[src], link[rel="icon"]')]
      .map((element) => element.href || element.src);
  const show = (kept) => {
    status.textContent = kept ? "A copy is kept on this device." : "";
    keep.hidden = kept;
    remove.hidden = !kept;
  };
  const save = async () => {
    for (const scope of KEPT_PAGES) {
      await navigator.serviceWorker.register(section.dataset.worker, { scope });
    }
    const cache = await caches.open(PLAN_COPY);
    // The pages one at a time: each request renews the sign-in session, and two renewals at
    // once can collide. The static parts touch no session.
    for (const kept of KEPT_PAGES) await cache.add(kept);
    await cache.addAll(parts());
  };
  const kept = await caches.has(PLAN_COPY);
  show(kept);
  if (kept && navigator.onLine) save().catch(() => {}); // keep the copy up to date
  keep.addEventListener("click", async () => {
    try {
      await save();
      show(true);
    } catch {
      status.textContent = "The copy could not be kept in this browser.";
    }
  });
  remove.addEventListener("click", async () => {
    await caches.delete(PLAN_COPY);
    for (const registration of await navigator.serviceWorker.getRegistrations()) {
      const scope = new URL(registration.scope).pathname;
      if (KEPT_PAGES.includes(scope)) await registration.unregister(); // the app's own stays
    }
    show(false);
    status.textContent = "The copy is removed from this device.";
  });
}

// A questionnaire one question at a time, if the person prefers it (remembered on this device).
// The whole form stays in the page and works without JavaScript; this only hides the questions
// not being answered. After a refused save every question shows, with its message.
function oneAtATime() {
  const form = document.querySelector("form[data-one-at-a-time]");
  if (!form) return;
  const steps = [...form.querySelectorAll(".field--choices")];
  if (steps.length < 2 || form.querySelector(".field--invalid")) return;
  const rest = [...form.querySelectorAll(".field:not(.field--choices), .actions")];
  const make = (text, quiet) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = quiet ? "button button--quiet button--small" : "button button--small";
    button.textContent = text;
    return button;
  };
  const toggle = make("One question at a time", true);
  const back = make("Back", true);
  const next = make("Next", false);
  const where = document.createElement("p");
  where.className = "meta";
  where.setAttribute("aria-live", "polite");
  const nav = document.createElement("div");
  nav.className = "actions";
  nav.append(back, next);
  steps[0].before(toggle);
  steps[steps.length - 1].after(where, nav);
  let on = localStorage.getItem("earned-one-at-a-time") === "1";
  let at = 0;
  const show = (focus) => {
    toggle.setAttribute("aria-pressed", String(on));
    steps.forEach((step, index) => { step.hidden = on && index !== at; });
    rest.forEach((element) => { element.hidden = on && at < steps.length - 1; });
    nav.hidden = where.hidden = !on;
    back.disabled = at === 0;
    next.hidden = at === steps.length - 1;
    where.textContent = `Question ${at + 1} of ${steps.length}`;
    if (focus) steps[at].querySelector("input:checked, input")?.focus();
  };
  toggle.addEventListener("click", () => {
    on = !on;
    localStorage.setItem("earned-one-at-a-time", on ? "1" : "0");
    show(on);
  });
  back.addEventListener("click", () => { at = Math.max(0, at - 1); show(true); });
  next.addEventListener("click", () => { at = Math.min(steps.length - 1, at + 1); show(true); });
  show(false);
}

// A form whose work can take a while (reading or bringing in years of entries) says so once it
// is sent, with a moving bar, and is not sent twice.
function workingNotice() {
  document.querySelectorAll("form[data-working]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (form.dataset.sent) { event.preventDefault(); return; }
      form.dataset.sent = "1";
      const notice = document.createElement("p");
      notice.className = "working";
      notice.setAttribute("role", "status");
      const bar = document.createElement("progress");
      bar.setAttribute("aria-hidden", "true");
      notice.append(bar, " ", form.dataset.working);
      form.querySelector(".actions")?.after(notice);
    });
  });
}

// Nothing a person types is lost. A form that takes words keeps a draft as the person types —
// sent to Earned and stored encrypted like an entry, never kept in the browser — and puts it
// back when the form is opened again (after a reload, a lost connection or a closed tab), until
// the form is saved; leaving with unsaved words asks first. A form opts out with data-draft="off".
const SKIPPED_TYPES = new Set(["hidden", "password", "file", "submit", "button", "reset", "image"]);
const WORDS = "textarea, input:not([type]), input[type=text]";

function fieldsOf(form) {
  const pairs = [];
  for (const element of form.elements) {
    if (!element.name || element.disabled || SKIPPED_TYPES.has(element.type)) continue;
    if ((element.type === "radio" || element.type === "checkbox") && !element.checked) continue;
    if (element.type === "select-multiple") {
      for (const option of element.selectedOptions) pairs.push([element.name, option.value]);
    } else {
      pairs.push([element.name, element.value]);
    }
  }
  return pairs;
}

function putBack(form, pairs) {
  const values = new Map();
  for (const [name, value] of pairs) values.set(name, [...(values.get(name) || []), value]);
  const used = new Map();
  for (const element of form.elements) {
    if (!element.name || element.disabled || SKIPPED_TYPES.has(element.type)) continue;
    const wanted = values.get(element.name) || [];
    if (element.type === "radio" || element.type === "checkbox") {
      element.checked = wanted.includes(element.value);
    } else if (element.type === "select-multiple") {
      for (const option of element.options) option.selected = wanted.includes(option.value);
    } else if (values.has(element.name)) {
      const at = used.get(element.name) || 0;
      used.set(element.name, at + 1);
      if (at < wanted.length) element.value = wanted[at];
    }
    element.dispatchEvent(new Event("input", { bubbles: true })); // slider numbers, voice names
  }
}

// A short fingerprint of a form as the page drew it: a draft comes back by itself only into the
// form it was written in (not, say, a dialogue opened again with other voices).
function fingerprint(text) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  }
  return hash.toString(16);
}

function keptDrafts() {
  const endpoint = document.body.dataset.drafts;
  if (!endpoint) return;
  const forms = [...document.querySelectorAll("form")].filter((form) =>
    form.method === "post" && form.dataset.draft !== "off" && form.querySelector(WORDS));
  const slots = new Map();
  for (const form of forms) {
    const action = new URL(form.action, window.location.href).pathname;
    const slot = slots.get(action) || 0;
    slots.set(action, slot + 1);
    keepDraftOf(form, endpoint, action, slot);
  }
}

function keepDraftOf(form, endpoint, action, slot) {
  const token = form.querySelector("input[name=csrfmiddlewaretoken]")?.value;
  if (!token) return;
  const state = () => JSON.stringify(fieldsOf(form));
  const asLoaded = state();
  const base = fingerprint(asLoaded);
  let sent = asLoaded; // what Earned holds for this form (as loaded: nothing to keep)
  let kept = false; // whether a draft may be held for it
  let timer;
  let inFlight = null;
  let submitting = false;

  // Leaving the page, the request must outlive it (keepalive, which holds at most 64 KB).
  const send = (extra, leaving = false) => {
    const body = new URLSearchParams({ action, slot: String(slot), ...extra });
    return fetch(endpoint, {
      method: "POST", body, credentials: "same-origin", keepalive: leaving,
      headers: { "X-CSRFToken": token, "X-Requested-With": "fetch" },
    });
  };
  const save = (leaving = false) => {
    clearTimeout(timer);
    timer = undefined;
    const now = state();
    if (now === sent || submitting) return;
    const unchanged = now === asLoaded;
    kept = kept || !unchanged;
    sent = now;
    inFlight = send(unchanged ? { forget: "1" } : { fields: now, base }, leaving)
      .catch(() => { sent = null; }) // try again at the next change, or when leaving
      .finally(() => { inFlight = null; });
  };

  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 1200);
  };
  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
  form.addEventListener("submit", (event) => {
    if (inFlight) { // let the last keeping land first, so the save forgets it
      event.preventDefault();
      const submitter = event.submitter;
      inFlight.finally(() => form.requestSubmit(submitter));
      return;
    }
    clearTimeout(timer);
    submitting = true;
    if (kept && !form.querySelector("input[name=earned-draft]")) {
      const marker = document.createElement("input");
      marker.type = "hidden";
      marker.name = "earned-draft";
      marker.value = "1";
      form.append(marker);
    }
  });
  window.addEventListener("pagehide", () => { if (timer) save(true); });
  window.addEventListener("pageshow", () => { submitting = false; }); // back to a kept page
  window.addEventListener("beforeunload", (event) => {
    if (submitting || state() === asLoaded) return;
    if (timer) save(true);
    event.preventDefault();
    event.returnValue = "";
  });

  // A form sent back with a message already shows what was sent: newer than any draft.
  if (form.querySelector(".form-errors")) { kept = true; return; }
  fetch(`${endpoint}?${new URLSearchParams({ action })}`, { credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : { drafts: [] }))
    .then(({ drafts }) => {
      const draft = drafts.find((found) => found.slot === slot);
      if (!draft) return;
      kept = true; // saving this form forgets it, whether it is put back or not
      if (state() !== asLoaded) return; // already typing again
      const notice = document.createElement("div");
      notice.className = "draft-notice";
      notice.setAttribute("role", "status");
      form.prepend(notice);
      const putItBack = () => {
        putBack(form, draft.fields);
        sent = state();
        const back = `What you were writing here ${draft.saved} is back in place.`;
        say(notice, `${back} It is not saved yet.`,
          ["Start again without it", () => {
            form.reset();
            for (const element of form.elements) {
              element.dispatchEvent(new Event("input", { bubbles: true }));
            }
            forget();
            form.querySelector(WORDS)?.focus();
          }]);
      };
      const forget = () => {
        clearTimeout(timer);
        sent = asLoaded;
        send({ forget: "1" }).catch(() => {});
        notice.remove();
      };
      if (draft.base === base) { putItBack(); return; }
      // The form was drawn differently this time: the person chooses.
      say(notice, `You were writing something here ${draft.saved} that is not saved yet.`,
        ["Put it back", () => { putItBack(); form.querySelector(WORDS)?.focus(); }],
        ["Let it go", forget]);
    })
    .catch(() => {});
}

// A notice's words and its buttons, each [label, what it does].
function say(notice, text, ...choices) {
  const words = document.createElement("p");
  words.textContent = text;
  const buttons = document.createElement("div");
  buttons.className = "draft-notice__choices";
  for (const [label, act] of choices) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link-button";
    button.textContent = label;
    button.addEventListener("click", act);
    buttons.append(button);
  }
  notice.replaceChildren(words, buttons);
}

document.addEventListener("DOMContentLoaded", () => {
  currentPageInMenu();
  homeScreen();
  oneAtATime();
  printButtons();
  offlineCopy();
  fillTimezone();
  passphraseStrength();
  voiceNames();
  sliderValues();
  draggableSteps();
  carryOn();
  workingNotice();
  keptDrafts(); // last: what the other enhancements filled in is part of the form as loaded
});

// A quiet timer for guided imagery: start, pause, go on, start again. Without JavaScript the page
// simply suggests how long to take.
class EarnedTimer extends HTMLElement {
  connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = "1";
    this.total = Math.max(1, Number(this.dataset.minutes) || 5) * 60;
    this.left = this.total;
    this.textContent = "";
    this.clock = document.createElement("span");
    this.clock.className = "timer__clock";
    this.clock.setAttribute("role", "timer");
    this.clock.setAttribute("aria-label", "Time left");
    this.button = document.createElement("button");
    this.button.type = "button";
    this.button.className = "button button--quiet button--small";
    this.reset = document.createElement("button");
    this.reset.type = "button";
    this.reset.className = "link-button";
    this.reset.textContent = "Start again";
    this.reset.hidden = true;
    this.status = document.createElement("p");
    this.status.className = "timer__status";
    this.status.setAttribute("aria-live", "polite");
    this.append(this.clock, this.button, this.reset, this.status);
    this.button.addEventListener("click", () => (this.timer ? this.pause() : this.start()));
    this.reset.addEventListener("click", () => { this.pause(); this.left = this.total; this.show(); });
    this.show();
  }

  disconnectedCallback() { this.pause(); }

  start() {
    if (this.left <= 0) this.left = this.total;
    const endsAt = Date.now() + this.left * 1000;
    this.timer = setInterval(() => {
      this.left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
      if (this.left === 0) {
        this.pause();
        this.status.textContent = "Time is up. Come back to the room whenever you are ready.";
      }
      this.show();
    }, 250);
    this.status.textContent = "";
    this.show();
  }

  pause() {
    clearInterval(this.timer);
    this.timer = undefined;
    this.show();
  }

  show() {
    const minutes = Math.floor(this.left / 60);
    const seconds = String(this.left % 60).padStart(2, "0");
    this.clock.textContent = `${minutes}:${seconds}`;
    const fresh = this.left === this.total;
    this.button.textContent = this.timer ? "Pause" : fresh || this.left === 0 ? "Start the timer" : "Go on";
    this.reset.hidden = fresh || Boolean(this.timer);
  }
}

customElements.define("earned-timer", EarnedTimer);
