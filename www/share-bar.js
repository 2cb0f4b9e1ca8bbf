// The privacy and share bar (state.js mountShareBar fetches this after the first result).

import { h } from "./dom.js";
import { bind } from "./i18n.js";
import { SHARED_PANELS, encodeFragment, forgetAll, loadSaved, save } from "./state.js";

function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled by the browser
  }
}

/**
 * The privacy and share bar: "remember on this device" (off unless something is
 * saved), "forget", "copy link", a readonly copy of the link, and a calm
 * status line. registry is ctx.state; watch is the element whose input and
 * change events mean "the inputs changed"; start is initialState()'s result.
 */
export function mountShareBar(bar, registry, watch, start) {
  const ls = storage();
  const remember = h("input", { type: "checkbox", id: "share-remember", "data-testid": "remember" });
  // A link opened beside a saved case leaves that case as it is until the person chooses.
  const besideSaved = start.source === "link" && start.saved ? start.saved : null;
  remember.checked = !besideSaved && loadSaved() !== null;
  const device = registry.device;
  const forget = h("button", { type: "button", class: "secondary", "data-testid": "forget", t: "share.forget" });
  const copy = h("button", { type: "button", class: "secondary", "data-testid": "copy-link", t: "share.copy" });
  const link = h("input", { type: "text", readonly: true, id: "share-link", class: "share-link", "data-testid": "share-link", spellcheck: "false" });
  const linkWrap = h("div", { class: "share-link-wrap", hidden: true }, h("label", { for: link.id, t: "share.linkLabel" }), link, h("p", { class: "hint", t: "share.linkNote" }));
  const status = h("p", { class: "share-status", role: "status", "data-testid": "share-status" });
  const notice = h("p", { class: "share-notice", role: "status", "data-testid": "share-notice", hidden: true });
  if (!ls) remember.disabled = true;
  bar.append(
    notice,
    h(
      "div",
      { class: "share-row" },
      h("div", { class: "check-row share-remember" }, remember, h("label", { for: remember.id, t: "share.remember" })),
      forget,
      copy,
    ),
    h("p", { class: "hint share-hint", t: "share.rememberHint" }),
    linkWrap,
    status,
  );
  bar.hidden = false;

  const choice = h("div", { class: "share-choice", hidden: true });
  notice.after(choice);
  if (start.problem) {
    bind(notice, start.problem === "version" ? "share.oldLink" : "share.badLink");
    notice.hidden = false;
  } else if (besideSaved) {
    bind(notice, "share.linkBesideSaved");
    notice.hidden = false;
    const useLink = h("button", { type: "button", class: "secondary", "data-testid": "share-use-link", t: "share.useLink" });
    const keepSaved = h("button", { type: "button", class: "secondary", "data-testid": "share-keep-saved", t: "share.keepSaved" });
    const decided = (key) => {
      notice.hidden = true;
      choice.hidden = true;
      remember.checked = true;
      dropLinkFromAddress();
      device?.emit("remember", true);
      saveNow();
      bind(status, key);
    };
    // The link's case, with what links never carry (the letter's name and details, the call
    // log's lender) taken from the saved copy.
    useLink.addEventListener("click", () => {
      registry.set(Object.fromEntries(Object.entries(besideSaved).filter(([name]) => !SHARED_PANELS.includes(name))));
      decided("share.linkSaved");
    });
    keepSaved.addEventListener("click", () => {
      registry.set(besideSaved);
      decided("share.savedOpened");
    });
    choice.append(useLink, keepSaved);
    choice.hidden = false;
  } else if (start.source) {
    bind(status, start.source === "link" ? "share.fromLink" : "share.fromSaved");
  }

  let timer = 0;
  const saveNow = () => {
    clearTimeout(timer);
    if (remember.checked) save(registry.get());
  };
  const later = () => {
    if (!remember.checked) return;
    clearTimeout(timer);
    // After the panels' own debounce, so rows added or removed are in.
    timer = setTimeout(saveNow, 400);
  };
  for (const ev of ["input", "change", "click"]) watch.addEventListener(ev, later);
  addEventListener("pagehide", saveNow);

  remember.addEventListener("change", async () => {
    if (remember.checked) {
      // From now on a reload shows what is saved (with the edits), not the link's first figures.
      dropLinkFromAddress();
      notice.hidden = besideSaved ? true : notice.hidden;
      choice.hidden = true;
      saveNow();
      device?.emit("remember", true);
      bind(status, "share.remembering");
    } else {
      await forgetAll();
      device?.emit("remember", false);
      bind(status, "share.notRemembering");
    }
  });
  forget.addEventListener("click", async () => {
    clearTimeout(timer);
    remember.checked = false;
    await forgetAll();
    device?.emit("remember", false);
    device?.emit("forget");
    bind(status, "share.forgotten");
  });
  const linkNote = linkWrap.querySelector(".hint");
  copy.addEventListener("click", async () => {
    const fragment = encodeFragment(registry.get(SHARED_PANELS));
    // A copy opened from a file (file:///…) has an address nobody else can open: the link's
    // content is offered as text instead, to paste after the online calculator's address.
    const local = location.protocol === "file:";
    const url = new URL(location.href);
    url.hash = fragment;
    const text = local ? fragment : url.href;
    link.value = text;
    link.dataset.kind = local ? "fragment" : "link";
    bind(linkNote, local ? "share.fileCopy" : "share.linkNote");
    linkWrap.hidden = false;
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      bind(status, local ? "share.fileCopy" : "share.copied");
    } catch {
      link.focus();
      link.select();
      bind(status, local ? "share.fileCopy" : "share.copyManual");
    }
  });
  device?.emit("attach", remember.checked);
  return { status, notice, link, remember };
}

/** Takes a share link's #s=… out of the address bar (history.replaceState: no request, no new entry). */
function dropLinkFromAddress() {
  if (!/(^#|&)s=/.test(location.hash)) return;
  try {
    history.replaceState(history.state, "", location.pathname + location.search);
  } catch {
    // a sandboxed or file page may refuse: the link then stays, which loses nothing
  }
}

