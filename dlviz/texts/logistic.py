"""Text of the Logistic regression page (section "Regresión Logística" of lecture 03)."""

TEXT = {
    "intro": (
        "La regresión logística es un método de **clasificación binaria**: predice una "
        "probabilidad continua entre 0 y 1, que luego se convierte en una decisión (0 o 1) con "
        "un umbral. No predice directamente si el evento ocurre, sino **qué tan probable** es "
        "que ocurra dadas las características x; y se deriva directamente del principio de "
        "**máxima verosimilitud (MLE)**.",
        "Logistic regression is a **binary classification** method: it predicts a continuous "
        "probability between 0 and 1, which a threshold then turns into a decision (0 or 1). It "
        "does not predict directly whether the event happens but **how likely** it is, given "
        "the features x; and it follows directly from the principle of **maximum likelihood "
        "(MLE)**.",
    ),
    # -- the sections (tabs; the key is what ?tab= says in a link) ---------------------------------
    "tab.sigmoid": ("Sigmoide", "Sigmoid"),
    "tab.odds": ("Odds y log-odds", "Odds and log-odds"),
    "tab.mle": ("Máxima verosimilitud", "Maximum likelihood"),
    "tab.bce": ("Pérdida y gradiente", "Loss and gradient"),
    "tab.train": ("Entrenamiento", "Training"),
    # -- the sigmoid -------------------------------------------------------------------------------
    "sigmoid.header": ("La función sigmoide", "The sigmoid function"),
    "z": ("Entrada z", "Input z"),
    "z.help": (
        "La entrada neta z = β₀ + βx. La sigmoide la lleva a (0, 1).",
        "The net input z = β₀ + βx. The sigmoid maps it into (0, 1).",
    ),
    "sigmoid.class": (
        "σ({z}) = **{a}** {cmp} 0.5 → se predice la **clase {cls}**. Para todo z real, "
        "0 < σ(z) < 1: σ nunca llega a 0 ni a 1 (en float64, σ(z) redondea a 1.0 desde z ≈ 37).",
        "σ({z}) = **{a}** {cmp} 0.5 → predicted **class {cls}**. For every real z, "
        "0 < σ(z) < 1: σ never reaches 0 or 1 (in float64, σ(z) rounds to 1.0 from z ≈ 37).",
    ),
    # -- the data ----------------------------------------------------------------------------------
    "source": ("Datos", "Data"),
    "source.help": (
        "El ejemplo de la diapositiva (una característica), dos nubes en el plano (dos "
        "características) o su propio CSV.",
        "The slide's example (one feature), two clouds in the plane (two features) or your own "
        "CSV.",
    ),
    "source.example": ("Ejemplo 1-D: fuma y bebe", "1-D example: smokes and drinks"),
    "source.blobs": ("Dos clases en 2-D", "Two classes in 2-D"),
    "source.csv": ("Mi CSV", "My CSV"),
    "n": ("Número de puntos N", "Number of points N"),
    "n.help": ("Cuántos puntos se generan.", "How many points are generated."),
    "seed": ("Semilla", "Seed"),
    "seed.help": (
        "La semilla del generador aleatorio: la misma semilla da los mismos datos.",
        "The random generator's seed: the same seed gives the same data.",
    ),
    "noise": ("Ruido (solapamiento)", "Noise (overlap)"),
    "noise.help": (
        "Desviación típica de cada nube (centros en (−1, −1) y (1, 1)). Con poco ruido las "
        "clases se separan perfectamente; con mucho, se solapan.",
        "Standard deviation of each cloud (centres at (−1, −1) and (1, 1)). With little noise "
        "the classes separate perfectly; with much, they overlap.",
    ),
    "data.example": (
        "**X = fuma mucho y bebe alcohol**: x es un índice de consumo de 0 a 10 y y = 1 la "
        "clase positiva (y = 0 la negativa). Los puntos se sortean con la semilla a partir de "
        "P(Y = 1 | x) = σ(−4 + 0.8x), que vale 0.5 en x = 5.",
        "**X = smokes a lot and drinks alcohol**: x is a consumption score from 0 to 10 and "
        "y = 1 the positive class (y = 0 the negative one). The points are drawn with the seed "
        "from P(Y = 1 | x) = σ(−4 + 0.8x), which is 0.5 at x = 5.",
    ),
    "data.blobs": (
        "Dos nubes gaussianas: y = 0 alrededor de (−1, −1) y y = 1 alrededor de (1, 1).",
        "Two Gaussian clouds: y = 0 around (−1, −1) and y = 1 around (1, 1).",
    ),
    "data.csv": (
        "Columnas `x, y` (una característica) o `x1, x2, y` (dos), con encabezado; y debe ser 0 "
        "o 1; hasta {rows} filas, pegadas en menos de {chars} caracteres (o en un archivo). El "
        "ejemplo que aparece son las horas de estudio y el aprobado de 20 estudiantes "
        "(Wikipedia, «Logistic regression»).",
        "Columns `x, y` (one feature) or `x1, x2, y` (two), with a header; y must be 0 or 1; up "
        "to {rows} rows, pasted in fewer than {chars} characters (or in a file). The example "
        "shown is hours of study and passing of 20 students (Wikipedia, “Logistic "
        "regression”).",
    ),
    "csv.upload": ("Subir un CSV", "Upload a CSV"),
    "csv.upload.help": (
        "Un archivo .csv; si sube uno, se usa en lugar del texto pegado.",
        "A .csv file; if you upload one, it is used instead of the pasted text.",
    ),
    "csv.paste": ("…o pegar el CSV aquí", "…or paste the CSV here"),
    "csv.paste.help": (
        "Primera fila: encabezado (x,y o x1,x2,y). Luego una fila por punto. Un texto que llena "
        "la caja pudo quedar cortado y no se usa. Se guarda en el enlace.",
        "First row: the header (x,y or x1,x2,y). Then one row per point. A text that fills the "
        "box may have been cut off and is not used. It is kept in the link.",
    ),
    "csv.label": (
        "La etiqueta y de la fila {row} es {value}: debe ser 0 o 1.",
        "The label y in row {row} is {value}: it must be 0 or 1.",
    ),
    "csv.one_class": (
        "Todas las etiquetas son {label}: con una sola clase no hay nada que separar.",
        "Every label is {label}: with a single class there is nothing to separate.",
    ),
    "data.summary": (
        "N = {n} puntos, {ones} de la clase 1 y {zeros} de la clase 0; {m} característica(s).",
        "N = {n} points, {ones} of class 1 and {zeros} of class 0; {m} feature(s).",
    ),
    "separable.complete": (
        "**Los datos son perfectamente separables**: una recta (un hiperplano) deja cada clase "
        "de su lado. Entonces la verosimilitud crece sin límite al agrandar β en esa dirección: "
        "**no hay estimador de máxima verosimilitud**, J(β) → 0 y |β| → ∞ con el gradiente "
        "descendente. Agregue ruido o puntos para que las clases se solapen.",
        "**The data are perfectly separable**: a line (a hyperplane) puts each class on its own "
        "side. Then the likelihood grows without bound as β is scaled up along it: **there is "
        "no maximum-likelihood estimate**, J(β) → 0 and |β| → ∞ under gradient descent. Add "
        "noise or points so the classes overlap.",
    ),
    "separable.quasi": (
        "**Los datos son casi separables** (separación cuasi-completa): una recta deja cada "
        "clase de su lado salvo puntos que caen justo sobre ella. Igual que con datos "
        "separables, la verosimilitud sigue creciendo al agrandar β: **no hay estimador de "
        "máxima verosimilitud** y |β| → ∞ con el gradiente descendente.",
        "**The data are quasi-separable** (quasi-complete separation): a line puts each class on "
        "its own side except points lying exactly on it. As with separable data, the likelihood "
        "keeps growing as β is scaled up: **there is no maximum-likelihood estimate** and "
        "|β| → ∞ under gradient descent.",
    ),
    "one.feature": (
        "Esta sección usa una sola característica x: con datos de dos características muestra "
        "el ejemplo 1-D (misma N y semilla). La pestaña «Entrenamiento» entrena con sus "
        "datos.",
        "This section uses a single feature x: with two-feature data it shows the 1-D example "
        "(same N and seed). The “Training” tab trains on your data.",
    ),
    # -- linear vs logistic ------------------------------------------------------------------------
    "linear.header": ("Regresión lineal vs. logística", "Linear vs logistic regression"),
    "linear.leaves": (
        "La recta de mínimos cuadrados, ajustada a las mismas etiquetas 0/1, va de **{lo}** a "
        "**{hi}** sobre el rango de x: sale de [0, 1], así que no es una probabilidad. La "
        "sigmoide de máxima verosimilitud (β₀ = {b0}, β = {beta}) queda siempre en (0, 1).",
        "The least-squares line, fitted to the same 0/1 labels, goes from **{lo}** to **{hi}** "
        "over the range of x: it leaves [0, 1], so it is not a probability. The "
        "maximum-likelihood sigmoid (β₀ = {b0}, β = {beta}) always stays in (0, 1).",
    ),
    # -- odds and log-odds -------------------------------------------------------------------------
    "odds.header": ("Odds y log-odds", "Odds and log-odds"),
    "odds.intro": (
        "p = P(Y = 1 | x) es la probabilidad de que el evento ocurra y 1 − p la de que no "
        "ocurra; p/(1 − p) es la razón de probabilidad (odds). Mueva β₀ y β: **el log-odds es "
        "una recta en x**, mientras p es una S y los odds una exponencial.",
        "p = P(Y = 1 | x) is the probability that the event happens and 1 − p that it does not; "
        "p/(1 − p) is the odds. Move β₀ and β: **the log-odds is a straight line in x**, while p "
        "is an S and the odds an exponential.",
    ),
    "odds.slip": (
        "La diapositiva añade un término de error «+ ε» al log-odds, como en la regresión "
        "lineal; en la regresión logística no lo hay: el azar está en la etiqueta, que es una "
        "Bernoulli de parámetro p.",
        "The slide adds an error term “+ ε” to the log-odds, as in linear regression; logistic "
        "regression has none: the randomness is in the label, a Bernoulli draw with parameter p.",
    ),
    "b0": ("β₀ (sesgo)", "β₀ (intercept)"),
    "b0.help": (
        "El término independiente de z = β₀ + βx (odds, verosimilitud y entropía cruzada).",
        "The intercept of z = β₀ + βx (odds, likelihood and cross-entropy).",
    ),
    "beta": ("β (pendiente)", "β (slope)"),
    "beta.help": (
        "El coeficiente de x en z = β₀ + βx (odds, verosimilitud y entropía cruzada).",
        "The coefficient of x in z = β₀ + βx (odds, likelihood and cross-entropy).",
    ),
    "best": ("Ir al máximo", "Go to the maximum"),
    "best.help": (
        "Pone β₀ y β en el estimador de máxima verosimilitud (método de Newton), redondeado al "
        "paso de los controles. No existe si los datos son separables.",
        "Sets β₀ and β to the maximum-likelihood estimate (Newton's method), rounded to the "
        "controls' step. It does not exist when the data are separable.",
    ),
    # -- maximum likelihood ------------------------------------------------------------------------
    "mle.header": ("Máxima verosimilitud", "Maximum likelihood"),
    "mle.intro": (
        "Cada etiqueta es una Bernoulli: la probabilidad que el modelo da a la clase **correcta** "
        "del punto i es Pᵢ = σ(zᵢ)^yᵢ [1 − σ(zᵢ)]^(1−yᵢ) (las barras). Suponiendo datos "
        "independientes, la verosimilitud L(β) es el **producto** de las barras y la "
        "log-verosimilitud l(β) la **suma de sus logaritmos**.",
        "Each label is a Bernoulli draw: the probability the model gives to point i's "
        "**correct** class is Pᵢ = σ(zᵢ)^yᵢ [1 − σ(zᵢ)]^(1−yᵢ) (the bars). Assuming independent "
        "data, the likelihood L(β) is the **product** of the bars and the log-likelihood l(β) "
        "the **sum of their logs**.",
    ),
    "mle.slip": (
        "La diapositiva escribe «l(β) = ∏ …» en la primera línea: ese producto es L(β); l(β) es "
        "su logaritmo, la suma de la línea siguiente.",
        "The slide writes “l(β) = ∏ …” on its first line: that product is L(β); l(β) is its "
        "logarithm, the sum on the next line.",
    ),
    "nmax": ("N máximo de la demostración", "Largest N of the demonstration"),
    "nmax.help": (
        "Los datos se repiten hasta este N para ver qué pasa con el producto cuando hay muchos "
        "puntos.",
        "The data are repeated up to this N to see what happens to the product with many points.",
    ),
    "underflow.zero": (
        "**Por qué se toman logaritmos**: el producto de N probabilidades menores que 1 se "
        "achica exponencialmente y en float64 se vuelve **exactamente 0.0 en N = {zero_at}** "
        "(subdesbordamiento: el menor float64 positivo es 5 × 10⁻³²⁴). La suma de logaritmos "
        "sigue finita: en N = {nmax}, l = {ll_max}.",
        "**Why we take logs**: the product of N probabilities below 1 shrinks exponentially and "
        "in float64 becomes **exactly 0.0 at N = {zero_at}** (underflow: the smallest positive "
        "float64 is 5 × 10⁻³²⁴). The sum of logs stays finite: at N = {nmax}, l = {ll_max}.",
    ),
    "underflow.none": (
        "Hasta N = {nmax} el producto aún no llega a 0.0 (l = {ll_max}); aumente N o aleje β del "
        "máximo para verlo subdesbordarse.",
        "Up to N = {nmax} the product has not reached 0.0 yet (l = {ll_max}); raise N or move β away "
        "from the maximum to see it underflow.",
    ),
    # -- surface -----------------------------------------------------------------------------------
    "surface.header": (
        "La superficie de log-verosimilitud",
        "The log-likelihood surface",
    ),
    "surface.best": (
        "El máximo de l(β₀, β) (★, por el método de Newton) está en β₀ = {best_b0}, "
        "β = {best_beta}, con l = {best_ll}. La superficie es cóncava: un solo máximo, al que "
        "sube el gradiente ascendente (o baja el gradiente descendente sobre J = −l/N).",
        "The maximum of l(β₀, β) (★, by Newton's method) is at β₀ = {best_b0}, "
        "β = {best_beta}, with l = {best_ll}. The surface is concave: a single maximum, which "
        "gradient ascent climbs to (or gradient descent on J = −l/N goes down to).",
    ),
    "surface.none": (
        "Sin máximo: con datos separables l(β) sigue creciendo hacia 0 al alejarse en la "
        "dirección que separa.",
        "No maximum: with separable data l(β) keeps rising towards 0 far out along the "
        "separating direction.",
    ),
    # -- binary cross-entropy ----------------------------------------------------------------------
    "bce.header": ("Entropía cruzada binaria", "Binary cross-entropy"),
    "bce.intro": (
        "El modelo se entrena **minimizando** la entropía cruzada binaria, que es el negativo de "
        "la log-verosimilitud Bernoulli dividido por N: maximizar l(β) y minimizar J(β) es lo "
        "mismo. Cada punto paga −ln(ŷ) si y = 1 y −ln(1 − ŷ) si y = 0: poco si acierta con "
        "confianza, muchísimo si se equivoca con confianza.",
        "The model is trained by **minimising** the binary cross-entropy, the negative "
        "Bernoulli log-likelihood divided by N: maximising l(β) and minimising J(β) are the "
        "same thing. Each point pays −ln(ŷ) if y = 1 and −ln(1 − ŷ) if y = 0: little when it is "
        "confidently right, a great deal when it is confidently wrong.",
    ),
    "bce.value": (
        "En (β₀, β) = ({b0}, {beta}): J = **{loss}** = −l/N = −({ll})/{n}. Calculada desde los "
        "logits con ln σ(z) = −ln(1 + e^(−z)) (log-sum-exp), es finita incluso para |z| = 10⁶.",
        "At (β₀, β) = ({b0}, {beta}): J = **{loss}** = −l/N = −({ll})/{n}. Computed from the "
        "logits with ln σ(z) = −ln(1 + e^(−z)) (log-sum-exp), it is finite even for |z| = 10⁶.",
    ),
    # -- gradient ----------------------------------------------------------------------------------
    "grad.header": ("El gradiente", "The gradient"),
    "grad.check": ("diferencias finitas", "finite differences"),
    "grad.cases": (
        "ŷᵢ − yᵢ **> 0**: el modelo **sobreestima** la probabilidad (caso yᵢ = 0: ŷᵢ − 0 = ŷᵢ > "
        "0) — {over} puntos, barras rojas. **< 0**: la **subestima** (caso yᵢ = 1: ŷᵢ − 1 < 0 "
        "porque ŷᵢ < 1) — {under} puntos, barras azules. **= 0**: acierta exactamente, lo que "
        "con σ ∈ (0, 1) nunca ocurre. Cada punto aporta (ŷᵢ − yᵢ)xᵢ a ∇J (rombos).",
        "ŷᵢ − yᵢ **> 0**: the model **over-estimates** the probability (case yᵢ = 0: ŷᵢ − 0 = "
        "ŷᵢ > 0) — {over} points, red bars. **< 0**: it **under-estimates** it (case yᵢ = 1: "
        "ŷᵢ − 1 < 0 since ŷᵢ < 1) — {under} points, blue bars. **= 0**: exactly right, which "
        "never happens with σ ∈ (0, 1). Each point adds (ŷᵢ − yᵢ)xᵢ to ∇J (diamonds).",
    ),
    # -- training ----------------------------------------------------------------------------------
    "train.header": (
        "Entrenamiento por gradiente descendente",
        "Training by gradient descent",
    ),
    "train.intro": (
        "Desde β₀ = 0, β = 0 (ŷ = 0.5 para todos), cada época da un paso con el gradiente medio "
        "de todos los puntos. Pulse ▶ para ver el ajuste época a época (en el navegador).",
        "From β₀ = 0, β = 0 (ŷ = 0.5 for everyone), each epoch takes one step with the mean "
        "gradient over all points. Press ▶ to watch the fit epoch by epoch (in the browser).",
    ),
    "train.slip": (
        "La diapositiva escribe la regla para un solo punto, β ← β − η(ŷ − y)x (gradiente "
        "descendente estocástico); aquí se usa el gradiente medio ∇J del batch completo (todos "
        "los puntos) en cada época.",
        "The slide writes the rule for a single point, β ← β − η(ŷ − y)x (stochastic gradient "
        "descent); here each epoch uses the mean gradient ∇J over the full batch (every point).",
    ),
    "eta": ("Tasa de aprendizaje η", "Learning rate η"),
    "eta.help": (
        "El tamaño del paso (escala logarítmica). Grande: J oscila o diverge; pequeño: avanza "
        "muy despacio.",
        "The step size (log scale). Large: J oscillates or diverges; small: it crawls.",
    ),
    "epochs": ("Épocas", "Epochs"),
    "epochs.help": (
        "Cuántos pasos de gradiente descendente (uno por época).",
        "How many gradient-descent steps (one per epoch).",
    ),
    "train.result": (
        "Tras {epochs} épocas: β₀ = {b0}, β = {beta}, J = {loss} (al inicio {loss0}).",
        "After {epochs} epochs: β₀ = {b0}, β = {beta}, J = {loss} (at the start {loss0}).",
    ),
    "train.gap": (
        "El máximo de verosimilitud está en β₀ = {best_b0}, β = {best_beta}, con J = "
        "{best_loss}: al gradiente descendente le falta {gap} en J.",
        "The maximum likelihood is at β₀ = {best_b0}, β = {best_beta}, with J = {best_loss}: "
        "gradient descent is {gap} short in J.",
    ),
    "train.short": (
        "J baja en cada época: más épocas o un η mayor lo acercan.",
        "J falls every epoch: more epochs or a larger η bring it closer.",
    ),
    "train.overshot": (
        "J subió por última vez en la época {last} (los primeros pasos se pasaron del mínimo) y "
        "desde entonces baja en cada época: más épocas lo acercan.",
        "J last rose at epoch {last} (the first steps overshot the minimum) and has fallen every "
        "epoch since: more epochs bring it closer.",
    ),
    "train.oscillating": (
        "J todavía sube y baja (subió por última vez en la época {last}): con η = {eta} los pasos "
        "se pasan del mínimo de un lado al otro. Reduzca η.",
        "J still goes up and down (it last rose at epoch {last}): with η = {eta} the steps "
        "overshoot the minimum from one side to the other. Lower η.",
    ),
    "train.reached": (
        "El gradiente descendente alcanzó el máximo de verosimilitud (β₀ = {best_b0}, β = {best_beta}, "
        "J = {best_loss}, por el método de Newton) a menos de 10⁻⁶ en J.",
        "Gradient descent reached the maximum likelihood (β₀ = {best_b0}, β = {best_beta}, "
        "J = {best_loss}, by Newton's method) to within 10⁻⁶ in J.",
    ),
    "train.rose_first": (
        "Por el camino J subió y bajó (de la época {first} a la {last}): η = {eta} es grande y "
        "los primeros pasos se pasaron del mínimo.",
        "On the way J went up and down (from epoch {first} to {last}): η = {eta} is large and the "
        "first steps overshot the minimum.",
    ),
    "train.diverged": (
        "η = {eta} es demasiado grande: β se disparó (|β| > 10⁶) en la época {at}; el "
        "entrenamiento se detuvo allí. Reduzca η.",
        "η = {eta} is too large: β blew up (|β| > 10⁶) at epoch {at}; training stopped there. "
        "Lower η.",
    ),
    "train.worse": (
        "J terminó más alto que al inicio: η = {eta} es demasiado grande. Reduzca η.",
        "J ended higher than at the start: η = {eta} is too large. Lower η.",
    ),
    "train.growing": (
        "Datos separables: |β| sigue creciendo sin límite ({norms}) mientras J → 0 "
        "({small_loss}). Más épocas no «convergen»: solo empinan la sigmoide.",
        "Separable data: |β| keeps growing without bound ({norms}) while J → 0 ({small_loss}). "
        "More epochs do not “converge”: they only make the sigmoid steeper.",
    ),
    "train.figure": ("Ajuste por época", "Fit per epoch"),
    "train.loss": ("Pérdida y exactitud por época", "Loss and accuracy per epoch"),
    "train.path": ("Camino sobre la superficie de pérdida J", "Path on the loss surface J"),
    "train.path.slice": (
        "Corte de J(β₀, β₁, β₂) con β₀ fijo en su valor final ({b0}); el camino es la proyección "
        "de los pasos sobre (β₁, β₂).",
        "A slice of J(β₀, β₁, β₂) with β₀ fixed at its final value ({b0}); the path is the "
        "projection of the steps on (β₁, β₂).",
    ),
    "train.path.1d": (
        "El camino de (β₀, β) época a época sobre J(β₀, β) = −l/N; la ★ es el mínimo.",
        "The path of (β₀, β) epoch by epoch on J(β₀, β) = −l/N; the ★ is the minimum.",
    ),
    "train.end": ("Al final del entrenamiento", "At the end of training"),
    "accuracy": ("Exactitud (umbral 0.5)", "Accuracy (0.5 threshold)"),
    "train.confusion": (
        "Matriz de confusión: en cada fila, los puntos de una clase real y; en cada columna, la "
        "clase predicha ŷ (σ(z) ≥ 0.5 → 1).",
        "Confusion matrix: each row holds the points of one true class y; each column, the "
        "predicted class ŷ (σ(z) ≥ 0.5 → 1).",
    ),
    # -- figure labels (passed to dlviz.figures.logistic as names[key without "fig."]) -------------
    "fig.class0": ("y = 0 (clase negativa)", "y = 0 (negative class)"),
    "fig.class1": ("y = 1 (clase positiva)", "y = 1 (positive class)"),
    "fig.point": ("punto actual", "current point"),
    "fig.predict0": ("σ < 0.5 → clase 0", "σ < 0.5 → class 0"),
    "fig.predict1": ("σ ≥ 0.5 → clase 1", "σ ≥ 0.5 → class 1"),
    "fig.linear": ("regresión lineal (mínimos cuadrados)", "linear regression (least squares)"),
    "fig.logistic": ("regresión logística (MLE)", "logistic regression (MLE)"),
    "fig.x": ("x", "x"),
    "fig.p": ("p = P(Y=1|x)", "p = P(Y=1|x)"),
    "fig.odds": ("odds p/(1−p)", "odds p/(1−p)"),
    "fig.logodds": ("log-odds ln(p/(1−p))", "log-odds ln(p/(1−p))"),
    "fig.i": ("punto i", "point i"),
    "fig.bernoulli": ("Pᵢ", "Pᵢ"),  # the axis is as tall as the plot: the formula is in the text
    "fig.logsum": ("suma de logaritmos l / ln 10", "sum of logs l / ln 10"),
    "fig.product": ("producto en float64", "float64 product"),
    "fig.zero": ("el producto da 0.0", "the product is 0.0"),
    "fig.smallest": ("menor float64 positivo", "smallest positive float64"),
    "fig.log10L": ("log₁₀ L(β)", "log₁₀ L(β)"),
    "fig.path": ("gradiente descendente", "gradient descent"),
    "fig.best": ("máximo de verosimilitud", "maximum likelihood"),
    "fig.cost1": ("−ln(ŷ)  (y = 1)", "−ln(ŷ)  (y = 1)"),
    "fig.cost0": ("−ln(1 − ŷ)  (y = 0)", "−ln(1 − ŷ)  (y = 0)"),
    "fig.cost": ("pérdida del punto", "point's loss"),
    "fig.residual": ("ŷᵢ − yᵢ", "ŷᵢ − yᵢ"),
    "fig.term": ("(ŷᵢ − yᵢ) xᵢ", "(ŷᵢ − yᵢ) xᵢ"),
    "fig.fitted": ("σ(β₀ + βx)", "σ(β₀ + βx)"),
    "fig.boundary": ("frontera de decisión (σ = 0.5)", "decision boundary (σ = 0.5)"),
    "fig.epoch": ("época", "epoch"),
    "fig.loss": ("J (entropía cruzada)", "J (cross-entropy)"),
    "fig.accuracy": ("exactitud", "accuracy"),
}
