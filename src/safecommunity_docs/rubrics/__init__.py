"""Shipped rubric data files (city.yaml, national-field.yaml); loaded by ``io.rubrics``."""
