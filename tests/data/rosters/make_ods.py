"""Remake the OpenDocument fixtures of this folder with a real LibreOffice (see README.md).

Not part of the test suite, nor of CI: the .ods files it writes are committed. It needs, on
the developer's machine only:

    apt-get install -y --no-install-recommends libreoffice-calc-nogui python3-uno

then, from the repository root: `.venv/bin/python tests/data/rosters/make_ods.py`.

The sources are written here as flat OpenDocument (.fods), CSV or text, so that every cell
type is chosen on purpose; LibreOffice opens each one and saves it in its own .ods form
(its own styles, repeated empty rows and columns, string-value attributes...): what the tests
read is what Calc writes. The password-protected one goes through LibreOffice's UNO API,
the only way to save with a password without a screen.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"'
)
STYLES = """<office:automatic-styles>
 <number:percentage-style style:name="N10"><number:number number:decimal-places="0"
  number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
 <number:currency-style style:name="N11"><number:number number:decimal-places="2"
  number:min-integer-digits="1" number:grouping="true"/><number:text> </number:text>
  <number:currency-symbol number:language="fr" number:country="FR">€</number:currency-symbol>
 </number:currency-style>
 <number:date-style style:name="N12"><number:day number:style="long"/><number:text>/</number:text>
  <number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/>
 </number:date-style>
 <number:date-style style:name="N13"><number:day number:style="long"/><number:text>/</number:text>
  <number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/>
  <number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text>
  <number:minutes number:style="long"/></number:date-style>
 <number:time-style style:name="N14"><number:hours number:style="long"/><number:text>:</number:text>
  <number:minutes number:style="long"/></number:time-style>
 <number:boolean-style style:name="N15"><number:boolean/></number:boolean-style>
 <number:number-style style:name="N16"><number:number number:decimal-places="2"
  number:min-integer-digits="1" number:grouping="true"/></number:number-style>
 <style:style style:name="pct" style:family="table-cell" style:data-style-name="N10"/>
 <style:style style:name="eur" style:family="table-cell" style:data-style-name="N11"/>
 <style:style style:name="day" style:family="table-cell" style:data-style-name="N12"/>
 <style:style style:name="when" style:family="table-cell" style:data-style-name="N13"/>
 <style:style style:name="hour" style:family="table-cell" style:data-style-name="N14"/>
 <style:style style:name="bool" style:family="table-cell" style:data-style-name="N15"/>
 <style:style style:name="grouped" style:family="table-cell" style:data-style-name="N16"/>
</office:automatic-styles>"""


def fods(sheets: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
        f"{STYLES}<office:body><office:spreadsheet>{sheets}</office:spreadsheet></office:body>"
        "</office:document>\n"
    )


def s(text: str) -> str:
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def n(value: str, style: str = "") -> str:
    named = f' table:style-name="{style}"' if style else ""
    return f'<table:table-cell{named} office:value-type="float" office:value="{value}"/>'


def b(value: bool) -> str:
    flag = "true" if value else "false"
    return (
        '<table:table-cell table:style-name="bool" office:value-type="boolean" '
        f'office:boolean-value="{flag}"/>'
    )


def d(value: str) -> str:
    return f'<table:table-cell table:style-name="day" office:value-type="date" office:date-value="{value}"/>'


def row(*cells: str, hidden: bool = False) -> str:
    seen = ' table:visibility="collapse"' if hidden else ""
    return f"<table:table-row{seen}>{''.join(cells)}</table:table-row>"


EMPTY = "<table:table-cell/>"

# The roster as an office agent would type it in Calc: a merged title row, the header, members
# with typed cells (numbers, a boolean, a date of birth to drop, a formula, two-line note), a
# hidden row and a hidden column that are still read, and a second sheet that is not.
LISTE = fods(
    '<table:table table:name="Membres">'
    '<table:table-column table:number-columns-repeated="3"/>'
    '<table:table-column table:visibility="collapse"/>'  # D, Code postal: hidden
    '<table:table-column table:number-columns-repeated="6"/>'
    + row(
        '<table:table-cell office:value-type="string" table:number-columns-spanned="4" '
        'table:number-rows-spanned="1"><text:p>Convention citoyenne — tirage au sort du '
        "2 novembre 2023</text:p></table:table-cell>",
        '<table:covered-table-cell table:number-columns-repeated="3"/>',
    )
    + row(
        s("Identifiant"),
        s("Nom"),
        s("Prénom"),
        s("Code postal"),
        s("Commune"),
        s("Stationnement"),
        s("Pass"),
        s("Date de naissance"),
        s("Besoin d'assistance"),
        s("Note assistance"),
    )
    + row(
        n("101"),
        s("ALBERT"),
        s("Inès"),
        n("34000"),
        s("Montpellier"),
        b(True),
        s("7j/7"),
        d("1960-03-12"),
    )
    + row(
        n("102"),
        '<table:table-cell table:formula="of:=UPPER(&quot;Bousquet&quot;)" '
        'office:value-type="string" office:string-value="BOUSQUET"><text:p>BOUSQUET</text:p>'
        "</table:table-cell>",
        s("Léa"),
        n("34970"),
        s("Lattes"),
        b(False),
        s("week-end"),
        d("1988-07-01"),
        s("oui"),
        '<table:table-cell office:value-type="string"><text:p>Fauteuil :</text:p>'
        '<text:p>place<text:s text:c="3"/>près de la porte</text:p></table:table-cell>',
    )
    + row(
        n("103"),
        s("CAMBON"),
        s("Jean-Luc"),
        n("34430"),
        s("Saint-Jean-de-Védas"),
        b(False),
        EMPTY,
        d("1975-11-30"),
        hidden=True,
    )
    + row(n("104"), s("DELMAS"), s("Zoé"), EMPTY, s("Castelnau-le-Lez"), b(True), s("aucun"))
    + "</table:table>"
    '<table:table table:name="Coordonnées">'
    + row(s("Nom"), s("Téléphone"))
    + row(s("ALBERT"), s("06 11 22 33 44"))
    + "</table:table>"
)

# One sheet per kind of cell Calc writes, for the reader itself (tests/models/test_tabular_ods.py).
CELLULES = fods(
    '<table:table table:name="Cellules">'
    + row(s("entier"), n("34000", "grouped"))
    + row(s("décimal"), n("12.5"))
    + row(
        s("pourcentage"),
        '<table:table-cell table:style-name="pct" office:value-type="percentage" '
        'office:value="0.25"/>',
    )
    + row(
        s("monnaie"),
        '<table:table-cell table:style-name="eur" office:value-type="currency" '
        'office:currency="EUR" office:value="12.5"/>',
    )
    + row(s("date"), d("1960-03-12"))
    + row(
        s("date et heure"),
        '<table:table-cell table:style-name="when" office:value-type="date" '
        'office:date-value="2023-11-11T09:30:00"/>',
    )
    + row(
        s("heure"),
        '<table:table-cell table:style-name="hour" office:value-type="time" '
        'office:time-value="PT09H30M00S"/>',
    )
    + row(s("booléen"), b(True), b(False))
    + row(
        s("texte"),
        '<table:table-cell office:value-type="string"><text:p>Canne,<text:s text:c="2"/>place'
        " près de la <text:span>porte</text:span></text:p>"
        "<text:p>second paragraphe</text:p></table:table-cell>",
    )
    + row(
        s("lien et commentaire"),
        '<table:table-cell office:value-type="string"><office:annotation><dc:creator>Claire'
        "</dc:creator><text:p>ne pas importer</text:p></office:annotation>"
        '<text:p><text:a xmlns:xlink="http://www.w3.org/1999/xlink" '
        'xlink:href="https://example.org/" xlink:type="simple">site</text:a> web</text:p>'
        "</table:table-cell>",
    )
    + row(
        s("formule"),
        '<table:table-cell table:formula="of:=[.B1]+1" office:value-type="float" '
        'office:value="34001"/>',
    )
    + row(s("erreur"), '<table:table-cell table:formula="of:=1/0"/>')
    + row(s("code postal en texte"), s("34000"))
    + row(
        '<table:table-cell office:value-type="string" table:number-columns-spanned="2" '
        'table:number-rows-spanned="1"><text:p>fusion</text:p></table:table-cell>',
        '<table:covered-table-cell office:value-type="string"><text:p>caché</text:p>'
        "</table:covered-table-cell>",
    )
    + '<table:table-row table:number-rows-repeated="3">'
    + s("répété")
    + '<table:table-cell table:number-columns-repeated="2" office:value-type="string">'
    "<text:p>x</text:p></table:table-cell>"
    + '<table:table-cell table:number-columns-repeated="2"/>'
    + s("y")
    + "</table:table-row>"
    + "</table:table>"
    '<table:table table:name="Deuxième">' + row(s("autre")) + "</table:table>"
)

CSV = (
    "Nom;Prénom;Commune;Code postal;Stationnement;Date de naissance\n"
    "ESTÈVE;Raphaël;Saussan;34570;VRAI;12/03/1960\n"
    "FABRE;Manon;Jacou;34830;FAUX;01/07/1988\n"
)

UNO_SAVE = """
import sys, time, uno
from com.sun.star.beans import PropertyValue
def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p
source, target, port = sys.argv[1], sys.argv[2], sys.argv[3]
resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
    "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
for _ in range(100):
    try:
        ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.2)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                   (prop("Hidden", True),))
doc.storeToURL(uno.systemPathToFileUrl(target),
               (prop("FilterName", "calc8"), prop("Password", "secret")))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
"""


def convert(work: Path, source: Path, target: str, infilter: str | None = None) -> None:
    command = ["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", target.rsplit(".", 1)[1], "--outdir", str(work / "out")]
    subprocess.run([*command, str(source)], check=True, timeout=180)
    shutil.copy(work / "out" / f"{source.stem}.{target.rsplit('.', 1)[1]}", HERE / target)


def save_with_password(work: Path, source: Path, target: str) -> None:
    port = "2002"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{work}/profile",
            "--headless",
            f"--accept=socket,host=127.0.0.1,port={port};urp;",
        ]
    )
    try:
        subprocess.run(
            ["/usr/bin/python3", "-c", UNO_SAVE, str(source), str(HERE / target), port],
            check=True,
            timeout=180,
        )
    finally:
        try:
            office.wait(timeout=60)  # the UNO script asked it to quit
        except subprocess.TimeoutExpired:
            office.kill()


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name, text in (("calc-liste", LISTE), ("calc-cellules", CELLULES)):
            (work / f"{name}.fods").write_text(text, encoding="utf-8")
            convert(work, work / f"{name}.fods", f"{name}.ods")
        # Calc's CSV import as an office agent would do it: ';', UTF-8, French locale (1036),
        # so VRAI is a boolean, 12/03/1960 a date and 34570 a number.
        (work / "calc-depuis-csv.csv").write_text(CSV, encoding="utf-8")
        convert(work, work / "calc-depuis-csv.csv", "calc-depuis-csv.ods", "CSV:59,34,76,1,,1036")
        # The panel company's workbook opened in Calc and saved as .ods: Calc then writes the
        # rest of the sheet as a row repeated a million times.
        shutil.copy(HERE / "complet.xlsx", work / "calc-depuis-xlsx.xlsx")
        convert(work, work / "calc-depuis-xlsx.xlsx", "calc-depuis-xlsx.ods")
        (work / "mot-de-passe.fods").write_text(
            fods(
                '<table:table table:name="Membres">'
                + row(s("Nom"), s("Prénom"), s("Commune"))
                + row(s("ALBERT"), s("Inès"), s("Montpellier"))
                + "</table:table>"
            ),
            encoding="utf-8",
        )
        save_with_password(work, work / "mot-de-passe.fods", "calc-mot-de-passe.ods")
    for made in sorted(HERE.glob("calc-*.ods")):
        print(f"{made.name}: {made.stat().st_size} octets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
