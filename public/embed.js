/*
 * Kassa embedded checkout. On the merchant's page:
 *   <script src="https://kassa.example/embed.js" data-session="cs_…"></script>   (adds a Pay button)
 * or
 *   <script src="https://kassa.example/embed.js"></script>
 *   Kassa.open({ sessionId: "cs_…", onComplete: function (result) { … }, onCancel: function () { … } });
 * The checkout opens in an iframe overlay. When it is paid, the host page gets
 * { type: "kassa:checkout.completed", sessionId, paymentId } through onComplete and a
 * "kassa:checkout.completed" CustomEvent on window. Only messages from Kassa's own origin, from this
 * iframe, about this session are accepted; Kassa posts only to the origin the session allows.
 */
(function () {
  "use strict";
  if (window.Kassa && window.Kassa.open) return;
  var script = document.currentScript;
  var kassaOrigin = new URL(script && script.src ? script.src : "/", window.location.href).origin;
  var current = null;

  function close() {
    if (!current) return;
    window.removeEventListener("message", current.listener);
    document.removeEventListener("keydown", current.onKey);
    current.overlay.remove();
    document.documentElement.style.overflow = current.overflow;
    current = null;
  }

  function open(options) {
    var sessionId = options && options.sessionId;
    if (typeof sessionId !== "string" || !/^cs_[0-9a-z]{26}$/.test(sessionId)) throw new Error("Kassa.open needs { sessionId: 'cs_…' }");
    close();
    var overlay = document.createElement("div");
    overlay.setAttribute("data-kassa-overlay", "");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(15,23,42,.6);display:flex;align-items:center;justify-content:center;";
    var frame = document.createElement("iframe");
    frame.title = "Kassa checkout";
    frame.src = kassaOrigin + "/pay/" + sessionId + "?embed_origin=" + encodeURIComponent(window.location.origin);
    frame.allow = "payment";
    frame.style.cssText = "border:0;width:100%;max-width:480px;height:100%;max-height:720px;background:#f8fafc;border-radius:12px;";
    var closeButton = document.createElement("button");
    closeButton.type = "button";
    closeButton.textContent = "×";
    closeButton.setAttribute("aria-label", "Close checkout");
    closeButton.style.cssText = "position:absolute;top:8px;right:12px;font:28px/1 sans-serif;color:#fff;background:none;border:0;cursor:pointer;";
    closeButton.addEventListener("click", function () {
      close();
      if (options.onCancel) options.onCancel();
    });
    overlay.appendChild(frame);
    overlay.appendChild(closeButton);

    var listener = function (event) {
      // Anything not from Kassa, not from this checkout's frame, or about another session is ignored.
      if (event.origin !== kassaOrigin || event.source !== frame.contentWindow) return;
      var data = event.data;
      if (!data || typeof data !== "object" || data.sessionId !== sessionId) return;
      if (data.type === "kassa:checkout.completed") {
        var result = { type: "kassa:checkout.completed", sessionId: sessionId, paymentId: typeof data.paymentId === "string" ? data.paymentId : null };
        setTimeout(close, 1500);
        if (options.onComplete) options.onComplete(result);
        window.dispatchEvent(new CustomEvent("kassa:checkout.completed", { detail: result }));
      } else if (data.type === "kassa:checkout.canceled") {
        close();
        if (options.onCancel) options.onCancel();
        window.dispatchEvent(new CustomEvent("kassa:checkout.canceled", { detail: { type: "kassa:checkout.canceled", sessionId: sessionId } }));
      }
    };
    var onKey = function (e) {
      if (e.key === "Escape") {
        close();
        if (options.onCancel) options.onCancel();
      }
    };
    window.addEventListener("message", listener);
    document.addEventListener("keydown", onKey);
    current = { overlay: overlay, listener: listener, onKey: onKey, overflow: document.documentElement.style.overflow };
    document.documentElement.style.overflow = "hidden";
    document.body.appendChild(overlay);
    frame.focus();
  }

  window.Kassa = { open: open, close: close, origin: kassaOrigin };

  var session = script && script.getAttribute("data-session");
  if (session) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = script.getAttribute("data-label") || "Pay";
    button.setAttribute("data-kassa-pay", "");
    button.addEventListener("click", function () {
      open({ sessionId: session });
    });
    script.insertAdjacentElement("afterend", button);
  }
})();
