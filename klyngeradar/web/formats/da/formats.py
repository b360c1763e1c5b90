# Danish pages: "1. januar 2021", as Django's Danish locale writes it, stated here so
# that English and Danish dates are defined in one place.
DATE_FORMAT = "j. F Y"
SHORT_DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "j. F Y H:i"
# Typed dates: Danish day.month.year first; ISO dates from copied data are accepted too.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"]
