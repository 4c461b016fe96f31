"""A gallery on a phone and a desktop: the lightbox opens on a thumbnail, goes to the next
photo by arrow or swipe, shows the caption and the photographer's credit, closes with
Escape or the back button; every request stays on the site; axe-core finds nothing serious."""

from __future__ import annotations

import pytest

from tests.helpers import serious_violations

ENTRY = "news/2020-12-17-nakhon-si-thammarat-moral-assembly/"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3,
         "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


def _open(browser, server, options):
    context = browser.new_context(**options)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url + ENTRY, wait_until="networkidle")
    return context, page, requests, errors


def _caption(page) -> str:
    return page.locator(".nr-pswp-caption").text_content().strip()


@pytest.mark.parametrize("options", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_lightbox_opens_steps_and_closes(browser, sample_server, options):
    context, page, requests, errors = _open(browser, sample_server, options)
    thumbs = page.locator(".nr-gallery__link")
    assert thumbs.count() == 4
    thumbs.nth(0).scroll_into_view_if_needed()
    thumbs.nth(0).click()
    page.wait_for_selector(".pswp[data-nr-ready]")
    assert _caption(page) == "ผู้แทนภาคศาสนาเสนอแนวทางงานบุญปลอดโฟม · ภาพ: ศิริพร จันทร์หอม"
    assert page.locator(".pswp__counter").text_content().strip() == "1 / 4"
    if options is PHONE:          # a swipe to the left: the next photo
        box = page.locator(".pswp").bounding_box()
        y = box["y"] + box["height"] / 2
        page.mouse.move(box["x"] + box["width"] * 0.8, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.2, y, steps=8)
        page.mouse.up()
    else:
        page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('.pswp__counter').textContent.trim() === '2 / 4'")
    assert _caption(page).startswith("กลุ่มเยาวชนสรุปข้อเสนอโรงเรียนคุณธรรม")
    shown = page.evaluate("document.querySelector('.pswp__item[aria-hidden=\"false\"] img.pswp__img').currentSrc")
    assert shown.endswith(".jpg") and "photo-4" in shown
    page.keyboard.press("Escape")
    page.wait_for_selector(".pswp--open", state="detached")
    # open again, close with the back button: the page stays where it was
    thumbs.nth(2).click()
    page.wait_for_selector(".pswp[data-nr-ready]")
    page.go_back()
    page.wait_for_selector(".pswp--open", state="detached")
    assert page.url == sample_server.url + ENTRY
    assert errors == []
    assert [r for r in requests if not r.startswith(sample_server.url)] == []
    context.close()


def test_an_entry_page_with_a_gallery_has_no_serious_accessibility_violation(browser, sample_server):
    context, page, _, _ = _open(browser, sample_server, PHONE)
    serious = serious_violations(page)
    context.close()
    assert serious == []
