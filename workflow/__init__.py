"""The organisation of the programme and its case files.

Owns Country (legal rules, contribution bounds, ages, notice period), Territory
(country → region → department), Organisation (association, pension office, national body,
partner); the Host and Guest applications with their vetting states, staff roles and
``access.py`` (who may see and do what), the transition log and the audit trail's back-office
screens (the chain itself is the ``audit`` app).
"""
