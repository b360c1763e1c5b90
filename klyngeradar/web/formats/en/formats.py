# English pages show European dates ("1 January 2021"), not Django's US default.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y, H:i"
# Typed dates: day first as in Denmark (also on English pages), and ISO dates.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
