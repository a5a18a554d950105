"""Points and notes now live in acties (see acties 0005): signalen's foreign keys point there
and its own copies leave the state. Nothing changes in the database."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('acties', '0005_verbeterpunt_en_notitie_verhuisd'),
        ('partners', '0001_initial'),
        ('signalen', '0007_triage_index_dekkend'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name='notitie',
                    name='auteur',
                ),
                migrations.RemoveField(
                    model_name='notitie',
                    name='partner',
                ),
                migrations.RemoveField(
                    model_name='notitie',
                    name='signaal',
                ),
                migrations.RemoveField(
                    model_name='notitie',
                    name='verbeterpunt',
                ),
                migrations.RemoveField(
                    model_name='verbeterpunt',
                    name='aangemaakt_door',
                ),
                migrations.RemoveField(
                    model_name='verbeterpunt',
                    name='betrokken_partners',
                ),
                migrations.RemoveField(
                    model_name='verbeterpunt',
                    name='bron_signaal',
                ),
                migrations.RemoveField(
                    model_name='verbeterpunt',
                    name='buurt',
                ),
                migrations.RemoveField(
                    model_name='verbeterpunt',
                    name='initiatieven',
                ),
                migrations.RemoveField(
                    model_name='verbeterpunt',
                    name='subgebied',
                ),
                migrations.RemoveField(
                    model_name='verbeterpunt',
                    name='team',
                ),
                migrations.RemoveField(
                    model_name='verbeterpunt',
                    name='thema',
                ),
                migrations.RemoveField(
                    model_name='verbeterpunt',
                    name='trekker_partner',
                ),
                migrations.AlterField(
                    model_name='signaal',
                    name='verbeterpunt',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='signalen', to='acties.verbeterpunt', verbose_name='verbeterpunt'),
                ),
                migrations.AlterField(
                    model_name='gebeurtenis',
                    name='verbeterpunt',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='gebeurtenissen', to='acties.verbeterpunt', verbose_name='verbeterpunt'),
                ),
                migrations.DeleteModel(
                    name='Notitie',
                ),
                migrations.DeleteModel(
                    name='Verbeterpunt',
                ),
            ],
        ),
    ]
