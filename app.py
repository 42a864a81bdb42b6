"""dlviz home page: what the lab is, the map from lecture sections to pages, how to use it in class."""

import streamlit as st

from dlviz import nav, ui

page = ui.Page(title_key="app.title")
t = page.t

st.markdown(t("home.intro"))
st.header(t("home.map"))
WIDTHS = [3, 3, 4]
for column, key in zip(st.columns(WIDTHS), ("section", "page", "example"), strict=True):
    column.markdown(f"**{t(f'home.col.{key}')}**")
for info in nav.pages():
    section, links, example = st.columns(WIDTHS, vertical_alignment="top", border=False)
    section.markdown(t(info.section_key))
    with links:  # the page, then each of its sections by its own link (?tab=)
        st.page_link(info.script, label=f"**{t(info.title_key)}**",
                     query_params={"lang": page.lang})  # fmt: skip
        for key, label in info.sections(page.lang).items():
            st.page_link(info.script, label=label, icon=":material/subdirectory_arrow_right:",
                          query_params={"lang": page.lang, "tab": key})  # fmt: skip
    example.markdown(t(info.example_key))
st.header(t("home.class"))
st.markdown(t("home.class.body"))
