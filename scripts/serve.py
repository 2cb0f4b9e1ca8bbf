#!/usr/bin/env python3
"""Serves a folder on 127.0.0.1 for development and tests.

Sends `.wasm` as application/wasm (streaming compilation), `no-cache` so a
rebuild is never hidden, `nosniff` and `no-referrer`, and text and wasm
gzipped (level 9) to a browser that accepts it, as any static host does, so
that a throttled load in `make bench` sees the bytes a person downloads. The
Content-Security-Policy is declared by the page itself (a meta tag). Binds to
loopback only.
"""
import argparse
import functools
import gzip
import http.server
import os


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".svg": "image/svg+xml",
    }

    COMPRESSED = {"application/wasm", "text/javascript", "text/css", "text/html",
                  "image/svg+xml", "application/json", "application/manifest+json", "text/plain"}

    def do_GET(self):
        # A loopback dev server's gzip: no Last-Modified or 304 (with no-cache every
        # revalidation downloads the file again), HEAD answers uncompressed, and any
        # mention of gzip in Accept-Encoding counts (q=0 included).
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and ctype in self.COMPRESSED and os.path.isfile(path)):
            return super().do_GET()
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        # Public static files: lets a page on another origin load <repay-calculator>
        # (module scripts and the wasm are fetched in CORS mode); no credentials.
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, format, *args):  # quiet: tests read stdout
        pass


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--dir", default="www")
    a = p.parse_args()
    handler = functools.partial(Handler, directory=a.dir)
    with http.server.ThreadingHTTPServer(("127.0.0.1", a.port), handler) as httpd:
        print(f"serving {a.dir} at http://127.0.0.1:{a.port}/", flush=True)
        httpd.serve_forever()


if __name__ == "__main__":
    main()
