"""Every message a writer reads, in one catalogue: Thai, and English for maintainers.

The build, ``newsroom check | new | import`` and the writers' guide take their
words from here (the guide's table of messages is made from ``CATALOGUE``: each
entry's ``help``). Thai is the language; English is behind a switch for the
people who maintain the code: ``NEWSROOM_LANG=en`` or ``newsroom --lang en``.

>>> say("province.unknown", value="อุดร", hint=say("province.did_you_mean", name="อุดรธานี"))
"จังหวัด 'อุดร' ไม่มีในรายชื่อ หมายถึง อุดรธานี ใช่ไหม"
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

SWITCH = "NEWSROOM_LANG"


def english() -> bool:
    return os.environ.get(SWITCH, "th").strip().lower().startswith("en")


@dataclass(frozen=True)
class Message:
    th: str
    en: str
    help: str = ""          # for the guide's table: what it means and what to do, in Thai

    def text(self, **values: Any) -> str:
        return (self.en if english() else self.th).format(**values)


M = Message
CATALOGUE: dict[str, Message] = {
    # -- the file -------------------------------------------------------------------
    "file.empty": M("ไฟล์ว่าง ข่าวต้องเริ่มด้วยหัวข้อมูลระหว่างบรรทัด ---",
                    "the file is empty; an entry starts with front matter between --- lines"),
    "file.no_front": M("ไม่มีหัวข้อมูล บรรทัดแรกต้องเป็น --- ตามด้วยช่อง title:, date:, author:, province:",
                       "no front matter: the first line must be --- followed by fields such as"
                       " title:, date:, author:, province:",
                       "ไฟล์ไม่ได้ขึ้นต้นด้วย --- ให้คัดลอกหัวข้อมูลจากตัวอย่างในคู่มือ"),
    "file.unclosed": M("หัวข้อมูลยังไม่ปิด เพิ่มบรรทัด --- หลังช่องสุดท้าย",
                       "the front matter is not closed: add a line with --- after the last field"),
    "file.link_missing": M("เป็นลิงก์ไปยังไฟล์ที่ไม่มีอยู่ ให้วางไฟล์ข่าวจริงไว้ใน news/",
                           "is a link to a file that does not exist; put the entry itself in news/"),
    "file.link_outside": M("เป็นลิงก์ไปยังไฟล์นอกโฟลเดอร์ news/ ให้วางไฟล์ข่าวจริงไว้ใน news/ (ลิงก์จะเผยแพร่ไฟล์ที่ชี้ไป)",
                           "is a link to a file outside the news folder; put the entry itself in"
                           " news/ (a link would publish whatever it points to)"),
    "file.unreadable": M("อ่านไฟล์ไม่ได้: {why}", "cannot be read: {why}"),
    "file.too_big": M("ไฟล์ใหญ่เกิน {limit} MB ข่าวหนึ่งไฟล์ต้องไม่เกิน {limit} MB (เนื้อหายาวมากให้แยกไว้ที่อื่น)",
                      "the file is over {limit} MB; an entry may be at most {limit} MB (put large"
                      " material elsewhere)"),
    "file.not_utf8": M("บรรทัด {line}: ไฟล์ไม่ได้บันทึกเป็น UTF-8{hint}",
                       "line {line}: the file is not UTF-8 text.{hint}",
                       "บันทึกไฟล์ใหม่เป็น UTF-8 (ในโปรแกรมแก้ไขข้อความ เลือก Save with Encoding: UTF-8)"),
    "file.not_utf8.cp874": M(" ดูเหมือนเป็นภาษาไทยแบบ TIS-620/cp874 (Windows ภาษาไทย) แปลงด้วย"
                             " `iconv -f CP874 -t UTF-8 ไฟล์ > ไฟล์ใหม่` หรือบันทึกเป็น UTF-8 ในโปรแกรมแก้ไข",
                             " It looks like Thai in TIS-620/cp874 (Windows Thai); convert it with"
                             " `iconv -f CP874 -t UTF-8 FILE > NEW` or save it as UTF-8 in your editor."),
    "file.not_utf8.save": M(" ให้บันทึกเป็น UTF-8", " Save it as UTF-8."),
    "file.name_not_utf8": M("ชื่อไฟล์หรือโฟลเดอร์ '{name}' ไม่ได้เป็น UTF-8 (มักมาจากไฟล์ zip ที่ทำบน Windows)"
                            "{meant} ให้ตั้งชื่อใหม่",
                            "the name '{name}' of the file or a folder is not UTF-8 (often from a zip"
                            " made on Windows){meant}; rename it"),
    "file.name_not_utf8.meant": M(" อ่านแบบ Windows ได้ว่า '{meant}'",
                                  " (read as Windows Thai: '{meant}')"),
    "file.nul": M("ไฟล์มีอักขระ NUL จึงไม่ใช่ไฟล์ข้อความ",
                  "the file contains NUL characters; it is not a text file"),
    "control": M("มีอักขระควบคุม U+{code} ซึ่งแสดงบนหน้าเว็บหรือฟีดไม่ได้ ให้ลบออก (มักติดมากับการคัดลอกวาง)",
                 "contains the control character U+{code}, which no page or feed can show; delete"
                 " it (it often comes from copy and paste)"),
    # -- front matter (YAML) ---------------------------------------------------------
    "yaml.empty": M("หัวข้อมูลว่าง", "the front matter is empty"),
    "yaml.not_fields": M("หัวข้อมูลต้องเป็นช่อง (ชื่อ: ค่า) บรรทัดละหนึ่งช่อง",
                         "the front matter must be fields (name: value), one a line"),
    "yaml.too_deep": M("รายการหรือช่องซ้อนกันเกิน {limit} ชั้น ช่องหนึ่งมีค่าเดียวหรือรายการของค่า",
                       "lists or fields are nested more than {limit} levels deep; a field holds a"
                       " value or a list of values"),
    "yaml.aliases": M("ชื่อย่อ (*ชื่อ) ทำซ้ำค่าที่ตั้งไว้ (&ชื่อ) เกิน {limit} ครั้ง ให้เขียนค่าออกมาตรง ๆ",
                      "the aliases (*name) repeat the value anchored here (&name) more than"
                      " {limit} times; write the values out instead"),
    "yaml.twice": M("ช่อง '{name}' เขียนซ้ำสองครั้ง (บรรทัด {first} และ {second}) ให้เหลือหนึ่ง",
                    "the field '{name}' is written twice (lines {first} and {second}); keep one"),
    "yaml.invalid": M("หัวข้อมูลเขียนผิดรูปแบบ: {what}", "front matter is not valid YAML: {what}",
                      "มักเกิดจากเครื่องหมาย : ในหัวข้อ ให้ครอบค่าด้วย \"...\""),
    "yaml.cast": M("'{value}' อ่านเป็น{kind}ไม่ได้ ({tag}) ให้ลบแท็กออกหรือใส่ค่าในเครื่องหมายคำพูด",
                   "'{value}' cannot be read as {kind_en} ({tag}); remove the tag or put the value"
                   " in quotes"),
    # -- fields ----------------------------------------------------------------------
    "field.empty": M("ว่างอยู่ ให้เขียนค่าหลังเครื่องหมาย :", "is empty; write a value after the colon"),
    "field.text": M("ต้องเป็นข้อความ ไม่ใช่{what}", "must be text, not {what_en}"),
    "field.too_long": M("ยาว {length} ตัวอักษร ต้องไม่เกิน {limit}",
                        "is {length} characters long; keep it under {limit}"),
    "field.names_empty": M("ว่างอยู่ ให้เขียนชื่อ หรือรายการ [ชื่อที่ 1, ชื่อที่ 2]",
                           "is empty; write a name, or a list [name 1, name 2]"),
    "field.missing": M("ยังไม่มีช่องนี้ เพิ่มบรรทัด เช่น {example}",
                       "is missing; add a line such as {example}",
                       "ขาดช่องที่ต้องมี (title, date, author, province) ให้เพิ่ม"),
    "field.unknown": M("ไม่รู้จักช่อง '{name}'{hint}", "unknown field '{name}'{hint}",
                       "สะกดชื่อช่องผิด ดูรายชื่อช่องในคู่มือ"),
    "field.unknown.near": M(" หมายถึง {name} ใช่ไหม", "; did you mean {name}?"),
    "field.unknown.list": M(" ช่องที่มีคือ {names}", "; the fields are {names}"),
    "field.not_a_name": M("ชื่อช่อง {what} ไม่ใช่ชื่อ", "field name {what_en} is not a name"),
    "date.empty": M("ว่างอยู่ ให้เขียนวันที่ของข่าวแบบ ปปปป-ดด-วว (ค.ศ.) เช่น 2020-11-06",
                    "is empty; write the publication date as YYYY-MM-DD, e.g. 2020-11-06"),
    "date.not_a_date": M("'{value}' ไม่ใช่วันที่ ให้เขียนแบบ ปปปป-ดด-วว (ค.ศ.) เช่น 2020-11-06 หรือมีเวลา 2020-11-06 13:30",
                         "'{value}' is not a date; write YYYY-MM-DD (e.g. 2020-11-06), optionally"
                         " with a time: 2020-11-06 13:30"),
    "date.thai": M("'{value}' เป็นวันที่แบบไทย ให้เขียน date: {iso}",
                   "'{value}' is a Thai date; write date: {iso}",
                   "เขียนวันที่แบบไทย ให้ใช้ค่าที่แนะนำ (ค.ศ. แบบ ปปปป-ดด-วว)"),
    "date.kind": M("ต้องเป็นวันที่ เช่น 2020-11-06 ไม่ใช่{what}",
                   "must be a date like 2020-11-06, not {what_en}"),
    "date.be_year": M("ปี {year} เป็นปี พ.ศ. วันที่ต้องเขียนเป็น ค.ศ.: {fixed} (พ.ศ. {year} = ค.ศ. {ce})",
                      "year {year} is a Buddhist Era year; dates are written in the Common Era:"
                      " {fixed} (BE {year} = CE {ce})",
                      "เขียนปี พ.ศ. ในวันที่ ให้ลบ 543 เป็น ค.ศ."),
    "date.outside": M("ปี {year} อยู่นอกช่วงของคลังข่าว ({first}–{last})",
                      "year {year} is outside the archive ({first}–{last})"),
    "year.kind": M("ต้องเป็นปีงบประมาณ พ.ศ. เช่น {example} ไม่ใช่{what}",
                   "must be a program year in BE such as {example}, not {what_en}"),
    "year.ce": M("{value} เป็นปี ค.ศ. ปีงบประมาณต้องเป็น พ.ศ.: เขียน year: {be}",
                 "{value} is a CE year; program years are in BE: write year: {be}",
                 "ปีงบประมาณต้องเป็น พ.ศ. หรือลบช่อง year ออกให้เว็บคำนวณจากวันที่"),
    "year.ce.date": M("{value} เป็นปี ค.ศ. วันที่ {date} อยู่ในปีงบประมาณ {derived}: เขียน year: {derived}"
                      " หรือลบช่อง year ออกให้เว็บคำนวณจากวันที่",
                      "{value} is a CE year; the date {date} is in program year {derived}: write"
                      " year: {derived}, or remove the field and the build derives it"),
    "year.outside": M("{value} ไม่ใช่ปีงบประมาณ (พ.ศ. {first}–{last})",
                      "{value} is not a program year (BE {first}–{last})"),
    "year.far": M("ปีงบประมาณ {value} ห่างจากวันที่ {date} ซึ่งอยู่ในปีงบประมาณ {derived} ลบช่อง year ออกเพื่อใช้ {derived}",
                  "program year {value} is far from the date {date}, which falls in program year"
                  " {derived}; leave year out to use {derived}"),
    "province.empty": M("ว่างอยู่ ให้เขียนชื่อจังหวัดภาษาไทย เช่น province: อุดรธานี",
                        "is empty; write the province in Thai, e.g. province: อุดรธานี"),
    "province.kind": M("ต้องเป็นชื่อจังหวัด ไม่ใช่{what}", "must be a province name, not {what_en}"),
    "province.unknown": M("จังหวัด '{value}' ไม่มีในรายชื่อ{hint}", "'{value}' is not a province{hint}",
                          "ชื่อจังหวัดไม่ตรงกับ 77 จังหวัด แก้เป็นชื่อที่แนะนำ"),
    "province.did_you_mean": M(" หมายถึง {name} ใช่ไหม", "; did you mean {name}?"),
    "province.write_one": M(" ให้เขียนหนึ่งใน 77 จังหวัดเป็นภาษาไทย (อุดรธานี) หรืออังกฤษ (Udon Thani)",
                            "; write one of the 77 provinces in Thai (อุดรธานี) or English (Udon Thani)"),
    "province.twice": M("{name} ใส่ซ้ำสองครั้ง", "{name} is listed twice"),
    "tags.kind": M("ต้องเป็นรายการ เช่น [เยาวชน, ชุมชนคุณธรรม] ไม่ใช่{what}",
                   "must be a list such as [เยาวชน, ชุมชนคุณธรรม], not {what_en}"),
    "tags.too_many": M("มี {count} แท็ก ข่าวหนึ่งมีได้ไม่เกิน {limit} แท็ก",
                       "{count} tags; an entry may have at most {limit}"),
    "image.kind": M("ต้องเป็นชื่อไฟล์ภาพที่อยู่ข้างไฟล์ข่าว ไม่ใช่{what}",
                    "must be the file name of a photo next to the entry, not {what_en}"),
    "photos.too_many": M("มี {count} ภาพ แกลเลอรีหนึ่งมีได้ไม่เกิน {limit} ภาพ",
                         "{count} photos; a gallery may have at most {limit}"),
    "photos.item": M("ภาพแต่ละภาพเป็นชื่อไฟล์ หรือ file: กับ caption: เช่น - {{file: photo-3.jpg, caption: ผู้เข้าร่วมประชุม}}",
                     "each photo is a file name, or file: and caption:, e.g. - {{file: photo-3.jpg,"
                     " caption: ผู้เข้าร่วมประชุม}}"),
    "slug.invalid": M("{value} ใช้เป็นที่อยู่เว็บไม่ได้ ใช้ a–z ตัวเล็ก ตัวเลข และ - เช่น 2020-11-06-udon-thani-meeting",
                      "{value} is not a URL slug: use lowercase a–z, digits and hyphens, e.g."
                      " 2020-11-06-udon-thani-meeting"),
    "slug.reserved": M("'{value}' ใช้เป็นที่อยู่ของข่าวไม่ได้ เพราะเป็นที่อยู่ของหน้ารายการข่าว (news/page/2/) ให้ตั้ง slug: เป็นชื่ออื่น",
                       "'{value}' cannot be an entry's slug: the listing of every entry has its pages"
                       " there (news/page/2/); give another slug:"),
    "slug.file_name": M("ชื่อไฟล์ '{stem}' ใช้เป็นที่อยู่เว็บไม่ได้ ให้เปลี่ยนชื่อไฟล์ (เช่น 2020-11-06-udon-thani-meeting.md) หรือเพิ่มช่อง slug: 2020-11-06-udon-thani-meeting",
                        "the file name '{stem}' does not make an ASCII URL; rename the file (e.g."
                        " 2020-11-06-udon-thani-meeting.md) or add a field"
                        " slug: 2020-11-06-udon-thani-meeting",
                        "ชื่อไฟล์เป็นภาษาไทย เปลี่ยนชื่อไฟล์เป็นภาษาอังกฤษ หรือเพิ่ม slug:"),
    "draft.kind": M("ต้องเป็น true หรือ false ไม่ใช่{what}", "must be true or false, not {what_en}"),
    # what a value is, in messages (fields.describe)
    "what.fields": M("ชุดของช่อง", "a set of fields"),
    "what.list": M("รายการ", "a list"),
    "what.bool": M("ค่าจริง/เท็จ ({value})", "true/false ({value})"),
    "what.date": M("วันที่ ({value})", "a date ({value})"),
    "what.number": M("ตัวเลข {value}", "{kind} {value}"),
    # -- the body --------------------------------------------------------------------
    "body.empty": M("ข่าวไม่มีเนื้อหาใต้หัวข้อมูล", "the entry has no text below the front matter"),
    "body.placeholder": M("ยังเป็นข้อความตัวอย่างจาก newsroom new ให้เขียนเนื้อหาข่าวแทน",
                          "the body is still newsroom new's placeholder; write the report"),
    "body.depth": M("รายการหรือข้อความอ้างอิงซ้อนกัน {depth} ชั้นตรงนี้ แสดงได้ไม่เกิน {limit} ชั้น",
                    "lists or quotes are nested {depth} levels deep here; at most {limit} levels"
                    " can be shown", "รายการย่อยซ้อนกันลึกเกินไป มักเกิดจากการย่อหน้าผิด"),
    "body.run": M("มี '*' หรือ '_' ติดกันเกิน {limit} ตัว ให้ลดลง (Markdown อ่านเป็นตัวหนา/เอียง)",
                  "a run of more than {limit} '*' or '_' in a row; shorten it (Markdown reads them"
                  " as emphasis)"),
    "body.openers": M("ย่อหน้านี้มี '{opener}' {count} ตัว ได้ไม่เกิน {limit} (แบ่งย่อหน้าด้วยบรรทัดว่าง)",
                      "one paragraph has {count} '{opener}'; at most {limit} (split it with blank"
                      " lines)"),
    "body.html_depth": M("แท็ก HTML ซ้อนกัน {depth} ชั้นตรงนี้ แสดงได้ไม่เกิน {limit} ชั้น",
                         "HTML elements are nested {depth} deep here; at most {limit} can be shown"),
    "body.markup": M("มีอักขระที่ Markdown อ่านเป็นรูปแบบ ({chars}) {count} ตัว ได้ไม่เกิน {limit} (เป็นโค้ดหรือตารางสัญลักษณ์ที่วางมาหรือไม่)",
                     "the text has {count} characters Markdown reads as markup ({chars}); at most"
                     " {limit} (is it pasted code or a table of symbols?)"),
    "render.failed": M("{source}: body: เนื้อหา{why} ให้ทำให้ง่ายขึ้น (ลดรายการซ้อน ข้อความอ้างอิง หรือวงเล็บ) แล้วสร้างใหม่",
                       "{source}: body: the text {why_en}; simplify it (fewer nested lists, quotes"
                       " or brackets) and build again"),
    # -- photos ----------------------------------------------------------------------
    "photo.control": M("ชื่อไฟล์ภาพมีอักขระควบคุม ให้เปลี่ยนชื่อไฟล์",
                       "the photo's file name contains control characters; rename the file"),
    "photo.not_a_name": M("'{ref}' ไม่ใช่ชื่อไฟล์ภาพ ให้เขียนชื่อไฟล์ เช่น photo-1.jpg",
                          "'{ref}' is not the name of a photo file; write the file's name, such as"
                          " photo-1.jpg"),
    "photo.outside_entry": M("ภาพ '{ref}' ต้องอยู่ข้างไฟล์ข่าว เช่น photo-1.jpg (ไม่ขึ้นต้นด้วย / และไม่มี ..)",
                             "photo '{ref}' must be a path next to the entry, such as photo-1.jpg"
                             " (no leading / and no ..)"),
    "photo.backslash": M("ภาพ '{ref}': เขียนพาธด้วย / ไม่ใช่ \\", "photo '{ref}': write paths with /, not \\"),
    "photo.bad_name": M("'{name}': เปลี่ยนชื่อไฟล์ภาพ ชื่อใช้ได้เฉพาะตัวอักษร ตัวเลข - _ และ . (ไม่มีช่องว่าง เครื่องหมายคำพูด หรือวงเล็บ) เช่น photo-1.jpg",
                        "'{name}': rename the photo; its name may have letters, digits, '-', '_'"
                        " and '.' only (no spaces, quotes or brackets), e.g. photo-1.jpg"),
    "photo.type": M("'{name}' ไม่ใช่ภาพที่เว็บเผยแพร่ได้ ภาพต้องเป็นไฟล์ JPEG, PNG หรือ WebP (.jpg, .jpeg, .png, .webp)",
                    "'{name}' is not a photo the site publishes: photos are JPEG, PNG or WebP"
                    " files (.jpg, .jpeg, .png, .webp)", "ชนิดไฟล์ภาพที่เว็บไม่รับ บันทึกใหม่เป็น JPEG หรือ PNG"),
    "photo.missing": M("ไม่พบภาพ '{ref}' ให้วางไฟล์ไว้ข้าง {file}",
                       "photo '{ref}' does not exist; put the file next to {file}",
                       "ไม่พบไฟล์ภาพ ตรวจชื่อไฟล์ (ตัวเล็กตัวใหญ่ต้องตรง) และวางไว้ข้างไฟล์ข่าว"),
    "photo.outside_news": M("ภาพ '{ref}' อยู่นอกโฟลเดอร์ news/", "photo '{ref}' points outside the news folder"),
    "photo.folder": M("'{ref}' เป็นโฟลเดอร์ ไม่ใช่ไฟล์ภาพ", "photo '{ref}' is a folder, not a photo file"),
    "photo.no_photographer": M("ยังไม่มีช่องนี้: ข่าวมีภาพ จึงต้องใส่ชื่อผู้ถ่ายภาพ (photographer: ชื่อ นามสกุล)",
                               "is missing: the entry shows photos, so credit the photographer"
                               " (photographer: ชื่อ นามสกุล)", "ข่าวมีภาพ ต้องใส่ชื่อผู้ถ่ายภาพ"),
    "photo.problem": M("ภาพ '{target}': {why}", "photo '{target}': {why}"),
    "photo.clash": M("ภาพ '{target}' จะถูกเผยแพร่ในชื่อ {name} ซึ่งเป็นชื่อของ{owner} ให้เปลี่ยนชื่อภาพ",
                     "photo '{target}' would be published as {name}, the name of {owner}; rename"
                     " the photo"),
    "photo.owner.page": M("หน้าข่าว", "the entry page"),
    "photo.owner.photo": M("ภาพ '{target}'", "photo '{target}'"),
    "photo.resize": M("ภาพ '{target}' ย่อขนาดไม่ได้ ({why}) ให้บันทึกใหม่เป็น JPEG",
                      "photo '{target}' cannot be resized ({why}); save it again as JPEG"),
    "photo.too_big": M("ไฟล์ขนาด {size} ภาพหนึ่งต้องไม่เกิน {limit} (ส่งออกให้เล็กลง)",
                       "the file is {size}; a photo may be at most {limit} (export it smaller)"),
    "photo.wrong_kind": M("ไฟล์เป็น{kind} ไม่ตรงกับนามสกุล ({suffix}) ให้บันทึกเป็น JPEG หรือ PNG ในชื่อที่ตรงกัน",
                          "the file is {kind_en}, not what its name says ({suffix}); save it as"
                          " JPEG or PNG under a matching name",
                          "นามสกุลไฟล์ไม่ตรงกับชนิดภาพจริง เปลี่ยนชื่อไฟล์ให้ตรง"),
    "photo.pixels": M("{width}×{height} คือ {millions} ล้านพิกเซล ภาพหนึ่งต้องไม่เกิน {limit} ล้านพิกเซล (ส่งออกให้เล็กลง)",
                      "{width}×{height} is {millions} million pixels; a photo may have at most"
                      " {limit} million (export it smaller)"),
    "photo.bomb": M("ภาพมีเกิน {over} ล้านพิกเซล ภาพหนึ่งต้องไม่เกิน {limit} ล้านพิกเซล (ส่งออกให้เล็กลง)",
                    "the image has over {over} million pixels; a photo may have at most {limit}"
                    " million (export it smaller)"),
    "photo.not_image": M("ไฟล์นี้ไม่ใช่ภาพ ให้บันทึกใหม่เป็น JPEG หรือ PNG",
                         "the file is not an image; save it again as JPEG or PNG"),
    "photo.damaged": M("ภาพเสียหรือไม่ครบ ({why}) ให้คัดลอกจากกล้องใหม่หรือบันทึกใหม่",
                       "the image is damaged or cut short ({why}); copy it again from the camera"
                       " or save it again", "ไฟล์ภาพเสียหรือคัดลอกมาไม่ครบ คัดลอกจากกล้องหรือบันทึกใหม่"),
    "kind.gif": M("ภาพ GIF", "a GIF image"), "kind.bmp": M("ภาพ BMP", "a BMP image"),
    "kind.tiff": M("ภาพ TIFF", "a TIFF image"), "kind.ico": M("ไอคอน", "an icon"),
    "kind.png": M("ภาพ PNG", "a PNG image"), "kind.jpeg": M("ภาพถ่าย JPEG", "a JPEG photo"),
    "kind.webp": M("ภาพ WebP", "a WebP image"), "kind.other": M("ไฟล์ {format}", "a {format} file"),
    # -- links ------------------------------------------------------------------------
    "link.nowhere": M("ลิงก์ '{href}' ไม่ได้ชี้ไปข่าวหรือภาพ: ลิงก์ข่าวอื่นด้วยชื่อไฟล์ (../2564/2020-11-06-x.md) ภาพข้างข่าวด้วยชื่อไฟล์ภาพ หรือเว็บอื่นด้วยที่อยู่เต็ม (https://…)",
                      "the link '{href}' leads to no entry or photo: link another entry by its file"
                      " (../2564/2020-11-06-x.md), a photo next to this entry by its name, a web page"
                      " by its full address (https://…)",
                      "ลิงก์ชี้ไปไฟล์ที่ไม่ใช่ข่าวหรือภาพ ตรวจชื่อไฟล์ หรือใช้ที่อยู่เต็ม https://..."),
    "link.raw_html": M("ลิงก์ HTML '{href}' ไปยังไฟล์ข่าวอื่นจะไม่ไปถึงหน้าข่าว ให้เขียนเป็นลิงก์ Markdown [ข้อความ](ไฟล์.md)",
                       "the HTML link '{href}' to another entry's file would not lead to its page;"
                       " write it as a Markdown link [text](file.md)"),
    "link.outside": M("ลิงก์ '{href}' ชี้ออกนอกโฟลเดอร์ news/", "the link '{href}' leads outside the news folder"),
    "link.not_entry": M("ลิงก์ '{href}' ชี้ไปไฟล์ที่ไม่ใช่ข่าวในคลัง (หรือข่าวนั้นมีปัญหาเอง) ให้ลิงก์ไฟล์ข่าวใน news/",
                        "the link '{href}' leads to a file that is not an entry of the archive (or"
                        " has problems of its own); link an entry's file under news/"),
    "link.draft": M("ลิงก์ '{href}' ชี้ไป {target} ซึ่งเป็นร่าง เว็บจะไม่เผยแพร่",
                    "the link '{href}' leads to {target}, a draft, which the site does not publish"),
    # -- the whole folder --------------------------------------------------------------
    "corpus.linked_folder": M("เป็นลิงก์ไปยังโฟลเดอร์ ซึ่งคลังข่าวไม่ตามไปอ่าน ให้ย้ายโฟลเดอร์จริงมาไว้ใน news/",
                              "is a link to a folder, which the archive does not follow; move the"
                              " folder itself into news/"),
    "corpus.url_clash": M("ที่อยู่ /{url} ซ้ำกับ {others} ให้เปลี่ยน slug ของข่าวใดข่าวหนึ่ง",
                          "the URL /{url} is also claimed by {others}; give one of them another slug",
                          "มีสองข่าวใช้ที่อยู่เดียวกัน เปลี่ยนชื่อไฟล์หรือ slug ของข่าวหนึ่ง"),
    "corpus.no_folder": M("ไม่มีข่าว: ไม่พบโฟลเดอร์ {where}/", "no entries: the folder {where}/ is missing"),
    "corpus.no_entries": M("ไม่มีข่าวใน {where}/: เพิ่มไฟล์ข่าว (.md) ในโฟลเดอร์นั้น หรือรันคำสั่งในโฟลเดอร์โครงการ",
                           "no entries in {where}/: add news files (.md) there, or run this in the"
                           " project folder"),
    "corpus.docs_clash": M("เว็บสร้างหน้า /{uri} ตรงนี้ ให้ย้ายหรือเปลี่ยนชื่อไฟล์นี้",
                           "the archive generates /{uri} here; move or rename this file"),
    # -- reports ----------------------------------------------------------------------
    "report.count": M("พบปัญหา {problems} จุด ใน {files} ไฟล์", "{problems} {noun} in {files} {files_noun}"),
    "report.build": M("คลังข่าวมีปัญหา จึงยังไม่สร้างเว็บ:", "the news archive has problems; nothing was written:"),
    "check.summary.ok": M("ตรวจ {checked} ไฟล์ ไม่พบปัญหา ({seconds} วินาที)",
                          "checked {checked} files, no problems ({seconds} s)"),
    "check.summary.bad": M("ตรวจ {checked} ไฟล์ พบปัญหา {problems} จุด ({seconds} วินาที)",
                           "checked {checked} files, {problems} problems ({seconds} s)"),
    "check.no_file": M("ไม่มีไฟล์นี้", "no such file"),
    # -- newsroom new -----------------------------------------------------------------
    "new.province": M("--province: จังหวัด '{value}' ไม่มีในรายชื่อ{hint}",
                      "--province: '{value}' is not a province{hint}"),
    "new.be_date": M("--date: {value} เป็นวันที่ พ.ศ. ให้เขียนปี ค.ศ. ({fixed})",
                     "--date: {value} is a Buddhist Era date; write the Common Era year ({fixed})"),
    "new.not_a_date": M("--date: '{value}' ไม่ใช่วันที่ ให้เขียนแบบ ปปปป-ดด-วว เช่น 2020-11-06{hint}",
                        "--date: '{value}' is not a date; write YYYY-MM-DD, e.g. 2020-11-06{hint}"),
    "new.thai_date": M(" (หมายถึง {iso} ใช่ไหม)", " (did you mean {iso}?)"),
    "new.author": M("--author: ใส่ชื่อผู้เขียนข่าว (หรือตั้งค่า NEWSROOM_AUTHOR)",
                    "--author: give the writer's name (or set NEWSROOM_AUTHOR)"),
    "new.title": M("--title: หัวข้อข่าวว่าง", "--title: the title is empty"),
    "new.slug": M("--slug: '{value}' ใช้เป็นที่อยู่เว็บไม่ได้ ใช้ a–z ตัวเล็ก ตัวเลข และ -",
                  "--slug: '{value}' is not a URL slug: use lowercase a–z, digits and hyphens"),
    "new.written": M("เขียนเนื้อหาแทนข้อความตัวอย่าง แล้วลบบรรทัด draft: true เมื่อพร้อมเผยแพร่",
                     "write the report in place of the placeholder, then remove draft: true to publish"),
    "new.gallery": M("มีภาพหลายภาพ: วางไฟล์ไว้ข้างไฟล์ข่าว แล้วใส่ photos: [photo-1.jpg, photo-2.jpg] เป็นแกลเลอรี",
                     "several photos: put them next to the entry and list them under photos: as a gallery"),
    "new.placeholder": M("(เขียนเนื้อหาข่าวที่นี่ แล้วลบบรรทัด draft: true เมื่อพร้อมเผยแพร่)",
                         "(write the report here, then remove the line draft: true to publish)"),
    # -- newsroom import --------------------------------------------------------------
    "import.too_big": M("ไฟล์ขนาด {size} MB ข่าวเก่าหนึ่งไฟล์ต้องไม่เกิน {limit} MB (เป็นไฟล์ข้อความหรือไม่)",
                        "the file is {size} MB; a report may be at most {limit} MB (is it a text file?)"),
    "import.decode": M("อ่านเป็น {encoding} ไม่ได้: {why}", "cannot be decoded as {encoding}: {why}"),
    "import.cp874": M(" หรือนำเข้าตามเดิมด้วย --encoding cp874", " Or import it as is with --encoding cp874."),
    "import.control": M("บรรทัด {line}: มีอักขระควบคุม U+{code} ซึ่งแสดงบนหน้าเว็บไม่ได้ ไฟล์นี้ไม่ใช่ข่าวแบบข้อความ หรือให้ลบอักขระนั้นออก",
                        "line {line}: contains the control character U+{code}, which no page can"
                        " show; it is not a plain-text report, or remove the character"),
    "import.problems": M("ข่าวที่จะได้มีปัญหา จึงยังไม่เขียนไฟล์:", "the entry it would give has problems; nothing was written:"),
    "import.doubt": M("ไม่แน่ใจ: {why} — เว้นไว้ให้ผู้เขียนตรวจ ข่าวเป็นร่าง",
                      "not sure: {why} — left for the writer; the entry is a draft"),
    "import.duplicate": M("ข่าวนี้นำเข้าแล้วเป็น {existing} (วันที่ จังหวัด และเนื้อหาตรงกัน) จึงไม่นำเข้าซ้ำ",
                          "this report is already imported as {existing} (same date, province and"
                          " text); not imported again"),
    "import.comment": M("นำเข้าจาก {name}", "imported from {name}"),
    "import.comment.check": M("นำเข้าจาก {name} — ต้องตรวจ:", "imported from {name} — to check:"),
    "import.comment.unit": M("หน่วยงานผู้เขียน: {unit}", "writer's unit: {unit}"),
    "import.comment.tags": M("แท็กที่พบในเนื้อหา (ตรวจแล้วเลือกใส่): {tags}",
                             "tags found in the text (check, then keep): {tags}"),
    # legacy report doubts (authoring/legacy/)
    "legacy.empty": M("ไฟล์ข่าวว่าง", "the report is empty"),
    "legacy.no_date": M("ไม่พบวันที่แบบไทย (เช่น 6 พฤศจิกายน 2563) ที่ต้นข่าว{later}",
                        "no Thai date (e.g. 6 พฤศจิกายน 2563) at the top of the report{later}"),
    "legacy.no_date.later": M(" ต้นข่าวกล่าวถึง '{date}'", "; the opening mentions '{date}'"),
    "legacy.not_real_date": M("'{date}' ไม่ใช่วันที่จริง", "'{date}' is not a real date"),
    "legacy.ce_year": M("ปี {year} ดูเหมือนเป็นปี ค.ศ. (พ.ศ. {be}?) จึงอ่านเป็น ค.ศ.",
                        "the year {year} looks like a CE year (BE {be}?); taken as CE"),
    "legacy.bad_year": M("ปี {year} ไม่ใช่ปี พ.ศ. ของโครงการ ({first}–{last})",
                         "the year {year} is not a Buddhist Era year of the programme ({first}–{last})"),
    "legacy.no_credit": M("ไม่พบบรรทัดเครดิต (เขียนข่าว : … / ถ่ายภาพ : …) ท้ายข่าว",
                          "no credit line (เขียนข่าว : … / ถ่ายภาพ : …) at the end of the report"),
    "legacy.no_writer": M("บรรทัดเครดิตไม่มีชื่อผู้เขียน", "the credit line names no writer"),
    "legacy.no_province": M("ข่าวไม่ได้กล่าวถึงจังหวัดใด", "no province is named in the report"),
    "legacy.passing": M("กล่าวถึง {names} เพียงผ่าน ๆ", "only a passing mention of {names}"),
    "legacy.equal": M("ข่าวกล่าวถึง {names} พอ ๆ กัน ให้เลือกหนึ่งจังหวัด",
                      "the report names {names} about equally; choose one"),
    "legacy.no_title": M("ไม่มีประโยคที่ใช้ทำหัวข้อข่าวได้", "no sentence to make a headline from"),
    "legacy.title_guess": M("ไม่พบกิจกรรม (ร่วมประชุม จัดอบรม …) ในประโยคแรก หัวข้อที่เสนอคือคำแรก ๆ ของประโยค",
                            "no activity (ร่วมประชุม, จัดอบรม, …) in the opening sentence; the"
                            " proposed title is its first words"),
    "legacy.title_review": M("หัวข้อข่าวนี้เว็บเสนอจากประโยคแรก ให้ตรวจและแก้ (ใส่จังหวัดหรือครั้งที่ถ้ามี)",
                             "the title is proposed from the opening sentence; check it (add the"
                             " province or the round if there is one)"),
    "legacy.and": M(" และ ", " and "),
    # -- the web editor (/admin/, newsroom/editor/) -------------------------------------
    "editor.collection": M("ข่าว", "news"),
    "editor.collection.about": M("ข่าวของคลังข่าว แต่ละข่าวเป็นไฟล์ใน news/ ตามปีงบประมาณ",
                                 "the archive's entries, one file each under news/ by program year"),
    "editor.label.body": M("เนื้อหาข่าว", "the report"),
    "editor.label.name": M("ชื่อ นามสกุล", "name"),
    "editor.label.photo_file": M("ไฟล์ภาพ", "photo file"),
    "editor.label.caption": M("คำบรรยายภาพ", "caption"),
    "editor.hint.title": M("หัวข้อข่าวตามที่จะแสดงบนเว็บ", "the headline as the site shows it"),
    "editor.hint.date": M("วันที่ของข่าว เว็บแสดงเป็น พ.ศ. และคำนวณปีงบประมาณจากวันที่นี้ (ไม่ต้องกรอกปีงบประมาณ)",
                          "the entry's date; shown in BE, and the program year is derived from it"),
    "editor.hint.author": M("ผู้เขียนข่าว เพิ่มได้หลายคน คนละช่อง", "the writers, one a row"),
    "editor.hint.photographer": M("ผู้ถ่ายภาพ ต้องใส่เมื่อข่าวมีภาพปก ภาพในเนื้อหา หรือแกลเลอรี",
                                  "the photographers; needed when the entry shows photos"),
    "editor.hint.province": M("เลือกจังหวัดจากรายชื่อ 77 จังหวัด (เลือกได้มากกว่าหนึ่ง)",
                              "choose from the 77 provinces (more than one if needed)"),
    "editor.hint.tags": M("เลือกแท็กที่มีอยู่แล้วจากรายการ หรือพิมพ์แท็กใหม่", "choose an existing tag, or type a new one"),
    "editor.hint.summary": M("ไม่บังคับ ถ้าว่าง เว็บใช้ต้นย่อหน้าแรก", "optional; default: the start of the first paragraph"),
    "editor.hint.image": M("ภาพปกของข่าว ไฟล์ JPEG, PNG หรือ WebP", "the cover photo: a JPEG, PNG or WebP file"),
    "editor.hint.photos": M("ภาพกิจกรรม แสดงเป็นแกลเลอรีใต้ข่าว", "the gallery shown under the report"),
    "editor.hint.slug": M("ที่อยู่เว็บของข่าว ใช้ a–z ตัวเล็ก ตัวเลข และ - ว่างไว้ได้ เว็บจะตั้งจากวันที่และจังหวัด",
                          "the entry's URL (lowercase a–z, digits, hyphens); empty: from the date and province"),
    "editor.hint.draft": M("ร่างจะไม่แสดงบนเว็บ", "a draft is not published"),
    "editor.hint.body": M("เว้นบรรทัดว่างระหว่างย่อหน้า", "a blank line between paragraphs"),
    "editor.date_future": M("วันที่ {date} ยังมาไม่ถึง ข่าวจะไม่แสดงบนเว็บจนถึงวันนั้น ให้ตรวจวันที่",
                            "{date} has not come yet; the entry would not be shown until then: check the date"),
    # -- the preview (make serve) ----------------------------------------------------
    "preview.banner": M("พบปัญหา {problems} จุดใน {files} ไฟล์ ข่าวที่มีปัญหายังไม่แสดงบนเว็บจนกว่าจะแก้",
                        "{problems} problem(s) in {files} file(s); entries with problems are left out"
                        " until they are fixed"),
    "report.preview": M("ข่าวที่มีปัญหาต่อไปนี้ยังไม่แสดงในตัวอย่าง (หน้าของข่าวบอกปัญหาไว้):",
                        "these entries have problems and are left out of the preview (their pages"
                        " name the problems):"),
    "preview.all.title": M("ปัญหาที่พบในข่าว", "Problems found in entries"),
    "preview.all.lead": M("พบปัญหา {problems} จุดใน {files} ไฟล์ แก้ไฟล์แล้วบันทึก หน้านี้จะโหลดใหม่เอง",
                          "{problems} problem(s) in {files} file(s); fix and save a file and this page"
                          " reloads by itself"),
    "preview.all.link": M("ดูปัญหาทั้งหมด", "see every problem"),
    "preview.all.none": M("ไม่พบปัญหา ข่าวทุกไฟล์แสดงบนเว็บได้", "no problems: every entry is shown"),
    "preview.entry.title": M("ข่าวนี้ยังแสดงไม่ได้", "This entry cannot be shown yet"),
    "preview.entry.lead": M("ไฟล์ {path} มีปัญหาตามรายการด้านล่าง แก้แล้วบันทึก หน้านี้จะแสดงข่าวเอง",
                            "{path} has the problems below; fix and save it and this page shows the"
                            " entry by itself"),
    "preview.line": M("บรรทัด {line}", "line {line}"),
    "preview.whole_file": M("ทั้งไฟล์", "whole file"),
}


# What PyYAML's problems mean to a writer, in Thai (English keeps PyYAML's own words).
YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "ค่าในบรรทัดนี้มีเครื่องหมาย : ให้ใส่ค่าทั้งหมดในเครื่องหมายคำพูด"
                                       " เช่น title: \"ประชุม: ครั้งที่ 1\""),
    ("tab", "บรรทัดนี้มีแท็บ (Tab) ใช้ย่อหน้าในหัวข้อมูลไม่ได้ ให้ใช้ช่องว่างแทน"),
    ("could not find expected ':'", "ขาดเครื่องหมาย : หลังชื่อช่อง หรือค่าขึ้นบรรทัดใหม่โดยไม่ได้ตั้งใจ"),
    ("expected <block end>", "การย่อหน้าของบรรทัดนี้ไม่ตรงกับบรรทัดอื่น ให้ทุกช่องชิดซ้าย"),
    ("quoted scalar", "เครื่องหมายคำพูดเปิดแล้วไม่ได้ปิด ให้ปิดด้วยเครื่องหมายเดียวกัน"),
    ("flow sequence", "วงเล็บ [ ] ของรายการไม่ครบ หรือคั่นค่าด้วยอย่างอื่นที่ไม่ใช่ ,"),
    ("flow mapping", "วงเล็บ { } ไม่ครบ หรือคั่นค่าด้วยอย่างอื่นที่ไม่ใช่ ,"),
    ("found undefined alias", "มี *ชื่อ ที่ไม่ได้ตั้งไว้ด้วย &ชื่อ ให้เขียนค่าออกมาตรง ๆ"),
    ("constructor for the tag", "มีแท็ก !! หรือ !ชื่อ ที่หัวข้อมูลไม่รับ ให้ลบออก"),
    ("block sequence entries are not allowed", "รายการที่ขึ้นต้นด้วย - ต้องขึ้นบรรทัดใหม่ใต้ชื่อช่อง"),
)


def yaml_problem(what: str) -> str:
    """A PyYAML problem in the writer's words (English: PyYAML's own, as it was)."""
    if english():
        return CATALOGUE["yaml.invalid"].en.format(what=what)
    explained = next((th for part, th in YAML_PROBLEMS if part in what), None)
    return explained or CATALOGUE["yaml.invalid"].th.format(what=what)


def _shown(template: str) -> str:
    """A template as the guide shows it: what varies as …"""
    import re
    return re.sub(r"\{[a-z_]+\}", "…", template).replace("{{", "{").replace("}}", "}")


def guide_table() -> str:
    """The writers' guide's table of messages (a Markdown table): every message with a
    word of help, as ``newsroom check`` and the build print it, and what to do."""
    rows = ["| ข้อความ | ความหมายและวิธีแก้ |", "|---|---|"]
    for message in CATALOGUE.values():
        if message.help:
            shown, help_ = (text.replace("|", "\\|") for text in (_shown(message.th), message.help))
            rows.append(f"| {shown} | {help_} |")
    return "\n".join(rows)


def say(key: str, **values: Any) -> str:
    """The message ``key`` in the writer's language, with ``values`` put in."""
    return CATALOGUE[key].text(**values)
