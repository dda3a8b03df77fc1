// Earned — small progressive enhancements. Every page works without this file.
"use strict";

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

document.addEventListener("DOMContentLoaded", () => {
  fillTimezone();
  passphraseStrength();
});
