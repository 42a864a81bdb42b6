"""Text of the Gradient descent & SGD page (sections "Gradiente como regla de actualización" and
"Gradiente descendente estocástico" of lecture 03)."""

TEXT = {
    "intro": (
        "Regresión lineal ŷ = w·x + b con los tres puntos de la lección. El gradiente se usa "
        "como **regla de actualización**: cada iteración mueve w y b un paso η en contra del "
        "gradiente de la pérdida. En el **gradiente descendente estocástico (SGD)** cada "
        "iteración usa **un solo dato**: la actualización de la lección, "
        "w ← w + η(y − ŷ)x y b ← b + η(y − ŷ), es −η por el gradiente de la pérdida por dato "
        "½(ŷ − y)².",
        "Linear regression ŷ = w·x + b on the lecture's three points. The gradient serves as an "
        "**update rule**: each iteration moves w and b one step η against the gradient of the "
        "loss. In **stochastic gradient descent (SGD)** each iteration uses **a single sample**: "
        "the lecture's update, w ← w + η(y − ŷ)x and b ← b + η(y − ŷ), is −η times the gradient "
        "of the per-sample loss ½(ŷ − y)².",
    ),
    "slide.sign": (
        "Nota sobre la diapositiva: su pseudocódigo escribe ŷ := σ(xᵀw + b) (aquí σ es la "
        "identidad: regresión lineal) y ΔwL = (y − ŷ)x con w := w + η(−ΔwL); con ese signo w "
        "subiría la pérdida. Los números de su tabla siguen w ← w + η(y − ŷ)x, es decir "
        "w ← w − η·∂(½(ŷ − y)²)/∂w, que es lo que se calcula aquí. La lección suma la pérdida "
        "(L = Σ), el paso por dato usa ½ para que el 2 de la derivada no aparezca.",
        "Note on the slide: its pseudo-code writes ŷ := σ(xᵀw + b) (here σ is the identity: "
        "linear regression) and ΔwL = (y − ŷ)x with w := w + η(−ΔwL); with that sign w would "
        "climb the loss. The numbers in its table follow w ← w + η(y − ŷ)x, that is "
        "w ← w − η·∂(½(ŷ − y)²)/∂w, which is what is computed here. The lecture sums the loss "
        "(L = Σ); the per-sample step uses ½ so that the 2 of the derivative drops out.",
    ),
    "tab.slide": ("SGD paso a paso (diapositiva)", "SGD step by step (slide)"),
    "tab.compare": ("Mismo η: estandarizar o Adam", "Same η: standardise or Adam"),
    "tab.sweep": ("Barrido de η", "η sweep"),
    "tab.timing": ("for vs vectorizado", "For loop vs vectorised"),  # es: the tabs fit 1280 px
    "data.header": ("Datos: los de la lección o los suyos", "Data: the lecture's or your own"),
    "data": ("Datos (CSV con columnas x,y)", "Data (CSV with columns x,y)"),
    "data.help": (
        "Pegue un CSV: la primera fila es el encabezado x,y y cada fila siguiente un dato. "
        "Menos de 10 000 caracteres: un texto que llena la caja pudo quedar cortado y no se usa "
        "(para más datos, suba un archivo). Se guarda en el enlace.",
        "Paste a CSV: the first row is the header x,y and every following row one sample. "
        "Fewer than 10,000 characters: a text that fills the box may have been cut off and is "
        "not used (for more data, upload a file). It is kept in the link.",
    ),
    "upload": ("…o suba un archivo CSV", "…or upload a CSV file"),
    "upload.help": (
        "Columnas x e y (hasta 100 000 filas). Mientras haya un archivo subido, se usa en lugar "
        "del texto pegado; quítelo (×) para volver al texto.",
        "Columns x and y (up to 100,000 rows). While a file is uploaded it is used instead of "
        "the pasted text; remove it (×) to go back to the text.",
    ),
    "data.lecture": ("Datos de la lección", "Lecture data"),
    "data.lecture.help": (
        "Vuelve a los puntos (50,150), (80,200), (120,280).",
        "Back to the points (50,150), (80,200), (120,280).",
    ),
    "data.summary": (
        "{n} datos. Solución cerrada de mínimos cuadrados (fórmulas de la lección): "
        "**β = {beta}**, **β₀ = {beta0}**, con pérdida mínima L = {best}.",
        "{n} samples. Closed-form least-squares solution (the lecture's formulas): "
        "**β = {beta}**, **β₀ = {beta0}**, with minimum loss L = {best}.",
    ),
    "eta": ("Tasa de aprendizaje η", "Learning rate η"),
    "eta.help": (
        "Escala logarítmica de 10⁻⁷ a 1; la lección usa 0.0001. Con los datos de la lección, "
        "0.0002 ya oscila y 0.001 diverge.",
        "Log scale from 10⁻⁷ to 1; the lecture uses 0.0001. With the lecture's data 0.0002 "
        "already oscillates and 0.001 diverges.",
    ),
    "epochs": ("Épocas", "Epochs"),
    "epochs.help": (
        "Pasadas completas por los datos (la lección muestra la época 10).",
        "Full passes over the data (the lecture shows epoch 10).",
    ),
    "w0": ("w inicial", "Initial w"),
    "w0.help": ("Valor de w antes de la primera iteración.", "Value of w before the first update."),
    "b0": ("b inicial", "Initial b"),
    "b0.help": ("Valor de b antes de la primera iteración.", "Value of b before the first update."),
    "mode": ("Modo", "Mode"),
    "mode.help": (
        "En línea (SGD): un dato por actualización, como la lección. Mini-batch: el promedio del "
        "gradiente sobre un batch de datos. Batch completo: gradiente descendente con todos los "
        "datos (vectorizado).",
        "Online (SGD): one sample per update, as in the lecture. Mini-batch: the gradient "
        "averaged over a batch. Full batch: gradient descent on all the data (vectorised).",
    ),
    "mode.online": ("en línea (SGD)", "online (SGD)"),
    "mode.minibatch": ("mini-batch", "mini-batch"),
    "mode.batch": ("batch completo", "full batch"),
    "batch": ("Tamaño del mini-batch", "Mini-batch size"),
    "batch.help": (
        "Datos por actualización en modo mini-batch (el último de la época puede ser menor).",
        "Samples per update in mini-batch mode (the epoch's last batch may be smaller).",
    ),
    "shuffle": ("Barajar cada época", "Shuffle every epoch"),
    "shuffle.help": (
        "Visitar los datos en un orden aleatorio nuevo en cada época (la lección no baraja).",
        "Visit the samples in a new random order every epoch (the lecture does not shuffle).",
    ),
    "seed": ("Semilla", "Seed"),
    "seed.help": (
        "Semilla del orden aleatorio: la misma semilla repite el mismo orden.",
        "Seed of the random order: the same seed repeats the same order.",
    ),
    "verdict.diverged": (
        "**Diverge en la iteración {k}**: con η = {eta} la pérdida se dispara (no finita o más "
        "de 10⁶ veces la inicial, {start}). La tabla y las figuras se detienen antes. Pruebe "
        "un η menor.",
        "**Diverged at iteration {k}**: with η = {eta} the loss blows up (not finite, or more "
        "than 10⁶ times its start value {start}). The table and figures stop before it. Try a "
        "smaller η.",
    ),
    "verdict.growing": (
        "**Diverge**: con η = {eta} la pérdida terminó más alta que al inicio ({start} → "
        "{end}): cada paso se pasa del mínimo. η es demasiado grande.",
        "**Diverging**: with η = {eta} the loss ended higher than it started ({start} → {end}): "
        "every step overshoots. η is too large.",
    ),
    "verdict.slow": (
        "**Lento**: la pérdida pasó de {start} a {end} (mínimo {best}); con η = {eta} aún falta "
        "más del 10 % del camino. Más épocas o un η mayor.",
        "**Slow**: the loss went from {start} to {end} (minimum {best}); with η = {eta} more "
        "than 10 % of the way is still left. More epochs or a larger η.",
    ),
    "verdict.good": (
        "La pérdida bajó de {start} a {end} (mínimo {best}).",
        "The loss went down from {start} to {end} (minimum {best}).",
    ),
    "stopped": (
        "La ejecución se cortó tras {n} actualizaciones, {done} de las {epochs} épocas pedidas: "
        "un servidor atiende a toda la clase, así que una ejecución hace como máximo {updates} "
        "actualizaciones ({batch_updates} con batches de varios datos) y {visits} gradientes por "
        "dato (N × épocas en batch completo). Use menos épocas o menos datos.",
        "The run was cut after {n} updates, {done} of the {epochs} epochs asked: one server "
        "serves the whole class, so a run makes at most {updates} updates ({batch_updates} with "
        "batches of several samples) and {visits} per-sample gradients (N × epochs in full "
        "batch). Use fewer epochs or fewer data.",
    ),
    "busy": ("Calculando…", "Computing…"),
    "step.header": ("Iteración por iteración", "Iteration by iteration"),
    "step.start": (
        "**Iteración {k}** de {total} (inicio): **w = {w}**, **b = {b}**, L = {loss}. Pulse "
        "*Siguiente*.",
        "**Iteration {k}** of {total} (start): **w = {w}**, **b = {b}**, L = {loss}. Press *Next*.",
    ),
    "step.now": (
        "**Iteración {k}** de {total} (época {epoch}, dato {sample}): **w = {w}**, "
        "**b = {b}**, L = {loss}.",
        "**Iteration {k}** of {total} (epoch {epoch}, sample {sample}): **w = {w}**, "
        "**b = {b}**, L = {loss}.",
    ),
    "figs.caption": (
        "Izquierda: el dato de la iteración (círculo rojo) con su error y − ŷ respecto a la "
        "recta anterior (discontinua) y la recta nueva. Derecha: L(w, b) en escala logarítmica "
        "de colores con todo el recorrido de (w, b), la actualización de la iteración (en rojo) "
        "y el óptimo (★). ▶ anima las iteraciones en el navegador; la barra recorre una a una "
        "(en una ejecución larga, hasta 50 de ellas repartidas por igual).",
        "Left: the iteration's sample (red circle) with its error y − ŷ against the previous "
        "line (dashed) and the new line. Right: L(w, b) with log-scaled colours, the whole path "
        "of (w, b), the iteration's update (in red) and the optimum (★). ▶ animates the "
        "iterations in the browser; the slider scrubs one at a time (in a long run, up to 50 of "
        "them evenly spread).",
    ),
    "slide.header": ("La tabla de la diapositiva, comparada", "The slide's table, compared"),
    "slide.note": (
        "Calculado con el ejemplo de la lección (η = 0.0001, w = b = 0, 10 épocas, sin "
        "barajar), sean cuales sean los controles. La diapositiva **trunca** a 3 decimales (2 "
        "para w en la época 10): en la iteración 2 muestra b = 0.028, pero el valor exacto es "
        "0.0289985 (redondeado: 0.029); igual 1.869 (exacto 1.86988), 2.536 y 0.034 (exactos "
        "2.536905 y 0.034557) y 2.26 / 0.051 en la época 10 (exactos 2.267415 / 0.051511).",
        "Computed on the lecture's example (η = 0.0001, w = b = 0, 10 epochs, no shuffling), "
        "whatever the controls. The slide **truncates** to 3 decimals (2 for w at epoch 10): at "
        "iteration 2 it shows b = 0.028, but the exact value is 0.0289985 (rounded: 0.029); "
        "likewise 1.869 (exact 1.86988), 2.536 and 0.034 (exact 2.536905 and 0.034557) and "
        "2.26 / 0.051 at epoch 10 (exact 2.267415 / 0.051511).",
    ),
    "how.exact": ("coincide", "matches"),
    "how.truncated": ("truncado", "truncated"),
    "how.rounded": ("redondeado", "rounded"),
    "how.differs": ("distinto", "differs"),
    "cmp.header": (
        "«El mismo η para todos los parámetros no es óptimo»",
        "“The same η for all parameters is not optimal”",
    ),
    "cmp.intro": (
        "w multiplica a x ≈ 100 y b multiplica a 1: el gradiente respecto a w es ~100 veces "
        "mayor. Un η pequeño para que w no diverja deja a b casi quieto (tras 10 épocas b ≈ "
        "0.05, lejos de β₀ ≈ 54.6). Dos arreglos, lado a lado con el SGD simple: "
        "**estandarizar x** (x' = (x − x̄)/s; w, b se convierten de vuelta a x) y un **paso "
        "adaptativo por parámetro** (AdaGrad o Adam).",
        "w multiplies x ≈ 100 and b multiplies 1: the gradient with respect to w is ~100 times "
        "larger. An η small enough for w not to diverge leaves b almost still (after 10 epochs "
        "b ≈ 0.05, far from β₀ ≈ 54.6). Two fixes, side by side with plain SGD: **standardise "
        "x** (x' = (x − x̄)/s; w, b are mapped back to x) and a **per-parameter adaptive step** "
        "(AdaGrad or Adam).",
    ),
    "cmp_epochs": ("Épocas de la comparación", "Epochs of the comparison"),
    "cmp_epochs.help": (
        "Las tres variantes corren este número de épocas con el modo, η inicial y orden de arriba.",
        "The three variants run this many epochs with the mode, start and order chosen above.",
    ),
    "eta_std": ("η con x estandarizado", "η with standardised x"),
    "eta_std.help": (
        "Con x estandarizado los dos parámetros tienen la misma escala y un η mucho mayor "
        "funciona.",
        "With standardised x both parameters have the same scale and a much larger η works.",
    ),
    "method": ("Método adaptativo", "Adaptive method"),
    "method.help": (
        "AdaGrad divide el paso de cada parámetro por la raíz de la suma de sus gradientes al "
        "cuadrado; Adam usa promedios móviles del gradiente y de su cuadrado.",
        "AdaGrad divides each parameter's step by the root of the sum of its squared "
        "gradients; Adam uses running averages of the gradient and of its square.",
    ),
    "method.adagrad": ("AdaGrad", "AdaGrad"),
    "method.adam": ("Adam", "Adam"),
    "eta_ada": ("η del método adaptativo", "η of the adaptive method"),
    "eta_ada.help": (
        "Con AdaGrad y Adam η es aproximadamente el tamaño del paso de cada parámetro.",
        "With AdaGrad and Adam η is roughly the step size of each parameter.",
    ),
    "cmp.sgd": ("SGD simple", "plain SGD"),
    "cmp.standardized": ("SGD con x estandarizado", "SGD on standardised x"),
    "cmp.adagrad": ("AdaGrad", "AdaGrad"),
    "cmp.adam": ("Adam", "Adam"),
    "sweep.intro": (
        "Pérdida final tras las épocas elegidas para 71 valores de η (SGD simple, mismo modo e "
        "inicio). Demasiado pequeño → lento; demasiado grande → diverge. Las × arriba son "
        "ejecuciones que divergieron.",
        "Final loss after the chosen epochs for 71 values of η (plain SGD, same mode and "
        "start). Too small → slow; too large → diverges. The × along the top are runs that "
        "diverged.",
    ),
    "sweep.cut": (
        "Cada η se entrena con {m} de los {n} datos (elegidos al azar) durante {k} "
        "actualizaciones ({done} épocas de ellos), y L se mide con todos los datos: 71 "
        "ejecuciones completas ocuparían demasiado el servidor que comparte la clase.",
        "Each η is trained on {m} of the {n} samples (drawn at random) for {k} updates ({done} "
        "epochs of them), and L is measured on all the data: 71 full runs would hold the "
        "server the class shares too long.",
    ),
    "timing.intro": (
        "Un paso de gradiente descendente con batch completo sobre N datos generados "
        "(y = 1.86x + 54.6 + ruido): con un ciclo for de Python, dato por dato, y con una sola "
        "expresión de numpy (`err @ x`). Mismo resultado; la diferencia es la velocidad.",
        "One full-batch gradient-descent step on N generated samples (y = 1.86x + 54.6 + "
        "noise): with a Python for loop, one sample at a time, and with one numpy expression "
        "(`err @ x`). Same result; the difference is speed.",
    ),
    "n": ("Número de datos N", "Number of samples N"),
    "n.help": ("Tamaño del conjunto generado (semilla 0).", "Size of the generated set (seed 0)."),
    "timing.run": ("Medir", "Measure"),
    "timing.run.help": (
        "Mide los dos (mejor de 3 repeticiones). Tarda hasta ~1 s con N = 100 000.",
        "Times both (best of 3 runs). Takes up to ~1 s with N = 100,000.",
    ),
    "timing.result": (
        "N = {n}: ciclo for **{loop} ms**, vectorizado **{vec} ms** → **{speedup}× más "
        "rápido**. Resultado del ciclo: w = {w_loop}, b = {b_loop}; vectorizado: w = {w_vec}, "
        "b = {b_vec} (diferencia máxima {diff}, solo redondeo).",
        "N = {n}: for loop **{loop} ms**, vectorised **{vec} ms** → **{speedup}× faster**. "
        "Loop result: w = {w_loop}, b = {b_loop}; vectorised: w = {w_vec}, b = {b_vec} "
        "(largest difference {diff}, round-off only).",
    ),
    "timing.none": (
        "Pulse *Medir* para cronometrar (no se repite en cada cambio de los controles).",
        "Press *Measure* to time it (it is not repeated on every control change).",
    ),
    "fig.data": ("datos", "data"),
    "fig.line": ("recta ŷ = wx + b", "line ŷ = wx + b"),
    "fig.before": ("recta anterior", "previous line"),
    "fig.current": ("dato actual", "current sample"),
    "fig.point": ("(w, b) actual", "current (w, b)"),
    "fig.error": ("error y − ŷ", "error y − ŷ"),
    "fig.optimum": ("mínimos cuadrados (β, β₀)", "least squares (β, β₀)"),
    "fig.step": ("iteración", "iteration"),
    "fig.loss": ("L(w, b)", "L(w, b)"),
    "fig.path": ("recorrido de (w, b)", "path of (w, b)"),
    "fig.update": ("actualización de la iteración", "the iteration's update"),
    "fig.slow": ("lento", "slow"),
    "fig.good": ("bien", "good"),
    "fig.diverged": ("diverge", "diverges"),
    "fig.eta": ("η (escala log)", "η (log scale)"),
    "fig.lossfinal": ("pérdida final L (escala log)", "final loss L (log scale)"),
    "fig.now": ("η actual", "current η"),
    "col.iteration": ("iteración", "iteration"),
    "col.epoch": ("época", "epoch"),
    "col.sample": ("dato", "sample"),
    "col.y_hat": ("ŷ", "ŷ"),
    "col.error": ("y − ŷ", "y − ŷ"),
    "col.dw": ("Δw", "Δw"),
    "col.db": ("Δb", "Δb"),
    "col.loss": ("L", "L"),
    "col.parameter": ("parámetro", "parameter"),
    "col.slide": ("diapositiva", "slide"),
    "col.exact": ("exacto", "exact"),
    "col.rounded": ("redondeado", "rounded"),
    "col.truncated": ("truncado", "truncated"),
    "col.how": ("la diapositiva…", "the slide…"),
    "col.method": ("método", "method"),
    "col.eta": ("η", "η"),
    "col.updates": ("iteraciones", "updates"),
    # No-break spaces: a narrow column must not break "|b − β₀|" after "|b".
    "col.gap_w": ("|w\u00a0−\u00a0β|", "|w\u00a0−\u00a0β|"),
    "col.gap_b": ("|b\u00a0−\u00a0β₀|", "|b\u00a0−\u00a0β₀|"),
    "col.diverged_at": ("diverge en", "diverged at"),
    "cell.never": ("nunca", "never"),
}
