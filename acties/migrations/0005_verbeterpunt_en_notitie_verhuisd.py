"""Points and notes move from signalen to acties (issue 13): the models change app, the tables
keep their names and their rows (state only, no data copied). The content types follow, so the
beheerders' permissions and the admin history stay attached."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


VERHUISD = ("verbeterpunt", "notitie")


def _verhuis(apps, van: str, naar: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in VERHUISD:
        if not ContentType.objects.filter(app_label=naar, model=model).exists():
            ContentType.objects.filter(app_label=van, model=model).update(app_label=naar)


def inhoudstypen_naar_acties(apps, schema_editor):
    _verhuis(apps, "signalen", "acties")


def inhoudstypen_naar_signalen(apps, schema_editor):
    _verhuis(apps, "acties", "signalen")


class Migration(migrations.Migration):

    dependencies = [
        ('acties', '0004_partner_punt_index'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('buurten', '0002_initial'),
        ('partners', '0001_initial'),
        ('signalen', '0007_triage_index_dekkend'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Verbeterpunt',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('titel', models.CharField(max_length=200, verbose_name='titel')),
                        ('omschrijving', models.TextField(blank=True, verbose_name='omschrijving')),
                        ('status', models.CharField(choices=[('vastgesteld', 'Vastgesteld'), ('plan_van_aanpak', 'Plan van aanpak'), ('in_uitvoering', 'In uitvoering'), ('afgerond', 'Afgerond'), ('gestaakt', 'Gestaakt')], default='vastgesteld', max_length=20, verbose_name='status')),
                        ('prioriteit', models.CharField(choices=[('laag', 'Laag'), ('normaal', 'Normaal'), ('hoog', 'Hoog')], default='normaal', max_length=10, verbose_name='prioriteit')),
                        ('aangemaakt_op', models.DateTimeField(default=django.utils.timezone.now, verbose_name='aangemaakt op')),
                        ('status_sinds', models.DateTimeField(default=django.utils.timezone.now, verbose_name='status sinds')),
                        ('afgerond_op', models.DateTimeField(blank=True, null=True, verbose_name='afgerond op')),
                        ('spaak_na', models.DateTimeField(verbose_name='zonder trekker spaak na')),
                        ('aantal_bewoners', models.PositiveIntegerField(default=0, verbose_name='aantal bewoners')),
                        ('aantal_meedoeners', models.PositiveIntegerField(default=0, verbose_name='aantal meedoende bewoners')),
                        ('reden', models.TextField(blank=True, verbose_name='reden')),
                        ('versie', models.PositiveIntegerField(default=1, verbose_name='versie')),
                        ('aangemaakt_door', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='aangemaakt door')),
                        ('betrokken_partners', models.ManyToManyField(blank=True, related_name='verbeterpunten', to='partners.partner', verbose_name='betrokken partners')),
                        ('bron_signaal', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='bron_van', to='signalen.signaal', verbose_name='ontstaan uit signaal')),
                        ('buurt', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='verbeterpunten', to='buurten.buurt', verbose_name='buurt')),
                        ('initiatieven', models.ManyToManyField(blank=True, related_name='verbeterpunten', to='buurten.initiatief', verbose_name='initiatieven')),
                        ('subgebied', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='buurten.subgebied', verbose_name='subgebied')),
                        ('team', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='verbeterpunten', to='buurten.team', verbose_name='team')),
                        ('thema', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='verbeterpunten', to='signalen.thema', verbose_name='thema')),
                        ('trekker_partner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='getrokken_verbeterpunten', to='partners.partner', verbose_name='trekkende partner')),
                    ],
                    options={
                        'verbose_name': 'verbeterpunt',
                        'verbose_name_plural': 'verbeterpunten',
                        'db_table': 'signalen_verbeterpunt',
                        'ordering': ['-aangemaakt_op', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='Notitie',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('tekst', models.TextField(max_length=4000, verbose_name='tekst')),
                        ('vertrouwelijk', models.BooleanField(default=False, help_text='Alleen zichtbaar voor medewerkers van uw eigen organisatie.', verbose_name='vertrouwelijk')),
                        ('aangemaakt_op', models.DateTimeField(default=django.utils.timezone.now, verbose_name='aangemaakt op')),
                        ('auteur', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='auteur')),
                        ('partner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='partners.partner', verbose_name='partner')),
                        ('signaal', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='notities', to='signalen.signaal', verbose_name='signaal')),
                        ('verbeterpunt', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='notities', to='acties.verbeterpunt', verbose_name='verbeterpunt')),
                    ],
                    options={
                        'verbose_name': 'notitie',
                        'verbose_name_plural': 'notities',
                        'db_table': 'signalen_notitie',
                        'ordering': ['aangemaakt_op', 'id'],
                    },
                ),
                migrations.AlterField(
                    model_name='actie',
                    name='verbeterpunt',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='acties', to='acties.verbeterpunt', verbose_name='verbeterpunt'),
                ),
                migrations.AddIndex(
                    model_name='verbeterpunt',
                    index=models.Index(fields=['buurt', 'status', '-aangemaakt_op'], name='verbeterpunt_buurt'),
                ),
                migrations.AddIndex(
                    model_name='verbeterpunt',
                    index=models.Index(fields=['team', 'status', '-aangemaakt_op'], name='verbeterpunt_team'),
                ),
                migrations.AddIndex(
                    model_name='verbeterpunt',
                    index=models.Index(fields=['status', 'spaak_na'], name='verbeterpunt_spaak'),
                ),
                migrations.AddIndex(
                    model_name='verbeterpunt',
                    index=models.Index(fields=['-aangemaakt_op', '-id'], name='verbeterpunt_recent'),
                ),
                migrations.AddIndex(
                    model_name='verbeterpunt',
                    index=models.Index(fields=['thema', '-aangemaakt_op'], name='verbeterpunt_thema'),
                ),
                migrations.AddIndex(
                    model_name='verbeterpunt',
                    index=models.Index(fields=['subgebied', '-aangemaakt_op'], name='verbeterpunt_subgebied'),
                ),
                migrations.AddIndex(
                    model_name='verbeterpunt',
                    index=models.Index(fields=['-aantal_bewoners', '-id'], name='verbeterpunt_aantal'),
                ),
                migrations.AddIndex(
                    model_name='notitie',
                    index=models.Index(fields=['verbeterpunt', 'aangemaakt_op'], name='notitie_verbeterpunt'),
                ),
                migrations.AddIndex(
                    model_name='notitie',
                    index=models.Index(fields=['signaal', 'aangemaakt_op'], name='notitie_signaal'),
                ),
                migrations.AddConstraint(
                    model_name='notitie',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('signaal__isnull', True), ('verbeterpunt__isnull', False)), models.Q(('signaal__isnull', False), ('verbeterpunt__isnull', True)), _connector='OR'), name='notitie_bij_punt_of_signaal'),
                ),
            ],
        ),
        migrations.RunPython(inhoudstypen_naar_acties, inhoudstypen_naar_signalen),
    ]
