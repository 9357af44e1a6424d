"""Communities: the catalog, a big community's page, a wiki page with 100 revisions, files.

    .venv/bin/python bench/communities.py --db sqlite:////work/bench-copy.sqlite3
    .venv/bin/python bench/communities.py --db postgresql://postgres@127.0.0.1:5432/kollega_bench_copy

Run it on a COPY of a seeded database: the first run writes what the seed does not make
(in the community with the most members: a wiki page edited 100 times through
kollega.wiki.actions and 200 small text files uploaded through kollega.files.actions);
later runs find them and add nothing. Pages are timed through django.test.Client with a
signed-in member (force_login), so the figures include middleware and templates.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

WIKI_TITLE = "Benchmark runbook"
REVISIONS = 100
FILES = 200


def _wiki_page(place, author):
    from kollega.wiki import actions
    from kollega.wiki.models import WikiPage

    page = WikiPage.objects.filter(place=place, item__title=WIKI_TITLE).first()
    if page is None:
        body = "# Runbook\n\nWhat to do when the build breaks.\n"
        page = actions.create_page(author, place, title=WIKI_TITLE, body=body, tags="runbook")
    while page.revision_number < REVISIONS:
        page.refresh_from_db()
        number = page.revision_number + 1
        body = page.item.body + f"\n{number}. Step {number}: check the logs of stage {number}.\n"
        actions.edit_page(author, page, body=body, note=f"Step {number}")
        page.refresh_from_db()
    return page


def _files(place, author) -> int:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kollega.content.models import Item
    from kollega.files import actions

    have = Item.objects.filter(place=place, kind=Item.Kind.FILE, author=author).count()
    for n in range(have, FILES):
        upload = SimpleUploadedFile(
            f"notes-{n:03}.txt", f"Meeting notes {n}\n\nDecisions and actions.\n".encode(),
            content_type="text/plain",
        )  # fmt: skip
        actions.upload_file(author, place, upload, description=f"Notes of meeting {n}")
    return FILES - have


def main() -> None:
    args = harness.parser(__doc__.splitlines()[0]).parse_args()
    harness.setup(args.db)
    load_before = harness.load()
    from django.core.paginator import Paginator
    from django.db.models import Count

    from kollega.content.models import Item
    from kollega.places.models import Membership, Place
    from kollega.places.queries import catalog
    from kollega.web import communities
    from kollega.wiki.queries import page_view

    rng = random.Random(args.seed)
    big = Place.objects.filter(kind="community", access="open").order_by("-member_count").first()
    members = list(
        Membership.objects.filter(place=big).select_related("person__user").order_by("pk")
    )
    author = next(m.person for m in members if m.role == "owner")
    viewers = [m.person for m in rng.sample(members, min(5, len(members)))]
    print(f"Community {big.slug!r}: {big.member_count} members, {big.items.count()} items")
    # The forum tab is timed on the community with the most content too.
    busiest = Place.objects.get(
        pk=Item.objects.filter(place__kind="community", place__access="open")
        .values("place_id").annotate(n=Count("id")).order_by("-n")[0]["place_id"]
    )  # fmt: skip
    print(f"Community {busiest.slug!r}: {busiest.member_count} members, "
          f"{busiest.items.count()} items")  # fmt: skip
    page = _wiki_page(big, author)
    added = _files(big, author)
    print(f"Wiki page {page.slug!r}: {page.revision_number} revisions; {added} files uploaded")
    clients = [harness.client_for(v) for v in viewers]

    def catalog_page(sort):
        def run(viewer):
            places = Paginator(catalog(viewer, sort=sort), 30).get_page(1)
            communities.mark_catalog(viewer, places.object_list)
            return list(places)

        return harness.cycling(run, viewers)

    def pages(url):
        return harness.cycling(lambda get: get(), [harness.page(c, url) for c in clients])

    wiki_url = f"/places/{big.slug}/wiki/{page.slug}/"
    rows = {
        "catalog, by activity (first 30)": harness.timed(catalog_page("activity"), args.runs),
        "catalog, by name (first 30)": harness.timed(catalog_page("name"), args.runs),
        "catalog page /places/ (Client)": harness.timed(pages("/places/"), args.runs),
        "catalog page /places/?sort=name (Client)": harness.timed(
            pages("/places/?sort=name"), args.runs
        ),
        "forum tab query (forum_page, first 20)": harness.timed(
            harness.cycling(lambda v: communities.forum_page(v, big).items, viewers), args.runs
        ),
        "forum tab query, busiest community": harness.timed(
            harness.cycling(lambda v: communities.forum_page(v, busiest).items, viewers), args.runs
        ),
        f"community page /places/{big.slug}/ (Client)": harness.timed(
            pages(f"/places/{big.slug}/"), args.runs
        ),
        f"community page /places/{busiest.slug}/ (Client)": harness.timed(
            pages(f"/places/{busiest.slug}/"), args.runs
        ),
        "wiki page_view (100 revisions)": harness.timed(
            harness.cycling(lambda v: page_view(v, big, page.slug), viewers), args.runs
        ),
        "wiki page, 100 revisions (Client)": harness.timed(pages(wiki_url), args.runs),
        f"files list, {FILES} files (Client)": harness.timed(
            pages(f"/places/{big.slug}/files/"), args.runs
        ),
    }
    harness.report("Communities", rows, load_before)


if __name__ == "__main__":
    main()
