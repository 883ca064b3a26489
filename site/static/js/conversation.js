// An open conversation: new messages, hidden ones, read receipts and who is writing arrive
// through a websocket; the form sends without leaving the page. Without script, or while the
// socket is down, the form still posts and the page shows everything once reloaded.
(function () {
  "use strict";
  var root = document.querySelector("[data-conversation]");
  if (!root || !window.WebSocket) return;
  var list = root.querySelector("#message-list");
  var form = root.querySelector("#message-form");
  var textarea = form.querySelector("textarea[name=body]");
  var typing = root.querySelector("#typing");
  var state = root.querySelector("#connection-state");
  var empty = root.querySelector("#no-message");
  var error = root.querySelector("#message-error");
  var canned = root.querySelector("[data-canned]");
  var lastId = parseInt(root.dataset.lastId || "0", 10) || 0;
  var socket = null;
  var attempts = 0;
  var typingShown = null;
  var typingSent = 0;
  var sending = false;

  function address() {
    var scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    return scheme + "//" + window.location.host + root.dataset.socket +
      "?after=" + lastId + "&lang=" + encodeURIComponent(root.dataset.lang || "");
  }

  function element(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function insert(payload) {
    if (document.getElementById("message-" + payload.id)) return; // never twice
    list.appendChild(element(payload.html));
    lastId = Math.max(lastId, payload.id);
    if (empty) empty.hidden = true;
    typing.textContent = "";
    markRead();
  }

  function replace(payload) {
    var old = document.getElementById("message-" + payload.id);
    if (old) old.replaceWith(element(payload.html));
  }

  function receipts(upTo) {
    list.querySelectorAll(".message-mine").forEach(function (item) {
      if (parseInt(item.dataset.id, 10) <= upTo) {
        var receipt = item.querySelector("[data-receipt]");
        if (receipt) receipt.textContent = root.dataset.readText;
      }
    });
  }

  function showTyping(name) {
    if (!name) return;
    typing.textContent = root.dataset.typingText.replace("%(name)s", name);
    window.clearTimeout(typingShown);
    typingShown = window.setTimeout(function () { typing.textContent = ""; }, 4000);
  }

  function send(data) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(data));
  }

  function markRead() {
    if (document.visibilityState === "visible" && lastId) send({ type: "read", id: lastId });
  }

  function connect() {
    socket = new WebSocket(address());
    root.conversationSocket = socket;
    socket.onopen = function () {
      attempts = 0;
      state.textContent = "";
      root.dataset.connected = "true";
      markRead();
    };
    socket.onmessage = function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "message") insert(data);
      else if (data.type === "replace") replace(data);
      else if (data.type === "read") receipts(data.id);
      else if (data.type === "typing") showTyping(data.name);
    };
    socket.onclose = function (event) {
      root.dataset.connected = "false";
      socket = null;
      if (event.code === 4401 || event.code === 4403) {
        state.textContent = root.dataset.endedText;
        return;
      }
      attempts += 1;
      state.textContent = root.dataset.reconnectingText;
      window.setTimeout(connect, Math.min(500 * Math.pow(2, attempts - 1), 15000));
    };
  }

  textarea.addEventListener("input", function () {
    var now = Date.now();
    if (now - typingSent > 3000) {
      typingSent = now;
      send({ type: "typing" });
    }
  });

  if (canned) {
    canned.addEventListener("change", function () {
      if (!canned.value) return;
      textarea.value = textarea.value ? textarea.value + "\n\n" + canned.value : canned.value;
      canned.value = "";
      textarea.focus();
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sending) return;
    sending = true;
    fetch(form.action || window.location.href, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      sending = false;
      if (result.ok) {
        textarea.value = "";
        error.hidden = true;
        error.textContent = "";
        if (!socket) window.location.reload();
      } else {
        error.textContent = result.data.error;
        error.hidden = false;
        textarea.focus();
      }
    }).catch(function () {
      sending = false;
      form.submit(); // the page answers without script
    });
  });

  document.addEventListener("visibilitychange", markRead);
  connect();
})();
