"""dlviz home page: what the lab is, the map from lecture sections to pages, how to use it in class."""

import streamlit as st

from dlviz import nav, ui

page = ui.Page(title_key="app.title")
t = page.t

st.markdown(t("home.intro"))
st.header(t("home.map"))
WIDTHS = [3, 2, 4]
for column, key in zip(st.columns(WIDTHS), ("section", "page", "example"), strict=True):
    column.markdown(f"**{t(f'home.col.{key}')}**")
for info in nav.pages():
    section, link, example = st.columns(WIDTHS, vertical_alignment="center", border=False)
    section.markdown(t(info.section_key))
    link.page_link(info.script, label=t(info.title_key), query_params={"lang": page.lang})
    example.markdown(t(info.example_key))
st.header(t("home.class"))
st.markdown(t("home.class.body"))
