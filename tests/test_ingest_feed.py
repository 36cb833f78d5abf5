"""RSS/Atom reader: each entry saved in a feed file becomes an article."""

from __future__ import annotations

from selon.ingest import read_inputs
from selon.ingest.feed import fragment_text

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Le Quotidien du Sahel</title><link>https://example.org</link>
<item><title>Bamako expulse l'ambassadeur</title><link>https://example.org/a</link>
<pubDate>Tue, 31 Jan 2023 10:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>Le gouvernement malien a annoncé l'expulsion de
l'ambassadeur.</p><p>Paris a protesté.</p>]]></content:encoded></item>
<item><title>Sans date</title><link>https://example.org/b</link>
<description>Le Niger a rappelé son ambassadeur à Abidjan.</description></item>
<item><title>Vide</title><link>https://example.org/c</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Revue</title>
<entry><title>Sommet à Addis-Abeba</title><link href="https://example.org/atom1"/>
<updated>2024-02-17T08:00:00Z</updated>
<summary type="html">&lt;p&gt;L'Union africaine a suspendu le Gabon.&lt;/p&gt;</summary></entry>
</feed>"""


def test_ingest_feed_rss_entries(tmp_path):
    path = tmp_path / "sahel.rss"
    path.write_text(RSS, encoding="utf-8")
    articles = list(read_inputs([str(path)], published="2024-01-01"))
    assert len(articles) == 3
    first, second, empty = articles
    assert first.url == "https://example.org/a" and first.published == "2023-01-31"
    assert first.outlet == "Le Quotidien du Sahel" and first.title == "Bamako expulse l'ambassadeur"
    assert first.text.split("\n\n") == [
        "Le gouvernement malien a annoncé l'expulsion de l'ambassadeur.", "Paris a protesté."
    ]
    assert second.published == "2024-01-01"  # the option only fills in undated entries
    assert empty.errors and "no text" in empty.errors[0].message


def test_ingest_feed_atom_sniffed_by_content(tmp_path):
    path = tmp_path / "revue.xml"
    path.write_text(ATOM, encoding="utf-8")
    (article,) = read_inputs([str(path)])
    assert article.url == "https://example.org/atom1" and article.published == "2024-02-17"
    assert article.text == "L'Union africaine a suspendu le Gabon."


def test_ingest_feed_unreadable_is_an_error(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><item>", encoding="utf-8")
    (article,) = read_inputs([str(path)])
    assert article.errors and "feed" in article.errors[0].message


def test_fragment_text_keeps_paragraphs():
    assert fragment_text("<div>Un<br>deux</div><ul><li>trois</li></ul>") == "Un deux\n\ntrois"
