"""Text of the Perceptron & XOR page (section "Perceptrón multicapa (MLP)" of lecture 03)."""

TEXT = {
    "intro": (
        "Un perceptrón suma sus entradas ponderadas y aplica un **escalón**: sale 1 cuando la suma "
        "llega al umbral θ. Con la regla del perceptrón aprende AND, OR, AND1 y AND2, pero **XOR "
        "no es linealmente separable**: ninguna recta deja (0,1) y (1,0) a un lado y (0,0), (1,1) "
        "al otro. La lección lo resuelve con dos capas: XOR = OR(AND1, AND2).",
        "A perceptron adds up its weighted inputs and applies a **step**: it outputs 1 when the "
        "sum reaches the threshold θ. With the perceptron rule it learns AND, OR, AND1 and AND2, "
        "but **XOR is not linearly separable**: no line puts (0,1) and (1,0) on one side and "
        "(0,0), (1,1) on the other. The lecture solves it with two layers: XOR = OR(AND1, AND2).",
    ),
    # -- training one unit
    "train.intro": (
        "Como en la diapositiva: θ = 1, γ = 1.5, sin sesgo, pesos iniciales [1, 1]. Las cuatro "
        "entradas se presentan en orden y los pesos se corrigen **después de cada una** con "
        "w'ᵢ = wᵢ + γ(y − ŷ)xᵢ. Recorra el entrenamiento con los botones (o ▶ en la figura).",
        "As on the slide: θ = 1, γ = 1.5, no bias, starting weights [1, 1]. The four inputs are "
        "presented in order and the weights are corrected **after each one** with "
        "w'ᵢ = wᵢ + γ(y − ŷ)xᵢ. Step through the training with the buttons (or ▶ on the figure).",
    ),
    "gate": ("Compuerta", "Gate"),
    "gate.help": (
        "La tabla de verdad a aprender. AND1 = x₁ ∧ ¬x₂, AND2 = ¬x₁ ∧ x₂.",
        "The truth table to learn. AND1 = x₁ ∧ ¬x₂, AND2 = ¬x₁ ∧ x₂.",
    ),
    "gate.AND": ("AND", "AND"),
    "gate.OR": ("OR", "OR"),
    "gate.XOR": ("XOR", "XOR"),
    "gate.AND1": ("AND1 = x₁ ∧ ¬x₂", "AND1 = x₁ ∧ ¬x₂"),
    "gate.AND2": ("AND2 = ¬x₁ ∧ x₂", "AND2 = ¬x₁ ∧ x₂"),
    "gamma": ("Tasa de aprendizaje γ", "Learning rate γ"),
    "gamma.help": (
        "Cuánto se mueve un peso en cada corrección (lección: 1.5).",
        "How far a weight moves in each correction (lecture: 1.5).",
    ),  # fmt: skip
    "theta": ("Umbral θ", "Threshold θ"),
    "theta.help": (
        "La salida es 1 cuando w·x ≥ θ (lección: 1).",
        "The output is 1 when w·x ≥ θ (lecture: 1).",
    ),  # fmt: skip
    "w1": ("w₁ inicial", "Starting w₁"),
    "w1.help": ("Peso inicial de x₁ (lección: 1).", "Starting weight of x₁ (lecture: 1)."),
    "w2": ("w₂ inicial", "Starting w₂"),
    "w2.help": ("Peso inicial de x₂ (lección: 1).", "Starting weight of x₂ (lecture: 1)."),
    "epochs": ("Épocas (máximo)", "Epochs (at most)"),
    "epochs.help": (
        "Pasadas por las cuatro entradas. El entrenamiento para tras una época sin errores.",
        "Passes over the four inputs. Training stops after an epoch without errors.",
    ),
    "train.converged": (
        "**{gate}** converge: w = {w} tras {updates} corrección(es); la época {epoch} no tiene "
        "errores.",
        "**{gate}** converges: w = {w} after {updates} update(s); epoch {epoch} has no errors.",
    ),
    "train.cycle": (
        "**{gate}** no converge: los pesos al inicio de la época {again} son los de la época "
        "{first}, así que la regla repite el mismo ciclo de {period} época(s) para siempre "
        "({wrong} respuestas erradas por ciclo). Pesos ahora: {w}.",
        "**{gate}** does not converge: the weights at the start of epoch {again} are those of "
        "epoch {first}, so the rule repeats the same {period}-epoch cycle forever ({wrong} wrong "
        "answers per cycle). Weights now: {w}.",
    ),
    "train.open": (
        "**{gate}** no ha convergido tras {epochs} épocas ({updates} correcciones; pesos {w}). "
        "Pruebe con más épocas.",
        "**{gate}** has not converged after {epochs} epochs ({updates} updates; weights {w}). "
        "Try more epochs.",
    ),
    "train.lattice": (
        "{gate} sí es linealmente separable. Pero el teorema de convergencia del perceptrón supone "
        "que el umbral se aprende (un sesgo): con θ fijo y sin sesgo, los pesos solo se mueven en "
        "una rejilla w₀ + γ·(enteros) y pueden saltar por encima de todo w que separa. Pruebe γ = "
        "0.5, o el sesgo aprendido en la sección «Una unidad y XOR» (la diapositiva de la "
        "regla).",
        "{gate} is linearly separable. But the perceptron convergence theorem assumes the "
        "threshold is learned (a bias): with θ fixed and no bias the weights only move on a grid "
        "w₀ + γ·(integers) and can jump over every separating w. Try γ = 0.5, or the learned bias "
        "in the section “One unit on XOR” (the rule slide).",
    ),
    "step.start": ("**Inicio**: w = {w}.", "**Start**: w = {w}."),
    "step.now": (
        "**Presentación {k} de {P}** (época {epoch}):",
        "**Presentation {k} of {P}** (epoch {epoch}):",
    ),  # fmt: skip
    "step.changed": (
        "Cambia solo **{which}**: el peso de las entradas activas (xᵢ = 1) de la respuesta "
        "errada. Una entrada en 0 no tiene culpa del error y su peso no se toca.",
        "Only **{which}** changes: the weight of the active inputs (xᵢ = 1) of the wrong answer. "
        "An input at 0 did not cause the error and its weight is left alone.",
    ),
    "step.nothing": (
        "Respuesta correcta (y − ŷ = 0): ningún peso cambia ({which}).",
        "Right answer (y − ŷ = 0): no weight changes ({which}).",
    ),
    "step.weights": ("Pesos tras este paso: **w = {w}**.", "Weights after this step: **w = {w}**."),
    "trace.caption": (
        "Cada fila es una presentación: la suma ponderada w·x con los pesos de antes, la salida "
        "ŷ = σ[w·x], el objetivo y, el error y − ŷ, la corrección Δwᵢ = γ(y − ŷ)xᵢ y los pesos "
        "nuevos. «Cambia» muestra qué pesos se movieron.",
        "Each row is one presentation: the weighted sum w·x with the weights before it, the "
        "output ŷ = σ[w·x], the target y, the error y − ŷ, the update Δwᵢ = γ(y − ŷ)xᵢ and the "
        "new weights. “Changed” shows which weights moved.",
    ),
    "slips.title": (
        "Lo que muestran las diapositivas y los valores exactos",
        "What the slides show, and the exact values",
    ),
    "slip.1": (
        "AND1, comprobación con [1, −0.5]: la diapositiva escribe «[0,1] → 1(0) − 0.5(1) = −0.5 → "
        "σ[−1.5] = 0». La suma es −0.5, así que es **σ[−0.5] = 0** (la salida, 0, no cambia).",
        "AND1, check with [1, −0.5]: the slide writes “[0,1] → 1(0) − 0.5(1) = −0.5 → σ[−1.5] = "
        "0”. The sum is −0.5, so it is **σ[−0.5] = 0** (the output, 0, is the same).",
    ),
    "slip.2": (
        "AND2, corrección: la diapositiva escribe «w₁₂ = 1 + 1.5(0 − 1)1 = −0.5» y también "
        "«w₂₂ = 1 + 1.5(0 − 1)1 = −0.5». Presentadas en orden, la primera respuesta errada es "
        "la de [1,0], donde x₂ = 0: **w₂₂ = 1 + 1.5(0 − 1)·0 = 1** no cambia, y la regla llega a **[−0.5, 1]** con "
        "esa única corrección. Los [−0.5, −0.5] de la diapositiva son la corrección de [1,1] "
        "(x₂ = 1); por eso necesita una segunda corrección en [0,1] "
        "(w₂₂ = −0.5 + 1.5(1 − 0)1 = 1) para llegar al mismo [−0.5, 1].",
        "AND2, update: the slide writes “w₁₂ = 1 + 1.5(0 − 1)1 = −0.5” and also “w₂₂ = 1 + "
        "1.5(0 − 1)1 = −0.5”. Presented in order, the first wrong answer is that of [1,0], where x₂ = 0: **w₂₂ = "
        "1 + 1.5(0 − 1)·0 = 1** does not change, and the rule reaches **[−0.5, 1]** with that "
        "single update. The slide's [−0.5, −0.5] is the update for [1,1] (x₂ = 1); that is why "
        "it needs a second correction on [0,1] (w₂₂ = −0.5 + 1.5(1 − 0)1 = 1) to reach the same "
        "[−0.5, 1].",
    ),
    "slip.3": (
        "AND1 y AND2, primera pasada: la diapositiva evalúa las cuatro entradas con los pesos "
        "iniciales y marca también [1,1] (suma 2 → σ[2] = 1) como error. Presentadas en orden, "
        "la corrección llega antes: con [1, −0.5] (AND1) o [−0.5, 1] (AND2) la suma de [1,1] es "
        "**0.5 → σ[0.5] = 0**, correcta, y no hay segunda corrección.",
        "AND1 and AND2, first pass: the slide evaluates all four inputs with the starting weights "
        "and also marks [1,1] (sum 2 → σ[2] = 1) as wrong. Presented in order, the update comes "
        "first: with [1, −0.5] (AND1) or [−0.5, 1] (AND2) the sum for [1,1] is **0.5 → σ[0.5] = "
        "0**, right, and there is no second update.",
    ),
    "slip.4": (
        "La definición de σ dice «1 si .. ≥» sin el umbral en tres de las cuatro diapositivas; "
        "es **≥ 1** (θ = 1), como en la segunda.",
        "The definition of σ reads “1 if .. ≥” without the threshold on three of the four slides; "
        "it is **≥ 1** (θ = 1), as on the second one.",
    ),
    "slip.5": (
        "La fórmula «OR[AND1(x₁, x̄₂); AND1(x̄₁, x₂)]» llama AND1 a las dos compuertas; la segunda "
        "es **AND2 = x̄₁ ∧ x₂** (la columna AND 2 de la tabla).",
        "The formula “OR[AND1(x₁, x̄₂); AND1(x̄₁, x₂)]” calls both gates AND1; the second is "
        "**AND2 = x̄₁ ∧ x₂** (the table's AND 2 column).",
    ),
    "slip.6": (
        "No es un error: la traza de OR (f₃) recorre las entradas de la unidad OR, (A, B) = "
        "(0,0), (0,1), (1,0), (0,0) para x = [0,0], [0,1], [1,0], [1,1]; su cuarta línea «[0,0] "
        "→ σ[0] = 0» es el (A, B) de la entrada [1,1], no una repetición. OR sola sobre x daría "
        "[1,1] → 1(1) + 1(1) = 2 → σ[2] = 1: por eso XOR necesita la capa oculta.",
        "Not a slip: the OR trace (f₃) runs over the OR unit's inputs, (A, B) = (0,0), (0,1), "
        "(1,0), (0,0) for x = [0,0], [0,1], [1,0], [1,1]; its fourth line “[0,0] → σ[0] = 0” is "
        "the (A, B) of the input [1,1], not a repeat. OR on x itself would give [1,1] → 1(1) + "
        "1(1) = 2 → σ[2] = 1: that is why XOR needs the hidden layer.",
    ),
    "slip.7": (
        "Diapositiva de SGD: con «Δ_w L = (y − ŷ)x» y «w := w + η(−Δ_w L)» el paso iría cuesta "
        "arriba. El gradiente de ½(y − ŷ)² es **−(y − ŷ)x**, y la regla queda "
        "**w := w + η(y − ŷ)x**, la que se parece a la del perceptrón.",
        "SGD slide: with “Δ_w L = (y − ŷ)x” and “w := w + η(−Δ_w L)” the step would go uphill. "
        "The gradient of ½(y − ŷ)² is **−(y − ŷ)x**, and the rule is **w := w + η(y − ŷ)x**, the "
        "one that looks like the perceptron's.",
    ),
    # -- the network
    "net.intro": (
        "La capa oculta usa los pesos aprendidos: W = [[1, −0.5], [−0.5, 1]] (fila 1: AND1, "
        "fila 2: AND2) con θ = 1, y la salida es OR con pesos [1, 1] y θ = 1. En el espacio "
        "oculto (A, B), (0,0) y (1,1) caen ambos en (0,0): XOR se vuelve separable por la recta "
        "de OR. Cambie los pesos a mano y mire las salidas y las regiones.",
        "The hidden layer uses the learned weights: W = [[1, −0.5], [−0.5, 1]] (row 1: AND1, "
        "row 2: AND2) with θ = 1, and the output is OR with weights [1, 1] and θ = 1. In hidden "
        "space (A, B), (0,0) and (1,1) both land on (0,0): XOR becomes separable by OR's line. "
        "Edit the weights by hand and watch the outputs and regions.",
    ),
    "W11": ("W₁₁ (x₁ → A)", "W₁₁ (x₁ → A)"),
    "W11.help": (
        "Peso de x₁ en la unidad oculta A (AND1). Lección: 1.",
        "Weight of x₁ in hidden unit A (AND1). Lecture: 1.",
    ),  # fmt: skip
    "W12": ("W₁₂ (x₂ → A)", "W₁₂ (x₂ → A)"),
    "W12.help": (
        "Peso de x₂ en la unidad oculta A (AND1). Lección: −0.5.",
        "Weight of x₂ in hidden unit A (AND1). Lecture: −0.5.",
    ),  # fmt: skip
    "W21": ("W₂₁ (x₁ → B)", "W₂₁ (x₁ → B)"),
    "W21.help": (
        "Peso de x₁ en la unidad oculta B (AND2). Lección: −0.5.",
        "Weight of x₁ in hidden unit B (AND2). Lecture: −0.5.",
    ),  # fmt: skip
    "W22": ("W₂₂ (x₂ → B)", "W₂₂ (x₂ → B)"),
    "W22.help": (
        "Peso de x₂ en la unidad oculta B (AND2). Lección: 1.",
        "Weight of x₂ in hidden unit B (AND2). Lecture: 1.",
    ),  # fmt: skip
    "v1": ("v₁ (A → salida)", "v₁ (A → output)"),
    "v1.help": (
        "Peso de A en la unidad de salida (OR). Lección: 1.",
        "Weight of A in the output unit (OR). Lecture: 1.",
    ),  # fmt: skip
    "v2": ("v₂ (B → salida)", "v₂ (B → output)"),
    "v2.help": (
        "Peso de B en la unidad de salida (OR). Lección: 1.",
        "Weight of B in the output unit (OR). Lecture: 1.",
    ),  # fmt: skip
    "theta_net": ("Umbral θ de la red", "Network threshold θ"),
    "theta_net.help": (
        "El mismo umbral para las tres unidades (lección: 1).",
        "The same threshold for all three units (lecture: 1).",
    ),  # fmt: skip
    "net.ok": (
        "La red calcula XOR en las cuatro entradas.",
        "The network computes XOR on all four inputs.",
    ),  # fmt: skip
    "net.wrong": (
        "Con estos pesos la red no calcula XOR en: {inputs}.",
        "With these weights the network does not compute XOR at: {inputs}.",
    ),  # fmt: skip
    "net.caption": (
        "Cada entrada: el producto W x = (z_A, z_B), el escalón da (A, B), la salida suma "
        "v·(A, B) y aplica el escalón. A la derecha, los círculos huecos son las sumas (z_A, z_B) "
        "antes del escalón. La diapositiva muestra [1,1] y [0,1]; aquí están las cuatro.",
        "Each input: the product W x = (z_A, z_B), the step gives (A, B), the output adds "
        "v·(A, B) and applies the step. On the right, the hollow circles are the sums (z_A, z_B) "
        "before the step. The slide shows [1,1] and [0,1]; here are all four.",
    ),
    # -- non-convergence
    "conv.intro": (
        "La misma regla en AND, OR y XOR, época tras época. En XOR los errores por época nunca "
        "llegan a 0: los pesos vuelven a un estado ya visto y el ciclo se repite (se detecta "
        "cuando los pesos al inicio de una época coinciden con los de una época anterior).",
        "The same rule on AND, OR and XOR, epoch after epoch. On XOR the errors per epoch never "
        "reach 0: the weights come back to a state already seen and the cycle repeats (detected "
        "when the weights at the start of an epoch equal those at the start of an earlier one).",
    ),
    "setting": ("Configuración", "Setting"),
    "setting.help": (
        "Regla: la diapositiva «Regla de aprendizaje del perceptrón» (w = 0, sesgo b = 0 "
        "aprendido, sin γ, salida 1 si w·x + b ≥ 0). Sin sesgo: θ, γ, w₀ y épocas de la sección "
        "«Regla del perceptrón» (las diapositivas de XOR), tal como están en el enlace.",
        "Rule: the slide “Regla de aprendizaje del perceptrón” (w = 0, learned bias b = 0, no γ, "
        "output 1 when w·x + b ≥ 0). No bias: θ, γ, w₀ and epochs of the section “Perceptron "
        "rule” (the XOR slides), as kept in the link.",
    ),
    "setting.rule": ("Regla del perceptrón (con sesgo b)", "Perceptron rule (with bias b)"),
    "setting.mlp": (
        "Controles de «Regla del perceptrón» (sin sesgo)",
        "Controls of “Perceptron rule” (no bias)",
    ),
    "conv.converged": (
        "converge en la época {epoch} (w = {w}, b = {b}; {updates} correcciones).",
        "converges in epoch {epoch} (w = {w}, b = {b}; {updates} updates).",
    ),
    "conv.cycle": (
        "**nunca converge**: {wrong} errores por ciclo de {period} época(s); los pesos al inicio "
        "de la época {again} repiten los de la época {first} (ciclo detectado).",
        "**never converges**: {wrong} errors per {period}-epoch cycle; the weights at the start "
        "of epoch {again} repeat those of epoch {first} (cycle detected).",
    ),
    "conv.open": (
        "no converge en {epochs} épocas (sin ciclo detectado aún; w = {w}).",
        "does not converge in {epochs} epochs (no cycle detected yet; w = {w}).",
    ),
    # -- the MLP
    "mlp.intro": (
        "La misma forma 2-2-1, pero con sigmoides y sesgos, y los pesos **aprendidos** por "
        "retropropagación (gradiente descendente con el batch completo: las cuatro entradas en "
        "cada paso; la regla de la cadena escrita a mano, comprobada contra `dlviz.autodiff` más abajo). ▶ anima las épocas: ŷ sobre el plano "
        "con las rectas de las dos unidades ocultas, las entradas en el espacio oculto (h₁, h₂) "
        "con la recta de salida ŷ = 0.5, y la pérdida. No todas las semillas lo logran: algunas se "
        "atascan.",
        "The same 2-2-1 shape, but with sigmoids and biases, and the weights **learned** by "
        "backpropagation (full-batch gradient descent; the chain rule written out by hand, checked "
        "against `dlviz.autodiff` below). ▶ animates the epochs: ŷ over the plane with the two "
        "hidden units' lines, the inputs in hidden space (h₁, h₂) with the output's line ŷ = 0.5, "
        "and the loss. Not every seed makes it: some get stuck.",
    ),
    "seed": ("Semilla", "Seed"),
    "seed.help": (
        "Semilla de los pesos iniciales (uniformes en [−1, 1]). Pruebe 0: se atasca.",
        "Seed of the starting weights (uniform in [−1, 1]). Try 0: it gets stuck.",
    ),
    "eta": ("Tasa de aprendizaje η", "Learning rate η"),
    "eta.help": (
        "Paso del gradiente descendente (escala logarítmica).",
        "Gradient descent step (log scale).",
    ),  # fmt: skip
    "mlp_epochs": ("Épocas", "Epochs"),
    "mlp_epochs.help": (
        "Pasos de gradiente descendente sobre las cuatro entradas. La red se entrena una vez hasta "
        "3000 épocas; aquí se ve exactamente el entrenamiento de estas épocas.",
        "Gradient descent steps over the four inputs. The network is trained once up to 3000 "
        "epochs; this shows exactly the training for these epochs.",
    ),
    "loss": ("Pérdida", "Loss"),
    "loss.help": (
        "Entropía cruzada binaria media (desde los logits, estable) o error cuadrático medio.",
        "Mean binary cross-entropy (from the logits, stable) or mean squared error.",
    ),  # fmt: skip
    "loss.bce": ("Entropía cruzada binaria", "Binary cross-entropy"),
    "loss.mse": ("Error cuadrático medio", "Mean squared error"),
    "mlp.solved": (
        "La semilla {seed} resuelve XOR: las cuatro salidas quedan del lado correcto de 0.5 "
        "(pérdida final {loss}).",
        "Seed {seed} solves XOR: all four outputs end on the right side of 0.5 (final loss "
        "{loss}).",
    ),
    "mlp.stuck": (
        "La semilla {seed} **no resuelve** XOR (pérdida final {loss}): al menos una entrada queda "
        "del lado equivocado de 0.5. Con η y épocas suficientes esto es un atasco (una meseta o "
        "un mínimo local, p. ej. la semilla 0); con η pequeña o pocas épocas, puede que solo "
        "falte entrenar: la curva de pérdida lo dice.",
        "Seed {seed} **does not solve** XOR (final loss {loss}): at least one input stays on the "
        "wrong side of 0.5. With enough η and epochs this is getting stuck (a plateau or a local "
        "minimum, e.g. seed 0); with a small η or few epochs it may just need more training: the "
        "loss curve tells.",
    ),
    "sweep.result": (
        "**{solved} de {total}** semillas (0 a 19) resuelven XOR con esta η, estas épocas y esta "
        "pérdida.",
        "**{solved} of {total}** seeds (0 to 19) solve XOR with this η, these epochs and this "
        "loss.",
    ),
    "sweep.caption": (
        "Pérdida final por semilla (verde: resuelve, rojo: atascada; con borde, la semilla de "
        "arriba). Las 20 se entrenan a la vez con las mismas ecuaciones de retropropagación "
        "escritas a mano; las pruebas comprueban que coinciden con el entrenamiento por autodiff.",
        "Final loss per seed (green: solved, red: stuck; outlined: the seed above). All 20 are "
        "trained at once with the same backpropagation equations written out by hand; the tests "
        "check that they match the autodiff training.",
    ),
    # -- perceptron vs ADALINE
    "cmp.intro": (
        "La lección nota que SGD «parece casi la misma regla del perceptrón, exceptuando que la "
        "predicción es un número real y se tiene una tasa de aprendizaje». Aquí las dos, desde "
        "w = 0 y b = 0, sobre los mismos datos: el perceptrón (salida escalón) solo se corrige "
        "cuando se equivoca; ADALINE (salida real w·x + b, pérdida ½(y − ŷ)²) se corrige en "
        "**cada** presentación y se acerca a la solución de mínimos cuadrados. La clase de "
        "ADALINE es ŷ ≥ 0.5, a medio camino entre 0 y 1.",
        "The lecture notes that SGD “looks almost like the perceptron rule, except that the "
        "prediction is a real number and there is a learning rate”. Here are both, from w = 0 "
        "and b = 0, on the same data: the perceptron (step output) is corrected only when it is "
        "wrong; ADALINE (real output w·x + b, loss ½(y − ŷ)²) is corrected on **every** "
        "presentation and approaches the least-squares solution. ADALINE's class is ŷ ≥ 0.5, "
        "halfway between 0 and 1.",
    ),
    "eta_ada": ("η de ADALINE", "ADALINE η"),
    "eta_ada.help": (
        "Tasa de aprendizaje de ADALINE (escala logarítmica). Demasiado grande diverge: aquí "
        "ya con η = 1.",
        "ADALINE's learning rate (log scale). Too large diverges: here already at η = 1.",
    ),
    "cmp_epochs": ("Épocas (comparación)", "Epochs (comparison)"),
    "cmp_epochs.help": (
        "Pasadas por las cuatro entradas para las dos reglas.",
        "Passes over the four inputs for both rules.",
    ),  # fmt: skip
    "cmp.result": (
        "En la última época el perceptrón comete {per} error(es) y se ha corregido {pu} veces "
        "(solo al equivocarse); ADALINE clasifica mal {ada} entrada(s), su error cuadrático medio "
        "es {mse} y se ha corregido en las {au} presentaciones.",
        "In the last epoch the perceptron makes {per} mistake(s) and has been updated {pu} times "
        "(only when wrong); ADALINE misclassifies {ada} input(s), its mean squared error is {mse}, "
        "and it has been updated on all {au} presentations.",
    ),
    "cmp.diverged": (
        "ADALINE diverge en la presentación {k} con η = {eta}: los pesos crecen sin límite. "
        "Baje η.",
        "ADALINE diverges at presentation {k} with η = {eta}: the weights grow without bound. "
        "Lower η.",
    ),
    "cmp.caption": (
        "Izquierda: el camino de (w₁, w₂) con cada regla (el perceptrón salta de a pasos "
        "enteros; ADALINE se desliza). Derecha: el tamaño de cada corrección |Δ(w, b)| por "
        "presentación: ceros del perceptrón cuando acierta.",
        "Left: the path of (w₁, w₂) under each rule (the perceptron jumps in whole steps; ADALINE "
        "glides). Right: the size of each update |Δ(w, b)| per presentation: the perceptron's "
        "zeros when it is right.",
    ),
    # -- figures
    "fig.region": ("región ŷ = 1", "region ŷ = 1"),
    "fig.line": ("recta w·x = θ", "line w·x = θ"),
    "fig.y0": ("objetivo y = 0", "target y = 0"),
    "fig.y1": ("objetivo y = 1", "target y = 1"),
    "fig.shown": ("entrada presentada", "presented input"),
    "fig.start": ("inicio", "start"),
    "fig.presentation": ("presentación", "presentation"),
    "fig.x1": ("x₁", "x₁"),
    "fig.x2": ("x₂", "x₂"),
    "fig.A": ("A: AND1, W₁·x = θ", "A: AND1, W₁·x = θ"),
    "fig.B": ("B: AND2, W₂·x = θ", "B: AND2, W₂·x = θ"),
    "fig.out": ("salida: v·(A, B) = θ", "output: v·(A, B) = θ"),
    "fig.out_mlp": ("salida: ŷ = 0.5", "output: ŷ = 0.5"),
    "fig.sums": ("sumas (z_A, z_B)", "sums (z_A, z_B)"),
    "fig.epoch": ("época", "epoch"),
    "fig.errors": ("errores en la época", "errors in the epoch"),
    "fig.weight": ("peso", "weight"),
    "fig.p": ("ŷ", "ŷ"),
    "fig.h1": ("unidad oculta 1: h₁ = 0.5", "hidden unit 1: h₁ = 0.5"),
    "fig.h2": ("unidad oculta 2: h₂ = 0.5", "hidden unit 2: h₂ = 0.5"),
    "fig.loss": ("pérdida", "loss"),
    "fig.seed": ("semilla", "seed"),
    "fig.final_loss": ("pérdida final", "final loss"),
    "fig.solved": ("resuelve XOR", "solves XOR"),
    "fig.stuck": ("atascada", "stuck"),
    "fig.perceptron": ("perceptrón", "perceptron"),
    "fig.adaline": ("ADALINE", "ADALINE"),
    "fig.update": ("|Δ(w, b)|", "|Δ(w, b)|"),
    # -- table columns
    "col.x1": ("x₁", "x₁"),
    "col.x2": ("x₂", "x₂"),
    "col.presentation": ("presentación", "presentation"),
    "col.epoch": ("época", "epoch"),
    "col.weighted_sum": ("w·x", "w·x"),
    "col.y_hat": ("ŷ", "ŷ"),
    "col.y": ("y", "y"),
    "col.error": ("y − ŷ", "y − ŷ"),
    "col.dw1": ("Δw₁", "Δw₁"),
    "col.dw2": ("Δw₂", "Δw₂"),
    "col.w1": ("w₁ nuevo", "new w₁"),
    "col.w2": ("w₂ nuevo", "new w₂"),
    "col.changed": ("cambia", "changed"),
    "col.z_A": ("z_A = W₁·x", "z_A = W₁·x"),
    "col.z_B": ("z_B = W₂·x", "z_B = W₂·x"),
    "col.A": ("A = σ[z_A]", "A = σ[z_A]"),
    "col.B": ("B = σ[z_B]", "B = σ[z_B]"),
    "col.z_out": ("v·(A, B)", "v·(A, B)"),
    "col.ok": ("= XOR", "= XOR"),
    "col.perceptron_z": ("perceptrón w·x + b", "perceptron w·x + b"),
    "col.perceptron_y_hat": ("perceptrón ŷ", "perceptron ŷ"),
    "col.adaline_y_hat": ("ADALINE ŷ (real)", "ADALINE ŷ (real)"),
    "col.adaline_class": ("ADALINE clase", "ADALINE class"),
    "mlp.training": (
        "Entrenando una vez, para esta pérdida, las redes 2-2-1 de {seeds} semillas con cada η "
        "({epochs} épocas)…",
        "Training once, for this loss, the 2-2-1 networks of {seeds} seeds with every η ({epochs} "
        "epochs)…",
    ),
    # -- sections (tabs; ?tab=<key> in the link)
    "tab.slide": ("Regla del perceptrón", "Perceptron rule"),
    "tab.network": ("Red XOR", "XOR network"),
    "tab.convergence": ("Una unidad y XOR", "One unit on XOR"),
    "tab.mlp": ("MLP sigmoide", "Sigmoid MLP"),
    "tab.adaline": ("Perceptrón vs ADALINE", "Perceptron vs ADALINE"),
    # -- the convergence section's setting, said in words
    "conv.rule": (
        "La diapositiva de la regla: w = [0, 0], b = 0 aprendido, γ = 1, θ = 0; {epochs} épocas "
        "(las de la sección «Regla del perceptrón»).",
        "The rule slide: w = [0, 0], learned b = 0, γ = 1, θ = 0; {epochs} epochs (those of the "
        "section “Perceptron rule”).",
    ),
    "conv.slide": (
        "Sin sesgo, con los controles de la sección «Regla del perceptrón»: "
        "w₀ = {w}, γ = {gamma:g}, θ = {theta:g}, {epochs} épocas.",
        "No bias, with the controls of the section “Perceptron rule”: w₀ = {w}, "
        "γ = {gamma:g}, θ = {theta:g}, {epochs} epochs.",
    ),
    # -- the MLP's gradient check
    "check.title": (
        "Comprobación del gradiente: autodiff frente a la retropropagación a mano (semilla {seed})",
        "Gradient check: autodiff vs backprop by hand (seed {seed})",
    ),
    "check.caption": (
        "∂L/∂θ en los pesos iniciales de la semilla: por `dlviz.autodiff` (el grafo de la "
        "pérdida, modo inverso) y por la regla de la cadena escrita a mano, la que usa el "
        "entrenamiento (todas las semillas y η a la vez). Coinciden hasta el redondeo.",
        "∂L/∂θ at the seed's starting weights: by `dlviz.autodiff` (the loss's graph, reverse "
        "mode) and by the chain rule written out by hand, which the training uses (every seed "
        "and η at once). They agree up to rounding.",
    ),
    "col.parameter": ("parámetro", "parameter"),
    "col.autodiff": ("autodiff", "autodiff"),
    "col.backprop": ("retropropagación a mano", "backprop by hand"),
    "col.gap": ("|diferencia|", "|gap|"),
    # -- words inside the formulas (TEXT_LATEX's $names)
    "latex.perceptron": ("Perceptrón", "Perceptron"),
}

# The page's formulas, in the lecture's notation (the same in both languages but for the
# ``$name`` words, filled in with ``string.Template`` from ``TEXT["latex.<name>"]``).
TEXT_LATEX = {
    "rule": (
        r"\hat y = \sigma[\mathbf w\cdot\mathbf x] = \begin{cases} 1, & \mathbf w\cdot"
        r"\mathbf x \ge \theta \\ 0, & \mathbf w\cdot\mathbf x < \theta\end{cases}"
        r" \qquad w'_i = w_i + \gamma\,(y-\hat y)\,x_i"
    ),
    "xor": (
        r"\text{XOR} = \text{OR}\big[\text{AND1}(x_1,\bar x_2),\ \text{AND2}(\bar x_1, x_2)"
        r"\big],\quad y = x_1\bar x_2 + \bar x_1 x_2"
    ),
    "mlp": (
        r"\mathbf h = \sigma(W_1\mathbf x + \mathbf b_1),\quad \hat y = \sigma(\mathbf w_2"
        r"\cdot\mathbf h + b_2),\quad \theta \leftarrow \theta - \eta\,\nabla_\theta L"
    ),
    "compare": (
        r"\begin{gathered}\text{$perceptron: } \hat y = \sigma[\mathbf w\cdot\mathbf x + b],\ "
        r"\mathbf w \leftarrow \mathbf w + (y-\hat y)\,\mathbf x \\ \text{ADALINE: } \hat y = "
        r"\mathbf w\cdot\mathbf x + b,\ \mathbf w \leftarrow \mathbf w + \eta\,(y-\hat y)\,"
        r"\mathbf x\end{gathered}"
    ),
}
