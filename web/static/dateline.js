// dateline's only script: small conveniences that the pages work without.
// It never inserts article text as HTML.
"use strict";
document.addEventListener("keydown", (ev) => {
  // "/" jumps to the search box, as on most search sites.
  if (ev.key === "/" && !(ev.target instanceof HTMLInputElement)) {
    const box = document.querySelector("form.search input[type=search]");
    if (box) { ev.preventDefault(); box.focus(); box.select(); }
  }
});
// Hovering an entity or a quote marks every place it occurs in the text.
for (const attr of ["data-entity", "data-quote"]) {
  document.addEventListener("mouseover", (ev) => {
    const el = ev.target instanceof Element ? ev.target.closest("[" + attr + "]") : null;
    document.querySelectorAll(".active[" + attr + "]").forEach((x) => x.classList.remove("active"));
    if (!el) return;
    const v = el.getAttribute(attr);
    document.querySelectorAll("#body [" + attr + "]").forEach((x) => {
      if (x.getAttribute(attr) === v) x.classList.add("active");
    });
  });
}
