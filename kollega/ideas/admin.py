from django.contrib import admin

from kollega.ideas.models import Idea, IdeaVote


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ("item", "state", "vote_count", "decided_at")
    list_filter = ("state",)
    raw_id_fields = ("item", "duplicate_of", "decided_by")


@admin.register(IdeaVote)
class IdeaVoteAdmin(admin.ModelAdmin):
    list_display = ("idea", "person", "created")
    raw_id_fields = ("idea", "person")
