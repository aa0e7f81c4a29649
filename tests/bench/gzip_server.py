"""A static file server that compresses as GitHub Pages does, for measuring what a reader really downloads.

Python's http.server sends every file uncompressed, which would overstate page weight several times over and cost
Lighthouse points a real host would not; no small, kept library serves static files with gzip, so here are the
few lines that do. Run alone: python -m tests.bench.gzip_server FOLDER [PORT]
"""

import functools
import gzip
import io
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# The text types GitHub Pages compresses; images and fonts are already compressed.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
# GitHub Pages lets browsers keep files for 10 minutes.
CACHE_CONTROL = "max-age=600"


class GzipHandler(SimpleHTTPRequestHandler):
    # Keep connections open between requests, as GitHub Pages does (http.server closes each one by default, which
    # would charge every file a new connection).
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirects /folder to /folder/
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        content_type = self.guess_type(str(path))
        if not (path.is_file() and wants_gzip and content_type.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()


def start(folder, port: int = 0) -> tuple[str, ThreadingHTTPServer]:
    """Serve folder on 127.0.0.1 in a background thread; the base URL and the server (call .shutdown())."""
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


if __name__ == "__main__":
    url, running = start(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 8000)
    print(f"serving {sys.argv[1]} with gzip at {url}")
    threading.Event().wait()
