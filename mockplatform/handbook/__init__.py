"""The handbook itself: its source text read into blocks (``source``), compared with the guides
(``coverage``: what no guide checks), and built as HTML and PDF with fresh pictures (``build``)."""
