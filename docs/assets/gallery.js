// Photo galleries of entry pages: a lightbox (PhotoSwipe 5, served by the site) over the
// thumbnails' links. Without JavaScript each thumbnail links to the full photo.
// Swipe, pinch and double-tap zoom, arrows and Escape come with PhotoSwipe; this adds a
// caption with the photographer's credit, Thai labels, and closing with the back button.
const galleries = document.querySelectorAll(".nr-gallery");
if (galleries.length) {
  const here = new URL(import.meta.url);
  const base = new URL("photoswipe/", here);
  const { default: PhotoSwipeLightbox } = await import(new URL("photoswipe-lightbox.esm.min.js", base).href);
  for (const gallery of galleries) {
    const lightbox = new PhotoSwipeLightbox({
      gallery, children: "a.nr-gallery__link",
      pswpModule: () => import(new URL("photoswipe.esm.min.js", base).href),
      closeTitle: "ปิด (Esc)", zoomTitle: "ซูม", arrowPrevTitle: "ภาพก่อนหน้า",
      arrowNextTitle: "ภาพถัดไป", errorMsg: "เปิดภาพไม่ได้", indexIndicatorSep: " / ",
      bgOpacity: 0.92, wheelToZoom: true,
    });
    lightbox.on("uiRegister", () => {
      lightbox.pswp.ui.registerElement({
        name: "nr-caption", order: 9, isButton: false, appendTo: "root",
        html: "", className: "nr-pswp-caption",
        onInit: (el, pswp) => {
          el.setAttribute("aria-live", "polite");
          pswp.on("change", () => {
            const link = pswp.currSlide.data.element;
            const figure = link && link.closest("li");
            const caption = figure && figure.querySelector(".nr-gallery__caption");
            el.textContent = caption ? caption.textContent.trim() : "";
          });
        },
      });
    });
    // Opened (the animation over): the next photos are loaded and arrows and swipes count.
    lightbox.on("openingAnimationEnd", () => { lightbox.pswp.element.dataset.nrReady = "1"; });
    // The back button closes the photo, as on every phone gallery.
    let pushed = false;
    lightbox.on("afterInit", () => {
      history.pushState({ nrPhoto: true }, "");
      pushed = true;
    });
    lightbox.on("close", () => {
      if (pushed && history.state && history.state.nrPhoto) {
        pushed = false;
        history.back();
      }
    });
    window.addEventListener("popstate", () => {
      if (pushed && lightbox.pswp) {
        pushed = false;
        lightbox.pswp.close();
      }
    });
    lightbox.init();
  }
}
