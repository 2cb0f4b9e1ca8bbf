// The English messages, the page's part: its share bar and offline notices (not the element's), fetched after the first result
// (i18n/en/start.js, glossary.js, page.js and panels.js; catalogs.js loads a part
// only for a language shown and only once it is needed). One object per panel, in the sections below;
// i18n/zh-TW/ and i18n/en/ have the same parts, sections and keys
// (tests/browser/catalog.test.mjs checks it). A new panel's messages go into a
// new section of one part in every language, and into that part's list at the end.

// ---- shareBar ----------------------------------------------------------------
// Strings of the privacy and share bar (www/share-bar.js, mounted by www/state.js).
export const shareBar = {
  "share.remember": "Remember what I enter",
  "share.rememberHint": "Nothing is saved unless you turn this on. Then what you enter is kept only in this device's browser and never uploaded; leave it off on a shared or borrowed device.",
  "share.forget": "Erase what this device saved",
  "share.forgotten": "What this device saved has been erased, and remembering is off.",
  "share.remembering": "On: what you enter is kept on this device and filled in next time.",
  "share.notRemembering": "Off, and what this device saved has been erased.",
  "share.copy": "Copy a link to these figures",
  "share.copied": "Link copied.",
  "share.copyManual": "The link could not be copied automatically; please select it below and copy it.",
  "share.linkLabel": "Link to these figures",
  "share.linkNote": "Your figures are in the part of the link after “#”, which is never sent to any server; anyone with the link can see them. The letter's name and contact details are not put in the link.",
  "share.badLink": "This link's contents could not be read (it may be incomplete or changed), so the calculator starts from its usual figures. You can simply enter yours.",
  "share.oldLink": "This link is from another version of the calculator and could not be read, so the calculator starts from its usual figures. You can simply enter yours.",
  "share.fromLink": "Filled in from the link.",
  "share.fromSaved": "Filled in with what you saved on this device last time.",
  "share.linkBesideSaved": "This is what the link holds, not saved yet. Another case is saved on this device; it stays as it is unless you choose to replace it.",
  "share.useLink": "Replace the saved case with the link's",
  "share.keepSaved": "Open the saved case instead",
  "share.linkSaved": "The saved case is now the link's; your changes from here on are saved too and come back after a reload.",
  "share.savedOpened": "The saved case is open; the link's figures were not used.",
  "share.fileCopy": "This is an offline copy saved on this device: its address (file:///…) does not open on anyone else's device. Below is the link's content as text; send it, and paste it after the address of the online calculator.",
};

// ---- offline -----------------------------------------------------------------
// Texts of the offline notices (www/offline.js).
export const offline = {
  "offline.ready": "Ready to work offline: this page computes even with no connection.",
  "offline.update": "A new version is ready.",
  "offline.reload": "Reload",
  "offline.dismiss": "OK",
};

/** Every section of this part, merged in this order by i18n.js. */

/** Every section of this part, merged in this order by i18n.js. */
export default [shareBar, offline];
