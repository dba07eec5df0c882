/* Videos (elearning_pages/templates/elearning_pages/blocks/video_block.html).

   1. A YouTube or Vimeo video is shown as a facade: our own still and a link to the video there.
      Nothing of theirs loads before a click. This script turns the link into a button that puts
      their privacy-enhanced player (youtube-nocookie.com, Vimeo with dnt=1) in its place and moves
      the focus into it. The addresses are built here from the provider and the video's id only.
   2. An uploaded video's chapters become buttons that play the video from that chapter.
   3. An uploaded video reports "play" (its first start) and "ended" to the page's counter: counts
      only, no cookie, nothing about the visitor.

   Loaded with `defer` from a file (no inline script), so a strict Content-Security-Policy allows it. */
(function () {
    "use strict";

    // Each video block names this script, so a lesson with two videos loads it twice: run once.
    if (window.kankernlVideos) {
        return;
    }
    window.kankernlVideos = true;

    var PLAYERS = {
        youtube: function (id) {
            return "https://www.youtube-nocookie.com/embed/" + encodeURIComponent(id) + "?autoplay=1";
        },
        vimeo: function (id) {
            return "https://player.vimeo.com/video/" + encodeURIComponent(id) + "?dnt=1&autoplay=1";
        }
    };

    function loadPlayer(facade) {
        var makeUrl = PLAYERS[facade.getAttribute("data-provider")];
        var id = facade.getAttribute("data-video-id") || "";
        if (!makeUrl || !/^[A-Za-z0-9_-]+$/.test(id)) {
            return;
        }
        var frame = document.createElement("iframe");
        frame.className = "video__frame";
        frame.src = makeUrl(id);
        frame.title = facade.getAttribute("data-frame-title");
        frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture");
        frame.setAttribute("allowfullscreen", "");
        frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
        var holder = document.createElement("div");
        holder.className = "video__frame-holder";
        holder.appendChild(frame);
        facade.replaceWith(holder);
        frame.focus();
    }

    function enhanceFacade(facade) {
        var link = facade.querySelector(".video__facade-link");
        if (!link) {
            return;
        }
        // A button, not a link, once it plays the video here rather than going to another site.
        var button = document.createElement("button");
        button.type = "button";
        button.className = link.className;
        while (link.firstChild) {
            button.appendChild(link.firstChild);
        }
        var label = button.querySelector(".video__facade-label");
        if (label) {
            label.textContent = facade.getAttribute("data-play-label");
        }
        link.replaceWith(button);
        button.addEventListener("click", function () {
            loadPlayer(facade);
        });
    }

    function report(url, what) {
        if (!navigator.sendBeacon) {
            return;
        }
        var body = new URLSearchParams();
        body.set("event", what);
        navigator.sendBeacon(url, body);
    }

    function countPlays(video) {
        var url = video.getAttribute("data-video-event-url");
        var started = false;
        video.addEventListener("play", function () {
            if (!started) {
                started = true;
                report(url, "play");
            }
        });
        video.addEventListener("ended", function () {
            report(url, "ended");
        });
    }

    function enhanceChapters(list) {
        var video = list.closest(".video").querySelector("video");
        if (!video) {
            return;
        }
        Array.prototype.forEach.call(list.querySelectorAll("li[data-seconds]"), function (item) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "video__chapter-button";
            var hidden = document.createElement("span");
            hidden.className = "visually-hidden";
            hidden.textContent = list.getAttribute("data-go-to-label") + " ";
            button.appendChild(hidden);
            while (item.firstChild) {
                button.appendChild(item.firstChild);
            }
            item.appendChild(button);
            button.addEventListener("click", function () {
                var seconds = Number(item.getAttribute("data-seconds"));
                // Before the file loads (preload="none") this is where playing will start; browsers
                // that forget it get it again once the file's length is known. Seeking needs a
                // server that answers range requests: Wagtail's document view does so only with a
                // sendfile backend (nginx's X-Accel-Redirect, for one).
                if (video.readyState < 1) {
                    video.addEventListener("loadedmetadata", function () {
                        video.currentTime = seconds;
                    }, {once: true});
                }
                video.currentTime = seconds;
                video.focus();
                var playing = video.play();
                if (playing && playing.catch) {
                    playing.catch(function () {
                        // Refused (the file cannot load, say): the player shows its own state.
                    });
                }
            });
        });
    }

    Array.prototype.forEach.call(document.querySelectorAll("[data-video-facade]"), enhanceFacade);
    Array.prototype.forEach.call(document.querySelectorAll("[data-video-chapters]"), enhanceChapters);
    Array.prototype.forEach.call(document.querySelectorAll("video[data-video-event-url]"), countPlays);
})();
