"""The map pages take no input beyond the municipality code in the URL."""
