#!/usr/bin/python3
"""Writes the .xlsx fixtures of the annotated/fixed-copy tests (test/validator/cli/annotate-*.test.ts)
with the two Python writers partner teams' scripts use: openpyxl and XlsxWriter (Debian's
python3-openpyxl and python3-xlsxwriter; run with /usr/bin/python3).

Both hold things a rebuilt copy used to lose: zh-TW built-in date formats 27-36 and ROC (民國)
formats, times, data validations, a chart, frozen panes, column widths, defined names and user
comments, on a cell with a violation and on one without.

    /usr/bin/python3 scripts/make-annotate-fixtures.py test/fixtures/annotate
"""
import datetime as dt
import os
import sys

import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.workbook.defined_name import DefinedName
import xlsxwriter

ENROLLMENT = ['品牌名稱', '商店代碼', '聯絡信箱', '品類', '方案', '報名時間', '官網/社群曝光', '環狀數據', '任選日', '原CPS%', '鋪底回饋%', '預估月業績']
CONTRACTS = ['商店代碼', '合約類型', '合約備註', '開始時間', '結束時間', 'Product Type Name', '商品ID', '鋪底合約%', '加碼後前台回饋%', '返點上限', 'CPS%', '廠商自行加碼%', '點數採購單價', '夥伴互利', '送審時間', '審核狀態']
RING = ['商店代碼', '發送日期', '發送時間', '發送受眾', '發送人數上限', '排除買家', '排除近期發送受眾', '需求提出時間']

FIXED_TIME = dt.datetime(2026, 1, 1, 0, 0, 0)


def xlsxwriter_book(path):
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({'created': FIXED_TIME, 'author': 'fixture'})
    head = wb.add_format({'bold': True, 'bg_color': '#D9E1F2'})
    pct = wb.add_format({'num_format': '0%'})
    money = wb.add_format({'num_format': '#,##0'})
    ws = wb.add_worksheet('報名表')
    ws.freeze_panes(1, 0)
    ws.set_column(0, 11, 16)
    ws.write_row(0, 0, ENROLLMENT, head)
    rows = [
        ['好日子食品', 'goodday_food', 'mkt@goodday.example.com', '美食保健', '季方案', dt.datetime(2026, 3, 18, 10, 30), '是', '是', '4/1、4/14、4/22、5/5、5/12、5/19、6/2、6/9、6/16', 0.08, 0.02, 1200000],
        ['晨光咖啡', 'morning cafe', 'hi@cafe', '美食保健', '5月單月方案', dt.datetime(2026, 4, 21, 17, 30), '是', '否', '5/6、5/8(五)、5/13', 0.06, 0.02, 500000],
        ['綠意生活', 'green_life', 'ops@green.example.com', '居家生活', '6月單月方案', dt.datetime(2026, 3, 19, 9, 0), '否', '是', '6/3、6/10、6/17、6/24、6/9、6/16', 0.16, 0.02, 800000],
    ]
    # zh-TW built-in formats 27-36 (ROC years, 上午/下午 …), one per row and column F/A-L cycling
    builtins = [wb.add_format({'num_format': n}) for n in range(27, 37)]
    roc = wb.add_format({'num_format': '[$-zh-TW]e/m/d hh:mm;@'})
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            if isinstance(v, dt.datetime):
                ws.write_datetime(r, c, v, builtins[(r * 3) % len(builtins)] if r != 2 else roc)
            elif c in (9, 10):
                ws.write_number(r, c, v, pct)
            elif c == 11:
                ws.write_number(r, c, v, money)
            else:
                ws.write(r, c, v)
    ws.data_validation(1, 3, 200, 3, {'validate': 'list', 'source': ['美食保健', '美妝保養', '居家生活', '流行服飾配件', '其他']})
    ws.write_comment('B3', '品牌說 ID 會再確認（使用者自己的註解）', {'author': 'Amy'})
    ws.write_comment('A2', '老客戶', {'author': 'Amy'})
    # A tab of dates in every zh-TW built-in format 27-36 (not a sheet kind: checked as unknown)
    fm = wb.add_worksheet('格式')
    fm.write_row(0, 0, ['格式', '值'], head)
    for i, n in enumerate(range(27, 37), start=1):
        fm.write_number(i, 0, n)
        fm.write_datetime(i, 1, dt.datetime(2026, 5, 8, 20, 0), builtins[i - 1])
    rd = wb.add_worksheet('環狀數據')
    rd.freeze_panes(1, 1)
    rd.write_row(0, 0, RING, head)
    date = wb.add_format({'num_format': 'yyyy/m/d'})
    time = wb.add_format({'num_format': 'hh:mm'})
    roc_date = wb.add_format({'num_format': '[$-zh-TW]e/m/d;@'})
    stamp = wb.add_format({'num_format': 'yyyy/mm/dd hh:mm:ss'})
    ring = [
        ['goodday_food', dt.date(2026, 4, 14), dt.time(20, 0), '通發型', 100000, '近3個月', '是', dt.datetime(2026, 3, 19, 11, 0)],
        ['goodday_food', dt.date(2026, 5, 12), dt.time(20, 30), '自訂受眾', 150000, '近1個月', '否', dt.datetime(2026, 3, 19, 11, 0)],
        ['goodday_food', dt.date(2026, 6, 9), dt.time(8, 0), '通發型', 0, '否', '否', dt.datetime(2026, 3, 19, 11, 0)],
    ]
    for r, row in enumerate(ring, start=1):
        rd.write(r, 0, row[0])
        rd.write_datetime(r, 1, dt.datetime.combine(row[1], dt.time()), roc_date if r == 2 else date)
        rd.write_datetime(r, 2, dt.datetime.combine(dt.date(1899, 12, 31), row[2]) - dt.timedelta(days=1), time)
        rd.write(r, 3, row[3])
        rd.write_number(r, 4, row[4])
        rd.write(r, 5, row[5])
        rd.write(r, 6, row[6])
        rd.write_datetime(r, 7, row[7], stamp)
    chart = wb.add_chart({'type': 'column'})
    chart.add_series({'name': '發送人數上限', 'categories': ['環狀數據', 1, 1, 3, 1], 'values': ['環狀數據', 1, 4, 3, 4]})
    cs = wb.add_worksheet('圖表')
    cs.write('A1', '發送人數')
    cs.insert_chart('B2', chart)
    wb.define_name('發送列', '=環狀數據!$A$2:$H$4')
    wb.close()


def openpyxl_book(path):
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = 'fixture'
    ws = wb.active
    ws.title = '加碼合約'
    ws.append(CONTRACTS)
    ws.freeze_panes = 'B2'
    ws.column_dimensions['C'].width = 24
    rows = [
        ['goodday_food', '活動加碼', '5/5_加碼10%', dt.datetime(2026, 5, 5), dt.datetime(2026, 5, 5, 23, 59, 59), 'normal', None, 0.02, 0.10, -1, 0.15, 0, 1.2, '是', None, None],
        ['goodday_food', '活動加碼', '5/12–5/13_加碼10%', dt.datetime(2026, 5, 12), dt.datetime(2026, 5, 13, 23, 59), 'normal', None, 0.02, 0.10, -1, 0.08, 0.08, 1.2, '是', None, '草稿'],
        ['goodday_food', '活動加碼', '5/19_加碼10%', dt.datetime(2026, 5, 19), dt.datetime(2026, 5, 19, 23, 59, 59), 'normal', None, 0.02, 0.10, '無上限', 0.15, 0.02, 1.2, '是', dt.datetime(2026, 3, 18, 9, 0), '待審核'],
    ]
    for row in rows:
        ws.append(row)
    for r in range(2, 2 + len(rows)):
        for col in 'DEO':
            ws[f'{col}{r}'].number_format = 'yyyy/mm/dd hh:mm:ss'
        for col in 'HIKL':
            ws[f'{col}{r}'].number_format = '0%'
    dv = DataValidation(type='list', formula1='"活動加碼,單品加碼"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add('B2:B200')
    # No comments here: exceljs 4.4 (the project's reader) cannot open openpyxl's comments, whose
    # relationship targets are absolute (/xl/comments/comment1.xml); the XlsxWriter file has them.
    notes = wb.create_sheet('說明')
    notes['A1'] = '這個分頁不是表單'
    notes['B2'] = 46150.5
    notes['B2'].number_format = '[$-404]e/m/d'
    notes['B3'] = dt.time(20, 0)
    notes['B3'].number_format = 'hh:mm'
    wb.defined_names.append(DefinedName('加碼列', attr_text="'加碼合約'!$A$2:$P$4"))
    wb.save(path)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else 'test/fixtures/annotate'
    os.makedirs(out, exist_ok=True)
    xlsxwriter_book(os.path.join(out, 'xlsxwriter.xlsx'))
    openpyxl_book(os.path.join(out, 'openpyxl.xlsx'))


if __name__ == '__main__':
    main()
