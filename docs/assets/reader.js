// Small helpers for readers, on every page (mkdocs.yml extra_javascript):
// - an entry page's "คัดลอกลิงก์" button copies the entry's address (it is hidden
//   without JavaScript, where it could do nothing);
// - the 404 page's "ค้นหาข่าว" opens the search box with Enter or Space too, as a button does.
(() => {
  "use strict";

  async function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return;
    }
    const field = document.createElement("textarea");       // older browsers, plain http
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.append(field);
    field.select();
    const done = document.execCommand("copy");
    field.remove();
    if (!done) throw new Error("copy refused");
  }

  for (const button of document.querySelectorAll("[data-nr-copy]")) {
    const status = button.parentElement.querySelector("[data-nr-copied]");
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await copy(button.dataset.nrCopy);
        if (status) status.textContent = "คัดลอกลิงก์แล้ว";
      } catch {
        if (status) status.textContent = "คัดลอกไม่ได้ กดค้างที่ลิงก์ในแถบที่อยู่เพื่อคัดลอก";
      }
    });
  }

  for (const label of document.querySelectorAll("label.nr-not-found__search")) {
    label.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
  }
})();
