// chitieu: the little script the pages need (no inline script: the content security policy forbids it).
// Every page works without it; it only saves steps and keeps typed figures safe.
document.addEventListener("change", function (event) {
  var el = event.target;
  if (el.matches && el.matches("select[data-autosubmit]")) {
    el.form.submit();
  }
});

// Drafts: what a reporter types in a form marked data-draft="KEY" is kept in this browser
// (localStorage) until the server confirms it saved it, so that neither a failed save nor a lost
// connection loses it. When the form is shown again with other values, the kept figures are offered.
(function () {
  var PREFIX = "chitieu-draft:";
  var store;
  try {
    store = window.localStorage;
    store.setItem(PREFIX + "probe", "1");
    store.removeItem(PREFIX + "probe");
  } catch (e) {
    return; // private mode or storage refused: the form still works, without drafts
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && !el.disabled &&
        (el.tagName === "SELECT" || el.tagName === "TEXTAREA" ||
         (el.tagName === "INPUT" && ["text", "search", "number", "hidden"].indexOf(el.type) >= 0));
    });
  }

  function snapshot(form) {
    var values = {};
    var added = [];
    fields(form).forEach(function (el) {
      if (el.name === "add") { added.push(el.value); } else { values[el.name] = el.value; }
    });
    return { values: values, added: added };
  }

  function read(key) {
    try { return JSON.parse(store.getItem(PREFIX + key) || "null"); } catch (e) { return null; }
  }

  function differs(form, draft) {
    var now = snapshot(form).values;
    return Object.keys(draft.values).some(function (name) {
      return /-(value|numerator|denominator|note|status)$/.test(name) && name in now && now[name] !== draft.values[name];
    }) || draft.added.some(function (code) {
      return !form.querySelector("[data-indicator='" + code + "']");
    });
  }

  function restore(form, draft) {
    var missing = draft.added.filter(function (code) {
      return !form.querySelector("[data-indicator='" + code + "']");
    });
    if (missing.length) {
      // Rows the reporter had added: ask the server for the form with them, then restore.
      var url = new URL(window.location.href);
      url.searchParams.delete("add");
      draft.added.forEach(function (code) { url.searchParams.append("add", code); });
      url.hash = "restore-draft";
      window.location.assign(url.toString());
      return;
    }
    // Hidden version fields too: a figure someone changed meanwhile is then shown as a conflict.
    fields(form).forEach(function (el) {
      if (el.name in draft.values && el.name !== "add") { el.value = draft.values[el.name]; }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    // A save the server confirmed: its draft is no longer needed.
    document.querySelectorAll(".messages li").forEach(function (li) {
      li.classList.forEach(function (cls) {
        if (cls.indexOf("draft-saved:") === 0) { store.removeItem(PREFIX + cls.slice(12)); }
      });
    });
    document.querySelectorAll("form[data-draft]").forEach(function (form) {
      var key = form.getAttribute("data-draft");
      var offer = document.querySelector("[data-draft-offer='" + key + "']");
      var draft = read(key);
      if (draft && window.location.hash === "#restore-draft") {
        restore(form, draft);
        history.replaceState(null, "", window.location.pathname + window.location.search);
      } else if (draft && offer && differs(form, draft)) {
        var when = offer.querySelector("[data-draft-when]");
        if (when && draft.at) { when.textContent = new Date(draft.at).toLocaleString(document.documentElement.lang || undefined); }
        offer.hidden = false;
        offer.querySelector("[data-draft-restore]").addEventListener("click", function () {
          restore(form, draft);
          offer.hidden = true;
        });
        offer.querySelector("[data-draft-discard]").addEventListener("click", function () {
          store.removeItem(PREFIX + key);
          offer.hidden = true;
        });
      }
      function keep() {
        var s = snapshot(form);
        s.at = Date.now();
        store.setItem(PREFIX + key, JSON.stringify(s));
      }
      form.addEventListener("input", keep);
      form.addEventListener("change", keep);
      form.addEventListener("submit", keep);
    });
  });
})();

// ---- journeys-cycle: htmx answers with an error shown in place; confirmations --------------------
// htmx leaves 4xx/5xx answers unswapped, so a refusal used to show nothing. A 400, 409 or 422 answer
// is the form again with its errors beside the fields: it is swapped in like a success (into the
// element named by an hx-target-error attribute, when there is one). Any other error (403, 404, 5xx,
// or no answer at all) is a message: it is shown beside the form or button that sent the request.
(function () {
  var WORDS = {
    vi: {
      offline: "Không kết nối được máy chủ: chưa lưu gì. Kiểm tra kết nối mạng rồi thử lại.",
      failed: "Máy chủ không thực hiện được yêu cầu (mã lỗi {status}). Tải lại trang rồi thử lại."
    },
    en: {
      offline: "The server could not be reached: nothing was saved. Check the connection and try again.",
      failed: "The server could not do this (error {status}). Reload the page and try again."
    }
  };

  function words() {
    var lang = (document.documentElement.lang || "vi").slice(0, 2);
    return WORDS[lang] || WORDS.vi;
  }

  function errorTarget(elt) {
    var holder = elt && elt.closest ? elt.closest("[hx-target-error]") : null;
    return holder ? document.querySelector(holder.getAttribute("hx-target-error")) : null;
  }

  function anchorOf(elt) {
    return (elt && elt.closest && elt.closest("form")) || elt;
  }

  function clear(elt) {
    var anchor = anchorOf(elt);
    if (anchor && anchor.nextElementSibling && anchor.nextElementSibling.matches(".htmx-error[data-placed]")) {
      anchor.nextElementSibling.remove();
    }
  }

  function messageOf(xhr) {
    var text = "";
    if (xhr && xhr.responseText) {
      var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
      var found = doc.querySelector(".htmx-error, [role=alert], .errorlist, .errors");
      text = found ? found.textContent.trim() : "";
    }
    return text || words().failed.replace("{status}", xhr ? xhr.status : "?");
  }

  function show(elt, message, target) {
    var box = document.createElement("div");
    box.className = "errors htmx-error";
    box.setAttribute("role", "alert");
    box.textContent = message;
    if (target) {
      target.replaceChildren(box);
      return;
    }
    clear(elt);
    box.setAttribute("data-placed", "");
    var anchor = anchorOf(elt);
    if (anchor && anchor.parentNode) {
      anchor.insertAdjacentElement("afterend", box);
    }
  }

  document.addEventListener("htmx:beforeRequest", function (evt) {
    clear(evt.detail.elt);
  });

  document.addEventListener("htmx:beforeSwap", function (evt) {
    var xhr = evt.detail.xhr;
    if (!xhr || xhr.status < 400) {
      return;
    }
    var elt = evt.detail.requestConfig ? evt.detail.requestConfig.elt : evt.detail.elt;
    var target = errorTarget(elt);
    if (xhr.status === 400 || xhr.status === 409 || xhr.status === 422) {
      evt.detail.shouldSwap = true;
      evt.detail.isError = false;
      if (target) {
        evt.detail.target = target;
      }
      return;
    }
    evt.detail.shouldSwap = false;
    show(elt, messageOf(xhr), target);
  });

  document.addEventListener("htmx:sendError", function (evt) {
    show(evt.detail.elt, words().offline, errorTarget(evt.detail.elt));
  });

  // A form marked data-confirm asks before it is sent (deleting an entry).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches && form.matches("form[data-confirm]") && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });

  // A filter checkbox marked data-autosubmit applies itself, as the filter selects do.
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches && el.matches("input[type=checkbox][data-autosubmit]")) {
      el.form.submit();
    }
  });
})();
