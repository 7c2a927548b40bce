"""Catalog, a provider written in Python (standard library only), with its own state change endpoint.

Prints its base URL on the first line of stdout. With BREAK_PROVIDER set, it renames a field.
"""
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

products = {}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body=None):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "products" and parts[1].isdigit():
            product = products.get(int(parts[1]))
            if product is None:
                return self.answer(404, {"error": "no such product"})
            if os.environ.get("BREAK_PROVIDER"):
                product = {"id": product["id"], "title": product["name"], "price": product["price"]}
            return self.answer(200, product)
        self.answer(404, {"error": "no such route"})

    def do_POST(self):
        if self.path != "/_states":
            return self.answer(404, {"error": "no such route"})
        change = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        state, params, action = change.get("state"), change.get("params") or {}, change.get("action")
        if action == "teardown":
            products.clear()
            return self.answer(200, {})
        if state == "a product exists":
            products[int(params["id"])] = {"id": int(params["id"]), "name": "Green tea", "price": 350}
        elif state != "no product exists":
            return self.answer(400, {"error": f"unknown state {state!r}"})
        self.answer(200, {})


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
server.serve_forever()
