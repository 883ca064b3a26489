// An open conversation: new messages, hidden ones, read receipts and who is writing arrive
// through a websocket, which also carries what the reader sends. Each message has a reference
// made here: sent again after a timeout (over the socket or by the form), it is stored once.
// Where websockets are blocked, the page asks the same address for what came after its last
// message every few seconds. Without script, the form posts and the page reloads.
(function () {
  "use strict";
  var root = document.querySelector("[data-conversation]");
  if (!root) return;
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
  var reference = form.querySelector("input[name=client_id]");
  var fileInput = form.querySelector("input[type=file]");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]");
  var opened = false;
  var polling = null;
  var pending = null; // the reference of the message the socket carries, until it answers
  var pendingTimer = null;
  var POLL_EVERY = 5000;
  var ANSWER_WITHIN = 5000;

  function newReference() {
    if (!reference) return;
    if (window.crypto && window.crypto.randomUUID) {
      reference.value = window.crypto.randomUUID();
    } else {
      reference.value = "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
        return (c ^ (window.crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
      });
    }
  }

  function address() {
    var scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    return scheme + "//" + window.location.host + root.dataset.socket +
      "?after=" + lastId + "&lang=" + encodeURIComponent(root.dataset.lang || "");
  }

  function element(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var made = template.content.firstElementChild;
    // A message rendered for the socket has forms (hide, report) without the page's token.
    if (csrf) {
      made.querySelectorAll("form[method=post]").forEach(function (inner) {
        var token = inner.querySelector("input[name=csrfmiddlewaretoken]");
        if (!token) {
          token = document.createElement("input");
          token.type = "hidden";
          token.name = "csrfmiddlewaretoken";
          inner.appendChild(token);
        }
        if (!token.value) token.value = csrf.value;
      });
    }
    return made;
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
    if (socket && socket.readyState === 1) socket.send(JSON.stringify(data));
  }

  function markRead() {
    if (document.visibilityState === "visible" && lastId) send({ type: "read", id: lastId });
  }

  // Where websockets never open (a proxy that blocks them), ask the page's address instead.
  function poll() {
    var url = (form.action || window.location.pathname) + "?after=" + lastId;
    return fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 403 || response.status === 404) {
          stopPolling();
          state.textContent = root.dataset.endedText;
          return null;
        }
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (!data) return;
        data.messages.forEach(insert);
        if (data.read) receipts(data.read);
      })
      .catch(function () {});
  }

  function startPolling() {
    if (polling) return;
    root.dataset.polling = "true";
    polling = window.setInterval(poll, POLL_EVERY);
    poll();
  }

  function stopPolling() {
    if (polling) window.clearInterval(polling);
    polling = null;
    root.dataset.polling = "false";
  }

  function connect() {
    socket = new WebSocket(address());
    root.conversationSocket = socket;
    socket.onopen = function () {
      attempts = 0;
      opened = true;
      stopPolling();
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
      else if (data.type === "sent" || data.type === "error") answered(data);
    };
    socket.onclose = function (event) {
      root.dataset.connected = "false";
      socket = null;
      if (event.code === 4401 || event.code === 4403) {
        stopPolling();
        state.textContent = root.dataset.endedText;
        return;
      }
      attempts += 1;
      if (!opened && attempts >= 3) startPolling();
      else state.textContent = root.dataset.reconnectingText;
      if (pending) resendByForm();
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

  function sentOk() {
    textarea.value = "";
    if (fileInput) fileInput.value = "";
    error.hidden = true;
    error.textContent = "";
    newReference();
  }

  function refused(text) {
    error.textContent = text;
    error.hidden = false;
    textarea.focus();
  }

  // The socket's answer to the message it carried: stored (or stored before), or refused.
  function answered(data) {
    if (!pending || data.client_id !== pending) return;
    window.clearTimeout(pendingTimer);
    pending = null;
    sending = false;
    if (data.type === "sent") sentOk();
    else refused(data.error);
  }

  function resendByForm() {
    window.clearTimeout(pendingTimer);
    pending = null;
    sending = false;
    postForm();
  }

  function sendBySocket() {
    pending = reference.value;
    pendingTimer = window.setTimeout(resendByForm, ANSWER_WITHIN);
    socket.send(JSON.stringify({ type: "send", body: textarea.value, client_id: reference.value }));
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sending) return;
    sending = true;
    var hasFile = fileInput && fileInput.files && fileInput.files.length;
    if (socket && socket.readyState === 1 && reference && !hasFile) {
      sendBySocket();
      return;
    }
    postForm();
  });

  function postForm() {
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
        sentOk();
        if (!socket) poll();
      } else {
        refused(result.data.error);
      }
    }).catch(function () {
      sending = false;
      form.submit(); // the page answers without script
    });
  }

  document.addEventListener("visibilitychange", markRead);
  if (window.WebSocket) connect();
  else startPolling();
})();
