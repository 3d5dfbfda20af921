"""The trainer's results, made to open in Swedish Excel: an .xlsx workbook (openpyxl), or a CSV
with semicolons, decimal commas and a UTF-8 BOM. Columns are named after the tasks themselves.
A trainee types their own name: no cell can ever become a formula."""

from __future__ import annotations

import csv
import io

from flask import Response
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from . import bp, classes
from .dashboard import _class_and_scenario, trainer_required

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _safe(value) -> str:
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _header(scenario) -> list[str]:
    return ["Namn", *[f"{i}. {classes.task_name(t)}" for i, t in enumerate(scenario.tasks, 1)],
            "Klara", "Tips", "Misstag", "Minuter", "Misstagen"]


def _rows(table: list[dict]):
    for r in table:
        yield r["name"], ["klar" if d else "" for d in r["tasks"]], \
            f"{r['done']} av {len(r['tasks'])}", r["hints"], r["mistakes"], r["minutes"], \
            classes.mistakes_text(r.get("mistake_list", []))


def to_csv(table: list[dict], scenario) -> str:
    """Semicolons and decimal commas, as Excel with Swedish settings reads a CSV."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(_header(scenario))
    for name, tasks, done, hints, mistakes, minutes, found in _rows(table):
        writer.writerow([_safe(name), *tasks, done, hints, mistakes,
                         "" if minutes is None else f"{minutes:.1f}".replace(".", ","), _safe(found)])
    return "\ufeff" + buf.getvalue()


def to_xlsx(table: list[dict], scenario, title: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Resultat"
    ws.append(_header(scenario))
    for name, tasks, done, hints, mistakes, minutes, found in _rows(table):
        ws.append([name, *tasks, done, hints, mistakes, minutes, found])
        for col in (1, ws.max_column):  # a name (or a quote) like '=…' stays text, never a formula
            ws.cell(ws.max_row, col).data_type = "s"
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 28
    for col in ws.iter_cols(min_col=2, max_col=ws.max_column):
        ws.column_dimensions[col[0].column_letter].width = 22
    for (cell,) in ws.iter_rows(min_row=2, min_col=ws.max_column - 1, max_col=ws.max_column - 1):
        cell.number_format = "0.0"
    ws.column_dimensions[ws.cell(1, ws.max_column).column_letter].width = 60
    ws.freeze_panes = "B2"
    wb.properties.title = title
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _download(body, mimetype: str, name: str) -> Response:
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f"attachment; filename={name}"})


@bp.get("/tranare/grupp/<int:class_id>/resultat.xlsx")
@trainer_required
def trainer_xlsx(class_id: int):
    db, klass, scenario = _class_and_scenario(class_id)
    body = to_xlsx(classes.rows(db, class_id, scenario), scenario, f"Resultat {klass['name']}")
    return _download(body, XLSX, f"resultat-{klass['code']}.xlsx")


@bp.get("/tranare/grupp/<int:class_id>/resultat.csv")
@trainer_required
def trainer_csv(class_id: int):
    db, klass, scenario = _class_and_scenario(class_id)
    body = to_csv(classes.rows(db, class_id, scenario), scenario)
    return _download(body, "text/csv", f"resultat-{klass['code']}.csv")
