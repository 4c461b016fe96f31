"""A deterministic archive of N generated Thai news entries, for tests and benchmarks.

    python -m bench.generate OUT_DIR N [--seed S] [--words W]

Entries cover all 77 provinces, program years 2561-2568, some with two
provinces, some with a photo, tags from a shared vocabulary. The same N and
seed always give the same files. ``metadata.json`` beside news/ records what
each entry should show, so tests can compare the built site against it.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
from datetime import date, timedelta
from pathlib import Path

from newsroom.model.calendar import program_year
from newsroom.model.province import all_provinces

SENTENCES = (
    "ศูนย์คุณธรรม (องค์การมหาชน) ร่วมประชุมหารือแนวทางการขับเคลื่อนจังหวัดคุณธรรม",
    "โดยมีหน่วยงานภาครัฐ ภาคเอกชน และภาคประชาสังคมเข้าร่วมกว่า 40 คน",
    "ที่ประชุมได้ทบทวนผลการดำเนินงานของเครือข่ายทางสังคมในรอบปีที่ผ่านมา",
    "พร้อมกำหนดเป้าหมายการส่งเสริมคุณธรรมเชิงพื้นที่ในปีงบประมาณถัดไป",
    "การสำรวจต้นทุนชีวิตเด็กและเยาวชนช่วยให้เห็นจุดแข็งของครอบครัวและชุมชน",
    "แกนนำชุมชนคุณธรรมนำเสนอกิจกรรมจิตอาสาและการจัดการความรู้ในพื้นที่",
    "วิทยากรส่งเสริมคุณธรรมได้แลกเปลี่ยนประสบการณ์กับผู้เข้าร่วมอย่างใกล้ชิด",
    "ผู้ว่าราชการจังหวัดกล่าวขอบคุณภาคีเครือข่ายที่ร่วมขับเคลื่อนงานอย่างต่อเนื่อง",
    "องค์กรคุณธรรมต้นแบบได้รับมอบเกียรติบัตรในโอกาสนี้",
    "สมัชชาคุณธรรมระดับจังหวัดเปิดพื้นที่ให้ทุกภาคส่วนร่วมเสนอความคิดเห็น",
    "การบูรณาการงบประมาณจากหน่วยงานที่เกี่ยวข้องจะช่วยให้งานเดินหน้าได้เร็วขึ้น",
    "เยาวชนจากโรงเรียนในพื้นที่ร่วมกิจกรรมเรียนรู้เรื่องความซื่อสัตย์และความพอเพียง",
)
TOPICS = ("ประชุมหารือ", "อบรมพัฒนาศักยภาพ", "ลงพื้นที่ติดตาม", "สัมมนาเครือข่าย",
          "ถอดบทเรียน", "ประกาศเจตนารมณ์", "สำรวจต้นทุนชีวิต", "มอบรางวัล")
TAGS = ("สมัชชาคุณธรรม", "ชุมชนคุณธรรม", "องค์กรคุณธรรม", "เยาวชน", "ต้นทุนชีวิต",
        "การจัดการความรู้", "เครือข่ายทางสังคม", "วิทยากรส่งเสริมคุณธรรม", "ครอบครัว", "MOU")
PEOPLE = ("จักราชัย ทองเพ็ชร์", "สุภาวดี ศรีสุข", "ธนพล วงศ์ใหญ่", "กมลชนก แก้วมณี",
          "ประยุทธ ชัยมงคล", "วิไลวรรณ บุญมา", "อนุชา พรหมวงศ์", "ศิริพร ทองดี")
# A 1x1 PNG: the build checks it and publishes a JPEG copy of it.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
FIRST_DAY = date(2017, 10, 1)      # program year 2561
LAST_DAY = date(2025, 9, 30)       # program year 2568


def generate(out: Path, n: int, seed: int = 1, words: int = 12) -> list[dict]:
    """Write n entries under out/news/ and out/metadata.json; return the metadata."""
    rng = random.Random(seed)
    provinces = all_provinces()
    span = (LAST_DAY - FIRST_DAY).days
    news = out / "news"
    meta = []
    for i in range(n):
        day = FIRST_DAY + timedelta(days=rng.randrange(span + 1))
        first = provinces[i % len(provinces)]          # every province gets entries
        provs = [first]
        if rng.random() < 0.1:
            second = rng.choice(provinces)
            if second != first:
                provs.append(second)
        year = program_year(day)
        slug = f"{day.isoformat()}-{first.slug}-{i:05d}"
        title = f"{rng.choice(TOPICS)}ขับเคลื่อนจังหวัดคุณธรรม จังหวัด{first.name_th} ครั้งที่ {i}"
        tags = rng.sample(TAGS, rng.randint(1, 3))
        body = "\n\n".join(
            " ".join(rng.choice(SENTENCES) for _ in range(max(1, words // 3)))
            for _ in range(3))
        photo = rng.random() < 0.05
        folder = news / str(year)
        if photo:
            folder = folder / slug
            path = folder / "index.md"
        else:
            path = folder / f"{slug}.md"
        folder.mkdir(parents=True, exist_ok=True)
        lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}",
                 f"date: {day.isoformat()}", f"author: {rng.choice(PEOPLE)}",
                 "province: " + json.dumps([p.name_th for p in provs], ensure_ascii=False),
                 "tags: " + json.dumps(tags, ensure_ascii=False)]
        if photo:
            lines += [f"photographer: {rng.choice(PEOPLE)}", "image: cover.png"]
            (folder / "cover.png").write_bytes(PIXEL)
        lines.append("---")
        path.write_text("\n".join(lines) + "\n\n" + body + "\n", encoding="utf-8")
        meta.append({"slug": slug, "title": title, "date": day.isoformat(), "year": year,
                     "provinces": [p.slug for p in provs], "tags": tags, "photo": photo})
    (out / "metadata.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1),
                                       encoding="utf-8")
    return meta


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--words", type=int, default=12)
    args = parser.parse_args()
    generate(args.out, args.n, args.seed, args.words)


if __name__ == "__main__":
    main()
