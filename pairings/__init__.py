"""The match and its life.

Will own the matching engine (``pairings/matching/``: hard constraints, weighted scores with
their explanations, optimal assignment per territory), the Pairing with its states from
proposal to end, the follow-up check-ins and mediation notes. Empty until the matching issue.
"""
