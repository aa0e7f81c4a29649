/* Leading & Managing embed views: tell the page that frames us how tall our content is.
 *
 * Ours rather than iframe-resizer (whose version 5 is GPL or paid). It speaks the two
 * protocols learning platforms already listen for:
 *   - Canvas (and Sakai): {subject: "lti.frameResize", height}
 *   - the H5P resizer (h5p-resizer.js on the parent): "hello", then "resize" with the height
 * It never touches storage, cookies or the top window, so it works in sandboxed frames.
 */
(function () {
  "use strict";

  var framed;
  try {
    framed = window.self !== window.top;
  } catch (crossOriginDenied) {
    framed = true;
  }
  if (!framed || typeof window.parent.postMessage !== "function") {
    return;
  }

  var THROTTLE_MS = 100;
  var lastHeight = 0;
  var waiting = false;

  function contentHeight() {
    // The root element's box, not scrollHeight: scrollHeight never drops below the frame's
    // own height, so a frame that was too tall could never shrink back.
    return Math.ceil(document.documentElement.getBoundingClientRect().height);
  }

  function post(message) {
    // "*": we send only a height, and a sandboxed parent's origin may be unknown ("null").
    window.parent.postMessage(message, "*");
  }

  function report() {
    waiting = false;
    var height = contentHeight();
    if (height === lastHeight) {
      return;
    }
    lastHeight = height;
    post({ subject: "lti.frameResize", height: height });
    post({ context: "h5p", action: "resize", height: height, scrollHeight: height });
  }

  function schedule() {
    if (!waiting) {
      waiting = true;
      window.setTimeout(report, THROTTLE_MS);
    }
  }

  // The H5P resizer answers "hello" and, on every resize of the parent window, asks again.
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.source === window.parent && data && data.context === "h5p"
        && (data.action === "hello" || data.action === "resize")) {
      lastHeight = 0;
      schedule();
    }
  });

  post({ context: "h5p", action: "hello" });
  if (typeof window.ResizeObserver === "function") {
    new window.ResizeObserver(schedule).observe(document.documentElement);
  } else {
    window.addEventListener("resize", schedule);
  }
  window.addEventListener("load", schedule);
  schedule();
})();
