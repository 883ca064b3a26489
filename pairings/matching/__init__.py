"""The matching engine: hard constraints, weighted scores with their explanation, optimal assignment.

Everything is computed on NumPy arrays (one row per host, one column per guest), so a territory
of thousands of people is scored and assigned in seconds.
"""
