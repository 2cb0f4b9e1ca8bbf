// The Simplified Chinese (简体中文) messages, the page's part: its share bar and offline notices (not the element's), fetched after the first result
// (i18n/zh-CN/start.js, glossary.js, page.js and panels.js; catalogs.js loads a part
// only for a language shown and only once it is needed). One object per panel, in the sections below;
// i18n/zh-TW/ and i18n/en/ have the same parts, sections and keys
// (tests/browser/catalog.test.mjs checks it). A new panel's messages go into a
// new section of one part in every language, and into that part's list at the end.

// ---- shareBar ----------------------------------------------------------------
// Strings of the privacy and share bar (www/share-bar.js, mounted by www/state.js).
export const shareBar = {
  "share.remember": "记住我填的内容",
  "share.rememberHint": "默认不保存任何内容。打开“记住”后，你填的内容只保存在这台设备的浏览器里，不会上传；用公用或别人的设备时请不要打开。",
  "share.forget": "清除本机保存的内容",
  "share.forgotten": "已清除这台设备上保存的内容，“记住”已关闭。",
  "share.remembering": "已打开：你填的内容会保存在这台设备上，下次打开时自动填好。",
  "share.notRemembering": "已关闭，并清除了这台设备上保存的内容。",
  "share.copy": "复制分享链接",
  "share.copied": "链接已复制。",
  "share.copyManual": "没能自动复制，请选中下面的链接手动复制。",
  "share.linkLabel": "分享链接",
  "share.linkNote": "你填的数字都在链接“#”后面的部分，不会发到任何服务器；拿到链接的人能看到这些数字。申请书里的姓名、联系方式等不会放进链接。",
  "share.badLink": "这个链接里的内容读不出来（可能不完整或被改动过），下面先用默认数值计算。你可以直接重新填写。",
  "share.oldLink": "这个链接来自另一个版本的计算器，读不出来，下面先用默认数值计算。你可以直接重新填写。",
  "share.fromLink": "已按链接里的数字填好。",
  "share.fromSaved": "已填好你上次在这台设备上保存的内容。",
  "share.linkBesideSaved": "这是打开链接得到的内容，还没有保存。这台设备上另有一份你保存过的内容，它不会被改动，除非你选择替换。",
  "share.useLink": "用链接里的内容替换保存的那份",
  "share.keepSaved": "改为打开保存的那份",
  "share.linkSaved": "已用链接里的内容替换保存的那份；你之后的修改也会保存，刷新后仍在。",
  "share.savedOpened": "已打开保存的那份内容，链接里的内容没有使用。",
  "share.fileCopy": "这是保存在本机的离线副本，它的链接（file:///…）在别的设备上打不开。下面是链接内容的文字，可以复制后发给对方，对方在在线的计算器网址后面粘贴使用。",
};

// ---- offline -----------------------------------------------------------------
// Texts of the offline notices (www/offline.js).
export const offline = {
  "offline.ready": "可以离线使用了：断网时打开本页也能计算。",
  "offline.update": "有新版本。",
  "offline.reload": "重新加载",
  "offline.dismiss": "知道了",
};

/** Every section of this part, merged in this order by i18n.js. */

/** Every section of this part, merged in this order by i18n.js. */
export default [shareBar, offline];
