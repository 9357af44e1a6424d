# ItemTag keeps a copy of its item's last_activity_at (see the model): added empty, filled
# from the items in one statement, then required.

from django.db import migrations, models

FILL = """
UPDATE content_itemtag SET last_activity_at = (
    SELECT content_item.last_activity_at FROM content_item
    WHERE content_item.id = content_itemtag.item_id
)
"""


class Migration(migrations.Migration):

    dependencies = [
        ("content", "0004_item_author_activity_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="itemtag",
            name="last_activity_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunSQL(FILL, reverse_sql=migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="itemtag",
            name="last_activity_at",
            field=models.DateTimeField(),
        ),
        migrations.AddIndex(
            model_name="itemtag",
            index=models.Index(fields=["tag", "-last_activity_at"], name="content_ite_tag_id_cd3eb0_idx"),
        ),
    ]
