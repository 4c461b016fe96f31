"""The province tile map keeps the compass: each tile's neighbours lie, by their capitals'
coordinates, the way the map shows them."""

from __future__ import annotations

import pytest

from newsroom.model.province import all_provinces
from newsroom.plan.charts import GRID, POSITIONS, tile_layout


def _where() -> dict[str, tuple[int, int]]:
    return {t.province.name_th: (t.col, t.row) for t in tile_layout()}


def test_every_province_has_one_cell_and_a_position():
    tiles = tile_layout()
    names = {p.name_th for p in all_provinces()}
    assert len(tiles) == 77 and len({(t.col, t.row) for t in tiles}) == 77
    assert {t.province.name_th for t in tiles} == names == set(POSITIONS)
    for lat, lon in POSITIONS.values():          # inside Thailand
        assert 5.5 < lat < 20.5 and 97.3 < lon < 105.7


def test_a_row_goes_west_to_east_and_a_column_north_to_south():
    where = _where()
    for a, (ca, ra) in where.items():
        for b, (cb, rb) in where.items():
            if ra == rb and cb > ca:
                assert POSITIONS[b][1] > POSITIONS[a][1], f"{b} is drawn east of {a}"
            if ca == cb and rb > ra:
                assert POSITIONS[b][0] < POSITIONS[a][0], f"{b} is drawn south of {a}"


def test_diagonal_neighbours_lie_that_way():
    """A tile's neighbour to the south-east is, by the map's own compass, more south-east
    than north-west of it (within 90° of the way the map shows it), and so on."""
    at = {cell: name for name, cell in _where().items()}
    for (c, r), a in at.items():
        for dc in (-1, 1):
            for dr in (-1, 1):
                b = at.get((c + dc, r + dr))
                if b is None:
                    continue
                east = POSITIONS[b][1] - POSITIONS[a][1]
                south = POSITIONS[a][0] - POSITIONS[b][0]
                assert east * dc + south * dr > 0, f"{b} is drawn {dc, dr} of {a}"


@pytest.mark.parametrize("north, south", [("เชียงใหม่", "ลำพูน"), ("กาฬสินธุ์", "ร้อยเอ็ด"),
                                          ("นนทบุรี", "กรุงเทพมหานคร"), ("ชุมพร", "สุราษฎร์ธานี")])
def test_the_provinces_a_reader_checks_first(north, south):
    where = _where()
    assert where[north][1] < where[south][1]


def test_the_grid_is_written_north_to_south_and_west_to_east():
    """GRID reads as the map looks: its lines in order, each line's columns rising."""
    for cells in GRID:
        cols = [c for c, _ in cells]
        assert cols == sorted(cols) and len(set(cols)) == len(cols)
