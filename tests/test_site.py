"""`geojourney build`: a folder of articles to a static site; byte-identical, incremental, parallel, robust."""

from __future__ import annotations

import shutil

from conftest import CORRIDOR, EXAMPLES, STATIONS, run_cli


def make_src(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(EXAMPLES / "kim-vladivostok-2019.ko.txt", src / "kim-2019.txt")
    shutil.copy(EXAMPLES / "scholz-kyiv-2022.de.txt", src / "scholz.txt")
    (src / "kim-2023.md").write_text("---\ntitle: \"Kim's train <to> Russia\"\ndate: 2023-09-12\n"
                                     "source_url: https://example.org/kim\n---\n"
                                     + (EXAMPLES / "kim-russia-2023.hi.txt").read_text("utf-8"), "utf-8")
    return src


def build(src, site, *extra):
    return run_cli("build", src, "-o", site, "--rail", CORRIDOR, "--gazetteer", STATIONS, *extra)


def snapshot(site):
    return {p.name: p.read_bytes() for p in sorted(site.iterdir())}


def test_three_articles_make_an_index_of_three_maps_and_rebuild_identically(tmp_path):
    src, site = make_src(tmp_path), tmp_path / "site"
    res = build(src, site)
    assert res.returncode == 0, res.stderr.decode()
    assert b"built 3, skipped 0" in res.stderr
    index = (site / "index.html").read_text("utf-8")
    for slug in ("kim-2019", "kim-2023", "scholz"):
        assert f'href="{slug}.html"' in index and f'href="{slug}.geojson"' in index
        assert (site / f"{slug}.html").read_text("utf-8").count("L.marker(") >= 3
    assert "Kim&#x27;s train &lt;to&gt; Russia" in index  # front matter title, escaped
    page = (site / "kim-2023.html").read_text("utf-8")
    assert "https://example.org/kim" in page and "2023-09-10" in page  # source link; dated by the front matter
    first = snapshot(site)
    again = build(src, site)
    assert b"built 0, skipped 3 unchanged" in again.stderr
    assert snapshot(site) == first
    # a fresh build elsewhere gives the same bytes, serially too
    other = tmp_path / "other"
    build(src, other, "--jobs", "1")
    assert snapshot(other) == first


def test_only_the_changed_article_is_rendered_again(tmp_path):
    src, site = make_src(tmp_path), tmp_path / "site"
    build(src, site)
    (src / "scholz.txt").write_text((src / "scholz.txt").read_text("utf-8").replace("Kiew", "Kyjiw"), "utf-8")
    res = build(src, site)
    assert b"built 1, skipped 2 unchanged" in res.stderr


def test_a_broken_article_is_reported_and_the_rest_built(tmp_path):
    src, site = make_src(tmp_path), tmp_path / "site"
    (src / "broken.txt").write_bytes(b"\xff\xfe\x00binary")
    (src / "noplace.txt").write_text("Nothing happened here at all.", "utf-8")
    res = build(src, site)
    assert res.returncode == 1
    err = res.stderr.decode()
    assert "skipped broken.txt" in err and "skipped noplace.txt" in err and "built 3" in err
    assert (site / "scholz.html").is_file() and not (site / "broken.html").exists()


def test_dask_engine_gives_the_same_site(tmp_path):
    src = make_src(tmp_path)
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert build(src, local).returncode == 0
    res = build(src, dask, "--engine", "dask")
    assert res.returncode == 0, res.stderr.decode()
    assert snapshot(dask) == snapshot(local)


def test_places_jsonl_one_line_per_document_bad_lines_skipped_same_on_dask(tmp_path):
    import json

    lines = [json.dumps({"id": "a", "text": "The train left Pyongyang for Vladivostok."}),
             "this is not json",
             json.dumps({"id": 7, "text": "Поезд прибыл в Хабаровск.", "lang": "ru"}),
             json.dumps({"id": "c"}),
             json.dumps({"id": "d", "text": ""})]
    src = tmp_path / "docs.jsonl"
    src.write_text("\n".join(lines) + "\n", "utf-8")
    res = run_cli("places", "--jsonl", src)
    assert res.returncode == 1  # lines were skipped, the rest done
    out = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["a", 7, "d"]
    assert [p["name"] for p in out[0]["places"]] == ["Pyongyang", "Vladivostok"]
    assert {"start", "end", "text", "name", "lat", "lon"} <= set(out[1]["places"][0])
    assert out[2]["places"] == []
    err = res.stderr.decode()
    assert "skipped line 2: not JSON" in err and "skipped line 4" in err
    piped = run_cli("places", "--jsonl", "-", stdin=src.read_bytes())
    assert piped.stdout == res.stdout
    on_dask = run_cli("places", "--jsonl", src, "--engine", "dask")
    assert on_dask.stdout == res.stdout
