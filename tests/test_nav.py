"""The page map lists only pages that exist, with the URL path Streamlit serves them at."""

from dlviz import nav


def test_only_existing_pages_are_listed():
    listed = nav.pages()
    assert listed, "at least the Gradient page exists"
    assert all(page.exists() for page in listed)
    assert [p.script for p in listed] == [p.script for p in nav.ALL_PAGES if p.exists()]


def test_url_path_drops_number_prefix():
    assert nav.ALL_PAGES[0].url_path == "Gradient"
    assert nav.ALL_PAGES[1].url_path == "Gradient_descent"


def test_every_page_lists_its_sections_in_both_languages():
    for page in nav.pages():
        es, en = page.sections("es"), page.sections("en")
        assert len(es) >= 2, f"{page.script} has no sections (tab.<key> texts)"
        assert list(es) == list(en)  # the same keys, in the same order
        assert all(es.values()) and all(en.values())


def test_gradient_sections_open_on_the_slide():
    assert list(nav.ALL_PAGES[0].sections("en"))[0] == "point"
