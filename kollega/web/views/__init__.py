"""Kollega's HTML pages, one module per area. Views stay thin: they parse input, call an
action (writes) or a query (reads) and render."""
