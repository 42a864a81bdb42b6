"""Text of the Playground page (section "Perceptrón multicapa (MLP)" of lecture 03)."""

TEXT = {
    "intro": (
        "Una **red multicapa** que usted construye y ve aprender, como en TensorFlow Playground, "
        "con la notación de la clase: cada capa calcula z = W a + b y a = g(z); la salida es "
        "ŷ = σ(z) (clasificación) o ŷ = z (regresión), y el gradiente descendente con mini-batches "
        "corrige W ← W − η ∂J/∂W.",
        "A **multilayer network** you build and watch learn, as in TensorFlow Playground, in the "
        "lecture's notation: every layer computes z = W a + b and a = g(z); the output is "
        "ŷ = σ(z) (classification) or ŷ = z (regression), and mini-batch gradient descent "
        "corrects W ← W − η ∂J/∂W.",
    ),
    "tab.lecture": ("La red 2-2-1 de la clase", "The lecture's 2-2-1 network"),
    "tab.build": ("Construya y entrene", "Build and train"),
    "tab.point": ("Un punto: hacia adelante y hacia atrás", "One point: forward and backward"),
    # -- the lecture's XOR
    "lecture.intro": (
        "La clase termina el perceptrón multicapa con XOR: ninguna recta deja (0,1) y (1,0) a un "
        "lado y (0,0), (1,1) al otro, así que **un perceptrón (sin capa oculta) no puede "
        "aprenderlo**; con una capa oculta de dos neuronas, **la red 2-2-1**, sí. Aquí las dos "
        "redes se entrenan igual sobre los cuatro puntos de la tabla de verdad: σ en cada neurona, "
        "como en la diapositiva, entropía cruzada binaria, los cuatro puntos en cada "
        "actualización, η = 3, {epochs} épocas, semilla 0. La diapositiva fija los pesos a mano "
        "(XOR = OR(AND1, AND2), página Perceptrón y XOR); aquí se aprenden.",
        "The lecture ends the multilayer perceptron with XOR: no line puts (0,1) and (1,0) on "
        "one side and (0,0), (1,1) on the other, so **a perceptron (no hidden layer) cannot "
        "learn it**; with a hidden layer of two neurons, **the 2-2-1 network**, it can. Here both "
        "networks train the same way on the truth table's four points: σ in every neuron, as on "
        "the slide, binary cross-entropy, the four points in every update, η = 3, {epochs} "
        "epochs, seed 0. The slide sets the weights by hand (XOR = OR(AND1, AND2), Perceptron & "
        "XOR page); here they are learned.",
    ),
    "lecture.perceptron": ("Perceptrón: 2-1", "Perceptron: 2-1"),
    "lecture.mlp": ("Red 2-2-1", "2-2-1 network"),
    "lecture.perceptron.latex": (
        r"\hat y = \sigma(W x + b), \quad W \in \mathbb{R}^{1\times 2}",
        r"\hat y = \sigma(W x + b), \quad W \in \mathbb{R}^{1\times 2}",
    ),
    "lecture.mlp.latex": (
        r"\begin{aligned} a^{[1]} &= \sigma(W^{[1]} x + b^{[1]}),\quad W^{[1]} \in \mathbb{R}^{2\times 2}"
        r"\\ \hat y &= \sigma(W^{[2]} a^{[1]} + b^{[2]}) \end{aligned}",
        r"\begin{aligned} a^{[1]} &= \sigma(W^{[1]} x + b^{[1]}),\quad W^{[1]} \in \mathbb{R}^{2\times 2}"
        r"\\ \hat y &= \sigma(W^{[2]} a^{[1]} + b^{[2]}) \end{aligned}",
    ),
    "lecture.perceptron.result": (
        "J = {loss}: no aprende XOR. Lo mejor que puede hacer una sola neurona con los cuatro "
        "puntos es ŷ = 0.5 en todos (J = ln 2 = 0.6931), y a eso llega: ninguna recta los "
        "separa.",
        "J = {loss}: it does not learn XOR. The best a single neuron can do with the four points "
        "is ŷ = 0.5 at each (J = ln 2 = 0.6931), and that is where it ends: no line separates "
        "them.",
    ),
    "lecture.mlp.result": (
        "{right} de 4 puntos bien; J = {loss}.",
        "{right} of 4 points right; J = {loss}.",
    ),
    "lecture.open": (
        "Abrir la red 2-2-1 en el constructor",
        "Open the 2-2-1 network in the builder",
    ),
    "lecture.open.help": (
        "Los cuatro puntos de XOR, entradas x₁ y x₂, una capa oculta de 2 neuronas σ, η = 3: "
        "entrénela usted, época a época.",
        "XOR's four points, inputs x₁ and x₂, one hidden layer of 2 σ neurons, η = 3: train it "
        "yourself, epoch by epoch.",
    ),
    # -- training
    "play": ("Entrenar", "Train"),
    "pause": ("Pausa", "Pause"),
    "play.help": (
        "Entrena en el servidor a ratos y muestra la red cada medio segundo; se detiene solo "
        "tras 1000 épocas (pulse otra vez para seguir).",
        "Trains on the server in bursts and shows the network every half second; it stops by "
        "itself after 1000 epochs (press again to go on).",
    ),
    "step": ("Una época", "One epoch"),
    "step.help": ("Entrena una época más y se detiene.", "Trains one more epoch and stops."),
    "reset": ("Reiniciar", "Reset"),
    "reset.help": (
        "Pesos iniciales nuevos (otra semilla) y época 0.",
        "New starting weights (another seed) and epoch 0.",
    ),
    "status.playing": (
        "▶ Entrenando · época **{epoch}** · pérdida de entrenamiento **{train}**, de prueba "
        "**{test}**",
        "▶ Training · epoch **{epoch}** · training loss **{train}**, test loss **{test}**",
    ),
    "status.reaching": (
        "Entrenando hasta la época {goal} del enlace · época **{epoch}** · pérdida de "
        "entrenamiento **{train}**, de prueba **{test}**",
        "Training up to the link's epoch {goal} · epoch **{epoch}** · training loss **{train}**, "
        "test loss **{test}**",
    ),
    "status.paused": (
        "Época **{epoch}** · pérdida de entrenamiento **{train}**, de prueba **{test}**",
        "Epoch **{epoch}** · training loss **{train}**, test loss **{test}**",
    ),
    "loss.train": ("Pérdida (entrenamiento)", "Loss (training)"),
    "loss.test": ("Pérdida (prueba)", "Loss (test)"),
    "diverged": (
        "El entrenamiento divergió tras la época {epoch} (valores no finitos): η = {lr} es "
        "demasiado grande para esta red. Se muestran los últimos pesos finitos.",
        "Training diverged after epoch {epoch} (non-finite values): η = {lr} is too large for "
        "this network. The last finite weights are shown.",
    ),
    # -- data
    "data": ("Datos", "Data"),
    "data.help": (
        "Clasificación: dos nubes, XOR, círculo, espiral. Regresión: plano, campanas. O sus "
        "propios puntos (CSV con x1, x2, label).",
        "Classification: two clouds, XOR, circle, spiral. Regression: plane, bumps. Or your own "
        "points (CSV with x1, x2, label).",
    ),
    "data.lecture": ("XOR de la clase (4 puntos)", "The lecture's XOR (4 points)"),
    "data.gauss": ("Dos nubes gaussianas", "Two Gaussian clouds"),
    "data.xor": ("XOR (cuadrantes)", "XOR (quadrants)"),
    "data.circle": ("Círculo en un anillo", "Circle in a ring"),
    "data.spiral": ("Dos espirales", "Two spirals"),
    "data.plane": ("Regresión: plano", "Regression: plane"),
    "data.bumps": ("Regresión: campanas", "Regression: bumps"),
    "data.csv": ("Mis datos (CSV)", "My data (CSV)"),
    "ratio": ("Entrenamiento / prueba", "Training / test"),
    "ratio.help": (
        "Porcentaje de los puntos que entrenan; el resto mide la pérdida de prueba.",
        "Share of the points that train; the rest measure the test loss.",
    ),
    "noise": ("Ruido", "Noise"),
    "noise.help": (
        "Cuánto se desordenan los puntos (0–50 %).",
        "How much the points scatter (0–50 %).",
    ),
    "batch": ("Tamaño del mini-batch N_b", "Mini-batch size N_b"),
    "batch.help": (
        "Puntos por actualización: 1 es SGD en línea; todos los de entrenamiento, batch completo.",
        "Points per update: 1 is online SGD; all the training points, full batch.",
    ),
    "seed": ("Semilla de los datos", "Data seed"),
    "seed.help": ("La misma semilla da los mismos puntos.", "The same seed gives the same points."),
    "regenerate": ("Regenerar", "Regenerate"),
    "regenerate.help": ("Otros puntos: la semilla siguiente.", "Other points: the next seed."),
    "test": ("Mostrar los puntos de prueba", "Show the test points"),
    "test.help": (
        "Los de prueba con borde negro; los de entrenamiento con borde blanco.",
        "Test points with a black outline; training points with a white outline.",
    ),
    "discrete": ("Salida discretizada", "Discretised output"),
    "discrete.help": (
        "Dos colores, cortados en ŷ = 0.5 (clasificación) o 0 (regresión), en vez del degradado.",
        "Two colours, cut at ŷ = 0.5 (classification) or 0 (regression), instead of the gradient.",
    ),
    "data.summary.classification": (
        "{n} puntos: {train} de entrenamiento, {test} de prueba · clasificación (y = 0 o 1)",
        "{n} points: {train} training, {test} test · classification (y = 0 or 1)",
    ),
    "data.summary.regression": (
        "{n} puntos: {train} de entrenamiento, {test} de prueba · regresión",
        "{n} points: {train} training, {test} test · regression",
    ),
    "csv.format": (
        "Un CSV con columnas **x1, x2, label** (label 0 o 1: clasificación; otros números: "
        "regresión), hasta 2000 filas; los puntos se ven en [−6, 6]².",
        "A CSV with columns **x1, x2, label** (label 0 or 1: classification; other numbers: "
        "regression), up to 2,000 rows; the points are shown in [−6, 6]².",
    ),
    "csv.upload": ("Archivo CSV", "CSV file"),
    "csv.upload.help": (
        "Se lee en el servidor, nunca se ejecuta; los archivos no van en el enlace.",
        "Read on the server, never run; files are not in the link.",
    ),
    "csv.paste": ("O pegue los puntos", "Or paste the points"),
    "csv.paste.help": (
        "Texto CSV (hasta 20 000 caracteres); queda en el enlace.",
        "CSV text (up to 20,000 characters); it stays in the link.",
    ),
    "csv.one_class": (
        "Todas las etiquetas son {label}: con una sola clase no hay nada que separar.",
        "Every label is {label}: with a single class there is nothing to separate.",
    ),
    "csv.outside": (
        "{count} puntos caen fuera de [−6, 6]²: la red los usa, la figura no los muestra. "
        "Escale sus datos si quiere verlos.",
        "{count} points lie outside [−6, 6]²: the network uses them, the figure does not show "
        "them. Scale your data to see them.",
    ),
    # -- network
    "lr": ("Tasa de aprendizaje η", "Learning rate η"),
    "lr.help": ("Los valores de TensorFlow Playground.", "TensorFlow Playground's values."),
    "act": ("Activación g", "Activation g"),
    "act.help": (
        "La de las capas ocultas; la salida es σ (clasificación) o lineal (regresión).",
        "The hidden layers'; the output is σ (classification) or linear (regression).",
    ),
    "act.relu": ("ReLU", "ReLU"),
    "act.tanh": ("tanh", "tanh"),
    "act.sigmoid": ("sigmoide σ", "sigmoid σ"),
    "act.linear": ("lineal", "linear"),
    "reg": ("Regularización", "Regularisation"),
    "reg.help": (
        "L1 suma λ Σ|w| a J; L2 suma (λ/2) Σ w² (solo los pesos, no los sesgos).",
        "L1 adds λ Σ|w| to J; L2 adds (λ/2) Σ w² (weights only, not biases).",
    ),
    "reg.none": ("ninguna", "none"),
    "reg.l1": ("L1", "L1"),
    "reg.l2": ("L2", "L2"),
    "lam": ("Tasa de regularización λ", "Regularisation rate λ"),
    "lam.help": ("Cuánto pesa la regularización en J.", "How much the regulariser weighs in J."),
    "features": ("Entradas", "Inputs"),
    "features.help": (
        "Las características que entran en la red; pulse una para encenderla o apagarla.",
        "The features the network gets; press one to switch it on or off.",
    ),
    "features.x1": ("x₁", "x₁"),
    "features.x2": ("x₂", "x₂"),
    "features.x1sq": ("x₁²", "x₁²"),
    "features.x2sq": ("x₂²", "x₂²"),
    "features.x1x2": ("x₁x₂", "x₁x₂"),
    "features.sin1": ("sin x₁", "sin x₁"),
    "features.sin2": ("sin x₂", "sin x₂"),
    "layers.count": ("**{n}** capas ocultas", "**{n}** hidden layers"),
    "layers.less": ("Quitar la última capa oculta", "Remove the last hidden layer"),
    "layers.more": ("Añadir una capa oculta (hasta 6)", "Add a hidden layer (up to 6)"),
    "neurons.layer": ("Capa {layer}", "Layer {layer}"),
    "neurons.less": ("Una neurona menos en la capa {layer}", "One neuron fewer in layer {layer}"),
    "neurons.more": (
        "Una neurona más en la capa {layer} (hasta 8)",
        "One more neuron in layer {layer} (up to 8)",
    ),
    "formulas.title": ("**Las fórmulas de esta red**", "**This network's formulas**"),
    # -- weights
    "weights.title": ("Pesos: leer y editar", "Weights: read and edit"),
    "weights.layer": ("Capa", "Layer"),
    "weights.layer.help": (
        "W^[l] tiene una fila por neurona de la capa l y una columna por entrada; b^[l] es la "
        "última columna.",
        "W^[l] has one row per neuron of layer l and one column per input; b^[l] is the last "
        "column.",
    ),
    "weights.layer.name": ("W[{l}], b[{l}]", "W[{l}], b[{l}]"),
    "weights.neuron": ("neurona", "neuron"),
    "weights.caption": (
        "Los pesos en esta época. Cambie uno y la red sigue desde ahí (en pausa; el enlace lo "
        "guarda).",
        "The weights at this epoch. Change one and the network goes on from there (paused; the "
        "link keeps it).",
    ),
    "weights.stale": (
        "Los pesos editados del enlace no son de esta red ({count} valores): se usan pesos "
        "iniciales con la semilla.",
        "The link's edited weights are not this network's ({count} values): seeded starting "
        "weights are used.",
    ),
    # -- one point
    "point": ("Punto de entrenamiento", "Training point"),
    "point.help": (
        "Su número entre los puntos de entrenamiento (desde 0).",
        "Its number among the training points (from 0).",
    ),
    "point.short": (
        "La red llegó a la época {epoch} de {goal} en el tiempo de esta vista: se muestra esa.",
        "The network reached epoch {epoch} of {goal} in this view's time: that one is shown.",
    ),
    "point.intro": (
        "El punto {i}: x = ({x1}, {x2}), y = {y}, con los pesos de la época {epoch}. Cada número "
        "lo calcula `dlviz.autodiff` (modo inverso) sobre el grafo de esta red.",
        "Point {i}: x = ({x1}, {x2}), y = {y}, with the weights of epoch {epoch}. Every number is "
        "computed by `dlviz.autodiff` (reverse mode) on this network's graph.",
    ),
    "point.edges": (
        "En la red, las aristas muestran el gradiente ∂J/∂w de este punto (su signo y su tamaño); "
        "pase el ratón por una arista o una neurona para leer w, b y sus gradientes.",
        "On the network, the edges show this point's gradient ∂J/∂w (its sign and size); hover "
        "over an edge or a neuron to read w, b and their gradients.",
    ),
    "point.forward": ("**Hacia adelante**", "**Forward**"),
    "point.backward": ("**Hacia atrás**", "**Backward**"),
    "col.x1": ("x₁", "x₁"),
    "col.x2": ("x₂", "x₂"),
    "col.y": ("y", "y"),
    "col.y_hat": ("ŷ", "ŷ"),
    # -- figures
    "fig.train": ("entrenamiento", "training"),
    "fig.test": ("prueba", "test"),
    "fig.y": ("y", "y"),
    "fig.inputs": ("Entradas", "Inputs"),
    "fig.output": ("Salida ŷ", "Output ŷ"),
    "fig.hidden": ("Capa {layer}", "Layer {layer}"),
    "fig.neurons": ("({n})", "({n})"),
    "fig.neuron": ("(1)", "(1)"),
    "fig.epoch": ("época", "epoch"),
    "fig.feature.x1": ("x₁", "x₁"),
    "fig.feature.x2": ("x₂", "x₂"),
    "fig.feature.x1sq": ("x₁²", "x₁²"),
    "fig.feature.x2sq": ("x₂²", "x₂²"),
    "fig.feature.x1x2": ("x₁x₂", "x₁x₂"),
    "fig.feature.sin1": ("sin x₁", "sin x₁"),
    "fig.feature.sin2": ("sin x₂", "sin x₂"),
    # One point's trace: its table's columns, the check, the Autodiff link.
    "col.layer": ("capa", "layer"),
    "col.name": ("nombre", "name"),
    "col.value": ("valor", "value"),
    "col.autodiff": ("∂J/∂· (autodiff)", "∂J/∂· (autodiff)"),
    "col.finite_diff": ("∂J/∂· (diferencias finitas)", "∂J/∂· (finite differences)"),
    "trace.parts": (
        "J = ℒ + λR(W): ℒ = {loss} es la pérdida de este punto y λR(W) = {penalty} la "
        "regularización; J = {objective}.",
        "J = ℒ + λR(W): ℒ = {loss} is this point's loss and λR(W) = {penalty} the "
        "regularisation; J = {objective}.",
    ),
    "trace.check": (
        "Autodiff contra diferencias finitas centrales: mayor diferencia relativa {error}.",
        "Autodiff against central finite differences: largest relative difference {error}.",
    ),
    "trace.minibatch": (
        "Cada paso del gradiente descendente estocástico usa J sobre un mini-batch de "
        "N_b = {batch} puntos de entrenamiento.",
        "Each step of stochastic gradient descent uses J on a mini-batch of "
        "N_b = {batch} training points.",
    ),
    "trace.autodiff": (
        "Ver el grafo computacional de ŷ para este punto en la página Autodiff",
        "See the computational graph of ŷ for this point on the Autodiff page",
    ),
    "trace.autodiff.too_large": (
        "La red es demasiado grande para un grafo legible en la página Autodiff (a lo sumo "
        "{nodes} nodos y una fórmula de {length} caracteres).",
        "The network is too large for a readable graph on the Autodiff page (at most {nodes} "
        "nodes and a {length}-character formula).",
    ),
    "trace.autodiff.outside": (
        "La página Autodiff toma x e y entre −{limit:g} y {limit:g}; este punto está fuera.",
        "The Autodiff page takes x and y between −{limit:g} and {limit:g}; this point is outside.",
    ),
}
