"""A small LMS on 127.0.0.1 for the package tests: it serves the unzipped packages, scorm-again and
the harness page, keeps what the runtime commits, and can be told to refuse commits.
For cmi5 it is also the LRS: it hands out the auth token, the launch data, and records statements."""

import json
import threading
import uuid
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

HERE = Path(__file__).resolve().parent
RUNTIME = HERE.parent / "fixtures" / "scorm-again"


class LmsState:
    def __init__(self, packages: dict[str, Path]):
        self.packages = packages  # url prefix ("package12") -> unzipped folder
        # Each test is a new learner, so that a late commit from an earlier test's closing page lands elsewhere.
        self.learner = uuid.uuid4().hex
        self.kept: dict[str, dict | None] = {}  # "learner:version" -> the last commit the LMS accepted
        self.commits: dict[str, int] = {}
        self.refuse_commits = 0  # how many commits to answer with HTTP 500
        self.statements: list[dict] = []
        self.launch_data: dict = {}
        self.auth_token = uuid.uuid4().hex
        self.lock = threading.Lock()

    def reset(self):
        with self.lock:
            self.learner = uuid.uuid4().hex
            self.kept.clear()
            self.commits.clear()
            self.refuse_commits = 0
            self.statements.clear()


def handler_for(state: LmsState):
    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _send(self, status: int, body: bytes, content_type: str = "application/json"):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _json(self, value, status: int = 200):
            self._send(status, json.dumps(value).encode())

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def translate_path(self, path):
            parts = urlsplit(path).path.lstrip("/").split("/", 1)
            if parts[0] == "harness.html":
                return str(HERE / "lms_harness.html")
            if parts[0] == "runtime" and len(parts) == 2:
                return str(RUNTIME / Path(parts[1]).name)
            if parts[0] in state.packages and len(parts) == 2:
                return str(state.packages[parts[0]] / parts[1])
            return str(HERE / "missing")

        def do_GET(self):
            url = urlsplit(self.path)
            query = parse_qs(url.query)
            if url.path == "/lms/state":
                return self._json(state.kept.get(f"{query['learner'][0]}:{query['version'][0]}"))
            if url.path == "/lrs/activities/state":
                if query.get("stateId") == ["LMS.LaunchData"]:
                    return self._json(state.launch_data)
                return self._send(404, b"")
            if url.path == "/lrs/agents/profile":
                # What an LMS stores for the learner before it launches an AU (cmi5 section 11).
                return self._json({"languagePreference": "en-GB", "audioPreference": "on"})
            return super().do_GET()

        def do_POST(self):
            url = urlsplit(self.path)
            body = self._body()
            if url.path == "/lms/commit":
                query = parse_qs(url.query)
                key = f"{query['learner'][0]}:{query['version'][0]}"
                with state.lock:
                    if state.refuse_commits > 0:
                        state.refuse_commits -= 1
                        return self._json({"result": False, "errorCode": 101}, status=500)
                    state.kept[key] = json.loads(body)
                    state.commits[key] = state.commits.get(key, 0) + 1
                return self._json({"result": True, "errorCode": 0})
            if url.path == "/lrs/fetch":
                return self._json({"auth-token": state.auth_token})
            if url.path == "/lrs/statements":
                return self._record(body)
            return self._send(404, b"")

        def do_PUT(self):
            url = urlsplit(self.path)
            body = self._body()
            if url.path == "/lrs/statements":
                return self._record(body)
            return self._send(204, b"")

        def _record(self, body: bytes):
            received = json.loads(body)
            statements = received if isinstance(received, list) else [received]
            with state.lock:
                for statement in statements:
                    statement.setdefault("id", str(uuid.uuid4()))
                    statement["_authorization"] = self.headers.get("Authorization")
                    state.statements.append(statement)
            return self._json([s["id"] for s in statements])

    return Handler


def start(state: LmsState) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
