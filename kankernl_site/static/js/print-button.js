// The printed programme's "Print this programme" button: hidden until this script can make it work,
// so without JavaScript the page only shows the text about the browser's own Print command.
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
        window.print();
    });
});
