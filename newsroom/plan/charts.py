"""SVG drawn at build time: the province tile map and the entries-per-year chart.

The tile map puts one square per province roughly where it lies, on a fixed,
reviewed grid (GRID, below), checked against each province's capital
(approximate latitude/longitude, POSITIONS): the same on every build. Shades
come from the number of entries; every tile links to its province page and
names its count in text (its SVG title), and the page also lists the
counts as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..model.province import Province, all_provinces

# Approximate position of each province's capital: (latitude, longitude).
POSITIONS: dict[str, tuple[float, float]] = {
    "เชียงราย": (19.91, 99.83), "เชียงใหม่": (18.79, 98.98), "น่าน": (18.78, 100.78),
    "พะเยา": (19.17, 99.90), "แพร่": (18.14, 100.14), "แม่ฮ่องสอน": (19.30, 97.97),
    "ลำปาง": (18.29, 99.49), "ลำพูน": (18.58, 99.01), "อุตรดิตถ์": (17.62, 100.10),
    "กาฬสินธุ์": (16.43, 103.51), "ขอนแก่น": (16.44, 102.83), "ชัยภูมิ": (15.81, 102.03),
    "นครพนม": (17.41, 104.78), "นครราชสีมา": (14.97, 102.10), "บึงกาฬ": (18.36, 103.65),
    "บุรีรัมย์": (14.99, 103.10), "มหาสารคาม": (16.18, 103.30), "มุกดาหาร": (16.54, 104.72),
    "ยโสธร": (15.79, 104.15), "ร้อยเอ็ด": (16.05, 103.65), "เลย": (17.49, 101.72),
    "ศรีสะเกษ": (15.12, 104.32), "สกลนคร": (17.16, 104.15), "สุรินทร์": (14.88, 103.49),
    "หนองคาย": (17.88, 102.74), "หนองบัวลำภู": (17.20, 102.44), "อำนาจเจริญ": (15.86, 104.63),
    "อุดรธานี": (17.41, 102.79), "อุบลราชธานี": (15.24, 104.85),
    "กรุงเทพมหานคร": (13.75, 100.50), "กำแพงเพชร": (16.48, 99.52), "ชัยนาท": (15.19, 100.13),
    "นครนายก": (14.21, 101.21), "นครปฐม": (13.82, 100.06), "นครสวรรค์": (15.70, 100.14),
    "นนทบุรี": (13.86, 100.51), "ปทุมธานี": (14.02, 100.53), "พระนครศรีอยุธยา": (14.35, 100.57),
    "พิจิตร": (16.44, 100.35), "พิษณุโลก": (16.82, 100.26), "เพชรบูรณ์": (16.42, 101.16),
    "ลพบุรี": (14.80, 100.65), "สมุทรปราการ": (13.60, 100.60), "สมุทรสงคราม": (13.41, 100.00),
    "สมุทรสาคร": (13.55, 100.27), "สิงห์บุรี": (14.89, 100.40), "สุโขทัย": (17.01, 99.82),
    "สุพรรณบุรี": (14.47, 100.12), "สระบุรี": (14.53, 100.91), "อ่างทอง": (14.59, 100.45),
    "อุทัยธานี": (15.38, 100.02),
    "จันทบุรี": (12.61, 102.10), "ฉะเชิงเทรา": (13.69, 101.07), "ชลบุรี": (13.36, 100.98),
    "ตราด": (12.24, 102.52), "ปราจีนบุรี": (14.05, 101.37), "ระยอง": (12.68, 101.28),
    "สระแก้ว": (13.82, 102.07),
    "กาญจนบุรี": (14.00, 99.55), "ตาก": (16.88, 99.13), "ประจวบคีรีขันธ์": (11.81, 99.80),
    "เพชรบุรี": (13.11, 99.94), "ราชบุรี": (13.54, 99.81),
    "กระบี่": (8.09, 98.91), "ชุมพร": (10.49, 99.18), "ตรัง": (7.56, 99.61),
    "นครศรีธรรมราช": (8.43, 99.96), "นราธิวาส": (6.43, 101.82), "ปัตตานี": (6.87, 101.25),
    "พังงา": (8.45, 98.53), "พัทลุง": (7.62, 100.08), "ภูเก็ต": (7.88, 98.39),
    "ระนอง": (9.96, 98.64), "สตูล": (6.62, 100.07), "สงขลา": (7.19, 100.59),
    "สุราษฎร์ธานี": (9.14, 99.33), "ยะลา": (6.54, 101.28),
}
TILE, GAP = 40, 3                  # SVG units
SHADES = 5                         # 0 entries, then four steps up to the most

# Where each province's tile sits: one row of the map a line, (column, province), north to
# south. Drawn by hand from the positions above and reviewed, so that every tile keeps its
# neighbours' compass directions: in a row the tiles go west to east, in a column north to
# south, and a tile's diagonal neighbours lie that way (tests/unit/test_tile_map.py). An
# earlier layout snapped capitals to a grid and moved a collision to the free square above:
# ลำพูน came out north of เชียงใหม่ and ร้อยเอ็ด above กาฬสินธุ์.
GRID: tuple[tuple[tuple[int, str], ...], ...] = (
    ((3, "เชียงราย"),),
    ((0, "แม่ฮ่องสอน"), (1, "เชียงใหม่"), (3, "พะเยา"), (4, "น่าน")),
    ((1, "ลำพูน"), (2, "ลำปาง"), (3, "แพร่")),
    ((3, "อุตรดิตถ์"), (7, "หนองคาย"), (9, "บึงกาฬ")),
    ((1, "ตาก"), (2, "สุโขทัย"), (3, "พิษณุโลก"), (6, "เลย"), (7, "อุดรธานี"), (9, "สกลนคร"),
     (10, "นครพนม")),
    ((2, "กำแพงเพชร"), (3, "พิจิตร"), (4, "เพชรบูรณ์"), (6, "หนองบัวลำภู"), (7, "ขอนแก่น"),
     (9, "กาฬสินธุ์"), (10, "มุกดาหาร")),
    ((1, "อุทัยธานี"), (2, "นครสวรรค์"), (6, "ชัยภูมิ"), (8, "มหาสารคาม"), (9, "ร้อยเอ็ด")),
    ((2, "ชัยนาท"), (3, "สิงห์บุรี"), (4, "ลพบุรี"), (9, "ยโสธร"), (10, "อำนาจเจริญ")),
    ((2, "สุพรรณบุรี"), (3, "อ่างทอง"), (4, "สระบุรี"), (5, "นครนายก"), (6, "นครราชสีมา"),
     (7, "บุรีรัมย์"), (8, "สุรินทร์"), (9, "ศรีสะเกษ"), (10, "อุบลราชธานี")),
    ((1, "กาญจนบุรี"), (3, "พระนครศรีอยุธยา"), (5, "ปราจีนบุรี"), (6, "สระแก้ว")),
    ((1, "ราชบุรี"), (2, "นครปฐม"), (3, "นนทบุรี"), (4, "ปทุมธานี"), (5, "ฉะเชิงเทรา")),
    ((1, "สมุทรสงคราม"), (2, "สมุทรสาคร"), (3, "กรุงเทพมหานคร"), (4, "สมุทรปราการ"), (5, "ชลบุรี")),
    ((1, "เพชรบุรี"), (5, "ระยอง"), (6, "จันทบุรี"), (7, "ตราด")),
    ((1, "ประจวบคีรีขันธ์"),),
    ((1, "ชุมพร"),),
    ((0, "ระนอง"), (1, "สุราษฎร์ธานี")),
    ((0, "พังงา"), (1, "กระบี่"), (2, "นครศรีธรรมราช")),
    ((0, "ภูเก็ต"), (1, "ตรัง"), (2, "พัทลุง")),
    ((1, "สตูล"), (2, "สงขลา"), (3, "ปัตตานี")),
    ((3, "ยะลา"), (4, "นราธิวาส")),
)


@dataclass(frozen=True)
class Tile:
    province: Province
    col: int
    row: int


def tile_layout() -> list[Tile]:
    """One cell per province, from GRID; the same on every build."""
    by_name = {p.name_th: p for p in all_provinces()}
    return sorted((Tile(by_name[name], col, row) for row, cells in enumerate(GRID)
                   for col, name in cells), key=lambda t: (t.row, t.col))


def shade(count: int, most: int) -> int:
    """0 for no entries, else 1..SHADES-1 by share of the busiest province."""
    if count <= 0 or most <= 0:
        return 0
    return min(SHADES - 1, 1 + (count * (SHADES - 1) - 1) // most)


def province_map(counts: dict[Province, int], url_of: dict[Province, str]) -> str:
    """The tile map as an inline SVG string (links relative to the /provinces/ page)."""
    tiles = tile_layout()
    most = max(counts.values(), default=0)
    width = (max(t.col for t in tiles) + 1) * (TILE + GAP)
    height = (max(t.row for t in tiles) + 1) * (TILE + GAP)
    out = [f'<svg class="nr-map" viewBox="0 0 {width} {height}" '
           f'aria-labelledby="nr-map-title" xmlns="http://www.w3.org/2000/svg">',
           '<title id="nr-map-title">แผนที่จำนวนข่าวรายจังหวัด 77 จังหวัด</title>']
    for t in tiles:
        n = counts.get(t.province, 0)
        x, y = t.col * (TILE + GAP), t.row * (TILE + GAP)
        label = f"{t.province.name_th}: ข่าว {n} รายการ"
        short = escape(t.province.abbr_th or t.province.name_th[:2])
        tile = (f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="4" '
                f'class="nr-tile nr-tile--{shade(n, most)}"/>'
                f'<text x="{x + TILE / 2}" y="{y + 18}" class="nr-tile__name">{short}</text>'
                f'<text x="{x + TILE / 2}" y="{y + 34}" class="nr-tile__count">{n}</text>')
        if n:
            out.append(f'<a href="{escape(url_of[t.province])}" '
                       f'data-province="{t.province.slug}" data-count="{n}">'
                       f'<title>{escape(label)}</title>{tile}</a>')
        else:
            out.append(f'<g data-province="{t.province.slug}" data-count="0">'
                       f'<title>{escape(label)}</title>{tile}</g>')
    out.append("</svg>")
    return "".join(out)


YEAR_CHART_WIDTH = 340      # SVG units, shown at about 1 px each on a 390 px phone
CHART_TEXT = 14             # SVG units: >= 12 px wherever the chart is drawn 300 px wide or more


def year_chart(years: list[tuple[int, int, str]]) -> str:
    """Horizontal bars, one per program year: (year, count, link). Each bar is named by
    its year on the left and its count at its end, in text; its link's title says both."""
    if not years:
        return ""
    most = max(c for _, c, _ in years)
    bar_h, gap, label_w, count_w = 30, 10, 120, 40
    full = YEAR_CHART_WIDTH - label_w - count_w
    height = len(years) * (bar_h + gap)
    out = [f'<svg class="nr-chart nr-chart--years" viewBox="0 0 {YEAR_CHART_WIDTH} {height}" '
           f'aria-labelledby="nr-chart-title" xmlns="http://www.w3.org/2000/svg">',
           '<title id="nr-chart-title">จำนวนข่าวในแต่ละปีงบประมาณ</title>']
    for i, (year, count, url) in enumerate(years):
        y = i * (bar_h + gap)
        w = max(2, round(full * count / most))
        middle = y + bar_h / 2 + CHART_TEXT * 0.35
        out.append(f'<a href="{escape(url)}" data-year="{year}" data-count="{count}">'
                   f'<title>ปีงบประมาณ {year}: ข่าว {count} รายการ</title>'
                   f'<text x="0" y="{middle:g}" class="nr-chart__label">ปีงบประมาณ {year}</text>'
                   f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" rx="3" class="nr-chart__bar"/>'
                   f'<text x="{label_w + w + 6}" y="{middle:g}" class="nr-chart__count">{count}</text></a>')
    out.append("</svg>")
    return "".join(out)


def month_chart(months: list[tuple[str, int]], year_title: str) -> str:
    """Vertical bars, one per month of a program year (October first): (label, count)."""
    most = max((c for _, c in months), default=0) or 1
    bar_w, gap, full, base = 26, 6, 160, 40      # 384 units wide: labels >= 12 px at 390 px
    width = len(months) * (bar_w + gap)
    out = [f'<svg class="nr-chart nr-chart--months" viewBox="0 0 {width} {full + base + 20}" '
           f'role="img" aria-labelledby="nr-months-title" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="nr-months-title">จำนวนข่าวในแต่ละเดือนของ{escape(year_title)}</title>']
    for i, (label, count) in enumerate(months):
        x = i * (bar_w + gap)
        h = round(full * count / most)
        top = 20 + full - h
        out.append(f'<g data-month="{i + 1}" data-count="{count}">'
                   f'<title>{escape(label)}: ข่าว {count} รายการ</title>'
                   f'<rect x="{x}" y="{top}" width="{bar_w}" height="{h}" rx="3" class="nr-chart__bar"/>'
                   f'<text x="{x + bar_w / 2}" y="{top - 4}" text-anchor="middle" '
                   f'class="nr-chart__count">{count}</text>'
                   f'<text x="{x + bar_w / 2}" y="{20 + full + 18}" text-anchor="middle" '
                   f'class="nr-chart__label">{escape(label.split()[0])}</text></g>')
    out.append("</svg>")
    return "".join(out)
