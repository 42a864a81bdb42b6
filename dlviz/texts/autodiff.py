"""Text of the Autodiff page (agenda item "Autodiferenciación (AD)" of lecture 03)."""

TEXT = {
    "intro": (
        "La **autodiferenciación en modo reverso** es lo que hay detrás de cada gradiente de este "
        "laboratorio (y de PyTorch): la fórmula se convierte en un **grafo computacional**; el "
        "paso hacia adelante calcula el valor de cada nodo y el paso hacia atrás recorre el grafo "
        "al revés aplicando la **regla de la cadena**: cada nodo v recibe su adjunto "
        "v̄ = ∂f/∂v sumando, sobre los nodos que lo usan, adjunto × derivada local.",
        "**Reverse-mode automatic differentiation** is what is behind every gradient in this lab "
        "(and in PyTorch): the formula becomes a **computational graph**; the forward pass "
        "computes each node's value and the backward pass walks the graph in reverse applying "
        "the **chain rule**: each node v gets its adjoint v̄ = ∂f/∂v by adding, over the nodes "
        "that use it, adjoint × local derivative.",
    ),
    # The page's sections (tabs, ?tab=<key> in the link), the slide's graph first.
    "tab.graph": ("Grafo paso a paso", "The graph, step by step"),
    "tab.rules": ("Reglas de derivación", "Derivative rules"),
    "tab.modes": ("Adelante vs. reverso", "Forward vs reverse"),
    "tab.check": ("Comprobar ∇f", "Gradient check"),
    "tab.softmax": ("Softmax: dos caminos", "Softmax: two paths"),
    "tab.twice": ("backward() dos veces", "backward() twice"),
    "f": ("Función f(x, y)", "Function f(x, y)"),
    "f.help": (
        "Escriba una función de x e y: + − * / ^, paréntesis, multiplicación implícita (2x, "
        "3x y), pi, e, sin cos tan exp log sqrt abs tanh sigmoid. Ejemplo: x^2 y + y. Al "
        "cambiarla, el paso a paso vuelve al inicio.",
        "Type a function of x and y: + − * / ^, parentheses, implicit multiplication (2x, 3x y), "
        "pi, e, sin cos tan exp log sqrt abs tanh sigmoid. Example: x^2 y + y. Changing it "
        "restarts the step-through.",
    ),
    "examples": ("Ejemplos:", "Examples:"),
    "example.lecture": ("lección: x²y + y", "lecture: x²y + y"),
    "example.shared": ("subexpresión compartida", "shared sub-expression"),
    "example.quotient": ("cociente", "quotient"),
    "example.sigmoid": ("recíproco", "reciprocal"),
    "x0": ("x", "x"),
    "x0.help": ("Valor de la entrada x del grafo.", "Value of the graph's input x."),
    "y0": ("y", "y"),
    "y0.help": ("Valor de la entrada y del grafo.", "Value of the graph's input y."),
    "phase.start": (
        "**Paso 0 de {total}**: nada calculado aún. **Siguiente** evalúa el primer nodo del "
        "paso hacia adelante (orden topológico: cada nodo después de sus entradas).",
        "**Step 0 of {total}**: nothing computed yet. **Next** evaluates the first node of the "
        "forward pass (topological order: every node after its inputs).",
    ),
    "phase.forward": (
        "**Paso {step} de {total} — hacia adelante**: `{computation}` = **{value}**.",
        "**Step {step} of {total} — forward**: `{computation}` = **{value}**.",
    ),
    "phase.backward": (
        "**Paso {step} de {total} — hacia atrás**: el adjunto de `{node}` ya está completo, "
        "∂{symbol}/∂{node} = **{adjoint}**; envía adjunto × derivada local a sus entradas: "
        "{sent}.",
        "**Step {step} of {total} — backward**: the adjoint of `{node}` is complete, "
        "∂{symbol}/∂{node} = **{adjoint}**; it sends adjoint × local derivative to its inputs: "
        "{sent}.",
    ),
    "phase.done": (
        "**Paso {step} de {total} — terminado**: f = {f}, **∂f/∂x = {gx}**, **∂f/∂y = {gy}** "
        "(lo mismo que `backward()` deja en `.grad`).",
        "**Step {step} of {total} — done**: f = {f}, **∂f/∂x = {gx}**, **∂f/∂y = {gy}** (the "
        "same that `backward()` leaves in `.grad`).",
    ),
    "graph.rule": (
        "Regla de derivación de este paso: **{rule}** (ver la pestaña *Reglas de derivación*).",
        "Derivative rule of this step: **{rule}** (see the *Derivative rules* tab).",
    ),
    "graph.caption": (
        "Azul: valor calculado; naranja: nodo actual; amarillo: adjunto parcial (faltan "
        "aportes); verde: adjunto completo. Borde doble: entradas; texto suelto: constantes. Una "
        "subexpresión que aparece varias veces es un solo nodo: su adjunto suma los aportes.",
        "Blue: value computed; orange: current node; yellow: partial adjoint (contributions "
        "still missing); green: adjoint complete. Double border: inputs; plain text: constants. A "
        "sub-expression that appears several times is a single node: its adjoint adds up the "
        "contributions.",
    ),
    "forward.table": ("Paso hacia adelante", "Forward pass"),
    "backward.table": ("Paso hacia atrás (regla de la cadena)", "Backward pass (chain rule)"),
    "forward.none": (
        "Ningún nodo evaluado aún: **Siguiente** empieza por las entradas.",
        "No node evaluated yet: **Next** starts with the inputs.",
    ),
    "backward.none": (
        "El paso hacia atrás empieza cuando termina el paso hacia adelante.",
        "The backward pass starts when the forward pass is over.",
    ),
    "undefined": (
        "f o una derivada local no están definidas en ({x}, {y}) (p. ej. log de un número ≤ 0 o "
        "división por 0): aparecen nan o inf en el grafo.",
        "f or a local derivative is not defined at ({x}, {y}) (e.g. log of a number ≤ 0 or a "
        "division by 0): nan or inf appear in the graph.",
    ),
    "col.node": ("Nodo", "Node"),
    "col.expression": ("Subexpresión", "Sub-expression"),
    "col.computation": ("Cálculo", "Computation"),
    "col.value": ("Valor", "Value"),
    "col.edge": ("Arista", "Edge"),
    "col.local_derivative": ("Derivada local", "Local derivative"),
    "col.local": ("∂v/∂p", "∂v/∂p"),
    "col.incoming": ("Entrante v̄", "Incoming v̄"),
    "col.contribution": ("Aporte v̄·∂v/∂p", "Sent v̄·∂v/∂p"),
    "col.accumulated": ("Acumulado p̄", "Accumulated p̄"),
    "rules.intro": (
        "La tabla de la lección, junto a la operación de `dlviz.autodiff` cuyo paso hacia atrás "
        "usa cada regla y la regla tal como está escrita en el motor (`g` es el adjunto "
        "entrante). ▶ marca la regla del nodo actual del paso hacia atrás (el paso de la pestaña "
        "*El grafo, paso a paso*, que queda en el enlace); la regla de la cadena se aplica en "
        "**todos** los pasos: aporte = adjunto × derivada local.",
        "The lecture's table, next to the `dlviz.autodiff` op whose backward pass uses each rule "
        "and the rule as written in the engine (`g` is the incoming adjoint). ▶ marks the rule "
        "of the current backward node (the step of the *graph, step by step* tab, kept in the "
        "link); the chain rule is applied at **every** step: contribution = adjoint × local "
        "derivative.",
    ),
    "rules.code": (
        "El motor, tal cual: cada operación guarda su regla hacia atrás (`lambda g: …`) y "
        "`backward()` recorre el grafo al revés sumando adjunto × derivada local en `.grad`.",
        "The engine as it is: each op keeps its backward rule (`lambda g: …`) and `backward()` "
        "walks the graph in reverse adding adjoint × local derivative into `.grad`.",
    ),
    "rule": ("Regla", "Rule"),
    "function": ("Función", "Function"),
    "derivative": ("Derivada", "Derivative"),
    "ops": ("Operación en dlviz", "dlviz op"),
    "engine": ("Paso hacia atrás en el motor", "Backward rule in the engine"),
    "rule.sum": ("Suma", "Sum"),
    "rule.difference": ("Diferencia", "Difference"),
    "rule.product": ("Producto", "Product"),
    "rule.quotient": ("Cociente", "Quotient"),
    "rule.reciprocal": ("Recíproco", "Reciprocal"),
    "rule.chain": ("Cadena", "Chain"),
    "rules.slip": (
        "La diapositiva escribe la regla del recíproco como −[f'(x)]²/f(x)²: es un desliz. La "
        "regla es −f'(x)/f(x)² (el cociente con f = 1), que es lo que hace el motor: "
        "`-g * a.data / b.data**2` con a = 1. La potencia (`pow`) usa la regla de la potencia, "
        "que la tabla no trae, dentro de la regla de la cadena.",
        "The slide writes the reciprocal rule as −[f'(x)]²/f(x)²: a slip. The rule is "
        "−f'(x)/f(x)² (the quotient with f = 1), which is what the engine does: "
        "`-g * a.data / b.data**2` with a = 1. A power (`pow`) uses the power rule, which the "
        "table leaves out, inside the chain rule.",
    ),
    "modes.intro": (
        "El **modo hacia adelante** lleva, junto a cada valor, su derivada respecto a UNA "
        "entrada: un número dual a + a'ε con ε² = 0. Una pasada da f y ∂f/∂xᵢ para la entrada "
        "sembrada con 1; el gradiente de f: Rⁿ → R necesita **n pasadas**. El **modo reverso** "
        "necesita **una** pasada hacia adelante y **una** hacia atrás, sea cual sea n: por eso "
        "se entrenan redes con millones de pesos en modo reverso.",
        "**Forward mode** carries, next to each value, its derivative with respect to ONE "
        "input: a dual number a + a'ε with ε² = 0. One pass gives f and ∂f/∂xᵢ for the input "
        "seeded with 1; the gradient of f: Rⁿ → R needs **n passes**. **Reverse mode** needs "
        "**one** forward and **one** backward pass, whatever n is: that is why networks with "
        "millions of weights are trained in reverse mode.",
    ),
    "modes.result": (
        "Con la fórmula actual (n = 2 entradas): **modo hacia adelante**, 2 pasadas → ∇f = "
        "({fx}, {fy}); **modo reverso**, 1 pasada hacia adelante + 1 hacia atrás → ∇f = "
        "({rx}, {ry}). Diferencia máxima: {gap}.",
        "With the current formula (n = 2 inputs): **forward mode**, 2 passes → ∇f = ({fx}, "
        "{fy}); **reverse mode**, 1 forward + 1 backward pass → ∇f = ({rx}, {ry}). Largest "
        "difference: {gap}.",
    ),
    "n": ("Número de entradas n (máximo)", "Number of inputs n (largest)"),
    "n.help": (
        "Se mide el tiempo de ambos modos en f(v) = Σᵢ cᵢ vᵢ vᵢ₊₁ + sin(vᵢ) con n = 10, 20, … "
        "hasta este valor, al pulsar **Medir**. Un n menor que el ya medido se muestra al "
        "instante.",
        "Both modes are timed on f(v) = Σᵢ cᵢ vᵢ vᵢ₊₁ + sin(vᵢ) for n = 10, 20, … up to this "
        "value when you press **Measure**. An n below the one measured shows at once.",
    ),
    "seed": ("Semilla", "Seed"),
    "seed.help": (
        "Semilla de los coeficientes cᵢ y del punto aleatorios.",
        "Seed of the random coefficients cᵢ and point.",
    ),
    "measure": ("Medir", "Measure"),
    "measure.help": (
        "Mide ambos modos para n = 10, 20, … hasta el n elegido con esta semilla (hasta n = 200 "
        "tarda 1–2 s). Las medidas se guardan: otra visita con los mismos valores no espera.",
        "Times both modes for n = 10, 20, … up to the chosen n with this seed (up to n = 200 "
        "takes 1–2 s). Measurements are kept: another visit with the same values does not wait.",
    ),
    "modes.stale": (
        "La figura muestra la medida para n ≤ {measured}, semilla {measured_seed}. Pulse "
        "**Medir** para medir hasta n = {n} con la semilla {seed}.",
        "The figure shows the measurement for n ≤ {measured}, seed {measured_seed}. Press "
        "**Measure** to time up to n = {n} with seed {seed}.",
    ),
    "modes.timing": (
        "Función generada con **n = {n}** entradas: modo hacia adelante **{fwd} ms** ({n} "
        "pasadas), modo reverso **{rev} ms** (1 + 1 pasadas): {ratio}× más rápido. Ambos "
        "gradientes coinciden (diferencia máxima {gap}). Tiempos medidos en este servidor (el "
        "mejor de 3).",
        "Generated function with **n = {n}** inputs: forward mode **{fwd} ms** ({n} passes), "
        "reverse mode **{rev} ms** (1 + 1 passes): {ratio}× faster. Both gradients agree "
        "(largest difference {gap}). Times measured on this server (best of 3).",
    ),
    "fig.forward": ("modo hacia adelante (n pasadas)", "forward mode (n passes)"),
    "fig.reverse": ("modo reverso (1 + 1 pasadas)", "reverse mode (1 + 1 passes)"),
    "fig.n": ("número de entradas n", "number of inputs n"),
    "fig.ms": ("tiempo (ms)", "time (ms)"),
    "check.intro": (
        "Las diferencias finitas aproximan la derivada con dos evaluaciones de f. Su error "
        "frente al valor exacto (autodiferenciación) tiene dos partes: **truncamiento** "
        "(∝ h hacia adelante, ∝ h² centrada) y **redondeo** (∝ ε|f|/h con ε ≈ 2.2·10⁻¹⁶). En "
        "escala log-log forman una V; su fondo es el mejor h.",
        "Finite differences approximate the derivative with two evaluations of f. Their error "
        "against the exact value (autodiff) has two parts: **truncation** (∝ h forward, ∝ h² "
        "central) and **round-off** (∝ ε|f|/h with ε ≈ 2.2·10⁻¹⁶). On log-log axes they make a "
        "V; its bottom is the best h.",
    ),
    "var": ("Derivada respecto a", "Derivative with respect to"),
    "var.help": (
        "La variable cuya derivada parcial se comprueba.",
        "The variable whose partial derivative is checked.",
    ),
    "var.x": ("x", "x"),
    "var.y": ("y", "y"),
    "check.best": (
        "Autodiferenciación: ∂f/∂{var} = {exact}. Mejor h: centrada h ≈ {hc} (error {ec}); "
        "hacia adelante h ≈ {hf} (error {ef}). Con h muy pequeño domina el redondeo.",
        "Autodiff: ∂f/∂{var} = {exact}. Best h: central h ≈ {hc} (error {ec}); forward h ≈ {hf} "
        "(error {ef}). With a very small h, round-off dominates.",
    ),
    "check.exact": (
        "Aquí la diferencia centrada no tiene truncamiento: f es a lo sumo cuadrática en {var} "
        "(el término h²·f'''/6 es 0), así que solo se ve el redondeo. Pruebe `exp(x) sin(y)`.",
        "Here the central difference has no truncation: f is at most quadratic in {var} (the "
        "h²·f'''/6 term is 0), so only round-off shows. Try `exp(x) sin(y)`.",
    ),
    "check.undefined": (
        "La derivada no está definida en este punto: no hay nada que comprobar.",
        "The derivative is not defined at this point: there is nothing to check.",
    ),
    "fig.central": ("centrada (f(x+h) − f(x−h))/2h", "central (f(x+h) − f(x−h))/2h"),
    "fig.forward_difference": ("hacia adelante (f(x+h) − f(x))/h", "forward (f(x+h) − f(x))/h"),
    "fig.roundoff": ("redondeo ε|f|/h", "round-off ε|f|/h"),
    "fig.best": ("mejor h", "best h"),
    "fig.h": ("paso h", "step h"),
    "fig.error": ("|diferencia finita − autodiff|", "|finite difference − autodiff|"),
    "softmax.intro": (
        "La lección deriva ∂L/∂w₁,₂ para L = entropía cruzada(softmax(z)), z = Wx + b: w₁,₂ "
        "solo entra en z₁, pero z₁ llega a L por **dos caminos**, a₁ y a₂, porque todas las "
        "salidas de softmax comparten el denominador Σ exp z. El grafo se construye con tensores "
        "de `dlviz.autodiff`; los dos caminos están coloreados (morado: tramo común). Aquí W = "
        "{W}, b = {b}.",
        "The lecture derives ∂L/∂w₁,₂ for L = cross-entropy(softmax(z)), z = Wx + b: w₁,₂ only "
        "enters z₁, but z₁ reaches L along **two paths**, a₁ and a₂, because all softmax "
        "outputs share the denominator Σ exp z. The graph is built from `dlviz.autodiff` "
        "tensors; the two paths are coloured (purple: the part they share). Here W = {W}, "
        "b = {b}.",
    ),
    "x1": ("x₁", "x₁"),
    "x1.help": ("Primera entrada de la muestra.", "First input of the sample."),
    "x2": ("x₂", "x₂"),
    "x2.help": (
        "Segunda entrada: ∂z₁/∂w₁,₂ = x₂, el factor común de los dos caminos.",
        "Second input: ∂z₁/∂w₁,₂ = x₂, the factor both paths share.",
    ),
    "y1": ("Etiqueta y₁ (y₂ = 1 − y₁)", "Label y₁ (y₂ = 1 − y₁)"),
    "y1.help": (
        "1 = clase 1 en one-hot. Un valor entre 0 y 1 es una etiqueta suave: así los dos "
        "caminos llevan gradiente.",
        "1 = class 1 in one-hot. A value between 0 and 1 is a soft label: then both paths carry "
        "gradient.",
    ),
    "path": ("camino", "path"),
    "softmax.onehot": (
        "Con y one-hot, ∂L/∂a_k = −y_k/a_k es 0 para la clase incorrecta: uno de los dos caminos "
        "aporta 0, aunque exista. Mueva y₁ entre 0 y 1 para ver ambos.",
        "With a one-hot y, ∂L/∂a_k = −y_k/a_k is 0 for the wrong class: one of the two paths "
        "contributes 0, although it exists. Move y₁ between 0 and 1 to see both.",
    ),
    "softmax.check": (
        "Suma de los caminos = {paths}; `w₁,₂.grad` del grafo = {autodiff}; con tensores "
        "enteros (`W @ x + b`, logsumexp) = {matrix}; la forma de la lección (a₁ − y₁)·x₂ = "
        "{closed}.",
        "Sum of the paths = {paths}; `w₁,₂.grad` of the graph = {autodiff}; with whole tensors "
        "(`W @ x + b`, logsumexp) = {matrix}; the lecture's form (a₁ − y₁)·x₂ = {closed}.",
    ),
    "slide.arrows": (
        "En la diapositiva las flechas emparejan mal los factores: ∂L/∂a₁ = −y₁/a₁ y ∂a₁/∂z₁ = "
        "a₁(1 − a₁); ∂L/∂a₂ = −y₂/a₂ (con signo menos) y ∂a₂/∂z₁ = −a₂a₁.",
        "On the slide the arrows pair the factors the wrong way round: ∂L/∂a₁ = −y₁/a₁ and "
        "∂a₁/∂z₁ = a₁(1 − a₁); ∂L/∂a₂ = −y₂/a₂ (with a minus sign) and ∂a₂/∂z₁ = −a₂a₁.",
    ),
    "twice.intro": (
        "En `dlviz`, cada `backward()` **recalcula** `.grad` desde cero: llamarlo otra vez da lo "
        "mismo. PyTorch (y `backward(accumulate=True)` aquí) **acumula**: suma el nuevo "
        "gradiente al que ya estaba, así que la llamada k deja k·∇f. Acumular es útil (varias "
        "pérdidas, o un batch grande repartido en mini-batches, suman sus gradientes), pero en un "
        "bucle de entrenamiento hay que **poner los gradientes a cero** antes de cada paso "
        "(`optimizer.zero_grad()`), o cada actualización usaría la suma de todos los gradientes "
        "anteriores.",
        "In `dlviz`, every `backward()` **recomputes** `.grad` from scratch: calling it again "
        "gives the same. PyTorch (and `backward(accumulate=True)` here) **accumulates**: it adds "
        "the new gradient to the one already there, so call k leaves k·∇f. Accumulating is "
        "useful (several losses, or a large batch split into mini-batches, add their gradients), "
        "but a training loop must **zero the gradients** before each step "
        "(`optimizer.zero_grad()`), or every update would use the sum of all earlier gradients.",
    ),
    "calls": ("Llamadas a backward()", "Calls to backward()"),
    "calls.help": (
        "Cuántas veces se llama backward() sobre el mismo grafo.",
        "How many times backward() is called on the same graph.",
    ),
    "twice.constant": (
        "La fórmula es constante: no hay gradiente que calcular.",
        "The formula is constant: there is no gradient to compute.",
    ),
    "col.call": ("Llamada", "Call"),
    "col.default_x": ("x.grad (dlviz)", "x.grad (dlviz)"),
    "col.default_y": ("y.grad (dlviz)", "y.grad (dlviz)"),
    "col.accumulate_x": ("x.grad (accumulate=True)", "x.grad (accumulate=True)"),
    "col.accumulate_y": ("y.grad (accumulate=True)", "y.grad (accumulate=True)"),
}
