/* For the page AROUND an embedded agenda (a centre's own site): fits each agenda iframe to the height
   of its content, so the visitor sees the whole list without a second scroll bar.

       <script src="https://<our site>/static/agenda_pages/js/embed-resize.js" defer></script>

   The embed (embed-height.js) sends its height with postMessage. A message is used only when it
   comes from the site this script was loaded from, and only for the iframe that sent it; the height
   is kept within sensible bounds. Without this script the iframe keeps its own height and scrolls. */
(function () {
    "use strict";

    var script = document.currentScript;
    if (!script || !script.src || !window.postMessage) {
        return;
    }
    var ourOrigin = new URL(script.src, document.baseURI).origin;
    var MIN_HEIGHT = 150;
    var MAX_HEIGHT = 20000;

    function frameOf(source) {
        var frames = document.getElementsByTagName("iframe");
        for (var index = 0; index < frames.length; index += 1) {
            if (frames[index].contentWindow === source) {
                return frames[index];
            }
        }
        return null;
    }

    window.addEventListener("message", function (event) {
        if (event.origin !== ourOrigin) {
            return;
        }
        var data = event.data;
        if (!data || data.type !== "kankernl-agenda-height" || typeof data.height !== "number") {
            return;
        }
        var frame = frameOf(event.source);
        if (!frame) {
            return;
        }
        var height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(data.height)));
        frame.style.height = height + "px";
    });
})();
