"""Property tests: whatever the bytes, reading a roster returns problems instead of raising,
and an import with problems writes nothing."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.models.clock import fixed_clock
from desktop.models.communes import CommuneIndex, read_reference
from desktop.models.members import MENUS, PASS_STATUSES, STATUSES
from desktop.models.roster import MAX_CELL, import_roster, read_roster
from desktop.models.text import fold
from desktop.models.workspace import create_file

REFERENCE = read_reference()
COMMUNES = CommuneIndex(REFERENCE)
HEADER = "Nom;Prénom;Commune;Code postal;Statut;Pass;Menu;Stationnement\n"
BOUNDED = settings(max_examples=100, deadline=None)
CLOCK = fixed_clock(datetime(2023, 11, 11, 8, 12, tzinfo=UTC))


def check_parse(data: bytes, name: str = "liste.csv") -> None:
    """What every parse must satisfy: numbered problems, and rows that fit the schema."""
    parsed = read_roster(data, name, COMMUNES)
    for problem in parsed.errors:
        assert problem.message and (problem.line is None or problem.line >= 1)
    for row in parsed.rows:
        assert row.surname and row.first_name and row.line >= 2
        assert row.surname == row.surname.strip() and len(row.surname) <= MAX_CELL
        assert row.commune in REFERENCE
        assert row.status in STATUSES and row.pass_status in PASS_STATUSES
        assert row.menu in MENUS


@BOUNDED
@given(st.binary(max_size=4000))
def test_random_bytes_never_raise(data):
    check_parse(data)
    assert not read_roster(data, "liste.xlsx", COMMUNES).ok


@BOUNDED
@given(st.text(max_size=2000))
def test_random_text_never_raises(text):
    check_parse(text.encode("utf-8"))
    assert not read_roster(text.encode("utf-8"), "liste.csv", COMMUNES).ok


cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["Lattes", "St Jean de Vedas", "34160", "7j/7", "oui", "=1+1", '"', "\r"]),
)


@BOUNDED
@given(
    st.lists(st.lists(cell, max_size=10), max_size=30),
    st.sampled_from([";", ",", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_random_rows_under_a_real_header_never_raise(rows, delimiter, encoding):
    text = HEADER.replace(";", delimiter) + "\n".join(delimiter.join(r) for r in rows)
    check_parse(text.encode(encoding, errors="replace"))


@BOUNDED
@given(
    st.integers(min_value=MAX_CELL + 1, max_value=1_500_000),
    st.sampled_from(["x", "é", ";", '"', "\n", " ", "\x00"]),
    st.sampled_from([0, 1, 2]),
)
def test_huge_cells_and_lines_are_problems_not_crashes(size, char, column):
    cells = ["DUPONT", "Jean", "Lattes"]
    cells[column] = "A" + char * size
    parsed = read_roster((HEADER + ";".join(cells) + "\n").encode(), "liste.csv", COMMUNES)
    assert not parsed.ok or all(len(r.surname) <= MAX_CELL for r in parsed.rows)
    if char in "xé":
        assert not parsed.ok


names = (
    st.text(
        alphabet=st.sampled_from("abcdeéèêëfghijklmnoôöpqrstuùvwxyzçœABCÉÈDEFÀÇ '-"), max_size=20
    )
    .map(str.strip)
    .filter(bool)
)


@BOUNDED
@given(
    st.lists(st.tuples(names, names, st.sampled_from(REFERENCE)), min_size=1, max_size=20),
    st.sampled_from([";", ",", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_a_valid_roster_reads_back_exactly(people, delimiter, encoding):
    unique: dict[tuple[str, str, str], tuple[str, str, object]] = {}
    for surname, first_name, commune in people:
        if surname and first_name:
            unique.setdefault(
                (fold(surname), fold(first_name), commune.insee), (surname, first_name, commune)
            )
    people = list(unique.values())
    text = f"Nom{delimiter}Prénom{delimiter}Commune\r\n" + "".join(
        f'"{s}"{delimiter}"{f}"{delimiter}{c.name}\r\n' for s, f, c in people
    )
    parsed = read_roster(text.encode(encoding), "liste.csv", COMMUNES)
    assert parsed.ok, parsed.errors
    expected = [(" ".join(s.split()), " ".join(f.split()), c) for s, f, c in people]
    assert [(r.surname, r.first_name, r.commune) for r in parsed.rows] == expected


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory):
    db = create_file(tmp_path_factory.mktemp("roster") / "prop.guichet.sqlite")
    yield db
    db.close()


def _state(db) -> tuple[list[tuple], list[tuple], list[tuple]]:
    return (
        db.execute("SELECT * FROM members ORDER BY id").fetchall(),
        db.execute("SELECT * FROM badges ORDER BY token").fetchall(),
        db.execute("SELECT * FROM events ORDER BY id").fetchall(),
    )


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.binary(max_size=2000),
        st.lists(st.lists(cell, max_size=8), max_size=20).map(
            lambda rows: (HEADER + "\n".join(";".join(r) for r in rows)).encode()
        ),
    )
)
def test_an_import_with_problems_writes_nothing(shared_db, tmp_path_factory, data):
    path = Path(tmp_path_factory.getbasetemp()) / "propriete.csv"
    path.write_bytes(data)
    before = _state(shared_db)
    report = import_roster(shared_db, path, CLOCK)
    assert report.ok == (not report.errors)
    if not report.ok:
        assert _state(shared_db) == before
        assert (report.created, report.updated, report.withdrawn) == (0, 0, 0)
    assert not shared_db.conn.in_transaction
