// chitieu: the little script the pages need (no inline script: the content security policy forbids it).
document.addEventListener("change", function (event) {
  var el = event.target;
  if (el.matches && el.matches("select[data-autosubmit]")) {
    el.form.submit();
  }
});

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
