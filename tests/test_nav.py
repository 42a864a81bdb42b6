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
