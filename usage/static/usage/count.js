// Counts one view of this page: one small POST once the page is shown, no cookie, nothing kept in
// the browser. Without JavaScript (or navigator.sendBeacon) the view is not counted.
(function () {
    "use strict";
    var script = document.currentScript;
    if (!script || !navigator.sendBeacon) {
        return;
    }
    var data = new FormData();
    data.append("page", script.dataset.page);
    var url = script.dataset.url;
    function send() {
        navigator.sendBeacon(url, data);
    }
    // A page the browser prerenders (from the address bar, say) is counted once it is shown, if ever.
    if (document.prerendering) {
        document.addEventListener("prerenderingchange", send, { once: true });
    } else {
        send();
    }
})();
