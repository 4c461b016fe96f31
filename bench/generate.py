"""A deterministic archive of N generated Thai news entries, shaped like real reports.

    python -m bench.generate OUT_DIR N [--seed S] [--words W]

Entries cover all 77 provinces and program years 2561-2568, some with two
provinces or two authors, tags from a shared vocabulary. Their bodies are built
like the centre's reports (shared/examples/legacy/), in these shares of N
(counts are exact, rounded; which entries get a shape is drawn from the seed):

- length: 92% of 300-600 words in 3-6 paragraphs; 5% very short (one paragraph
  of 40-80 words); 3% very long (12-20 paragraphs);
- structure: ``##`` headings in 35%: 10% whose only structure is the sections
  ช่วงเช้า / ช่วงบ่าย (``##`` or ``###``), 25% with topic headings; bullet lists
  in 25%, numbered lists in 15%, a pipe table (2-4 columns, 3-8 rows) in 8%,
  links to https://www.moral.or.th/... in 30%, bold text in 15%;
- photos: a cover (``image: cover.jpg``) in 30%, 1-4 photos in the body
  (``![คำอธิบาย](photo-N.jpg)``) in 15%. An entry with photos is a folder
  entry (news/<year>/<slug>/index.md) with a photographer; every photo is a
  different small JPEG (covers 800x600; body photos 640x480, some 800x600 or
  480x640; 10-35 KB at quality 80), drawn from the seed.

Words are counted as the Thai reader counts them, not by spaces: the sentences
below mark word breaks inside a phrase with ``|`` (removed when written) and
phrases are separated by spaces, as Thai text is. A body's word count is that
of its paragraphs (headings, lists, tables and captions come on top).

The same N and seed always give the same bytes. ``metadata.json`` beside
news/ records what each entry should show and its shape, so tests can compare
the built site and the shares against it.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import random
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw

from newsroom.model.calendar import program_year, thai_date
from newsroom.model.province import Province, all_provinces

# --------------------------------------------------------------------------
# Vocabulary: | marks a word break inside a phrase; spaces separate phrases.
# --------------------------------------------------------------------------

SENTENCES = (
    "ศูนย์|คุณธรรม (องค์การ|มหาชน) ร่วม|ประชุม|หารือ|แนวทาง|การ|ขับเคลื่อน|จังหวัด|คุณธรรม",
    "โดย|มี|หน่วยงาน|ภาครัฐ ภาคเอกชน และ|ภาค|ประชาสังคม|เข้าร่วม|กว่า {n} คน",
    "ที่ประชุม|ได้|ทบทวน|ผล|การ|ดำเนินงาน|ของ|เครือข่าย|ทาง|สังคม|ใน|รอบ|ปี|ที่|ผ่าน|มา",
    "พร้อม|กำหนด|เป้าหมาย|การ|ส่งเสริม|คุณธรรม|เชิง|พื้นที่|ใน|ปีงบประมาณ|ถัดไป",
    "การ|สำรวจ|ต้นทุน|ชีวิต|เด็ก|และ|เยาวชน|ช่วย|ให้|เห็น|จุดแข็ง|ของ|ครอบครัว|และ|ชุมชน",
    "แกนนำ|ชุมชน|คุณธรรม|นำเสนอ|กิจกรรม|จิตอาสา|และ|การ|จัดการ|ความรู้|ใน|พื้นที่",
    "วิทยากร|ส่งเสริม|คุณธรรม|ได้|แลกเปลี่ยน|ประสบการณ์|กับ|ผู้|เข้าร่วม|อย่าง|ใกล้ชิด",
    "ผู้ว่าราชการ|จังหวัด|กล่าว|ขอบคุณ|ภาคี|เครือข่าย|ที่|ร่วม|ขับเคลื่อน|งาน|อย่าง|ต่อเนื่อง",
    "องค์กร|คุณธรรม|ต้นแบบ|ได้|รับ|มอบ|เกียรติบัตร|ใน|โอกาส|นี้",
    "สมัชชา|คุณธรรม|ระดับ|จังหวัด|เปิด|พื้นที่|ให้|ทุก|ภาค|ส่วน|ร่วม|เสนอ|ความ|คิดเห็น",
    "การ|บูรณาการ|งบประมาณ|จาก|หน่วยงาน|ที่|เกี่ยวข้อง|จะ|ช่วย|ให้|งาน|เดินหน้า|ได้|เร็ว|ขึ้น",
    "เยาวชน|จาก|โรงเรียน|ใน|พื้นที่|ร่วม|กิจกรรม|เรียนรู้|เรื่อง|ความ|ซื่อสัตย์|และ|ความ|พอเพียง",
    "ภายใต้|ประเด็น|หารือ|แนวทาง|การ|เสริม|หนุน เป้าหมาย และ|แผน|การ|ขับเคลื่อน|จังหวัด|คุณธรรม"
    " ปี|ที่ {k}",
    "บน|หลักการ|จัดการ|ความรู้ (KM) เพื่อ|ขับเคลื่อน|คุณธรรม|เชิง|พื้นที่",
    "รวมถึง|การ|หารือ|บทบาท|และ|แนวทาง|การ|ดำเนินงาน|ภายใต้|บันทึก|ข้อตกลง|ความ|ร่วมมือ (MOU)"
    " ด้าน|วิชาการ",
    "โดย|ได้รับ|ความ|สนใจ|จาก|หน่วยงาน|ด้าน|การศึกษา|เข้าร่วม {k} หน่วยงาน จำนวน|กว่า {n} คน",
    "ที่|สอดคล้อง|กับ|ประกาศ|เจตนารมณ์ และ|ร่าง|แผน|การ|ขับเคลื่อน|จังหวัด|คุณธรรม|ภาพรวม|ของ|จังหวัด",
    "เพื่อ|ใช้|เป็น|กรอบ|การ|ทำงาน การ|บูรณาการ และ|เสริม|หนุน|งบประมาณ|จาก|หน่วยงาน|ที่|เกี่ยวข้อง"
    "|ต่อไป",
    "ผู้|เข้าร่วม|แบ่ง|กลุ่ม|วิเคราะห์|ปัญหา|และ|ความ|ต้องการ|ของ|ชุมชน แล้ว|นำเสนอ|ต่อ|ที่ประชุม",
    "แต่ละ|เครือข่าย|ได้|เสนอ|กิจกรรม|สำคัญ ระยะ|เวลา และ|ผู้|รับผิดชอบ|อย่าง|เป็น|รูปธรรม",
    "คณะ|ทำงาน|จะ|ลง|พื้นที่|ติดตาม|ผล|การ|ดำเนินงาน|ของ|ชุมชน|คุณธรรม|ทุก|ไตรมาส",
    "การ|ถอด|บทเรียน|ครั้ง|นี้|ช่วย|ให้|เห็น|ปัจจัย|ความ|สำเร็จ|ของ|ชุมชน|ที่|เข้มแข็ง",
    "ผู้แทน|สถาน|ประกอบการ|เล่า|ประสบการณ์|การ|ส่งเสริม|คุณธรรม|ใน|ที่|ทำงาน",
    "ผู้|สูงอายุ|ใน|ชุมชน|ได้|ถ่ายทอด|ภูมิปัญญา|ท้องถิ่น|ให้|แก่|เด็ก|และ|เยาวชน",
    "ที่ประชุม|เห็นชอบ|ให้|จัดตั้ง|คณะ|ทำงาน|ร่วม|ระดับ|อำเภอ เพื่อ|ประสานงาน|กับ|ชุมชน|โดยตรง",
    "ทั้งนี้ ศูนย์|คุณธรรม|จะ|สนับสนุน|เครื่องมือ|และ|วิทยากร|ใน|การ|จัด|กิจกรรม|ตลอด|ปี",
    "กิจกรรม|ดังกล่าว|สอดคล้อง|กับ|แผน|แม่บท|ส่งเสริม|คุณธรรม|แห่งชาติ",
    "ครอบครัว|ที่|เข้าร่วม|โครงการ|ได้รับ|คู่มือ|การ|สร้าง|ครอบครัว|อบอุ่น|ไร้|ความ|รุนแรง",
    "นอกจากนี้|ยัง|มี|การ|มอบ|โล่|ประกาศ|เกียรติคุณ|แก่|ชุมชน|คุณธรรม|ต้นแบบ {k} แห่ง",
    "ผู้|เข้าร่วม|กิจกรรม|ร่วมกัน|ประกาศ|เจตนารมณ์|ขับเคลื่อน|จังหวัด|คุณธรรม",
    "การ|ประเมิน|ผล|พบ|ว่า|ผู้|เข้าร่วม|มี|ความรู้|ความ|เข้าใจ|เพิ่มขึ้น|อย่าง|ชัดเจน",
    "สภา|เด็ก|และ|เยาวชน|จังหวัด|รับ|เป็น|แกน|หลัก|ใน|การ|จัด|กิจกรรม|จิตอาสา|อย่าง|ต่อเนื่อง",
    "หน่วยงาน|การศึกษา|ใน|พื้นที่|พร้อม|นำ|ผล|การ|สำรวจ|ต้นทุน|ชีวิต|ไป|ใช้|วางแผน|พัฒนา|นักเรียน",
    "ตัวแทน|องค์กร|ปกครอง|ส่วน|ท้องถิ่น|ให้|ข้อเสนอแนะ|เรื่อง|การ|ใช้|งบประมาณ|ร่วมกัน",
    "ช่วง|ท้าย|ของ|การ|ประชุม ผู้|เข้าร่วม|ได้|ร่วมกัน|สรุป|ประเด็น|สำคัญ|และ|กำหนด|นัดหมาย|ครั้ง"
    "|ต่อไป",
    "การ|ดำเนินงาน|ใน|ปี|นี้|เน้น|การ|มี|ส่วนร่วม|ของ|ภาค|ประชาชน|มาก|ขึ้น",
    "เครือข่าย|ศาสนา|เสนอ|ให้|ใช้|วัด|เป็น|ศูนย์กลาง|การ|เรียนรู้|คุณธรรม|ของ|ชุมชน",
    "ทีม|วิจัย|นำเสนอ|ผล|การ|ศึกษา|เรื่อง|พฤติกรรม|ความ|ซื่อสัตย์|ของ|คน|ไทย",
    "ภาคี|เครือข่าย|ได้|ร่วม|ลง|นาม|บันทึก|ข้อตกลง|ความ|ร่วมมือ|เพื่อ|ขับเคลื่อน|งาน|ร่วมกัน",
    "สำนักงาน|วัฒนธรรม|จังหวัด|รับ|เป็น|หน่วย|ประสาน|หลัก|ของ|การ|ดำเนินงาน|ใน|ระดับ|พื้นที่",
    "การ|ประชุม|ครั้ง|นี้|มี|ผู้|เข้าร่วม|ทั้ง|ใน|ห้อง|ประชุม|และ|ผ่าน|ระบบ|ออนไลน์ รวม|กว่า {n} คน",
    "ผู้|บริหาร|สถานศึกษา|เสนอ|ให้|บรรจุ|กิจกรรม|ส่งเสริม|คุณธรรม|ไว้|ใน|แผน|การ|สอน",
    "ชุมชน|ที่|ผ่าน|การ|ประเมิน|จะ|ได้รับ|การ|สนับสนุน|ให้|เป็น|แหล่ง|เรียนรู้|ของ|จังหวัด",
    "ผู้|เข้าร่วม|ได้|ศึกษา|ดูงาน|ชุมชน|คุณธรรม|ต้นแบบ|ที่|ใช้|หลัก|ปรัชญา|ของ|เศรษฐกิจ|พอเพียง",
    "แกนนำ|เยาวชน|ได้|นำเสนอ|โครงการ|ที่|ออกแบบ|เอง|จาก|ข้อมูล|ต้นทุน|ชีวิต|ของ|ตน",
    "คณะ|กรรมการ|ขับเคลื่อน|จังหวัด|คุณธรรม|จะ|รายงาน|ผล|ต่อ|ผู้ว่าราชการ|จังหวัด|ทุก|หก|เดือน",
    "ที่ประชุม|ได้|คัดเลือก|คุณธรรม|เป้าหมาย|ของ|จังหวัด ได้แก่ พอเพียง วินัย สุจริต จิตอาสา",
    "การ|ทำงาน|ร่วมกัน|ของ|บ้าน วัด และ|โรงเรียน|เป็น|หัวใจ|ของ|การ|สร้าง|ชุมชน|คุณธรรม",
    "ผู้แทน|ภาค|เอกชน|ยืนยัน|จะ|สนับสนุน|งบประมาณ|และ|อาสา|สมัคร|ใน|กิจกรรม|ครั้ง|ต่อไป",
    "ข้อมูล|จาก|การ|ถอด|บทเรียน|จะ|จัด|พิมพ์|เป็น|คู่มือ|เผยแพร่|แก่|หน่วยงาน|ที่|สนใจ",
    "พิธี|ปิด|การ|ประชุม|มี|การ|มอบ|วุฒิบัตร|แก่|ผู้|ผ่าน|การ|อบรม|จำนวน {n} คน",
    "หลาย|ชุมชน|ได้|นำ|ความรู้|ไป|ปรับ|ใช้|กับ|การ|แก้|ปัญหา|หนี้|สิน|ของ|ครัวเรือน",
)
# The first sentence of a report: when, who, what, where.
LEADS = (
    "{date} ศูนย์|คุณธรรม (องค์การ|มหาชน) โดย {person} {role} ร่วม|{topic}|แนวทาง|การ|ขับเคลื่อน"
    "|จังหวัด|คุณธรรม ({place}) ปีงบประมาณ {year} ณ {venue}",
    "ศูนย์|คุณธรรม (องค์การ|มหาชน) ร่วม|กับ|{place} จัด|{topic}|เพื่อ|ขับเคลื่อน|จังหวัด|คุณธรรม"
    " ปีงบประมาณ {year} เมื่อ|วันที่ {date} ณ {venue}",
    "เมื่อ|วันที่ {date} {person} {role} เป็น|ประธาน|เปิด|การ|{topic} ภายใต้|โครงการ|สมัชชา"
    "|คุณธรรม ณ {venue}",
)
# The first sentence under ช่วงเช้า / ช่วงบ่าย.
SESSION_LEADS = (
    "{person} {role} เป็น|ประธาน|เปิด|การ|{topic}|แนวทาง|ความ|ร่วมมือ|ด้าน|วิชาการ",
    "{person} {role} บรรยาย|พิเศษ|เรื่อง|การ|ขับเคลื่อน|คุณธรรม|เชิง|พื้นที่|ของ|{place}",
    "ผู้|เข้าร่วม|แบ่ง|กลุ่ม|ย่อย {k} กลุ่ม เพื่อ|หารือ|เป้าหมาย|กิจกรรม|สำคัญ|ของ|แต่ละ|เครือข่าย",
)
ROLES = ("ผู้|จัดการ|สำนัก|ส่งเสริม|และ|ขับเคลื่อน|เครือข่าย|ทาง|สังคม",
         "รอง|ผู้ว่าราชการ|จังหวัด", "ผู้|อำนวยการ|ศูนย์|คุณธรรม", "วัฒนธรรม|จังหวัด",
         "หัวหน้า|กลุ่ม|งาน|สมัชชา|คุณธรรม|และ|ความ|ร่วมมือ|นานาชาติ")
VENUES = ("ห้อง|ประชุม|ศาลากลาง|{place}", "ห้อง|ประชุม|สำนักงาน|วัฒนธรรม|{place}",
          "หอ|ประชุม|สำนักงาน|เขต|พื้นที่|การศึกษา|{place}", "ศาลา|อเนกประสงค์|ของ|ชุมชน|{place}")
SESSIONS = ("ช่วงเช้า", "ช่วงบ่าย")
HEADINGS = ("ผลการดำเนินงาน", "ประเด็นหารือ", "กิจกรรมสำคัญ", "ข้อเสนอจากที่ประชุม",
            "แนวทางการขับเคลื่อนปีต่อไป", "ความร่วมมือของภาคีเครือข่าย",
            "ผลการสำรวจต้นทุนชีวิต", "การมอบรางวัล", "ก้าวต่อไป")
SUBHEADINGS = ("ภาครัฐ", "ภาคเอกชน", "ภาคประชาสังคม", "สถานศึกษา")
LIST_LEADS = ("โดย|มี|ประเด็น|สำคัญ ดังนี้", "มี|ผู้|เข้าร่วม|จาก|หน่วยงาน|ต่าง ๆ ดังนี้",
              "ที่ประชุม|ได้|กำหนด|กิจกรรม|ร่วมกัน ดังนี้")
BULLETS = ("หน่วยงาน|ภาครัฐ {k} หน่วยงาน", "สถาน|ศึกษา {k} แห่ง", "ชุมชน|คุณธรรม {k} ชุมชน",
           "องค์กร|คุณธรรม {k} องค์กร", "สถาน|ประกอบการ {k} แห่ง", "เครือข่าย|ศาสนา {k} เครือข่าย",
           "จัด|ค่าย|เยาวชน|จิตอาสา", "อบรม|วิทยากร|ส่งเสริม|คุณธรรม", "จัด|ทำ|แผนที่|ความดี|ของ|หมู่บ้าน",
           "ประเมิน|องค์กร|คุณธรรม", "ถอด|บทเรียน|ชุมชน|ต้นแบบ", "ห้อง|เรียน|ภูมิปัญญา|ท้องถิ่น",
           "ลาน|กีฬา|ชุมชน|เย็น|วัน|ศุกร์")
NUMBERED = ("การ|ขับเคลื่อน ติดตาม|ประเมิน|ผล|การ|ขับเคลื่อน|จังหวัด|คุณธรรม",
            "การ|ดำเนิน|โครงการ|สำรวจ|ต้นทุน|ชีวิต|เด็ก|และ|เยาวชน",
            "การ|ดำเนิน|โครงการ|วิจัย|เรื่อง ชุด|แผน|งาน|ครอบครัว|ไทย|ไร้|ความ|รุนแรง",
            "การ|อบรม|พัฒนา|ศักยภาพ|แกนนำ “วิทยากร|ส่งเสริม|คุณธรรม”",
            "การ|ถอด|บทเรียน|องค์กร|คุณธรรม|ที่|นำ|มติ|สมัชชา|ไป|สู่|การ|ปฏิบัติ",
            "การ|จัด|ทำ|บันทึก|ข้อตกลง|ความ|ร่วมมือ (MOU)",
            "การ|จัด|สมัชชา|คุณธรรม|ระดับ|จังหวัด")
TABLE_LEADS = ("สรุป|จำนวน|ผู้|เข้าร่วม|ได้|ดัง|ตาราง", "รายละเอียด|ของ|แต่ละ|กลุ่ม|เป็น|ดังนี้")
NETWORKS = ("เครือข่ายภาครัฐ", "เครือข่ายภาคเอกชน", "เครือข่ายการศึกษา", "เครือข่ายศาสนา",
            "เครือข่ายสื่อมวลชน", "เครือข่ายภาคประชาสังคม", "เครือข่ายเยาวชน",
            "เครือข่ายองค์กรปกครองส่วนท้องถิ่น")
TIMES = ("08.30 - 09.00 น.", "09.00 - 10.30 น.", "10.45 - 12.00 น.", "13.00 - 14.30 น.",
         "14.45 - 16.00 น.", "16.00 - 16.30 น.", "16.30 - 17.00 น.", "17.00 - 18.00 น.")
ACTIVITIES = ("ลงทะเบียน", "พิธีเปิด", "บรรยายพิเศษ", "แบ่งกลุ่มระดมความคิด", "นำเสนอผลงานกลุ่ม",
              "สรุปและปิดการประชุม", "มอบเกียรติบัตร", "ถอดบทเรียน")
LINKS = (("เว็บไซต์|ศูนย์|คุณธรรม", "https://www.moral.or.th/"),
         ("ข่าว|ประชาสัมพันธ์", "https://www.moral.or.th/news/{k}{n}"),
         ("เอกสาร|ประกอบ|การ|ประชุม", "https://www.moral.or.th/download/{year}/{slug}.pdf"),
         ("โครงการ|สมัชชา|คุณธรรม", "https://www.moral.or.th/project/moral-assembly"),
         ("แบบ|สำรวจ|ต้นทุน|ชีวิต", "https://www.moral.or.th/survey/life-assets?year={year}"))
LINK_SENTENCES = ("ผู้|สนใจ|ติดตาม|รายละเอียด|เพิ่มเติม|ได้|ที่ {link}",
                  "ดาวน์โหลด {link} ได้|ที่|นี่", "(อ่าน|เพิ่มเติม {link})")
# Captions stay clear of the words the search tests look for (alt text is not indexed).
CAPTIONS = ("บรรยากาศ|การ|ประชุม ณ {venue}", "{person} กล่าว|เปิด|งาน", "ภาพ|หมู่|ผู้|เข้าร่วม",
            "การ|แบ่ง|กลุ่ม|ระดม|ความ|คิด", "การ|มอบ|เกียรติบัตร|แก่|องค์กร|คุณธรรม|ต้นแบบ",
            "ผู้|เข้าร่วม|ลง|พื้นที่ {place}")
TOPICS = ("ประชุมหารือ", "อบรมพัฒนาศักยภาพ", "ลงพื้นที่ติดตาม", "สัมมนาเครือข่าย",
          "ถอดบทเรียน", "ประกาศเจตนารมณ์", "สำรวจต้นทุนชีวิต", "มอบรางวัล")
TAGS = ("สมัชชาคุณธรรม", "ชุมชนคุณธรรม", "องค์กรคุณธรรม", "เยาวชน", "ต้นทุนชีวิต",
        "การจัดการความรู้", "เครือข่ายทางสังคม", "วิทยากรส่งเสริมคุณธรรม", "ครอบครัว", "MOU")
PEOPLE = ("จักราชัย ทองเพ็ชร์", "สุภาวดี ศรีสุข", "ธนพล วงศ์ใหญ่", "กมลชนก แก้วมณี",
          "ประยุทธ ชัยมงคล", "วิไลวรรณ บุญมา", "อนุชา พรหมวงศ์", "ศิริพร ทองดี")
FIRST_DAY = date(2017, 10, 1)      # program year 2561
LAST_DAY = date(2025, 9, 30)       # program year 2568

# Shares of N, as exact counts (rounded). See the module docstring.
SHARES = {"short": 0.05, "long": 0.03, "sections": 0.10, "topic_headings": 0.25,
          "bullets": 0.25, "numbered": 0.15, "table": 0.08, "links": 0.30, "bold": 0.15,
          "cover": 0.30, "body_photos": 0.15, "two_provinces": 0.10, "two_authors": 0.10}
NORMAL_WORDS = 450                 # words' default: normal entries get 300-600
COVER_SIZE = (800, 600)
# Body photos: half 640x480, a quarter larger, a quarter upright.
PHOTO_SIZES = ((640, 480), (640, 480), (800, 600), (480, 640))
JPEG_QUALITY = 80

_BREAKS = re.compile(r"[ |]+")


@functools.lru_cache(maxsize=1 << 16)
def count(marked: str) -> int:
    """Words of a marked sentence: phrases split at spaces, words within them at |."""
    return len([w for w in _BREAKS.split(marked) if w])


def plain(marked: str) -> str:
    return marked.replace("|", "")


def place(p: Province) -> str:
    return p.name_th if p.slug == "bangkok" else f"จังหวัด|{p.name_th}"


# --------------------------------------------------------------------------
# Photos
# --------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _gradients(width: int, height: int) -> tuple[Image.Image, Image.Image]:
    """A top-to-bottom and a left-to-right ramp of grey, made once per size."""
    ramp = Image.linear_gradient("L")
    return (ramp.resize((width, height), Image.BILINEAR),
            ramp.rotate(90).resize((width, height), Image.BILINEAR))


def draw_photo(key: str, width: int, height: int) -> bytes:
    """A small JPEG that is only this key's: a two-way colour gradient under 15-30
    random rectangles and ellipses. 640x480 comes to 10-25 KB, 800x600 to 15-35 KB."""
    rng = random.Random(key)
    ramps = _gradients(width, height)

    def channel() -> Image.Image:
        low, high = rng.randrange(30, 230), rng.randrange(30, 230)
        return rng.choice(ramps).point([low + (high - low) * v // 255 for v in range(256)])

    im = Image.merge("RGB", [channel(), channel(), channel()])
    pen = ImageDraw.Draw(im)
    for _ in range(rng.randint(15, 30)):
        x, y = rng.randrange(width), rng.randrange(height)
        box = (x, y, x + rng.randint(10, width // 3), y + rng.randint(10, height // 3))
        colour = tuple(rng.randrange(256) for _ in range(3))
        (pen.rectangle if rng.random() < 0.5 else pen.ellipse)(box, fill=colour)
    out = io.BytesIO()
    im.save(out, "JPEG", quality=JPEG_QUALITY)
    return out.getvalue()


def _write_photos(jobs: list[tuple[str, str, int, int]]) -> None:
    for path, key, width, height in jobs:
        Path(path).write_bytes(draw_photo(key, width, height))


class PhotoWriter:
    """Draws and writes photos while the entries are written: in worker processes
    for a large archive (each photo depends only on its key, so the bytes are the
    same either way), in this one for a small one."""

    CHUNK = 64

    def __init__(self, n: int) -> None:
        workers = min(4, os.cpu_count() or 1)
        self.pool = ProcessPoolExecutor(workers) if n >= 500 and workers > 1 else None
        self.pending: list[tuple[str, str, int, int]] = []
        self.futures: list = []

    def add(self, path: Path, key: str, width: int, height: int) -> None:
        self.pending.append((str(path), key, width, height))
        if len(self.pending) >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.pool is None:
            _write_photos(self.pending)
        elif self.pending:
            self.futures.append(self.pool.submit(_write_photos, self.pending))
        self.pending = []

    def close(self) -> None:
        self.flush()
        if self.pool is not None:
            try:
                for f in self.futures:
                    f.result()
            finally:
                self.pool.shutdown()


# --------------------------------------------------------------------------
# Bodies
# --------------------------------------------------------------------------

@dataclass
class Shape:
    """What one entry's body is made of (recorded in metadata.json)."""
    length: str = "normal"                 # short, normal, long
    sections: bool = False                 # only ช่วงเช้า / ช่วงบ่าย as structure
    topic_headings: bool = False
    bullets: bool = False
    numbered: bool = False
    table: bool = False
    links: bool = False
    bold: bool = False
    cover: bool = False
    body_photos: bool = False
    two_provinces: bool = False
    two_authors: bool = False


@dataclass
class Body:
    blocks: list[str] = field(default_factory=list)
    words: int = 0
    paragraphs: int = 0
    headings: int = 0
    bullet_items: int = 0
    numbered_items: int = 0
    table: tuple[int, int] | None = None   # columns, rows (without the header)
    links: int = 0
    bold: int = 0
    photos: list[tuple[str, int, int]] = field(default_factory=list)   # name, width, height


class Writer:
    """Fills in one entry's sentences from its own random stream."""

    def __init__(self, rng: random.Random, prov: Province, day: date, year: int,
                 slug: str) -> None:
        self.rng, self.prov, self.day, self.year, self.slug = rng, prov, day, year, slug
        self.deck: list[str] = []

    def fill(self, template: str) -> str:
        if "{" not in template:
            return template
        r = self.rng
        values = {"place": place(self.prov), "year": str(self.year), "slug": self.slug}
        if "{n}" in template or "{link}" in template:
            values["n"] = str(r.randrange(20, 300))
        if "{k}" in template or "{link}" in template:
            values["k"] = str(r.randint(2, 15))
        if "{person}" in template:
            values["person"] = r.choice(PEOPLE)
        if "{date}" in template:
            values["date"] = thai_date(self.day)
        if "{role}" in template:
            values["role"] = r.choice(ROLES)
        if "{topic}" in template:
            values["topic"] = r.choice(TOPICS)
        if "{venue}" in template:
            values["venue"] = r.choice(VENUES).replace("{place}", values["place"])
        if "{link}" in template:
            text, url = r.choice(LINKS)
            values["link"] = f"[{text}]({url.format(**values)})"
        return template.format(**values)

    def sentence(self) -> str:
        """The next sentence of a shuffled deck: no repeats until all have been used."""
        if not self.deck:
            self.deck = list(SENTENCES)
            self.rng.shuffle(self.deck)
        return self.fill(self.deck.pop())

    def paragraph(self, target: int, first: str | None = None) -> list[tuple[str, str]]:
        """Sentences, as (kind, marked text), until the paragraph has ``target`` words."""
        out = [("lead", first)] if first else []
        words = sum(count(s) for _, s in out)
        while words < target:
            s = self.sentence()
            out.append(("plain", s))
            words += count(s)
        return out


Paragraph = list[tuple[str, str]]


def _words(paragraphs: list[Paragraph]) -> int:
    return sum(count(s) for p in paragraphs for _, s in p)


def _fit(w: Writer, paragraphs: list[Paragraph], lo: int, hi: int) -> None:
    """Drop or add plain sentences until the paragraphs hold lo-hi words: from the
    longest paragraph that keeps a sentence, to the shortest."""
    words = _words(paragraphs)
    while words > hi:
        spare = [(sum(count(s) for _, s in p), j) for j, p in enumerate(paragraphs)
                 if len(p) > 1 and any(kind == "plain" for kind, _ in p)]
        if not spare:
            return
        p = paragraphs[max(spare)[1]]
        k = max(k for k, (kind, _) in enumerate(p) if kind == "plain")
        words -= count(p.pop(k)[1])
    while words < lo:
        p = min(paragraphs, key=lambda p: sum(count(s) for _, s in p))
        s = w.sentence()
        p.append(("plain", s))
        words += count(s)


def _embolden(rng: random.Random, paragraphs: list[Paragraph]) -> bool:
    """Bold one phrase of a plain sentence (never the report's first sentence)."""
    spots = [(j, k) for j, p in enumerate(paragraphs) for k, (kind, _) in enumerate(p)
             if kind == "plain" and (j, k) != (0, 0)]
    if not spots:
        return False
    j, k = rng.choice(spots)
    chunks = paragraphs[j][k][1].split(" ")
    c = rng.randrange(len(chunks))
    chunks[c] = f"**{chunks[c]}**"
    paragraphs[j][k] = ("plain", " ".join(chunks))
    return True


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    scale = total / sum(weights)
    return [max(1, round(wt * scale)) for wt in weights]


def make_body(w: Writer, shape: Shape, words: int, photos: int) -> Body:
    """The body's blocks, in order, and what they hold."""
    rng = w.rng
    scale = words / NORMAL_WORDS
    bounds: tuple[int, int] | None
    if shape.length == "short":
        count_p, bounds = 1, (round(40 * scale), round(80 * scale))
    elif shape.length == "long":
        count_p, bounds = rng.randint(12, 20), None
    else:
        count_p, bounds = rng.randint(3, 6), (round(300 * scale), round(600 * scale))
    per = rng.randint(85, 125) if bounds is None else rng.randint(*bounds) / count_p
    targets = _split(max(count_p, round(per * count_p * (0.9 if bounds else 1))), count_p, rng)
    lead = w.fill(rng.choice(LEADS))
    if bounds and count(lead) > bounds[1] * 0.6:
        lead = None                     # a short note (or a scaled-down body) skips it
    paragraphs = [w.paragraph(targets[0], lead)]
    sessions = (1, 1 + (count_p - 1) // 2) if shape.sections else ()
    for j, target in enumerate(targets[1:], start=1):
        first = w.fill(rng.choice(SESSION_LEADS)) if j in sessions else None
        paragraphs.append(w.paragraph(target, first))
    body = Body(paragraphs=count_p)
    # Sentences of their own: links, and the lines that lead into a list or a table.
    if shape.links:
        for _ in range(1 if count_p == 1 or rng.random() < 0.7 else 2):
            p = paragraphs[rng.randrange(count_p)]
            p.insert(rng.randint(1, len(p)), ("link", w.fill(rng.choice(LINK_SENTENCES))))
            body.links += 1
    before: dict[int, list[str]] = {}
    after: dict[int, list[str]] = {}
    for kind in ("bullets", "numbered", "table"):
        if not getattr(shape, kind):
            continue
        j = rng.randrange(count_p)
        paragraphs[j].append(("lead-in", w.fill(rng.choice(
            TABLE_LEADS if kind == "table" else LIST_LEADS))))
        if kind == "table":
            block, body.table = table(w)
        else:
            items = rng.sample(BULLETS if kind == "bullets" else NUMBERED,
                               rng.randint(3, 6) if kind == "bullets" else rng.randint(3, 5))
            marks = (["-"] * len(items) if kind == "bullets"
                     else [f"{i}." for i in range(1, len(items) + 1)])
            block = "\n".join(f"{m} {plain(w.fill(item))}" for m, item in zip(marks, items))
            if kind == "bullets":
                body.bullet_items = len(items)
            else:
                body.numbered_items = len(items)
        after.setdefault(j, []).append(block)
    if bounds:
        _fit(w, paragraphs, *bounds)
    if shape.bold:
        body.bold = int(_embolden(rng, paragraphs))
    body.words = _words(paragraphs)
    # Headings before paragraphs, photos after them, spread over the body.
    if shape.sections:
        level = "##" if rng.random() < 0.6 else "###"
        for j, name in zip(sessions, SESSIONS):
            before.setdefault(j, []).append(f"{level} {name}")
            body.headings += 1
    if shape.topic_headings and count_p > 1:
        spots = sorted(rng.sample(range(1, count_p), min(count_p - 1, rng.randint(2, 4))))
        for j in spots:
            before.setdefault(j, []).append(f"## {rng.choice(HEADINGS)}")
            body.headings += 1
        under = rng.randrange(spots[0], count_p)
        if under not in spots and (shape.length == "long" or rng.random() < 0.2):
            before.setdefault(under, []).append(f"### {rng.choice(SUBHEADINGS)}")
            body.headings += 1
    for k in range(photos):
        width, height = rng.choice(PHOTO_SIZES)
        name = f"photo-{k + 1}.jpg"
        after.setdefault(k * count_p // photos, []).append(
            f"![{plain(w.fill(rng.choice(CAPTIONS)))}]({name})")
        body.photos.append((name, width, height))
    for j, p in enumerate(paragraphs):
        body.blocks += before.get(j, [])
        body.blocks.append(plain(" ".join(s for _, s in p)))
        body.blocks += after.get(j, [])
    return body


def table(w: Writer) -> tuple[str, tuple[int, int]]:
    """A pipe table of 2-4 columns and 3-8 rows, with Thai headers."""
    r = w.rng
    rows = r.randint(3, 8)
    columns = r.randint(2, 4)
    provinces = all_provinces()

    def num() -> str:
        return str(r.randrange(5, 250))

    if columns == 2:
        if r.random() < 0.5:
            head = ["จังหวัด", "จำนวนผู้เข้าร่วม"]
            body = [[p.name_th, num()] for p in r.sample(provinces, rows)]
        else:
            head = ["เครือข่าย", "จำนวนผู้เข้าร่วม"]
            body = [[n, num()] for n in r.sample(NETWORKS, rows)]
    elif columns == 3:
        if r.random() < 0.5:
            head = ["เครือข่าย", "จำนวนหน่วยงาน", "จำนวนผู้เข้าร่วม"]
            body = [[n, str(r.randint(2, 20)), num()] for n in r.sample(NETWORKS, rows)]
        else:
            head = ["ช่วงเวลา", "กิจกรรม", "ผู้รับผิดชอบ"]
            body = [[t, r.choice(ACTIVITIES), r.choice(PEOPLE)] for t in TIMES[:rows]]
    else:
        head = ["เครือข่าย", "ชุมชนคุณธรรม", "องค์กรคุณธรรม", "ผู้เข้าร่วม"]
        body = [[n, str(r.randint(1, 12)), str(r.randint(1, 12)), num()]
                for n in r.sample(NETWORKS, rows)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * columns]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(lines), (columns, rows)


# --------------------------------------------------------------------------
# The archive
# --------------------------------------------------------------------------

def shapes(n: int, rng: random.Random) -> list[Shape]:
    """Each entry's shape, with each share of SHARES an exact count of n."""
    out = [Shape() for _ in range(n)]

    def pick(name: str, pool: list[int]) -> list[int]:
        chosen = rng.sample(pool, min(len(pool), round(SHARES[name] * n)))
        for i in chosen:
            setattr(out[i], name, True)
        return chosen

    every = list(range(n))
    short = set(rng.sample(every, round(SHARES["short"] * n)))
    for i in short:
        out[i].length = "short"
    rest = [i for i in every if i not in short]
    for i in rng.sample(rest, round(SHARES["long"] * n)):
        out[i].length = "long"
    sections = set(pick("sections", rest))
    structured = [i for i in rest if i not in sections]   # sections-only stay so
    pick("topic_headings", structured)
    for name in ("bullets", "numbered", "table"):
        pick(name, structured)
    for name in ("links", "bold", "cover", "two_provinces", "two_authors"):
        pick(name, every)
    pick("body_photos", rest)
    return out


def write_entry(news: Path, i: int, shape: Shape, seed: int, words: int,
                photos_out: PhotoWriter) -> dict:
    """Write entry i (its photos to photos_out) and return its metadata."""
    provinces = all_provinces()
    er = random.Random(f"{seed}:{i}")
    day = FIRST_DAY + timedelta(days=er.randrange((LAST_DAY - FIRST_DAY).days + 1))
    first = provinces[i % len(provinces)]          # every province gets entries
    provs = [first]
    if shape.two_provinces:
        second = er.choice(provinces)
        if second != first:
            provs.append(second)
    year = program_year(day)
    slug = f"{day.isoformat()}-{first.slug}-{i:05d}"
    title = f"{er.choice(TOPICS)}ขับเคลื่อนจังหวัดคุณธรรม {plain(place(first))} ครั้งที่ {i}"
    tags = er.sample(TAGS, er.randint(1, 3))
    authors = er.sample(PEOPLE, 2 if shape.two_authors else 1)
    photos = er.randint(1, 4) if shape.body_photos else 0
    body = make_body(Writer(er, first, day, year, slug), shape, words, photos)
    photographer = er.choice(PEOPLE) if shape.cover or photos else None
    folder = news / str(year)
    if photographer:                # photos sit beside index.md in the entry's folder
        folder = folder / slug
        path = folder / "index.md"
    else:
        path = folder / f"{slug}.md"
    folder.mkdir(parents=True, exist_ok=True)
    author = authors[0] if len(authors) == 1 else json.dumps(authors, ensure_ascii=False)
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}",
             f"date: {day.isoformat()}", f"author: {author}",
             "province: " + json.dumps([p.name_th for p in provs], ensure_ascii=False),
             "tags: " + json.dumps(tags, ensure_ascii=False)]
    if photographer:
        lines.append(f"photographer: {photographer}")
    if shape.cover:
        lines.append("image: cover.jpg")
        photos_out.add(folder / "cover.jpg", f"{seed}:{i}:cover", *COVER_SIZE)
    for name, width, height in body.photos:
        photos_out.add(folder / name, f"{seed}:{i}:{name}", width, height)
    lines.append("---")
    path.write_text("\n".join(lines) + "\n\n" + "\n\n".join(body.blocks) + "\n",
                    encoding="utf-8")
    return {
        "slug": slug, "title": title, "date": day.isoformat(), "year": year,
        "provinces": [p.slug for p in provs], "tags": tags, "photo": shape.cover,
        "path": path.parent.relative_to(news.parent).as_posix() + "/" + path.name,
        "authors": authors, "photographer": photographer, "words": body.words,
        "paragraphs": body.paragraphs,
        "shape": {"length": shape.length, "headings": body.headings, "sections": shape.sections,
                  "bullets": body.bullet_items, "numbered": body.numbered_items,
                  "table": list(body.table) if body.table else None, "links": body.links,
                  "bold": body.bold, "cover": shape.cover, "photos": len(body.photos)}}


def generate(out: Path, n: int, seed: int = 1, words: int = NORMAL_WORDS) -> list[dict]:
    """Write n entries under out/news/ and out/metadata.json; return the metadata.

    ``words`` is the middle of a normal entry's length (default 450: 300-600 words);
    short and long entries scale with it. ``photo`` in the metadata says whether the
    entry has a cover; ``shape`` what its body holds."""
    plan = shapes(n, random.Random(seed))
    photos_out = PhotoWriter(n)
    try:
        meta = [write_entry(out / "news", i, shape, seed, words, photos_out)
                for i, shape in enumerate(plan)]
    finally:
        photos_out.close()
    (out / "metadata.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1),
                                       encoding="utf-8")
    return meta


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--words", type=int, default=NORMAL_WORDS,
                        help="middle of a normal entry's length in words (default 450)")
    args = parser.parse_args()
    generate(args.out, args.n, args.seed, args.words)


if __name__ == "__main__":
    main()
