// The page-side clock of `python -m bench --browser`, installed in every page before its own
// scripts (Playwright's add_init_script). All times are the page's performance.now(): 0 is the
// start of the navigation.
//
// A wait is over at the second animation frame after both the last DOM change in the main block
// ([data-testid=stMain]) and the last websocket message, once the script run is over, nothing
// is stale, no element is still loading its code (a skeleton) and every plotly chart and
// graphviz graph in the main block has drawn. The run is over when the server's "script
// finished" message has arrived (not "finished early for a rerun": another run follows) and
// the app's script state is notRunning. (The script state alone does not tell that a run
// happened: a run shorter than one React render never shows "running".)
// A load waits from the start of the navigation (armed at once); a control move from the key
// press or pointer press that arm() has armed for.
(() => {
  if (window.__bench) return;
  const FINISHED = 6; // ForwardMsg.script_finished (streamlit/proto/ForwardMsg.proto)
  const NEW_SESSION = 4; // ForwardMsg.new_session: a run starts
  const EARLY_FOR_RERUN = 2; // ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
  const B = (window.__bench = {
    armed: true, // the load
    t0: 0, // the navigation
    finished: null, // when the run's "script finished" message arrived
    lastMutation: null,
    lastMessage: null,
    messages: 0,
    quiet: 0, // animation frames since the last DOM change in the main block or message
    done: null,
    waiters: [],
  });

  // The top-level message type of a ForwardMsg (its field number) and, for a varint field,
  // its value: a walk over the protobuf fields, skipping hash, metadata and payloads.
  function kind(buffer) {
    const bytes = new Uint8Array(buffer);
    let i = 0;
    const varint = () => {
      let value = 0;
      let scale = 1;
      let byte;
      do {
        byte = bytes[i++];
        value += (byte & 0x7f) * scale;
        scale *= 128;
      } while (byte & 0x80 && i < bytes.length);
      return value;
    };
    while (i < bytes.length) {
      const tag = varint();
      const field = Math.floor(tag / 8);
      const wire = tag & 7;
      if (field > 2) return [field, wire === 0 ? varint() : null];
      if (wire === 0) varint();
      else if (wire === 2) {
        const length = varint(); // read before i: `i += varint()` would add to the old i
        i += length;
      }
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else return [null, null];
    }
    return [null, null];
  }

  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        const now = performance.now();
        B.lastMessage = now;
        B.messages += 1;
        B.quiet = 0;
        if (!B.armed || B.t0 === null || !(event.data instanceof ArrayBuffer)) return;
        const [field, value] = kind(event.data);
        if (field === FINISHED && value !== EARLY_FOR_RERUN) B.finished = now;
        else if (field === NEW_SESSION) B.finished = null;
      });
    }
  };

  const app = () => document.querySelector("[data-testid=stApp]");
  const state = () => (app() ? app().getAttribute("data-test-script-state") : null);
  const main = () => document.querySelector("[data-testid=stMain]");

  new MutationObserver((records) => {
    const block = main();
    if (block && records.some((r) => block.contains(r.target))) {
      B.lastMutation = performance.now();
      B.quiet = 0;
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

  function drawn() {
    if (B.finished === null || state() !== "notRunning") return false;
    if (document.querySelector("[data-stale=true]")) return false;
    const block = main();
    if (!block || block.querySelector("[data-testid=stSkeleton]")) return false;
    for (const chart of block.querySelectorAll("[data-testid=stPlotlyChart]")) {
      const plot = chart.querySelector(".js-plotly-plot");
      if (!plot || !plot._fullLayout || !plot.querySelector(".main-svg")) return false;
    }
    for (const graph of block.querySelectorAll("[data-testid=stGraphVizChart]")) {
      if (!graph.querySelector("svg")) return false;
    }
    return true;
  }

  function tick() {
    if (!B.armed) return;
    B.quiet += 1;
    if (B.t0 !== null && B.quiet >= 2 && drawn()) {
      const { t0, finished, lastMutation, lastMessage, messages } = B;
      B.armed = false;
      B.done = { t0, finished, lastMutation, lastMessage, messages, end: performance.now() };
      for (const resolve of B.waiters.splice(0)) resolve(B.done);
      return;
    }
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);

  const press = () => {
    if (B.armed && B.t0 === null) B.t0 = performance.now();
  };
  window.addEventListener("keydown", press, true);
  window.addEventListener("pointerdown", press, true);

  // Arm for a control move: the clock starts at the next key press or pointer press.
  B.arm = () => {
    Object.assign(B, { armed: true, t0: null, finished: null, quiet: 0, done: null });
    Object.assign(B, { lastMutation: null, lastMessage: null, messages: 0 });
    requestAnimationFrame(tick);
  };
  // The result of the armed wait; {timeout: true, ...} if it is not over in timeoutMs.
  B.wait = (timeoutMs) =>
    new Promise((resolve) => {
      if (B.done) return resolve(B.done);
      const settle = (result) => {
        clearTimeout(timer);
        resolve(result);
      };
      const timer = setTimeout(() => {
        B.waiters = B.waiters.filter((w) => w !== settle);
        B.armed = false;
        const { t0, finished, messages } = B;
        resolve({ timeout: true, t0, finished, messages, state: state() });
      }, timeoutMs);
      B.waiters.push(settle);
    });

  // The controls a student can move in the main block, in page order: {key, kind, where}
  // ("section": in the open tab, or anywhere on a page without tabs; "page": outside the tabs). Hidden and disabled ones are left
  // out, and so are text boxes and buttons, except a step navigator's Next (kind "stepper",
  // key without "_next", with the name of its Back button).
  B.controls = () => {
    const block = main();
    const found = [];
    const tabbed = Boolean(block.querySelector("[data-testid=stTabs]"));
    for (const box of block.querySelectorAll("[data-testid=stElementContainer][class*=st-key-]")) {
      let key = box.className.match(/st-key-(\S+)/)[1];
      if (!box.checkVisibility()) continue;
      const panel = box.closest("[role=tabpanel]");
      if (!panel && box.closest("[data-testid=stTabs]")) continue;
      const where = panel || !tabbed ? "section" : "page";
      const has = (id) => box.querySelector(`[data-testid=${id}]`);
      const input = box.querySelector("input");
      let kind = null;
      let disabled = Boolean(input && input.disabled);
      let back;
      if (has("stSlider")) {
        kind = "slider";
        const thumb = box.querySelector("input[type=range]"); // role slider (react-aria)
        disabled = !thumb || thumb.disabled;
      } else if (has("stNumberInput")) kind = "number";
      else if (has("stRadio")) {
        kind = "radio";
        disabled = [...box.querySelectorAll("input")].every((i) => i.disabled);
      } else if (has("stCheckbox")) kind = box.querySelector("[role=switch]") ? "toggle" : "checkbox";
      else if (has("stSelectbox")) kind = "select";
      else if (key.endsWith("_next") && has("stButton")) {
        key = key.slice(0, -"_next".length);
        back = ["back", "prev"].find((b) => block.querySelector(`.st-key-${CSS.escape(key)}_${b}`));
        kind = back ? "stepper" : null;
        disabled = false;
      }
      if (kind && !disabled) found.push(back ? { key, kind, where, back } : { key, kind, where });
    }
    return found;
  };
  // What the open page shows: its plotly charts (3-D or not) and graphviz graphs.
  B.charts = () => {
    const block = main();
    const plots = [...block.querySelectorAll(".js-plotly-plot")];
    const layouts = plots.map((p) => p._fullLayout).filter(Boolean);
    return {
      plotly: plots.length,
      three_d: layouts.filter((l) => l._has && l._has("gl3d")).length,
      graphviz: block.querySelectorAll("[data-testid=stGraphVizChart]").length,
    };
  };
})();
