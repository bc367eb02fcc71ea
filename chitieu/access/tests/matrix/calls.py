"""Calling and judging in the access matrix: one request as one persona, run in a savepoint that is
rolled back, its answer compared with the expectation (`matches`), its body (the XML inside a .docx
or .xlsx as well) searched for the other subtree's secrets (`leaks`), and a problem described in one
line for the test's failure message (`run_check`).
"""

from __future__ import annotations

import copy
import io
import zipfile
from urllib.parse import urlsplit

from django.db import transaction
from django.urls import reverse

from .rules import ADMIN_LOGIN, ANON, API_ANON, LOGIN, SECRETS, Check, expected_for, may

# --------------------------------------------------------------------------------------------------
# Calling and judging
# --------------------------------------------------------------------------------------------------


def body_of(resp) -> str:
    # (the test client closes a streamed response once it is read; closing it again here would fire
    # request_finished and close the database connection in the middle of the test's transaction)
    raw = b"".join(resp.streaming_content) if resp.streaming else resp.content
    if raw[:2] == b"PK":  # .docx / .xlsx: search the XML inside
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            raw = b"".join(z.read(n) for n in z.namelist() if n.endswith((".xml", ".rels")))
    return raw.decode("utf-8", "replace")


def answer_of(resp) -> str:
    if resp.status_code in (301, 302, 303):
        path = urlsplit(resp["Location"]).path
        if path == reverse("web:login"):
            return LOGIN
        if path == reverse("admin:login"):
            return ADMIN_LOGIN
        return f"{resp.status_code}→{resp['Location']}"
    return str(resp.status_code)


def matches(expected, resp) -> bool:
    if isinstance(expected, tuple):  # any of these answers
        return any(matches(e, resp) for e in expected)
    got = answer_of(resp)
    if expected == API_ANON:
        return resp.status_code in (401, 403)
    if isinstance(expected, str) and "→" in expected:  # "302→/path/" exactly, "302→/path/*" a prefix
        code, where = expected.split("→", 1)
        if not got.startswith(f"{code}→"):
            return False
        path = urlsplit(got.split("→", 1)[1]).path
        return path.startswith(where[:-1]) if where.endswith("*") else path == where
    if expected in (301, 302):  # a redirect, but not to a login page
        return got.startswith(f"{expected}→")
    return got == str(expected)


def call(client, check: Check, url: str, data):
    kw = {}
    if check.data is not None and check.anon == API_ANON:
        kw["content_type"] = "application/json"
    method = getattr(client, check.method)
    if check.method == "get":
        return method(url)
    return method(url, data if data is not None else {}, **kw)


def leaks(persona: str, body: str) -> list[str]:
    return [s for s in SECRETS.get(persona, ()) if s in body]


def run_check(w, clients, key: str, check: Check, persona: str, side) -> str | None:
    want = expected_for(persona, side, check)
    if want is None:
        return None
    url = check.url(w, side, persona)
    client = clients[persona]
    cookies = copy.deepcopy(client.cookies)  # logging out or switching the language must not stick
    with transaction.atomic():
        data = check.data(w, side) if check.data else None
        resp = call(client, check, url, data)
        body = body_of(resp)
        problem = None
        if not matches(want, resp):
            snippet = body[:160].replace("\n", " ") if resp.status_code >= 500 else ""
            problem = f"got {answer_of(resp)}, expected {want}{'  ' + snippet if snippet else ''}"
            if resp.status_code == 200 and leaks(persona, body):
                problem += f", and it holds {leaks(persona, body)}"
        elif resp.status_code == 200 and check.method == "get" and leaks(persona, body):
            problem = f"200 but leaks {leaks(persona, body)}"
        elif check.after is not None and persona != ANON:
            problem = check.after(w, side, persona, may(persona, side, check.need))
        transaction.set_rollback(True)
    client.cookies = cookies
    if problem:
        return f"{persona:<18} {side or '-':<6} {check.method.upper():<5} {url}: {problem}"
    return None
