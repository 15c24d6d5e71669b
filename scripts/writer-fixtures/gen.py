#!/usr/bin/python3
"""Writes .xlsx fixtures with real writers (issue 12) and, next to them, what each writer was told.

Run with Debian's /usr/bin/python3 (python3-openpyxl, python3-xlsxwriter), from the repository root:
    /usr/bin/python3 scripts/writer-fixtures/gen.py && node scripts/writer-fixtures/sheetjs.mjs
It writes test/fixtures/writers/{openpyxl,xlsxwriter,gnumeric,libreoffice-1904,libreoffice-roc}.xlsx
and expected.json: for each file, tab → A1 address → the value the writer was told to write
({"date": "YYYY-MM-DDTHH:MM:SS"}, {"error": "#N/A"}, a number, a string or a boolean).
Gnumeric converts the openpyxl file (ssconvert); LibreOffice converts flat ODS documents written here.
"""
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile

OUT = os.path.join('test', 'fixtures', 'writers')
os.makedirs(OUT, exist_ok=True)
expected = {}

HEAD = ['品牌名稱', '商店代碼', '方案', '報名時間', '原CPS%', '預估月業績', '任選日', '確認']
ROWS = [
    ['好日子食品', 'shop_0001', '方案A', dt.datetime(2026, 3, 20, 10, 0, 0), 0.08, 1200000, '5/8、5/15', True],
    ['美食保健 旗艦店', 'shop_0002', '方案B', dt.datetime(2026, 4, 21, 17, 30, 0), 0.125, 350000.5, '5/1', False],
    ['臺灣 "引號" & <標記>', 'shop_0003', '方案A', dt.datetime(2026, 5, 20, 9, 0, 0), 0.1, 0, '', True],
    ['  前後空白  ', 'shop_0004', '方案C', dt.datetime(2026, 2, 28, 23, 59, 59), 0.05, 99, '4/1、4/14', False],
]


def enc(v):
    if isinstance(v, dt.datetime):
        return {'date': v.strftime('%Y-%m-%dT%H:%M:%S')}
    return v


def col(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def grid(rows, start_row=1):
    out = {}
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is None or v == '':
                continue
            out[f'{col(c)}{r + start_row}'] = enc(v)
    return out


# --- openpyxl: dates, percents, booleans, a whole-column dropdown (A:A style sqref) -------------
def openpyxl_file(path):
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation
    wb = Workbook()
    ws = wb.active
    ws.title = '報名表'
    ws.append(HEAD)
    for row in ROWS:
        ws.append(row)
    for r in range(2, len(ROWS) + 2):
        ws.cell(r, 4).number_format = 'yyyy/m/d hh:mm:ss'
        ws.cell(r, 5).number_format = '0%'
        ws.cell(r, 6).number_format = '#,##0'
    dv = DataValidation(type='list', formula1='"方案A,方案B,方案C"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add('C2:C1048576')  # a whole-column dropdown below the header
    dv2 = DataValidation(type='list', formula1='"TRUE,FALSE"')
    ws.add_data_validation(dv2)
    dv2.add('H1:H1048576')
    ws2 = wb.create_sheet('說明')
    ws2['A1'] = '填寫說明'
    ws2['B3'] = 3.5
    wb.save(path)
    return {'報名表': grid([HEAD] + ROWS), '說明': {'A1': '填寫說明', 'B3': 3.5}}


# --- XlsxWriter: contracts, formulas with cached results (errors, booleans, shared-like), rich text -
def xlsxwriter_file(path):
    import xlsxwriter
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet('加碼合約')
    date_fmt = wb.add_format({'num_format': 'yyyy/mm/dd hh:mm:ss'})
    pct = wb.add_format({'num_format': '0.0%'})
    bold = wb.add_format({'bold': True})
    head = ['商店代碼', '開始時間', '結束時間', '前台加碼%', '備註', '計算', '檢查']
    ws.write_row(0, 0, head)
    rows = []
    for i in range(6):
        start = dt.datetime(2026, 4, 1 + i, 0, 0, 0)
        end = dt.datetime(2026, 4, 1 + i, 23, 59, 59)
        ws.write_string(i + 1, 0, f'shop_{i:04d}')
        ws.write_datetime(i + 1, 1, start, date_fmt)
        ws.write_datetime(i + 1, 2, end, date_fmt)
        ws.write_number(i + 1, 3, 0.1 if i % 2 == 0 else 0.05, pct)
        rows.append([f'shop_{i:04d}', start, end, 0.1 if i % 2 == 0 else 0.05])
    ws.write_rich_string(1, 4, '夥伴', bold, '加碼', '日 4/1')
    ws.write_formula(1, 5, '=1/0', None, '#DIV/0!')
    ws.write_formula(1, 6, '=D2>0', None, True)
    ws.write_formula(2, 5, '=D3*2', pct, 0.1)
    ws.write_formula(2, 6, '=NA()', None, '#N/A')
    ws.write_formula(3, 5, '="文字"&"結果"', None, '文字結果')
    ws.write_boolean(3, 6, False)
    ws.data_validation('A2:A1048576', {'validate': 'length', 'criteria': '>', 'value': 0})
    wb.close()
    g = grid([head] + rows)
    g.update({'E2': '夥伴加碼日 4/1', 'F2': {'error': '#DIV/0!'}, 'G2': True, 'F3': 0.1, 'G3': {'error': '#N/A'}, 'F4': '文字結果', 'G4': False})
    return {'加碼合約': g}


# --- LibreOffice: flat ODS → xlsx (1904 date system; ROC calendar date formats) ------------------
FODS = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="DT" number:language="zh" number:country="TW" {calendar}>
  {yearpart}<number:text>/</number:text><number:month/><number:text>/</number:text><number:day/>
 </number:date-style>
 <number:percentage-style style:name="PC"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
 <style:style style:name="cD" style:family="table-cell" style:data-style-name="DT"/>
 <style:style style:name="cP" style:family="table-cell" style:data-style-name="PC"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
 <table:calculation-settings><table:null-date table:date-value="{nulldate}"/></table:calculation-settings>
 <table:table table:name="{sheet}">
  <table:table-row>
   <table:table-cell office:value-type="string"><text:p>商店代碼</text:p></table:table-cell>
   <table:table-cell office:value-type="string"><text:p>開始日期</text:p></table:table-cell>
   <table:table-cell office:value-type="string"><text:p>CPS%</text:p></table:table-cell>
   <table:table-cell office:value-type="string"><text:p>確認</text:p></table:table-cell>
  </table:table-row>
{rows}
 </table:table>
</office:spreadsheet></office:body></office:document>
'''


def fods_rows(dates):
    out = []
    for i, d in enumerate(dates):
        out.append(
            '  <table:table-row>'
            f'<table:table-cell office:value-type="string"><text:p>shop_{i + 1:04d}</text:p></table:table-cell>'
            f'<table:table-cell table:style-name="cD" office:value-type="date" office:date-value="{d.strftime("%Y-%m-%dT%H:%M:%S")}"><text:p>x</text:p></table:table-cell>'
            f'<table:table-cell table:style-name="cP" office:value-type="percentage" office:value="0.{15 - i:02d}"><text:p>x</text:p></table:table-cell>'
            # LibreOffice saves booleans as numbers 1/0 (with a BOOLEAN format only when styled so): use text.
            f'<table:table-cell office:value-type="string"><text:p>{"是" if i % 2 == 0 else "否"}</text:p></table:table-cell>'
            '</table:table-row>')
    return '\n'.join(out)


def libreoffice_file(path, sheet, nulldate, roc):
    dates = [dt.datetime(2026, 5, 8), dt.datetime(2026, 6, 19), dt.datetime(2027, 1, 1), dt.datetime(2026, 4, 7, 12, 30, 0)]
    fods = FODS.format(
        calendar='number:calendar="ROC"' if roc else '',
        yearpart='<number:year number:calendar="ROC"/>' if roc else '<number:year number:style="long"/>',
        nulldate=nulldate, sheet=sheet, rows=fods_rows(dates))
    tmp = tempfile.mkdtemp(prefix='writer-fixtures-')
    try:
        src = os.path.join(tmp, os.path.basename(path).replace('.xlsx', '.fods'))
        with open(src, 'w', encoding='utf-8') as f:
            f.write(fods)
        profile = 'file://' + os.path.join(tmp, 'profile')
        subprocess.run(['soffice', f'-env:UserInstallation={profile}', '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', tmp, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copyfile(src.replace('.fods', '.xlsx'), path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    rows = [['商店代碼', '開始日期', 'CPS%', '確認']] + [[f'shop_{i + 1:04d}', d, float(f'0.{15 - i:02d}'), '是' if i % 2 == 0 else '否'] for i, d in enumerate(dates)]
    return {sheet: grid(rows)}


def gnumeric_file(src, path):
    subprocess.run(['ssconvert', '--export-type=Gnumeric_Excel:xlsx2', src, path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    p = os.path.join(OUT, 'openpyxl.xlsx')
    expected['openpyxl.xlsx'] = openpyxl_file(p)
    g = os.path.join(OUT, 'gnumeric.xlsx')
    gnumeric_file(p, g)
    # Gnumeric keeps the values (its dropdowns and formats are its own business).
    expected['gnumeric.xlsx'] = expected['openpyxl.xlsx']
    expected['xlsxwriter.xlsx'] = xlsxwriter_file(os.path.join(OUT, 'xlsxwriter.xlsx'))
    expected['libreoffice-1904.xlsx'] = libreoffice_file(os.path.join(OUT, 'libreoffice-1904.xlsx'), '加碼合約', '1904-01-01', False)
    expected['libreoffice-roc.xlsx'] = libreoffice_file(os.path.join(OUT, 'libreoffice-roc.xlsx'), '報名表', '1899-12-30', True)
    path = os.path.join(OUT, 'expected.json')
    old = {}
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            old = json.load(f)
    old.update(expected)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(old, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write('\n')
    print('wrote', ', '.join(sorted(expected)), file=sys.stderr)


main()
