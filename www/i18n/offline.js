// Texts of the offline notices (www/offline.js).

export default {
  "zh-CN": {
    "offline.ready": "可以离线使用了：断网时打开本页也能计算。",
    "offline.update": "有新版本。",
    "offline.reload": "重新加载",
    "offline.dismiss": "知道了",
  },
  "zh-TW": {
    "offline.ready": "可以離線使用了：斷網時開啟本頁也能計算。",
    "offline.update": "有新版本。",
    "offline.reload": "重新載入",
    "offline.dismiss": "知道了",
  },
  en: {
    "offline.ready": "Ready to work offline: this page computes even with no connection.",
    "offline.update": "A new version is ready.",
    "offline.reload": "Reload",
    "offline.dismiss": "OK",
  },
};
