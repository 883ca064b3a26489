"""An association's manager sees the figures of its territories only, a pension office those of
its region, a national officer those of its country; advisors and people without a role do not
open the statistics."""

from django.urls import reverse

from oversight import figures

from .figures_seed import seed


def test_each_reader_gets_the_territories_of_their_scope():
    s = seed()
    period = figures.Period.last_months(12)

    assert [n for _k, n in figures.funnel(s.manager, period=period).territories] == ["Gironde"]
    assert [n for _k, n in figures.funnel(s.officer, period=period).territories] == ["Gironde", "Landes"]
    national = [n for _k, n in figures.funnel(s.national, period=period).territories]
    assert national == ["Nouvelle-Aquitaine", "Occitanie"]  # not the other country's Wallonie


def test_the_statistics_count_only_the_pairs_of_the_scope():
    s = seed()
    period = figures.Period.last_months(12)

    stats = figures.statistics(s.manager, by="department", period=period)

    assert [label for _key, label in stats.rows] == ["Gironde"]
    moved_in = [p for p in s.pairs_in("D1") if p.moved_in_on and p.moved_in_on >= period.start]
    assert stats.value("pairs_created", s.departments["D1"].pk).value == len(moved_in)
    assert stats.counts["pairs_created"].total.value == len(moved_in)


def test_the_territory_filter_offers_only_the_territories_one_sees(client):
    s = seed()
    client.force_login(s.manager)

    refused = client.get(reverse("oversight_statistics"), {"territory": s.departments["D3"].pk})
    accepted = client.get(reverse("oversight_statistics"), {"territory": s.departments["D1"].pk})

    assert refused.status_code == 200 and refused.context["form"].errors["territory"]
    assert accepted.status_code == 200 and not accepted.context["form"].errors
    assert "Gard" not in refused.content.decode().split('id="funnel-by-territory"')[1]


def test_advisors_do_not_open_the_statistics(client):
    s = seed()
    client.force_login(s.advisor)

    assert client.get(reverse("oversight_statistics")).status_code == 403
    assert client.get(reverse("oversight_report")).status_code == 403
    assert reverse("oversight_statistics") not in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(s.manager)
    assert reverse("oversight_statistics") in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_wrong_month_is_a_message_not_an_error(client):
    s = seed()
    client.force_login(s.national)

    for month in ("abc", "2026-13", "2999-01"):
        response = client.get(reverse("oversight_report"), {"month": month})
        assert response.status_code == 200
        assert response.context["form"].errors["month"]
    good = client.get(reverse("oversight_report"), {"month": "2026-01"})
    assert good.status_code == 200 and good.context["report"].period.start.isoformat() == "2026-01-01"
