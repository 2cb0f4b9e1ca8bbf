// Offline support for the served page: registers the service worker (sw.js)
// and shows two notices:
//  - "ready to work offline", once, when the first install has cached every
//    asset (an active worker exists only after install's precache succeeded):
//    one quiet line in the footer's #offline-status (role=status, announced
//    politely), never over the form, nothing to dismiss; in #offline-notice
//    only where the page has no such line;
//  - "a new version is ready — reload", when a new worker has installed and
//    waits. Its button posts 'skip-waiting' to that worker; when it takes
//    control the page reloads into the new version. Nothing updates by itself.
// Does nothing where there is no service worker or the page is not served
// over http(s) (the one-file copy opened from disk).

import { h, clear } from "./dom.js";

/** Starts offline support; root is the notice container. Resolves when set up. */
export async function setupOffline(root = document.getElementById("offline-notice")) {
  if (!root || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  const sw = navigator.serviceWorker;
  const firstInstall = !sw.controller;

  const show = (...children) => {
    clear(root);
    root.append(...children);
  };
  const dismiss = () =>
    h("button", { type: "button", class: "offline-dismiss", t: "offline.dismiss", on: { click: () => clear(root) } });

  let reloading = false;
  sw.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
  });

  const offerUpdate = (worker) =>
    show(
      h("p", { class: "offline-text", t: "offline.update", "data-testid": "offline-update" }),
      h("button", {
        type: "button",
        class: "offline-reload",
        t: "offline.reload",
        on: {
          click: () => {
            reloading = true;
            worker.postMessage("skip-waiting");
          },
        },
      }),
      dismiss(),
    );

  let reg;
  try {
    reg = await sw.register("sw.js", { updateViaCache: "none" });
  } catch (e) {
    console.warn("offline: the service worker was not registered", e);
    return;
  }
  if (!reg) return; // a stubbed register() (Playwright's serviceWorkers: "block") resolves to nothing

  // A new version: a worker that installed while an older one controls this page.
  const track = (worker) =>
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed" && sw.controller) offerUpdate(worker);
    });
  if (reg.waiting && sw.controller) offerUpdate(reg.waiting);
  track(reg.installing);
  reg.addEventListener("updatefound", () => track(reg.installing));

  if (firstInstall) {
    await sw.ready;
    if (reg.waiting) return;
    const line = document.getElementById("offline-status");
    if (line) clear(line).append(h("span", { class: "offline-text", t: "offline.ready", "data-testid": "offline-ready" }));
    else show(h("p", { class: "offline-text", t: "offline.ready", "data-testid": "offline-ready" }), dismiss());
  }
}
