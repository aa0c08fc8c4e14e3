"""Refresh guichet_en.ts from the source, keep every translation already written, compile .qm.

    .venv/bin/python resources/i18n/update_translations.py          # update .ts, build .qm
    .venv/bin/python resources/i18n/update_translations.py --check  # exit 1 if a string is
                                                                     # missing or unfinished

French is the source language. pyside6-lupdate reads desktop/ui/*.py and desktop/app.py; two
things it cannot see are fixed here:
- the module-level `tr()` helpers of wording.py and handout_wording.py translate in the context
  named after their module ("wording", "handout_wording"), but lupdate files them under an
  empty context: they are moved to the module's context;
- the tables of literal strings those modules pass to `tr()` (outcome titles, reasons,
  weekdays) are not calls at all: they are read from the modules themselves and added.
Translate in Qt Linguist (pyside6-linguist resources/i18n/guichet_en.ts) or by hand, then
rerun this script.
"""

import argparse
import importlib
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "guichet_en.ts"
QM = HERE / "guichet_en.qm"
BIN = Path(sys.executable).parent

# Modules whose `tr()` is QCoreApplication.translate(<module name>, text), and the tables of
# literal strings each one passes to it.
MODULE_CONTEXTS = {
    "wording": ("_REFUSALS",),
    "handout_wording": ("_REASONS", "_REFUSALS", "_WEEKDAYS"),
}

Key = tuple[str, str]  # (context, French source)


def sources() -> list[Path]:
    return [*sorted((ROOT / "desktop" / "ui").glob("*.py")), ROOT / "desktop" / "app.py"]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)


def literal_strings() -> dict[str, list[str]]:
    """Context -> the literal strings of the tables above, in order, without repeats."""
    sys.path.insert(0, str(ROOT))
    found: dict[str, list[str]] = {}
    for module_name, tables in MODULE_CONTEXTS.items():
        module = importlib.import_module(f"desktop.ui.{module_name}")
        seen: list[str] = []
        for table in tables:
            seen.extend(s for s in _strings(getattr(module, table)) if s not in seen)
        found[module_name] = seen
    return found


def extract() -> dict[Key, str]:
    """(context, source) -> location file, relative to this folder, from lupdate."""
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.ts"
        subprocess.run(
            [
                str(BIN / "pyside6-lupdate"),
                *map(str, sources()),
                "-locations",
                "absolute",
                "-ts",
                str(raw),
            ],
            check=True,
            capture_output=True,
        )
        root = ET.parse(raw).getroot()
        base = Path(tmp).resolve()
    found: dict[Key, str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            location = message.find("location")
            filename = Path(location.get("filename", "")) if location is not None else Path()
            path = (base / filename).resolve() if filename.parts else ROOT
            if not name:
                name_here = path.stem
                if name_here not in MODULE_CONTEXTS:
                    raise SystemExit(f"tr() sans contexte hors de {list(MODULE_CONTEXTS)} : {path}")
            else:
                name_here = name
            found.setdefault((name_here, source), _relative(path))
    for context_name, strings in literal_strings().items():
        where = _relative(ROOT / "desktop" / "ui" / f"{context_name}.py")
        for source in strings:
            found.setdefault((context_name, source), where)
    return found


def _relative(path: Path) -> str:
    try:
        return str(Path("..", "..", path.relative_to(ROOT)))
    except ValueError:
        return str(path)


def existing_translations(ts: Path = TS) -> dict[Key, str]:
    if not ts.exists():
        return {}
    done: dict[Key, str] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = translation.text if translation is not None else None
            if text and (translation is None or translation.get("type") != "unfinished"):
                done[(name, message.findtext("source") or "")] = text
    return done


def write_ts(found: dict[Key, str], done: dict[Key, str], ts: Path = TS) -> list[Key]:
    """Write the .ts (contexts and messages sorted); returns the untranslated keys."""
    root = ET.Element("TS", version="2.1", language="en_GB", sourcelanguage="fr_FR")
    missing: list[Key] = []
    for context_name in sorted({c for c, _ in found}):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for (c, source), where in sorted(found.items(), key=lambda kv: kv[0][1].casefold()):
            if c != context_name:
                continue
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "location", filename=where)
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            if (c, source) in done:
                translation.text = done[(c, source)]
            else:
                translation.set("type", "unfinished")
                missing.append((c, source))
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return missing


def release(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="vérifier sans rien écrire")
    args = parser.parse_args()
    found = extract()
    done = existing_translations()
    if args.check:
        missing = [key for key in found if key not in done]
        for context, source in missing:
            print(f"non traduit : [{context}] {source!r}", file=sys.stderr)
        return 1 if missing else 0
    missing = write_ts(found, done)
    release()
    print(f"{len(found)} chaînes, {len(missing)} à traduire : {TS.name}, {QM.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
