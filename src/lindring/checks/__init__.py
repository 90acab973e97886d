"""What editors and CI run: validate (each file), check (the table as a working whole,
including the calculator on every pair and the start-dose sweep), and diff (what a new
table version does to real conversions).
"""
