"""Refresh guichet_en.ts from the source, keep every translation already written, compile .qm.

    .venv/bin/python resources/i18n/update_translations.py          # update .ts, build .qm
    .venv/bin/python resources/i18n/update_translations.py --check  # exit 1 if a string is
                                                                     # missing or unfinished

French is the source language. pyside6-lupdate reads desktop/ui/*.py and desktop/app.py; two
things it cannot see are fixed here:
- a module-level helper `def tr(text): return QCoreApplication.translate("ctx", text)`
  translates in the context "ctx", but lupdate files its calls under an empty context: they are
  moved to the context the helper names (found in the module's source);
- tables of literal strings passed to `tr()` later (outcome titles, reasons, weekdays) are not
  calls at all: the ones listed in LITERAL_TABLES are read from the modules and added. New code
  should rather mark such literals with QT_TRANSLATE_NOOP("ctx", "texte"), which lupdate reads.
Translate in Qt Linguist (pyside6-linguist resources/i18n/guichet_en.ts) or by hand, then
rerun this script.
"""

import argparse
import ast
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

# module -> {table: the positions of the texts in each value (None: every string in it)}.
LITERAL_TABLES: dict[str, dict[str, tuple[int, ...] | None]] = {
    "wording": {"_REFUSALS": (0, 1)},
    "handout_wording": {"_REASONS": None, "_REFUSALS": None, "_WEEKDAYS": None},
    "caterer_screen": {"_REFUSALS": (0, 1)},  # (title, detail, sound)
    "journal_screen": {"_KIND_WORDS": None},  # the kinds of fact (journal_view.KIND_WORDS)
}

Key = tuple[str, str]  # (context, French source)


def sources() -> list[Path]:
    return [*sorted((ROOT / "desktop" / "ui").glob("*.py")), ROOT / "desktop" / "app.py"]


def _strings(value: object, positions: tuple[int, ...] | None = None) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item, positions)
    elif isinstance(value, tuple | list):
        if positions is not None and value and all(isinstance(v, str) for v in value):
            value = [value[i] for i in positions]
        for item in value:
            yield from _strings(item, positions)


def literal_strings() -> dict[str, list[str]]:
    """Module -> the literal strings of its tables above, in order, without repeats."""
    sys.path.insert(0, str(ROOT))
    found: dict[str, list[str]] = {}
    for module_name, tables in LITERAL_TABLES.items():
        try:
            module = importlib.import_module(f"desktop.ui.{module_name}")
        except ModuleNotFoundError:
            continue
        seen: list[str] = []
        for table, positions in tables.items():
            strings = _strings(getattr(module, table), positions)
            seen.extend(s for s in strings if s not in seen)
        found[module_name] = seen
    return found


def helper_context(path: Path) -> str | None:
    """The context named by a module-level `def tr(...)` calling translate("ctx", ...)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "translate"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                    and isinstance(call.args[0].value, str)
                ):
                    return call.args[0].value
    return None


def borrowed_contexts(path: Path, line: int) -> list[str]:
    """For `def f(..., tr)` at module level (a helper given a widget's `self.tr`): the classes
    whose methods call f(..., self.tr), each one a context of the strings at `line` in f."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    function = next(
        (
            node
            for node in tree.body
            if isinstance(node, ast.FunctionDef)
            and node.lineno <= line <= (node.end_lineno or node.lineno)
            and any(arg.arg == "tr" for arg in node.args.args + node.args.kwonlyargs)
        ),
        None,
    )
    if function is None:
        return []
    callers = set()
    for cls in (node for node in tree.body if isinstance(node, ast.ClassDef)):
        for call in ast.walk(cls):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name)
                and call.func.id == function.name
                and any(
                    isinstance(arg, ast.Attribute)
                    and arg.attr == "tr"
                    and isinstance(arg.value, ast.Name)
                    and arg.value.id == "self"
                    for arg in [*call.args, *(k.value for k in call.keywords)]
                )
            ):
                callers.add(cls.name)
    return sorted(callers)


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
            contexts = [name] if name else []
            if not contexts and path.is_file():
                helper = helper_context(path)
                line = int(location.get("line", "0")) if location is not None else 0
                contexts = [helper] if helper else borrowed_contexts(path, line)
            if not contexts:
                raise SystemExit(f"tr() sans contexte ni fonction tr(...) : {path}")
            for context_name in contexts:
                found.setdefault((context_name, source), _relative(path))
    for module_name, strings in literal_strings().items():
        path = ROOT / "desktop" / "ui" / f"{module_name}.py"
        context_name = helper_context(path) or module_name
        for source in strings:
            found.setdefault((context_name, source), _relative(path))
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
