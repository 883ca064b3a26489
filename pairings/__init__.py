"""The match and its life.

Owns the matching engine (``pairings/matching/``: hard constraints, weighted scores with their
explanations, optimal assignment per territory) and the offline geocoding it uses, the Pairing
with its states from proposal to end, the follow-up check-ins, notes and amendments.
"""
