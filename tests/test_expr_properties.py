"""Property tests for the formula parser (issue #12): any text gives a formula or an ExprError,
never another exception; any tree prints as text that parses back to the same tree."""

from hypothesis import given, settings
from hypothesis import strategies as st

from dlviz.expr import MAX_DEPTH, ExprError, parse
from dlviz.exprtree import CONSTANTS, FUNCTIONS, VARIABLES, Bin, Call, Const, Neg, Num, Var, to_text

# What students type: the parser's own alphabet, mixed with anything Unicode has.
FORMULA_CHARACTERS = st.sampled_from(list("xy0123456789.e+-*/^() πsincotaxplgqrbhmd,·²√ \t"))
TEXT = st.one_of(st.text(max_size=120), st.text(FORMULA_CHARACTERS, max_size=120))


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_any_text_is_a_formula_or_an_expr_error(text):
    try:
        expr = parse(text)
    except ExprError as error:
        assert str(error)  # a message that says what is wrong
    else:
        assert parse(str(expr)).tree == expr.tree


LEAVES = st.one_of(
    st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda v: Num(float(v))),
    st.sampled_from(sorted(CONSTANTS)).map(Const),
    st.sampled_from(VARIABLES).map(Var),
)
TREES = st.recursive(
    LEAVES,
    lambda inner: st.one_of(
        inner.map(Neg),
        st.builds(Bin, st.sampled_from("+-*/^"), inner, inner),
        st.builds(Call, st.sampled_from(FUNCTIONS), inner),
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(TREES)
def test_printed_trees_parse_back_to_the_same_tree(tree):
    text = to_text(tree)
    try:
        parsed = parse(text)
    except ExprError as error:  # only the parser's own limits may refuse a printed tree
        assert "too" in str(error) and (len(text) > 300 or text.count("(") >= MAX_DEPTH // 2)
    else:
        assert parsed.tree == tree, text
