"""Forward mode (n passes) against reverse mode (one pass) on f: Rⁿ → R, as n grows.

``python -m bench`` runs ``main()`` after the page table; it prints the seconds each mode needs
for the gradient of ``dlviz.forward_mode.many_input_function(n)`` (best of 3).
"""

from __future__ import annotations

from dlviz.forward_mode import compare_modes

SIZES = (10, 20, 50, 100, 200)


def main() -> None:
    table = compare_modes(SIZES, seed=0, repeats=3)
    wide = table.pivot(index="n", columns="mode", values="seconds") * 1000
    print("Autodiff: gradient of f: R^n -> R, forward mode (n passes) vs reverse mode (1 + 1)")
    print(f"{'n':>5} | {'forward (ms)':>12} | {'reverse (ms)':>12} | {'ratio':>6}")
    for n, row in wide.iterrows():
        ratio = row["forward"] / row["reverse"]
        print(f"{n:>5} | {row['forward']:>12.2f} | {row['reverse']:>12.2f} | {ratio:>6.1f}")


if __name__ == "__main__":
    main()
