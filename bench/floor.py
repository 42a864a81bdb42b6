"""The floor app of ``python -m bench --browser``: the least a Streamlit page can do.

One slider redrawing one 200-point plotly line chart. The benchmark serves it beside the dlviz
app, with the same server configuration, and gives every dlviz figure as a ratio to this one's.
A Streamlit script (``streamlit run bench/floor.py``), not a module to import.
"""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="floor", layout="wide")  # the dlviz pages are wide too
a = st.slider("a", 0.0, 10.0, 5.0, 0.1, key="a")
x = np.linspace(0.0, 10.0, 200)
st.plotly_chart(go.Figure(go.Scatter(x=x, y=np.sin(a * x), mode="lines")), key="chart")
