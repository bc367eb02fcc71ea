"""The pieces of the access matrix (chitieu/access/tests/test_matrix.py), which walks every route of the
project as every persona, on an object inside huyen-d's subtree and outside it: `rules` holds the
personas, the roles, the rules an answer follows, the secrets a page must not show and the `Check`
an expectation is written as; `urls` builds the addresses and `bodies` the POST bodies and the
after-the-fact checks of a write; `routes` (with `api_routes` and `admin_routes`) is the expectation
table keyed by URL name and the walk of the URL resolver it is compared with; `world` builds the data
and `calls` makes one request and judges its answer. Only the test module itself is collected.
"""
