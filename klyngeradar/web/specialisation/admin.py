from django.contrib import admin

from klyngeradar.web.specialisation.models import EmploymentUpload


@admin.register(EmploymentUpload)
class EmploymentUploadAdmin(admin.ModelAdmin):
    list_display = ("file_name", "organisation", "year", "source", "illustrative", "uploaded_at")
    list_filter = ("organisation", "year", "illustrative")
    exclude = ("cells",)
    readonly_fields = ("years", "layout", "labels", "mapping_rows", "uploaded_by", "uploaded_at")
