"""The deployment files of deploy/ (issue 13, item 5): what each one must say to run the app
behind a proxy, checked without Docker or a cluster (neither is on this machine).

- ``deploy/Dockerfile`` and ``.dockerignore``: non-root, only the app's files, requirements.txt.
- ``deploy/compose.yaml``: replicas behind the HAProxy of ``deploy/compose-haproxy.cfg``, with the
  cookie secret required from the environment; that configuration passes ``haproxy -c -f`` and
  pins browsers by cookie and checks ``/_stcore/health``.
- ``deploy/k8s.yaml``: Secret, Deployment, Service and Ingress that reach one another.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml

from dlviz import digits
from tests import support

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
HEALTH = "/_stcore/health"
SECRET_ENV = "STREAMLIT_SERVER_COOKIE_SECRET"
# What `streamlit run app.py` needs, and nothing else (tests, bench, docs, .git stay out).
APP_FILES = {"app.py", "requirements.txt", ".streamlit/config.toml", "dlviz", "pages"}


# -- Dockerfile ----------------------------------------------------------------------------------
def dockerfile(text: str) -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (INSTRUCTION, arguments), continuation lines joined."""
    instructions, parts = [], []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):  # also inside a continued instruction
            continue
        parts.append(stripped.removesuffix("\\").strip())
        if stripped.endswith("\\"):
            continue
        keyword, _, arguments = " ".join(parts).partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
        parts = []
    return instructions


@pytest.fixture(scope="module")
def instructions() -> list[tuple[str, str]]:
    return dockerfile((DEPLOY / "Dockerfile").read_text())


def _copies(instructions) -> list[str]:
    """The sources of every COPY/ADD (all words but the last, flags left out)."""
    sources = []
    for keyword, arguments in instructions:
        if keyword in {"COPY", "ADD"}:
            words = [w for w in shlex.split(arguments) if not w.startswith("--")]
            sources += [w.rstrip("/") for w in words[:-1]]
    return sources


def _uid(user: str) -> str:
    return user.split(":")[0]


def test_dockerfile_parser_joins_continued_lines():
    parsed = dockerfile("FROM x\n# note\nRUN a \\\n    # inside\n    && b\nUSER 7:7\n")
    assert parsed == [("FROM", "x"), ("RUN", "a && b"), ("USER", "7:7")]


def test_image_is_slim_python_311(instructions):
    bases = [arguments for keyword, arguments in instructions if keyword == "FROM"]
    assert len(bases) == 1 and re.fullmatch(r"python:3\.11-slim(-\w+)?", bases[0]), bases


def test_image_runs_as_a_numeric_non_root_user(instructions):
    keywords = [keyword for keyword, _ in instructions]
    users = [arguments for keyword, arguments in instructions if keyword == "USER"]
    assert users, "no USER: the app would run as root"
    uid = _uid(users[-1])
    # Numeric, so that Kubernetes' runAsNonRoot can verify it; and not root.
    assert uid.isdigit() and int(uid) != 0, users[-1]
    last_user = len(keywords) - 1 - keywords[::-1].index("USER")
    assert keywords.index("CMD") > last_user, "the command must start after USER"


def test_image_copies_the_app_and_nothing_else(instructions):
    sources = _copies(instructions)
    assert set(sources) == APP_FILES, sources
    for source in sources:
        assert (ROOT / source).exists(), f"COPY {source}: no such file in the project"


def test_image_installs_requirements_without_pip_cache(instructions):
    runs = [arguments for keyword, arguments in instructions if keyword == "RUN"]
    installs = [r for r in runs if "pip install" in r]
    assert any("-r requirements.txt" in r and "--no-cache-dir" in r for r in installs), installs
    # requirements.txt is copied before it is installed, the app after (a cached layer).
    order = [(k, a) for k, a in instructions if k in {"COPY", "RUN"}]
    first_install = next(i for i, (k, a) in enumerate(order) if "-r requirements.txt" in a)
    copied_before = _copies(order[:first_install])
    assert copied_before == ["requirements.txt"], copied_before


def test_image_serves_streamlit_on_8501_with_a_health_check(instructions):
    found = dict(instructions)  # the last of each kind, as Docker uses it
    assert found["EXPOSE"].split() == ["8501"]
    assert HEALTH in found["HEALTHCHECK"] and "urllib" in found["HEALTHCHECK"]
    command = " ".join(json.loads(found["CMD"]))  # the exec (JSON) form
    assert command.startswith("streamlit run app.py"), command
    assert "--server.address=0.0.0.0" in command and "--server.port=8501" in command
    assert "--server.headless=true" in command


def test_image_keeps_blas_to_one_thread_and_bakes_no_secret(instructions):
    env = " ".join(a for k, a in instructions if k in {"ENV", "ARG"})
    assert "OPENBLAS_NUM_THREADS=1" in env and "OMP_NUM_THREADS=1" in env
    assert SECRET_ENV not in env


# -- .dockerignore -------------------------------------------------------------------------------
def _pattern(pattern: str) -> re.Pattern:
    """A .dockerignore pattern as moby's patternmatcher reads it: Go's filepath.Match within a
    path segment (`*` and `?` stop at `/`), `**` for any number of directories."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out)


def in_context(path: str, rules: list[str]) -> bool:
    """Whether ``path`` reaches the build context: the last rule that matches it or one of its
    parent directories decides (``!`` lets it back in)."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    included = True
    for rule in rules:
        negated = rule.startswith("!")
        pattern = _pattern(os.path.normpath(rule.removeprefix("!")))
        if any(pattern.fullmatch(prefix) for prefix in prefixes):
            included = negated
    return included


@pytest.fixture(scope="module")
def context_rules() -> list[str]:
    lines = (ROOT / ".dockerignore").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_dockerignore_matcher_follows_docker_rules():
    rules = ["*", "!dlviz/", "**/__pycache__"]
    assert in_context("dlviz/views/softmax.py", rules)
    assert not in_context("dlviz/__pycache__/x.pyc", rules)
    assert not in_context("tests/test_x.py", rules)
    assert in_context("tests/test_x.py", ["*.md"])


def test_build_context_holds_the_app_files_only(context_rules):
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    sent = {path for path in tracked if in_context(path, context_rules)}
    needed = {p for p in tracked if any(p == f or p.startswith(f + "/") for f in APP_FILES)}
    assert needed <= sent, sorted(needed - sent)
    assert sent <= needed, sorted(sent - needed)
    assert not in_context(".git/HEAD", context_rules)
    assert not in_context(".streamlit/secrets.toml", context_rules)


# -- compose + HAProxy ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def haproxy_sections(text: str) -> dict[str, list[str]]:
    """The configuration's sections ("backend streamlit", ...) with their lines, no comments."""
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if not line[0].isspace():
            current = " ".join(line.split())
            sections[current] = []
        elif current is not None:
            sections[current].append(" ".join(line.split()))
    return sections


@pytest.fixture(scope="module")
def haproxy_cfg() -> dict[str, list[str]]:
    return haproxy_sections((DEPLOY / "compose-haproxy.cfg").read_text())


def _seconds(value: str) -> float:
    number, unit = re.fullmatch(r"(\d+)(ms|s|m|h|d)?", value).groups()
    return int(number) * {"ms": 1e-3, "s": 1, "m": 60, "h": 3600, "d": 86400, None: 1e-3}[unit]


def test_compose_builds_the_image_from_the_project_root(compose):
    build = compose["services"]["app"]["build"]
    assert (DEPLOY / build["context"] / "app.py").is_file()
    assert (DEPLOY / build["context"] / build["dockerfile"]).resolve() == DEPLOY / "Dockerfile"


def test_compose_runs_replicas_that_require_one_shared_secret(compose):
    app = compose["services"]["app"]
    replicas = re.fullmatch(r"\$\{DLVIZ_REPLICAS:-(\d+)\}", str(app["deploy"]["replicas"]))
    assert replicas and int(replicas[1]) >= 2, app["deploy"]
    # `:?`: compose refuses to start without it, so no replica runs with a secret of its own.
    secret = app["environment"][SECRET_ENV]
    assert re.fullmatch(r"\$\{" + SECRET_ENV + r":\?.+\}", secret), secret
    assert "ports" not in app, "replicas are reached through the proxy only"
    assert HEALTH in " ".join(app["healthcheck"]["test"])


def test_compose_proxy_is_haproxy_with_our_config_on_the_published_port(compose, haproxy_cfg):
    proxy = compose["services"]["proxy"]
    assert proxy["image"].startswith("haproxy:2.6")
    mounts = [v.split(":") for v in proxy["volumes"]]
    assert ["./compose-haproxy.cfg", "/usr/local/etc/haproxy/haproxy.cfg", "ro"] in mounts
    published = re.fullmatch(r"\$\{DLVIZ_PORT:-\d+\}:(\d+)", proxy["ports"][0])
    assert published, proxy["ports"]
    binds = [line for line in haproxy_cfg["frontend web"] if line.startswith("bind ")]
    assert binds == [f"bind :{published[1]}"], binds
    assert proxy["depends_on"]["app"]["condition"] == "service_healthy"


def test_haproxy_config_is_valid(tmp_path):
    haproxy = support.haproxy()
    checked = subprocess.run(
        [haproxy, "-c", "-f", str(DEPLOY / "compose-haproxy.cfg")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # The check can fail: the same file with a misspelt keyword is refused.
    broken = tmp_path / "broken.cfg"
    broken.write_text((DEPLOY / "compose-haproxy.cfg").read_text().replace("balance", "balanse"))
    refused = subprocess.run([haproxy, "-c", "-f", str(broken)], capture_output=True, timeout=30)
    assert refused.returncode != 0


def test_haproxy_pins_browsers_by_cookie_and_checks_health(haproxy_cfg):
    backend = haproxy_cfg["backend streamlit"]
    cookie = next(line.split() for line in backend if line.startswith("cookie "))
    assert {"insert", "indirect", "nocache", "dynamic"} <= set(cookie[2:]), cookie
    assert any(line.startswith("dynamic-cookie-key ") for line in backend)
    assert "option httpchk" in backend
    assert f"http-check send meth GET uri {HEALTH}" in backend
    assert "option redispatch" in backend and "balance leastconn" in backend


def test_haproxy_finds_the_replicas_by_docker_dns(haproxy_cfg, compose, instructions):
    assert "nameserver dns 127.0.0.11:53" in haproxy_cfg["resolvers docker"]
    template = next(
        line.split() for line in haproxy_cfg["backend streamlit"] if line.startswith("server-")
    )
    _, _, slots, address, *options = template
    exposed = dict(instructions)["EXPOSE"]
    assert address == f"app:{exposed}" and "app" in compose["services"]
    default = int(re.search(r":-(\d+)", compose["services"]["app"]["deploy"]["replicas"])[1])
    assert int(slots) >= default
    assert "check" in options and options[options.index("resolvers") + 1] == "docker"
    assert options[options.index("init-addr") + 1] == "none"


def test_haproxy_keeps_websockets_open_for_a_class(haproxy_cfg):
    timeouts = dict(
        line.split()[1:3] for line in haproxy_cfg["defaults"] if line.startswith("timeout ")
    )
    assert _seconds(timeouts["tunnel"]) >= 3600


# -- Kubernetes ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def k8s() -> dict[str, dict]:
    documents = [d for d in yaml.safe_load_all((DEPLOY / "k8s.yaml").read_text()) if d]
    kinds = [d["kind"] for d in documents]
    assert sorted(kinds) == ["Deployment", "Ingress", "Secret", "Service"], kinds
    return {d["kind"]: d for d in documents}


def _quantity(value: str | int) -> float:
    """A Kubernetes quantity (500m, 1, 384Mi, 2Gi) as a number of cores or bytes."""
    units = {"m": 1e-3, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "k": 1e3, "M": 1e6, "G": 1e9}
    number, unit = re.fullmatch(r"([\d.]+)([A-Za-z]*)", str(value)).groups()
    return float(number) * units.get(unit, 1)


def _nginx_size(value: str) -> int:
    """An nginx size (70m, 512k): its units are powers of 1024."""
    number, unit = re.fullmatch(r"(\d+)([kKmMgG]?)", value).groups()
    return int(number) * {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}[unit.lower()]


def _container(k8s) -> dict:
    (container,) = k8s["Deployment"]["spec"]["template"]["spec"]["containers"]
    return container


def _port(container: dict, port: str | int) -> int:
    """A container port given by number or by name."""
    for declared in container["ports"]:
        if port in (declared["containerPort"], declared.get("name")):
            return declared["containerPort"]
    raise AssertionError(f"no container port {port!r}")


def test_deployment_runs_three_non_root_replicas(k8s, instructions):
    spec = k8s["Deployment"]["spec"]
    assert spec["replicas"] == 3
    assert spec["selector"]["matchLabels"].items() <= spec["template"]["metadata"]["labels"].items()
    security = spec["template"]["spec"]["securityContext"]
    users = [a for k, a in instructions if k == "USER"]
    assert security["runAsNonRoot"] is True
    assert str(security["runAsUser"]) == _uid(users[-1]), "the image's user"
    container = _container(k8s)
    assert container["securityContext"]["allowPrivilegeEscalation"] is False


def test_deployment_probes_streamlit_health(k8s, instructions):
    container = _container(k8s)
    for probe in ("readinessProbe", "livenessProbe"):
        get = container[probe]["httpGet"]
        assert get["path"] == HEALTH, probe
        assert str(_port(container, get["port"])) == dict(instructions)["EXPOSE"], probe


def test_deployment_has_bounded_resources(k8s):
    resources = _container(k8s)["resources"]
    for kind in ("cpu", "memory"):
        request, limit = resources["requests"][kind], resources["limits"][kind]
        assert 0 < _quantity(request) <= _quantity(limit), (kind, request, limit)


def test_deployment_gets_the_cookie_secret_from_the_secret(k8s):
    env = {e["name"]: e for e in _container(k8s)["env"]}
    ref = env[SECRET_ENV]["valueFrom"]["secretKeyRef"]
    secret = k8s["Secret"]
    assert ref["name"] == secret["metadata"]["name"]
    value = secret["stringData"][ref["key"]]
    assert "REPLACE" in value, "a placeholder must say that it is one"


def test_service_and_ingress_reach_the_deployment(k8s):
    service, ingress = k8s["Service"], k8s["Ingress"]
    pod_labels = k8s["Deployment"]["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= pod_labels.items()
    container = _container(k8s)
    service_ports = {}
    for port in service["spec"]["ports"]:
        assert _port(container, port["targetPort"]) == 8501
        service_ports[port["port"]] = service_ports[port.get("name")] = port
    paths = [p for rule in ingress["spec"]["rules"] for p in rule["http"]["paths"]]
    assert paths and any(p["path"] == "/" for p in paths)
    for path in paths:
        backend = path["backend"]["service"]
        assert backend["name"] == service["metadata"]["name"]
        assert backend["port"].get("name", backend["port"].get("number")) in service_ports


def test_ingress_pins_browsers_by_cookie_for_a_class(k8s):
    notes = k8s["Ingress"]["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert k8s["Ingress"]["spec"]["ingressClassName"] == "nginx"
    assert notes[prefix + "affinity"] == "cookie"
    assert notes[prefix + "affinity-mode"] == "persistent"
    assert notes[prefix + "session-cookie-name"]
    for timeout in ("proxy-read-timeout", "proxy-send-timeout"):
        assert int(notes[prefix + timeout]) >= 3600, timeout
    # nginx refuses larger bodies with 413: the Softmax page's largest upload must pass.
    assert _nginx_size(notes[prefix + "proxy-body-size"]) >= digits.MAX_UPLOAD_BYTES
