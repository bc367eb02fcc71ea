"""The raw floor: gunicorn answering with a WSGI callable that does nothing (no Django)."""


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
    return [b"ok"]
