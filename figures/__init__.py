"""Situation in figures ("Lage in Zahlen"): indicators with dated values, each
value with its source and licence; the admin import of CSV and XLSX files;
the public pages ``/zahlen/``, their CSV and JSON downloads, and the block
"Kennzahl / Diagramm" that places a chart on any page. The chart component
itself (SVG, table, source line) is ``figures.charts`` and the
``figure_charts`` template tags; ``figures.selectors.chart_data`` feeds it.
"""
