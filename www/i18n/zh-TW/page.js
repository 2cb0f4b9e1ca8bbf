// The Traditional Chinese (繁體中文) messages, the page's part: its share bar and offline notices (not the element's), fetched after the first result
// (i18n/zh-TW/start.js, glossary.js, page.js and panels.js; catalogs.js loads a part
// only for a language shown and only once it is needed). One object per panel, in the sections below;
// i18n/zh-TW/ and i18n/en/ have the same parts, sections and keys
// (tests/browser/catalog.test.mjs checks it). A new panel's messages go into a
// new section of one part in every language, and into that part's list at the end.

// ---- shareBar ----------------------------------------------------------------
// Strings of the privacy and share bar (www/share-bar.js, mounted by www/state.js).
export const shareBar = {
  "share.remember": "記住我填的內容",
  "share.rememberHint": "預設不儲存任何內容。開啟「記住」後，你填的內容只儲存在這台裝置的瀏覽器裡，不會上傳；使用公用或別人的裝置時請不要開啟。",
  "share.forget": "清除本機儲存的內容",
  "share.forgotten": "已清除這台裝置上儲存的內容，「記住」已關閉。",
  "share.remembering": "已開啟：你填的內容會儲存在這台裝置上，下次打開時自動填好。",
  "share.notRemembering": "已關閉，並清除了這台裝置上儲存的內容。",
  "share.copy": "複製分享連結",
  "share.copied": "連結已複製。",
  "share.copyManual": "沒能自動複製，請選取下面的連結手動複製。",
  "share.linkLabel": "分享連結",
  "share.linkNote": "你填的數字都在連結「#」後面的部分，不會傳到任何伺服器；拿到連結的人能看到這些數字。申請書裡的姓名、聯絡方式等不會放進連結。",
  "share.badLink": "這個連結裡的內容讀不出來（可能不完整或被改動過），下面先用預設數值計算。你可以直接重新填寫。",
  "share.oldLink": "這個連結來自另一個版本的計算器，讀不出來，下面先用預設數值計算。你可以直接重新填寫。",
  "share.fromLink": "已按連結裡的數字填好。",
  "share.fromSaved": "已填好你上次在這台裝置上儲存的內容。",
  "share.linkBesideSaved": "這是開啟連結得到的內容，還沒有儲存。這台裝置上另有一份你儲存過的內容，它不會被更動，除非你選擇取代。",
  "share.useLink": "用連結裡的內容取代儲存的那份",
  "share.keepSaved": "改為開啟儲存的那份",
  "share.linkSaved": "已用連結裡的內容取代儲存的那份；你之後的修改也會儲存，重新整理後仍在。",
  "share.savedOpened": "已開啟儲存的那份內容，連結裡的內容沒有使用。",
  "share.fileCopy": "這是存在本機的離線副本，它的連結（file:///…）在別的裝置上打不開。下面是連結內容的文字，可以複製後傳給對方，對方貼在線上計算器網址的後面使用。",
};

// ---- offline -----------------------------------------------------------------
// Texts of the offline notices (www/offline.js).
export const offline = {
  "offline.ready": "可以離線使用了：斷網時開啟本頁也能計算。",
  "offline.update": "有新版本。",
  "offline.reload": "重新載入",
  "offline.dismiss": "知道了",
};

/** Every section of this part, merged in this order by i18n.js. */

/** Every section of this part, merged in this order by i18n.js. */
export default [shareBar, offline];
