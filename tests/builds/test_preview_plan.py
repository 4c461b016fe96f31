"""What a preview plans when entries have problems: the good entries as a build would, each
broken one as a page naming its problems where its page would be, never no plan at all;
a build of the same news still refuses (tests/builds/test_build_behaviour.py)."""

from __future__ import annotations

from newsroom.pipeline import plan_build
from newsroom.plan.problem_pages import PROBLEMS_PAGE, ProblemsView, problems_json
from tests.helpers import identity, write_entry

GOOD = "title: ข่าว\ndate: 2020-11-06\nauthor: ก ไก่\nprovince: น่าน"


def _preview(project):
    return plan_build(project, identity(), include_drafts=True, docs_dir=project / "docs",
                      preview=True)


def test_broken_entries_are_left_out_and_named_on_their_pages(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    write_entry(project, "2564/2020-11-07-typo.md", GOOD.replace("น่าน", "น่านน"))
    write_entry(project, "2564/2020-11-08-yaml.md", GOOD.replace("title: ข่าว", "title: ข่าว: ด่วน"))
    # a good entry whose link leads to a broken one is left out too: the link would go nowhere
    write_entry(project, "2564/2020-11-09-links.md", GOOD, body="ดู [ข่าว](2020-11-07-typo.md)")
    plan, problems = plan_build(project, identity(), include_drafts=True,
                                docs_dir=project / "docs")
    assert plan is None and problems                           # not a preview: no plan
    plan, problems = _preview(project)
    assert problems == [] and plan is not None
    pages = plan.site.by_uri()
    assert [e.slug for e in plan.archive.entries] == ["2020-11-06-nan"]
    for slug, field in [("2020-11-07-typo", "province"), ("2020-11-08-yaml", "front matter"),
                        ("2020-11-09-links", "body")]:
        page = pages[f"news/{slug}/index.md"]
        assert isinstance(page.view, ProblemsView) and page.view.overview is not None
        (shown,) = page.view.files
        assert shown.path == f"news/2564/{slug}.md"
        assert [p.field for p in shown.problems] == [field]
    overview = pages[PROBLEMS_PAGE].view
    assert [f.path for f in overview.files] == [
        "news/2564/2020-11-07-typo.md", "news/2564/2020-11-08-yaml.md",
        "news/2564/2020-11-09-links.md"]
    assert problems_json(plan.problems)["problems"] == 3
    # the search index and the archives hold only what is published
    assert len(plan.search) == 1
    assert "provinces/nan/index.md" in pages


def test_a_preview_of_nothing_but_broken_entries_still_answers(project):
    write_entry(project, "2564/2020-11-07-typo.md", GOOD.replace("น่าน", "น่านน"))
    plan, problems = _preview(project)
    assert problems == [] and plan.archive.entries == []
    assert "index.md" in plan.site.by_uri() and "news/2020-11-07-typo/index.md" in plan.site.by_uri()


def test_without_problems_the_preview_plans_what_a_build_plans(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    plan, _ = _preview(project)
    built, _ = plan_build(project, identity(), include_drafts=True, docs_dir=project / "docs")
    preview_only = set(plan.site.by_uri()) - set(built.site.by_uri())
    assert preview_only == {PROBLEMS_PAGE}
    assert problems_json(plan.problems) == {**problems_json([]), "problems": 0}
    assert plan.site.by_uri()[PROBLEMS_PAGE].view.files == ()


def test_a_docs_file_where_a_page_would_go_keeps_its_place_in_a_preview(project):
    write_entry(project, "2564/2020-11-06-nan.md", GOOD)
    (project / "docs" / "years").mkdir()
    (project / "docs" / "years" / "2564.md").write_text("# x", encoding="utf-8")
    plan, problems = _preview(project)
    assert problems == []
    pages = plan.site.by_uri()
    assert "years/2564/index.md" not in pages and "years/index.md" in pages
    assert "news/2020-11-06-nan/index.md" in pages
    assert [(p.path, p.field) for p in plan.problems] == [("docs/years/2564.md", "url")]
