"""Pure-Python domain logic: no Django, no Office libraries, no clock or I/O hidden inside."""
