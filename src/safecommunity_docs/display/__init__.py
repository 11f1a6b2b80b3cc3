"""Notebook faces of the library's results: HTML reprs, DataFrames and inline charts.

Nothing here is imported until a notebook asks for it (``_repr_html_``, ``to_pandas()``,
``_repr_png_``); pandas is an optional extra (``pip install 'safecommunity-docs[pandas]'``).
"""
