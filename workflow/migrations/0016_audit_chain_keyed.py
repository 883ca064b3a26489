"""The audit chain is keyed (HMAC-SHA256 with AUDIT_HMAC_KEY): the entries written before keep
their plain SHA-256 hashes and are sealed by one keyed ``audit.keyed`` entry after them."""

from django.db import migrations


def seal(apps, schema_editor):
    from audit.chain import seal_unkeyed_chain

    # Appends one entry (inserts only: the append-only trigger of PostgreSQL lets them through);
    # nothing on an empty chain.
    seal_unkeyed_chain(apps.get_model("workflow", "AuditEvent"), apps.get_model("workflow", "AuditHead"))


class Migration(migrations.Migration):
    dependencies = [("workflow", "0015_applicant_links_bound_to_their_address")]

    # Irreversible in effect: the seal stays, and the unkeyed entries before it still verify.
    operations = [migrations.RunPython(seal, migrations.RunPython.noop)]
