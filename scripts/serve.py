#!/usr/bin/env python3
"""Serves a folder on 127.0.0.1 for development and tests, as a static host does.

`make serve` and the browser tests serve the built site (dist/site/, written by
`make build`). Sends `.wasm` as application/wasm (streaming compilation),
`nosniff` and `no-referrer`, and, to a browser that accepts it, a text or wasm
file's precompressed copy beside it (f.br, else f.gz; written by
scripts/build-site.mjs) with Content-Encoding and Vary: Accept-Encoding; a file
without one (www/ served as it is, or a file changed after its copy was made)
is gzipped (level 9) on the fly. Caching as a static host does it: every
response has a strong ETag (per encoding) and `Cache-Control: no-cache`, so a
browser revalidates and gets 304 Not Modified for what it has; a
content-hashed chunk (chunk-<hash>.js, its name changes with its content) is
`immutable` for a year instead. The Content-Security-Policy is declared by the
pages themselves (a meta tag). Binds to loopback only.
"""
import argparse
import functools
import gzip
import hashlib
import http.server
import os
import re

HASHED = re.compile(r"(^|/)chunk-[A-Z0-9]{8}\.js$")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".svg": "image/svg+xml",
        ".map": "application/json",
    }

    COMPRESSED = {"application/wasm", "text/javascript", "text/css", "text/html",
                  "image/svg+xml", "application/json", "application/manifest+json", "text/plain"}

    def accepts(self, coding):
        for part in self.headers.get("Accept-Encoding", "").split(","):
            name, _, params = part.strip().partition(";")
            if name.strip() == coding:
                q = re.search(r"q=([0-9.]+)", params)
                return not q or float(q.group(1)) > 0
        return False

    def do_HEAD(self):
        self.send_file(head=True)

    def do_GET(self):
        self.send_file(head=False)

    def send_file(self, head):
        url_path = self.path.split("?")[0].split("#")[0]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not url_path.endswith("/"):
                return super().do_GET() if not head else super().do_HEAD()  # the redirect to dir/
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return self.send_error(404, "File not found")
        ctype = self.guess_type(path)
        coding = None
        body_path = path
        if ctype in self.COMPRESSED:
            for c, ext in (("br", ".br"), ("gzip", ".gz")):
                if self.accepts(c) and os.path.isfile(path + ext) and os.path.getmtime(path + ext) >= os.path.getmtime(path):
                    coding, body_path = c, path + ext
                    break
        with open(body_path, "rb") as f:
            body = f.read()
        if coding is None and ctype in self.COMPRESSED and self.accepts("gzip"):
            coding, body = "gzip", gzip.compress(body, compresslevel=9, mtime=0)
        etag = '"%s%s"' % (hashlib.sha256(body).hexdigest()[:20], "-" + coding if coding else "")
        self.cache_control = "public, max-age=31536000, immutable" if HASHED.search(url_path) else "no-cache"
        vary = ctype in self.COMPRESSED
        if etag in [t.strip() for t in self.headers.get("If-None-Match", "").split(",")]:
            self.send_response(304)
            self.send_header("ETag", etag)
            if vary:
                self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if coding:
            self.send_header("Content-Encoding", coding)
        if vary:
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def end_headers(self):
        self.send_header("Cache-Control", getattr(self, "cache_control", "no-cache"))
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
    p.add_argument("--dir", default="dist/site")
    a = p.parse_args()
    handler = functools.partial(Handler, directory=a.dir)
    with http.server.ThreadingHTTPServer(("127.0.0.1", a.port), handler) as httpd:
        print(f"serving {a.dir} at http://127.0.0.1:{a.port}/", flush=True)
        httpd.serve_forever()


if __name__ == "__main__":
    main()
