/* "Copy link" on event pages. Without JavaScript the page shows the link in a read-only field to
   select and copy by hand; this script adds a button that copies it and says so in a live region.
   Loaded with `defer` from a file (no inline script), so a strict Content-Security-Policy allows it. */
(function () {
    "use strict";

    function copyByHand(input) {
        input.focus();
        input.select();
        try {
            return document.execCommand("copy");
        } catch (error) {
            return false;
        }
    }

    function announce(status, message) {
        // Clear first, so the same message is read out again after a second click.
        status.textContent = "";
        window.setTimeout(function () {
            status.textContent = message;
        }, 100);
    }

    function enhance(container) {
        var input = container.querySelector("[data-copy-link-input]");
        var button = container.querySelector("[data-copy-link-button]");
        var status = container.querySelector("[data-copy-link-status]");
        if (!input || !button || !status) {
            return;
        }
        var canCopy = (navigator.clipboard && window.isSecureContext) ||
            (document.queryCommandSupported && document.queryCommandSupported("copy"));
        if (!canCopy) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            var done = function () {
                announce(status, button.getAttribute("data-copied-message"));
            };
            var fallback = function () {
                if (copyByHand(input)) {
                    done();
                }
            };
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(input.value).then(done, fallback);
            } else {
                fallback();
            }
        });
    }

    Array.prototype.forEach.call(document.querySelectorAll("[data-copy-link]"), enhance);
})();
