"""The typed event log (signalen.logboek): what pages filter on becomes a column. An action's
events name it in `actie` (was details["actie"]); a confidential note's event names the partner it
stays with in `vertrouwelijk_voor` (was details["vertrouwelijk"] and details["partner"])."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import IntegerField
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

ACTIE_SOORTEN = ("actie_aangemaakt", "actie_bijgewerkt", "actie_status")


def kolommen_vullen(apps, schema_editor):
    Gebeurtenis = apps.get_model("signalen", "Gebeurtenis")
    Gebeurtenis.objects.filter(wat__in=ACTIE_SOORTEN, details__has_key="actie").update(
        actie_id=Cast(KeyTextTransform("actie", "details"), IntegerField())
    )
    Gebeurtenis.objects.filter(
        wat="notitie_geplaatst", details__vertrouwelijk=True, details__has_key="partner"
    ).update(vertrouwelijk_voor_id=Cast(KeyTextTransform("partner", "details"), IntegerField()))


class Migration(migrations.Migration):

    dependencies = [
        ("acties", "0005_verbeterpunt_en_notitie_verhuisd"),
        ("partners", "0001_initial"),
        ("signalen", "0008_verbeterpunt_en_notitie_naar_acties"),
    ]

    operations = [
        migrations.AddField(
            model_name='gebeurtenis',
            name='actie',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='gebeurtenissen', to='acties.actie', verbose_name='actie'),
        ),
        migrations.AddField(
            model_name='gebeurtenis',
            name='vertrouwelijk_voor',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='partners.partner', verbose_name='vertrouwelijk voor'),
        ),
        migrations.AddIndex(
            model_name='gebeurtenis',
            index=models.Index(fields=['actie', 'wanneer'], name='gebeurtenis_actie'),
        ),
        migrations.AddConstraint(
            model_name='gebeurtenis',
            constraint=models.CheckConstraint(condition=models.Q(('actie__isnull', True), ('verbeterpunt__isnull', False), _connector='OR'), name='gebeurtenis_actie_met_verbeterpunt'),
        ),
        migrations.RunPython(kolommen_vullen, migrations.RunPython.noop),
    ]
