// Counts one view of this page: one small POST once the page is shown, no cookie, nothing kept in
// the browser. Without JavaScript (or navigator.sendBeacon) the view is not counted.
(function () {
    "use strict";
    var script = document.currentScript;
    if (!script || !navigator.sendBeacon || document.visibilityState === "prerender") {
        return;
    }
    var data = new FormData();
    data.append("page", script.dataset.page);
    navigator.sendBeacon(script.dataset.url, data);
})();
