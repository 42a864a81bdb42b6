"""Text shared by every page: sidebar, home page, page titles, warnings."""

TEXT = {
    "app.title": (
        "dlviz — laboratorio visual de Deep Learning",
        "dlviz — a visual Deep Learning lab",
    ),
    "sidebar.language": ("Idioma", "Language"),
    "sidebar.language.help": (
        "Por defecto, el idioma de su navegador. Queda en el enlace (?lang=es).",
        "Defaults to your browser's language. Kept in the link (?lang=en).",
    ),
    "sidebar.present": ("Modo presentación", "Presentation mode"),
    "sidebar.present.help": (
        "Letra grande para el proyector. Queda en el enlace (?present=1).",
        "Large type for a projector. Kept in the link (?present=1).",
    ),
    "sidebar.pages": ("Páginas", "Pages"),
    "sidebar.home": ("Inicio", "Home"),
    "sidebar.share": ("Compartir esta vista", "Share this view"),
    "sidebar.share.help": (
        "Cada control queda en la dirección de la página: copie este enlace (o la barra de "
        "direcciones) y quien lo abra verá exactamente lo mismo.",
        "Every control is kept in the page address: copy this link (or the address bar) and "
        "whoever opens it sees exactly this view.",
    ),
    "sidebar.share.copy": ("Copiar el enlace", "Copy the link"),
    # The step navigator (ui.Page.stepper) shared by every page that steps through iterations.
    "stepper.first": ("Inicio", "Start"),
    "stepper.first.help": (
        "Volver al principio, antes del primer paso.",
        "Back to the start, before the first step.",
    ),
    "stepper.back": ("Atrás", "Back"),
    "stepper.back.help": ("Un paso atrás.", "One step back."),
    "stepper.next": ("Siguiente", "Next"),
    "stepper.next.help": (
        "Un paso adelante. El paso queda en el enlace.",
        "One step forward. The step is kept in the link.",
    ),
    "stepper.last": ("Final", "End"),
    "stepper.last.help": ("Ir al último paso.", "Jump to the last step."),
    "stepper.clamped": (
        "El enlace pedía el paso {step}, pero solo hay {total}: se muestra el último.",
        "The link asked for step {step}, but there are only {total}: showing the last one.",
    ),
    "warn.param": (
        "El parámetro del enlace {param} no es válido ({reason}); se usa el valor por "
        "defecto `{default}`.",
        "The link parameter {param} is not valid ({reason}); using the default `{default}`.",
    ),
    "code.show": (
        "Ver el código de `dlviz` detrás de esta figura",
        "Show the `dlviz` code behind this figure",
    ),
    "upload.button": ("Subir", "Upload"),
    "upload.limit": ("hasta {size} MB por archivo", "up to {size} MB per file"),
    "upload.limits": (
        "hasta {size} MB por archivo · {types}",
        "up to {size} MB per file · {types}",
    ),
    "table.empty": ("(tabla vacía)", "(empty table)"),
    "select.placeholder": ("Elija una opción", "Choose an option"),
    "csv.download": ("Descargar tabla (CSV)", "Download table (CSV)"),
    "formula.bad": (
        "No se puede usar esta fórmula: {error}. Se sigue mostrando la última fórmula válida, "
        "{good}.",
        "This formula cannot be used: {error}. Still showing the last valid formula, {good}.",
    ),
    # Why a formula cannot be parsed (dlviz.expr.ExprError codes); {text} and {name} are what
    # the student typed, quoted by ui.Page.formula.
    "expr.malformed_number": (
        "el número {text} de la columna {column} está mal escrito",
        "malformed number {text} at column {column}",
    ),
    "expr.number_too_large": (
        "el número {text} de la columna {column} es demasiado grande",
        "number {text} at column {column} is too large",
    ),
    "expr.unknown_name": (
        "nombre desconocido {name} en la columna {column} (se conocen: {known})",
        "unknown name {name} at column {column} (known: {known})",
    ),
    "expr.unexpected_character": (
        "carácter inesperado {text} en la columna {column}",
        "unexpected character {text} at column {column}",
    ),
    "expr.invisible_character": (
        "carácter invisible {point} en la columna {column}",
        "unexpected invisible character {point} at column {column}",
    ),
    "expr.too_many_symbols": (
        "fórmula demasiado larga (más de {maximum} símbolos)",
        "formula too long (more than {maximum} symbols)",
    ),
    "expr.too_deep": (
        "demasiados niveles anidados (como mucho {maximum})",
        "nesting too deep (at most {maximum} levels)",
    ),
    "expr.missing_operand": (
        "falta un operando después de {text} (columna {column})",
        "missing operand after {text} at column {column}",
    ),
    "expr.unexpected_number": (
        "número inesperado {text} en la columna {column} (use * para multiplicar)",
        "unexpected number {text} at column {column} (use * to multiply)",
    ),
    "expr.unexpected": (
        "{text} inesperado en la columna {column}",
        "unexpected {text} at column {column}",
    ),
    "expr.needs_parentheses": (
        "la función {name} de la columna {column} necesita paréntesis: escriba {name}(...)",
        "function {name} at column {column} needs parentheses: write {name}(...)",
    ),
    "expr.empty_parentheses": (
        "paréntesis vacíos en la columna {column}",
        "empty parentheses at column {column}",
    ),
    "expr.missing_closing": (
        "falta el ')' del '(' de la columna {column}",
        "missing ')' for '(' at column {column}",
    ),
    "expr.too_long": (
        "fórmula demasiado larga ({length} caracteres, como mucho {maximum})",
        "formula too long ({length} characters, at most {maximum})",
    ),
    "expr.empty": ("la fórmula está vacía", "the formula is empty"),
    "expr.not_text": ("una fórmula es texto, no {kind}", "a formula must be text, not {kind}"),
    # Why a link's value cannot be used (dlviz.params.ParamError codes).
    "param.not_number": ("no es un número", "not a number"),
    "param.not_finite": ("no es un número finito", "not a finite number"),
    "param.outside": ("fuera de [{lo}, {hi}]", "outside [{lo}, {hi}]"),
    "param.not_whole": ("no es un número entero", "not a whole number"),
    "param.not_choice": ("no es uno de: {options}", "not one of {options}"),
    "param.not_bool": ("no es 0 ni 1", "not 0 or 1"),
    "param.too_many_rows": ("tiene más de {maximum} filas", "more than {maximum} rows"),
    "pills.empty": (
        "Deje al menos una opción encendida: sigue en uso la elección anterior.",
        "Keep at least one option on: the previous choice stays in use.",
    ),
    "param.empty": ("está vacío", "empty"),
    "param.too_many_items": ("tiene más de {maximum} valores", "more than {maximum} values"),
    "param.length": ("no son {count} números", "not {count} numbers"),
    "param.row_length": (
        "una fila no tiene {columns} números",
        "a row is not {columns} numbers",
    ),
    "param.too_long": (
        "tiene más de {maximum} caracteres",
        "longer than {maximum} characters",
    ),
    # Messages for a CSV the student pastes or uploads (dlviz.csvdata.CSVError codes). A file's
    # own text ({found}, {value}, {reason}) arrives escaped by dlviz.csvdata.explain.
    "csv.empty": ("El archivo está vacío.", "The file is empty."),
    "csv.too_big": (
        "El archivo es demasiado grande ({size}; máximo {maximum}).",
        "The file is too large ({size}; at most {maximum}).",
    ),
    "csv.too_long": (
        "El texto pegado tiene {characters} caracteres y llena la caja (admite {maximum}): su "
        "final pudo quedar cortado. Pegue menos datos o suba un archivo.",
        "The pasted text has {characters} characters and fills the box (it takes {maximum}): "
        "its end may have been cut off. Paste fewer data or upload a file.",
    ),
    "csv.wide": (
        "El encabezado tiene {columns} columnas; se leen como máximo {maximum}. Deje solo las "
        "columnas que se usan.",
        "The header has {columns} columns; at most {maximum} are read. Keep only the columns "
        "that are used.",
    ),
    "csv.cells": (
        "El archivo tiene hasta {cells} valores (columnas × filas); se leen como máximo "
        "{maximum}. Quite columnas o filas.",
        "The file holds up to {cells} values (columns × rows); at most {maximum} are read. "
        "Remove columns or rows.",
    ),
    "csv.quotes": (
        "No se puede leer como CSV: hay comillas sin cerrar o sueltas en la línea {line}.",
        "It cannot be read as CSV: a quote is left open or stray on line {line}.",
    ),
    "csv.field_limit": (
        "No se puede leer como CSV: un campo de la línea {line} es demasiado largo.",
        "It cannot be read as CSV: a field on line {line} is too long.",
    ),
    "csv.unreadable": (
        "No se puede leer como CSV: {reason}.",
        "It cannot be read as CSV: {reason}.",
    ),
    "csv.columns": (
        "Faltan columnas: {missing} (columnas encontradas: {found}). La primera fila debe ser el encabezado.",
        "Missing columns: {missing} (columns found: {found}). The first row must be the header.",
    ),
    "csv.duplicate": (
        "El encabezado nombra la columna {column} más de una vez: no se sabe cuál usar.",
        "The header names column {column} more than once: which one is meant is unclear.",
    ),
    "csv.fields": (
        "La fila {row} no tiene un valor por columna: tiene {count} y el encabezado nombra "
        "{expected} (¿sobra o falta una coma?).",
        "Row {row} does not have one value per column: it has {count} and the header names "
        "{expected} (a comma too many or too few?).",
    ),
    "csv.non_numeric": (
        "La columna {column}, fila {row}, no es un número: {value}.",
        "Column {column}, row {row}, is not a number: {value}.",
    ),
    "csv.missing": (
        "Falta un valor en la columna {column}, fila {row}.",
        "A value is missing in column {column}, row {row}.",
    ),
    "csv.too_few": (
        "Hay {rows} filas; se necesitan al menos {minimum}.",
        "There are {rows} rows; at least {minimum} are needed.",
    ),
    "csv.too_many": (
        "Hay {rows} filas; el máximo es {maximum}.",
        "There are {rows} rows; the maximum is {maximum}.",
    ),
    "csv.constant": (
        "La columna {column} es constante: con un solo valor no hay nada que ajustar.",
        "Column {column} is constant: with a single value there is nothing to fit.",
    ),
    "csv.kept": ("Se siguen usando los datos anteriores.", "The previous data are kept."),
    # Page titles, lecture sections and the worked example each page opens on.
    "page.gradient": ("Gradiente", "Gradient"),
    "section.gradient": ("Gradiente", "Gradiente (gradient)"),
    "example.gradient": (
        "f(x,y) = x²y + y en (1,1): ∇f = (2xy, x²+1) = (2, 2)",
        "f(x,y) = x²y + y at (1,1): ∇f = (2xy, x²+1) = (2, 2)",
    ),
    "page.sgd": ("Gradiente descendente y SGD", "Gradient descent & SGD"),
    "section.sgd": (
        "Gradiente como regla de actualización; gradiente descendente estocástico",
        "Gradiente como regla de actualización; SGD (gradient as an update rule)",
    ),
    "example.sgd": (
        "puntos (50,150), (80,200), (120,280), w = b = 0, η = 0.0001",
        "points (50,150), (80,200), (120,280), w = b = 0, η = 0.0001",
    ),
    "page.perceptron": ("Perceptrón y XOR", "Perceptron & XOR"),
    "section.perceptron": (
        "Perceptrón multicapa (MLP), regla del perceptrón, ADALINE",
        "Perceptrón multicapa (multilayer perceptron), perceptron rule, ADALINE",
    ),
    "example.perceptron": (
        "θ = 1, γ = 1.5, w = [1, 1]: AND1 → [1, −0.5], AND2 → [−0.5, 1]; XOR = OR(AND1, AND2)",
        "θ = 1, γ = 1.5, w = [1, 1]: AND1 → [1, −0.5], AND2 → [−0.5, 1]; XOR = OR(AND1, AND2)",
    ),
    "page.logistic": ("Regresión logística", "Logistic regression"),
    "section.logistic": (
        "Regresión logística, máxima verosimilitud, entropía cruzada binaria",
        "Regresión logística (logistic regression), maximum likelihood, binary cross-entropy",
    ),
    "example.logistic": (
        "σ(0) = 0.5; ∇J = (1/N) Σ (ŷ − y) x",
        "σ(0) = 0.5; ∇J = (1/N) Σ (ŷ − y) x",
    ),
    "page.softmax": ("Softmax", "Softmax"),
    "section.softmax": (
        "Softmax, one-hot, entropía cruzada, derivadas, MNIST",
        "Softmax, one-hot, cross-entropy, derivatives, MNIST",
    ),
    "example.softmax": (
        "ejemplo 4×3: pérdidas 0.969692, 0.880200, 1.05268, 0.831490; media ≈ 0.9335",
        "4×3 example: losses 0.969692, 0.880200, 1.05268, 0.831490; mean ≈ 0.9335",
    ),
    "page.autodiff": ("Autodiferenciación", "Automatic differentiation"),
    "section.autodiff": (
        "Autodiferenciación (AD)",
        "Autodiferenciación (automatic differentiation)",
    ),
    "example.autodiff": (
        "grafo de f(x,y) = x²y + y; tabla de la regla de la cadena",
        "graph of f(x,y) = x²y + y; chain-rule table",
    ),
    "page.playground": ("Playground: construya una MLP", "Playground: build an MLP"),
    "section.playground": (
        "Perceptrón multicapa (MLP): capas, activaciones, retropropagación",
        "Perceptrón multicapa (multilayer perceptron): layers, activations, backpropagation",
    ),
    "example.playground": (
        "XOR con la red 2-2-1 de la clase, junto al perceptrón que no puede aprenderlo",
        "XOR with the lecture's 2-2-1 network, beside the perceptron that cannot learn it",
    ),
    # Home page.
    "home.intro": (
        "Un laboratorio interactivo para la **Lección 03 de Deep Learning**: cada figura de las "
        "diapositivas, con sus mismos números, y luego todo lo que la diapositiva deja quieto se "
        "puede mover. Los valores se calculan exactamente; donde la diapositiva redondea o tiene "
        "un desliz, la página lo dice.",
        "An interactive lab for **Deep Learning Lecture 03**: every figure of the slides, with the "
        "slides' own numbers, and then everything the slide keeps still can be moved. Values are "
        "computed exactly; where a slide rounds or slips, the page says so.",
    ),
    "home.map": ("Mapa de la lección", "Map of the lecture"),
    "home.col.section": ("Sección de la lección", "Lecture section"),
    "home.col.page": ("Página", "Page"),
    "home.col.example": ("Abre con el ejemplo", "Opens on the example"),
    "home.class": ("Cómo usarlo en clase", "How to use it in class"),
    "home.class.body": (
        "- **Enlaces**: cada control queda en la dirección de la página. Prepare una vista, copie "
        "el enlace y ábralo en clase: se reproduce exactamente.\n"
        "- **Modo presentación** (barra lateral): letra grande para el proyector; también queda "
        "en el enlace (`?present=1`).\n"
        "- **Idioma**: español o inglés, por defecto el de su navegador; `?lang=es` o "
        "`?lang=en` en el enlace lo fija.\n"
        "- **Animaciones**: las iteraciones se reproducen en el navegador (▶ / ❚❚ y una barra "
        "para avanzar paso a paso).",
        "- **Links**: every control is kept in the page address. Prepare a view, copy the link and "
        "open it in class: it is reproduced exactly.\n"
        "- **Presentation mode** (sidebar): large type for a projector; also kept in the link "
        "(`?present=1`).\n"
        "- **Language**: Spanish or English, defaulting to your browser's; `?lang=es` or "
        "`?lang=en` in the link fixes it.\n"
        "- **Animations**: iterations play in the browser (▶ / ❚❚ and a slider to scrub step by "
        "step).",
    ),
}
