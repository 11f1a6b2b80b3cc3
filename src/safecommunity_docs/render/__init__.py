"""Renderers: turn views into Word, Excel, chart and PDF bytes; they never read input files."""
