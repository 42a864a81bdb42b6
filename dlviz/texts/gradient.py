"""Text of the Gradient page (section "Gradiente" of lecture 03)."""

TEXT = {
    "intro": (
        "El operador nabla reúne las derivadas parciales. Para un punto fijo, el **gradiente** "
        "indica en qué dirección hay que moverse para que la función **aumente más rápido**; "
        "por eso, moverse en contra del gradiente es la regla de actualización del gradiente "
        "descendente.",
        "The nabla operator collects the partial derivatives. At a fixed point, the **gradient** "
        "tells in which direction to move for the function to **increase fastest**; that is why "
        "moving against the gradient is the update rule of gradient descent.",
    ),
    "lecture.example": ("Ejemplo de la lección", "The lecture's example"),
    "slip.delta": (
        "Nota sobre la diapositiva: escribe «Δf» para el vector gradiente, en la definición "
        "(«Δf = [∂f/∂x; ∂f/∂y; ∂f/∂z; …]») y en este ejemplo («Δf = [∂f/∂x; ∂f/∂y]», "
        "«Δf(x, y) = [2xy; x² + 1]»). El gradiente es **∇f** (nabla), como en la primera "
        "fórmula de la misma diapositiva; **Δf** (delta) es el laplaciano, "
        "∂²f/∂x² + ∂²f/∂y², un número y no un vector: para f = x²y + y, Δf = 2y (= 2 en (1, 1)).",
        "Note on the slide: it writes “Δf” for the gradient vector, in the definition "
        "(“Δf = [∂f/∂x; ∂f/∂y; ∂f/∂z; …]”) and in this example (“Δf = [∂f/∂x; ∂f/∂y]”, "
        "“Δf(x, y) = [2xy; x² + 1]”). The gradient is **∇f** (nabla), as in the first formula of "
        "the same slide; **Δf** (delta) is the Laplacian, ∂²f/∂x² + ∂²f/∂y², a number, not a "
        "vector: for f = x²y + y, Δf = 2y (= 2 at (1, 1)).",
    ),
    "f": ("Función f(x, y)", "Function f(x, y)"),
    "f.help": (
        "Escriba una función de x e y: + − * / ^, paréntesis, multiplicación implícita (2x, "
        "3x y), pi, e, sin cos tan exp log sqrt abs tanh sigmoid. Ejemplo: x^2 y + y.",
        "Type a function of x and y: + − * / ^, parentheses, implicit multiplication (2x, 3x y), "
        "pi, e, sin cos tan exp log sqrt abs tanh sigmoid. Example: x^2 y + y.",
    ),
    "examples": ("Ejemplos:", "Examples:"),
    "example.lecture": ("lección: x²y + y", "lecture: x²y + y"),
    "example.bowl": ("tazón alargado", "elongated bowl"),
    "example.saddle": ("silla", "saddle"),
    "example.waves": ("ondas", "waves"),
    "example.rosenbrock": ("Rosenbrock", "Rosenbrock"),
    "x0": ("x₀ del punto", "Point x₀"),
    "x0.help": (
        "Coordenada x del punto donde se evalúa el gradiente.",
        "x coordinate of the point where the gradient is evaluated.",
    ),
    "y0": ("y₀ del punto", "Point y₀"),
    "y0.help": (
        "Coordenada y del punto donde se evalúa el gradiente.",
        "y coordinate of the point where the gradient is evaluated.",
    ),
    "span": ("Mitad del ancho de la vista", "Half-width of the view"),
    "span.help": (
        "Las figuras muestran x e y en [−ancho, ancho].",
        "The figures show x and y in [−width, width].",
    ),
    "outside": (
        "El punto ({x}, {y}) queda fuera de la vista; amplíe la vista para verlo.",
        "The point ({x}, {y}) is outside the view; widen the view to see it.",
    ),
    "tab.point": ("∇f en el punto (diapositiva)", "∇f at the point (slide)"),
    "tab.surface": ("Superficie 3-D", "3-D surface"),
    "tab.descent": ("Gradiente descendente", "Gradient descent"),
    "tab.direction": ("Derivada direccional", "Directional derivative"),
    "result": ("Gradiente en el punto", "Gradient at the point"),
    "undefined": (
        "f o su gradiente no están definidos en ({x}, {y}) (por ejemplo, log de un número ≤ 0 o "
        "división por 0). Mueva el punto.",
        "f or its gradient is not defined at ({x}, {y}) (for instance log of a number ≤ 0 or a "
        "division by 0). Move the point.",
    ),
    "no.symbolic": (
        "La forma simbólica no se muestra para esta fórmula (demasiado grande o con constantes "
        "enormes); los valores numéricos sí son exactos.",
        "The symbolic form is not shown for this formula (too large, or with huge constants); the "
        "numeric values are still exact.",
    ),
    "col.derivative": ("Derivada", "Derivative"),
    "col.formula": ("Fórmula", "Formula"),
    "col.autodiff": ("Autodiferenciación", "Autodiff"),
    "col.finite_difference": ("Diferencias finitas (h=10⁻⁶)", "Finite differences (h=10⁻⁶)"),
    "col.gap": ("|diferencia|", "|difference|"),
    "check.caption": (
        "El valor exacto viene de la autodiferenciación en modo reverso (`dlviz.autodiff`); las "
        "diferencias finitas centrales (f(p+h) − f(p−h)) / 2h son una comprobación independiente "
        "con un error del orden de h² y del redondeo.",
        "The exact value comes from reverse-mode automatic differentiation (`dlviz.autodiff`); "
        "central finite differences (f(p+h) − f(p−h)) / 2h are an independent check, with an error "
        "of order h² plus round-off.",
    ),
    "surface.title": (
        "Superficie con el vector gradiente ∇f en ({x}, {y})",
        "Surface with gradient vector ∇f at ({x}, {y})",
    ),
    "contour.title": ("Curvas de nivel y campo de gradientes", "Level curves and gradient field"),
    "contour.caption": (
        "Las flechas blancas muestran la dirección de ∇f (normalizada) en cada punto: siempre "
        "perpendiculares a las curvas de nivel. La línea punteada roja es la curva de nivel que "
        "pasa por el punto.",
        "White arrows show the direction of ∇f (normalised) at each point: always perpendicular "
        "to the level curves. The dotted red line is the level curve through the point.",
    ),
    "fig.f": ("f(x, y)", "f(x, y)"),
    "fig.field": ("dirección de ∇f", "direction of ∇f"),
    "fig.level": ("curva de nivel", "level curve"),
    "fig.point": ("punto", "point"),
    "fig.grad": ("∇f", "∇f"),
    "fig.u": ("u", "u"),
    "fig.walk": ("recorrido", "walk"),
    "fig.step": ("paso", "step"),
    "fig.max": ("máximo = |∇f|", "maximum = |∇f|"),
    "fig.theta": ("dirección θ (grados)", "direction θ (degrees)"),
    "direction.header": ("Dirección de máximo crecimiento", "Direction of fastest increase"),
    "direction.intro": (
        "La derivada direccional a lo largo de un vector unitario u = (cos θ, sin θ) es "
        "∇f·u = |∇f| cos(ángulo entre ∇f y u): es máxima (= |∇f|) cuando u apunta como ∇f, "
        "nula a lo largo de la curva de nivel y mínima en sentido contrario.",
        "The directional derivative along a unit vector u = (cos θ, sin θ) is "
        "∇f·u = |∇f| cos(angle between ∇f and u): largest (= |∇f|) when u points along ∇f, zero "
        "along the level curve, and smallest in the opposite direction.",
    ),
    "angle": ("Dirección θ de u (grados)", "Direction θ of u (degrees)"),
    "angle.help": (
        "Ángulo de u medido desde el eje x. Pruebe el ángulo de ∇f y ese ángulo ± 90°.",
        "Angle of u measured from the x axis. Try the angle of ∇f and that angle ± 90°.",
    ),
    "direction.result": (
        "En θ = {angle}°: ∇f·u = **{value}**. El máximo, |∇f| = **{norm}**, está en θ = "
        "**{best}°** (la dirección de ∇f); ∇f·u = 0 en θ = {zero1}° y {zero2}° (a lo largo de la "
        "curva de nivel).",
        "At θ = {angle}°: ∇f·u = **{value}**. The maximum, |∇f| = **{norm}**, is at θ = "
        "**{best}°** (the direction of ∇f); ∇f·u = 0 at θ = {zero1}° and {zero2}° (along the "
        "level curve).",
    ),
    "direction.zero": (
        "∇f = 0 en este punto: ninguna dirección hace crecer f a primer orden (punto estacionario).",
        "∇f = 0 at this point: no direction increases f to first order (a stationary point).",
    ),
    "walk.header": (
        "Gradiente descendente (o ascendente) desde el punto",
        "Gradient descent (or ascent) from the point",
    ),
    "walk.intro": (
        "Cada paso aplica la regla de actualización de la lección; η controla el tamaño del paso: "
        "demasiado grande → diverge, demasiado pequeño → lento. El recorrido aparece en las curvas "
        "de nivel de abajo; ▶ lo anima y la barra avanza paso a paso.",
        "Each step applies the lecture's update rule; η sets the step size: too large → diverges, "
        "too small → slow. The walk is drawn on the level curves "
        "below; ▶ animates it and the slider scrubs step by step.",
    ),
    "mode": ("Sentido", "Direction"),
    "mode.help": (
        "Descenso: p ← p − η∇f(p). Ascenso: p ← p + η∇f(p).",
        "Descent: p ← p − η∇f(p). Ascent: p ← p + η∇f(p).",
    ),
    "mode.descent": ("descenso (−∇f)", "descent (−∇f)"),
    "mode.ascent": ("ascenso (+∇f)", "ascent (+∇f)"),
    "mode.off": ("sin recorrido", "no walk"),
    "eta": ("Tasa de aprendizaje η", "Learning rate η"),
    "eta.help": (
        "Escala logarítmica de 0.001 a 10. Pruebe ×10: ¿converge, oscila o diverge?",
        "Log scale from 0.001 to 10. Try ×10: does it converge, oscillate or diverge?",
    ),
    "steps": ("Número de pasos", "Number of steps"),
    "steps.help": (
        "Cuántas actualizaciones se calculan y animan.",
        "How many updates are computed and animated.",
    ),
    "walk.too_large": (
        "**Diverge en el paso {step}**: f ya empeoró en el paso {worse} (de {before} a {after}): "
        "con η = {eta} cada paso se pasa de largo, y los pasos crecen hasta que el punto se "
        "dispara (coordenadas no finitas o mayores que 10⁶). η es demasiado grande para esta "
        "función; pruebe un η menor.",
        "**Diverged at step {step}**: f already got worse at step {worse} (from {before} to "
        "{after}): with η = {eta} every step overshoots, and the steps grow until the point "
        "blows up (coordinates not finite or beyond 10⁶). η is too large for this function; try "
        "a smaller η.",
    ),
    "walk.unbounded_below": (
        "**f no tiene mínimo en esa dirección**: f bajó en cada paso, de {start} a {end}, "
        "mientras el punto se alejaba hasta ({x}, {y}); en el paso {step} se sale de todo "
        "límite (coordenadas mayores que 10⁶ o f no finita). No es un η demasiado grande: el "
        "descenso hace lo que debe, bajar, y f baja sin cota. Un η menor acorta cada paso, pero "
        "no cambia hacia dónde va el recorrido.",
        "**f has no minimum in that direction**: f went down at every step, from {start} to "
        "{end}, while the point ran off to ({x}, {y}); at step {step} it leaves every bound "
        "(coordinates beyond 10⁶ or f not finite). This is not a too-large η: descent does what "
        "it should, go down, and f decreases without bound. A smaller η shortens each step but "
        "does not change where the walk is heading.",
    ),
    "walk.unbounded_above": (
        "**f no tiene máximo en esa dirección**: f subió en cada paso, de {start} a {end}, "
        "mientras el punto se alejaba hasta ({x}, {y}); en el paso {step} se sale de todo "
        "límite (coordenadas mayores que 10⁶ o f no finita). No es un η demasiado grande: el "
        "ascenso hace lo que debe, subir, y f crece sin cota. Un η menor acorta cada paso, pero "
        "no cambia hacia dónde va el recorrido.",
        "**f has no maximum in that direction**: f went up at every step, from {start} to "
        "{end}, while the point ran off to ({x}, {y}); at step {step} it leaves every bound "
        "(coordinates beyond 10⁶ or f not finite). This is not a too-large η: ascent does what "
        "it should, go up, and f grows without bound. A smaller η shortens each step but does "
        "not change where the walk is heading.",
    ),
    "walk.domain": (
        "**Sale del dominio de f en el paso {step}**: desde ({x}, {y}) el paso lleva a "
        "({nx}, {ny}), donde f o ∇f no están definidos (por ejemplo, log o raíz de un número "
        "negativo). El recorrido se detiene en el último punto donde f está definida, tras "
        "llevar f de {start} a {end}.",
        "**Left the domain of f at step {step}**: from ({x}, {y}) the step leads to "
        "({nx}, {ny}), where f or ∇f is not defined (for instance the log or square root of a "
        "negative number). The walk stops at the last point where f is defined, having taken f "
        "from {start} to {end}.",
    ),
    "walk.overshoot": (
        "**f empeora**: pasó de {start} a {end} en {steps} pasos. Con η = {eta} cada paso "
        "sobrepasa el mínimo y el recorrido oscila o se aleja: η demasiado grande.",
        "**f got worse**: it went from {start} to {end} in {steps} steps. With η = {eta} each step "
        "overshoots and the walk oscillates or runs away: η is too large.",
    ),
    "walk.slow": (
        "**Apenas se mueve**: en {steps} pasos el punto recorrió {distance} y f pasó de {start} "
        "a {end}. Con η = {eta} el aprendizaje es lento: η demasiado pequeño.",
        "**Barely moves**: in {steps} steps the point travelled {distance} and f went from "
        "{start} to {end}. With η = {eta} learning is slow: η is too small.",
    ),
    "walk.ok": (
        "En {steps} pasos f pasó de {start} a {end}; último punto ({x}, {y}), |∇f| = {norm}.",
        "In {steps} steps f went from {start} to {end}; last point ({x}, {y}), |∇f| = {norm}.",
    ),
    "walk.stationary": (
        "En el paso {step} el gradiente es exactamente 0: el recorrido se detiene en un punto "
        "estacionario.",
        "At step {step} the gradient is exactly 0: the walk stops at a stationary point.",
    ),
    "walk.table": ("Tabla de pasos", "Table of steps"),
    "col.step": ("paso", "step"),
}
