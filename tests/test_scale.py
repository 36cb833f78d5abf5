"""`selon ingest --dask`: a 2-worker LocalCluster gives the rows of a local ingest."""

from __future__ import annotations

import pytest

from selon.store import open_store
from selon.store.ingest import ingest

TEXTS = [
    "Selon l'armée ukrainienne, la Russie a bombardé Kharkiv dans la nuit de lundi.",
    "Emmanuel Macron a rencontré Olaf Scholz à Berlin pour discuter de l'aide à l'Ukraine.",
    "Le Mali a expulsé l'ambassadeur de France, a annoncé le gouvernement de transition.",
    "La Chine a menacé Taïwan de représailles après la visite d'une délégation américaine.",
    "Les États-Unis ont imposé de nouvelles sanctions à l'Iran, selon le Trésor américain.",
    "The weather in London was rainy, the forecasters said on Tuesday morning.",
]


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster


@pytest.mark.slow
def test_scale_dask_ingest_equals_local(nlp, cluster, tmp_path):
    from selon.scale import ingest_dask

    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"a{i}.txt").write_text(text, encoding="utf-8")
    local, dask = tmp_path / "local.db", tmp_path / "dask.db"
    ingest([str(folder)], local, published="2024-03-12", nlp=nlp)
    shards = tmp_path / "shards"
    summary = ingest_dask([str(folder)], cluster.scheduler_address, dask, shards,
                          published="2024-03-12", batch_size=2)
    assert summary.added == 6 and summary.failed == 1
    assert list(shards.iterdir()) == []  # shards are removed once loaded
    a, b = open_store(local), open_store(dask)
    for table in a.counts():
        assert a.table_rows(table) == b.table_rows(table), table
    again = ingest_dask([str(folder)], cluster.scheduler_address, dask, published="2024-03-12")
    assert again.added == 0 and again.skipped == 6
