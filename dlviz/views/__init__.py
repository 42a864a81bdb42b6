"""Cached work of the pages, one module per topic (``dlviz/views/<topic>.py``).

Each function is decorated once, at import, with Streamlit's ``st.cache_data`` or
``st.cache_resource`` (bounded by ``max_entries``): a page calls it with plain arguments (the
language as a code, never a translator) and gets back figures and tables shared by every session.
Figures are returned as they are (``cache_resource``): ``ui.Page.plot`` shows a restyled copy and
never changes them. The math stays in the pure modules; these only put it together and keep it.
"""
