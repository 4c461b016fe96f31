"""Draw docs/assets/share-card.png: the card a link preview shows for an entry without a
photo (plan/sharing.py SHARE_CARD): the archive's mark (docs/assets/mark.svg) and the
site's name in Sarabun, 1200 x 630. Run by hand after changing either, and commit the PNG:

    .venv/bin/python scripts/share_card.py

Chromium draws it (Debian's, as the browser tests use), so Thai is shaped as a browser shapes it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsroom.plan.sharing import SHARE_CARD, SHARE_CARD_SIZE  # noqa: E402
from tests.helpers import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

FONTS = ROOT / "node_modules" / "@fontsource" / "sarabun" / "files"

PAGE = """<!doctype html><html lang="th"><meta charset="utf-8"><style>
@font-face {{ font-family: Sarabun; font-weight: 700; src: url("{bold}"); }}
@font-face {{ font-family: Sarabun; font-weight: 400; src: url("{regular}"); }}
html, body {{ margin: 0; width: {w}px; height: {h}px; }}
body {{ display: flex; align-items: center; gap: 56px; padding: 0 90px; box-sizing: border-box;
  background: #fbf6f1; font-family: Sarabun; color: #3b1208; border-bottom: 24px solid #9c2f17; }}
img {{ width: 300px; height: 300px; flex: none; }}
h1 {{ font-size: 76px; line-height: 1.35; margin: 0 0 12px; font-weight: 700; }}
p {{ font-size: 40px; margin: 0; line-height: 1.5; }}
</style><body><img src="{mark}" alt=""><div><h1>คลังข่าว<br>จังหวัดคุณธรรม</h1>
<p>ศูนย์คุณธรรม (องค์การมหาชน)</p></div></body></html>"""


def main() -> None:
    from playwright.sync_api import sync_playwright
    w, h = SHARE_CARD_SIZE
    html = PAGE.format(w=w, h=h, mark=(ROOT / "docs" / "assets" / "mark.svg").as_uri(),
                       bold=(FONTS / "sarabun-thai-700-normal.woff2").as_uri(),
                       regular=(FONTS / "sarabun-thai-400-normal.woff2").as_uri())
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as p:
        page_file = Path(folder) / "card.html"
        page_file.write_text(html, encoding="utf-8")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": w, "height": h}, device_scale_factor=1)
        page.goto(page_file.as_uri(), wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        page.screenshot(path=str(ROOT / "docs" / SHARE_CARD), type="png")
        browser.close()
    print(ROOT / "docs" / SHARE_CARD)


if __name__ == "__main__":
    main()
