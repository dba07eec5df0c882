/* Inside the embedded agenda: tell the page around the iframe how tall the agenda is, so that the
   host's optional embed-resize.js can fit the iframe to it. Only a height is sent, nothing about the
   visitor, so any host may read it. Without this script (or on a host without embed-resize.js) the
   iframe keeps the height the host gave it and scrolls. */
(function () {
    "use strict";

    if (window.parent === window) {
        return;
    }
    var lastHeight = 0;

    function sendHeight() {
        var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
        if (height !== lastHeight) {
            lastHeight = height;
            window.parent.postMessage({ type: "kankernl-agenda-height", height: height }, "*");
        }
    }

    sendHeight();
    window.addEventListener("load", sendHeight);
    if (window.ResizeObserver) {
        new ResizeObserver(sendHeight).observe(document.documentElement);
    } else {
        window.addEventListener("resize", sendHeight);
    }
})();
