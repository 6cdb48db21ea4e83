"""``make-deck watch --serve``: a live preview of the outputs on 127.0.0.1.

The server shows the HTML participant pack at ``/`` (the guide at ``/guide``, the
slides drawn as pictures at ``/slides``) and any other file of the output folder
by its name. Every page it serves polls ``/_preview/state`` and reloads itself
within a second of a rebuild; when a build fails, the outline's problems (with
line, column and caret) show at the top of the page. Nothing outside the output
folder is ever served: a path that is not a plain file name in it gets 404,
however it is encoded.
"""

from __future__ import annotations

import contextlib
import errno
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from markupsafe import Markup, escape

from generator.diagnostics import format_diagnostic
from generator.watch import Echo, Rebuilder, RebuildSummary, watch

if TYPE_CHECKING:
    from generator.build import Prepared

HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PORT_TRIES = 20
POLL_MS = 300
TYPES = {
    ".html": "text/html; charset=utf-8", ".pdf": "application/pdf", ".svg": "image/svg+xml",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".png": "image/png", ".txt": "text/plain; charset=utf-8",
}
LIVE_SCRIPT = """<script>
(function () {
  "use strict";
  var seen = %(version)d;
  function show(state) {
    var box = document.getElementById("make-deck-problems");
    if (!box) { return; }
    box.hidden = state.ok;
    box.querySelector("pre").textContent = state.problems.join("\\n\\n");
  }
  function poll() {
    fetch("/_preview/state", {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (state) {
        if (state.version !== seen) {
          if (state.ok) { window.location.reload(); return; }
          seen = state.version;
        }
        show(state);
      }).catch(function () {}).then(function () { setTimeout(poll, %(poll)d); });
  }
  setTimeout(poll, %(poll)d);
}());
</script>"""


@dataclass
class PreviewState:
    """What the preview shows: the output folder and files, and the last build's result.

    ``version`` goes up with every build, good or failed; pages reload when it does."""

    folder: Path
    pack: str | None = None
    guide: str | None = None
    version: int = 0
    ok: bool = True
    problems: tuple[str, ...] = ()
    prepared: Prepared | None = None
    slides: tuple[int, str] | None = None
    """The slides page, and the version it was drawn for."""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, summary: RebuildSummary, source: str | None,
               folder: Path | None = None, prepared: Prepared | None = None) -> None:
        """Take in one rebuild's outcome (and, after a good one, where the files are)."""
        with self.lock:
            self.version += 1
            self.ok = summary.ok
            problems = [format_diagnostic(d, source) for d in summary.diagnostics
                        if not summary.ok]
            if not summary.ok and summary.error:
                problems.append(f"build failed: {summary.error}")
            self.problems = tuple(problems)
            for path in summary.written:
                if path.name.endswith("-guide.html"):
                    self.guide = path.name
                elif path.suffix == ".html":
                    self.pack = path.name
            if folder is not None:
                self.folder = folder
            if prepared is not None:
                self.prepared = prepared

    def slides_page(self) -> str | None:
        """Return the slides page of the last good build (drawn once per build), or None."""
        with self.lock:
            prepared, version, cached = self.prepared, self.version, self.slides
        if prepared is None:
            return None
        if cached is None or cached[0] != version:
            from generator.writers.html.slides import slides_page

            cached = (version, slides_page(prepared))
            with self.lock:
                self.slides = cached
        return cached[1]

    def snapshot(self) -> dict[str, object]:
        """Return the state the pages poll: version, whether the build is good, problems."""
        with self.lock:
            return {"version": self.version, "ok": self.ok, "problems": list(self.problems)}


def safe_name(path: str) -> str | None:
    """Return the file name a request path names in the output folder, or None.

    The path is decoded until it no longer changes (so ``%252e%252e`` is ``..`` too);
    only one plain segment is a name: no folders, no ``..``, no hidden files, no
    backslashes or control characters."""
    name = urlsplit(path).path
    for _ in range(4):
        decoded = unquote(name)
        if decoded == name:
            break
        name = decoded
    else:
        return None
    name = name.lstrip("/")
    if (not name or "/" in name or "\\" in name or name.startswith(".")
            or any(ord(c) < 32 for c in name) or ":" in name):
        return None
    return name


def _problems_panel(state: dict[str, object]) -> Markup:
    problems = list(state["problems"])  # type: ignore[call-overload]
    hidden = "" if problems else " hidden"
    style = ("position:sticky;top:0;z-index:20;margin:0;padding:15px;background:#FFF;"
             "color:#0B0C0C;border:5px solid #D4351C;font:16px/1.25 Arial,sans-serif")
    heading = "h2"
    text = escape("\n\n".join(problems))
    return Markup(
        f'<section id="make-deck-problems" role="alert" aria-labelledby="make-deck-problems-h"'
        f' style="{style}"{hidden}><{heading} id="make-deck-problems-h" style="margin:0 0 10px;'
        f'font-size:19px">The outline has problems: the preview shows the last good build'
        f'</{heading}><pre style="white-space:pre-wrap;margin:0;font:15px/1.3 monospace">'
        f"{text}</pre></section>")


PREVIEW_STYLE = (
    "<style>#make-deck-preview{margin:0;padding:5px 15px;background:#0B0C0C;color:#FFF;"
    "font:16px/1.25 Arial,sans-serif}#make-deck-preview a{color:#FFF}"
    "#make-deck-preview a:focus{color:#0B0C0C;background:#FD0;outline:3px solid transparent}"
    "</style>")
PREVIEW_NAV = (
    '<nav id="make-deck-preview" aria-label="Preview" lang="en">Preview: '
    '<a href="/">Participant pack</a> · <a href="/guide">Facilitator guide</a> · '
    '<a href="/slides">Slides</a></nav>')


def live_page(html: str, state: dict[str, object]) -> str:
    """Return a served page: reloading itself on rebuilds, with links to the other
    pages and the problems panel on top."""
    html = html.replace("default-src 'none';", "default-src 'none'; connect-src 'self';", 1)
    script = LIVE_SCRIPT % {"version": state["version"], "poll": POLL_MS}
    head, sep, rest = html.partition("<body>")
    if sep:
        at = rest.find("</a>") + 4 if rest.lstrip().startswith('<a class="skip-link"') else 0
        rest = rest[:at] + PREVIEW_NAV + str(_problems_panel(state)) + rest[at:]
        html = head.replace("</head>", PREVIEW_STYLE + "</head>", 1) + sep + rest
    return html.replace("</body>", script + "\n</body>", 1)


def waiting_page(state: dict[str, object], folder: Path) -> str:
    """Return the page shown where no pack is to show: while the first build runs or
    fails, or when the watch builds no HTML pack (then it links the outputs there are)."""
    files = sorted(p.name for p in folder.glob("*") if p.is_file()
                   and not p.name.startswith(".") and p.suffix.lower() in TYPES)
    if state["problems"]:
        text = ""
    elif state["version"] and files:
        links = "".join(f'<li><a href="/{escape(name)}">{escape(name)}</a></li>'
                        for name in files)
        text = f"<p>This watch builds no HTML pack. The outputs:</p><ul>{links}</ul>"
    else:
        text = "<p>Building the outline…</p>"
    return live_page(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
        " content=\"width=device-width, initial-scale=1\"><title>make-deck preview</title>"
        f"</head><body><main><h1>make-deck preview</h1>{text}</main></body></html>", state)


class _Handler(BaseHTTPRequestHandler):
    server_version = "make-deck-preview"
    sys_version = ""
    state: PreviewState

    def log_message(self, format: str, *args: object) -> None:
        """Say nothing per request: the watch's own report is what the user reads."""

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def _send(self, status: int, body: bytes, kind: str, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _answer(self, head: bool) -> None:
        port = self.server.server_address[1]
        if self.headers.get("Host", "").lower() not in {f"127.0.0.1:{port}",
                                                          f"localhost:{port}"}:
            self._send(403, b"Forbidden: the preview answers 127.0.0.1 only\n", TYPES[".txt"],
                       head)  # another name pointed here (DNS rebinding): nothing to read
            return
        state = self.state
        snapshot = state.snapshot()
        route = urlsplit(self.path).path
        if route == "/_preview/state":
            self._send(200, json.dumps(snapshot).encode(), "application/json", head)
            return
        with state.lock:
            folder, pack, guide = state.folder, state.pack, state.guide
        slides = state.slides_page() if route == "/slides" else None
        if route in ("/", "/index.html", "/guide", "/slides"):
            name = {"/guide": guide, "/slides": None}.get(route, pack)
            if route == "/slides" and slides is not None:
                page = slides
            elif name and (folder / name).is_file():
                page = (folder / name).read_text("utf-8")
            else:
                page = waiting_page(snapshot, folder)
                self._send(200, page.encode("utf-8"), TYPES[".html"], head)
                return
            self._send(200, live_page(page, snapshot).encode("utf-8"), TYPES[".html"], head)
            return
        name = safe_name(self.path)
        target = (folder / name) if name else None
        if (target is None or target.suffix.lower() not in TYPES or not target.is_file()
                or target.resolve().parent != folder.resolve()):
            self._send(404, b"Not found\n", TYPES[".txt"], head)
            return
        body = target.read_bytes()
        if target.suffix.lower() == ".html":
            body = live_page(body.decode("utf-8"), snapshot).encode("utf-8")
        self._send(HTTPStatus.OK, body, TYPES[target.suffix.lower()], head)


class PreviewServer(ThreadingHTTPServer):
    """The preview's HTTP server, bound to 127.0.0.1 only."""

    daemon_threads = True
    allow_reuse_address = True  # a port in TIME_WAIT after a restart; never a live one


def bind(state: PreviewState, port: int | None) -> PreviewServer:
    """Return a server for ``state`` on ``port``, or on the first free port from 8000.

    Raises OSError when the port asked for (or every port tried) is taken."""
    handler = type("Handler", (_Handler,), {"state": state})
    ports = [port] if port is not None else range(DEFAULT_PORT, DEFAULT_PORT + PORT_TRIES)
    last: OSError | None = None
    for candidate in ports:
        try:
            return PreviewServer((HOST, candidate), handler)
        except OSError as exc:
            if exc.errno not in (errno.EADDRINUSE, errno.EACCES):
                raise
            last = exc
    raise last or OSError(errno.EADDRINUSE, "no free port")


@contextlib.contextmanager
def serving(server: PreviewServer) -> Iterator[str]:
    """Serve in a background thread while the block runs; yield the address."""
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2},
                              name="make-deck-preview", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=2)


def _folder_of(rebuilder: Rebuilder) -> Path:
    """Return the output folder of the rebuilder's outline (its last good build's, or
    the one its options and the outline's default give)."""
    from generator.build import output_paths

    if rebuilder.prepared is not None:
        return output_paths(rebuilder.prepared, rebuilder.options)["deck"].parent
    return rebuilder.options.output_dir or Path(rebuilder.outline).parent / "output"


def open_preview(rebuilder: Rebuilder, port: int | None = None) -> PreviewServer:
    """Return the preview server of ``rebuilder``'s outline, bound but not yet serving.

    Raises OSError when the port cannot be had."""
    return bind(PreviewState(_folder_of(rebuilder)), port)


def preview(rebuilder: Rebuilder, echo: Echo, server: PreviewServer, *,
            stop: threading.Event | None = None) -> None:
    """Watch and rebuild as `watch` does, serving the live preview until Ctrl-C."""
    state: PreviewState = server.RequestHandlerClass.state  # type: ignore[attr-defined]

    def on_step(summary: RebuildSummary) -> None:
        state.record(summary, rebuilder.source_text, _folder_of(rebuilder),
                     rebuilder.prepared if summary.ok else None)

    with serving(server) as address:
        echo(f"previewing at {address} (on this computer only)")
        watch(rebuilder, echo, stop=stop, on_step=on_step)
