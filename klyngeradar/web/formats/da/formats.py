# Danish pages: "1. januar 2021", as Django's Danish locale writes it, stated here so
# that English and Danish dates are defined in one place.
DATE_FORMAT = "j. F Y"
SHORT_DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "j. F Y H:i"
