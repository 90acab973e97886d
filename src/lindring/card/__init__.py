"""The pocket card: its content as data, every number from the calculator, and the layout
of its chart (tables/card.yaml).
"""
